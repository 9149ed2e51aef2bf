# A descriptor stored as a class's __doc__, read on the class: type_get_doc calls its __get__ with
# (None, the class); refheap passed a null class and the JVM crashed (SIGSEGV). test_descr test_doc_descriptor.
class DocDescr(object):
    def __get__(self, object, otype):
        if object:
            object = object.__class__.__name__ + ' instance'
        if otype:
            otype = otype.__name__
        return 'object=%s; type=%s' % (object, otype)
class OldClass:
    __doc__ = DocDescr()
class NewClass(object):
    __doc__ = DocDescr()
print(OldClass.__doc__)
print(OldClass().__doc__)
print(NewClass.__doc__)
print(NewClass().__doc__)
