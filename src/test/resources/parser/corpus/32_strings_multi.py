doc = """First line
    indented line
\tTab escape
Last line"""
raw = r'''raw \n stays
two lines'''
combined = ("part one "
            "part two "
            'part three')
b = (b"one"
     b"two")
empty_triple = """"""
quote_in = """She said "hi" """
s = 'a\
b'
