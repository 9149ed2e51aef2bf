# Imports each standard-library module the import issue lists (and a few more) on refheap, in one
# process, and prints a Markdown table row per module: whether it imported, else the exception.
# Run: ./refheap run scripts/stdlib-probe.py   (docs/stdlib.md keeps the last table)
MODULES = ['__future__', 'keyword', 'copy', 'copyreg', 'pprint', 'reprlib', 'heapq', 'bisect', 'string', 'textwrap',
           'linecache', 'types', 'functools', 'operator', 'collections', 'collections.abc', 'abc', 'enum', 'dataclasses',
           'contextlib', 'weakref', 'itertools', 'typing', 'random', 'math', 're', 'traceback', 'io', 'os', 'os.path',
           'json', 'time', 'datetime', 'threading', 'queue', 'struct', 'tracemalloc', 'warnings', 'inspect', 'dis',
           'timeit', 'statistics', 'fractions', 'decimal', 'argparse', 'tempfile', 'shutil', 'unittest', 'importlib',
           'stat', 'colorsys', 'token', 'opcode', 'numbers', 'genericpath', 'posixpath', 'fnmatch', 'errno', 'atexit',
           'binascii', 'base64',
           # more that programs people bring import (session 16's probe)
           'asyncio', 'socket', 'subprocess', 'csv', 'sqlite3', 'pickle', 'zlib', 'gzip', 'zipfile', 'tarfile', 'bz2',
           'lzma', 'uuid', 'logging', 'glob', 'pathlib', 'difflib', 'shlex', 'configparser', 'email.message',
           'http.client', 'urllib.parse', 'urllib.request', 'html', 'html.parser', 'xml.etree.ElementTree',
           'xml.dom.minidom', 'calendar', 'locale', 'gettext', 'unicodedata', 'array', 'ctypes', 'mmap', 'secrets',
           'concurrent.futures', 'multiprocessing', 'selectors', 'signal', 'platform', 'sysconfig', 'getopt',
           'optparse', 'pydoc', 'doctest', 'cProfile', 'pstats', 'cmath', 'contextvars', 'graphlib', 'zoneinfo',
           'ipaddress', 'hmac', 'hashlib', 'sched', 'shelve', 'dbm', 'gc', 'ast', 'tokenize', 'faulthandler',
           'resource', 'termios', 'tty', 'pty', 'fcntl', 'grp', 'pwd', 'filecmp', 'quopri', 'wave', 'unittest.mock',
           # the modules that import array (issue 9)
           'multiprocessing.reduction', 'multiprocessing.managers', 'multiprocessing.dummy']
for name in MODULES:
    try:
        __import__(name)
        row = 'imports'
    except BaseException as e:
        msg = str(e).replace('|', '\\|').replace('\n', ' ')
        row = 'fails: `' + type(e).__name__ + ': ' + msg[:160] + '`'
    print('| `' + name + '` | ' + row + ' |')
