package com.quickeats.bootstrap;

import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.net.Socket;
import java.nio.charset.StandardCharsets;

/**
 * A login to PostgreSQL that offers no password, spoken on the wire (no driver that might refuse on its own):
 * what the server answers it is what any local user without the password would get.
 */
final class PostgresLogin {
    /** PostgreSQL's AuthenticationOk: the server let the caller in without asking anything. */
    static final int LET_IN = 0;
    /** The server answered with an error (no rule admits the caller). */
    static final int ERROR = -1;

    private PostgresLogin() {
    }

    /** The server's first answer to a login as {@code user}: {@link #LET_IN}, {@link #ERROR} or what it asks for. */
    static int withoutPassword(int port, String user, String database) throws IOException {
        try (Socket socket = new Socket("127.0.0.1", port)) {
            socket.setSoTimeout(5_000);
            ByteArrayOutputStream parameters = new ByteArrayOutputStream();
            for (String text : new String[] {"user", user, "database", database, ""}) {
                parameters.write(text.getBytes(StandardCharsets.UTF_8));
                parameters.write(0);
            }
            DataOutputStream out = new DataOutputStream(socket.getOutputStream());
            out.writeInt(8 + parameters.size());
            out.writeInt(3 << 16); // protocol 3.0
            parameters.writeTo(out);
            out.flush();

            DataInputStream in = new DataInputStream(socket.getInputStream());
            byte type = in.readByte();
            in.readInt(); // length
            return switch (type) {
                case 'R' -> in.readInt();
                case 'E' -> ERROR;
                default -> throw new IOException("unexpected message type " + (char) type);
            };
        }
    }
}
