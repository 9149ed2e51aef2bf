# _opcode's docstrings and text signature are CPython's (reading them raised NotImplementedError)
import _opcode, dis, inspect
print(_opcode.__doc__)
print(_opcode.stack_effect.__doc__, _opcode.stack_effect.__text_signature__)
print(inspect.signature(dis.stack_effect))
print(_opcode.get_specialization_stats.__doc__)
