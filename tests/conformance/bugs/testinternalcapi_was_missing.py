# _testinternalcapi, which test.support reaches for (requires_debug_ranges, check_sizeof,
# get_recursion_depth): SIZEOF_PYGC_HEAD, get_recursion_depth() and the keys of get_config()
# refheap can state; _testcapi.exception_print prints as sys.excepthook does (test_traceback).
import sys
import _testcapi
import _testinternalcapi as m

print(m.SIZEOF_PYGC_HEAD, type(m.__loader__).__name__)
base = m.get_recursion_depth()


def f(n):
    return m.get_recursion_depth() if n == 0 else f(n - 1)


print(f(0) - base, f(5) - base)
c = m.get_config()
flags = sys.flags
print(c['isolated'] == flags.isolated, c['use_environment'] == (not flags.ignore_environment), c['dev_mode'] == flags.dev_mode,
      c['site_import'] == (not flags.no_site), c['user_site_directory'] == (not flags.no_user_site), c['safe_path'] == flags.safe_path,
      c['optimization_level'] == flags.optimize, c['verbose'] == flags.verbose, c['quiet'] == flags.quiet,
      c['bytes_warning'] == flags.bytes_warning, c['inspect'] == flags.inspect, c['interactive'] == flags.interactive)
for k in ['install_signal_handlers', 'code_debug_ranges', 'filesystem_encoding', 'filesystem_errors', 'pycache_prefix',
          'xoptions', 'warnoptions', 'platlibdir', 'warn_default_encoding', 'parser_debug', 'stdio_encoding']:
    print(k, c[k])
print(type(c['argv']).__name__, c['executable'] == sys.executable, c['prefix'] == sys.base_prefix, c['stdlib_dir'] == sys._stdlib_dir)
from test.support import has_no_debug_ranges
print(has_no_debug_ranges())


def g():
    1 / 0


try:
    g()
except ZeroDivisionError as e:
    sys.stderr = sys.stdout
    _testcapi.exception_print(e)
    try:
        raise KeyError('k') from e
    except KeyError as k:
        _testcapi.exception_print(k)
    _testcapi.exception_print(3)
    sys.stderr = sys.__stderr__
