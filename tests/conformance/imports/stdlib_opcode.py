# opcode from CPython's library: 3.11's opcode numbers (refheap's bytecode is the same)
import opcode
print(opcode.opmap['LOAD_CONST'], opcode.opmap['RETURN_VALUE'], opcode.opname[100], opcode.HAVE_ARGUMENT)
print(opcode.opmap['BINARY_OP'], opcode.opmap['CALL'], opcode.opmap['PRECALL'])
