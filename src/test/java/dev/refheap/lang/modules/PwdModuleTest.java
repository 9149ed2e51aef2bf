package dev.refheap.lang.modules;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

/** pwd: root's entry through getpwnam and getpwuid, and the KeyError of an unknown name. */
class PwdModuleTest {
    @Test
    void rootIsUidZero() {
        assertEquals("root 0 7 True\n", NativeModuleRun.run("import pwd\nr = pwd.getpwnam('root')\n"
                + "print(r.pw_name, r.pw_uid, len(r), pwd.getpwuid(0) == r)\n"));
    }

    @Test
    void unknownNameIsAKeyError() {
        assertEquals("getpwnam(): name not found: 'no_such_user_zz'\n", NativeModuleRun.run("import pwd\n"
                + "try:\n    pwd.getpwnam('no_such_user_zz')\nexcept KeyError as e:\n    print(e.args[0])\n"));
    }
}
