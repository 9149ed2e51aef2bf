"""Writes, for each builtin type with subclasses in the builtins module, those subclasses in the
order CPython 3.11's type.__subclasses__() lists them (the order the interpreter readied them).

Run with python3 (CPython 3.11): python3 -I scripts/builtin_subclasses.py > \
    src/main/resources/dev/refheap/lang/vm/builtin-subclasses.txt
refheap lists these before the subclasses a program makes (Subclasses.list). A line ending in
' *' names a type that also has subclasses outside the builtins module at start-up (object,
tuple: the interpreter's own types and struct sequences; builtin_function_or_method: builtin_method),
which refheap lists from the types it registered, in this order (Subclasses.interpreterSubclasses).
"""
import builtins
import sys

OUTSIDE = {object, tuple, type(len)}  # type(len): builtin_function_or_method, whose builtin_method is no builtins name
named = [(name, t) for name, t in vars(builtins).items() if isinstance(t, type) and t.__name__ == name]
for name, t in named + [('builtin_function_or_method', type(len))]:
    subs = [c.__name__.replace(' ', '_') for c in type.__subclasses__(t) if c.__module__ == 'builtins']  # 'symtable entry' as symtable_entry
    if subs or t in OUTSIDE:
        sys.stdout.write(' '.join([name] + subs + (['*'] if t in OUTSIDE else [])) + '\n')
