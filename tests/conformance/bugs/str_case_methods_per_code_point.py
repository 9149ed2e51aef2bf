# str.title(), capitalize(), swapcase(), isupper() and islower() work per code point as 3.11's do:
# supplementary-plane letters (Deseret, Adlam) were left as they were (refheap cased UTF-16 units),
# title() and capitalize() use titlecase (U+01C6 -> U+01C5) and the full mappings (ß -> Ss),
# lowercasing a capital sigma looks at its context (final sigma), and a titlecase letter makes
# isupper() and islower() false.
samples = [
    '\U00010428', '\U00010400', '\U00010428abc', 'a\U00010428b', '\U00010428A',
    '\U00010428\U00010428 \U00010400\U00010428', '\U0001e922\U0001e900 x', '\U0001d400x',
    '\u01c6a', '\u01c5', '\u01c4 \u01c6', 'ß\U00010428', 'straße', 'ŉ', 'ﬁre ﬂy', 'ǰ',
    '\u1f80', '\u1f88x', '\u1fb2', '\u1fb3', '\u1fb4', '\u1fb7', '\u1fbc', '\u1fc7 \u1ff3',
    'ΑΣ', 'ΑΣ.', 'ΑΣ Α', 'Σ', 'ΑΣΑ', "Α'Σ", 'ΑΣ\u0301', 'hello world', "they're bill's", 'ΣΑΣ ΣΑΣ.',
    '', '123', 'İ', 'ﬀ', 'ΐ',
]
for s in samples:
    print(ascii(s), ascii(s.title()), ascii(s.capitalize()), ascii(s.swapcase()), ascii(s.upper()), ascii(s.lower()),
          s.isupper(), s.islower())
