registry = {}
_counter = 0


def register(name, obj):
    global _counter, registry
    _counter += 1
    registry[name] = obj


def reset():
    global registry
    registry = {}


if __name__ == "__main__":
    register("a", object())
    reset()
