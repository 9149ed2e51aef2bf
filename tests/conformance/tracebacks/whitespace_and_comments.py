# Markers follow the stripped source line: deep indentation, tabs, trailing comments, a backslash continuation, and trailing blanks (which shift 3.11's markers left).
d = {}


def deep():
    if True:
        if True:
            if True:
                return d['deep']


def tabs():
	if True:
		return d['tab']


def trailing_blanks():
    return d['blanks']   	


try:
    deep()
except KeyError:
    try:
        tabs()
    except KeyError:
        try:
            trailing_blanks()
        except KeyError:
            try:
                v = d['commented']  # the key is not there
            except KeyError:
                v = 1 + \
                    d['continued']
