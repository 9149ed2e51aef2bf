from .. import init_ran
from . import SUB
from ..sub import SUB as SUB2
LEAF = (init_ran, SUB, SUB2)
