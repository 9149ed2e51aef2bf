package dev.refheap.lang.modules;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import org.junit.jupiter.api.Test;

/** _socket: inet_aton's dotted forms, a socket pair's round trip and timeout, what is not written yet refused by name. */
class SocketModuleTest {
    @Test
    void inetAtonTakesInetAtonsShortAndRadixForms() {
        assertArrayEquals(new byte[] {1, 2, 3, 4}, SocketModule.inetAton("1.2.3.4"));
        assertArrayEquals(new byte[] {127, 0, 0, 1}, SocketModule.inetAton("127.1"));
        assertArrayEquals(new byte[] {10, 0, 1, 2}, SocketModule.inetAton("0x0a.258"));
        assertArrayEquals(new byte[] {8, 0, 0, 0}, SocketModule.inetAton("010.0.0.0"));
        assertNull(SocketModule.inetAton("1.2.3.256"));
        assertNull(SocketModule.inetAton("1..2"));
        assertNull(SocketModule.inetAton("a.b.c.d"));
    }

    @Test
    void aSocketPairCarriesBytesBothWays() {
        assertEquals("b'ping' b'pong' 1 1\n", NativeModuleRun.run("import socket\n"
                + "a, b = socket.socketpair()\n"
                + "a.sendall(b'ping'); x = b.recv(10); b.sendall(b'pong'); y = a.recv(10)\n"
                + "print(x, y, a.family, b.type); a.close(); b.close()\n"));
    }

    @Test
    void aTimeoutEndsAWaitWithTimeoutError() {
        assertEquals("TimeoutError timed out True\n", NativeModuleRun.run("import socket\n"
                + "a, b = socket.socketpair(); a.settimeout(0.01)\n"
                + "try:\n    a.recv(1)\nexcept TimeoutError as e:\n    print(type(e).__name__, e, e is not None)\n"
                + "a.close(); b.close()\n"));
    }

    @Test
    void resolverFunctionsNotWrittenYetAreRefusedByName() {
        assertEquals("refheap does not support _socket.gethostbyname yet\n", NativeModuleRun.run("import _socket\n"
                + "try:\n    _socket.gethostbyname('localhost')\nexcept NotImplementedError as e:\n    print(e)\n"));
    }
}
