# An instance of a builtin type finds its type's __doc__ in the type's dict: (1).__doc__ was an
# AttributeError, and int.__dict__ had no '__doc__'.
print((1).__doc__ is int.__dict__['__doc__'], '__doc__' in int.__dict__, getattr([], '__doc__', None) is list.__dict__['__doc__'])
print(type(None).__dict__['__doc__'], None.__doc__)
