# An exception in a finalizer that runs while the modules are cleared at exit is reported
# ("Exception ignored in: ...", with the File line but not the source line, whose reading needs
# an import) to sys.stderr: refheap looked sys up in sys.modules, emptied by then, and wrote nothing.
import subprocess, sys

code = """if 1:
    import struct

    class C:
        def __init__(self):
            self.pack = struct.pack
        def __del__(self):
            print('del', flush=True)
            self.pack('I', -42)

    struct.x = C()
    """
p = subprocess.run([sys.executable, '-c', code], capture_output=True, text=True)
print(p.returncode)
print(p.stdout, end='')
lines = p.stderr.splitlines()
print(lines[0].split(' at 0x')[0])
print(lines[1:])
