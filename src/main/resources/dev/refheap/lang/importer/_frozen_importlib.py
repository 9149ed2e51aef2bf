"""refheap's import objects: module specs and the built-in importer.

Written for refheap (not CPython's importlib._bootstrap): the import algorithm itself runs in Java
(dev.refheap.lang.importer.Importer); this module builds the objects CPython's import puts on
modules (__spec__, __loader__) with CPython's names, attributes and reprs, so that code which
looks at them sees what it sees on CPython. _gcd_import and __import__ call the Java importer.
"""


_ERR_MSG_PREFIX = 'No module named '
_ERR_MSG = _ERR_MSG_PREFIX + '{!r}'


# The per-module import locks of CPython's import, for code that uses them itself (importlib's own
# helpers, tests): refheap's importer keeps its module locks in Java and does not call these.
_module_locks = {}  # module name -> weak reference to its lock
_blocking_on = {}  # thread id -> the _ModuleLock that thread waits for


class _DeadlockError(RuntimeError):
    """Raised by the Java importer when waiting for a module's import lock would deadlock."""


class _ModuleLock:
    """A module's import lock: re-entrant for its owning thread, and refusing (_DeadlockError) a wait
    that would close a cycle of threads each waiting for a lock another one holds."""

    def __init__(self, name):
        _thread = _gcd_import('_thread')
        self.lock = _thread.allocate_lock()
        self.wakeup = _thread.allocate_lock()
        self.name = name
        self.owner = None
        self.count = 0
        self.waiters = 0

    def has_deadlock(self):
        """Whether the owners' waits lead back to this thread."""
        me = _gcd_import('_thread').get_ident()
        visited = set()
        owner = self.owner
        while True:
            waited = _blocking_on.get(owner)
            if waited is None:
                return False
            owner = waited.owner
            if owner == me:
                return True
            if owner in visited:
                return False
            visited.add(owner)

    def acquire(self):
        me = _gcd_import('_thread').get_ident()
        _blocking_on[me] = self
        try:
            while True:
                with self.lock:
                    if self.owner == me or self.count == 0:
                        self.owner = me
                        self.count += 1
                        return True
                    if self.has_deadlock():
                        raise _DeadlockError('deadlock detected by %r' % self)
                    if self.wakeup.acquire(False):
                        self.waiters += 1
                # the owner's last release lets one waiter through
                self.wakeup.acquire()
                self.wakeup.release()
        finally:
            del _blocking_on[me]

    def release(self):
        me = _gcd_import('_thread').get_ident()
        with self.lock:
            if self.owner != me:
                raise RuntimeError('cannot release un-acquired lock')
            self.count -= 1
            if self.count == 0:
                self.owner = None
                if self.waiters:
                    self.waiters -= 1
                    self.wakeup.release()

    def __repr__(self):
        return '_ModuleLock({!r}) at {}'.format(self.name, id(self))


class _DummyModuleLock:
    """The import lock of an interpreter without threads: a counter."""

    def __init__(self, name):
        self.name = name
        self.count = 0

    def acquire(self):
        self.count += 1
        return True

    def release(self):
        if self.count == 0:
            raise RuntimeError('cannot release un-acquired lock')
        self.count -= 1

    def __repr__(self):
        return '_DummyModuleLock({!r}) at {}'.format(self.name, id(self))


class _ModuleLockManager:

    def __init__(self, name):
        self._name = name
        self._lock = None

    def __enter__(self):
        self._lock = _get_module_lock(self._name)
        self._lock.acquire()

    def __exit__(self, *args, **kwargs):
        self._lock.release()


def _get_module_lock(name):
    """The lock of module `name`, made when none is alive (the table keeps it weakly)."""
    _imp.acquire_lock()
    try:
        ref = _module_locks.get(name)
        lock = None if ref is None else ref()
        if lock is None:
            lock = _ModuleLock(name)

            def forget(ref, name=name):
                _imp.acquire_lock()
                try:
                    if _module_locks.get(name) is ref:
                        del _module_locks[name]
                finally:
                    _imp.release_lock()

            _module_locks[name] = _gcd_import('_weakref').ref(lock, forget)
    finally:
        _imp.release_lock()
    return lock


def _lock_unlock_module(name):
    """Waits until no other thread is importing module `name` (a deadlock is let through)."""
    lock = _get_module_lock(name)
    try:
        lock.acquire()
    except _DeadlockError:
        pass
    else:
        lock.release()


class ModuleSpec:
    """The import-related state of a module (PEP 451)."""

    def __init__(self, name, loader, *, origin=None, loader_state=None, is_package=None):
        self.name = name
        self.loader = loader
        self.origin = origin
        self.loader_state = loader_state
        self.submodule_search_locations = [] if is_package else None
        self._uninitialized_submodules = []
        self._set_fileattr = False
        self._cached = None

    def __repr__(self):
        args = ['name={!r}'.format(self.name), 'loader={!r}'.format(self.loader)]
        if self.origin is not None:
            args.append('origin={!r}'.format(self.origin))
        if self.submodule_search_locations is not None:
            args.append('submodule_search_locations={}'.format(self.submodule_search_locations))
        return '{}({})'.format(self.__class__.__name__, ', '.join(args))

    def __eq__(self, other):
        smsl = self.submodule_search_locations
        try:
            return (self.name == other.name and self.loader == other.loader and self.origin == other.origin
                    and smsl == other.submodule_search_locations and self.cached == other.cached
                    and self.has_location == other.has_location)
        except AttributeError:
            return NotImplemented

    @property
    def cached(self):
        return self._cached

    @cached.setter
    def cached(self, cached):
        self._cached = cached

    @property
    def parent(self):
        """The name of the module's parent."""
        if self.submodule_search_locations is None:
            return self.name.rpartition('.')[0]
        return self.name

    @property
    def has_location(self):
        return self._set_fileattr

    @has_location.setter
    def has_location(self, value):
        self._set_fileattr = bool(value)


class BuiltinImporter:
    """The importer of the modules built into refheap (sys, gc, ...)."""

    _ORIGIN = "built-in"

    @staticmethod
    def module_repr(module):
        return '<module {!r} ({})>'.format(module.__name__, BuiltinImporter._ORIGIN)

    @classmethod
    def find_spec(cls, fullname, path=None, target=None):
        if path is not None or not _is_builtin(fullname):
            return None
        return ModuleSpec(fullname, cls, origin=cls._ORIGIN)

    @staticmethod
    def create_module(spec):
        return _create_builtin(spec.name)

    @staticmethod
    def exec_module(module):
        pass

    @classmethod
    def get_code(cls, fullname):
        return None

    @classmethod
    def get_source(cls, fullname):
        return None

    @classmethod
    def is_package(cls, fullname):
        return False


_imp = None  # the _imp module, set by the importer as the bootstrap's _setup sets it


class FrozenImporter:
    """The importer of the modules CPython 3.11 freezes into its binary (the bootstrap, the modules
    start-up imports, runpy, importlib.util and .machinery, the __hello__ test modules): refheap runs
    the code CPython froze them from, compiled from the standard library's source."""

    _ORIGIN = "frozen"

    @staticmethod
    def module_repr(m):
        _warnings = _gcd_import('_warnings')
        _warnings.warn("FrozenImporter.module_repr() is deprecated and slated for removal in Python 3.12",
                      DeprecationWarning)
        return '<module {!r} ({})>'.format(m.__name__, FrozenImporter._ORIGIN)

    @classmethod
    def _resolve_filename(cls, fullname, alias=None, ispkg=False):
        """The source file a frozen module was built from and its package directory (or None)."""
        sys = _gcd_import('sys')
        stdlib = getattr(sys, '_stdlib_dir', None)
        if not fullname or not stdlib:
            return None, None
        cls._SEP = '/'
        if fullname != alias:
            if fullname.startswith('<'):
                # a package's __init__ frozen under its own name
                fullname = fullname[1:]
                if not ispkg:
                    fullname = fullname + '.__init__'
            else:
                ispkg = False
        relative = fullname.replace('.', '/')
        if ispkg:
            return stdlib + '/' + relative + '/__init__.py', stdlib + '/' + relative
        return stdlib + '/' + relative + '.py', None

    @classmethod
    def _fix_up_module(cls, module):
        """Gives a frozen module imported before its spec could be made (the bootstrap) its loader state."""
        spec = module.__spec__
        if spec.loader_state is not None:
            return
        info = _imp.find_frozen(spec.name)
        origname = None if info is None else info[2]
        ispkg = hasattr(module, '__path__')
        filename, pkgdir = cls._resolve_filename(origname, spec.name, ispkg)
        spec.loader_state = _LoaderState(filename=filename, origname=origname)
        if ispkg and pkgdir:
            spec.submodule_search_locations.insert(0, pkgdir)
        if filename:
            module.__file__ = filename

    @classmethod
    def find_spec(cls, fullname, path=None, target=None):
        info = _imp.find_frozen(fullname)
        if info is None:
            return None
        ispkg, origname = info[1], info[2]
        spec = spec_from_loader(fullname, cls, origin=cls._ORIGIN, is_package=ispkg)
        filename, pkgdir = cls._resolve_filename(origname, fullname, ispkg)
        spec.loader_state = _LoaderState(filename=filename, origname=origname)
        if pkgdir:
            spec.submodule_search_locations.insert(0, pkgdir)
        return spec

    @classmethod
    def find_module(cls, fullname, path=None):
        _warnings = _gcd_import('_warnings')
        _warnings.warn("FrozenImporter.find_module() is deprecated and slated for removal in Python 3.12; "
                      "use find_spec() instead", DeprecationWarning)
        return cls if _imp.is_frozen(fullname) else None

    @staticmethod
    def create_module(spec):
        module = _new_module(spec.name)
        filename = getattr(spec.loader_state, 'filename', None)
        if filename:
            module.__file__ = filename
        return module

    @staticmethod
    def exec_module(module):
        code = _imp.get_frozen_object(module.__spec__.name)
        exec(code, module.__dict__)

    @classmethod
    def load_module(cls, fullname):
        module = _load_module_shim(cls, fullname)
        return module

    @classmethod
    def get_code(cls, fullname):
        return _imp.get_frozen_object(fullname)

    @classmethod
    def get_source(cls, fullname):
        return None

    @classmethod
    def is_package(cls, fullname):
        return _imp.is_frozen_package(fullname)


class _ImportLockContext:
    """The global import lock (_imp's) held for a with block."""

    def __enter__(self):
        _imp.acquire_lock()

    def __exit__(self, exc_type, exc_value, exc_traceback):
        _imp.release_lock()


def _LoaderState(**kwargs):
    """A frozen module's loader state: a types.SimpleNamespace, as sys.implementation is."""
    sys = _gcd_import('sys')
    return type(sys.implementation)(**kwargs)


def _spec_for_builtin(name):
    return ModuleSpec(name, BuiltinImporter, origin=BuiltinImporter._ORIGIN)


def _spec_for_frozen(name):
    spec = FrozenImporter.find_spec(name)
    if name == '_frozen_importlib':
        # CPython gives the bootstrap its loader state before sys._stdlib_dir exists
        spec.loader_state.filename = None
    return spec


def _init_module_attrs(spec, module):
    module.__name__ = spec.name
    loader = spec.loader
    if loader is None and spec.submodule_search_locations is not None:
        # a namespace package: its loader is made here, and its __file__ is None (as CPython's)
        NamespaceLoader = _bootstrap_external.NamespaceLoader
        loader = NamespaceLoader(spec.name, [], None)
        loader._path = spec.submodule_search_locations
        spec.loader = loader
        module.__file__ = None
    module.__loader__ = loader
    module.__package__ = spec.parent
    module.__spec__ = spec
    if spec.submodule_search_locations is not None:
        module.__path__ = spec.submodule_search_locations
    if spec.has_location:
        module.__file__ = spec.origin
        if spec.cached is not None:
            module.__cached__ = spec.cached
    return module


def module_from_spec(spec):
    """A new module for spec, its attributes set as import sets them (the module is not executed)."""
    module = None
    if hasattr(spec.loader, 'create_module'):
        module = spec.loader.create_module(spec)
    elif hasattr(spec.loader, 'exec_module'):
        raise ImportError('loaders that define exec_module() must also define create_module()')
    if module is None:
        module = _new_module(spec.name)
    _init_module_attrs(spec, module)
    return module


def _module_repr_from_spec(spec):
    name = '?' if spec.name is None else spec.name
    if spec.origin is None:
        if spec.loader is None:
            return '<module {!r}>'.format(name)
        return '<module {!r} ({!r})>'.format(name, spec.loader)
    if spec.has_location:
        return '<module {!r} from {!r}>'.format(name, spec.origin)
    return '<module {!r} ({})>'.format(spec.name, spec.origin)


def _resolve_name(name, package, level):
    bits = package.rsplit('.', level - 1)
    if len(bits) < level:
        raise ImportError('attempted relative import beyond top-level package')
    base = bits[0]
    return '{}.{}'.format(base, name) if name else base


def spec_from_loader(name, loader, *, origin=None, is_package=None):
    if origin is None:
        origin = getattr(loader, '_ORIGIN', None)
    if is_package is None and hasattr(loader, 'is_package'):
        try:
            is_package = loader.is_package(name)
        except ImportError:
            is_package = None
    return ModuleSpec(name, loader, origin=origin, is_package=bool(is_package))


def _verbose_message(message, *args, verbosity=1):
    """Prints a message to stderr when -v was given (refheap has no -v: sys.flags.verbose is 0)."""
    sys = _gcd_import('sys')
    if sys.flags.verbose >= verbosity:
        if not message.startswith(('#', 'import ')):
            message = '# ' + message
        print(message.format(*args), file=sys.stderr)


def _find_spec(name, path, target=None):
    """The spec the import system would find for name (None if none): the first sys.meta_path finder's."""
    sys = _gcd_import('sys')
    meta_path = sys.meta_path
    if meta_path is None:
        raise ImportError("sys.meta_path is None, Python is likely shutting down")
    if not meta_path:
        _warnings = _gcd_import('_warnings')
        _warnings.warn('sys.meta_path is empty', ImportWarning)
    for finder in list(meta_path):
        try:
            find_spec = finder.find_spec
        except AttributeError:
            raise NotImplementedError('refheap does not support the meta path finder {!r} without find_spec() yet'.format(finder))
        spec = find_spec(name, path, target)
        if spec is not None:
            break
    else:
        return None
    module = sys.modules.get(name)
    if module is not None:
        # a module being reloaded keeps the spec it has
        try:
            return module.__spec__ or spec
        except AttributeError:
            pass
    return spec


def _exec(spec, module):
    """Executes spec's module in the existing module object (what importlib.reload does)."""
    sys = _gcd_import('sys')
    name = spec.name
    if sys.modules.get(name) is not module:
        raise ImportError('module {!r} not in sys.modules'.format(name), name=name)
    _init_module_attrs(spec, module)
    if spec.loader is None:
        if spec.submodule_search_locations is None:
            raise ImportError('missing loader', name=spec.name)
    else:
        spec.loader.exec_module(module)
    module = sys.modules.pop(spec.name)
    sys.modules[spec.name] = module
    return module


def _load(spec):
    """Loads spec's module as a new module in sys.modules (removed again if executing it fails)."""
    sys = _gcd_import('sys')
    module = module_from_spec(spec)
    spec._initializing = True
    try:
        sys.modules[spec.name] = module
        try:
            if spec.loader is not None:
                spec.loader.exec_module(module)
        except BaseException:
            try:
                del sys.modules[spec.name]
            except KeyError:
                pass
            raise
        module = sys.modules.pop(spec.name)
        sys.modules[spec.name] = module
    finally:
        spec._initializing = False
    return module


def _load_module_shim(self, fullname):
    """load_module() in terms of exec_module() (the deprecated loader protocol)."""
    _warnings = _gcd_import('_warnings')
    sys = _gcd_import('sys')
    _warnings.warn('the load_module() method is deprecated and slated for removal in Python 3.12; use exec_module() instead',
                   DeprecationWarning)
    spec = spec_from_loader(fullname, self)
    if fullname in sys.modules:
        module = sys.modules[fullname]
        _exec(spec, module)
        return sys.modules[fullname]
    return _load(spec)


def _builtin_from_name(name):
    spec = BuiltinImporter.find_spec(name)
    if spec is None:
        raise ImportError('no built-in module named ' + name)
    return _load(spec)
