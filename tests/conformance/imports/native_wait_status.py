# posix's wait-status macros and waitstatus_to_exitcode (subprocess binds them at import)
import os

for st in (0, 256, 9, 0x8b, 0x137f, 0xffff, 0x7f00):
    print(st, os.WIFEXITED(st), os.WEXITSTATUS(st), os.WIFSIGNALED(st), os.WTERMSIG(st), os.WIFSTOPPED(st),
          os.WSTOPSIG(st), os.WIFCONTINUED(st), os.WCOREDUMP(st))
    try:
        print(os.waitstatus_to_exitcode(st))
    except ValueError as e:
        print("ValueError", e)
print(os.WNOHANG, os.WUNTRACED, os.WCONTINUED, os.waitstatus_to_exitcode(status=512))
for bad in ("x", 2 ** 40):
    try:
        os.WIFEXITED(bad)
    except (TypeError, OverflowError) as e:
        print(type(e).__name__, e)
