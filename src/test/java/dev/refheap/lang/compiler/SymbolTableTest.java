package dev.refheap.lang.compiler;

import dev.refheap.lang.ast.Module;
import dev.refheap.lang.ast.Stmt;
import dev.refheap.lang.compiler.SymbolTable.Scope;
import dev.refheap.lang.parser.Parser;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Name resolution of the symbol table (the error messages are in CompileErrorTest). */
class SymbolTableTest {
    static Scope scopeOf(String src, String... path) {
        Module m = Parser.parseModule(src, "t.py");
        SymbolTable st = SymbolTable.build(m, m, new CompileErrors("t.py", src));
        Scope s = st.top();
        for (String name : path) {
            s = s.children.stream().filter(c -> c.name.equals(name)).findFirst().orElseThrow();
        }
        return s;
    }

    @Test
    void functionLocalsGlobalsAndFree() {
        String src = """
                g = 1
                def f(a):
                    b = a
                    print(g)
                    def h():
                        return b
                    return h
                """;
        Scope f = scopeOf(src, "f");
        assertEquals(SymbolTable.LOCAL, f.scope("a") == SymbolTable.CELL ? -1 : f.scope("a"));
        assertEquals(SymbolTable.CELL, f.scope("b"));
        assertEquals(SymbolTable.GLOBAL_IMPLICIT, f.scope("print"));
        assertEquals(SymbolTable.GLOBAL_IMPLICIT, f.scope("g"));
        Scope h = scopeOf(src, "f", "h");
        assertEquals(SymbolTable.FREE, h.scope("b"));
        assertTrue(h.nested);
        assertEquals(List.of("a"), f.varnames);
    }

    @Test
    void explicitGlobalAndNonlocal() {
        String src = """
                def f():
                    global x
                    x = 1
                    y = 2
                    def g():
                        nonlocal y
                        y = 3
                """;
        assertEquals(SymbolTable.GLOBAL_EXPLICIT, scopeOf(src, "f").scope("x"));
        assertEquals(SymbolTable.CELL, scopeOf(src, "f").scope("y"));
        assertEquals(SymbolTable.FREE, scopeOf(src, "f", "g").scope("y"));
    }

    @Test
    void classScopeIsInvisibleToMethodsButGetsClassCell() {
        String src = """
                class C:
                    a = 1
                    def m(self):
                        super().m()
                        return a
                """;
        Scope c = scopeOf(src, "C");
        assertTrue(c.needsClassClosure);
        Scope m = scopeOf(src, "C", "m");
        assertEquals(SymbolTable.GLOBAL_IMPLICIT, m.scope("a"));
        assertEquals(SymbolTable.FREE, m.scope("__class__"));
    }

    @Test
    void comprehensionsGetTheirOwnScopeAndWalrusBindsOutside() {
        String src = """
                def f(data):
                    return [(last := x) for x in data]
                """;
        Scope f = scopeOf(src, "f");
        Scope comp = scopeOf(src, "f", "listcomp");
        assertEquals(SymbolTable.CELL, f.scope("last"));
        assertEquals(SymbolTable.FREE, comp.scope("last"));
        assertEquals(SymbolTable.LOCAL, comp.scope("x"));
        assertEquals(List.of(".0"), comp.varnames);
        assertEquals(SymbolTable.LOCAL, f.scope("data"));
        assertFalse(comp.generator);
    }

    @Test
    void privateNamesAreMangledInClasses() {
        Scope c = scopeOf("class _K:\n    __x = 1\n    __y__ = 2\n", "_K");
        assertTrue(c.symbols.containsKey("_K__x"));
        assertTrue(c.symbols.containsKey("__y__"));
        assertEquals("_K__x", SymbolTable.mangle("__K", "__x"));
        assertEquals("__x", SymbolTable.mangle("___", "__x"));
    }

    @Test
    void generatorsAreMarked() {
        assertTrue(scopeOf("def g():\n    yield 1\n", "g").generator);
        assertTrue(scopeOf("x = (i for i in y)\n", "genexpr").generator);
        assertTrue(((Stmt.FunctionDef) Parser.parseModule("def f(): pass", "t").body().getFirst()).name()
                .equals("f"));
    }
}
