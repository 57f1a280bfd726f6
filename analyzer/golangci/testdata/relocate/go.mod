module example.com/relocate

go 1.26
