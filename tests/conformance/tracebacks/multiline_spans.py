# A span over several lines is marked from its start to the end of its first line, without operator markers; a span that starts the line and runs on gets no markers.
def fail(*args):
    return {}[args]


d = {}
try:
    result = fail(1,
                  2)
except KeyError:
    try:
        v = (1 +
             2) / 0
    except ZeroDivisionError:
        try:
            v = d[
                'key']
        except KeyError:
            try:
                fail(
                    3)
            except KeyError:
                v = [1, 2,
                     3] + None
