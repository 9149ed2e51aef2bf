# Shapes from the standard library that once tripped the parser.
def convert(node):
    if isinstance(node, list):
        return node
    elif (isinstance(node, tuple) and
          len(node) == 2):
        return set()
    return None


def trailing_semicolon(self):
    self.check(1);


msg = f"{self.__class__.__name__,}({w._w})"
joined = 'abc' f'{x}' 'gh' f'i{x:4}'
tiny = 5e-324
