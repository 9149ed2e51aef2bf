package dev.refheap.lang.modules;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

/** posix.Spawn: _posixsubprocess.fork_exec over posix_spawn, os.system, os.waitpid; what needs code in the child is refused by name. */
class SpawnTest {
    @Test
    void runCapturesAChildsOutputAndExitStatus() {
        assertEquals("b'hi\\n' 3\n", NativeModuleRun.run("import subprocess\n"
                + "r = subprocess.run(['sh', '-c', 'echo hi; exit 3'], capture_output=True)\nprint(r.stdout, r.returncode)\n"));
    }

    @Test
    void aMissingExecutableIsFileNotFoundErrorThroughTheErrorPipe() {
        assertEquals("FileNotFoundError 2 /no/such/program\n", NativeModuleRun.run("import subprocess\n"
                + "try:\n    subprocess.run(['/no/such/program'])\nexcept OSError as e:\n    print(type(e).__name__, e.errno, e.filename)\n"));
    }

    @Test
    void systemReturnsAWaitStatus() {
        assertEquals("1792\n", NativeModuleRun.run("import os\nprint(os.system('exit 7'))\n"));
    }

    @Test
    void preexecFnAndUmaskAreRefusedByName() {
        String out = NativeModuleRun.run("import subprocess\n"
                + "for kw in ({'preexec_fn': print}, {'umask': 0o22}):\n"
                + "    try:\n        subprocess.run(['true'], **kw)\n    except NotImplementedError as e:\n"
                + "        print(str(e).startswith('refheap does not support'), list(kw)[0] in str(e))\n");
        assertEquals("True True\nTrue True\n", out);
    }

    @Test
    void forkExecChecksItsArgumentCount() {
        assertEquals("fork_exec() takes exactly 23 arguments (1 given)\n", NativeModuleRun.run("import _posixsubprocess\n"
                + "try:\n    _posixsubprocess.fork_exec(1)\nexcept TypeError as e:\n    print(e)\n"));
    }

    @Test
    void waitpidOnANonChildIsChildProcessError() {
        assertEquals("ChildProcessError\n", NativeModuleRun.run("import os\n"
                + "try:\n    os.waitpid(os.getpid(), 0)\nexcept OSError as e:\n    print(type(e).__name__)\n"));
    }
}
