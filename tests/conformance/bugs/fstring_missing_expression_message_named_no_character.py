# An f-string field with no expression before its '!', ':' or '=' is "expression required before
# '!'" (the character named); only a field with nothing before its '}' is "empty expression not allowed".
sources = [
    "f'{!r}'", "f'{ !r}'", "f'{!}'", "f'{!'", "f'{!s:'", "f'{!x}'", "f'{ !xr:a}'",
    "f'{:}'", "f'{ :!}'", "f'{:2}'", "f'{:'", "f'''{\t\f\r\n:a}'''",
    "f'{=}'", "f'{ =}'", "f'{ =:}'", "f'{   =!}'", "f'{='", "f'''{\t\f\r\n=}'''",
    "f'{}'", "f'{ }'", "f'{\t}'", "f'{'", "f'{ '", "f'x{ }y'", "f'{1:{}}'", "f'{1:{!r}}'",
]
for s in sources:
    try:
        compile(s, '<s>', 'eval')
        print(repr(s), 'compiled')
    except SyntaxError as e:
        print(repr(s), e.msg, e.lineno)
