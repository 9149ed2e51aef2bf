# a plain module the imports programs load
counter = 0
def f(x):
    return x * 2
class Thing:
    pass
if __name__ == '__main__':
    print('never printed on import')
counter += 1
