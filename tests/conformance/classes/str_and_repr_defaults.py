# __str__ falls back to __repr__; a class with only __str__ keeps the default repr.
class R:
    def __repr__(self):
        return 'R-repr'
class S:
    def __str__(self):
        return 'S-str'
print(str(R()), repr(R()))
print(str(S()), repr(S()).startswith('<__main__.S object at 0x'))
print([S()][0].__str__())
