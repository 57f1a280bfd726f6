package analyzer

// The module's scope policy (.slackscope.yml, internal/policy): a requested scope it
// forbids is a policy-violation, one it asks a justification for and gives none is an
// unjustified-scope, each at the manifest's line (main packages) and at every call of
// the package that needs the scope. A call needs a scope when a clause of its need names
// it alone, or names only scopes the policy rules on alike.

import (
	"fmt"
	"go/token"
	"strings"

	"golang.org/x/tools/go/analysis"

	"github.com/slackscope/slackscope/catalog"
	"github.com/slackscope/slackscope/internal/policy"
)

// A policyRuling is what the policy says of a scope: the check it breaks, the verb and
// the rule ("forbids", "(never: admin.*, .slackscope.yml:2:5)"), and what is missing.
type policyRuling struct {
	check      *Check
	verb, rule string
	tail       string // "; none is under justifications"
}

func (pr policyRuling) text() string {
	return policy.FileName + " " + pr.verb + " " + pr.rule + pr.tail
}

// ruling is the policy's ruling on scope, if it has one.
func ruling(p *policy.Policy, scope string) (policyRuling, bool) {
	if p == nil {
		return policyRuling{}, false
	}
	if r, ok := p.Forbids(scope); ok {
		return policyRuling{check: PolicyViolation, verb: "forbids", rule: fmt.Sprintf("(never: %s, %s)", r.Pattern, p.Where(r))}, true
	}
	if r, ok := p.Unjustified(scope); ok {
		return policyRuling{check: UnjustifiedScope, verb: "asks a justification for", rule: fmt.Sprintf("(justify: %s, %s)", r.Pattern, p.Where(r)),
			tail: "; none is under justifications"}, true
	}
	return policyRuling{}, false
}

// checkPolicy reports the requested scopes the policy rules on, at their lines.
func (r *request) checkPolicy(rep *reporter) {
	if r.policy == nil {
		return
	}
	for _, s := range r.scopes {
		if pr, ok := ruling(r.policy, s.name); ok {
			rep.report(pr.check, analysis.Diagnostic{Pos: s.pos, End: s.end, Message: fmt.Sprintf(
				"%s requests %s, which %s", r.source, s.name, pr.text())})
		}
	}
}

// checkPolicyAtCall reports, at a call, the scopes its need names that the policy rules
// on: a clause of one scope, or of several the policy rules on alike (every one of them
// forbidden).
func (r *request) checkPolicyAtCall(rep *reporter, pos token.Pos, callee, method string, clauses []catalog.Clause) {
	if r.policy == nil {
		return
	}
	for _, c := range clauses {
		var first policyRuling
		all := len(c) > 0
		for i, s := range c {
			pr, ok := ruling(r.policy, s)
			if !ok || i > 0 && pr.check != first.check {
				all = false
				break
			}
			if i == 0 {
				first = pr
			}
		}
		if !all {
			continue
		}
		what, which := c[0], "which"
		if len(c) > 1 {
			what, which = "one of "+strings.Join(c, ", "), "each of which"
		}
		rep.report(first.check, analysis.Diagnostic{Pos: pos, Message: fmt.Sprintf(
			"%s calls %s, which needs %s, %s %s", callee, method, what, which, first.text())})
	}
}
