# warnings.warn: the message, category and source line from linecache, filters, catch_warnings
import warnings, sys
warnings.warn('first warning')
warnings.warn('a deprecation', DeprecationWarning)
def f():
    warnings.warn('from f', UserWarning, stacklevel=2)
f()
with warnings.catch_warnings(record=True) as w:
    warnings.simplefilter('always')
    warnings.warn('recorded', RuntimeWarning)
    warnings.warn('again', RuntimeWarning)
    print(len(w), w[0].category.__name__, str(w[0].message), w[0].lineno)
with warnings.catch_warnings():
    warnings.simplefilter('error')
    try:
        warnings.warn('as error')
    except UserWarning as e:
        print('raised', e)
warnings.filterwarnings('ignore', message='ignored')
warnings.warn('ignored here')
print(warnings.formatwarning('msg', UserWarning, 'file.py', 3, 'line text'))
