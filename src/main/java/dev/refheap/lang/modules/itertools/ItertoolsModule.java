package dev.refheap.lang.modules.itertools;

import dev.refheap.lang.vm.VmApi;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code itertools}: CPython 3.11's iterator building blocks as native types, each with its C
 * struct's layout and size, GC tracking and tp_traverse order (so {@code sys.getsizeof},
 * {@code gc.get_referents} and {@code gc.is_tracked} answer as CPython's), and its next() step by
 * step (including the result tuples product, combinations, permutations and zip_longest reuse
 * while nobody else holds them). The types are registered once per runtime; each import makes a
 * fresh module object exposing them, with 3.11's pickling support ({@code __reduce__},
 * {@code __setstate__}).
 */
public final class ItertoolsModule {
    private ItertoolsModule() {}

    /** The runtime's itertools types, in the order they are registered. */
    record Types(List<ItType> all, Tee.TeeType tee) {}

    private static Types types(VmApi vm) {
        return vm.moduleState("itertools", () -> {
            List<ItType> all = new ArrayList<>();
            SimpleIterators.Accumulate accumulate = new SimpleIterators.Accumulate(vm);
            all.add(accumulate);
            all.add(new Combinatorics(vm, Combinatorics.Kind.COMBINATIONS));
            all.add(new Combinatorics(vm, Combinatorics.Kind.CWR));
            all.add(new SimpleIterators.Cycle(vm));
            all.add(new SimpleIterators.Predicated(vm, SimpleIterators.Predicated.Kind.DROPWHILE));
            all.add(new SimpleIterators.Predicated(vm, SimpleIterators.Predicated.Kind.TAKEWHILE));
            accumulate.islice = new SimpleIterators.Islice(vm);
            all.add(accumulate.islice);
            all.add(new SimpleIterators.Predicated(vm, SimpleIterators.Predicated.Kind.STARMAP));
            GroupBy g = new GroupBy(vm);
            all.add(g);
            all.add(g.grouper);
            all.add(new SimpleIterators.Pairwise(vm));
            all.add(new Combinatorics(vm, Combinatorics.Kind.PERMUTATIONS));
            all.add(new Combinatorics(vm, Combinatorics.Kind.PRODUCT));
            all.add(new SimpleIterators.Repeat(vm));
            accumulate.chain = new SimpleIterators.Chain(vm);
            all.add(accumulate.chain);
            all.add(new SimpleIterators.Compress(vm));
            all.add(new SimpleIterators.Count(vm));
            all.add(new SimpleIterators.Predicated(vm, SimpleIterators.Predicated.Kind.FILTERFALSE));
            all.add(new SimpleIterators.ZipLongest(vm));
            Tee.TeeType tee = new Tee.TeeType(vm, new Tee.DataObject(vm));
            all.add(tee);
            for (ItType t : all) {
                if (t != g.grouper) t.install();
            }
            return new Types(all, tee);
        });
    }

    public static long create(VmApi vm) {
        Types types = types(vm);
        long m = vm.newModule("itertools");
        long d = vm.moduleDict(m);
        for (ItType t : types.all()) vm.heap.dicts.setItem(d, t.shortName(), t.typeObject());
        vm.heap.dicts.setItem(d, "_tee_dataobject", types.tee().data.typeObject());
        Tee.TeeType tee = types.tee();
        vm.def(m, "tee", (s, a, o, n, kw) -> tee.tee(a, o, n, kw));
        return m;
    }
}
