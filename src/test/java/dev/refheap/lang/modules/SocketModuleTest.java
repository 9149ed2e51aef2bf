package dev.refheap.lang.modules;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import org.junit.jupiter.api.Test;

/** _socket: inet_aton's dotted forms, the socket module importing over it, networking refused by name. */
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
    void socketImportsAndCreatingOneIsRefusedByName() {
        assertEquals("2 refheap does not support sockets yet (_socket.socket)\n", NativeModuleRun.run("import socket\n"
                + "try:\n    socket.socket()\nexcept NotImplementedError as e:\n    print(socket.AF_INET, e)\n"));
    }

    @Test
    void resolverFunctionsAreRefusedByName() {
        assertEquals("refheap does not support sockets yet (_socket.getaddrinfo)\n", NativeModuleRun.run("import _socket\n"
                + "try:\n    _socket.getaddrinfo('localhost', 80)\nexcept NotImplementedError as e:\n    print(e)\n"));
    }
}
