package analyzer

import (
	"fmt"
	"go/ast"
	"go/types"
	"slices"
	"strings"

	"golang.org/x/tools/go/analysis"

	"github.com/slackscope/slackscope/catalog"
	"github.com/slackscope/slackscope/internal/appcode"
)

// This file finds the response fields a program reads that Slack returns only to a token
// with a scope of their own: users.info and users.list leave a user's profile.email out
// unless the token has users:read.email (the catalog's conditional fields). A read is a
// use of its own (FieldUse), reached like a call; it needs the scope when the program
// also calls a method whose conditional names the field (pairFields). A read of a user
// that came from elsewhere (an event) needs nothing; the read and the call are paired
// per program, not traced value by value, so a program that calls users.info and reads
// the email of a user it got otherwise is told to request the scope too.

// responseFields are slack-go's struct fields that hold a response field of the catalog's
// conditionals, by "Type.Field": the UserProfile of a user object ("profile") holds its
// "email". fields_test.go checks the JSON names against slack-go.
var responseFields = map[string]string{
	"UserProfile.Email": "profile.email",
}

// findFieldReads finds the reads of responseFields in the package's code (tests and
// mocks do not count; an assignment to the field is not a read).
func findFieldReads(pass *analysis.Pass) []Use {
	var uses []Use
	for _, file := range pass.Files {
		if appcode.TestOrMock(pass.Fset, file) {
			continue
		}
		written := map[ast.Expr]bool{}
		ast.Inspect(file, func(n ast.Node) bool {
			switch n := n.(type) {
			case *ast.AssignStmt:
				for _, l := range n.Lhs {
					written[ast.Unparen(l)] = true
				}
			case *ast.SelectorExpr:
				if written[n] {
					return true
				}
				if field, ok := responseField(pass, n); ok {
					uses = append(uses, Use{Method: field, Kind: FieldUse, Pos: n.Sel.Pos(), Callee: n.Sel.Name})
				}
			}
			return true
		})
	}
	return uses
}

// responseField is the response field a selector reads, if it is one of responseFields.
func responseField(pass *analysis.Pass, sel *ast.SelectorExpr) (string, bool) {
	s, ok := pass.TypesInfo.Selections[sel]
	if !ok || s.Kind() != types.FieldVal {
		return "", false
	}
	n, ok := types.Unalias(deref(s.Recv())).(*types.Named)
	if !ok || !appcode.ClientPackage(n.Obj().Pkg()) {
		return "", false
	}
	// A field promoted from an embedded struct is the embedded type's: find its owner.
	owner := n
	if idx := s.Index(); len(idx) > 1 {
		var t types.Type = n
		for _, i := range idx[:len(idx)-1] {
			st, ok := coreType(deref(t)).(*types.Struct)
			if !ok {
				return "", false
			}
			t = st.Field(i).Type()
		}
		if owner, ok = types.Unalias(deref(t)).(*types.Named); !ok {
			return "", false
		}
	}
	field, ok := responseFields[owner.Obj().Name()+"."+sel.Sel.Name]
	return field, ok
}

// pairFields gives each field read of the program the scopes of the conditionals that
// name its field in the methods the program calls (users.info: users:read.email), and
// those methods as its From; reads that no call of the program answers need nothing and
// are dropped.
func pairFields(prog []FactUse) []FactUse {
	out := prog[:0:0]
	for _, u := range prog {
		if u.Kind != FieldUse {
			out = append(out, u)
			continue
		}
		u.Extra, u.From = nil, nil
		for _, m := range prog {
			cat, ok := catalog.LookupMethod(m.Method)
			if m.Kind != MethodUse || !ok {
				continue
			}
			for _, c := range cat.Conditional {
				if !slices.Contains(c.Fields, u.Method) {
					continue
				}
				if !slices.Contains(u.Extra, c.Scope) {
					u.Extra = append(u.Extra, c.Scope)
				}
				if !slices.Contains(u.From, m.Method) {
					u.From = append(u.From, m.Method)
				}
			}
		}
		if len(u.Extra) > 0 {
			out = append(out, u)
		}
	}
	return out
}

// fieldSubject says what a paired read does: "Email reads the profile.email field of
// what users.info returns".
func fieldSubject(u FactUse) string {
	verb := "returns"
	if len(u.From) > 1 {
		verb = "return"
	}
	return fmt.Sprintf("%s reads the %s field of what %s %s", u.Callee, u.Method, strings.Join(u.From, " and "), verb)
}
