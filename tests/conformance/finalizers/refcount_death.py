# __del__ runs synchronously when the refcount hits zero, before the next statement.
class A:
    def __init__(self, n):
        self.n = n
    def __del__(self):
        print('finalize', self.n)
def f():
    a = A('local')
    print('leaving f')
f()
print('after f')
A('temporary')
print('after temporary')
x = [A('in list')]
x.pop()
print('after pop')
