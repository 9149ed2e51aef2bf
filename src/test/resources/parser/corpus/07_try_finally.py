import sys


class ResourceError(Exception):
    pass


def risky(n):
    try:
        if n == 0:
            raise ValueError("zero")
        elif n == 1:
            raise ResourceError("one") from None
        elif n == 2:
            raise
        return 10 / n
    except (ValueError, ZeroDivisionError) as e:
        print("value error", e)
    except ResourceError:
        print("resource")
    except:
        print("other", sys.exc_info())
    else:
        print("no error")
    finally:
        print("cleanup")


try:
    pass
finally:
    del sys
