from . import a
B = 'b sees ' + a.A1
try:
    a.A2
except AttributeError as e:
    B_ERR = str(e)
