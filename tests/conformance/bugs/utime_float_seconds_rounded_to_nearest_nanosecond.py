# os.utime with float seconds converts each as _PyTime_ObjectToTimespec does: the fraction (modf's,
# with the value's sign) times 1e9 in double, floored; refheap rounded to the nearest nanosecond
# (1.002003 became 1002003001 ns where CPython sets 1002003000; test_os's UtimeTests).
import os, tempfile
fd, name = tempfile.mkstemp()
os.close(fd)
for atime, mtime in [(1.002003, 4.005006), (1.5, 2.25), (123456789.987654321, 0.1), (-1.25, -0.000000001),
                     (1e-9, 2.999999999), (1234567890.123456789, 1.0000000005)]:
    os.utime(name, (atime, mtime))
    st = os.stat(name)
    print(atime, mtime, st.st_atime_ns, st.st_mtime_ns)
os.utime(name, ns=(1002003000, 4005006000))
st = os.stat(name)
print(st.st_atime_ns, st.st_mtime_ns)
os.unlink(name)
