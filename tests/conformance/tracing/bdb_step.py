# A bdb.Bdb subclass stepping a program (how debuggers and Python Tutor drive sys.settrace):
# user_call/user_line/user_return for every frame of the program's own file, with the frame's
# locals at each line (bdb's own frames are left out: their line numbers are the library's)
import bdb, sys

def add(a, b):
    c = a + b
    return c

def main():
    x = add(1, 2)
    y = [add(i, i) for i in range(2)]
    return x, y

class Stepper(bdb.Bdb):
    def mine(self, frame):
        return frame.f_code.co_filename == __file__
    def user_call(self, frame, args):
        if self.mine(frame):
            print('call', frame.f_code.co_name, frame.f_lineno)
        self.set_step()
    def user_line(self, frame):
        if self.mine(frame):
            print('line', frame.f_code.co_name, frame.f_lineno, sorted(k for k in frame.f_locals if not k.startswith('.')))
        self.set_step()
    def user_return(self, frame, value):
        if self.mine(frame):
            print('return', frame.f_code.co_name, value)
        self.set_step()

print(Stepper().runcall(main))
print(sys.gettrace())
