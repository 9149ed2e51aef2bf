# bytes() takes its three parameters by keyword (source, encoding, errors) as 3.11's bytes_new
# does, with its checks: an encoding or errors without a str source, a str without an encoding.
# refheap refused any keyword ("bytes() takes no keyword arguments").
class B:
    def __bytes__(self): return b'B'
for args, kw in (((), {'source': b'ab'}), (('a',), {'encoding': 'ascii'}), ((), {'source': 'a\xe9', 'encoding': 'ascii', 'errors': 'replace'}),
                 (('a', 'ascii'), {'errors': 'strict'}), ((), {}), ((), {'encoding': 'ascii'}), ((), {'errors': 'strict'}),
                 ((b'a', 'ascii'), {}), ((b'a',), {'errors': 'strict'}), (('a',), {'errors': 'strict'}), (('a',), {}),
                 ((3,), {}), ((), {'source': 3}), ((B(),), {}), ((B(),), {'encoding': 'ascii'}), ((), {'x': 1}),
                 (('a',), {'source': 'b'}), (('a', 'ascii', 'strict', 'x'), {}), ((), {'source': [1, 2]}), ((memoryview(b'xy'),), {})):
    try:
        print(len(args), sorted(kw), bytes(*args, **kw))
    except Exception as e:
        print(len(args), sorted(kw), type(e).__name__, e)
