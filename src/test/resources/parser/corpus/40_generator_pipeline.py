def read(lines):
    for line in lines:
        yield line.strip()


def parse(records):
    for r in records:
        if not r or r.startswith("#"):
            continue
        key, _, value = r.partition("=")
        yield key, value


def pipeline(src):
    yield from parse(read(src))


data = dict(pipeline(["a=1", "# c", "", "b=2"]))
lazy = (k.upper() for k, v in data.items() if v)
print(sorted(lazy))
