package dev.refheap.lang.modules;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

/**
 * _collections.OrderedDict (CPython 3.11's odictobject): sizes with the fast-nodes table and the
 * nodes, the view subtypes, the iterator's errors, subclass dispatch, the heap under stress.
 * Each expected output is what python3 (CPython 3.11.7) prints for the program.
 */
class OrderedDictTest {
    @Test
    void sizesCountTheFastNodesTableAndOneNodePerItem() {
        assertEquals("[128, 384, 416, 512, 736, 832, 1592] 112 96 104\n", NativeModuleRun.run("from _collections import OrderedDict as O\nimport sys\n"
                + "print([sys.getsizeof(O.fromkeys(range(n))) for n in (0, 1, 2, 5, 6, 9, 20)], O.__basicsize__, O.__dictoffset__, O.__weakrefoffset__)\n"));
    }

    @Test
    void viewsAreDictViewSubtypesIteratingInOrder() {
        assertEquals("odict_keys dict_keys 40 True ['b', 'a'] [('a', 2), ('b', 1)] {'a'} False\n", NativeModuleRun.run(
                "from _collections import OrderedDict as O\nimport sys\no = O(b=1, a=2)\nk = o.keys()\n"
                + "print(type(k).__name__, type(k).__base__.__name__, sys.getsizeof(k), isinstance(k, type({}.keys())), list(k), "
                + "list(reversed(o.items())), k & {'a'}, bool(O().values()))\n"));
    }

    @Test
    void iteratorStopsWhenTheOrderOrSizeChanges() {
        assertEquals("OrderedDict mutated during iteration\nOrderedDict changed size during iteration\n", NativeModuleRun.run(
                "from _collections import OrderedDict as O\no = O.fromkeys('abc')\nit = iter(o)\nnext(it)\no.move_to_end('a')\n"
                + "try:\n    next(it)\nexcept RuntimeError as e:\n    print(e)\no = O.fromkeys('abc')\nit = iter(o)\nnext(it)\n"
                + "dict.__setitem__(o, 'z', 1)\ntry:\n    next(it)\nexcept RuntimeError as e:\n    print(e)\n"));
    }

    @Test
    void subclassKeepsItsSetitemAndEquality() {
        assertEquals("set a\nset b\nS([('b', 2)]) True True 1\n", NativeModuleRun.run("from _collections import OrderedDict as O\n"
                + "class S(O):\n    def __setitem__(self, k, v):\n        print('set', k)\n        super().__setitem__(k, v)\n"
                + "s = S(a=1)\ns.update(b=2)\nprint(s, s == O(a=1, b=2), s == {'b': 2, 'a': 1}, s.pop('a'))\n"));
    }

    @Test
    void heapStaysConsistentUnderStress() {
        String program = "from _collections import OrderedDict as O\nimport gc, pickle\no = O()\nfor i in range(60): o[i % 11] = [i]\n"
                + "o.move_to_end(3)\nfor i in range(0, 11, 2): del o[i]\no['self'] = o\no.x = [o]\nc = o.copy()\n"
                + "it = iter(o.items())\nprint(next(it), len(c), o.popitem(last=False), repr(O(a=O(b=1))))\n"
                + "print(pickle.loads(pickle.dumps(O(a=1, b=[2]))), list(reversed(c.values()))[-1])\ndel o, c, it\ngc.collect()\n";
        assertEquals(NativeModuleRun.run(program), NativeModuleRun.run(program, true));
    }
}
