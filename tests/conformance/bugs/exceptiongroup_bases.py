# bug: ExceptionGroup.__bases__ was missing; its refcount and mro as CPython's
import sys
print(ExceptionGroup.__bases__, BaseExceptionGroup.__bases__)
print(ExceptionGroup.__mro__)
print(ExceptionGroup.__base__, BaseExceptionGroup.__base__)
