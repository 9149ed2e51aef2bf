name = "refheap"
width = 10
value = 3.14159
print(f"hello {name}!")
print(f"{name!r:>{width}}|{value:.2f}|{value=}")
print(f"{name=!s} {width = } {{literal}} {'nested'}")
print(f"{x:{'>'}{width}}" if (x := 5) else "")
print(F"{3+4} and {[1, 2][0]} and {dict(a=1)['a']}")
print(rf"\d+{name}\n" f"more {value!a}" "plain")
msg = f"""multi
line {name
} text"""
s = f"{'a' if width else 'b'}{width:#x}{width:{'0'}{4}}"
e = f""
