# str.startswith/endswith ignored their start and end arguments (getopt's short options with an
# argument, and so timeit's command line, went wrong)
cases = [("abc", "b", 1), ("abc", "b", 2), ("n:u", ":", 1), ("abc", "", 3), ("abc", "", 4), ("abc", "a", -10),
         ("abc", "c", -1), ("héllo wörld", "wö", 6), ("a\U0001F600bc", "b", 2), ("a\U0001F600bc", "\U0001F600", 1)]
for s, p, i in cases:
    print(repr(s), repr(p), i, s.startswith(p, i), s.endswith(p, i), s.startswith(p, 0, i), s.endswith(p, 0, i),
          s.startswith(p, None, i), s.endswith(p, i, None), s.startswith((p, "zz"), i))
print("abc".endswith("b", None, -1), "abc".startswith(("x", "bc"), 1, None), "abcd".endswith("bc", 1, 3), "abcd".endswith("bc", 2, 3))
print("abc".startswith("abc", 0, 2), "abc".endswith("", 2, 1), "abc".startswith("", 2, 1), "abc".startswith("", 3, 3))
class I:
    def __index__(self):
        return 1
print("abc".startswith("b", I()), "abc".endswith(("a",), 0, I()))
for f in [lambda: "a".startswith(), lambda: "a".startswith("a", 1, 2, 3), lambda: "a".startswith(x="a"),
          lambda: "a".startswith(("a", 1)), lambda: "a".startswith(("b", 1)), lambda: "a".startswith(1),
          lambda: "a".startswith("a", "x"), lambda: "a".startswith(1, "x"), lambda: "a".endswith(()), lambda: "a".endswith([1]),
          lambda: "a".endswith(1.5, 0), lambda: "a".endswith(("a", 2), 5)]:
    try:
        print(f())
    except Exception as e:
        print(type(e).__name__, e)
import getopt
print(getopt.getopt(["-n", "3", "-r", "2", "pass"], "n:u:s:r:tcpvh", ["number=", "setup="]))
print(getopt.getopt(["-n3", "-abc", "x"], "n:abc"))
print(getopt.gnu_getopt(["a", "--number=5", "-v", "-s", "x"], "vs:", ["number="]))
try:
    getopt.getopt(["-n"], "n:")
except getopt.GetoptError as e:
    print(e, e.opt)
