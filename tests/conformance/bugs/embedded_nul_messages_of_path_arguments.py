# A NUL in a path: a str is PyUnicode_FSConverter's "embedded null byte", bytes are path_converter's
# "<function>: embedded null character in <argument>"; putenv, unsetenv and system take their
# strings through PyUnicode_FSConverter (its messages, no bytes-like objects). refheap said
# "embedded null byte" for all and path_t's messages for putenv.
import os, warnings
warnings.simplefilter('ignore', DeprecationWarning)
for f in (lambda: os.stat('a\0'), lambda: os.stat(b'a\0'), lambda: os.rename(b'a', b'b\0'), lambda: os.link('a', b'\0'),
          lambda: os.getxattr(b'/x\0', 'a'), lambda: os.listdir(b'\0'), lambda: os.putenv(b'a\0', b'b'), lambda: os.putenv('a', 'b\0'),
          lambda: os.putenv(1, 'b'), lambda: os.unsetenv(bytearray(b'a')), lambda: os.system(b'a\0'), lambda: os.system(3.5),
          lambda: os.stat(1.5), lambda: os.open(__import__('array').array('b', b'a\0'), 0)):
    try:
        f()
    except (ValueError, TypeError) as e:
        print(type(e).__name__, e)
