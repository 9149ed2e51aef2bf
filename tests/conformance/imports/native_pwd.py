# pwd (the password database through the C library): struct_passwd, getpwuid, getpwnam, getpwall,
# their errors, and posixpath.expanduser('~user') that needs it.
import os
import posixpath
import pwd

root = pwd.getpwnam('root')
print(root.pw_name, root.pw_uid, root.pw_gid, root.pw_dir, type(root).__name__, type(root).__module__)
print(len(root), root[0] == root.pw_name, pwd.struct_passwd.n_fields, pwd.struct_passwd.n_sequence_fields)
print(pwd.getpwuid(0) == root, pwd.getpwuid(0)[5] == root.pw_dir)
me = pwd.getpwuid(os.getuid())
print(me.pw_uid == os.getuid(), isinstance(me.pw_shell, str))
everyone = pwd.getpwall()
print(type(everyone).__name__, root in everyone, all(type(e) is pwd.struct_passwd for e in everyone))
print(posixpath.expanduser('~root/x') == root.pw_dir + '/x', posixpath.expanduser('~no_such_user_here/x'))
for bad in ['no_such_user_here', 'a\0b', 5]:
    try:
        pwd.getpwnam(bad)
    except (KeyError, ValueError, TypeError) as e:
        print(type(e).__name__, e)
for bad in [2 ** 31 + 12345, -5, 2 ** 40, 'x']:
    try:
        pwd.getpwuid(bad)
    except (KeyError, TypeError) as e:
        print(type(e).__name__, e)
