def beyond():
    try:
        from .... import nothing
    except ImportError as e:
        return type(e).__name__ + ': ' + str(e)
def up():
    from .. import inner
    from ..inner import deep
    return inner.__name__, deep.__name__
