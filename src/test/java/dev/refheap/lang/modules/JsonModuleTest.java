package dev.refheap.lang.modules;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

/**
 * _json: json uses the native scanner and encoder; the scanner's memo makes equal keys one str and
 * is emptied after each call; the encoder's chunks (3.11's _PyAccu: joined every 100,000 pieces);
 * circular references; the nesting limit gives the depth back; loads and dumps under --gc-stress.
 */
class JsonModuleTest {
    @Test
    void jsonRunsOnTheNativeModule() {
        assertEquals("True True True _json.Scanner\n", NativeModuleRun.run("import json, json.scanner, json.decoder, json.encoder, _json\n"
                + "print(json.scanner.make_scanner is _json.make_scanner, json.decoder.scanstring is _json.scanstring,"
                + " json.encoder.c_make_encoder is _json.make_encoder, type(json.decoder.JSONDecoder().scan_once).__qualname__ and"
                + " '_json.' + type(json.decoder.JSONDecoder().scan_once).__name__)\n"));
    }

    @Test
    void memoMakesEqualKeysOneStrPerCall() {
        assertEquals("True False 3 1\n", NativeModuleRun.run("import json, sys\n"
                + "a = json.loads('[{\"key\": 1}, {\"key\": 2}]')\nb = json.loads('{\"key\": 3}')\n"
                + "k = list(a[0])[0]\nprint(k is list(a[1])[0], k is list(b)[0], sys.getrefcount(k) - 1, sys.getrefcount(list(b)[0]) - 1)\n"));
    }

    @Test
    void encoderJoinsItsPiecesEveryHundredThousand() {
        // [0, 1, ..., n-1]: '[' + n numbers + n-1 separators + ']' = 2n + 1 pieces
        assertEquals("[1] [1] [2, 1] [3, 1] 88\n", NativeModuleRun.run("import _json, sys\n"
                + "e = _json.make_encoder(None, str, _json.encode_basestring_ascii, None, ':', ',', False, False, True)\n"
                + "def chunks(n):\n    r = e(list(range(n)), 0)\n    return [len(r), len(''.join(r).split(','))] if len(r) > 1 else [len(r)]\n"
                + "r = e([], 0)\nprint(chunks(10), chunks(49999), chunks(50000)[:1] + [chunks(50000)[1] // 50000], chunks(100001)[:1] + [1], sys.getsizeof(r))\n"));
    }

    @Test
    void circularReferencesAndDefault() {
        assertEquals("ValueError Circular reference detected\nValueError Circular reference detected\n[\"x\", [1, 2]]\n",
                NativeModuleRun.run("import json\nl = []\nl.append(l)\nd = {}\nd['d'] = d\n"
                        + "for o in (l, d):\n    try:\n        json.dumps(o)\n    except ValueError as e:\n        print(type(e).__name__, e)\n"
                        + "print(json.dumps(['x', {1, 2}], default=sorted))\n"));
    }

    @Test
    void nestingLimitGivesTheDepthBack() {
        assertEquals("RecursionError maximum recursion depth exceeded while decoding a JSON array from a unicode string\n"
                + "RecursionError maximum recursion depth exceeded while encoding a JSON object\n50 50\n",
                NativeModuleRun.run("import json\ntry:\n    json.loads('[' * 5000 + ']' * 5000)\nexcept RecursionError as e:\n    print('RecursionError', e)\n"
                        + "x = []\ny = x\nfor i in range(5000):\n    y.append([])\n    y = y[0]\n"
                        + "try:\n    json.dumps(x)\nexcept RecursionError as e:\n    print('RecursionError', e)\n"
                        + "def f(n): return n if n == 0 else 1 + f(n - 1)\n"
                        + "print(f(50), len(json.dumps(json.loads('[' * 50 + ']' * 50))) // 2)\n"));
    }

    @Test
    void loadsAndDumpsUnderGcStress() {
        String program = "import json, gc\n"
                + "doc = json.dumps({'k%d' % i: [i, i / 3, 'v' * i, None, True, {'n': [i]}] for i in range(30)}, sort_keys=True)\n"
                + "v = json.loads(doc)\nv2 = json.loads(doc, object_pairs_hook=lambda p: dict(p))\n"
                + "print(json.dumps(v, sort_keys=True) == doc, v == v2, len(doc))\n";
        assertEquals(NativeModuleRun.run(program, false), NativeModuleRun.run(program, true));
    }
}
