# A raise statement that is the whole line gets no markers; one sharing its line with other code does; re-raising keeps the original markers.
class Failure(Exception):
    pass


def check(v):
    if v < 0: raise Failure('negative')
    return v


def reraise():
    try:
        [][0]
    except IndexError:
        raise


try:
    check(-1)
except Failure:
    try:
        reraise()
    except IndexError as e:
        try:
            raise ValueError('plain')
        except ValueError:
            raise Failure('wrapped') from e
