# the native _weakref module has exactly the names weakref.py imports from it
import _weakref
names = ["getweakrefcount", "getweakrefs", "ref", "proxy", "CallableProxyType", "ProxyType", "ReferenceType", "_remove_dead_weakref"]
print([hasattr(_weakref, n) for n in names])
print(_weakref.ref is _weakref.ReferenceType, _weakref.ProxyType.__name__, _weakref.CallableProxyType.__name__, _weakref.ReferenceType.__name__)
print(_weakref.ProxyType, _weakref.CallableProxyType)
import weakref
print(weakref.proxy is _weakref.proxy, weakref.ref is _weakref.ref, weakref.ProxyTypes)
