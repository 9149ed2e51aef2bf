# printf-style %d/%i/%u/%x/%X/%o take a precision (the digits zero-padded to it, as 3.11's formatlong),
# and %c ignores one; refheap handed both to format(), which refused the precision (test_format).
# Flags come in any order (%0+34d), and for bytes a bytearray argument is not a mapping.
for f in ('%.3d', '%5.3d', '%-6.3d|', '%.3x', '%#.3x', '%+.3d', '%.0d', '%.3o', '%#.5o', '%08.3d', '%.3i', '%.3u', '%.3X', '%.3c'):
    for v in (5, -5, 0, 255):
        try: print(repr(f), v, repr(f % v))
        except Exception as e: print(repr(f), v, type(e).__name__, e)
print(b'%.3d' % 5, b'%5.3x' % 255)
for f in ('%c', '%5c', '%-5c|', '%05c', '%.0c', '%#c'):
    print(repr(f % 65), repr(f % 'z'))
print('%5.3s|%-7.2f|%+.2e' % ('abcdef', 3.14159, 12345.678))
print('%.3d' % 5.9, '%.3d' % -5.9, '%x' % 255, '%#X' % 255, '%#o' % 8, '%05d' % -3, '% d' % 5, '% .3d' % 5)
print('%.3d' % True, '%.2x' % (1 << 70))
print(b'%.0c' % 65, b'%.0c' % b'z', b'%3.1c|' % 66, b'%.3d|%-6.2x|%#.4o' % (7, 255, 8))
for a in (bytearray(b'1'), b'1', memoryview(b'1'), [1], {'a': 1}):
    for f in (b'no format', 'no format'):
        try: print(f % a)
        except TypeError as e: print('TypeError', e)
print('%0+34d' % (1 << 80), '%-+08d|' % 3, '%+#010x' % 255, '% 0-5d|' % 7)

# a %s or %r that is the whole result, unpadded and uncut, is the str object itself (the writer keeps it)
text = "abcde"
class R:
    cached = 'cached repr'
    def __repr__(self): return self.cached
    def __str__(self): return self.cached
r = R()
print("%s" % text is text, "%.5s" % text is text, "%.10s" % text is text, "%1s" % text is text, "%5s" % text is text)
print("%6s" % text is text, "%.4s" % text is text, "x%s" % text is text, "%s " % text is text, "%s" % (text,) is text)
print("%(k)s" % {'k': text} is text, "%r" % r is R.cached, "%s" % r is R.cached, "%s%s" % ('', text) is text, "%-5s" % text is text)
print("%s" % 5, "%r" % 'x', "%a" % 'é', type("%s" % type('S', (str,), {})('q')).__name__)
import sys
print(sys.getrefcount(text) - sys.getrefcount("%s" % text) + 1)
