# Bug: a class's __new__ was never called (the instance was made by object's), so a __new__
# that returned another object or counted instances was silently skipped.
class Counted:
    made = 0

    def __new__(cls):
        cls.made += 1
        return super().__new__(cls)


Counted()
Counted()
print(Counted.made)


class Other:
    def __new__(cls):
        return "not an instance"


print(Other())
