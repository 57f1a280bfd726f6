package bindings

import (
	"encoding/binary"
	"encoding/json"
	"errors"
	"go/types"
	"slices"
	"strings"

	"github.com/slackscope/slackscope/internal/derive"
)

// PackageFact marks a package whose functions, or whose imports' functions, have
// summaries: packages that import none of them (and neither net/http nor a websocket
// package) are not derived at all, so that slackscope costs nothing on code far from
// Slack. A dependency's (slack-go's) summaries travel in it: a fact on each function
// would be too many, since go vet copies facts on methods into the facts file of every
// package that imports slack-go, directly or not, and slack-go has about 650 of them.
type PackageFact struct {
	// Main is true for a package of the main module (the program being checked, not a
	// versioned dependency): its call sites are counted in it, not where it is called.
	// The main module's functions and methods have an object Fact each instead.
	Main bool
	// table holds the summaries of a dependency's exported functions and methods (nothing
	// else can be called from other packages), by funcKey.
	table summaryTable
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
	for fn, s := range local {
		if fn.Exported() {
			f.table.add(funcKey(fn), s)
		}
	}
	f.table.sort()
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
	return "." + fn.Name() // an interface method: never summarized, so never found
}

// A summaryTable holds summaries by key, sorted. Under go vet a fact is gob-encoded into
// the package's facts file, which every importer decodes in its own process; the table is
// therefore encoded one summary at a time behind an index, and a lookup decodes only the
// summary it asks for: a package that makes three calls decodes three summaries, not
// slack-go's 650.
type summaryTable struct {
	funcs   []keyedSummary // in memory (the standalone checker)
	encoded []encodedEntry // after a gob round trip (go vet)
}

type keyedSummary struct {
	key string
	sum *derive.Summary
}

type encodedEntry struct {
	key, body string // body: the summary as JSON
}

func (t *summaryTable) add(key string, s *derive.Summary) {
	t.funcs = append(t.funcs, keyedSummary{key, s})
}

func (t *summaryTable) sort() {
	slices.SortFunc(t.funcs, func(a, b keyedSummary) int { return strings.Compare(a.key, b.key) })
}

// lookup is the summary under key, or nil.
func (t *summaryTable) lookup(key string) *derive.Summary {
	if i, ok := slices.BinarySearchFunc(t.funcs, key, func(e keyedSummary, k string) int { return strings.Compare(e.key, k) }); ok {
		return t.funcs[i].sum
	}
	i, ok := slices.BinarySearchFunc(t.encoded, key, func(e encodedEntry, k string) int { return strings.Compare(e.key, k) })
	if !ok {
		return nil
	}
	s := new(derive.Summary)
	if err := json.Unmarshal([]byte(t.encoded[i].body), s); err != nil {
		// decode checked the framing and the bodies are ours, so this should not
		// happen; if it does, the function reaches a request nobody can read, and
		// its callers say so (unresolved), never a function that reaches nothing.
		return &derive.Summary{Requests: []derive.Request{{URL: derive.Value{{Kind: derive.Unknown,
			Why: "the summary of " + key + " in its package's facts could not be decoded: " + err.Error()}}}}}
	}
	return s
}

// The encoding of a fact with a table: a flags byte (PackageFact: 1 for Main), the
// number of summaries, then each one's key and JSON body, each preceded by its length;
// all numbers are uvarints.

func (t *summaryTable) encode(flags byte) ([]byte, error) {
	b := []byte{flags}
	b = binary.AppendUvarint(b, uint64(len(t.funcs)+len(t.encoded)))
	str := func(s string) {
		b = binary.AppendUvarint(b, uint64(len(s)))
		b = append(b, s...)
	}
	for _, e := range t.funcs {
		body, err := json.Marshal(e.sum)
		if err != nil {
			return nil, err
		}
		str(e.key)
		str(string(body))
	}
	for _, e := range t.encoded {
		str(e.key)
		str(e.body)
	}
	return b, nil
}

var errBadTable = errors.New("slackbindings fact: malformed encoding")

// decode decodes what encode wrote, the index at once, the summaries on lookup, and
// returns the flags byte.
func (t *summaryTable) decode(data []byte) (byte, error) {
	s := string(data) // one copy; keys and bodies are substrings of it
	if len(s) == 0 {
		return 0, errBadTable
	}
	flags := s[0]
	s = s[1:]
	num := func() (int, bool) {
		var buf [binary.MaxVarintLen64]byte
		v, w := binary.Uvarint(buf[:copy(buf[:], s)])
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
		return 0, errBadTable
	}
	*t = summaryTable{encoded: make([]encodedEntry, 0, n)}
	for range n {
		key, ok1 := str()
		body, ok2 := str()
		if !ok1 || !ok2 {
			return 0, errBadTable
		}
		t.encoded = append(t.encoded, encodedEntry{key, body})
	}
	if len(s) != 0 || !slices.IsSortedFunc(t.encoded, func(a, b encodedEntry) int { return strings.Compare(a.key, b.key) }) {
		return 0, errBadTable
	}
	return flags, nil
}

// GobEncode encodes the fact for go vet's facts files.
func (f *PackageFact) GobEncode() ([]byte, error) {
	var flags byte
	if f.Main {
		flags = 1
	}
	return f.table.encode(flags)
}

// GobDecode decodes what GobEncode wrote.
func (f *PackageFact) GobDecode(data []byte) error {
	flags, err := f.table.decode(data)
	if err != nil {
		return err
	}
	if flags > 1 {
		return errBadTable
	}
	f.Main = flags == 1
	return nil
}
