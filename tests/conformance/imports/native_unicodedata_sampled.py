# Every property of every 97th code point (and the first 1,024), digested: Unicode 14.0.0's
# database as CPython 3.11 has it (test_unicodedata's checksum over a sample).
import hashlib
import unicodedata as U

h = hashlib.sha1()
names = hashlib.sha1()
count = 0
for i in list(range(1024)) + list(range(1024, 0x110000, 97)):
    if 0xDD800 <= i <= 0xDDFFF:
        continue
    c = chr(i)
    data = [format(U.digit(c, -1), '.12g'), format(U.numeric(c, -1), '.12g'), format(U.decimal(c, -1), '.12g'),
            U.category(c), U.bidirectional(c), U.decomposition(c), str(U.mirrored(c)), str(U.combining(c)),
            U.east_asian_width(c)]
    h.update(''.join(data).encode('ascii'))
    n = U.name(c, None)
    if n:
        names.update(n.encode('ascii'))
        assert U.lookup(n) == c, n
    count += 1
    for f in ('NFC', 'NFKD'):
        h.update(U.normalize(f, c).encode('utf-8', 'surrogatepass'))
print(count, h.hexdigest(), names.hexdigest())
