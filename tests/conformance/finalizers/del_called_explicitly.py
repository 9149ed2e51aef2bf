# Calling __del__ by hand is an ordinary call: the object lives on and is finalized again when it dies.
class A:
    def __del__(self):
        print('__del__ runs')
a = A()
a.__del__()
print('after explicit call')
del a
print('end')
