# subprocess over _posixsubprocess.fork_exec (posix_spawn in refheap): pipes, input, text mode,
# return codes and signals, cwd, env, the error pipe's FileNotFoundError, os.system, os.popen,
# and close_fds leaving the child only 0, 1, 2 and its own listing descriptor
import os
import subprocess
import tempfile

tmp = tempfile.mkdtemp()
for name, mode in [('noexec', 0o644), ('garbage', 0o755)]:
    with open(os.path.join(tmp, name), 'wb') as f:
        f.write(b'\x00\x01 not a program')
    os.chmod(os.path.join(tmp, name), mode)

r = subprocess.run(['echo', 'hello'], capture_output=True, text=True)
print(r)
print(subprocess.check_output(['tr', 'a-z', 'A-Z'], input=b'abc\n'))
r = subprocess.run(['cat'], input='x' * 100000, capture_output=True, text=True)
print(len(r.stdout), r.returncode)
for args, kw in [(['/nonexistent/prog'], {}), (['nonexistent-prog-xyz'], {}), (['ls'], {'cwd': '/nonexistent-dir'}),
                 ([os.path.join(tmp, 'noexec')], {}), ([os.path.join(tmp, 'garbage')], {}),
                 (['ls'], {'cwd': os.path.join(tmp, 'garbage')})]:
    try:
        subprocess.run(args, **kw)
    except OSError as e:
        print(type(e).__name__, e.errno, e.strerror, os.path.basename(e.filename))
print(subprocess.run('exit 3', shell=True).returncode)
print(subprocess.run(['sh', '-c', 'kill -9 $$']).returncode)
print(subprocess.run(['pwd'], cwd='/tmp', stdout=subprocess.PIPE).stdout)
print(subprocess.run(['sh', '-c', 'echo out; echo err >&2'], stdout=subprocess.PIPE, stderr=subprocess.STDOUT).stdout)
r = subprocess.run(['sh', '-c', 'echo out; echo err >&2'], capture_output=True)
print(r.stdout, r.stderr)
p = subprocess.Popen(['sleep', '5'])
try:
    p.communicate(timeout=0.2)
except subprocess.TimeoutExpired as e:
    print('timeout', e.cmd)
p.kill()
print(p.wait(), p.returncode)
r = subprocess.run(['sh', '-c', 'echo $FOO'], env={'FOO': 'bar', 'PATH': os.environ['PATH']}, capture_output=True)
print(r.stdout)
os.environ['I9S_TEST'] = 'putenv reaches children'
print(subprocess.run(['sh', '-c', 'echo $I9S_TEST'], capture_output=True).stdout)
print(os.system('exit 2'), os.waitstatus_to_exitcode(os.system('exit 2')))
with os.popen('echo popen') as f:
    print(f.read())
try:
    subprocess.check_call(['false'])
except subprocess.CalledProcessError as e:
    print(e)
r = subprocess.run(['sh', '-c', 'ls /proc/self/fd'], capture_output=True, text=True)
print(r.stdout.split())
r, w = os.pipe()
os.set_inheritable(w, True)
p = subprocess.Popen(['sh', '-c', 'echo passed > /dev/fd/%d' % w], pass_fds=[w])
os.close(w)
print(p.wait(), os.read(r, 100))
os.close(r)
print(subprocess.getoutput('echo hi; exit 1'), subprocess.getstatusoutput('exit 4'))
with subprocess.Popen(['cat'], stdin=subprocess.PIPE, stdout=subprocess.PIPE) as p:
    out, err = p.communicate(b'line1\nline2\n')
print(out, err, p.returncode)
p = subprocess.Popen(['sleep', '10'], start_new_session=True)
print(os.getsid(p.pid) == p.pid, os.getpgid(p.pid) == p.pid)
p.terminate()
print(p.wait())
try:
    os.waitpid(os.getpid(), 0)
except ChildProcessError as e:
    print(type(e).__name__, e.errno)
for name in os.listdir(tmp):
    os.unlink(os.path.join(tmp, name))
os.rmdir(tmp)
