# An uncaught custom exception with a chained cause prints both tracebacks.
class ConfigError(Exception):
    pass
def load():
    try:
        int('not a number')
    except ValueError as e:
        raise ConfigError('bad config') from e
load()
