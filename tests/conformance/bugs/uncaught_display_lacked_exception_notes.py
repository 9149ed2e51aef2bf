# The uncaught display (print_exception_notes) shows an exception group's and its members' notes
# in the group's margin, a note whose str() raises as "<note str() failed>" without the margin.
g = ExceptionGroup('eg', [ValueError('m'), TypeError('t')])
g.add_note('group note\nsecond line')
g.exceptions[0].add_note('member note')
class N:
    def __str__(self): raise RuntimeError
h = KeyError('k'); h.__notes__ = [N(), 'ok']
g2 = ExceptionGroup('outer', [g, h])
raise g2
