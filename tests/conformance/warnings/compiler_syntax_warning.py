# The compiler's SyntaxWarning goes through the warnings filters: shown before warnings is imported
# (each compile, no registry), recorded by catch_warnings, ignored, or made a SyntaxError by "error"
import sys, _warnings
src = "x = 5\nif x is 5:\n    pass\nassert (x, 'message')\n"
code = compile(src, '<literal is>', 'exec')
code = compile(src, '<literal is>', 'exec')
print(sys.modules.get('warnings') is None, len(_warnings._onceregistry))
import warnings
with warnings.catch_warnings(record=True) as log:
    warnings.simplefilter('always')
    compile(src, 'made_up_file.py', 'exec')
for w in log:
    print(w.category.__name__, w.message, w.filename, w.lineno, w.line)
print(type(log[0].message).__name__, log[0].message.args)
with warnings.catch_warnings():
    warnings.simplefilter('ignore', SyntaxWarning)
    compile(src, '<ignored>', 'exec')
with warnings.catch_warnings():
    warnings.simplefilter('error', SyntaxWarning)
    try:
        compile(src, '<as error>', 'exec')
    except SyntaxError as e:
        print(type(e).__name__, e.msg, e.filename, e.lineno, e.offset, e.end_lineno, e.end_offset, repr(e.text))
    try:
        eval('1 is 1')
    except SyntaxError as e:
        print(type(e).__name__, e.msg, e.filename, e.lineno, e.offset, e.end_offset)
with warnings.catch_warnings():
    warnings.filterwarnings('error', message='assertion', category=SyntaxWarning)
    try:
        compile(src, '<only the assert>', 'exec')
    except SyntaxError as e:
        print(type(e).__name__, e.msg, e.lineno)
