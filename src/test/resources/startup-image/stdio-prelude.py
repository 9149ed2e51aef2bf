# Before the image: what CPython's start-up makes of the standard streams (StdIo.init, which the
# test calls after this prelude): io objects over fds 0-2. The io module is _io itself here and
# the encodings package a search function (io.py and encodings would be imported from a directory).
import _io, _codecs, sys
sys.modules['encodings'] = type(sys)('encodings')
class Coder:
    def __init__(self, errors):
        self.errors = errors
class Info(tuple):
    incrementaldecoder = incrementalencoder = Coder
_codecs.register(lambda name: Info((None, None, None, None)))
sys.modules['io'] = _io
