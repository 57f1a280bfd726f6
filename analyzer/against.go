package analyzer

import (
	"errors"
	"fmt"
	"go/token"
	"slices"
	"strings"

	"golang.org/x/tools/go/analysis"

	"github.com/slackscope/slackscope/catalog"
	"github.com/slackscope/slackscope/manifest"
)

// This file checks the program against its manifest in both directions: what the code
// needs that the manifest lacks (at the code), and what the manifest declares that the
// code does not use or that needs what the manifest lacks (at the manifest).

// addDirectives registers the manifest's "# slackscope:ignore" directives with the
// reporter: the same checks, reasons and coverage as the Go ones.
func (r *request) addDirectives(rep *reporter) {
	for _, d := range r.man.Directives {
		text := ""
		if d.Check != "" {
			text = " " + d.Check + " " + d.Reason
		}
		rep.add(r.at(d.Line, d.Col), d.OwnLine, text)
	}
}

// reportMissing reports, at pos, each clause the request does not meet for token t:
// "<subject>, which needs <scope> on a bot token; manifest.yml does not request it
// (oauth_config.scopes.bot)", with the fix that adds the scope to the manifest when one
// scope meets the clause. App-level and classic tokens are not requested in oauth_config:
// checkTokens says what they need.
func (r *request) reportMissing(rep *reporter, pos token.Pos, subject string, clauses []catalog.Clause, t catalog.TokenType) {
	if t != catalog.Bot && t != catalog.User {
		return
	}
	for _, c := range r.gaps(clauses, t) {
		rep.report(MissingScope, analysis.Diagnostic{Pos: pos, Message: fmt.Sprintf(
			"%s, which needs %s on a %s token; %s does not request it (oauth_config.scopes.%s)",
			subject, clauseText(c), tokenName(t), r.source, listOf(t)), SuggestedFixes: r.addFix(t, c)})
	}
}

// runsSocketMode reports whether the program calls a method of an app-level token
// (Socket Mode's connection).
func runsSocketMode(uses []Use, tk tokens) bool {
	return slices.ContainsFunc(uses, func(u Use) bool {
		if u.Kind != MethodUse {
			return false
		}
		m, ok := catalog.LookupMethod(u.Method)
		t, _ := tk.forMethod(m)
		return ok && t == catalog.AppLevel
	})
}

// reportMissingCall reports, at the call, each clause of the method it calls that the
// request does not meet for token type t, as reportMissing does; a call that reaches
// several methods needing one scope (UploadFile: files.getUploadURLExternal and
// files.completeUploadExternal, files:write) gets one finding naming them all, made when
// the pass ends (reporter.finish).
func (r *request) reportMissingCall(rep *reporter, pos token.Pos, callee, method string, clauses []catalog.Clause, t catalog.TokenType) {
	if t != catalog.Bot && t != catalog.User {
		return
	}
	for _, c := range r.gaps(clauses, t) {
		rep.missingCall(pos, callee, method, fmt.Sprintf("%s on a %s token; %s does not request it (oauth_config.scopes.%s)",
			clauseText(c), tokenName(t), r.source, listOf(t)), r.addFix(t, c))
	}
}

// checkTokens checks what the tokens that are not requested in oauth_config need: an
// app-level token for Socket Mode (made under Basic Information, never in the manifest,
// so the manifest's settings.socket_mode_enabled is what is checked), and a classic bot
// token for RTM (which no manifest can describe).
func (r *request) checkTokens(rep *reporter, uses []Use, tk tokens) {
	for _, u := range uses {
		if u.Kind != MethodUse {
			continue
		}
		m, ok := catalog.LookupMethod(u.Method)
		if !ok {
			continue
		}
		switch t, _ := tk.forMethod(m); t {
		case catalog.AppLevel:
			if r.man != nil && (r.man.SocketMode == nil || !r.man.SocketMode.Value) {
				d := analysis.Diagnostic{Pos: u.Pos, Message: fmt.Sprintf(
					"%s calls %s, which runs Socket Mode; %s does not enable it (settings.socket_mode_enabled: true)", u.Callee, u.Method, r.source)}
				if s := r.man.SocketMode; s != nil {
					pos := r.at(s.Line, s.Col)
					d.Related = []analysis.RelatedInformation{{Pos: pos, Message: "socket_mode_enabled is false here"}}
				}
				d.SuggestedFixes = r.setFix("true", "settings", "socket_mode_enabled")
				rep.report(MissingSetting, d)
			}
		case catalog.LegacyBot:
			note := ""
			if f, ok := catalog.LookupFeature("rtm"); ok && f.Note != "" {
				note = " (" + f.Note + ")"
			}
			rep.report(ClassicOnly, analysis.Diagnostic{Pos: u.Pos, Message: fmt.Sprintf(
				"%s calls %s, which only a classic app's bot token can call; no app manifest can request it: move to the Events API or Socket Mode%s",
				u.Callee, u.Method, note)})
		}
	}
}

// checkUnused reports requested scopes that nothing of the program needs: no call, no
// handler, no subscription or slash command the manifest declares. While the program
// has calls the analysis cannot resolve, it says so rather than advise removing.
func (r *request) checkUnused(rep *reporter, prog []FactUse, tk tokens, reported map[string]bool, unresolved int) {
	needed := map[catalog.TokenType]map[string]bool{catalog.Bot: {}, catalog.User: {}}
	for _, u := range prog {
		t := tk.forUse(u)
		n, ok := need(u, t)
		if !ok || needed[t] == nil {
			continue
		}
		addClauses(needed[t], n.Requirement.Clauses)
	}
	// Scopes the events the manifest subscribes to need, and its slash commands, are
	// needed too: the subscription is the app's own declaration. A subscription that
	// checkSubscriptions removes (no code handles it, and every call is resolved) does
	// not keep its scopes: the fix is then one step, never a second run.
	handled := r.handledEvents(prog)
	for _, t := range []catalog.TokenType{catalog.Bot, catalog.User} {
		for _, e := range r.subscriptions(t) {
			if !handles(handled, e.Name) && unresolved == 0 {
				continue
			}
			if ev, ok := catalog.LookupEvent(e.Name); ok {
				addClauses(needed[t], ev.Scopes)
			}
		}
	}
	if len(r.man.SlashCommands) > 0 {
		if f, ok := catalog.LookupFeature("slash_commands"); ok {
			addClauses(needed[catalog.Bot], f.Tokens[catalog.Bot].Clauses)
		}
	}
	for _, set := range needed {
		for s := range set {
			addRequires(set, s)
		}
	}
	for _, s := range r.scopes {
		t := catalog.Bot
		if s.list == catalog.UserList {
			t = catalog.User
		}
		if s.optional || needed[t][s.name] || reported[string(s.list)+" "+s.name] {
			continue // optional (its list says it), needed, or already reported
		}
		if _, known := catalog.LookupScope(s.name); !known {
			continue // unknown-scope says more
		}
		msg := fmt.Sprintf("%s requests %s for the %s token, but no call of the program needs it", r.source, s.name, tokenName(t))
		d := analysis.Diagnostic{Pos: s.pos, End: s.end}
		if unresolved > 0 {
			d.Message = msg + fmt.Sprintf(" that slackscope could resolve (%d %s not: see slackscope scopes); keep it if one of those needs it", unresolved, plural(unresolved, "call is", "calls are"))
		} else {
			d.Message = msg
			if fix, ok := r.deleteItem(s.pos); ok {
				d.SuggestedFixes = []analysis.SuggestedFix{{Message: "remove " + s.name, TextEdits: []analysis.TextEdit{fix}}}
			}
		}
		rep.report(UnusedScope, d)
	}
}

// handledEvents are the events the program's code handles.
func (r *request) handledEvents(prog []FactUse) map[string]bool {
	handled := map[string]bool{}
	for _, u := range prog {
		if u.Kind == EventUse {
			handled[u.Method] = true
		}
	}
	if r.framework != nil {
		for _, e := range r.framework.Events {
			handled[e] = true
		}
	}
	return handled
}

// handlesFeature reports whether the program's code, or a framework it is built on,
// handles the feature.
func (r *request) handlesFeature(prog []FactUse, feature string) bool {
	return slices.ContainsFunc(prog, func(u FactUse) bool { return u.Kind == FeatureUse && u.Method == feature }) ||
		r.framework != nil && slices.Contains(r.framework.Features, feature)
}

// handles reports whether a subscription to event reaches a handler (catalog.Delivers:
// its own, or the handler of every message for a message.* subscription).
func handles(handled map[string]bool, event string) bool {
	return handled[event] || catalog.Delivers(event, "message") && handled["message"]
}

func plural(n int, one, many string) string {
	if n == 1 {
		return one
	}
	return many
}

// subscriptions are the events the manifest subscribes to for token type t.
func (r *request) subscriptions(t catalog.TokenType) []manifest.Ref {
	if t == catalog.User {
		return r.man.UserEvents
	}
	return r.man.BotEvents
}

// checkSubscriptions reports what the manifest's declarations need or lack: a
// subscription no code handles (unhandled-event), a subscription whose scope the manifest
// does not request (Slack requires it), a slash command declared while no code handles
// slash commands, and, the other way, an event the code handles that the manifest does
// not subscribe to (the event never arrives).
func (r *request) checkSubscriptions(rep *reporter, prog []FactUse, tk tokens, unresolved int) {
	handled := r.handledEvents(prog)
	for _, t := range []catalog.TokenType{catalog.Bot, catalog.User} {
		for _, e := range r.subscriptions(t) {
			if handles(handled, e.Name) {
				continue
			}
			pos, end := r.span(e)
			d := analysis.Diagnostic{Pos: pos, End: end, Message: fmt.Sprintf(
				"%s subscribes to %s, but no code of the program handles it", r.source, e.Name)}
			// With every call resolved, the fix unsubscribes; the scopes the subscription
			// lacks (below) then get no fix of their own.
			removed := false
			if unresolved == 0 {
				if del, ok := r.deleteItem(pos); ok {
					d.SuggestedFixes = []analysis.SuggestedFix{{Message: "unsubscribe from " + e.Name, TextEdits: []analysis.TextEdit{del}}}
					removed = true
				}
			}
			rep.report(UnhandledEvent, d)
			// A handled event's missing scope is reported at the handler; an unhandled
			// subscription's here, since Slack refuses a subscription without it.
			if ev, ok := catalog.LookupEvent(e.Name); ok {
				for _, c := range r.gaps(ev.Scopes, t) {
					d := analysis.Diagnostic{Pos: pos, End: end, Message: fmt.Sprintf(
						"%s subscribes to %s, which needs %s on a %s token; %s does not request it (oauth_config.scopes.%s), and Slack requires it for the subscription",
						r.source, e.Name, clauseText(c), tokenName(t), r.source, listOf(t))}
					if !removed {
						d.SuggestedFixes = r.addFix(t, c)
					}
					rep.report(MissingScope, d)
				}
			}
		}
	}
	if len(r.man.SlashCommands) > 0 && !r.handlesFeature(prog, "slash_commands") {
		for _, c := range r.man.SlashCommands {
			pos := r.at(c.Line, c.Col)
			rep.report(UnhandledCommand, analysis.Diagnostic{Pos: pos, Message: fmt.Sprintf(
				"%s declares the slash command %s, but no code of the program handles slash commands", r.source, c.Name)})
		}
	}
}

// checkHandledSubscribed reports, at the handler, an event the code handles that the
// manifest does not subscribe to, and slash commands handled while the manifest declares
// none. Only events with scopes are checked: the catalog does not say which events
// Slack sends without a subscription (url_verification, app_rate_limited).
func (r *request) checkHandledSubscribed(rep *reporter, u Use, tk tokens) {
	switch u.Kind {
	case FeatureUse:
		if u.Method == "slash_commands" && len(r.man.SlashCommands) == 0 {
			rep.report(MissingSetting, analysis.Diagnostic{Pos: u.Pos, Message: fmt.Sprintf(
				"%s handles slash commands, but %s declares none (features.slash_commands): Slack sends the app no command", u.Callee, r.source)})
		}
		if (u.Method == "interactivity" || u.Method == "shortcuts") && (r.man.Interactivity == nil || !r.man.Interactivity.Value) {
			d := analysis.Diagnostic{Pos: u.Pos, Message: fmt.Sprintf(
				"%s handles %s, but %s does not enable interactivity (settings.interactivity.is_enabled: true): Slack sends the app none",
				u.Callee, strings.ReplaceAll(u.Method, "_", " "), r.source)}
			if s := r.man.Interactivity; s != nil {
				d.Related = []analysis.RelatedInformation{{Pos: r.at(s.Line, s.Col), Message: "is_enabled is false here"}}
			}
			if r.socket {
				// Over HTTP, interactivity needs a request URL only the app's author knows.
				d.SuggestedFixes = r.setFix("true", "settings", "interactivity", "is_enabled")
			}
			rep.report(MissingSetting, d)
		}
		return
	case EventUse:
	default:
		return
	}
	t := tk.forUse(FactUse{Method: u.Method, Kind: u.Kind, RTM: u.RTM})
	ev, ok := catalog.LookupEvent(u.Method)
	if !ok || t == catalog.LegacyBot || ev.APIs&catalog.EventsAPI == 0 || len(ev.Scopes) == 0 {
		return
	}
	if r.subscribes(u.Method) {
		return
	}
	what, list := u.Method, "bot_events"
	if t == catalog.User {
		list = "user_events"
	}
	d := analysis.Diagnostic{Pos: u.Pos}
	if u.Method == "message" {
		what = "message.channels, message.groups, message.im or message.mpim"
	} else if r.socket || r.man.HasEventSubscriptions {
		// Over HTTP, a new event_subscriptions needs a request URL only the app's
		// author knows.
		d.SuggestedFixes = r.insertFix("subscribe to "+u.Method, u.Method, "settings", "event_subscriptions", list)
		// The subscription needs its scopes (checkHandled reports none while the event
		// is not subscribed to): one fix brings both, so that one run of fix is enough.
		for _, c := range r.gaps(ev.Scopes, t) {
			if add := r.addFix(t, c); len(d.SuggestedFixes) == 1 && len(add) == 1 {
				d.SuggestedFixes[0].Message += " and request " + c[0]
				d.SuggestedFixes[0].TextEdits = append(d.SuggestedFixes[0].TextEdits, add[0].TextEdits...)
			}
		}
	}
	d.Message = fmt.Sprintf("%s handles the %s event, but %s does not subscribe to %s (settings.event_subscriptions.%s): Slack never sends it",
		u.Callee, u.Method, r.source, what, list)
	rep.report(MissingSubscription, d)
}

// reportManifestError reports a manifest that cannot be read at the position it names,
// or at the package clause when it names none.
func reportManifestError(pass *analysis.Pass, rep *reporter, path string, content []byte, err error) {
	var errs []error
	if j, ok := err.(interface{ Unwrap() []error }); ok {
		errs = j.Unwrap()
	} else {
		errs = []error{err}
	}
	tf := addFile(pass, path, content)
	for _, e := range errs {
		pos, msg := token.NoPos, e.Error()
		var me *manifest.Error
		if errors.As(e, &me) && tf != nil && me.Line > 0 {
			pos, msg = position(tf, content, me.Line, me.Col), me.Msg
		}
		if pos == token.NoPos && len(pass.Files) > 0 {
			pos = pass.Files[0].Package
		}
		rep.report(InvalidManifest, analysis.Diagnostic{Pos: pos, Message: "cannot read the app manifest: " + msg})
	}
}

// reportProblems reports the manifest's problems that do not stop the check.
func (r *request) reportProblems(rep *reporter) {
	for _, p := range r.man.Problems {
		rep.report(InvalidManifest, analysis.Diagnostic{Pos: r.at(p.Line, p.Col), Message: p.Msg})
	}
}

// clauseText writes a clause: "chat:write", or "one of channels:history, groups:history".
func clauseText(c catalog.Clause) string {
	if len(c) == 1 {
		return c[0]
	}
	return "one of " + strings.Join(c, ", ")
}

// tokenName writes a token type for messages: "bot", "user", "app-level", "legacy bot".
func tokenName(t catalog.TokenType) string {
	if t == catalog.AppLevel {
		return "app-level"
	}
	return strings.ReplaceAll(t.String(), "_", " ")
}

// addClauses adds every scope the clauses name.
func addClauses(set map[string]bool, cs []catalog.Clause) {
	for _, c := range cs {
		for _, s := range c {
			set[s] = true
		}
	}
}

// addRequires adds the scopes s depends on (chat:write.public needs chat:write).
func addRequires(set map[string]bool, s string) {
	sc, ok := catalog.LookupScope(s)
	if !ok {
		return
	}
	for _, dep := range sc.Requires {
		if !set[dep] {
			set[dep] = true
			addRequires(set, dep)
		}
	}
}
