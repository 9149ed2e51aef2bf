# leading comment

# another

def f():
    # comment in body

    x = 1  # trailing

        # weirdly indented comment
    return x
# comment at end of block


class C:

    pass

    # trailing comment in class
