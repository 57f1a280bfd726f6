package main

import (
	"bytes"
	"fmt"
	"io"
)

// diffContext is how many unchanged lines a hunk shows around a change, as diff -u.
const diffContext = 3

// writeUnifiedDiff writes the change from old to new of the file name as a unified diff
// (--- a/name, +++ b/name), the form git apply and patch -p1 take. Manifests are small:
// the longest common subsequence of their lines is found directly.
func writeUnifiedDiff(w io.Writer, name string, old, new []byte) {
	a, b := splitLines(old), splitLines(new)
	ops := diffLines(a, b)
	fmt.Fprintf(w, "--- a/%s\n+++ b/%s\n", name, name)
	for start := 0; start < len(ops); {
		// A hunk: from the context before the first change to the context after the
		// last change that is within 2*diffContext lines of the one before.
		first := start
		for first < len(ops) && ops[first].kind == ' ' {
			first++
		}
		if first == len(ops) {
			break
		}
		last := first
		for i := first; i < len(ops); i++ {
			if ops[i].kind != ' ' {
				if i-last > 2*diffContext {
					break
				}
				last = i
			}
		}
		lo, hi := max(first-diffContext, start), min(last+diffContext+1, len(ops))
		var aStart, aLen, bStart, bLen int
		aStart, bStart = ops[lo].a+1, ops[lo].b+1
		for _, op := range ops[lo:hi] {
			if op.kind != '+' {
				aLen++
			}
			if op.kind != '-' {
				bLen++
			}
		}
		if aLen == 0 {
			aStart--
		}
		if bLen == 0 {
			bStart--
		}
		fmt.Fprintf(w, "@@ -%s +%s @@\n", hunkRange(aStart, aLen), hunkRange(bStart, bLen))
		for _, op := range ops[lo:hi] {
			var line []byte
			if op.kind == '+' {
				line = b[op.b]
			} else {
				line = a[op.a]
			}
			fmt.Fprintf(w, "%c%s", op.kind, line)
			if !bytes.HasSuffix(line, []byte("\n")) {
				fmt.Fprint(w, "\n\\ No newline at end of file\n")
			}
		}
		start = hi
	}
}

func hunkRange(start, n int) string {
	if n == 1 {
		return fmt.Sprint(start)
	}
	return fmt.Sprintf("%d,%d", start, n)
}

// A diffOp is one line of a diff: kept (' '), removed ('-') or added ('+'), with the
// indexes of the lines of old and new it stands at.
type diffOp struct {
	kind byte
	a, b int
}

// diffLines is the shortest edit from a to b, by the longest common subsequence.
func diffLines(a, b [][]byte) []diffOp {
	// lcs[i][j] is the length of the longest common subsequence of a[i:] and b[j:].
	lcs := make([][]int, len(a)+1)
	for i := range lcs {
		lcs[i] = make([]int, len(b)+1)
	}
	for i := len(a) - 1; i >= 0; i-- {
		for j := len(b) - 1; j >= 0; j-- {
			if bytes.Equal(a[i], b[j]) {
				lcs[i][j] = lcs[i+1][j+1] + 1
			} else {
				lcs[i][j] = max(lcs[i+1][j], lcs[i][j+1])
			}
		}
	}
	var ops []diffOp
	i, j := 0, 0
	for i < len(a) || j < len(b) {
		switch {
		case i < len(a) && j < len(b) && bytes.Equal(a[i], b[j]):
			ops = append(ops, diffOp{' ', i, j})
			i++
			j++
		case i < len(a) && (j == len(b) || lcs[i+1][j] >= lcs[i][j+1]):
			ops = append(ops, diffOp{'-', i, j}) // removals before additions, as diff -u
			i++
		default:
			ops = append(ops, diffOp{'+', i, j})
			j++
		}
	}
	return ops
}

// splitLines splits text into lines, each with its newline (the last may have none).
func splitLines(text []byte) [][]byte {
	var lines [][]byte
	for len(text) > 0 {
		i := bytes.IndexByte(text, '\n') + 1
		if i == 0 {
			i = len(text)
		}
		lines = append(lines, text[:i])
		text = text[i:]
	}
	return lines
}
