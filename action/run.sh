#!/usr/bin/env bash
# The logic of the slackscope GitHub Action (action.yml at the repository root), kept
# out of the YAML so that it runs, and is tested, outside GitHub (action/run_test.go).
#
# usage: run.sh [check | verdict]
#
#   check    install slackscope, check the packages into a SARIF file and, on a pull
#            request, compare them with the pull request's base (slackscope diff) and
#            post or update the pull request's comment; write the step's outputs.
#            Exits 0 once the SARIF is written, whatever it holds, so that it can be
#            uploaded; 2 when it could not be.
#   verdict  exit as INPUT_FAIL_ON says, from what check found (SLACKSCOPE_FINDINGS,
#            SLACKSCOPE_CHECK_EXIT, SLACKSCOPE_DIFF_EXIT: check's outputs).
#   (none)   both, one after the other: what another CI system would run.
#
# The inputs, as environment variables (action.yml sets them from its inputs):
#   INPUT_PATTERNS           the packages, separated by white space (default ./...)
#   INPUT_WORKING_DIRECTORY  where slackscope runs (default .)
#   INPUT_VERSION            the version go install installs (default: the action's ref,
#                            SLACKSCOPE_ACTION_REF)
#   INPUT_INSTALL_FROM       empty: go install …/cmd/slackscope@INPUT_VERSION; "none":
#                            the slackscope on PATH; "action": the action's own source;
#                            any other value: a directory holding a checkout of slackscope,
#                            relative to where the script starts ("." is that directory)
#   INPUT_COMMENT            true or false: comment the diff on the pull request
#   INPUT_UPLOAD_SARIF       true or false: only checked here; action.yml uploads the SARIF
#   INPUT_FAIL_ON            findings, added-scopes or never (default findings)
# and GitHub's: GITHUB_EVENT_NAME, GITHUB_EVENT_PATH (the event's payload), GITHUB_API_URL,
# GITHUB_TOKEN, GITHUB_OUTPUT, GITHUB_STEP_SUMMARY, GITHUB_PATH and RUNNER_TEMP (each may
# be unset outside GitHub). The payload is read with jq, which GitHub's runners have.
# The outputs (GITHUB_OUTPUT): sarif-file, findings (the SARIF's results), check-exit-code
# and repository-root; on a pull_request event also diff-exit-code, diff-file,
# added-scopes (true when the diff exits 1) and comment-id.
set -euo pipefail

marker='<!-- slackscope-diff -->'
here=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)

# error and warning print a workflow command: an annotation on GitHub, a line elsewhere.
error() { printf '::error title=slackscope::%s\n' "$*"; }
warning() { printf '::warning title=slackscope::%s\n' "$*"; }

# output NAME VALUE sets a step output.
output() {
	if [ -n "${GITHUB_OUTPUT:-}" ]; then
		printf '%s=%s\n' "$1" "$2" >>"$GITHUB_OUTPUT"
	fi
}

# summary appends its standard input to the job's summary; outside GitHub, it prints it.
summary() {
	if [ -n "${GITHUB_STEP_SUMMARY:-}" ]; then
		cat >>"$GITHUB_STEP_SUMMARY"
	else
		cat
	fi
}

# boolean NAME VALUE succeeds for true and fails for false; anything else is a usage error.
boolean() {
	case "$2" in
	true) return 0 ;;
	false) return 1 ;;
	*)
		error "$1: expected true or false, not \"$2\""
		exit 2
		;;
	esac
}

check_fail_on() {
	case "${INPUT_FAIL_ON:-findings}" in
	findings | added-scopes | never) ;;
	*)
		error "fail-on: expected findings, added-scopes or never, not \"$INPUT_FAIL_ON\""
		exit 2
		;;
	esac
}

# install_slackscope sets slackscope to the binary to run, installing it into $work/bin unless
# INPUT_INSTALL_FROM is none.
install_slackscope() {
	local from=${INPUT_INSTALL_FROM:-} dir
	if [ "$from" = none ]; then
		if ! slackscope=$(command -v slackscope); then
			error "install-from: none, but there is no slackscope on PATH"
			exit 2
		fi
		return
	fi
	case "$from" in
	"")
		local version=${INPUT_VERSION:-${SLACKSCOPE_ACTION_REF:-}}
		if [ -z "$version" ]; then
			error "no version to install: set version (a release tag or a commit) or install-from"
			exit 2
		fi
		echo "go install github.com/slackscope/slackscope/cmd/slackscope@$version"
		if ! GOBIN="$work/bin" go install "github.com/slackscope/slackscope/cmd/slackscope@$version"; then
			error "go install of slackscope@$version failed (until the module is published, install-from: action builds the action's own source)"
			exit 2
		fi
		;;
	*)
		dir=$from
		if [ "$from" = action ]; then
			dir=$here/..
		fi
		if [ ! -f "$dir/cmd/slackscope/main.go" ]; then
			error "install-from: $from is not a checkout of slackscope (no cmd/slackscope/main.go)"
			exit 2
		fi
		echo "go install ./cmd/slackscope in $from"
		if ! (cd "$dir" && GOBIN="$work/bin" go install ./cmd/slackscope); then
			error "go install ./cmd/slackscope in $from failed"
			exit 2
		fi
		;;
	esac
	slackscope=$work/bin/slackscope
	if [ -n "${GITHUB_PATH:-}" ]; then
		echo "$work/bin" >>"$GITHUB_PATH" # the job's later steps can run slackscope too
	fi
}

# api METHOD URL [JSON-FILE] calls the GitHub REST API; the response's body is in
# $work/response. A status other than 2xx is a warning, and api fails.
api() {
	local code
	local args=(-sS -o "$work/response" -w '%{http_code}' -X "$1" -H "@$work/headers")
	if [ $# -gt 2 ]; then
		args+=(-H 'Content-Type: application/json' --data-binary "@$3")
	fi
	if ! code=$(curl "${args[@]}" "$2"); then
		warning "$1 $2 failed"
		return 1
	fi
	case "$code" in
	2??) return 0 ;;
	esac
	warning "$1 $2: HTTP $code: $(head -c 300 "$work/response")"
	return 1
}

# comment posts the diff as the pull request's comment, or updates the comment an
# earlier run posted (the one holding the marker). A comment that cannot be posted (a
# pull request from a fork gets a read-only token) is a warning: the diff is in the job's
# summary all the same.
comment() {
	local event=$1 repo number page=1 id=""
	if [ -z "${GITHUB_TOKEN:-}" ] || [ -z "${GITHUB_API_URL:-}" ]; then
		warning "no GITHUB_TOKEN or GITHUB_API_URL: the diff is not commented"
		return 0
	fi
	repo=$(jq -r '.repository.full_name // empty' "$event")
	number=$(jq -r '.pull_request.number // empty' "$event")
	if [ -z "$repo" ] || [ -z "$number" ]; then
		warning "the event has no .repository.full_name or .pull_request.number: the diff is not commented"
		return 0
	fi
	(
		umask 077
		printf 'Accept: application/vnd.github+json\nAuthorization: Bearer %s\nX-GitHub-Api-Version: 2022-11-28\n' "$GITHUB_TOKEN" >"$work/headers"
	)
	{
		printf '%s\n' "$marker"
		cat "$work/diff.md"
	} >"$work/comment.md"
	jq -n --rawfile body "$work/comment.md" '{body: $body}' >"$work/comment.json"
	local comments=$GITHUB_API_URL/repos/$repo/issues/$number/comments
	while :; do
		api GET "$comments?per_page=100&page=$page" || return 0
		id=$(jq -r --arg m "$marker" 'map(select((.body // "") | contains($m))) | .[0].id // empty' "$work/response")
		if [ -n "$id" ] || [ "$(jq length "$work/response")" -lt 100 ]; then
			break
		fi
		page=$((page + 1))
	done
	if [ -n "$id" ]; then
		api PATCH "$GITHUB_API_URL/repos/$repo/issues/comments/$id" "$work/comment.json" || return 0
		echo "updated the pull request's comment $id"
	else
		api POST "$comments" "$work/comment.json" || return 0
		id=$(jq -r '.id' "$work/response")
		echo "commented on pull request #$number ($id)"
	fi
	output comment-id "$id"
}

# compare compares the pull request with its base, writes the markdown into the summary
# and comments it; it sets diff_exit to slackscope diff's exit status.
compare() {
	local event=${GITHUB_EVENT_PATH:-} base
	if [ -z "$event" ] || ! base=$(jq -r '.pull_request.base.sha // empty' "$event") || [ -z "$base" ]; then
		error "a pull_request event without .pull_request.base.sha in GITHUB_EVENT_PATH"
		diff_exit=2
		output diff-exit-code "$diff_exit"
		return
	fi
	if ! git cat-file -e "$base^{commit}" 2>/dev/null; then
		echo "fetching the pull request's base $base"
		git fetch --quiet --no-tags --depth=1 origin "$base" || true
	fi
	set +e
	"$slackscope" diff -base "$base" -format markdown "${patterns[@]}" >"$work/diff.md"
	diff_exit=$?
	set -e
	case "$diff_exit" in
	0 | 1 | 3) ;;
	*)
		error "slackscope diff -base $base failed (exit $diff_exit): is the base in the clone? (actions/checkout with fetch-depth: 0)"
		diff_exit=2
		output diff-exit-code "$diff_exit"
		return
		;;
	esac
	output diff-exit-code "$diff_exit"
	output diff-file "$work/diff.md"
	if [ "$diff_exit" = 1 ]; then
		output added-scopes true
	else
		output added-scopes false
	fi
	summary <"$work/diff.md"
	if boolean comment "${INPUT_COMMENT:-true}"; then
		comment "$event"
	fi
}

# check is the first step: install, SARIF, the pull request's diff and its comment.
check() {
	local -a patterns
	check_fail_on
	boolean comment "${INPUT_COMMENT:-true}" || true
	boolean upload-sarif "${INPUT_UPLOAD_SARIF:-true}" || true # action.yml's upload step reads it
	if ! command -v jq >/dev/null; then
		error "slackscope's action needs jq on PATH"
		exit 2
	fi
	if [ -n "${RUNNER_TEMP:-}" ]; then
		work=$(mktemp -d "$RUNNER_TEMP/slackscope.XXXXXX")
	else
		work=$(mktemp -d)
	fi
	install_slackscope
	if ! cd -- "${INPUT_WORKING_DIRECTORY:-.}"; then
		error "working-directory: no directory ${INPUT_WORKING_DIRECTORY:-.}"
		exit 2
	fi
	read -r -d '' -a patterns <<<"${INPUT_PATTERNS:-./...}" || true
	if [ ${#patterns[@]} -eq 0 ]; then
		patterns=(./...)
	fi

	sarif=$work/slackscope.sarif
	set +e
	"$slackscope" -format sarif -exit-zero "${patterns[@]}" >"$sarif"
	check_exit=$?
	set -e
	case "$check_exit" in
	0 | 3) ;;
	*)
		error "slackscope exited $check_exit: no SARIF to upload (see the lines above)"
		exit 2
		;;
	esac
	if ! findings=$(jq '[.runs[]?.results[]?] | length' "$sarif"); then
		error "slackscope wrote a SARIF file that is not JSON"
		exit 2
	fi
	output sarif-file "$sarif"
	output findings "$findings"
	output check-exit-code "$check_exit"
	output repository-root "$(git rev-parse --show-toplevel 2>/dev/null || pwd)"
	if [ "$check_exit" = 3 ]; then
		warning "the check could not check everything (exit 3): see the lines above"
	fi
	printf 'slackscope: findings: %s (the check exited %s)\n\n' "$findings" "$check_exit" | summary

	diff_exit=""
	if [ "${GITHUB_EVENT_NAME:-}" = pull_request ]; then
		compare
	fi
}

# verdict exits as fail-on says: findings fails on the check's findings and on a check
# that could not check everything (3); added-scopes on a pull request that adds scopes
# (the diff's 1) and on a diff that could not compare everything (3); never on neither.
# A diff that failed (2) fails whatever fail-on says.
verdict() {
	local findings=${SLACKSCOPE_FINDINGS:-} check_exit=${SLACKSCOPE_CHECK_EXIT:-0} diff_exit=${SLACKSCOPE_DIFF_EXIT:-}
	check_fail_on
	case "$findings" in
	"" | *[!0-9]*)
		error "SLACKSCOPE_FINDINGS: not a number: \"$findings\""
		return 2
		;;
	esac
	if [ "$diff_exit" = 2 ]; then
		error "slackscope diff failed (see the check step)"
		return 2
	fi
	case "${INPUT_FAIL_ON:-findings}" in
	findings)
		if [ "$findings" -gt 0 ]; then
			error "findings: $findings (fail-on: findings): see code scanning, or run slackscope ./..."
			return 1
		fi
		if [ "$check_exit" = 3 ]; then
			error "the check could not check everything (exit 3; fail-on: findings)"
			return 3
		fi
		;;
	added-scopes)
		if [ "$diff_exit" = 1 ]; then
			error "the pull request adds scopes (fail-on: added-scopes): see its comment"
			return 1
		fi
		if [ "$diff_exit" = 3 ]; then
			error "the diff could not compare everything (exit 3; fail-on: added-scopes)"
			return 3
		fi
		;;
	esac
	return 0
}

status=0
case "${1:-}" in
check) check ;;
verdict) verdict || status=$? ;;
"")
	check
	SLACKSCOPE_FINDINGS=$findings SLACKSCOPE_CHECK_EXIT=$check_exit SLACKSCOPE_DIFF_EXIT=$diff_exit verdict || status=$?
	;;
*)
	echo "usage: run.sh [check | verdict]" >&2
	status=2
	;;
esac
exit "$status"
