# A captured object lives as long as some closure over it lives.
class Tracked:
    def __del__(self):
        print('captured object freed')
def make():
    t = Tracked()
    def use():
        return t
    return use
f = make()
print('made closure')
g = f
del f
print('one closure name left')
del g
print('end')
