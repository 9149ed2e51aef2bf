# Random reads, tells and seeks over small files (newline kinds at chunk boundaries, chunk sizes
# down to one byte, BOM codecs): tell() is 3.11's cookie (a plain position unless the decoder held
# something there), seek() takes it back, and newlines is the decoder's record after each step.
import os, random, shutil, tempfile

d = tempfile.mkdtemp()
path = os.path.join(d, "f")
ENCS_A = ["utf-8", "utf-8", "latin-1", "utf-16-le", "utf-8-sig", "utf-16"]
ENCS_B = ["utf-16-be", "utf-32", "cp1252", "utf-8", "ascii"]
OPS = ["readline", "read", "tell", "seektell", "seek0", "saved", "readall", "next", "seekend"]


def run(seed, encs):
    rnd = random.Random(seed)
    pieces = ["a", "b", "\u00e9", "\u20ac", "\r", "\n", "\r\n", "xyz"]
    text = "".join(rnd.choice(pieces) for _ in range(rnd.randint(0, 60)))
    enc = rnd.choice(encs)
    try:
        data = text.encode(enc)
    except UnicodeEncodeError:
        enc = "utf-8"
        data = text.encode(enc)
    with open(path, "wb") as f:
        f.write(data)
    nl = rnd.choice([None, "", "\n", "\r", "\r\n"])
    log = [str(seed), enc, repr(nl)]
    try:
        with open(path, encoding=enc, newline=nl) as f:
            f._CHUNK_SIZE = rnd.choice([1, 2, 3, 5, 8, 8192])
            saved = []
            for _ in range(12):
                op = rnd.choice(OPS)
                if op == "readline": r = f.readline()
                elif op == "read": r = f.read(rnd.randint(0, 6))
                elif op == "readall": r = f.read()
                elif op == "tell": r = f.tell(); saved.append(r)
                elif op == "seektell": r = f.seek(f.tell())
                elif op == "seek0": r = f.seek(0)
                elif op == "saved": r = f.seek(saved[-1]) if saved else None
                elif op == "next": r = next(f, "EOF")
                else: r = f.seek(0, 2)
                log.append("%s=%r/%r" % (op, r, f.newlines))
    except Exception as e:
        log.append("EXC %s %s" % (type(e).__name__, e))
    print(" ".join(log))


for seed in list(range(250)) + [5038, 5066, 6224]:
    run(seed, ENCS_A)
for seed in list(range(250)) + [98, 400, 741]:
    run(seed, ENCS_B)
shutil.rmtree(d)
