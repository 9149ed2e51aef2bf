# _testinternalcapi, which test.support reaches for (requires_debug_ranges, check_sizeof,
# get_recursion_depth): SIZEOF_PYGC_HEAD, get_recursion_depth() and the keys of get_config()
# refheap can state; _testcapi.exception_print prints as sys.excepthook does (test_traceback).
import sys
import _testcapi
import _testinternalcapi as m

print(m.SIZEOF_PYGC_HEAD, type(m.__loader__).__name__)
print(m.get_recursion_depth())


def f(n):
    return m.get_recursion_depth() if n == 0 else f(n - 1)


print(f(0), f(5))
c = m.get_config()
for k in ['isolated', 'use_environment', 'dev_mode', 'install_signal_handlers', 'code_debug_ranges', 'filesystem_encoding',
          'filesystem_errors', 'pycache_prefix', 'xoptions', 'warnoptions', 'platlibdir', 'site_import', 'bytes_warning',
          'warn_default_encoding', 'inspect', 'interactive', 'optimization_level', 'parser_debug', 'verbose', 'quiet',
          'user_site_directory', 'stdio_encoding', 'safe_path']:
    print(k, c[k])
print(c['argv'] == sys.argv, c['argv'] is not sys.argv, c['executable'] == sys.executable, c['prefix'] == sys.base_prefix,
      c['stdlib_dir'] == sys._stdlib_dir)
from test.support import get_recursion_depth, has_no_debug_ranges
print(get_recursion_depth(), has_no_debug_ranges())


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
