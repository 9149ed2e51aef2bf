init_ran = True
from . import sub
