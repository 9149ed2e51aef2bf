# 3.11's C display (sys.excepthook, python3's uncaught exception) adds ". Did you mean: 'x'?" to exact NameError/AttributeError; the traceback module's text does not.
import sys, traceback


def hook(f):
    try:
        f()
    except BaseException:
        sys.excepthook(*sys.exc_info())


class Config:
    verbose = True
    Timeout = 3

    def run(self):
        pass


counter_value = 1

hook(lambda: prnt('x'))                       # builtins
hook(lambda: counter_valeu)                   # globals


def local_case():
    item_count = 2
    return item_cont


hook(local_case)                              # co_varnames first


def arg_case(alpha, beta):
    return alpah


hook(lambda: arg_case(1, 2))
hook(lambda: Config().verbos)                 # dir(obj)
hook(lambda: Config().rnu())                  # LOAD_METHOD
hook(lambda: Config.timeout)                  # case differs only
hook(lambda: sys.getrefcont)                  # a module
hook(lambda: (1).bit_lenght())
hook(lambda: Config().zzzzzzzz)               # nothing close enough
hook(lambda: Config().v)                      # too short to be close
hook(lambda: getattr(Config(), 'x' * 41))     # longer than 40


class Sub(AttributeError):
    pass


def raise_sub():
    raise Sub('verbos', name='verbos', obj=Config())


hook(raise_sub)                               # only the exact type


def unbound():
    valu = valu + 1


hook(unbound)                                 # UnboundLocalError: none
e = AttributeError('manual', name='verbos', obj=Config())
sys.excepthook(AttributeError, e, None)       # set by hand, no traceback needed
n = NameError('manual', name='counter_valeu')
sys.excepthook(NameError, n, None)            # a NameError needs its traceback's frame
big = type('Big', (), {'attr%d' % i: i for i in range(760)})
hook(lambda: big().attr1x)                    # 750 candidates or more: none
try:
    Config().verbos
except AttributeError:
    traceback.print_exc()                     # 3.11's traceback module: no suggestion
try:
    raise ExceptionGroup('eg', [NameError('name', name='counter_valeu')])
except ExceptionGroup:
    sys.excepthook(*sys.exc_info())
print('done')
sys.stdout.flush()
Config().verbos
