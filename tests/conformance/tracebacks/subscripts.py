# Tracebacks mark a failing subscript with ~ under the container and ^ under the brackets, also when nested, spaced, sliced or in del and augmented assignment.
d = {'a': {'b': 1}}
l = []


def nested():
    return d['a']['missing']


try:
    d['missing']
except KeyError:
    try:
        v = l[1:2][0]
    except IndexError:
        try:
            nested()
        except KeyError:
            try:
                v = d [ 'spaced' ]  # a comment after the expression
            except KeyError:
                try:
                    del d['gone']
                except KeyError:
                    try:
                        d['count'] += 1
                    except KeyError:
                        v = d[1, 2]
