# A character from U+10000 up whose second UTF-16 half is U+DC80..U+DCFF (U+1F4D7, U+1D49C) was taken for an undecodable byte: the file's lines were missing from tracebacks and such a name was a SyntaxError
import sys
import _testcapi

𝒜 = 5  # MATHEMATICAL SCRIPT CAPITAL A (D835 DC9C), a name NFKC makes 'A'
print(A, ascii("📗"))  # GREEN BOOK (D83D DCD7)


def f():
    return 1 / 0  # 📗


try:
    f()
except ZeroDivisionError as e:
    saved = sys.stderr
    sys.stderr = sys.stdout
    try:
        _testcapi.exception_print(e)  # the C printer reads the lines itself
    finally:
        sys.stderr = saved
f()
