from .sub.leaf import LEAF
def where():
    return __name__, __package__
