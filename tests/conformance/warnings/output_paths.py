# Where a shown warning goes: sys.stderr written here before warnings is imported (piece by piece,
# the source line with its indentation removed), warnings._showwarnmsg once it is
import sys, _warnings
class Recorder:
    def __init__(self):
        self.pieces = []
    def write(self, s):
        self.pieces.append(s)
saved = sys.stderr
sys.stderr = rec = Recorder()
_warnings.warn('to the recorder')
if True:
        _warnings.warn('indented   ', RuntimeWarning)
_warnings.warn_explicit('no line', UserWarning, '<made up>', 1)
_warnings.warn_explicit('past the end', UserWarning, sys._getframe().f_code.co_filename, 1000)
_warnings.warn_explicit('line zero', UserWarning, sys._getframe().f_code.co_filename, 0)
class Odd(UserWarning):
    pass
Odd.__name__ = 'Renamed'
_warnings.warn('renamed category', Odd)
_warnings.warn(Odd('an instance'))
_warnings.warn(12345)
del sys.stderr
_warnings.warn('lost stderr')
sys.stderr = saved
for p in rec.pieces:
    print(repr(p))
def outer():
    inner()
def inner():
    _warnings.warn('two up', UserWarning, 3)
outer()
import warnings
shown = []
def show(msg):
    shown.append((str(msg.message), msg.category.__name__, msg.filename, msg.lineno, msg.line, msg.file, msg.source))
warnings._showwarnmsg = show
_warnings.warn('through _showwarnmsg')
_warnings.warn('with a source', UserWarning, 1, [1, 2])
_warnings.warn_explicit('explicit', UserWarning, 'e.py', 7, module='m', registry={})
print(shown)
warnings._showwarnmsg = 42
try:
    _warnings.warn('not callable')
except TypeError as e:
    print(e)
del warnings._showwarnmsg
try:
    _warnings.warn('no _showwarnmsg')
except Exception as e:
    print('error', e)
