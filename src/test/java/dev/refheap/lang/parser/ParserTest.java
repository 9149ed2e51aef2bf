package dev.refheap.lang.parser;

import dev.refheap.lang.PySyntaxError;
import dev.refheap.lang.ast.AstDump;
import dev.refheap.lang.ast.Expr;
import dev.refheap.lang.ast.Module;
import dev.refheap.lang.ast.Stmt;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Parser rules one by one (expected dumps come from CPython 3.11's ast.dump), and the other entry points. */
class ParserTest {

    static Stream<Arguments> rules() {
        return Stream.of(
            Arguments.of("a < b < c", "Module(body=[Expr(value=Compare(left=Name(id='a', ctx=Load()), ops=[Lt(), Lt()], comparators=[Name(id='b', ctx=Load()), Name(id='c', ctx=Load())]))], type_ignores=[])"),
            Arguments.of("a is not b", "Module(body=[Expr(value=Compare(left=Name(id='a', ctx=Load()), ops=[IsNot()], comparators=[Name(id='b', ctx=Load())]))], type_ignores=[])"),
            Arguments.of("a not in b", "Module(body=[Expr(value=Compare(left=Name(id='a', ctx=Load()), ops=[NotIn()], comparators=[Name(id='b', ctx=Load())]))], type_ignores=[])"),
            Arguments.of("x = y = 1", "Module(body=[Assign(targets=[Name(id='x', ctx=Store()), Name(id='y', ctx=Store())], value=Constant(value=1))], type_ignores=[])"),
            Arguments.of("a, *b = c", "Module(body=[Assign(targets=[Tuple(elts=[Name(id='a', ctx=Store()), Starred(value=Name(id='b', ctx=Store()), ctx=Store())], ctx=Store())], value=Name(id='c', ctx=Load()))], type_ignores=[])"),
            Arguments.of("del a[0], b.c", "Module(body=[Delete(targets=[Subscript(value=Name(id='a', ctx=Load()), slice=Constant(value=0), ctx=Del()), Attribute(value=Name(id='b', ctx=Load()), attr='c', ctx=Del())])], type_ignores=[])"),
            Arguments.of("x += 1", "Module(body=[AugAssign(target=Name(id='x', ctx=Store()), op=Add(), value=Constant(value=1))], type_ignores=[])"),
            Arguments.of("def f(a, /, b=1, *args, c, d=2, **kw): pass", "Module(body=[FunctionDef(name='f', args=arguments(posonlyargs=[arg(arg='a')], args=[arg(arg='b')], vararg=arg(arg='args'), kwonlyargs=[arg(arg='c'), arg(arg='d')], kw_defaults=[None, Constant(value=2)], kwarg=arg(arg='kw'), defaults=[Constant(value=1)]), body=[Pass()], decorator_list=[])], type_ignores=[])"),
            Arguments.of("lambda x, *y, **z: x", "Module(body=[Expr(value=Lambda(args=arguments(posonlyargs=[], args=[arg(arg='x')], vararg=arg(arg='y'), kwonlyargs=[], kw_defaults=[], kwarg=arg(arg='z'), defaults=[]), body=Name(id='x', ctx=Load())))], type_ignores=[])"),
            Arguments.of("f(*a, **b)", "Module(body=[Expr(value=Call(func=Name(id='f', ctx=Load()), args=[Starred(value=Name(id='a', ctx=Load()), ctx=Load())], keywords=[keyword(value=Name(id='b', ctx=Load()))]))], type_ignores=[])"),
            Arguments.of("f(x for x in y)", "Module(body=[Expr(value=Call(func=Name(id='f', ctx=Load()), args=[GeneratorExp(elt=Name(id='x', ctx=Load()), generators=[comprehension(target=Name(id='x', ctx=Store()), iter=Name(id='y', ctx=Load()), ifs=[], is_async=0)])], keywords=[]))], type_ignores=[])"),
            Arguments.of("{**a, 'b': 1}", "Module(body=[Expr(value=Dict(keys=[None, Constant(value='b')], values=[Name(id='a', ctx=Load()), Constant(value=1)]))], type_ignores=[])"),
            Arguments.of("{*a, 1}", "Module(body=[Expr(value=Set(elts=[Starred(value=Name(id='a', ctx=Load()), ctx=Load()), Constant(value=1)]))], type_ignores=[])"),
            Arguments.of("[x for x in y if x for z in x]", "Module(body=[Expr(value=ListComp(elt=Name(id='x', ctx=Load()), generators=[comprehension(target=Name(id='x', ctx=Store()), iter=Name(id='y', ctx=Load()), ifs=[Name(id='x', ctx=Load())], is_async=0), comprehension(target=Name(id='z', ctx=Store()), iter=Name(id='x', ctx=Load()), ifs=[], is_async=0)]))], type_ignores=[])"),
            Arguments.of("(yield)", "Module(body=[Expr(value=Yield())], type_ignores=[])"),
            Arguments.of("x = yield from g()", "Module(body=[Assign(targets=[Name(id='x', ctx=Store())], value=YieldFrom(value=Call(func=Name(id='g', ctx=Load()), args=[], keywords=[])))], type_ignores=[])"),
            Arguments.of("try:\n  pass\nexcept (A, B) as e:\n  pass\nexcept:\n  pass\nelse:\n  pass\nfinally:\n  pass", "Module(body=[Try(body=[Pass()], handlers=[ExceptHandler(type=Tuple(elts=[Name(id='A', ctx=Load()), Name(id='B', ctx=Load())], ctx=Load()), name='e', body=[Pass()]), ExceptHandler(body=[Pass()])], orelse=[Pass()], finalbody=[Pass()])], type_ignores=[])"),
            Arguments.of("raise E from c", "Module(body=[Raise(exc=Name(id='E', ctx=Load()), cause=Name(id='c', ctx=Load()))], type_ignores=[])"),
            Arguments.of("with a as b, c: pass", "Module(body=[With(items=[withitem(context_expr=Name(id='a', ctx=Load()), optional_vars=Name(id='b', ctx=Store())), withitem(context_expr=Name(id='c', ctx=Load()))], body=[Pass()])], type_ignores=[])"),
            Arguments.of("import a.b as c", "Module(body=[Import(names=[alias(name='a.b', asname='c')])], type_ignores=[])"),
            Arguments.of("from m import x as y, z", "Module(body=[ImportFrom(module='m', names=[alias(name='x', asname='y'), alias(name='z')], level=0)], type_ignores=[])"),
            Arguments.of("from m import *", "Module(body=[ImportFrom(module='m', names=[alias(name='*')], level=0)], type_ignores=[])"),
            Arguments.of("from ..m import x", "Module(body=[ImportFrom(module='m', names=[alias(name='x')], level=2)], type_ignores=[])"),
            Arguments.of("global a, b", "Module(body=[Global(names=['a', 'b'])], type_ignores=[])"),
            Arguments.of("nonlocal a", "Module(body=[Nonlocal(names=['a'])], type_ignores=[])"),
            Arguments.of("assert x, 'm'", "Module(body=[Assert(test=Name(id='x', ctx=Load()), msg=Constant(value='m'))], type_ignores=[])"),
            Arguments.of("(x := 1)", "Module(body=[Expr(value=NamedExpr(target=Name(id='x', ctx=Store()), value=Constant(value=1)))], type_ignores=[])"),
            Arguments.of("a if b else c", "Module(body=[Expr(value=IfExp(test=Name(id='b', ctx=Load()), body=Name(id='a', ctx=Load()), orelse=Name(id='c', ctx=Load())))], type_ignores=[])"),
            Arguments.of("@d\nclass C(B, metaclass=M): pass", "Module(body=[ClassDef(name='C', bases=[Name(id='B', ctx=Load())], keywords=[keyword(arg='metaclass', value=Name(id='M', ctx=Load()))], body=[Pass()], decorator_list=[Name(id='d', ctx=Load())])], type_ignores=[])"),
            Arguments.of("x: int = 1", "Module(body=[AnnAssign(target=Name(id='x', ctx=Store()), annotation=Name(id='int', ctx=Load()), value=Constant(value=1), simple=1)], type_ignores=[])"),
            Arguments.of("f'{x!r:>{w}} {y=}'", "Module(body=[Expr(value=JoinedStr(values=[FormattedValue(value=Name(id='x', ctx=Load()), conversion=114, format_spec=JoinedStr(values=[Constant(value='>'), FormattedValue(value=Name(id='w', ctx=Load()), conversion=-1)])), Constant(value=' y='), FormattedValue(value=Name(id='y', ctx=Load()), conversion=114)]))], type_ignores=[])"),
            Arguments.of("a[1:2, ::3]", "Module(body=[Expr(value=Subscript(value=Name(id='a', ctx=Load()), slice=Tuple(elts=[Slice(lower=Constant(value=1), upper=Constant(value=2)), Slice(step=Constant(value=3))], ctx=Load()), ctx=Load()))], type_ignores=[])"),
            Arguments.of("-x ** 2", "Module(body=[Expr(value=UnaryOp(op=USub(), operand=BinOp(left=Name(id='x', ctx=Load()), op=Pow(), right=Constant(value=2))))], type_ignores=[])"),
            Arguments.of("not a and b or c", "Module(body=[Expr(value=BoolOp(op=Or(), values=[BoolOp(op=And(), values=[UnaryOp(op=Not(), operand=Name(id='a', ctx=Load())), Name(id='b', ctx=Load())]), Name(id='c', ctx=Load())]))], type_ignores=[])"),
            Arguments.of("1 + 2 * 3 - 4", "Module(body=[Expr(value=BinOp(left=BinOp(left=Constant(value=1), op=Add(), right=BinOp(left=Constant(value=2), op=Mult(), right=Constant(value=3))), op=Sub(), right=Constant(value=4)))], type_ignores=[])"),
            Arguments.of("a.b.c = 1", "Module(body=[Assign(targets=[Attribute(value=Attribute(value=Name(id='a', ctx=Load()), attr='b', ctx=Load()), attr='c', ctx=Store())], value=Constant(value=1))], type_ignores=[])"),
            Arguments.of("if x:\n  pass\nelif y:\n  pass\nelse:\n  pass", "Module(body=[If(test=Name(id='x', ctx=Load()), body=[Pass()], orelse=[If(test=Name(id='y', ctx=Load()), body=[Pass()], orelse=[Pass()])])], type_ignores=[])"),
            Arguments.of("while x:\n  break\nelse:\n  continue", "Module(body=[While(test=Name(id='x', ctx=Load()), body=[Break()], orelse=[Continue()])], type_ignores=[])"),
            Arguments.of("for i, j in k:\n  pass", "Module(body=[For(target=Tuple(elts=[Name(id='i', ctx=Store()), Name(id='j', ctx=Store())], ctx=Store()), iter=Name(id='k', ctx=Load()), body=[Pass()], orelse=[])], type_ignores=[])"),
            Arguments.of("x = 1; y = 2;", "Module(body=[Assign(targets=[Name(id='x', ctx=Store())], value=Constant(value=1)), Assign(targets=[Name(id='y', ctx=Store())], value=Constant(value=2))], type_ignores=[])"),
            Arguments.of("print(*a, sep='')", "Module(body=[Expr(value=Call(func=Name(id='print', ctx=Load()), args=[Starred(value=Name(id='a', ctx=Load()), ctx=Load())], keywords=[keyword(arg='sep', value=Constant(value=''))]))], type_ignores=[])"),
            Arguments.of("0xFF + 0o7 + 0b1 + 1_000 + 1.5e3", "Module(body=[Expr(value=BinOp(left=BinOp(left=BinOp(left=BinOp(left=Constant(value=255), op=Add(), right=Constant(value=7)), op=Add(), right=Constant(value=1)), op=Add(), right=Constant(value=1000)), op=Add(), right=Constant(value=1500.0)))], type_ignores=[])"),
            Arguments.of("b'\\x00' + rb'\\n'", "Module(body=[Expr(value=BinOp(left=Constant(value=b'\\x00'), op=Add(), right=Constant(value=b'\\\\n')))], type_ignores=[])"),
            Arguments.of("'a' 'b'", "Module(body=[Expr(value=Constant(value='ab'))], type_ignores=[])"),
            Arguments.of("match = 1", "Module(body=[Assign(targets=[Name(id='match', ctx=Store())], value=Constant(value=1))], type_ignores=[])"),
            Arguments.of("type = 1", "Module(body=[Assign(targets=[Name(id='type', ctx=Store())], value=Constant(value=1))], type_ignores=[])"),
            Arguments.of("1if x else 2", "Module(body=[Expr(value=IfExp(test=Name(id='x', ctx=Load()), body=Constant(value=1), orelse=Constant(value=2)))], type_ignores=[])"),
            Arguments.of("x = 1 \\\n  + 2", "Module(body=[Assign(targets=[Name(id='x', ctx=Store())], value=BinOp(left=Constant(value=1), op=Add(), right=Constant(value=2)))], type_ignores=[])"),
            Arguments.of("def f():\n    '''doc'''\n    return", "Module(body=[FunctionDef(name='f', args=arguments(posonlyargs=[], args=[], kwonlyargs=[], kw_defaults=[], defaults=[]), body=[Expr(value=Constant(value='doc')), Return()], decorator_list=[])], type_ignores=[])"),
            Arguments.of("f(a)(b)[c].d", "Module(body=[Expr(value=Attribute(value=Subscript(value=Call(func=Call(func=Name(id='f', ctx=Load()), args=[Name(id='a', ctx=Load())], keywords=[]), args=[Name(id='b', ctx=Load())], keywords=[]), slice=Name(id='c', ctx=Load()), ctx=Load()), attr='d', ctx=Load()))], type_ignores=[])"),
            Arguments.of("x = [\n  1,\n  2,\n]", "Module(body=[Assign(targets=[Name(id='x', ctx=Store())], value=List(elts=[Constant(value=1), Constant(value=2)], ctx=Load()))], type_ignores=[])"),
            Arguments.of("class A:\n  def f(self): return 1\n  x = 2", "Module(body=[ClassDef(name='A', bases=[], keywords=[], body=[FunctionDef(name='f', args=arguments(posonlyargs=[], args=[arg(arg='self')], kwonlyargs=[], kw_defaults=[], defaults=[]), body=[Return(value=Constant(value=1))], decorator_list=[]), Assign(targets=[Name(id='x', ctx=Store())], value=Constant(value=2))], decorator_list=[])], type_ignores=[])"),
            Arguments.of("a = not b", "Module(body=[Assign(targets=[Name(id='a', ctx=Store())], value=UnaryOp(op=Not(), operand=Name(id='b', ctx=Load())))], type_ignores=[])"),
            Arguments.of("~a", "Module(body=[Expr(value=UnaryOp(op=Invert(), operand=Name(id='a', ctx=Load())))], type_ignores=[])"),
            Arguments.of("a // b % c @ d", "Module(body=[Expr(value=BinOp(left=BinOp(left=BinOp(left=Name(id='a', ctx=Load()), op=FloorDiv(), right=Name(id='b', ctx=Load())), op=Mod(), right=Name(id='c', ctx=Load())), op=MatMult(), right=Name(id='d', ctx=Load())))], type_ignores=[])"),
            Arguments.of("a ** b ** c", "Module(body=[Expr(value=BinOp(left=Name(id='a', ctx=Load()), op=Pow(), right=BinOp(left=Name(id='b', ctx=Load()), op=Pow(), right=Name(id='c', ctx=Load()))))], type_ignores=[])"),
            Arguments.of("x = (1)", "Module(body=[Assign(targets=[Name(id='x', ctx=Store())], value=Constant(value=1))], type_ignores=[])"),
            Arguments.of("x = ()", "Module(body=[Assign(targets=[Name(id='x', ctx=Store())], value=Tuple(elts=[], ctx=Load()))], type_ignores=[])"),
            Arguments.of("x = (1,)", "Module(body=[Assign(targets=[Name(id='x', ctx=Store())], value=Tuple(elts=[Constant(value=1)], ctx=Load()))], type_ignores=[])"),
            Arguments.of("x[...]", "Module(body=[Expr(value=Subscript(value=Name(id='x', ctx=Load()), slice=Constant(value=Ellipsis), ctx=Load()))], type_ignores=[])"),
            Arguments.of("x = *a, *b", "Module(body=[Assign(targets=[Name(id='x', ctx=Store())], value=Tuple(elts=[Starred(value=Name(id='a', ctx=Load()), ctx=Load()), Starred(value=Name(id='b', ctx=Load()), ctx=Load())], ctx=Load()))], type_ignores=[])"),
            Arguments.of("f(a, *b, c=1, **d)", "Module(body=[Expr(value=Call(func=Name(id='f', ctx=Load()), args=[Name(id='a', ctx=Load()), Starred(value=Name(id='b', ctx=Load()), ctx=Load())], keywords=[keyword(arg='c', value=Constant(value=1)), keyword(value=Name(id='d', ctx=Load()))]))], type_ignores=[])"),
            Arguments.of("lambda: (yield)", "Module(body=[Expr(value=Lambda(args=arguments(posonlyargs=[], args=[], kwonlyargs=[], kw_defaults=[], defaults=[]), body=Yield()))], type_ignores=[])"),
            Arguments.of("if (a := 1) and (b := 2): pass", "Module(body=[If(test=BoolOp(op=And(), values=[NamedExpr(target=Name(id='a', ctx=Store()), value=Constant(value=1)), NamedExpr(target=Name(id='b', ctx=Store()), value=Constant(value=2))]), body=[Pass()], orelse=[])], type_ignores=[])"),
            Arguments.of("f'{a}' f'{b}' 'c'", "Module(body=[Expr(value=JoinedStr(values=[FormattedValue(value=Name(id='a', ctx=Load()), conversion=-1), FormattedValue(value=Name(id='b', ctx=Load()), conversion=-1), Constant(value='c')]))], type_ignores=[])"),
            Arguments.of("u'x' 'y'", "Module(body=[Expr(value=Constant(value='xy', kind='u'))], type_ignores=[])"),
            Arguments.of("'\\N{BULLET} \\u00e9 \\101'", "Module(body=[Expr(value=Constant(value='\u2022 \u00e9 A'))], type_ignores=[])")
        );
    }

    @ParameterizedTest
    @MethodSource("rules")
    void ruleMatchesPython(String source, String expected) {
        assertEquals(expected, AstDump.dump(Parser.parseModule(source, "t.py")));
    }

    private static PySyntaxError error(String source) {
        return assertThrows(PySyntaxError.class, () -> Parser.parseModule(source, "t.py"));
    }

    @Test
    void asyncComprehensionClausesParse() {
        Module m = Parser.parseModule("async def f():\n    return {k: v async for k, v in y for z in w}\n", "t.py");
        assertEquals(1, m.body().size());
        PySyntaxError e = error("x = [a async b in z]\n");
        assertEquals(PySyntaxError.Kind.SyntaxError, e.kind());
    }

    @Test
    void softKeywordsStayNames() {
        Module m = Parser.parseModule("match(x)\nmatch[0] = 1\ncase = 2\n", "t.py");
        assertEquals(3, m.body().size());
    }

    @Test
    void integersBecomeLongOrBigInteger() {
        Stmt.ExprStmt small = (Stmt.ExprStmt) Parser.parseModule("9223372036854775807", "t.py").body().get(0);
        Stmt.ExprStmt big = (Stmt.ExprStmt) Parser.parseModule("9223372036854775808", "t.py").body().get(0);
        assertEquals(Long.MAX_VALUE, ((Expr.Constant) small.value()).value());
        assertEquals(new BigInteger("9223372036854775808"), ((Expr.Constant) big.value()).value());
    }

    @Test
    void bytesLiteralsAreByteArrays() {
        Stmt.ExprStmt s = (Stmt.ExprStmt) Parser.parseModule("b'a\\xff'", "t.py").body().get(0);
        assertArrayEquals(new byte[] {'a', (byte) 0xff}, (byte[]) ((Expr.Constant) s.value()).value());
    }

    @Test
    void positionsUseUtf8ByteColumns() {
        Stmt.Assign a = (Stmt.Assign) Parser.parseModule("é = 'ü' + x", "t.py").body().get(0);
        Expr.BinOp add = (Expr.BinOp) a.value();
        assertEquals(5, add.colOffset());
        assertEquals(13, add.endColOffset());
        assertEquals(12, add.right().colOffset());
    }

    @Test
    void parseExpressionReturnsExpression() {
        assertEquals("Expression(body=BinOp(left=Constant(value=1), op=Add(), right=Name(id='x', ctx=Load())))",
                AstDump.dump(Parser.parseExpression("1 + x\n", "<stdin>")));
        assertThrows(PySyntaxError.class, () -> Parser.parseExpression("x = 1", "<stdin>"));
    }

    @Test
    void bytesEntryPointHonoursBomAndCodingCookie() {
        byte[] bom = "\uFEFFx = 1\n".getBytes(StandardCharsets.UTF_8);
        assertEquals(1, Parser.parseModule(bom, "t.py").body().size());
        byte[] latin = "# coding: latin-1\ns = '\u00e9'\n".getBytes(StandardCharsets.ISO_8859_1);
        Stmt.Assign a = (Stmt.Assign) Parser.parseModule(latin, "t.py").body().get(0);
        assertEquals("é", ((Expr.Constant) a.value()).value());
    }

    @Test
    void invalidUtf8IsASyntaxErrorWithPythonsMessage() {
        byte[] src = {'x', ' ', '=', ' ', '1', '\n', '#', (byte) 0xff, '\n'};
        PySyntaxError e = assertThrows(PySyntaxError.class, () -> Parser.parseModule(src, "prog.py"));
        assertEquals("Non-UTF-8 code starting with '\\xff' in file prog.py on line 2, but no encoding declared; "
                + "see https://peps.python.org/pep-0263/ for details", e.msg());
        assertEquals("SyntaxError: " + e.msg() + "\n", e.format());
    }

    @ParameterizedTest
    @ValueSource(strings = {"x = (1,", "x = [\n1,\n", "if x:", "if x:\n", "def f():\n    return 1",
        "def f():\n    return 1\n", "s = '''abc", "a = 1 + \\", "@dec", "@dec\n", "class A:\n  x = 1\n  def f(self):",
        "for i in range(3):\n    print(i)\n"})
    void incompleteInputNeedsMoreLines(String source) {
        assertTrue(Parser.isIncomplete(source), source);
    }

    @ParameterizedTest
    @ValueSource(strings = {"x = 1", "x = 1\n", "x = 1 2", "if x:\n    y\n\n", "print(1))", "def f():\n    return 1\n\n",
        "x = 'abc", "", "\n", "# comment", "if x:\npass\n"})
    void completeOrBrokenInputIsNotIncomplete(String source) {
        assertFalse(Parser.isIncomplete(source), source);
    }

    @Test
    void deepNestingIsASyntaxErrorNotACrash() {
        PySyntaxError e = error("x = " + "(".repeat(300) + "1" + ")".repeat(300));
        assertEquals("too many nested parentheses", e.msg());
        String unary = "x = " + "-".repeat(100_000) + "1";
        assertInstanceOf(PySyntaxError.class, assertThrows(PySyntaxError.class, () -> Parser.parseModule(unary, "t.py")));
    }

    @Test
    void moderateNestingParses() {
        Module m = Parser.parseModule("x = " + "[".repeat(150) + "]".repeat(150), "t.py");
        assertEquals(1, m.body().size());
    }

    @Test
    void fstringErrorsHaveFstringPrefix() {
        assertEquals("f-string: empty expression not allowed", error("f'{}'").msg());
        assertEquals("f-string: single '}' is not allowed", error("f'}'").msg());
        assertEquals("f-string: expecting '}'", error("f'{x'").msg());
        assertEquals("f-string: invalid syntax", error("f'{x y +}'").msg().replace(". Perhaps you forgot a comma?", ""));
    }

    @Test
    void fstringNestedFormatSpecAndDebug() {
        assertEquals("Module(body=[Expr(value=JoinedStr(values=[Constant(value='a y = '), FormattedValue(value=Name("
                + "id='y', ctx=Load()), conversion=114), Constant(value='c')]))], type_ignores=[])",
                AstDump.dump(Parser.parseModule("f\"a{ y = }c\"", "t.py")));
    }
}
