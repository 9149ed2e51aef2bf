# except* with else and finally: else runs when nothing was raised, finally always; exc_info inside handlers.
import sys

def run(fail):
    try:
        if fail:
            raise ExceptionGroup("eg", [ValueError("v")])
        print("body ok")
    except* ValueError as e:
        print("handler sees", repr(sys.exc_info()[1]), sys.exc_info()[1] is e)
    else:
        print("else")
    finally:
        print("finally")
    print("after: exc_info", sys.exc_info())

run(False)
run(True)
