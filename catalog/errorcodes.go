package catalog

import (
	"slices"
	"strings"
	"sync"
)

// An ErrorMeaning is one wording of an error code, with the methods whose docs use it.
type ErrorMeaning struct {
	Description string
	Methods     []string // sorted
}

// errorCodes maps each documented error code to the indexes of the methods that
// document it, in method order.
var errorCodes = sync.OnceValue(func() map[string][]int {
	out := map[string][]int{}
	for i := range methods {
		for _, e := range methods[i].Errors {
			out[e.Code] = append(out[e.Code], i)
		}
	}
	return out
})

// MethodsDocumenting lists, sorted, the methods whose docs list the error code
// ("channel_not_found").
func MethodsDocumenting(code string) []string {
	var out []string
	for _, i := range errorCodes()[code] {
		out = append(out, methods[i].Name)
	}
	return out
}

// ErrorMeanings is what the methods' docs say an error code means, one entry per
// wording, the wording most methods use first.
func ErrorMeanings(code string) []ErrorMeaning {
	byText := map[string][]string{}
	for _, i := range errorCodes()[code] {
		if e, ok := methods[i].Error(code); ok {
			byText[e.Description] = append(byText[e.Description], methods[i].Name)
		}
	}
	var out []ErrorMeaning
	for d, ms := range byText {
		out = append(out, ErrorMeaning{d, ms})
	}
	slices.SortFunc(out, func(a, b ErrorMeaning) int {
		if len(a.Methods) != len(b.Methods) {
			return len(b.Methods) - len(a.Methods)
		}
		return strings.Compare(a.Description, b.Description)
	})
	return out
}

// ClosestErrorCode is the documented error code nearest to code ("chanel_not_found" →
// "channel_not_found"), or "".
func ClosestErrorCode(code string) string {
	idx := errorCodes()
	codes := make([]string, 0, len(idx))
	for c := range idx {
		codes = append(codes, c)
	}
	slices.Sort(codes)
	s, _ := nearest(code, len(codes), func(i int) string { return codes[i] })
	return s
}
