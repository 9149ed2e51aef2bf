"""refheap's loaders for source files and namespace packages.

Written for refheap (not CPython's importlib._bootstrap_external): the objects a module's
__loader__ and __spec__.loader are, with CPython's names and behaviour; finding and compiling is
done by the Java importer (dev.refheap.lang.importer), which these call through _exec_source and
_source_text.
"""

SOURCE_SUFFIXES = ['.py']
BYTECODE_SUFFIXES = ['.pyc']
EXTENSION_SUFFIXES = []
MAGIC_NUMBER = b'\xa7\r\r\n'
_RAW_MAGIC_NUMBER = 168627623


def _pack_uint32(x):
    return bytes([x & 0xFF, (x >> 8) & 0xFF, (x >> 16) & 0xFF, (x >> 24) & 0xFF])


def _unpack_uint32(data):
    assert len(data) == 4
    return data[0] | (data[1] << 8) | (data[2] << 16) | (data[3] << 24)


class FileLoader:
    """A loader of one file."""

    def __init__(self, fullname, path):
        self.name = fullname
        self.path = path

    def __eq__(self, other):
        return self.__class__ == other.__class__ and self.__dict__ == other.__dict__

    def __hash__(self):
        return hash(self.name) ^ hash(self.path)

    def get_filename(self, name=None):
        return self.path

    def get_resource_reader(self, module):
        return None


class SourceFileLoader(FileLoader):
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
    from _frozen_importlib import ModuleSpec
    spec = ModuleSpec(name, SourceFileLoader(name, path), origin=path, is_package=is_package)
    spec.has_location = True
    spec.cached = cached
    if is_package:
        spec.submodule_search_locations.append(path.rpartition('/')[0])
    return spec


def _spec_for_namespace(name, paths):
    from _frozen_importlib import ModuleSpec
    spec = ModuleSpec(name, None, origin=None, is_package=True)
    spec.submodule_search_locations = _NamespacePath(name, paths, None)
    return spec
