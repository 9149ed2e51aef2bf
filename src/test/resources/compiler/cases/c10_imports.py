import os
import os.path
import os.path as p
import a.b.c as d
from sys import argv, path as pth
from . import sibling
from ..pkg import mod
from m import *
import json, re

def f():
    import collections
    from itertools import chain
    return collections, chain

os.getcwd()
json.dumps(1)
