# Source columns are UTF-8 bytes and markers are placed in display columns: non-ASCII text before the span, wide (East Asian, emoji) characters before and inside it.
d = {}
café = None
try:
    v = 'héhé' + café.attr
except AttributeError:
    try:
        v = '漢字' + d['x']
    except KeyError:
        try:
            v = '😀' and d['😀😀']
        except KeyError:
            try:
                v = 'ü' + 1
            except TypeError:
                v = 'ééé' + str(len('ü')) + d['éé']
