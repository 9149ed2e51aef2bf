if (n := len(data)) > 10:
    print(n)
while (chunk := read()) != b"":
    process(chunk)
values = [y := 1, y ** 2]
print(total := 5)
if any((m := x) > 3 for x in range(5)):
    pass
