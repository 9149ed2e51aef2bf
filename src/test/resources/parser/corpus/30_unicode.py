# -*- coding: utf-8 -*-
café = "naïve"
名前 = "値"
emoji = "😀 ok"
s = f"{café} {名前!r}"
π = 3.14159
print(café, 名前, π, emoji)
b = "é" + "\u00e9" + "\N{LATIN SMALL LETTER E WITH ACUTE}"
