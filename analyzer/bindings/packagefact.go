package bindings

import (
	"encoding/binary"
	"encoding/json"
	"errors"
	"go/types"
	"slices"
	"strings"

	"github.com/slackscope/slackscope/analyzer/derive"
)

// PackageFact marks a package whose functions, or whose imports' functions, have
// summaries: packages that import none of them (and neither net/http nor a websocket
// package) are not derived at all, so that slackscope costs nothing on code far from
// Slack.
//
// A dependency's summaries (slack-go's) travel in it, one per exported function or
// method, since only those can be called from other packages. Under go vet the fact is
// gob-encoded into the package's facts file, which every package that imports it decodes
// in its own process; the summaries are therefore encoded one by one behind an index, and
// a lookup decodes only the summary it asks for: a package that makes three calls decodes
// three summaries, not slack-go's 700.
type PackageFact struct {
	// Main is true for a package of the main module (the program being checked, not a
	// versioned dependency): its call sites are counted in it, not where it is called.
	// The main module's functions have an object Fact each instead of summaries here.
	Main bool

	funcs   []keyedSummary // sorted by key; in memory (the standalone checker)
	encoded []encodedEntry // sorted by key; after a gob round trip (go vet)
}

type keyedSummary struct {
	key string
	sum *derive.Summary
}

type encodedEntry struct {
	key, body string // body: the summary as JSON
}

// AFact marks PackageFact as an analysis fact.
func (*PackageFact) AFact() {}

func (f *PackageFact) String() string {
	if f.Main {
		return "reaches the network (main module)"
	}
	return "reaches the network"
}

// setFuncs records the summaries of the package's exported functions and methods.
func (f *PackageFact) setFuncs(local map[*types.Func]*derive.Summary) {
	f.funcs = f.funcs[:0]
	for fn, s := range local {
		if fn.Exported() {
			f.funcs = append(f.funcs, keyedSummary{funcKey(fn), s})
		}
	}
	slices.SortFunc(f.funcs, func(a, b keyedSummary) int { return strings.Compare(a.key, b.key) })
}

// lookup is the summary of fn, a function of the fact's package, or nil.
func (f *PackageFact) lookup(fn *types.Func) *derive.Summary {
	key := funcKey(fn)
	if i, ok := slices.BinarySearchFunc(f.funcs, key, func(e keyedSummary, k string) int { return strings.Compare(e.key, k) }); ok {
		return f.funcs[i].sum
	}
	i, ok := slices.BinarySearchFunc(f.encoded, key, func(e encodedEntry, k string) int { return strings.Compare(e.key, k) })
	if !ok {
		return nil
	}
	s := new(derive.Summary)
	if err := json.Unmarshal([]byte(f.encoded[i].body), s); err != nil {
		return nil // GobDecode checked every body's framing; a body is ours, so this does not happen
	}
	return s
}

// funcKey names a function within its package: "New", "Client.PostMessage".
func funcKey(fn *types.Func) string {
	recv := fn.Signature().Recv()
	if recv == nil {
		return fn.Name()
	}
	t := recv.Type()
	if p, ok := t.(*types.Pointer); ok {
		t = p.Elem()
	}
	if n, ok := types.Unalias(t).(*types.Named); ok {
		return n.Obj().Name() + "." + fn.Name()
	}
	return fn.Name() // an interface method: never summarized, so never found
}

// The encoding: a flags byte (1: Main), the number of summaries, then for each its key
// and its JSON body, each preceded by its length; all numbers are uvarints.

// GobEncode encodes the fact for go vet's facts files.
func (f *PackageFact) GobEncode() ([]byte, error) {
	var b []byte
	if f.Main {
		b = append(b, 1)
	} else {
		b = append(b, 0)
	}
	n := len(f.funcs) + len(f.encoded)
	b = binary.AppendUvarint(b, uint64(n))
	str := func(s string) {
		b = binary.AppendUvarint(b, uint64(len(s)))
		b = append(b, s...)
	}
	for _, e := range f.funcs {
		body, err := json.Marshal(e.sum)
		if err != nil {
			return nil, err
		}
		str(e.key)
		str(string(body))
	}
	for _, e := range f.encoded {
		str(e.key)
		str(e.body)
	}
	return b, nil
}

var errBadPackageFact = errors.New("bindings.PackageFact: malformed encoding")

// GobDecode decodes what GobEncode wrote: the index at once, the summaries on lookup.
func (f *PackageFact) GobDecode(data []byte) error {
	s := string(data) // one copy; keys and bodies are substrings of it
	if len(s) == 0 || s[0] > 1 {
		return errBadPackageFact
	}
	*f = PackageFact{Main: s[0] == 1}
	s = s[1:]
	num := func() (int, bool) {
		v, w := binary.Uvarint([]byte(s[:min(len(s), binary.MaxVarintLen64)]))
		if w <= 0 || v > uint64(len(s)) {
			return 0, false
		}
		s = s[w:]
		return int(v), true
	}
	str := func() (string, bool) {
		l, ok := num()
		if !ok || l > len(s) {
			return "", false
		}
		out := s[:l]
		s = s[l:]
		return out, true
	}
	n, ok := num()
	if !ok {
		return errBadPackageFact
	}
	f.encoded = make([]encodedEntry, 0, n)
	for range n {
		key, ok1 := str()
		body, ok2 := str()
		if !ok1 || !ok2 {
			return errBadPackageFact
		}
		f.encoded = append(f.encoded, encodedEntry{key, body})
	}
	if len(s) != 0 || !slices.IsSortedFunc(f.encoded, func(a, b encodedEntry) int { return strings.Compare(a.key, b.key) }) {
		return errBadPackageFact
	}
	return nil
}
