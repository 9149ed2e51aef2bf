def parse(text):
    try:
        return int(text)
    except ValueError as exc:
        raise TypeError(f"cannot parse {text!r}") from exc


def cleanup():
    try:
        try:
            parse("x")
        finally:
            print("inner finally")
    except TypeError as e:
        print(e.__cause__)
    except (KeyError, IndexError):
        pass
    finally:
        print("outer finally")


for attempt in range(3):
    try:
        cleanup()
    except Exception:
        continue
    else:
        break
