# sys.version has the form CPython's build gives it, so platform parses it (it raised ValueError:
# "failed to parse CPython sys.version"); sys.implementation.name is 'cpython'. The build date
# and the compiler are the build's own and are not printed.
import platform, sys
print(platform.python_implementation(), platform.python_version(), platform.python_version_tuple())
print(repr(platform.python_branch()), repr(platform.python_revision()), platform.python_build()[0])
print(platform._sys_version()[:5])
print(sys.version.split()[0], sys.version.split()[1], sys.implementation.name, sys.implementation.version == sys.version_info)
print(sys.implementation.hexversion == sys.hexversion, sys.implementation._multiarch)
print(len(platform.python_compiler()) > 0, len(platform.python_build()[1]) > 0)
