total = 1 + \
    2 + \
    3
if total > 1 and \
   total < 10:
    print("ok")
s = "abc\
def"
x = [1,
     2,
     3]
y = (1 +
     2)
z = {
    "a": 1,
    # comment inside
    "b": 2,
}
