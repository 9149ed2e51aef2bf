# Execution order of try / except / else / finally with and without an exception.
def run(fail):
    log = []
    try:
        log.append('try')
        if fail:
            raise ValueError('x')
    except ValueError:
        log.append('except')
    else:
        log.append('else')
    finally:
        log.append('finally')
    return log
print(run(False))
print(run(True))
