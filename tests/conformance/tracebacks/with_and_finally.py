# Errors in with bodies, in __exit__, in finally blocks and in except handlers keep the markers of the instruction that raised.
class Resource:
    def __enter__(self):
        return self

    def __exit__(self, *exc):
        return self.cleanup[0]


def body():
    with Resource() as r:
        return r.value


try:
    body()
except AttributeError:
    try:
        try:
            v = 1 / 0
        finally:
            print('finally ran')
    except ZeroDivisionError:
        try:
            [][1]
        except IndexError:
            d = {}
            v = d['handler']
