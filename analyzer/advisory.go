package analyzer

import (
	"fmt"

	"golang.org/x/tools/go/analysis"

	"github.com/slackscope/slackscope/catalog"
)

// checkAdvisories reports, at a call, each dated notice the catalog holds for the method
// it calls (a lower rate limit, a scope on its way out), with its date and source. A
// method a retired-method or classic-only finding is about already says what its notice
// would: those get none.
func checkAdvisories(rep *reporter, u Use, m catalog.Method, t catalog.TokenType) {
	if t == catalog.LegacyBot {
		return
	}
	for _, a := range m.Advisories {
		// A call that reaches the method twice (two uses at one call) is told once.
		key := fmt.Sprint(u.Pos, m.Name, a.Date)
		if rep.advised[key] {
			continue
		}
		if rep.advised == nil {
			rep.advised = map[string]bool{}
		}
		rep.advised[key] = true
		rep.report(Advisory, analysis.Diagnostic{Pos: u.Pos, Message: fmt.Sprintf("%s calls %s: %s (Slack, %s: %s)", u.Callee, u.Method, a.Note, a.Date, a.Source)})
	}
}
