# format() of a complex formatted its str as a string instead of 3.11's format_complex_internal: types
# e/E/f/F/g/G/n or none (the parts as repr writes them, parenthesised unless the real part is +0 and
# left out; a precision without a type is 'g' with the parentheses kept), each part formatted as a float
# with its own separators, the imaginary part always signed after a real part, the whole padded
# (right-aligned by default); a '0' fill, '=' alignment and other types refused with 3.11's messages.
specs = ['', '10', '<20', '>20', '^20', '*^20', '+', ' ', '-', '.2', '.2f', 'f', 'e', 'E', 'g', 'G', 'n', '.3e', '+.1f', '20.2f',
         ',', ',.2f', '_.3f', '#', '#.0f', 'z.1f', '.0', '.10', '#g', '>15,', 'x', 'd', '%', '010', '0<10', '=10', 'F', '.1g',
         'c', 's', '10.5', '*<30.4e']
vals = [1+2j, -1-2j, 1.5j, -1.5j, 0j, -0j, complex(-0.0, 0.0), complex(0.0, -0.0), 1234567.125+0.5j, 1e20+1e-20j,
        complex(float('inf'), float('nan')), complex(-float('inf'), -float('inf')), 3+0j, -0.0001+1e16j, 123456789j, 1.23456789e-7+0j,
        complex(-0.0, -0.0), 0.00001-0.00001j]
for s in specs:
    row = []
    for v in vals:
        try:
            row.append(format(v, s))
        except ValueError as e:
            row.append('ValueError: %s' % e)
    print(repr(s), row)
print(f"{1+2j:>12.3f}|{3j!r:>8}|{-2+0j:}")
class C(complex): pass
print(format(C(1, 2), '.1f'), format(C(1, 2), ''), format(C(0, 2), '8'))
