"""refheap's loaders and finders for source files and namespace packages.

Written for refheap (not CPython's importlib._bootstrap_external): the objects a module's
__loader__ and __spec__.loader are, with CPython's names and behaviour, and the names of 3.11's
module that library code reads (the suffix lists, cache_from_source, source_from_cache,
decode_source, spec_from_file_location, PathFinder, FileFinder, the loader classes). Finding and
compiling for `import` is done by the Java importer (dev.refheap.lang.importer), which these call
through _exec_source, _source_text and _find_on_path. refheap reads and writes no .pyc files next
to sources (its compiled code lives in its own cache), so sys.implementation.cache_tag is None and
cache_from_source refuses, as CPython's does for such an implementation.
"""

import sys

SOURCE_SUFFIXES = ['.py']
BYTECODE_SUFFIXES = ['.pyc']
# 3.11 keeps these two as aliases of BYTECODE_SUFFIXES (deprecated since 3.5)
DEBUG_BYTECODE_SUFFIXES = OPTIMIZED_BYTECODE_SUFFIXES = BYTECODE_SUFFIXES
EXTENSION_SUFFIXES = ['.cpython-311-x86_64-linux-gnu.so', '.abi3.so', '.so']  # CPython's (_imp.extension_suffixes())
MAGIC_NUMBER = b'\xa7\r\r\n'
_RAW_MAGIC_NUMBER = 168627623
_PYCACHE = '__pycache__'
_OPT = 'opt-'
_POPULATE = object()
_MS_WINDOWS = False
path_separators = '/'
path_sep = '/'
path_sep_tuple = ('/',)
_pathseps_with_colon = {':/'}


def _pack_uint32(x):
    return bytes([x & 0xFF, (x >> 8) & 0xFF, (x >> 16) & 0xFF, (x >> 24) & 0xFF])


def _unpack_uint32(data):
    assert len(data) == 4
    return data[0] | (data[1] << 8) | (data[2] << 16) | (data[3] << 24)


def _unpack_uint16(data):
    assert len(data) == 2
    return data[0] | (data[1] << 8)


def _path_join(*path_parts):
    """The parts joined with '/', empty parts dropped and a part's trailing separators stripped."""
    return path_sep.join([part.rstrip(path_separators) for part in path_parts if part])


def _path_split(path):
    """(head, tail) at the last separator; head is '' when there is none."""
    head, sep, tail = path.rpartition(path_sep)
    return head, tail


def _path_stat(path):
    posix = _bootstrap._gcd_import('posix')
    return posix.stat(path)


def _path_is_mode_type(path, mode):
    try:
        stat_info = _path_stat(path)
    except OSError:
        return False
    return (stat_info.st_mode & 0o170000) == mode


def _path_isfile(path):
    return _path_is_mode_type(path, 0o100000)


def _path_isdir(path):
    if not path:
        posix = _bootstrap._gcd_import('posix')
        path = posix.getcwd()
    return _path_is_mode_type(path, 0o040000)


def _path_isabs(path):
    return path.startswith(path_separators)


def _calc_mode(path):
    """The permission bits a bytecode file written for source `path` gets (the source's, plus owner write)."""
    try:
        mode = _path_stat(path).st_mode
    except OSError:
        mode = 0o666
    return mode | 0o200


def _check_tag():
    tag = sys.implementation.cache_tag
    if tag is None:
        raise NotImplementedError('sys.implementation.cache_tag is None')
    return tag


def cache_from_source(path, debug_override=None, *, optimization=None):
    """The path of the .pyc file CPython's import would cache `path`'s code in (PEP 3147/488)."""
    if debug_override is not None:
        _warnings = _bootstrap._gcd_import('_warnings')
        _warnings.warn('the debug_override parameter is deprecated; use \'optimization\' instead', DeprecationWarning)
        if optimization is not None:
            raise TypeError('debug_override or optimization must be set to None')
        optimization = '' if debug_override else 1
    posix = _bootstrap._gcd_import('posix')
    path = posix.fspath(path)
    head, tail = _path_split(path)
    base, sep, rest = tail.rpartition('.')
    tag = _check_tag()
    filename = (base if base else rest) + sep + tag
    if optimization is None:
        optimization = '' if sys.flags.optimize == 0 else sys.flags.optimize
    optimization = str(optimization)
    if optimization != '':
        if not optimization.isalnum():
            raise ValueError('{!r} is not alphanumeric'.format(optimization))
        filename = '{}.{}{}'.format(filename, _OPT, optimization)
    return _path_join(head, _PYCACHE, filename + BYTECODE_SUFFIXES[0])


def source_from_cache(path):
    """The source file a PEP 3147/488 .pyc path was made from (the path need not exist)."""
    tag = _check_tag()
    posix = _bootstrap._gcd_import('posix')
    path = posix.fspath(path)
    head, pycache_filename = _path_split(path)
    head, pycache = _path_split(head)
    if pycache != _PYCACHE:
        raise ValueError('{} not bottom-level directory in {!r}'.format(_PYCACHE, path))
    dot_count = pycache_filename.count('.')
    if dot_count not in {2, 3}:
        raise ValueError('expected only 2 or 3 dots in {!r}'.format(pycache_filename))
    if dot_count == 3:
        optimization = pycache_filename.rsplit('.', 2)[-2]
        if not optimization.startswith(_OPT):
            raise ValueError('optimization portion of filename does not start with {!r}'.format(_OPT))
        if not optimization[len(_OPT):].isalnum():
            raise ValueError('optimization level {!r} is not an alphanumeric value'.format(optimization))
    base_filename = pycache_filename.partition('.')[0]
    return _path_join(head, base_filename + SOURCE_SUFFIXES[0])


def _get_sourcefile(bytecode_path):
    """The .py file for a .pyc path if it exists, else the path itself."""
    if len(bytecode_path) == 0:
        return None
    rest, _, extension = bytecode_path.rpartition('.')
    if not rest or extension.lower()[-3:-1] != 'py':
        return bytecode_path
    try:
        source_path = source_from_cache(bytecode_path)
    except (NotImplementedError, ValueError):
        source_path = bytecode_path[:-1]
    return source_path if _path_isfile(source_path) else bytecode_path


def _get_cached(filename):
    if filename.endswith(tuple(SOURCE_SUFFIXES)):
        try:
            return cache_from_source(filename)
        except NotImplementedError:
            pass
    elif filename.endswith(tuple(BYTECODE_SUFFIXES)):
        return filename
    return None


def decode_source(source_bytes):
    """Source bytes as text: the encoding from the coding cookie or BOM (PEP 263), universal newlines."""
    import tokenize
    _io = _bootstrap._gcd_import('_io')
    readline = _io.BytesIO(source_bytes).readline
    encoding = tokenize.detect_encoding(readline)
    newline_decoder = _io.IncrementalNewlineDecoder(None, True)
    return newline_decoder.decode(source_bytes.decode(encoding[0]))


def _write_atomic(path, data, mode=0o666):
    raise NotImplementedError('refheap does not support writing bytecode files (_write_atomic) yet')


def _classify_pyc(data, name, exc_details):
    raise NotImplementedError('refheap does not support reading .pyc files (_classify_pyc) yet')


def _find_module_shim(self, fullname):
    """find_module() in terms of find_loader() (the deprecated finder protocol)."""
    _warnings = _bootstrap._gcd_import('_warnings')
    _warnings.warn('{}.find_module() is deprecated and slated for removal in Python 3.12; use find_spec() instead'
                   .format(type(self).__name__), DeprecationWarning)
    loader, portions = self.find_loader(fullname)
    return loader


class _LoaderBasics:
    """What SourceLoader and SourcelessFileLoader share: package test by file name, exec through get_code."""

    def is_package(self, fullname):
        filename = _path_split(self.get_filename(fullname))[1]
        filename_base = filename.rsplit('.', 1)[0]
        tail_name = fullname.rpartition('.')[2]
        return filename_base == '__init__' and tail_name != '__init__'

    def create_module(self, spec):
        return None

    def exec_module(self, module):
        code = self.get_code(module.__name__)
        if code is None:
            raise ImportError('cannot load module {!r} when get_code() returns None'.format(module.__name__))
        exec(code, module.__dict__)

    def load_module(self, fullname):
        _load_module_shim = _bootstrap._load_module_shim
        return _load_module_shim(self, fullname)


class SourceLoader(_LoaderBasics):
    """A loader of source code given by get_filename and get_data (the ABC's concrete half)."""

    def path_mtime(self, path):
        raise OSError

    def path_stats(self, path):
        return {'mtime': self.path_mtime(path)}

    def _cache_bytecode(self, source_path, cache_path, data):
        return self.set_data(cache_path, data)

    def set_data(self, path, data):
        pass

    def get_source(self, fullname):
        path = self.get_filename(fullname)
        try:
            source_bytes = self.get_data(path)
        except OSError as exc:
            raise ImportError('source not available through get_data()', name=fullname) from exc
        return decode_source(source_bytes)

    def source_to_code(self, data, path, *, _optimize=-1):
        return compile(data, path, 'exec', dont_inherit=True, optimize=_optimize)

    def get_code(self, fullname):
        source_path = self.get_filename(fullname)
        return self.source_to_code(self.get_data(source_path), source_path)


class FileLoader:
    """A loader of one file."""

    def __init__(self, fullname, path):
        self.name = fullname
        self.path = path

    def __eq__(self, other):
        return self.__class__ == other.__class__ and self.__dict__ == other.__dict__

    def __hash__(self):
        return hash(self.name) ^ hash(self.path)

    def load_module(self, fullname=None):
        _load_module_shim = _bootstrap._load_module_shim
        return _load_module_shim(self, self.name if fullname is None else fullname)

    def get_filename(self, name=None):
        return self.path

    def get_data(self, path):
        """The file's bytes."""
        _io = _bootstrap._gcd_import('_io')
        with _io.FileIO(path, 'r') as file:
            return file.read()

    def get_resource_reader(self, module):
        from importlib.readers import FileReader
        return FileReader(self)


class SourceFileLoader(FileLoader, SourceLoader):
    """The loader of a module's Python source file."""

    def is_package(self, fullname):
        filename = self.path.rpartition('/')[2]
        return filename.rpartition('.')[0] == '__init__'

    def create_module(self, spec):
        return None

    def exec_module(self, module):
        _exec_source(module, self.path)

    def get_source(self, fullname):
        return _source_text(self.path)

    def path_stats(self, path):
        st = _path_stat(path)
        return {'mtime': st.st_mtime, 'size': st.st_size}

    def set_data(self, path, data, *, _mode=0o666):
        # refheap keeps compiled code in its own cache, never in __pycache__
        pass


class SourcelessFileLoader(FileLoader, _LoaderBasics):
    """The loader of a bytecode-only (.pyc) module: refheap runs no .pyc files."""

    def get_code(self, fullname):
        raise ImportError('refheap does not support loading bytecode files yet ({!r})'.format(self.path), name=fullname)

    def get_source(self, fullname):
        return None


class ExtensionFileLoader(FileLoader, _LoaderBasics):
    """The loader of an extension module (a shared library): _imp.create_dynamic makes refheap's
    Java module of that name (the file itself is not loaded; a module refheap does not implement
    is refused with an ImportError)."""

    def __init__(self, name, path):
        self.name = name
        self.path = path

    def create_module(self, spec):
        _imp = _bootstrap._gcd_import('_imp')
        return _imp.create_dynamic(spec)

    def exec_module(self, module):
        _imp = _bootstrap._gcd_import('_imp')
        _imp.exec_dynamic(module)

    def is_package(self, fullname):
        file_name = _path_split(self.path)[1]
        return any(file_name == '__init__' + suffix for suffix in EXTENSION_SUFFIXES)

    def get_code(self, fullname):
        return None

    def get_source(self, fullname):
        return None


class NamespaceLoader:
    """The loader of a namespace package (nothing to execute)."""

    def __init__(self, name, path, path_finder):
        self._path = _NamespacePath(name, path, path_finder)

    def is_package(self, fullname):
        return True

    def get_source(self, fullname):
        return ''

    def create_module(self, spec):
        return None

    def exec_module(self, module):
        pass


class _NamespacePath:
    """A namespace package's __path__: the directories that hold its portions."""

    def __init__(self, name, path, path_finder):
        self._name = name
        self._path = path
        self._path_finder = path_finder

    def __iter__(self):
        return iter(self._path)

    def __getitem__(self, index):
        return self._path[index]

    def __setitem__(self, index, path):
        self._path[index] = path

    def __len__(self):
        return len(self._path)

    def __repr__(self):
        return '_NamespacePath({!r})'.format(self._path)

    def __contains__(self, item):
        return item in self._path

    def append(self, item):
        self._path.append(item)


def _spec_for_source(name, path, is_package, cached):
    ModuleSpec = _bootstrap.ModuleSpec
    spec = ModuleSpec(name, SourceFileLoader(name, path), origin=path, is_package=is_package)
    spec.has_location = True
    spec.cached = cached
    if is_package:
        spec.submodule_search_locations.append(path.rpartition('/')[0])
    return spec


def _spec_for_extension(name, path):
    """spec_from_file_location(name, path, loader=ExtensionFileLoader(name, path)), as FileFinder makes it."""
    ModuleSpec = _bootstrap.ModuleSpec
    spec = ModuleSpec(name, ExtensionFileLoader(name, path), origin=path)
    spec.has_location = True
    return spec


def _spec_for_namespace(name, paths):
    ModuleSpec = _bootstrap.ModuleSpec
    spec = ModuleSpec(name, None, origin=None, is_package=True)
    spec.submodule_search_locations = _NamespacePath(name, paths, None)
    return spec


_NamespaceLoader = NamespaceLoader


class WindowsRegistryFinder:
    """The finder of modules declared in the Windows registry: finds nothing on this platform."""

    @classmethod
    def find_spec(cls, fullname, path=None, target=None):
        return None

    @classmethod
    def find_module(cls, fullname, path=None):
        return None


class PathFinder:
    """The meta path finder for sys.path and packages' __path__ (the search itself is the Java importer's)."""

    @staticmethod
    def invalidate_caches():
        pass

    @classmethod
    def find_spec(cls, fullname, path=None, target=None):
        return _find_on_path(fullname, path)

    @classmethod
    def find_module(cls, fullname, path=None):
        _warnings = _bootstrap._gcd_import('_warnings')
        _warnings.warn('PathFinder.find_module() is deprecated and slated for removal in Python 3.12; use find_spec() instead',
                       DeprecationWarning)
        spec = cls.find_spec(fullname, path)
        return None if spec is None else spec.loader

    @staticmethod
    def find_distributions(*args, **kwargs):
        from importlib.metadata import MetadataPathFinder
        return MetadataPathFinder.find_distributions(*args, **kwargs)


class FileFinder:
    """The finder for one directory (a sys.path entry)."""

    def __init__(self, path, *loader_details):
        self._loaders = [(suffix, loader) for loader, suffixes in loader_details for suffix in suffixes]
        posix = _bootstrap._gcd_import('posix')
        if not path or path == '.':
            self.path = posix.getcwd()
        elif not _path_isabs(path):
            self.path = _path_join(posix.getcwd(), path)
        else:
            self.path = path
        self._path_mtime = -1
        self._path_cache = set()
        self._relaxed_path_cache = set()

    def invalidate_caches(self):
        self._path_mtime = -1

    find_module = _find_module_shim

    def find_loader(self, fullname):
        spec = self.find_spec(fullname)
        if spec is None:
            return None, []
        return spec.loader, spec.submodule_search_locations or []

    def find_spec(self, fullname, target=None):
        spec = _find_on_path(fullname, [self.path])
        if spec is None or spec.origin is None:
            return spec
        for suffix, loader in self._loaders:
            if spec.origin.endswith(suffix):
                if type(spec.loader) is not loader:
                    spec.loader = loader(fullname, spec.origin)
                return spec
        return None

    @classmethod
    def path_hook(cls, *loader_details):
        def path_hook_for_FileFinder(path):
            if not _path_isdir(path):
                raise ImportError('only directories are supported', path=path)
            return cls(path, *loader_details)
        return path_hook_for_FileFinder

    def __repr__(self):
        return 'FileFinder({!r})'.format(self.path)


def _get_supported_file_loaders():
    """(loader, suffixes) pairs, extensions first, as CPython orders them."""
    return [(ExtensionFileLoader, EXTENSION_SUFFIXES), (SourceFileLoader, SOURCE_SUFFIXES),
            (SourcelessFileLoader, BYTECODE_SUFFIXES)]


def _file_finder_hook():
    """The path hook CPython's start-up puts last in sys.path_hooks."""
    return FileFinder.path_hook(*_get_supported_file_loaders())


def spec_from_file_location(name, location=None, *, loader=None, submodule_search_locations=_POPULATE):
    """A spec for a module in a file (the loader chosen by suffix when not given)."""
    ModuleSpec = _bootstrap.ModuleSpec
    if location is None:
        location = '<unknown>'
        if hasattr(loader, 'get_filename'):
            try:
                location = loader.get_filename(name)
            except ImportError:
                pass
    else:
        posix = _bootstrap._gcd_import('posix')
        location = posix.fspath(location)
        if not _path_isabs(location):
            try:
                location = _path_join(posix.getcwd(), location)
            except OSError:
                pass
    spec = ModuleSpec(name, loader, origin=location)
    spec._set_fileattr = True
    if loader is None:
        for loader_class, suffixes in _get_supported_file_loaders():
            if location.endswith(tuple(suffixes)):
                loader = loader_class(name, location)
                spec.loader = loader
                break
        else:
            return None
    if submodule_search_locations is _POPULATE:
        if hasattr(loader, 'is_package'):
            try:
                is_package = loader.is_package(name)
            except ImportError:
                pass
            else:
                if is_package:
                    spec.submodule_search_locations = []
    else:
        spec.submodule_search_locations = submodule_search_locations
    if spec.submodule_search_locations == []:
        if location:
            spec.submodule_search_locations.append(_path_split(location)[0])
    spec.cached = _get_cached(location)
    return spec


def _fix_up_module(ns, name, pathname, cpathname=None):
    """Gives a namespace (a script's globals) __spec__, __loader__, __file__ and __cached__ for pathname."""
    loader = ns.get('__loader__')
    spec = ns.get('__spec__')
    if not loader:
        if spec:
            loader = spec.loader
        elif pathname == cpathname:
            loader = SourcelessFileLoader(name, pathname)
        else:
            loader = SourceFileLoader(name, pathname)
    if not spec:
        spec = spec_from_file_location(name, pathname, loader=loader)
        if cpathname:
            spec.cached = cpathname
    try:
        ns['__spec__'] = spec
        ns['__loader__'] = loader
        ns['__file__'] = pathname
        ns['__cached__'] = cpathname
    except Exception:
        pass


def _set_bootstrap_module(_bootstrap_module):
    global _bootstrap
    _bootstrap = _bootstrap_module
