# 'single' mode prints the repr of every module-level expression statement (None is not printed) and sets builtins._
import builtins
exec(compile("for i in range(3): i * 10\n", "<s>", "single"))
exec(compile("'text'", "<s>", "single"))
print(builtins._)
exec(compile("None", "<s>", "single"))
print(builtins._)
exec(compile("def f():\n    7\n    return 8\n", "<s>", "single"))
exec(compile("f()", "<s>", "single"))
exec(compile("if True:\n    [1, 2]\n    (3, 4)\n", "<s>", "single"))
print(builtins._)
