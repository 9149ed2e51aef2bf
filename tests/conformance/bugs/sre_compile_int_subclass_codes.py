# _sre.compile takes code words that are instances of an int subclass (PyLong_Check), as
# re._compiler passes re._constants' _NamedIntConstant opcodes; refheap refused them with
# "an integer is required", so re (and string, typing, json... that import it) did not import.
import re
print(re.findall(r'\d+', 'a1b22c333'), re.sub('a+', '-', 'caaab'), re.match(r'(?P<x>\w)(\w)', 'hi').groupdict())
print(re.split(',', 'a,b,c'), type(re.I).__name__, re.compile('x', re.I).flags & re.I == re.I)
