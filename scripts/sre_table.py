"""Writes the differential table of the _sre engine: src/test/resources/sre/differential.py (a
program that compiles patterns with _sre.compile from code lists made here by CPython's own
re._parser/re._compiler, and prints what every Pattern method gives on a set of subjects) and
differential.out (what CPython 3.11 printed for it). SreDifferentialTest runs the program on
refheap and compares. Run with CPython 3.11: python3 scripts/sre_table.py
"""
import os
import random
import re
import subprocess
import sys
from re import _compiler, _parser

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
OUT = os.path.join(ROOT, "src", "test", "resources", "sre")

I, M, S, X, A, L = re.I, re.M, re.S, re.X, re.A, re.L

STR_SUBJECTS = ["", "a", "abc", "aaa", "abcabc", "xabcx", "ab\ncd\n", "Hello World", "foo123bar45",
                "aAbBcC", "  spaced  out ", "a-b_c d", "mississippi", "((a))", "caf\u00e9 \u00c9t\u00e9", "x" * 40 + "y",
                "\u0394\u03b4 \u03a3\u03c3\u03c2 \u212a k", "12:34:56", "tic-tac-toe", "aaab", "abab", "abba"]

STR_PATTERNS = [
    ("", 0), ("a", 0), ("abc", 0), ("a|b", 0), ("ab|cd|ef", 0), ("a*", 0), ("a+", 0), ("a?", 0), ("a*?", 0),
    ("a+?", 0), ("a??", 0), ("a{2}", 0), ("a{1,2}", 0), ("a{2,}", 0), ("a{,2}", 0), ("a{1,2}?", 0), (".", 0),
    (".", S), (".*", 0), (".*", S), (".+?b", 0), ("[abc]", 0), ("[^abc]", 0), ("[a-z]+", 0), ("[a-z]+", I),
    ("[^a-z]+", 0), ("\\d+", 0), ("\\D+", 0), ("\\w+", 0), ("\\W+", 0), ("\\s+", 0), ("\\S+", 0), ("\\w+", A),
    ("\\d", A), ("\\s", A), ("\\bx", 0), ("\\Bb", 0), ("\\b\\w+\\b", 0), ("\\b\\w", A), ("^a", 0), ("^a", M),
    ("a$", 0), ("c$", M), ("$", 0), ("^$", M), ("\\Aa", 0), ("c\\Z", 0), ("(a)", 0), ("(a)(b)(c)", 0),
    ("(a)|(b)", 0), ("(a|b)*", 0), ("(a|b)*?c", 0), ("(a*)*", 0), ("(a*)+", 0), ("(a|)+", 0), ("(?:a|b)+", 0),
    ("(?P<first>\\w+) (?P<last>\\w+)", 0), ("(?P<x>a)(?P=x)", 0), ("(a)\\1", 0), ("(\\w)\\1", 0),
    ("(?i)(a)\\1", 0), ("(a)?b(?(1)c|d)", 0), ("(?:(a)|b)*", 0), ("(?:(a)|(b))*", 0), ("((a)|b)+", 0),
    ("(a)(?=b)", 0), ("(a)(?!b)", 0), ("(?<=a)b", 0), ("(?<!a)b", 0), ("(?<=(a))b", 0), ("(?=(a+))a*b\\1", 0),
    ("(?>a+)b", 0), ("(?>a|ab)c", 0), ("a++b", 0), ("a*+a", 0), ("(?:ab)++", 0), ("(?:ab)*+b", 0), ("a?+", 0),
    ("(ab)*+", 0), ("(?:a|b)?+c", 0), ("a{1,3}+", 0), ("[abc]*+c", 0), ("ABC", I), ("aBc", I), ("[A-Z]", I),
    ("\u00e9", I), ("\u00c9T\u00c9", I), ("\u03c3", I), ("k", I), ("[k-m]", I), ("[^k]", I), ("\u03a3+", I),
    ("k", I | A), ("(?i)hello", 0), ("(?i:h)ello", 0), ("(?m)^\\w+$", 0), ("(?s).+", 0), ("(?x) a b c # comment", 0),
    ("a.c", 0), ("a.*c", 0), ("a.*?c", 0), ("a.*?c", S), ("\\d{2}:\\d{2}", 0), ("(\\d+):(\\d+):(\\d+)", 0),
    ("(\\d+)(?::(\\d+))?", 0), ("[-_ ]", 0), ("[\\w-]+", 0), ("[^\\W\\d]+", 0), ("[\\d\\s]+", 0), ("[.]", 0),
    ("\\.", 0), ("[a-cx-z0-2]+", 0), ("[\u0394-\u03c9]+", 0), ("[^\u0394-\u03c9 ]+", 0), ("(?:x{2})+", 0),
    ("x{3,5}?y", 0), ("x{38,}", 0), ("(x)+y", 0), ("(x)+?y", 0), ("(?:x|y)+", 0), ("ss?i", 0), ("(ss)?i", 0),
    ("i(ss|pp)i", 0), ("(i|s)+", 0), ("(s+|p+)", 0), ("((i)|(s)|(p))+", 0), ("(?:(i)|(s)|(p))+?i", 0),
    ("t[ia]c", 0), ("(t)(a)?(c)", 0), ("-", 0), ("(-)", 0), ("\\W", 0), ("(?=\\w)", 0), ("\\b", 0), ("\\B", 0),
    ("(?:)", 0), ("(|a)", 0), ("(a|)", 0), ("a|", 0), ("|a", 0), ("(a*)b", 0), ("(a*?)b", 0), ("(a+|b+)*", 0),
    ("(a+|b)*", 0), ("(a+|b){0,2}", 0), ("(a+|b){1,}?", 0), ("(?:(a)|b)(?(1)b|a)", 0), ("(a)?(?(1)b)", 0),
    ("((a)(b))", 0), ("(((((a)))))", 0), ("(a)(b)?(c)?", 0), ("(?P<a>a)|(?P<b>b)", 0), ("(?P<a>a)(?P<b>b)?", 0),
    ("[a]+?[b]", 0), ("a[^\\n]*", 0), ("^\\s+|\\s+$", 0), ("\\s*", 0), ("o\\b", 0), ("(\\w+)\\s(\\w+)", 0),
    ("[aeiou]", 0), ("[^aeiou\\W]+", I), ("(.)\\1", 0), ("(.)(?!\\1)", 0), ("(?<=-)\\w+", 0), ("(?<!-)\\b\\w", 0),
    ("(?:a(?=b)|b)+", 0), ("(?!a)\\w", 0), ("\\w(?<!b)", 0), ("(?:(?!ab).)+", 0), ("a(?#comment)b", 0),
    ("\\x61", 0), ("\\u00e9", 0), ("\\N{LATIN SMALL LETTER E WITH ACUTE}", 0), ("[\\u00e0-\\u00ff]", 0),
    ("\\141", 0), ("\\t|\\n", 0), ("[\\n]", 0), ("(?s:.)", 0), ("(?-i:a)b", I), ("(?a:\\w+)", 0),
    ("(?:\\d|[a-f]){2,4}", 0), ("(?:a|b|c|d|e|f)+", 0), ("(?:aa|bb|cc)+", 0), ("(?:abc|abd|aef)", 0),
    ("cat|category|catalog", 0), ("[ab]c|d", 0), ("(?:[ab]|c)+x", 0), ("a{0}", 0), ("(a){0}", 0), ("(a){0}b", 0),
    ("(ab)+c", 0), ("(ab)*?", 0), ("(a(b)?)+", 0), ("(a(b)?)+?c", 0), ("(?:(a)|(b)|c)+", 0),
    ("(?:x(y)?)+", 0), ("(y)?(?:x\\1?)+", 0), ("b*", 0), ("b*?", 0), ("(b*)*", 0), ("(?:b*)*?c", 0),
]

BYTES_SUBJECTS = [b"", b"a", b"abc", b"aaa", b"ab\ncd\n", b"Hello World", b"foo123bar45", b"caf\xe9 \xc9t\xe9",
                  b"\x00\xff\x80", b"a-b_c d", b"mississippi"]

BYTES_PATTERNS = [
    (b"a", 0), (b"a+", 0), (b"[a-z]+", 0), (b"[a-z]+", I), (b"\\w+", 0), (b"\\w+", L), (b"\\d+", 0), (b"\\s+", 0),
    (b"(a)(b)?", 0), (b"^\\w+$", M), (b".", 0), (b"[\\x80-\\xff]", 0), (b"\\xe9", I), (b"\\xc9", I | L), (b"\\bs", 0),
    (b"(?P<w>\\w)(?P=w)", 0), (b"(s+|i)+", 0), (b"[^\\x00]+", 0), (b"HELLO", I), (b"(?i)[c-f]+", 0), (b"\\W", L),
    (b"\\b\\w", L), (b"(?i:e)", L), (b"[e-g]", I | L),
]


# Random patterns (a fixed seed, so the table is stable): nested groups of every kind, alternations,
# every quantifier, conditionals and backreferences, over a small alphabet where backtracking matters.
ATOMS = ["a", "b", "c", ".", "[ab]", "[^a]", "\\w", "\\d", "\\s", "\\b", "^", "$", "x", "(?:ab)", "[a-c]", "\\B"]
QUANTIFIERS = ["*", "+", "?", "*?", "+?", "??", "{1,2}", "{2}", "{0,3}?", "*+", "++", "?+"]
RANDOM_SUBJECTS = ["", "a", "ab", "abc", "aab", "abab", "ba", "cab", "a b", "xaxbx", "aaaa", "abcabc", "b a1 c", "aba"]


def random_pattern(rnd, depth=0):
    out = []
    for _ in range(rnd.randint(1, 3)):
        r = rnd.random()
        if depth < 3 and r < 0.25:
            kind = rnd.choice(["(", "(?:", "(?=", "(?!", "(?<=a)", "(?>", "(?P<n%d>" % rnd.randint(0, 99)])
            if kind == "(?<=a)":
                out.append(kind)
                continue
            body = random_pattern(rnd, depth + 1)
            if rnd.random() < 0.3:
                body += "|" + random_pattern(rnd, depth + 1)
            out.append(kind + body + ")")
        elif depth < 3 and r < 0.3:
            out.append("(" + random_pattern(rnd, depth + 1) + "|" + random_pattern(rnd, depth + 1) + ")")
        else:
            out.append(rnd.choice(ATOMS))
        if rnd.random() < 0.4:
            out[-1] += rnd.choice(QUANTIFIERS)
    return "".join(out)


def random_patterns(n):
    rnd = random.Random(20220615)
    pats = []
    while len(pats) < n:
        p = random_pattern(rnd)
        if rnd.random() < 0.2:
            p = "(a)?" + p + "(?(1)b|c)"
        if rnd.random() < 0.1:
            p = "(a|b)" + p + "\\1"
        flags = rnd.choice([0, 0, 0, I, M, S, A])
        try:
            re.compile(p, flags)
        except re.error:
            continue
        pats.append((p, flags))
    return pats


def compile_args(p, flags):
    tree = _parser.parse(p, flags)
    code = [int(c) for c in _compiler._code(tree, flags)]
    gi = dict(tree.state.groupdict)
    ig = [None] * tree.state.groups
    for k, i in gi.items():
        ig[i] = k
    return (p, int(flags | tree.state.flags), code, tree.state.groups - 1, gi, tuple(ig))


HEAD = '''# Generated by scripts/sre_table.py from CPython 3.11's re._parser/re._compiler: do not edit.
import _sre


def span(m):
    if m is None:
        return None
    return (m.span(), m.groups(), m.lastindex, m.lastgroup, m.groupdict())


def short(m):
    return None if m is None else (m.span(), m.groups(), m.lastindex)


def run_random(args):
    r = _sre.compile(*args)
    print(repr(r), [(short(r.search(s)), short(r.match(s)), short(r.fullmatch(s)), r.findall(s), r.sub('-', s))
                    for s in RANDOM])


def run(args, subjects):
    r = _sre.compile(*args)
    print(repr(r), r.groups, dict(r.groupindex))
    for s in subjects:
        n = len(s)
        out = [span(r.search(s)), span(r.match(s)), span(r.fullmatch(s)), span(r.search(s, 1, n - 1)),
               r.findall(s), r.split(s), r.split(s, 1), r.sub('<>' if isinstance(s, str) else b'<>', s),
               r.subn(lambda m: m.group(0)[::-1], s, 2), [m.span() for m in r.finditer(s)],
               [m.groups() for m in r.finditer(s, 1)]]
        print(repr(s), out)


'''


def main():
    lines = [HEAD]
    lines.append("STR = %r\nBYTES = %r\nRANDOM = %r\n\n" % (STR_SUBJECTS, BYTES_SUBJECTS, RANDOM_SUBJECTS))
    for p, flags in STR_PATTERNS:
        lines.append("run(%r, STR)\n" % (compile_args(p, flags),))
    for p, flags in BYTES_PATTERNS:
        lines.append("run(%r, BYTES)\n" % (compile_args(p, flags),))
    randoms = random_patterns(200)
    for p, flags in randoms:
        lines.append("run_random(%r)\n" % (compile_args(p, flags),))
    src = os.path.join(OUT, "differential.py")
    with open(src, "w", encoding="utf-8") as f:
        f.write("".join(lines))
    out = subprocess.run([sys.executable, src], check=True, capture_output=True).stdout
    with open(os.path.join(OUT, "differential.out"), "wb") as f:
        f.write(out)
    print("%d patterns, %d lines" % (len(STR_PATTERNS) + len(BYTES_PATTERNS) + len(randoms), out.count(b"\n")))


if __name__ == "__main__":
    main()
