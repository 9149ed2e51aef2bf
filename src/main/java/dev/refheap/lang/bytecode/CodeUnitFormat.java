package dev.refheap.lang.bytecode;

import dev.refheap.lang.ast.Special;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;

/**
 * refheap's own binary form of a {@link CodeUnit} tree (not marshal): the unit's fields, its
 * constants (nested units among them) and its exception table. The compiled-code cache stores
 * its entries in it, and the start-up image carries the code objects' units in it. Reading what
 * {@link #write} wrote gives an equal tree; anything else is an IOException or a runtime error.
 */
public final class CodeUnitFormat {
    private CodeUnitFormat() {}

    public static void write(DataOutputStream out, CodeUnit u) throws IOException {
        writeStr(out, u.name());
        writeStr(out, u.qualname());
        writeStr(out, u.filename());
        out.writeInt(u.firstLineno());
        out.writeInt(u.argcount());
        out.writeInt(u.posonlyargcount());
        out.writeInt(u.kwonlyargcount());
        out.writeInt(u.flags());
        writeInts(out, u.code());
        writeInts(out, u.lines());
        writeInts(out, u.positions());
        out.writeInt(u.consts().size());
        for (Object c : u.consts()) writeConst(out, c);
        writeStrs(out, u.names());
        writeStrs(out, u.localsplusNames());
        out.writeInt(u.localsplusKinds().length);
        out.write(u.localsplusKinds());
        out.writeInt(u.stacksize());
        out.writeInt(u.exceptionTable().size());
        for (CodeUnit.ExceptionEntry e : u.exceptionTable()) {
            out.writeInt(e.start());
            out.writeInt(e.end());
            out.writeInt(e.target());
            out.writeInt(e.depth());
            out.writeBoolean(e.lasti());
        }
        out.writeInt(u.directives());
    }

    public static CodeUnit read(DataInputStream in) throws IOException {
        String name = readStr(in), qualname = readStr(in), filename = readStr(in);
        int first = in.readInt(), argc = in.readInt(), posonly = in.readInt(), kwonly = in.readInt(), flags = in.readInt();
        int[] code = readInts(in), lines = readInts(in), positions = readInts(in);
        int nconsts = in.readInt();
        List<Object> consts = new ArrayList<>(nconsts);
        for (int i = 0; i < nconsts; i++) consts.add(readConst(in));
        List<String> names = readStrs(in), lpNames = readStrs(in);
        byte[] kinds = new byte[in.readInt()];
        in.readFully(kinds);
        int stacksize = in.readInt();
        int nexc = in.readInt();
        List<CodeUnit.ExceptionEntry> table = new ArrayList<>(nexc);
        for (int i = 0; i < nexc; i++) table.add(new CodeUnit.ExceptionEntry(in.readInt(), in.readInt(), in.readInt(), in.readInt(), in.readBoolean()));
        int directives = in.readInt();
        return new CodeUnit(name, qualname, filename, first, argc, posonly, kwonly, flags, code, lines, positions,
                consts, names, lpNames, kinds, stacksize, table, directives);
    }

    private static void writeConst(DataOutputStream out, Object c) throws IOException {
        switch (c) {
            case Long v -> { out.writeByte('i'); out.writeLong(v); }
            case BigInteger v -> { out.writeByte('I'); byte[] b = v.toByteArray(); out.writeInt(b.length); out.write(b); }
            case Double v -> { out.writeByte('f'); out.writeLong(Double.doubleToRawLongBits(v)); }
            case Boolean v -> { out.writeByte('b'); out.writeBoolean(v); }
            case String s -> { out.writeByte('s'); writeStr(out, s); }
            case byte[] b -> { out.writeByte('y'); out.writeInt(b.length); out.write(b); }
            case Special s -> { out.writeByte('S'); out.writeByte(s.ordinal()); }
            case CodeUnit.ConstTuple t -> { out.writeByte('t'); out.writeInt(t.items().size()); for (Object o : t.items()) writeConst(out, o); }
            case CodeUnit.ConstFrozenset t -> { out.writeByte('z'); out.writeInt(t.items().size()); for (Object o : t.items()) writeConst(out, o); }
            case CodeUnit u -> { out.writeByte('c'); write(out, u); }
            default -> throw new IllegalArgumentException("no cache format for constant " + c.getClass().getName());
        }
    }

    private static Object readConst(DataInputStream in) throws IOException {
        int tag = in.readByte();
        switch (tag) {
            case 'i': return in.readLong();
            case 'I': { byte[] b = new byte[in.readInt()]; in.readFully(b); return new BigInteger(b); }
            case 'f': return Double.longBitsToDouble(in.readLong());
            case 'b': return in.readBoolean();
            case 's': return readStr(in);
            case 'y': { byte[] b = new byte[in.readInt()]; in.readFully(b); return b; }
            case 'S': return Special.values()[in.readByte()];
            case 't': case 'z': {
                int n = in.readInt();
                List<Object> items = new ArrayList<>(n);
                for (int i = 0; i < n; i++) items.add(readConst(in));
                return tag == 't' ? new CodeUnit.ConstTuple(items) : new CodeUnit.ConstFrozenset(items);
            }
            case 'c': return read(in);
            default: throw new IOException("bad constant tag " + tag);
        }
    }

    private static void writeStr(DataOutputStream out, String s) throws IOException {
        out.writeInt(s.length());
        for (int i = 0; i < s.length(); i++) out.writeChar(s.charAt(i));
    }

    private static String readStr(DataInputStream in) throws IOException {
        int n = in.readInt();
        if (n < 0) throw new IOException("bad string length " + n);
        byte[] b = new byte[2 * n];  // the chars writeChar wrote, high byte first, read at once (per char, a cold JVM's slowest part of reading units)
        in.readFully(b);
        char[] c = new char[n];
        for (int i = 0; i < n; i++) c[i] = (char) ((b[2 * i] & 0xff) << 8 | (b[2 * i + 1] & 0xff));  // no buffer views: interpreted, they cost more than the loop
        return new String(c);
    }

    private static void writeStrs(DataOutputStream out, List<String> l) throws IOException {
        out.writeInt(l.size());
        for (String s : l) writeStr(out, s);
    }

    private static List<String> readStrs(DataInputStream in) throws IOException {
        int n = in.readInt();
        List<String> l = new ArrayList<>(n);
        for (int i = 0; i < n; i++) l.add(readStr(in));
        return l;
    }

    private static void writeInts(DataOutputStream out, int[] a) throws IOException {
        out.writeInt(a.length);
        for (int v : a) out.writeInt(v);
    }

    private static int[] readInts(DataInputStream in) throws IOException {
        int n = in.readInt();
        if (n < 0) throw new IOException("bad array length " + n);
        byte[] b = new byte[4 * n];  // big-endian, as writeInt wrote them, read at once
        in.readFully(b);
        int[] a = new int[n];
        java.nio.ByteBuffer.wrap(b).asIntBuffer().get(a);
        return a;
    }
}
