# Tracebacks mark a failing call with ^ under the whole call, in every frame of nested calls, keyword and star arguments, and calls of non-callables.
def inner(d):
    return d['key']


def middle(x, *, key):
    return inner(x) + key


def outer(*args, **kwargs):
    return [middle(*args, **kwargs)]


class Box:
    def get(self, d):
        return inner(d)


try:
    result = outer({}, key=1)
except KeyError:
    try:
        print('value:', Box().get({}), 'end')
    except KeyError:
        try:
            f = None
            f(1)(2)
        except TypeError:
            total = sum([len('ab'), outer({'key': 'v'}, key=2)[0],
                         3])
