import os
import os.path as osp
import collections.abc, json as j
from sys import getrefcount as rc, argv
from collections import (
    OrderedDict,
    defaultdict as dd,
)
from . import sibling
from .. import parent as par
from .pkg.mod import *
from ...deep import thing
