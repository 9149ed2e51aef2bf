# compile() accepts the future flags and dont_inherit; a generator_stop flag is a no-op in 3.11
import __future__
c = compile("x = 1", "<s>", "exec", __future__.generator_stop.compiler_flag)
ns = {}
exec(c, ns)
print(ns["x"], __future__.generator_stop.compiler_flag)
c2 = compile("y = 2", "<s>", "exec", dont_inherit=True)
exec(c2, ns)
print(ns["y"], c2.co_flags & 0xffff0000)
c3 = compile("z = 3", "<s>", "exec", __future__.division.compiler_flag, True)
exec(c3, ns)
print(ns["z"])
