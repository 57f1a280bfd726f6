package model

import (
	"fmt"
	"go/scanner"
	"go/token"
	"sort"

	"gopkg.in/yaml.v3"
)

// Pos is a position in a catalog file. It prints as go/token writes positions,
// file:line:col: the column left out where it is not known (malformed YAML), the line too
// where the error is about the file or the catalog as a whole.
type Pos = token.Position

// posOf is the position of node n of file.
func posOf(file string, n *yaml.Node) Pos {
	return Pos{Filename: file, Line: n.Line, Column: n.Column}
}

// errorList collects the errors of one Load or ParseBindings.
type errorList struct{ list scanner.ErrorList }

// add records the problem at p, in field.
func (l *errorList) add(p Pos, field, format string, args ...any) {
	msg := fmt.Sprintf(format, args...)
	if field != "" {
		msg = field + ": " + msg
	}
	l.list.Add(p, msg)
}

// len is how many problems have been found so far.
func (l *errorList) len() int { return len(l.list) }

// err is the problems found, sorted, or nil.
func (l *errorList) err() error {
	if len(l.list) == 0 {
		return nil
	}
	// Stable, unlike ErrorList.Sort (which breaks ties by message): errors at one
	// position stay in the order of the checks.
	sort.SliceStable(l.list, func(i, j int) bool {
		a, b := l.list[i].Pos, l.list[j].Pos
		if a.Filename != b.Filename {
			return a.Filename < b.Filename
		}
		if a.Line != b.Line {
			return a.Line < b.Line
		}
		return a.Column < b.Column
	})
	return l.list
}
