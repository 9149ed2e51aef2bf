package dev.refheap.lang.modules.collections;

import dev.refheap.lang.modules.FieldsType;
import dev.refheap.lang.vm.VmApi;
import dev.refheap.memory.Native;
import dev.refheap.object.PyType;

/**
 * {@code _collections._deque_iterator} and {@code _deque_reverse_iterator}: CPython 3.11's
 * dequeiterobject (56 bytes plus the GC head): {@code b (block) | index | deque | state | counter}.
 * It remembers the deque's mutation count; any mutation since makes next() raise
 * "deque mutated during iteration" (and exhausts it).
 */
final class DequeIterType extends FieldsType {
    static final int B = 16, INDEX = 24, DEQUE = 32, STATE = 40, COUNTER = 48;
    private final DequeType deque;
    private final boolean reverse;

    DequeIterType(VmApi vm, DequeType deque, boolean reverse) {
        super(vm, reverse ? "_collections._deque_reverse_iterator" : "_collections._deque_iterator", PyType.HAVE_GC, 56, 0, DEQUE);
        cpythonFlags(0x5100);  // HAVE_GC | READY | IMMUTABLETYPE
        this.deque = deque;
        this.reverse = reverse;
    }

    long create(long d) {
        long it = alloc();
        Native.putLong(it + B, reverse ? DequeType.rightblock(d) : DequeType.leftblock(d));
        Native.putLong(it + INDEX, reverse ? DequeType.rightindex(d) : DequeType.leftindex(d));
        put(it, DEQUE, vm.incref(d));
        Native.putLong(it + STATE, DequeType.state(d));
        Native.putLong(it + COUNTER, DequeType.len(d));
        heap.track(it);
        return it;
    }

    @Override
    public boolean isIteratorType() { return true; }

    @Override
    public long nextOf(long it) {
        long d = get(it, DEQUE);
        if (DequeType.state(d) != Native.getLong(it + STATE)) {
            Native.putLong(it + COUNTER, 0);
            throw vm.error("RuntimeError", "deque mutated during iteration");
        }
        long counter = Native.getLong(it + COUNTER);
        if (counter == 0) return 0;
        long b = Native.getLong(it + B), index = Native.getLong(it + INDEX);
        long item = DequeType.data(b, index);
        counter--;
        if (reverse) {
            index--;
            if (index < 0 && counter > 0) {
                b = DequeType.leftlink(b);
                index = DequeType.BLOCKLEN - 1;
            }
        } else {
            index++;
            if (index == DequeType.BLOCKLEN && counter > 0) {
                b = DequeType.rightlink(b);
                index = 0;
            }
        }
        Native.putLong(it + B, b);
        Native.putLong(it + INDEX, index);
        Native.putLong(it + COUNTER, counter);
        return vm.incref(item);
    }

    @Override
    public long newInstance(long[] a, int off, int n, long kw) {
        throw vm.error("NotImplementedError", "refheap does not support creating " + name() + " directly yet");
    }

    void install() {
        vm.registerType(this);
        defIteratorMethods();
        defMethod("__length_hint__", (s, a, o, n, kw) -> heap.ints.of(Native.getLong(s + COUNTER)));
    }
}
