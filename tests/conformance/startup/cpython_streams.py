# Under --startup=cpython sys.stdin/stdout/stderr are init_sys_streams' io objects: TextIOWrapper over
# BufferedReader/BufferedWriter over FileIO, with create_stdio's names, modes and buffering, the codec's
# incremental encoder/decoder and the raw FileIO among the wrapper's referents, sys.__stdout__ the same object
# options: --startup=cpython
import sys, gc
for s in (sys.stdin, sys.stdout, sys.stderr):
    print(repr(s), s.encoding, s.line_buffering, s.write_through, repr(s.buffer), repr(s.buffer.raw), s.newlines)
    print(sorted(type(r).__name__ for r in gc.get_referents(s)), gc.is_tracked(s), sys.getsizeof(s))
print(sys.stdin is sys.__stdin__, sys.stdout is sys.__stdout__, sys.stderr is sys.__stderr__)
print(sys.getrefcount(sys.stdout), sys.getrefcount(sys.stderr), sys.getrefcount(sys.stdin))
print(sys.getrefcount(sys.stdout.buffer), sys.getrefcount(sys.stdout.buffer.raw))
