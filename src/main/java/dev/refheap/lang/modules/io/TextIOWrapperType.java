package dev.refheap.lang.modules.io;

import dev.refheap.lang.modules.Params;
import dev.refheap.lang.modules.posix.LocaleModule;
import dev.refheap.lang.vm.PyException;
import dev.refheap.lang.vm.VmApi;
import dev.refheap.memory.Native;
import dev.refheap.object.BytesType;
import dev.refheap.object.PyType;
import dev.refheap.object.StrType;
import java.io.ByteArrayOutputStream;
import java.util.HashMap;
import java.util.Map;

/**
 * {@code _io.TextIOWrapper}: CPython 3.11's textio struct (192 bytes plus the GC head; the
 * dict at 184, the weakref list at 176) over a buffered binary stream:
 * <pre>
 *  refcnt | type | buffer | encoding | encoder (unused, 0) | decoder (unused, 0) | readnl | errors
 *  | flags: line_buffering, write_through, readuniversal, readtranslate, writetranslate, ok,
 *  detached, finalizing (chars at 72..79) | ... | weakreflist | dict
 * </pre>
 * The codec's incremental decoder and encoder (from the registry's CodecInfo, the decoder inside an
 * IncrementalNewlineDecoder when reading is universal) and the raw FileIO (at 168, under an exact
 * buffered object) are held and traversed as CPython's wrapper holds them, but not called:
 * refheap's codec state is Java-side ({@link Text}, one per open wrapper, dropped at dealloc):
 * the decoded characters not yet returned (untranslated, so tell() can count their bytes), the
 * undecoded tail of a multi-byte character, a held-back '\r', the newline kinds seen. Codecs are
 * refheap's (utf-8, latin-1, ascii, utf-16/32 and their -le/-be forms) and the standard library's
 * single-byte ones (cp1252, koi8-r, mac-roman...: {@link #SINGLE_BYTE}), run through the registry. Writes are translated
 * ("\n" to the newline asked for) and kept as CPython 3.11 keeps them, in pending_bytes (at 136,
 * its count at 144): an ASCII str of at most the chunk size (8192) written to an ASCII-compatible
 * codec (utf-8, latin-1, ascii) is held itself, anything else as its encoded bytes; a second
 * piece makes the field a list of the pieces. The pending pieces go to the buffer as one bytes
 * object (the field emptied first, so a failed write drops them, as CPython's does) when 8192 bytes
 * are pending, the text has a newline or '\r' and the wrapper is line-buffered, it writes through,
 * and before flush, read, readline, tell, seek, truncate, detach and close.
 *
 * <p>Reading follows 3.11's textio over that state: each chunk decoded goes through the newline
 * decoder's bookkeeping ({@link #newlineDecode}: the held '\r', the newline kinds recorded over the
 * whole chunk), and while telling leaves a snapshot (the decoder's flags, what it had buffered and
 * the chunk). tell() is 3.11's: from the snapshot it decodes again with {@link DecoderModel} to
 * find the cookie (a plain byte position unless the decoder held something there), which also
 * leaves the newline record as 3.11's decoder leaves it; without a snapshot it is the buffer's
 * position less the bytes read ahead. seek() takes such cookies (whence 0), 0 with whence 2, and
 * 0 with whence 1 (seek(tell())). A write drops what was read ahead without moving the buffer.
 */
final class TextIOWrapperType extends IoType {
    static final int BUFFER = 16, ENCODING = 24, ENCODER = 32, DECODER = 40, READNL = 48, ERRORS = 56,
            LINE_BUFFERING = 72, WRITE_THROUGH = 73, READUNIVERSAL = 74, READTRANSLATE = 75, WRITETRANSLATE = 76, OK = 77,
            DETACHED = 78, FINALIZING = 79, CHUNK_SIZE = 80, PENDING = 136, PENDING_COUNT = 144, RAW = 168, WEAKREFLIST = 176, DICT = 184;
    /** The chunk size __init__ sets (textio's chunk_size at 80, which {@code _CHUNK_SIZE} reads and sets). */
    static final int CHUNK = 8192;

    private static int chunk(long o) { return (int) get(o, CHUNK_SIZE); }

    /** The decoding state of one wrapper. */
    static final class Text {
        String codec;          // refheap codec name for decoding/encoding
        String writenl;        // null: "\n" as is
        String pending = "";   // decoded, untranslated, not yet returned (from index at)
        int at;
        byte[] undecoded = new byte[0];
        boolean pendingCR, eof, wroteBom;
        boolean bomRead;       // utf-8-sig: the decoder is past the stream's start (a BOM there was dropped)
        boolean noTell;        // tell() refused: next() is iterating (3.11's telling flag cleared), until the end or a seek
        int seen;              // LF 1, CR 2, CRLF 4: the IncrementalNewlineDecoder's seennl (universal reading)
        // pendingCR (above) is the IncrementalNewlineDecoder's pendingcr: a '\r' ending the last
        // decoded piece, held back from its output until the next piece (it stays in pending here)
        /* 3.11's snapshot (textiowrapper_read_chunk while telling): the decoder's flags and the
           input (its buffered bytes, then the chunk) from the last safe point, null when there is
           none (a fresh or seeked-to-end wrapper, after read() or an iteration to the end) */
        byte[] snapInput;
        int snapFlags;
        int chunkStart;        // where in pending the last chunk's decoder output (its held '\r' first) begins
        double b2cratio;       // bytes per character of the last chunk (textio's b2cratio)
        int lastChars;         // the characters the last chunk's decoding gave
    }

    private final Map<Long, Text> texts = new HashMap<>();

    /**
     * The wrappers' decoding states for a start-up image, as longs: per wrapper its address, then
     * each field (strings and bytes as their length and their chars or bytes, one per long), in
     * address order.
     */
    long[] textsImage() {
        java.util.List<Long> out = new java.util.ArrayList<>();
        for (var e : new java.util.TreeMap<>(texts).entrySet()) {
            Text t = e.getValue();
            out.add(e.getKey());
            putString(out, t.codec);
            putString(out, t.writenl);
            putString(out, t.pending);
            out.add((long) t.at);
            out.add((long) t.undecoded.length);
            for (byte b : t.undecoded) out.add((long) b);
            out.add((t.pendingCR ? 1L : 0) | (t.eof ? 2L : 0) | (t.wroteBom ? 4L : 0) | (t.bomRead ? 8L : 0));
            out.add((long) t.seen);
            out.add(t.snapInput == null ? -1L : t.snapInput.length);
            if (t.snapInput != null) for (byte b : t.snapInput) out.add((long) b);
            out.add((long) t.snapFlags);
            out.add((long) t.chunkStart);
            out.add(Double.doubleToRawLongBits(t.b2cratio));
            out.add((long) t.lastChars);
        }
        return out.stream().mapToLong(Long::longValue).toArray();
    }

    /** Takes the decoding states {@link #textsImage} gave from {@code from} on (a runtime adopting a start-up image); returns where they end. */
    int adoptTextsImage(long[] v, int from) {
        int[] at = {from};
        while (at[0] < v.length) {
            long o = v[at[0]++];
            Text t = new Text();
            t.codec = getString(v, at);
            t.writenl = getString(v, at);
            t.pending = getString(v, at);
            t.at = (int) v[at[0]++];
            t.undecoded = new byte[(int) v[at[0]++]];
            for (int i = 0; i < t.undecoded.length; i++) t.undecoded[i] = (byte) v[at[0]++];
            long flags = v[at[0]++];
            t.pendingCR = (flags & 1) != 0;
            t.eof = (flags & 2) != 0;
            t.wroteBom = (flags & 4) != 0;
            t.bomRead = (flags & 8) != 0;
            t.seen = (int) v[at[0]++];
            int snap = (int) v[at[0]++];
            if (snap >= 0) {
                t.snapInput = new byte[snap];
                for (int i = 0; i < snap; i++) t.snapInput[i] = (byte) v[at[0]++];
            }
            t.snapFlags = (int) v[at[0]++];
            t.chunkStart = (int) v[at[0]++];
            t.b2cratio = Double.longBitsToDouble(v[at[0]++]);
            t.lastChars = (int) v[at[0]++];
            texts.put(o, t);
        }
        return at[0];
    }

    private static void putString(java.util.List<Long> out, String s) {
        out.add(s == null ? -1L : s.length());
        if (s != null) for (int i = 0; i < s.length(); i++) out.add((long) s.charAt(i));
    }

    private static String getString(long[] v, int[] at) {
        int n = (int) v[at[0]++];
        if (n < 0) return null;
        char[] c = new char[n];
        for (int i = 0; i < n; i++) c[i] = (char) v[at[0]++];
        return new String(c);
    }

    TextIOWrapperType(VmApi vm, IoModule.State st, PyType base) {
        super(vm, st, "_io.TextIOWrapper", base, PyType.HAVE_GC | PyType.BASETYPE, 192, DICT, WEAKREFLIST,
                BUFFER, ENCODING, ENCODER, DECODER, READNL, PENDING, ERRORS, RAW, DICT);
    }

    @Override
    public void dealloc(long o) {
        if (heap.callFinalizerFromDealloc(o, this)) return;  // close() may still need the codec state
        texts.remove(o);
        super.dealloc(o);
    }

    @Override
    public long newInstance(long[] a, int off, int n, long kwnames) {
        long o = alloc();
        return trackAndInit(o, a, off, n, kwnames, this::init);
    }

    @Override
    void markFinalizing(long o) { Native.putByte(o + FINALIZING, (byte) 1); }

    @Override
    void closeAtExit(long o) {
        long b = get(o, BUFFER);
        if (b != 0 && flag(o, OK) && IoType.ioBase(vm, b) instanceof BufferedType bt && bt.exact(b)) bt.closeAtExit(b, takePending(o));
    }

    private static boolean flag(long o, int off) { return Native.getByte(o + off) != 0; }

    private static void setFlag(long o, int off, boolean v) { Native.putByte(o + off, (byte) (v ? 1 : 0)); }

    /**
     * _PyCodec_LookupTextEncoding(encoding, "codecs.open()"): the registry's CodecInfo (LookupError
     * "unknown encoding" from it) must not say {@code _is_text_encoding} false (hex, rot13...:
     * LookupError "'hex' is not a text encoding; use codecs.open() to handle arbitrary codecs").
     */
    private void checkTextEncoding(String encoding) {
        long info = vm.codecLookup(encoding);
        try {
            long flag = vm.getAttrOrNull(info, "_is_text_encoding");
            if (flag != 0 && !vm.truthyNew(flag)) {
                throw vm.error("LookupError", "'" + encoding + "' is not a text encoding; use codecs.open() to handle arbitrary codecs");
            }
        } finally {
            heap.decref(info);
        }
    }

    private static final String[] INIT = {"buffer", "encoding", "errors", "newline", "line_buffering", "write_through"};

    private void init(long o, long[] a, int off, int n, long kw) {
        long[] p = Params.parse(vm, "TextIOWrapper", INIT, 1, 6, 0, a, off, n, kw);
        setFlag(o, OK, false);
        setFlag(o, DETACHED, false);
        String encoding;
        if (p[1] == 0 || p[1] == heap.None) encoding = vm.defaultTextEncoding();
        else if (!vm.isStr(p[1])) throw vm.error("TypeError", "TextIOWrapper() argument 'encoding' must be str or None, not " + vm.typeName(p[1]));
        else encoding = vm.strValue(p[1]);
        if (encoding.equals("locale")) encoding = LocaleModule.codeset();  // the locale's, UTF-8 mode or not
        String codec = codecOf(encoding);
        if (codec == null) {
            if (encoding.indexOf('\0') >= 0) throw vm.error("ValueError", "embedded null character");
            checkTextEncoding(encoding);  // LookupError "unknown encoding: X" from the registry, or not a text encoding
            codec = singleByteCodec(encoding);
            if (codec == null) throw vm.error("NotImplementedError", "refheap does not support TextIOWrapper with the '" + encoding + "' codec yet");
        }
        String errors = "strict";
        if (p[2] != 0 && p[2] != heap.None) {
            if (!vm.isStr(p[2])) throw vm.error("TypeError", "TextIOWrapper() argument 'errors' must be str or None, not " + vm.typeName(p[2]));
            errors = vm.strValue(p[2]);
            heap.decref(vm.encode(p[2], "utf-8", "strict"));  // PyUnicode_AsUTF8: a lone surrogate is UnicodeEncodeError
            if (errors.indexOf('\0') >= 0) throw vm.error("ValueError", "embedded null character");
        }
        String newline = null;
        if (p[3] != 0 && p[3] != heap.None) {
            if (!vm.isStr(p[3])) throw vm.error("TypeError", "TextIOWrapper() argument 'newline' must be str or None, not " + vm.typeName(p[3]));
            newline = vm.strValue(p[3]);
            if (!newline.isEmpty() && !newline.equals("\n") && !newline.equals("\r") && !newline.equals("\r\n")) {
                throw vm.error("ValueError", "illegal newline value: " + newline);
            }
        }
        boolean lineBuffering = p[4] != 0 && vm.truthy(p[4]);
        boolean writeThrough = p[5] != 0 && vm.truthy(p[5]);
        set(o, BUFFER, vm.incref(p[0]));
        set(o, ENCODING, vm.str(encoding));
        set(o, ERRORS, vm.str(errors));
        set(o, READNL, newline == null ? 0 : vm.str(newline));
        setFlag(o, READUNIVERSAL, newline == null || newline.isEmpty());
        setFlag(o, READTRANSLATE, newline == null);
        setFlag(o, WRITETRANSLATE, newline == null || !newline.isEmpty());
        setFlag(o, LINE_BUFFERING, lineBuffering);
        setFlag(o, WRITE_THROUGH, writeThrough);
        setCodecObjects(o, p[0], encoding, newline == null || newline.isEmpty(), newline == null);
        // the raw FileIO under an exact BufferedReader/Writer/Random, cached as CPython's wrapper caches it (a referent)
        long raw = IoType.ioBase(vm, p[0]) instanceof BufferedType bt && bt.exact(p[0]) ? BufferedType.get(p[0], BufferedType.RAW) : 0;
        set(o, RAW, raw != 0 && st.fileio.exact(raw) ? vm.incref(raw) : 0);
        Text t = new Text();
        t.codec = codec;
        t.writenl = newline != null && !newline.isEmpty() && !newline.equals("\n") ? newline : null;
        texts.put(o, t);
        // a wrapper on a stream that is not at its start writes no BOM (the encoder's state is set as after one)
        if (bomCodec(codec)) {
            long pos = 0;
            try {
                long r = vm.callMethod(p[0], "tell");
                pos = Params.ssize(vm, r);
                heap.decref(r);
            } catch (PyException e) {
                heap.decref(e.exc());
            }
            if (pos != 0) t.wroteBom = true;
        }
        put(o, CHUNK_SIZE, CHUNK);
        setFlag(o, OK, true);
    }

    /**
     * _textiowrapper_set_decoder, then _set_encoder: the codec's incremental decoder when the buffer
     * is readable (inside an IncrementalNewlineDecoder when reading is universal) and its incremental
     * encoder when it is writable, made from the registry's CodecInfo as CPython's wrapper makes and
     * holds them. refheap decodes and encodes in Java ({@link Text}); these are the objects a
     * program finds among the wrapper's referents and in gc.get_objects().
     */
    private void setCodecObjects(long o, long buffer, String encoding, boolean universal, boolean translate) {
        long info = vm.codecLookup(encoding);
        try {
            long errors = get(o, ERRORS);
            if (truthyCall(buffer, "readable")) {
                long dec = vm.callMethod(info, "incrementaldecoder", errors);
                if (universal) {
                    long nl = st.newlineDecoder.create(dec, translate);
                    heap.decref(dec);
                    dec = nl;
                }
                set(o, DECODER, dec);
            }
            if (truthyCall(buffer, "writable")) set(o, ENCODER, vm.callMethod(info, "incrementalencoder", errors));
        } finally {
            heap.decref(info);
        }
    }

    private boolean truthyCall(long o, String method) {
        return vm.truthyNew(vm.callMethod(o, method));
    }

    Text text(long o) {
        if (!flag(o, OK)) {
            if (flag(o, DETACHED)) throw vm.error("ValueError", "underlying buffer has been detached");
            throw vm.error("ValueError", "I/O operation on uninitialized object");
        }
        return texts.get(o);
    }

    private boolean closed(long o) {
        long c = vm.getAttrOrNull(get(o, BUFFER), "closed");
        return c != 0 && vm.truthyNew(c);
    }

    private void checkClosed(long o) {
        if (closed(o)) throw vm.error("ValueError", "I/O operation on closed file.");
    }

    // ---- writing ------------------------------------------------------------------------------------

    long write(long o, long strObj) {
        // as _io_TextIOWrapper_write: the argument's type (clinic), attached, open, then an encoder (a writable buffer)
        if (!vm.isStr(strObj)) throw vm.error("TypeError", "write() argument must be str, not " + vm.argTypeName(strObj));
        Text t = text(o);
        checkClosed(o);
        if (get(o, ENCODER) == 0) throw unsupported("not writable");
        String s = StrType.value(strObj);
        long len = StrType.length(strObj);
        boolean haslf = s.indexOf('\n') >= 0;
        if (flag(o, WRITETRANSLATE) && t.writenl != null && haslf) s = s.replace("\n", t.writenl);
        boolean needflush = flag(o, LINE_BUFFERING) && (haslf || s.indexOf('\r') >= 0);
        // textiowrapper_write: the decoded characters not yet read are dropped (the buffer stays where
        // the read-ahead left it, so the text goes there, as 3.11 writes it)
        resetDecoder(t);
        // textiowrapper_write: the snapshot cleared and decoder.reset(), which forgets the newlines seen
        t.snapInput = null;
        if (get(o, DECODER) != 0) t.seen = 0;
        String codec = t.codec;
        if ((codec.equals("utf-16") || codec.equals("utf-32")) && t.wroteBom) codec += "-le";
        boolean sig = codec.equals("utf-8-sig");  // utf-8 with a BOM first; never held as a str (no fast encoder, as in CPython)
        if (sig) codec = "utf-8";
        // the text itself when it translated to nothing new; replace() made a new str otherwise
        long str = s.equals(StrType.value(strObj)) ? vm.incref(strObj) : vm.str(s);
        long b, blen;
        if (!sig && StrType.isAscii(str) && StrType.length(str) <= chunk(o) && asciiCompatible(codec)) {
            b = str;  // held as the str itself: its characters are its bytes
            blen = StrType.length(str);
        } else {
            try {
                b = vm.encode(str, codec, vm.strValue(get(o, ERRORS)));
            } finally {
                heap.decref(str);
            }
            if (sig && !t.wroteBom) {
                byte[] v = BytesType.value(b);
                byte[] w = new byte[v.length + 3];
                System.arraycopy(UTF8_BOM, 0, w, 0, 3);
                System.arraycopy(v, 0, w, 3, v.length);
                heap.decref(b);
                b = heap.bytes.of(w);
            }
            blen = BytesType.length(b);
        }
        if (blen > 0) t.wroteBom = true;
        long pending = get(o, PENDING);
        if (pending != 0 && get(o, PENDING_COUNT) + blen > chunk(o)) {
            // bpo-43260: what is pending goes out first, so no more than a chunk is ever joined
            try {
                writeFlush(o);
            } catch (PyException e) {
                heap.decref(b);
                throw e;
            }
            pending = 0;
        }
        if (pending == 0) {
            put(o, PENDING_COUNT, 0);
            put(o, PENDING, b);
        } else if (heap.typeOf(pending) != heap.lists) {
            long list = heap.lists.alloc(2);
            dev.refheap.object.ListType.setItemSteal(list, 0, pending);
            dev.refheap.object.ListType.setItemSteal(list, 1, b);
            put(o, PENDING, list);
        } else {
            heap.lists.append(pending, b);
            heap.decref(b);
        }
        put(o, PENDING_COUNT, get(o, PENDING_COUNT) + blen);
        if (get(o, PENDING_COUNT) >= chunk(o) || needflush || flag(o, WRITE_THROUGH)) writeFlush(o);
        if (needflush) heap.decref(vm.callMethod(get(o, BUFFER), "flush"));
        return len;
    }

    private static final String[] RECONFIGURE = {"encoding", "errors", "newline", "line_buffering", "write_through"};

    /**
     * _io_TextIOWrapper_reconfigure_impl: the arguments checked in 3.11's order (encoding and
     * errors str or None; nothing that changes decoding once something was read; the newline
     * validated; line_buffering and write_through through __index__, as 3.11 converts them),
     * then flush(), then the new newline mode, then the new codec (its decoder and encoder objects
     * made again; an encoder over a stream not at its start writes no BOM), then the two flags.
     * {@code newline} 0 is "not given" (None is a value: universal newlines).
     */
    private void reconfigure(long o, long encoding, long errors, long newline, long lineBuffering, long writeThrough) {
        Text t = text(o);
        if (encoding != heap.None && !vm.isStr(encoding)) {
            throw vm.error("TypeError", "reconfigure() argument 'encoding' must be str or None, not " + vm.typeName(encoding));
        }
        if (errors != heap.None && !vm.isStr(errors)) {
            throw vm.error("TypeError", "reconfigure() argument 'errors' must be str or None, not " + vm.typeName(errors));
        }
        if (!t.pending.isEmpty() && (encoding != heap.None || errors != heap.None || newline != 0)) {
            throw unsupported("It is not possible to set the encoding or newline of stream after the first read");
        }
        String nl = null;
        if (newline != 0 && newline != heap.None) {
            if (!vm.isStr(newline)) throw vm.error("TypeError", "reconfigure() argument 'newline' must be str or None, not " + vm.typeName(newline));
            heap.decref(vm.encode(newline, "utf-8", "strict"));  // PyUnicode_AsUTF8: a lone surrogate is UnicodeEncodeError
            nl = vm.strValue(newline);
            if (!nl.isEmpty() && !nl.equals("\n") && !nl.equals("\r") && !nl.equals("\r\n")) {
                throw vm.error("ValueError", "illegal newline value: " + nl);
            }
        }
        boolean lb = lineBuffering == heap.None ? flag(o, LINE_BUFFERING) : Params.cLong(vm, lineBuffering) != 0;
        boolean wt = writeThrough == heap.None ? flag(o, WRITE_THROUGH) : Params.cLong(vm, writeThrough) != 0;
        heap.decref(vm.callMethod(o, "flush"));
        if (newline != 0) {
            // set_newline
            set(o, READNL, nl == null ? 0 : vm.str(nl));
            setFlag(o, READUNIVERSAL, nl == null || nl.isEmpty());
            setFlag(o, READTRANSLATE, nl == null);
            setFlag(o, WRITETRANSLATE, nl == null || !nl.isEmpty());
            t.writenl = nl != null && !nl.isEmpty() && !nl.equals("\n") ? nl : null;
        }
        if (encoding != heap.None || errors != heap.None || newline != 0) changeEncoding(o, t, encoding, errors);
        setFlag(o, LINE_BUFFERING, lb);
        setFlag(o, WRITE_THROUGH, wt);
    }

    /** textiowrapper_change_encoding: the codec (or the current one), its error handler (or the current one, or "strict" with a new codec), new codec objects. */
    private void changeEncoding(long o, Text t, long encodingObj, long errorsObj) {
        String encoding;
        long errors;
        if (encodingObj == heap.None) {
            encoding = vm.strValue(get(o, ENCODING));
            errors = errorsObj == heap.None ? get(o, ERRORS) : errorsObj;
        } else {
            heap.decref(vm.encode(encodingObj, "utf-8", "strict"));  // PyUnicode_AsUTF8
            encoding = vm.strValue(encodingObj);
            if (encoding.equals("locale")) encoding = LocaleModule.codeset();
            errors = errorsObj == heap.None ? 0 : errorsObj;
        }
        if (errors != 0) heap.decref(vm.encode(errors, "utf-8", "strict"));
        String codec = codecOf(encoding);
        if (codec == null) {
            int nul = encoding.indexOf('\0');
            // the C string the registry is asked for ends at a NUL: LookupError "unknown encoding: X" for an unknown name
            long cname = vm.str(nul >= 0 ? encoding.substring(0, nul) : encoding);
            try {
                checkTextEncoding(vm.strValue(cname));
            } finally {
                heap.decref(cname);
            }
            codec = singleByteCodec(encoding);
            if (codec == null) throw vm.error("NotImplementedError", "refheap does not support TextIOWrapper with the '" + encoding + "' codec yet");
        }
        long errorsNew = errors == 0 ? vm.str("strict") : vm.incref(errors);
        long encodingNew = vm.str(encoding);
        long oldDec = get(o, DECODER), oldEnc = get(o, ENCODER);
        put(o, DECODER, 0);
        put(o, ENCODER, 0);
        set(o, ENCODING, encodingNew);
        set(o, ERRORS, errorsNew);
        try {
            setCodecObjects(o, get(o, BUFFER), encoding, flag(o, READUNIVERSAL), flag(o, READTRANSLATE));
        } finally {
            heap.xdecref(oldDec);
            heap.xdecref(oldEnc);
        }
        t.codec = codec;
        // _textiowrapper_fix_encoder_state: over a seekable stream not at its start, no BOM
        t.wroteBom = false;
        t.bomRead = false;
        if (bomCodec(codec) && truthyCall(get(o, BUFFER), "seekable")) {
            long r = vm.callMethod(get(o, BUFFER), "tell");
            try {
                if (Params.ssize(vm, r) != 0) t.wroteBom = true;
            } finally {
                heap.decref(r);
            }
        }
    }

    /** refheap's name of the codec for {@code encoding}: its own codecs', and utf-8-sig (coded as utf-8 with the BOM handled here); null for another. */
    /** The codec the wrapper's encoding names at the stream's start (utf-16 before its BOM picks an order), or its current one (the single-byte codecs). */
    private String family(long o, Text t) {
        String c = codecOf(vm.strValue(get(o, ENCODING)));
        return c != null ? c : t.codec;
    }

    private String codecOf(String encoding) {
        String c = vm.codecName(encoding);
        if (c == null && encoding.toLowerCase(java.util.Locale.ROOT).replace('_', '-').equals("utf-8-sig")) c = "utf-8-sig";
        return c;
    }

    /**
     * The standard library's single-byte codecs, by their CodecInfo names: charmap tables, each byte
     * one character and no state between calls. The wrapper decodes and encodes them through the
     * registry's codec (bytes.decode, str.encode), a chunk at a time, and counts a byte per read-ahead
     * character for tell().
     */
    private static final java.util.Set<String> SINGLE_BYTE = java.util.Set.of("cp037", "cp1006", "cp1026", "cp1125", "cp1140",
            "cp1250", "cp1251", "cp1252", "cp1253", "cp1254", "cp1255", "cp1256", "cp1257", "cp1258", "cp273", "cp424", "cp437", "cp500",
            "cp720", "cp737", "cp775", "cp850", "cp852", "cp855", "cp856", "cp857", "cp858", "cp860", "cp861", "cp862", "cp863", "cp864",
            "cp865", "cp866", "cp869", "cp874", "cp875", "hp-roman8", "iso8859-1", "iso8859-10", "iso8859-11", "iso8859-13", "iso8859-14",
            "iso8859-15", "iso8859-16", "iso8859-2", "iso8859-3", "iso8859-4", "iso8859-5", "iso8859-6", "iso8859-7", "iso8859-8",
            "iso8859-9", "koi8-r", "koi8-t", "koi8-u", "kz1048", "mac-arabic", "mac-croatian", "mac-cyrillic", "mac-farsi", "mac-greek",
            "mac-iceland", "mac-latin2", "mac-roman", "mac-romanian", "mac-turkish", "palmos", "ptcp154", "tis-620");

    /** The decoding error handlers that give one character per byte of a single-byte codec (tell() counts on it). */
    private static boolean oneCharPerByte(String errors) {
        return errors.equals("strict") || errors.equals("replace") || errors.equals("surrogateescape");
    }

    /** The name of {@code encoding}'s codec in the registry when it is one of {@link #SINGLE_BYTE}, else null. */
    private String singleByteCodec(String encoding) {
        long info = vm.codecLookup(encoding);
        try {
            long name = vm.getAttrOrNull(info, "name");
            if (name == 0) return null;
            try {
                return vm.isStr(name) && SINGLE_BYTE.contains(vm.strValue(name)) ? vm.strValue(name) : null;
            } finally {
                heap.decref(name);
            }
        } finally {
            heap.decref(info);
        }
    }

    /** The codecs whose encoder writes a BOM first: not again over a stream that is not at its start. */
    private static boolean bomCodec(String codec) {
        return codec.equals("utf-16") || codec.equals("utf-32") || codec.equals("utf-8-sig");
    }

    private static final byte[] UTF8_BOM = {(byte) 0xef, (byte) 0xbb, (byte) 0xbf};

    /** The codecs whose bytes for an ASCII str are its characters (is_asciicompat_encoding). */
    private static boolean asciiCompatible(String codec) {
        return switch (codec) {
            case "utf-8", "utf8", "latin-1", "latin1", "iso-8859-1", "iso8859-1", "ascii", "us-ascii" -> true;
            default -> false;
        };
    }

    /**
     * _textiowrapper_writeflush: the pending pieces as one bytes object, written to the buffer. The
     * field is emptied before the write, so when the write fails the pieces are gone.
     */
    void writeFlush(long o) {
        long pending = get(o, PENDING);
        if (pending == 0) return;
        int count = (int) get(o, PENDING_COUNT);
        byte[] out = new byte[count];
        int pos = 0;
        if (heap.typeOf(pending) == heap.lists) {
            long n = dev.refheap.object.ListType.size(pending);
            for (long i = 0; i < n; i++) pos = copyPiece(dev.refheap.object.ListType.item(pending, i), out, pos);
        } else {
            pos = copyPiece(pending, out, pos);
        }
        long b = heap.bytes.of(out);
        put(o, PENDING_COUNT, 0);
        put(o, PENDING, 0);
        heap.decref(pending);
        try {
            heap.decref(vm.callMethod(get(o, BUFFER), "write", b));
        } finally {
            heap.decref(b);
        }
    }

    /** The bytes of one pending piece (an ASCII str or a bytes object) copied to {@code out} at {@code pos}; the new position. */
    private int copyPiece(long piece, byte[] out, int pos) {
        if (vm.isStr(piece)) {
            String s = StrType.value(piece);
            for (int i = 0; i < s.length(); i++) out[pos++] = (byte) s.charAt(i);
            return pos;
        }
        byte[] v = BytesType.value(piece);
        System.arraycopy(v, 0, out, pos, v.length);
        return pos + v.length;
    }

    /** The pending pieces' bytes, taken out (the runtime's close writes them without running Python). */
    byte[] takePending(long o) {
        long pending = get(o, PENDING);
        if (pending == 0) return new byte[0];
        byte[] out = new byte[(int) get(o, PENDING_COUNT)];
        int pos = 0;
        if (heap.typeOf(pending) == heap.lists) {
            long n = dev.refheap.object.ListType.size(pending);
            for (long i = 0; i < n; i++) pos = copyPiece(dev.refheap.object.ListType.item(pending, i), out, pos);
        } else {
            copyPiece(pending, out, pos);
        }
        put(o, PENDING_COUNT, 0);
        put(o, PENDING, 0);
        heap.decref(pending);
        return out;
    }

    // ---- reading ------------------------------------------------------------------------------------

    private static void resetDecoder(Text t) {
        t.pending = "";
        t.at = 0;
        t.chunkStart = 0;
        t.undecoded = new byte[0];
        t.pendingCR = false;
        t.eof = false;
    }

    // ---- the IncrementalNewlineDecoder's record of newlines, and tell()'s use of the decoder ---------

    /**
     * _PyIncrementalNewlineDecoder_decode's bookkeeping over one decoded piece {@code s} (final at
     * EOF): a '\r' held from the last piece goes first, a '\r' ending this one (not final) is held,
     * and the newline kinds of what is left are recorded in {@code seen}. Returns how many
     * characters the decoder hands out for it (its '\r\n' one when translating).
     */
    private int newlineDecode(long o, Text t, String s, boolean fin) {
        if (!flag(o, READUNIVERSAL)) return s.codePointCount(0, s.length());
        boolean held = t.pendingCR;
        String out = s;
        if (held && (fin || !out.isEmpty())) {
            out = "\r" + out;
            t.pendingCR = false;
        }
        if (!fin && !out.isEmpty() && out.charAt(out.length() - 1) == '\r') {
            out = out.substring(0, out.length() - 1);
            t.pendingCR = true;
        }
        int[] kinds = newlineKinds(out);
        t.seen |= kinds[0];
        int n = out.codePointCount(0, out.length());
        return flag(o, READTRANSLATE) ? n - kinds[1] : n;
    }

    /** The newline kinds in s (LF 1, CR 2, CRLF 4) and how many "\r\n" pairs it has. */
    private static int[] newlineKinds(String s) {
        int seen = 0, pairs = 0;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == '\n') seen |= 1;
            else if (c == '\r') {
                if (i + 1 < s.length() && s.charAt(i + 1) == '\n') {
                    seen |= 4;
                    pairs++;
                    i++;
                } else seen |= 2;
            }
        }
        return new int[] {seen, pairs};
    }

    /** The characters pending[from, to) make as the decoder hands them out (a "\r\n" one when translating). */
    private int decoderChars(long o, String p, int from, int to) {
        if (from >= to) return 0;
        String s = p.substring(from, to);
        int n = s.codePointCount(0, s.length());
        return flag(o, READUNIVERSAL) && flag(o, READTRANSLATE) ? n - newlineKinds(s)[1] : n;
    }

    /**
     * The inner decoder's state flag as its getstate() gives it: utf-16/32 before the byte order
     * mark 2, after it 0 for little-endian (the machine's order) and 1 for big-endian; utf-8-sig
     * 1 until it is past the start; 0 for every other codec.
     */
    private int innerFlag(long o, Text t) {
        String family = family(o, t);
        if (family.equals("utf-16") || family.equals("utf-32")) {
            if (t.codec.equals(family)) return 2;
            return t.codec.endsWith("-be") ? 1 : 0;
        }
        if (family.equals("utf-8-sig")) return t.bomRead ? 0 : 1;
        return 0;
    }

    /** The decoder's flags for a snapshot or cookie: the inner decoder's flag shifted, the held '\r' in bit 0. */
    private int decoderFlags(long o, Text t) {
        int inner = innerFlag(o, t);
        return flag(o, READUNIVERSAL) ? inner << 1 | (t.pendingCR ? 1 : 0) : inner;
    }

    /**
     * A model of the wrapper's decoder (the codec's incremental decoder inside the newline decoder)
     * that tell() runs over the snapshot's input as 3.11's tell runs the real one: from the
     * snapshot's flags, a prefix of the input at a time, then byte by byte. Its newline records go
     * into the wrapper's {@code seen}, as the real decoder's would (the flags and buffer that
     * tell() restores afterwards do not include them).
     */
    private final class DecoderModel {
        final long o;
        final Text t;
        final String family;
        byte[] buffered = new byte[0];
        int inner;
        boolean pendingCR;

        DecoderModel(long o, Text t) {
            this.o = o;
            this.t = t;
            family = family(o, t);
        }

        /** _textiowrapper_decoder_setstate: reset() at the stream's start with no flags, else setstate((b"", flags)). */
        void setstate(long startPos, int flags) {
            buffered = new byte[0];
            if (startPos == 0 && flags == 0) {
                if (flag(o, READUNIVERSAL)) t.seen = 0;
                pendingCR = false;
                inner = family.equals("utf-16") || family.equals("utf-32") ? 2 : family.equals("utf-8-sig") ? 1 : 0;
                return;
            }
            boolean universal = flag(o, READUNIVERSAL);
            pendingCR = universal && (flags & 1) != 0;
            inner = universal ? flags >> 1 : flags;
        }

        int flags() { return flag(o, READUNIVERSAL) ? inner << 1 | (pendingCR ? 1 : 0) : inner; }

        /** decoder.decode(input[off, off + len), fin): the characters it hands out. */
        int decode(byte[] input, int off, int len, boolean fin) {
            byte[] all = new byte[buffered.length + len];
            System.arraycopy(buffered, 0, all, 0, buffered.length);
            System.arraycopy(input, off, all, buffered.length, len);
            int start = 0;
            String codec;
            if (family.equals("utf-8-sig")) {
                if (inner == 1) {
                    if (all.length < 3 && java.util.Arrays.equals(all, java.util.Arrays.copyOf(UTF8_BOM, all.length))) {
                        buffered = all;
                        return newlineStep("", fin);
                    }
                    inner = 0;
                    if (all.length >= 3 && java.util.Arrays.equals(java.util.Arrays.copyOf(all, 3), UTF8_BOM)) start = 3;
                }
                codec = "utf-8";
            } else if (family.equals("utf-16") || family.equals("utf-32")) {
                int unit = family.equals("utf-16") ? 2 : 4;
                if (inner == 2) {
                    if (all.length < unit) {
                        buffered = all;
                        return newlineStep("", fin);
                    }
                    if (!startsWithBom(family, all)) throw new IllegalStateException("no byte order mark");
                    inner = (all[0] & 0xff) == 0xff ? 0 : 1;
                    start = unit;
                }
                codec = family + (inner == 0 ? "-le" : "-be");
            } else {
                codec = t.codec;
            }
            byte[] rest = java.util.Arrays.copyOfRange(all, start, all.length);
            int k = complete(codec, rest, fin);
            buffered = java.util.Arrays.copyOfRange(rest, k, rest.length);
            String s = "";
            if (k > 0) {
                long r = vm.decode(java.util.Arrays.copyOf(rest, k), codec, vm.strValue(get(o, ERRORS)));
                try {
                    s = StrType.value(r);
                } finally {
                    heap.decref(r);
                }
            }
            return newlineStep(s, fin);
        }

        private int newlineStep(String s, boolean fin) {
            boolean saved = t.pendingCR;
            t.pendingCR = pendingCR;
            try {
                return newlineDecode(o, t, s, fin);
            } finally {
                pendingCR = t.pendingCR;
                t.pendingCR = saved;
            }
        }
    }

    /**
     * What 3.11's tell() does to the decoder's newline record (it leaves the position to
     * {@link #tell}): from the snapshot it decodes again up to the position it reports, resetting
     * the decoder first when the snapshot lies at the stream's start with no flags, which forgets
     * the newlines seen so far. Returns the cookie's {start_pos, dec_flags, bytes_to_feed,
     * need_eof, chars_to_skip}, or null when there is no snapshot (tell() is the buffer's position).
     */
    private long[] tellDecoding(long o, Text t, long bufferPos) {
        if (get(o, DECODER) == 0 || t.snapInput == null) return null;
        byte[] input = t.snapInput;
        long startPos = bufferPos - input.length;
        int flags = t.snapFlags;
        int used = decoderChars(o, t.pending, t.chunkStart, t.at);
        if (used <= 0) return new long[] {startPos, flags, 0, 0, 0};  // not moved from the snapshot point
        DecoderModel d = new DecoderModel(o, t);
        int savedSeen = t.seen;
        try {
            long charsToSkip = used;
            long skipBytes = (long) (t.b2cratio * charsToSkip);
            long skipBack = 1;
            while (skipBytes > 0) {
                d.setstate(startPos, flags);
                long n = d.decode(input, 0, (int) Math.min(skipBytes, input.length), false);
                if (n <= charsToSkip) {
                    if (d.buffered.length == 0) {
                        flags = d.flags();
                        charsToSkip -= n;
                        break;
                    }
                    skipBytes -= d.buffered.length;
                    skipBack = 1;
                } else {
                    skipBytes -= skipBack;
                    skipBack *= 2;
                }
            }
            if (skipBytes <= 0) {
                skipBytes = 0;
                d.setstate(startPos, flags);
            }
            startPos += skipBytes;
            long bytesToFeed = 0, needEof = 0;
            if (charsToSkip > 0) {
                long decoded = 0;
                int i = (int) skipBytes;
                for (; i < input.length; i++) {
                    decoded += d.decode(input, i, 1, false);
                    bytesToFeed++;
                    if (d.buffered.length == 0 && decoded <= charsToSkip) {
                        startPos += bytesToFeed;
                        charsToSkip -= decoded;
                        flags = d.flags();
                        bytesToFeed = 0;
                        decoded = 0;
                    }
                    if (decoded >= charsToSkip) break;
                }
                if (i >= input.length) {
                    decoded += d.decode(input, 0, 0, true);
                    needEof = 1;
                }
            }
            return new long[] {startPos, flags, bytesToFeed, needEof, charsToSkip};
        } catch (PyException e) {  // an undecodable prefix: 3.11's tell() would fail; the record stays as it was
            heap.decref(e.exc());
            t.seen = savedSeen;
            return null;
        } catch (IllegalStateException e) {
            t.seen = savedSeen;
            return null;
        }
    }

    /** How many leading bytes of b form whole characters of the codec (the rest waits for more). */
    private static int complete(String codec, byte[] b, boolean fin) {
        if (fin) return b.length;
        switch (codec) {
            case "utf-8", "utf-8-sig" -> {
                int n = b.length;
                for (int back = 1; back <= 3 && back <= n; back++) {
                    int c = b[n - back] & 0xff;
                    if ((c & 0xc0) == 0x80) continue;  // continuation byte
                    int need = c >= 0xf0 ? 4 : c >= 0xe0 ? 3 : c >= 0xc0 ? 2 : 1;
                    return need > back ? n - back : n;
                }
                return n;
            }
            case "utf-16", "utf-16-le", "utf-16-be" -> {
                int n = b.length & ~1;
                if (n >= 2) {
                    boolean be = codec.equals("utf-16-be");
                    int hi = be ? b[n - 2] & 0xff : b[n - 1] & 0xff;
                    if (hi >= 0xd8 && hi <= 0xdb) n -= 2;  // a high surrogate waits for its pair
                }
                return n;
            }
            case "utf-32", "utf-32-le", "utf-32-be" -> { return b.length & ~3; }
            default -> { return b.length; }
        }
    }

    /** Reads one chunk from the buffer and decodes it onto pending; false at EOF. */
    private boolean readChunk(long o, Text t, long size) {
        if (get(o, DECODER) == 0) throw unsupported("not readable");  // textiowrapper_read_chunk: no decoder, a buffer not readable
        long want = vm.newInt(size);
        long r;
        try {
            r = vm.callMethod(get(o, BUFFER), vm.typeHas(get(o, BUFFER), "read1") ? "read1" : "read", want);
        } finally {
            heap.decref(want);
        }
        byte[] b;
        try {
            if (r == heap.None) b = new byte[0];
            else {
                b = vm.bytesLike(r);
                if (b == null) throw vm.error("TypeError", "underlying read1() should have returned a bytes-like object, not '" + vm.typeName(r) + "'");
            }
        } finally {
            heap.decref(r);
        }
        return decodeInput(o, t, b, b.length == 0, true) ;
    }

    /**
     * The decoder's step over input {@code b} (final when {@code fin}): whole characters decoded
     * onto pending (the undecoded tail kept), the newline decoder's record, b2cratio, and while
     * telling the snapshot (the decoder's flags before, what it had buffered, then b). At EOF of a
     * read ({@code markEof}) nothing more is read. Returns whether input was not final.
     */
    private boolean decodeInput(long o, Text t, byte[] b, boolean fin, boolean markEof) {
        int snapFlags = decoderFlags(o, t);
        byte[] all = new byte[t.undecoded.length + b.length];
        System.arraycopy(t.undecoded, 0, all, 0, t.undecoded.length);
        System.arraycopy(b, 0, all, t.undecoded.length, b.length);
        int k = complete(t.codec, all, fin);
        if (t.codec.equals("utf-8-sig") && !t.bomRead && !fin && all.length < 3
                && java.util.Arrays.equals(all, java.util.Arrays.copyOf(UTF8_BOM, all.length))) k = 0;  // the start of a BOM waits for the rest
        t.undecoded = java.util.Arrays.copyOfRange(all, k, all.length);
        String s = k == 0 ? "" : decode(o, t, java.util.Arrays.copyOf(all, k));
        if (t.at > 0) {
            t.pending = t.pending.substring(t.at);
            t.at = 0;
        }
        // the chunk's decoder output starts with the '\r' the newline decoder held back, which pending already has
        boolean held = t.pendingCR && flag(o, READUNIVERSAL);
        int nchars = newlineDecode(o, t, s, fin);
        t.b2cratio = nchars > 0 ? (double) b.length / nchars : 0.0;
        t.chunkStart = Math.max(0, t.pending.length() - (held && (fin || !s.isEmpty()) ? 1 : 0));
        t.pending += s;
        if (!t.noTell) {
            t.snapFlags = snapFlags;
            t.snapInput = all.length == b.length ? b : all;  // what was buffered, then the chunk
        }
        if (fin && markEof) t.eof = true;
        t.lastChars = nchars;
        return !fin;
    }

    private String decode(long o, Text t, byte[] b) {
        String codec = t.codec;
        if (codec.equals("utf-8-sig")) {  // the BOM at the stream's start is dropped
            if (!t.bomRead && b.length >= 3 && (b[0] & 0xff) == 0xef && (b[1] & 0xff) == 0xbb && (b[2] & 0xff) == 0xbf) {
                b = java.util.Arrays.copyOfRange(b, 3, b.length);
            }
            t.bomRead = true;
            codec = "utf-8";
        }
        if ((codec.equals("utf-16") || codec.equals("utf-32")) && !startsWithBom(codec, b)) {
            // encodings.utf_16's (utf_32's) incremental decoder: the native order's decoding first (its
            // errors name utf-16-le), then a stream without a BOM is refused
            int unit = codec.equals("utf-16") ? 2 : 4;
            heap.decref(vm.decode(b, codec + "-le", vm.strValue(get(o, ERRORS))));
            if (b.length >= unit) throw vm.error("UnicodeError", "UTF-" + unit * 8 + " stream does not start with BOM");
        }
        long r = vm.decode(b, codec, vm.strValue(get(o, ERRORS)));
        try {
            String s = StrType.value(r);
            if (codec.equals("utf-16") || codec.equals("utf-32")) {  // after the BOM, the byte order it named
                boolean le = b.length < 2 || (b[0] & 0xff) == 0xff;
                t.codec = codec + (le ? "-le" : "-be");
                t.wroteBom = true;
            }
            return s;
        } finally {
            heap.decref(r);
        }
    }

    /** Whether b starts with a byte order mark of utf-16 or utf-32 (either order). */
    private static boolean startsWithBom(String codec, byte[] b) {
        if (codec.equals("utf-16")) return b.length >= 2 && ((b[0] & 0xff) == 0xff && (b[1] & 0xff) == 0xfe || (b[0] & 0xff) == 0xfe && (b[1] & 0xff) == 0xff);
        return b.length >= 4 && ((b[0] & 0xff) == 0xff && (b[1] & 0xff) == 0xfe && b[2] == 0 && b[3] == 0
                || b[0] == 0 && b[1] == 0 && (b[2] & 0xff) == 0xfe && (b[3] & 0xff) == 0xff);
    }

    /** Translates the newlines of s in translate mode (the decoder recorded them when it decoded s). */
    private String translate(long o, Text t, String s) {
        if (!flag(o, READUNIVERSAL)) return s;
        if (flag(o, READTRANSLATE)) s = s.replace("\r\n", "\n").replace('\r', '\n');
        return s;
    }

    String read(long o, long n) {
        Text t = text(o);
        checkClosed(o);
        if (n < 0) {
            double ratio = t.b2cratio;  // 3.11's read() decodes the rest at once, not through read_chunk: b2cratio stays
            while (readChunk(o, t, chunk(o))) { }
            t.b2cratio = ratio;
            String s = t.pending.substring(t.at);
            t.pending = "";
            t.at = 0;
            t.chunkStart = 0;
            t.snapInput = null;  // read() clears the snapshot: tell() then decodes nothing
            return translate(o, t, s);
        }
        while (true) {
            String cand = translatedCount(o, t, n);
            if (cand != null) {
                if (t.eof && decoderChars(o, cand, 0, cand.length()) < n) {
                    // 3.11 reads once more for the rest and gets nothing: its snapshot is then that empty
                    // chunk's (the decoder's flags now, no input), nothing of it used
                    if (!t.noTell) {
                        t.snapFlags = decoderFlags(o, t);
                        t.snapInput = new byte[0];
                    }
                    t.chunkStart = t.pending.length();
                    t.b2cratio = 0;
                    t.lastChars = 0;
                }
                return translate(o, t, cand);
            }
            // textiowrapper_read_chunk(self, remaining): a chunk of at least the characters still wanted, in bytes
            long remaining = n - decoderChars(o, t.pending, t.at, t.pending.length() - (t.pendingCR && flag(o, READUNIVERSAL) ? 1 : 0));
            long hint = remaining > 0 ? (long) (Math.max(t.b2cratio, 1.0) * remaining) : 0;
            readChunk(o, t, Math.max(chunk(o), hint));
        }
    }

    /** Takes n characters (as they read after translation) from pending when it holds enough, else null. */
    private String translatedCount(long o, Text t, long n) {
        String p = t.pending;
        int i = t.at;
        long got = 0;
        boolean translateCrlf = flag(o, READTRANSLATE);
        // a '\r' the newline decoder holds back is not decoded text yet (not even when it is not translated)
        int end = p.length() - (t.pendingCR && flag(o, READUNIVERSAL) && !t.eof ? 1 : 0);
        while (got < n && i < end) {
            char c = p.charAt(i);
            if (c == '\r' && translateCrlf) {
                if (i + 1 >= p.length() && !t.eof) return null;
                i += i + 1 < p.length() && p.charAt(i + 1) == '\n' ? 2 : 1;
            } else i += Character.charCount(p.codePointAt(i));
            got++;
        }
        if (got < n && !t.eof) return null;
        String s = p.substring(t.at, i);
        t.at = i;
        return s;
    }

    String readline(long o, long limit) {
        Text t = text(o);
        checkClosed(o);
        while (true) {
            String p = t.pending;
            int end = lineEnd(o, t, p, t.at);
            if (end >= 0 || t.eof) {
                if (end < 0) {
                    end = p.length();
                    // 3.11's readline ran out of decoded text and read an empty chunk at the end of the file:
                    // its b2cratio 0, the snapshot cleared
                    t.snapInput = null;
                    t.b2cratio = 0;
                }
                String line = p.substring(t.at, end);
                if (limit >= 0 && line.codePointCount(0, line.length()) > limit) {
                    int cut = line.offsetByCodePoints(0, (int) limit);
                    if (cut > 0 && line.charAt(cut - 1) == '\r' && cut < line.length() && line.charAt(cut) == '\n' && flag(o, READTRANSLATE)) cut++;
                    line = line.substring(0, cut);
                    end = t.at + cut;
                }
                t.at = end;
                return translate(o, t, line);
            }
            if (limit >= 0 && p.codePointCount(t.at, p.length()) > limit) {
                int cut = p.offsetByCodePoints(t.at, (int) limit);
                String line = p.substring(t.at, cut);
                t.at = cut;
                return translate(o, t, line);
            }
            readChunk(o, t, chunk(o));
        }
    }

    /** The index just past the first line ending in p from start, or -1 (a final '\r' waits to see what follows). */
    private int lineEnd(long o, Text t, String p, int start) {
        if (flag(o, READUNIVERSAL)) {
            for (int i = start; i < p.length(); i++) {
                char c = p.charAt(i);
                if (c == '\n') return i + 1;
                if (c == '\r') {
                    if (i + 1 < p.length()) return p.charAt(i + 1) == '\n' ? i + 2 : i + 1;
                    return t.eof ? i + 1 : -1;
                }
            }
            return -1;
        }
        String nl = StrType.value(get(o, READNL));
        int k = p.indexOf(nl, start);
        return k < 0 ? -1 : k + nl.length();
    }

    /** The byte length of s in the codec (its BOM excluded). */
    private long encodedLength(long o, Text t, String s) {
        if (SINGLE_BYTE.contains(t.codec)) {
            // a byte per character, unless the error handler made more or fewer of some bytes
            String errors = vm.strValue(get(o, ERRORS));
            if (!s.isEmpty() && !oneCharPerByte(errors)) {
                throw vm.error("NotImplementedError", "refheap does not support tell() on a text file read ahead with the '" + t.codec
                        + "' codec and errors='" + errors + "' yet");
            }
            return s.codePointCount(0, s.length());  // a lone surrogate (surrogateescape's) is one code point in refheap's strs
        }
        switch (t.codec) {
            case "latin-1", "ascii" -> { return s.codePointCount(0, s.length()); }
            case "utf-8", "utf-8-sig" -> {
                long n = 0;
                boolean escaped = vm.strValue(get(o, ERRORS)).equals("surrogateescape");
                for (int i = 0; i < s.length(); ) {
                    int c = s.codePointAt(i);
                    int lone = c - dev.refheap.object.SurrogateEscapes.ESCAPE_BASE;  // a lone surrogate, as refheap's strs hold one
                    if (lone >= 0xd800 && lone <= 0xdfff) n += escaped && lone >= 0xdc80 && lone <= 0xdcff ? 1 : 3;  // an undecodable byte, or surrogatepass's 3
                    else n += c < 0x80 ? 1 : c < 0x800 ? 2 : c < 0x10000 ? 3 : 4;
                    i += Character.charCount(c);
                }
                return n;
            }
            case "utf-16", "utf-16-le", "utf-16-be" -> { return 2L * s.length(); }
            default -> { return 4L * s.codePointCount(0, s.length()); }
        }
    }

    /**
     * textiowrapper_tell's cookie: from the snapshot, {@link #tellDecoding}'s start_pos | dec_flags
     * &lt;&lt; 64 | bytes_to_feed &lt;&lt; 96 | chars_to_skip &lt;&lt; 128 | need_eof &lt;&lt; 160 (the
     * byte position itself when only start_pos is set); without one the buffer's position.
     */
    java.math.BigInteger tell(long o, Text t) {
        long r = vm.callMethod(get(o, BUFFER), "tell");
        long pos;
        try {
            pos = Params.ssize(vm, r);
        } finally {
            heap.decref(r);
        }
        long[] c = tellDecoding(o, t, pos);
        if (c == null) return java.math.BigInteger.valueOf(pos - t.undecoded.length - encodedLength(o, t, t.pending.substring(t.at)));
        return java.math.BigInteger.valueOf(c[0])
                .or(java.math.BigInteger.valueOf(c[1] & 0xffffffffL).shiftLeft(64))
                .or(java.math.BigInteger.valueOf(c[2] & 0xffffffffL).shiftLeft(96))
                .or(java.math.BigInteger.valueOf(c[4] & 0xffffffffL).shiftLeft(128))
                .or(java.math.BigInteger.valueOf(c[3] & 0xffL).shiftLeft(160));
    }

    /**
     * textiowrapper_seek's SEEK_SET part for {@code cookie}: the buffer at its start_pos, the
     * decoder's state from its flags (reset at the stream's start with none, which forgets the
     * newlines seen), then, when it skips characters, its bytes_to_feed read and decoded (final
     * when need_eof) and that many characters passed over.
     */
    private void seekCookie(long o, Text t, java.math.BigInteger cookie) {
        java.math.BigInteger mask32 = java.math.BigInteger.valueOf(0xffffffffL);
        long startPos = cookie.longValue();
        int flags = cookie.shiftRight(64).and(mask32).intValue();
        int feed = cookie.shiftRight(96).and(mask32).intValue();
        int skip = cookie.shiftRight(128).and(mask32).intValue();
        boolean needEof = cookie.shiftRight(160).and(java.math.BigInteger.valueOf(0xff)).signum() != 0;
        resetDecoder(t);
        long at = vm.newInt(startPos);
        try {
            heap.decref(vm.callMethod(get(o, BUFFER), "seek", at));
        } finally {
            heap.decref(at);
        }
        boolean universal = flag(o, READUNIVERSAL);
        boolean start = startPos == 0 && flags == 0;
        String family = family(o, t);
        int inner = universal ? flags >> 1 : flags;
        if (start) {
            if (universal) t.seen = 0;
            // the decoder starts over: a utf-16/32 codec that took its byte order from a BOM reads the BOM again
            if (!SINGLE_BYTE.contains(t.codec)) t.codec = family;
            t.bomRead = false;
        } else {
            t.pendingCR = universal && (flags & 1) != 0;
            if (family.equals("utf-16") || family.equals("utf-32")) t.codec = inner == 2 ? family : family + (inner == 1 ? "-be" : "-le");
            t.bomRead = !(family.equals("utf-8-sig") && inner == 1);
        }
        t.wroteBom = !start;  // the encoder: reset() at the start (a BOM written again), setstate(0) elsewhere
        if (t.pendingCR) t.pending = "\r";  // the held '\r' the decoder's flags say it has
        t.snapFlags = flags;
        t.snapInput = new byte[0];
        if (skip == 0) return;
        long want = vm.newInt(feed);
        long r;
        try {
            r = vm.callMethod(get(o, BUFFER), "read", want);
        } finally {
            heap.decref(want);
        }
        byte[] b;
        try {
            b = vm.bytesLike(r);
            if (b == null) b = new byte[0];
        } finally {
            heap.decref(r);
        }
        double ratio = t.b2cratio;  // seek feeds the decoder itself, not through read_chunk: b2cratio stays
        decodeInput(o, t, b, needEof, false);
        t.b2cratio = ratio;
        int i = 0, n = 0, end = t.pending.length() - (t.pendingCR && universal ? 1 : 0);
        boolean crlfOne = universal && flag(o, READTRANSLATE);
        while (n < skip && i < end) {
            if (crlfOne && t.pending.charAt(i) == '\r' && i + 1 < end && t.pending.charAt(i + 1) == '\n') i += 2;
            else i += Character.charCount(t.pending.codePointAt(i));
            n++;
        }
        if (n < skip) throw vm.error("OSError", "can't restore logical file position");
        t.at = i;
    }

    // ---- the methods --------------------------------------------------------------------------------

    private long orNone(long v) { return v == 0 ? none() : vm.incref(v); }


    @Override
    void setFinalizing(long o, boolean on) { Native.putByte(o + FINALIZING, (byte) (on ? 1 : 0)); }

    /** textiowrapper_chunk_size_set: an attached wrapper's chunk size, a positive size (ValueError otherwise). */
    @Override
    void setChunkSize(long o, long v) {
        text(o);
        if (v == 0) throw vm.error("AttributeError", "cannot delete attribute");
        java.math.BigInteger big = vm.asIndex(v);  // PyNumber_AsSsize_t(v, ValueError)
        if (big.bitLength() > 63) throw vm.error("ValueError", "cannot fit '" + vm.typeName(v) + "' into an index-sized integer");
        long n = big.longValue();
        if (n <= 0) throw vm.error("ValueError", "a strictly positive integer is required");
        put(o, CHUNK_SIZE, n);
    }


    @Override
    long ownAttr(long o, String attrName) {
        switch (attrName) {
            // members (read as fields: None or false before __init__, kept after detach()), then getsets
            case "encoding" -> { return orNone(get(o, ENCODING)); }
            case "buffer" -> { return orNone(get(o, BUFFER)); }
            case "line_buffering" -> { return bool(flag(o, LINE_BUFFERING)); }
            case "write_through" -> { return bool(flag(o, WRITE_THROUGH)); }
            case "errors" -> {
                if (!flag(o, OK) && !flag(o, DETACHED)) throw vm.error("ValueError", "I/O operation on uninitialized object");
                return orNone(get(o, ERRORS));
            }
            case "closed" -> { text(o); return bool(closed(o)); }
            case "_CHUNK_SIZE" -> { text(o); return vm.newInt(chunk(o)); }
            case "_finalizing" -> { return bool(flag(o, FINALIZING)); }
            case "name" -> {
                text(o);
                long n = vm.str("name");
                try {
                    return vm.getAttr(get(o, BUFFER), n);
                } finally {
                    heap.decref(n);
                }
            }
            case "newlines" -> {
                Text t = text(o);
                if (!flag(o, READUNIVERSAL)) return none();
                String[] kinds = switch (t.seen) {
                    case 0 -> new String[0];
                    case 1 -> new String[] {"\n"};
                    case 2 -> new String[] {"\r"};
                    case 3 -> new String[] {"\r", "\n"};
                    case 4 -> new String[] {"\r\n"};
                    case 5 -> new String[] {"\n", "\r\n"};
                    case 6 -> new String[] {"\r", "\r\n"};
                    default -> new String[] {"\r", "\n", "\r\n"};
                };
                if (kinds.length == 0) return none();
                if (kinds.length == 1) return vm.str(kinds[0]);
                long tup = heap.tuples.alloc(kinds.length);
                for (int i = 0; i < kinds.length; i++) dev.refheap.object.TupleType.setItemSteal(tup, i, vm.str(kinds[i]));
                return tup;
            }
            default -> { return 0; }
        }
    }

    private long bufferCall(long o, String m) {
        text(o);
        return vm.callMethod(get(o, BUFFER), m);
    }

    void install() {
        defSlotWrapper("__init__", (s, a, o, n, kw) -> {
            init(s, a, o, n, kw);
            return none();
        });
        defMethod("write", (s, a, o, n, kw) -> {
            Params.unpack(vm, "write", n, kw, 1, 1);
            return vm.newInt(write(s, a[o]));
        });
        defMethod("read", (s, a, o, n, kw) -> {
            long[] p = Params.parse(vm, "read", new String[] {"size"}, 0, 1, 1, a, o, n, kw);
            long size = optSize(p[0]);
            text(s);
            checkClosed(s);
            if (get(s, DECODER) == 0) throw unsupported("not readable");
            heap.decref(vm.callMethod(s, "flush"));
            return vm.str(read(s, size));
        });
        defMethod("readline", (s, a, o, n, kw) -> {
            long[] p = Params.parse(vm, "readline", new String[] {"size"}, 0, 1, 1, a, o, n, kw);
            long size = p[0] == 0 ? -1 : Params.ssize(vm, p[0]);  // 3.11's TextIOWrapper.readline takes a Py_ssize_t, not None (read and truncate do)
            text(s);
            checkClosed(s);
            writeFlush(s);
            return vm.str(readline(s, size));
        });
        defSlotWrapper("__next__", (s, a, o, n, kw) -> {
            long line = nextOf(s);
            if (line == 0) throw vm.error("StopIteration", null);
            return line;
        });
        defMethod("flush", (s, a, o, n, kw) -> {
            text(s);
            checkClosed(s);
            writeFlush(s);
            return bufferCall(s, "flush");
        });
        defMethod("close", (s, a, o, n, kw) -> {
            text(s);
            if (closed(s)) return none();
            if (flag(s, FINALIZING)) {  // closed by its finalizer: the buffer's _dealloc_warn(self), its errors dropped
                try {
                    heap.decref(vm.callMethod(get(s, BUFFER), "_dealloc_warn", s));
                } catch (PyException e) {
                    heap.decref(e.exc());
                }
            }
            flushThenClose(s, get(s, BUFFER));
            return none();
        });
        for (String m : new String[] {"fileno", "seekable", "readable", "writable", "isatty"}) {
            defMethod(m, (s, a, o, n, kw) -> bufferCall(s, m));
        }
        defMethod("tell", (s, a, o, n, kw) -> {
            Text t = text(s);
            checkClosed(s);
            if (t.noTell) throw vm.error("OSError", "telling position disabled by next() call");
            heap.decref(vm.callMethod(s, "flush"));
            return vm.newInt(tell(s, t));
        });
        defMethod("seek", (s, a, o, n, kw) -> {
            long[] p = Params.parse(vm, "seek", new String[] {"cookie", "whence"}, 1, 2, 2, a, o, n, kw);
            Text t = text(s);
            checkClosed(s);
            int whence = p[1] == 0 ? 0 : (int) Params.ssize(vm, p[1]);
            long b = get(s, BUFFER);
            long cookieObj = p[0];
            if (whence == 1) {
                if ((!vm.isInt(p[0]) || Params.ssize(vm, p[0]) != 0)) throw unsupported("can't do nonzero cur-relative seeks");
                // seek(0, 1) is seek(self.tell()): the buffer synced with the logical position
                cookieObj = vm.callMethod(s, "tell");
                whence = 0;
            } else {
                vm.incref(cookieObj);
            }
            try {
                t.noTell = false;
                heap.decref(vm.callMethod(s, "flush"));
                if (whence == 2) {
                    if ((!vm.isInt(cookieObj) || Params.ssize(vm, cookieObj) != 0)) throw unsupported("can't do nonzero end-relative seeks");
                    resetDecoder(t);
                    t.seen = 0;  // decoder.reset(): the newlines seen are forgotten
                    t.snapInput = null;
                    // ... and a utf-16/32 decoder looks for its byte order mark again
                    if (!SINGLE_BYTE.contains(t.codec)) {
                        String family = family(s, t);
                        if (family.equals("utf-16") || family.equals("utf-32")) t.codec = family;
                    }
                    long zero = vm.newInt(0), two = vm.newInt(2);
                    try {
                        long r = vm.callMethod(b, "seek", zero, two);
                        try {
                            boolean start = Params.ssize(vm, r) == 0;
                            t.wroteBom = !start;  // the encoder: reset() at the start, setstate(0) elsewhere
                            t.bomRead = false;  // the decoder's reset(): utf-8-sig looks for its BOM again
                        } catch (PyException e) {
                            heap.decref(r);
                            throw e;
                        }
                        return r;
                    } finally {
                        heap.decref(zero);
                        heap.decref(two);
                    }
                }
                if (whence != 0) throw vm.error("ValueError", "invalid whence (" + whence + ", should be 0, 1 or 2)");
                if (vm.isFloat(cookieObj)) throw vm.error("TypeError", "an integer is required");
                java.math.BigInteger cookie = vm.isInt(cookieObj) ? vm.asIndex(cookieObj) : java.math.BigInteger.valueOf(Params.ssize(vm, cookieObj));
                if (cookie.signum() < 0) throw vm.error("ValueError", "negative seek position " + vm.repr(cookieObj));
                if (cookie.bitLength() > 168) throw vm.error("OverflowError", "int too big to convert");
                seekCookie(s, t, cookie);
                return vm.incref(cookieObj);
            } finally {
                heap.decref(cookieObj);
            }
        });
        defMethod("truncate", (s, a, o, n, kw) -> {
            long[] p = Params.parse(vm, "truncate", new String[] {"pos"}, 0, 1, 1, a, o, n, kw);
            text(s);
            heap.decref(vm.callMethod(s, "flush"));
            long b = get(s, BUFFER);
            return p[0] == 0 ? vm.callMethod(b, "truncate") : vm.callMethod(b, "truncate", p[0]);
        });
        defMethod("detach", (s, a, o, n, kw) -> {
            text(s);
            heap.decref(vm.callMethod(s, "flush"));
            long b = get(s, BUFFER);
            put(s, BUFFER, 0);
            setFlag(s, OK, false);
            setFlag(s, DETACHED, true);
            texts.remove(s);
            return b;
        });
        defMethod("reconfigure", (s, a, o, n, kw) -> {
            long[] p = Params.parse(vm, "reconfigure", RECONFIGURE, 0, 0, 0, a, o, n, kw);
            reconfigure(s, p[0] == 0 ? heap.None : p[0], p[1] == 0 ? heap.None : p[1], p[2], p[3] == 0 ? heap.None : p[3], p[4] == 0 ? heap.None : p[4]);
            return none();
        });
        defSlotWrapper("__repr__", (s, a, o, n, kw) -> {
            Params.unpack(vm, "__repr__", n, kw, 0, 0);
            return vm.str(reprOf(s));
        });
    }

    @Override
    public boolean isIteratorType() { return true; }

    @Override
    public long nextOf(long o) {
        Text t = text(o);
        t.noTell = true;
        String line = readline(o, -1);
        if (line.isEmpty()) {
            t.noTell = false;
            t.snapInput = null;  // textiowrapper_iternext at the end: the snapshot cleared, telling again
            return 0;
        }
        return vm.str(line);
    }

    @Override
    public String reprOf(long o) {
        // CHECK_INITIALIZED: a detached wrapper still has a repr
        if (!flag(o, OK) && !flag(o, DETACHED)) throw vm.error("ValueError", "I/O operation on uninitialized object");
        StringBuilder sb = new StringBuilder("<_io.TextIOWrapper");
        // Py_ReprEnter: a name or mode whose repr reaches this object again is refused, not recursed into
        if (vm.reprEnter(o) != 0) throw vm.error("RuntimeError", "reentrant call inside " + vm.heap.typeOf(o).name() + ".__repr__");
        try {
            return reprBody(o, sb);
        } finally {
            vm.reprLeave(o);
        }
    }

    private String reprBody(long o, StringBuilder sb) {
        long name;
        try {
            name = vm.getAttrOrNull(o, "name");
        } catch (PyException e) {
            // no name (AttributeError), or a detached buffer's ValueError: the repr goes on without it
            if (!vm.isInstance(e, "AttributeError") && !vm.isInstance(e, "ValueError")) throw e;
            heap.decref(e.exc());
            name = 0;
        }
        if (name != 0) {
            try {
                sb.append(" name=").append(vm.repr(name));
            } finally {
                heap.decref(name);  // released when its repr raises too
            }
        }
        long d = get(o, DICT);
        long mode = d == 0 ? 0 : heap.dicts.getItem(d, "mode");
        if (mode != 0) sb.append(" mode=").append(vm.repr(mode));
        sb.append(" encoding=").append(vm.repr(get(o, ENCODING))).append('>');
        return sb.toString();
    }
}
