package dev.refheap.lang.vm;

import dev.refheap.object.Heap;
import dev.refheap.object.RootProvider;

/** Interned strs for the names the runtime looks up often (held for the runtime's life, reported as roots). */
final class Names implements RootProvider {
    final long __name__, __doc__, __builtins__, __init__, __del__, __repr__, __str__, __module__, __qualname__, __class__, __dict__, __eq__, __hash__, __len__, __iter__, __next__, __enter__, __exit__, __call__, __bool__, __getitem__, __setitem__, __delitem__, __contains__, __main__, __new__;
    private final long[] all;

    Names(Heap heap) {
        __name__ = heap.strs.internedOf("__name__");
        __doc__ = heap.strs.internedOf("__doc__");
        __builtins__ = heap.strs.internedOf("__builtins__");
        __init__ = heap.strs.internedOf("__init__");
        __del__ = heap.strs.internedOf("__del__");
        __repr__ = heap.strs.internedOf("__repr__");
        __str__ = heap.strs.internedOf("__str__");
        __module__ = heap.strs.internedOf("__module__");
        __qualname__ = heap.strs.internedOf("__qualname__");
        __class__ = heap.strs.internedOf("__class__");
        __dict__ = heap.strs.internedOf("__dict__");
        __eq__ = heap.strs.internedOf("__eq__");
        __hash__ = heap.strs.internedOf("__hash__");
        __len__ = heap.strs.internedOf("__len__");
        __iter__ = heap.strs.internedOf("__iter__");
        __next__ = heap.strs.internedOf("__next__");
        __enter__ = heap.strs.internedOf("__enter__");
        __exit__ = heap.strs.internedOf("__exit__");
        __call__ = heap.strs.internedOf("__call__");
        __bool__ = heap.strs.internedOf("__bool__");
        __getitem__ = heap.strs.internedOf("__getitem__");
        __setitem__ = heap.strs.internedOf("__setitem__");
        __delitem__ = heap.strs.internedOf("__delitem__");
        __contains__ = heap.strs.internedOf("__contains__");
        __main__ = heap.strs.internedOf("__main__");
        __new__ = heap.strs.internedOf("__new__");
        all = new long[] {__name__, __doc__, __builtins__, __init__, __del__, __repr__, __str__, __module__, __qualname__, __class__, __dict__, __eq__, __hash__, __len__, __iter__, __next__, __enter__, __exit__, __call__, __bool__, __getitem__, __setitem__, __delitem__, __contains__, __main__, __new__};
    }

    @Override
    public void visitRoots(RootVisitor v) {
        for (long o : all) v.root(o, 1);
    }

    @Override
    public String rootDescription() { return "runtime (an interned name it looks up)"; }
}
