# An uncaught group of groups: the nested boxes and the indentation of their tracebacks.
def leaf(n):
    raise ValueError(n)

def group(name, *ns):
    excs = []
    for n in ns:
        try:
            leaf(n)
        except ValueError as e:
            excs.append(e)
    return ExceptionGroup(name, excs)

raise ExceptionGroup("outer", [group("a", 1, 2), group("b", 3), KeyError("plain")])
