# csv.py over _csv: writer options, dialect registry, DictReader/DictWriter, Sniffer
import csv, _csv, io
data = 'name,age\nann,3\n"bob, jr",40\n'
s=io.StringIO(); w=csv.writer(s, quoting=_csv.QUOTE_NONNUMERIC); w.writerow(['a', 1, 2.5, True, None, 'x,y']); print(repr(s.getvalue()))
s=io.StringIO(); w=csv.writer(s, quoting=_csv.QUOTE_NONE, escapechar='\\'); w.writerow(['a,b', 'c"d', 'e\\f']); print(repr(s.getvalue()))
s=io.StringIO(); w=csv.writer(s, quoting=_csv.QUOTE_ALL, doublequote=False, escapechar='!'); w.writerow(['a"b', 'c']); print(repr(s.getvalue()))
print(sorted(csv.list_dialects()))
csv.register_dialect('pipes', delimiter='|', quoting=_csv.QUOTE_NONE)
print(list(csv.reader(['a|b|c'], 'pipes')), csv.get_dialect('pipes').delimiter)
csv.unregister_dialect('pipes')
print(list(csv.DictReader(io.StringIO(data))))
out = io.StringIO(); dw = csv.DictWriter(out, ['x', 'y']); dw.writeheader(); dw.writerow({'x': 1, 'y': 'q"q'}); print(repr(out.getvalue()))
print(csv.Sniffer().sniff('a;b;c\n1;2;3\n').delimiter, csv.Sniffer().has_header(data))
