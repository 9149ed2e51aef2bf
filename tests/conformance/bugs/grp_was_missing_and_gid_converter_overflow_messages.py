# grp (CPython 3.11's: getgrgid, getgrnam, getgrall, struct_group) was a ModuleNotFoundError; and
# posix's uid/gid converter refused 2**32-1 ((gid_t)-1 in CPython) and called values between
# 2**32 and 2**63 'greater than maximum' where 3.11 says 'less than minimum' (the C long is
# truncated by the cast).
import grp, os
print([k for k in vars(grp) if not k.startswith('__')], grp.struct_group.n_fields, grp.struct_group.n_sequence_fields)
print(grp.getgrgid(0), grp.getgrnam('root'), type(grp.getgrall()), len(grp.getgrall()) > 3)
print(grp.getgrall()[0] == grp.getgrgid(grp.getgrall()[0].gr_gid), all(isinstance(g.gr_mem, list) for g in grp.getgrall()))
for f in (lambda: grp.getgrgid(99999), lambda: grp.getgrnam('nope_x'), lambda: grp.getgrgid('x'), lambda: grp.getgrnam(1),
          lambda: grp.getgrgid(-1), lambda: grp.getgrgid(2**40), lambda: grp.getgrnam('a\0b'), lambda: grp.getgrgid(),
          lambda: grp.getgrgid(id=0), lambda: grp.getgrgid(0.5), lambda: grp.getgrnam(name='root').gr_gid, lambda: grp.getgrall(1),
          lambda: grp.getgrgid(2**63), lambda: grp.getgrgid(2**32 - 1)):
    try:
        print(f())
    except Exception as e:
        print(type(e).__name__, e)
# the uid/gid converter of posix: 2**32-1 is (gid_t)-1, a C long truncated by the cast is "less than minimum"
for v in (2**32 - 1, 2**32, 2**40, 2**63, 2**64, -2):
    try:
        os.chown('/nonexistent-refheap', -1, v)
    except Exception as e:
        print(v, type(e).__name__, e)
