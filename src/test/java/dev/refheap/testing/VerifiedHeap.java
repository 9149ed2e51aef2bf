package dev.refheap.testing;

import dev.refheap.embed.PyHeap;
import dev.refheap.gc.CycleCollector;
import dev.refheap.object.Heap;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import java.util.List;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolutionException;
import org.junit.jupiter.api.extension.ParameterResolver;

/**
 * JUnit 5 extension for heap tests: injects a fresh {@link PyHeap} (or its {@link Heap} or
 * {@link CycleCollector}; all parameters of one test share one heap) and, after the test, runs the
 * heap verifier and fails the test on any problem, then closes the heap. {@link Stress} runs the
 * test itself in stress mode. Closing collects garbage
 * and fails with a {@link dev.refheap.object.HeapLeakException} if any object is still alive, so a
 * test must release (decref) everything it created.
 *
 * <pre>{@code
 * @ExtendWith(VerifiedHeap.class)
 * class MyTest {
 *     @Test void something(PyHeap py) { ... }
 * }
 * }</pre>
 */
public final class VerifiedHeap implements ParameterResolver, AfterEachCallback {
    private static final ExtensionContext.Namespace NS = ExtensionContext.Namespace.create(VerifiedHeap.class);
    private static final String KEY = "heap";

    @Override
    public boolean supportsParameter(ParameterContext p, ExtensionContext ctx) {
        Class<?> t = p.getParameter().getType();
        return t == PyHeap.class || t == Heap.class || t == CycleCollector.class;
    }

    /**
     * On a test method or class: the injected heap starts in stress mode (PyHeap.setStress, the
     * CLI's --gc-stress): a full collection on every GC allocation and the verifier on every
     * allocation, so the test fails at the first allocation after a refcount goes wrong.
     */
    @Retention(RetentionPolicy.RUNTIME)
    @Target({ElementType.METHOD, ElementType.TYPE})
    public @interface Stress {}

    @Override
    public Object resolveParameter(ParameterContext p, ExtensionContext ctx) {
        boolean stress = ctx.getTestMethod().map(m -> m.isAnnotationPresent(Stress.class)).orElse(false)
                || ctx.getTestClass().map(c -> c.isAnnotationPresent(Stress.class)).orElse(false);
        PyHeap py = ctx.getStore(NS).getOrComputeIfAbsent(KEY, k -> {
            PyHeap h = PyHeap.create();
            h.setStress(stress);
            return h;
        }, PyHeap.class);
        Class<?> t = p.getParameter().getType();
        if (t == PyHeap.class) return py;
        if (t == Heap.class) return py.heap();
        if (t == CycleCollector.class) return py.gc();
        throw new ParameterResolutionException("unsupported parameter type " + t);
    }

    @Override
    public void afterEach(ExtensionContext ctx) {
        PyHeap py = ctx.getStore(NS).remove(KEY, PyHeap.class);
        if (py == null) return;
        if (!py.heap().isClosed()) py.setStress(false);  // the checks below are the final ones
        List<String> problems;
        try {
            problems = py.heap().isClosed() ? List.of() : py.verify();
        } catch (RuntimeException | Error e) {
            closeQuietly(py, e);
            throw e;
        }
        if (!problems.isEmpty()) {
            AssertionError failure = new AssertionError("heap verification failed after the test:\n  " + String.join("\n  ", problems));
            closeQuietly(py, failure);
            throw failure;
        }
        py.close();  // a leak fails the test (HeapLeakException)
    }

    private static void closeQuietly(PyHeap py, Throwable primary) {
        try {
            py.close();
        } catch (RuntimeException | Error e) {
            primary.addSuppressed(e);
        }
    }
}
