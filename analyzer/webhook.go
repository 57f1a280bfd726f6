package analyzer

import (
	"github.com/slackscope/slackscope/internal/appcode"

	"go/ast"
	"go/types"
	"strings"

	"golang.org/x/tools/go/analysis"
)

// A URL that slack-go posts a message to (PostWebhook and its variants) is an incoming
// webhook, which needs the incoming-webhook scope, or an interaction's or slash
// command's response_url, which needs none. The function's name says webhook either
// way, so the URL's origin decides: the ResponseURL field of slack-go's payloads (an
// InteractionCallback, a SlashCommand), directly or through a local variable set to it,
// or a constant URL of Slack's response hosts. Any other origin (configuration, a
// parameter) counts as an incoming webhook: the upper bound, never nothing.

// responseURLPrefixes are the URLs Slack gives as response_url (interactions, slash
// commands); incoming webhooks are under /services/.
var responseURLPrefixes = []string{"https://hooks.slack.com/actions/", "https://hooks.slack.com/commands/"}

// paramArg is the argument a call passes for fn's parameter named param, or nil.
func paramArg(call *ast.CallExpr, fn *types.Func, param string) ast.Expr {
	sig, ok := fn.Type().(*types.Signature)
	if !ok {
		return nil
	}
	for i := range sig.Params().Len() {
		if sig.Params().At(i).Name() == param && i < len(call.Args) {
			return call.Args[i]
		}
	}
	return nil
}

// isResponseURL reports whether e is surely a response_url.
func isResponseURL(pass *analysis.Pass, e ast.Expr, depth int) bool {
	if e == nil || depth > 3 {
		return false
	}
	if s, ok := constString(pass, e); ok {
		for _, p := range responseURLPrefixes {
			if strings.HasPrefix(s, p) {
				return true
			}
		}
		return false
	}
	switch e := ast.Unparen(e).(type) {
	case *ast.SelectorExpr:
		sel, ok := pass.TypesInfo.Selections[e]
		if !ok || sel.Kind() != types.FieldVal || e.Sel.Name != "ResponseURL" {
			return false
		}
		n, ok := types.Unalias(deref(sel.Recv())).(*types.Named)
		return ok && appcode.ClientPackage(n.Obj().Pkg())
	case *ast.Ident:
		if v, ok := pass.TypesInfo.Uses[e].(*types.Var); ok {
			if init := declaredValue(pass, v); init != nil {
				return isResponseURL(pass, init, depth+1)
			}
		}
	}
	return false
}
