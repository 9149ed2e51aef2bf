# A warning's source line from a file this run has not compiled: read from the file by its name, or
# by its last path component in the sys.path directories, as _Py_DisplaySourceLine reads it
import sys, _warnings
me = sys._getframe().f_code.co_filename
if me:
	    x = 'indented by a tab and spaces, trailing blanks kept'    
_warnings.warn_explicit('read from the file', UserWarning, './' + me, 6)
_warnings.warn_explicit('found on sys.path', UserWarning, '/no/such/dir/' + me.rsplit('/', 1)[1], 4)
_warnings.warn_explicit('not found', UserWarning, '/no/such/dir/nothing_here.py', 1)
_warnings.warn_explicit('past the end', UserWarning, './' + me, 99)
import warnings
_warnings.warn_explicit('through linecache', UserWarning, './' + me, 6)
print('done')
