# "Exception ignored in" reports come from CPython's C traceback printer: markers too, but trailing blanks stay and do not shift them, operators after a closing parenthesis are found, and no chain is printed.
class Noisy:
    def __init__(self, kind):
        self.kind = kind

    def __del__(self):
        a, b, d = 1, 0, {}
        k = self.kind
        if k == 'sub': v = d['missing']
        if k == 'paren': v = (a)/b
        if k == 'blanks': v = d['blank']   
        if k == 'call': v = len(a)
        if k == 'chain':
            try:
                d['first']
            except KeyError:
                v = a // b


for kind in ['sub', 'paren', 'blanks', 'call', 'chain']:
    Noisy(kind)
print('done')
