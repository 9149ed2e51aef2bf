# After the image: the standard streams are the image's io objects and write to the runtime's own out and err.
import sys
out = sys.stdout
print('stdout', type(out).__name__, out.encoding, out.errors, out.line_buffering, out.buffer.raw.name, out.mode, out is sys.__stdout__)
print('stderr', sys.stderr.errors, sys.stderr.line_buffering, sys.stderr.buffer.raw.name, file=sys.stderr)
print(sys.stdin.buffer.raw.name, sys.stdin.mode, sys.stdin.readable(), out.writable(), out.buffer.raw.fileno())
out.write('pending, then flushed\n')
out.flush()
sys.stderr.write('\u20ac backslashreplace? no: utf-8\n')
sys.stderr.flush()
