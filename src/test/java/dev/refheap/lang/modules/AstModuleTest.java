package dev.refheap.lang.modules;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

/** _ast: the node classes, compile() to and from AST objects, under --gc-stress too. */
class AstModuleTest {
    @Test
    void everyNodeClassOf311IsThereWithItsBase() {
        assertEquals("118 True True True\n", NativeModuleRun.run("import _ast\n"
                + "cs = [c for c in vars(_ast).values() if isinstance(c, type) and c is not _ast.AST]\n"
                + "print(len(cs), _ast.If.__bases__ == (_ast.stmt,), _ast.Load.__bases__ == (_ast.expr_context,),"
                + " _ast.stmt.__bases__ == (_ast.AST,))\n"));
    }

    @Test
    void nodeInstancesHaveCpythonsLayout() {
        assertEquals("40 48 48 True\n", NativeModuleRun.run("import _ast, sys, gc\n"
                + "n = _ast.Name('x', _ast.Load())\n"
                + "print(sys.getsizeof(_ast.AST()), sys.getsizeof(n), sys.getsizeof(_ast.Load()), gc.is_tracked(n))\n"));
    }

    @Test
    void parsedTreesShareTheContextSingletons() {
        assertEquals("True False\n", NativeModuleRun.run("import _ast\n"
                + "t = compile('a = b; c', 'f', 'exec', _ast.PyCF_ONLY_AST)\n"
                + "print(t.body[0].value.ctx is t.body[1].value.ctx, t.body[0].value.ctx is _ast.Load())\n"));
    }

    @Test
    void aParsedTreeCompilesAndRunsUnderGcStress() {
        String program = "import _ast\n"
                + "t = compile('def f(n):\\n    return [i * i for i in range(n)]\\nprint(f(4))\\n', 'f', 'exec', _ast.PyCF_ONLY_AST)\n"
                + "exec(compile(t, 'f', 'exec'))\n"
                + "print(t.body[0].body[0].value.end_col_offset)\n";
        assertEquals("[0, 1, 4, 9]\n36\n", NativeModuleRun.run(program, true));
    }

    @Test
    void aMissingFieldIsCpythonsTypeError() {
        assertEquals("required field \"body\" missing from Module\n", NativeModuleRun.run("import _ast\n"
                + "try:\n    compile(_ast.Module(type_ignores=[]), 'f', 'exec')\nexcept TypeError as e:\n    print(e)\n"));
    }

    @Test
    void typeCommentsAreRefusedByName() {
        assertEquals("refheap does not support compile() with ast.PyCF_TYPE_COMMENTS yet\n", NativeModuleRun.run("import _ast\n"
                + "try:\n    compile('x = 1', 'f', 'exec', _ast.PyCF_ONLY_AST | _ast.PyCF_TYPE_COMMENTS)\n"
                + "except NotImplementedError as e:\n    print(e)\n"));
    }
}
