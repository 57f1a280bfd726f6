# slackscope: make test is what CI runs (.ci/run).
GO ?= go
BIN := $(CURDIR)/bin
STATICCHECK_VERSION := v0.8.2

.PHONY: test fuzz plugin grant testdeps example install install-hook generate upgrade-slack-go check vet fmt lint bench

# The whole test suite: fresh generated tables, vet, gofmt, staticcheck, go test.
test: check vet fmt lint testdeps plugin grant
	$(GO) test ./...

# The golangci-lint module plugin, a nested module of its own. Its tests build golangci-lint
# with it, as golangci-lint custom does, and run that on the example app (go test -short
# skips that part).
plugin: $(BIN)/staticcheck
	cd analyzer/golangci && $(GO) vet ./... && $(BIN)/staticcheck ./... && $(GO) test ./...

# The run-time grant check (grant/), a nested module an app imports: standard library and
# slack-go only.
grant: $(BIN)/staticcheck
	cd grant && $(GO) vet ./... && $(BIN)/staticcheck ./... && $(GO) test ./...

# Fetch the slack-go releases the testdata modules build with (analysistest loads them
# with GOPROXY=off, so they must be in the module cache first).
testdeps:
	@for d in $$(find testdata -name go.mod -exec dirname {} \; | sort); do \
		(cd $$d && $(GO) list -deps ./... >/dev/null) || exit 1; \
	done

# The main job on the bundled example app (testdata/example, a standup bot whose
# manifest requests a deprecated scope, lacks one and grants one it never uses): check it
# (exit 1: findings, on purpose), print its minimum scopes, look a method up.
example:
	@$(GO) build -o $(BIN)/slackscope ./cmd/slackscope
	cd testdata/example && $(BIN)/slackscope ./...; test $$? -eq 1
	@echo
	cd testdata/example && $(BIN)/slackscope scopes ./...
	@echo
	$(BIN)/slackscope lookup chat.postMessage '(*Client).UpdateMessage'

# Install slackscope from this checkout into GOBIN (default: the bin folder of GOPATH).
install:
	$(GO) install ./cmd/slackscope

# Install slackscope, and a plain git pre-commit hook that runs it on the whole module of
# the repository REPO (default: this one): make install-hook REPO=../mybot. A pre-commit
# hook that is not slackscope's is left alone. (pre-commit users: .pre-commit-hooks.yaml.)
REPO ?= .
install-hook: install
	@hooks="$$(git -C '$(REPO)' rev-parse --path-format=absolute --git-path hooks)" || exit 1; \
	hook="$$hooks/pre-commit"; \
	if [ -e "$$hook" ] && ! grep -q '^exec slackscope ' "$$hook"; then \
		echo "$$hook exists and is not slackscope's hook: left as it is" >&2; exit 1; \
	fi; \
	mkdir -p "$$hooks" && printf '#!/bin/sh\nexec slackscope ./...\n' > "$$hook" && chmod +x "$$hook" && \
	echo "installed $$hook (slackscope ./...)"

# Derive catalog/bindings/slack-go.yaml from the slack-go version go.mod pins, then
# regenerate the catalog tables (catalog/zz_*.go) from the YAML.
generate:
	$(GO) generate ./...

# Pin another slack-go release (default: the newest) and regenerate its bindings:
#   make upgrade-slack-go VERSION=v0.36.0
upgrade-slack-go:
	$(GO) get github.com/slack-go/slack@$(or $(VERSION),latest)
	$(GO) mod tidy
	$(MAKE) generate

# Fail when the checked-in bindings file or tables are stale.
check:
	$(GO) run ./gen bindings -check
	$(GO) run ./gen -check

vet:
	$(GO) vet ./...

fmt:
	@out="$$(gofmt -l .)"; if [ -n "$$out" ]; then echo "gofmt needed:"; echo "$$out"; exit 1; fi

lint: $(BIN)/staticcheck
	$(BIN)/staticcheck ./...

$(BIN)/staticcheck:
	GOBIN=$(BIN) $(GO) install honnef.co/go/tools/cmd/staticcheck@$(STATICCHECK_VERSION)

# Each fuzz target for a bounded time (FUZZTIME, default 30s); make test runs their seed
# corpora (f.Add and testdata/fuzz) as plain tests.
FUZZTIME ?= 30s
fuzz:
	$(GO) test ./catalog -run '^$$' -fuzz '^FuzzParseScopes$$' -fuzztime $(FUZZTIME)
	$(GO) test ./manifest -run '^$$' -fuzz '^FuzzParse$$' -fuzztime $(FUZZTIME)
	$(GO) test ./manifest -run '^$$' -fuzz '^FuzzParseValid$$' -fuzztime $(FUZZTIME)
	$(GO) test ./analyzer -run '^$$' -fuzz '^FuzzParseAuthorizeURL$$' -fuzztime $(FUZZTIME)
	$(GO) test ./gen/model -run '^$$' -fuzz '^FuzzLoadMethods$$' -fuzztime $(FUZZTIME)

# Micro-benchmarks (catalog lookups, the derivation of slack-go, the analyzer on a large
# package), then whole runs of slackscope against the no-op floor, standalone and under
# go vet, on slack-go and on generated programs (BENCH_RUNS runs each; BENCHMARKS.md).
BENCH_RUNS ?= 7
BENCH_SIZES ?= 10,100,1000
BENCH_DEPS ?= 1000
bench:
	$(GO) test -run '^$$' -bench . -benchmem ./catalog ./internal/derive/load ./analyzer
	$(GO) run ./internal/benchrun -runs $(BENCH_RUNS) -sizes $(BENCH_SIZES) -deps $(BENCH_DEPS)
