# bug: repr(NotImplemented) and repr(Ellipsis) were '<NotImplementedType object at ...>'
print(NotImplemented, repr(NotImplemented), ..., repr(Ellipsis), str(NotImplemented))
print([NotImplemented, ...])
