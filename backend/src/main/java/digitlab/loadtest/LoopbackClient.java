package digitlab.loadtest;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;

/**
 * Plain sockets to the server under test, each client bound to its own loopback address (127.0.0.2..) so that a
 * per-address cap applies as it would to that many real clients. Requests are written by hand and answers read by
 * {@link Response}: this keeps the client cheap next to the server it measures.
 */
final class LoopbackClient {
    private final String host;
    private final int port;
    private final int addresses;

    LoopbackClient(String host, int port, int addresses) {
        this.host = host;
        this.port = port;
        this.addresses = addresses;
    }

    /** POSTs a model file and returns the JSON answer's bytes; an IOException unless it is 200 or 201. */
    byte[] upload(byte[] model) throws IOException {
        try (Socket s = connect(0, 0)) {
            OutputStream w = s.getOutputStream();
            w.write(("POST /api/models HTTP/1.1\r\nHost: localhost\r\nContent-Type: application/octet-stream\r\n"
                            + "Content-Length: " + model.length + "\r\nConnection: close\r\n\r\n")
                    .getBytes(StandardCharsets.ISO_8859_1));
            w.write(model);
            w.flush();
            Response r = Response.read(new BufferedInputStream(s.getInputStream()), true);
            if (r.status != 200 && r.status != 201) {
                throw new IOException(
                        "upload answered " + r.status + ": " + new String(r.body, StandardCharsets.UTF_8));
            }
            return r.body;
        }
    }

    /** The body of one GET, on a connection of its own. */
    byte[] get(String path) throws IOException {
        try (Socket s = connect(0, 0)) {
            request(s.getOutputStream(), path, false);
            return Response.read(new BufferedInputStream(s.getInputStream()), true).body;
        }
    }

    /**
     * A connection from client number {@code client}'s address (0: the default address), with a receive buffer of
     * {@code receiveBuffer} bytes (0: the default) and a 30 s read timeout.
     */
    Socket connect(int client, int receiveBuffer) throws IOException {
        Socket s = new Socket();
        if (receiveBuffer > 0) {
            s.setReceiveBufferSize(receiveBuffer);
        }
        if (client > 0) {
            s.bind(new InetSocketAddress("127.0.0." + (2 + client % addresses), 0));
        }
        s.setSoTimeout(30_000);
        s.connect(new InetSocketAddress(host, port), 5_000);
        return s;
    }

    /** A connection for a timed probe: the default address and a 5 s read timeout, so a stuck server counts. */
    Socket probe() throws IOException {
        Socket s = new Socket();
        try {
            s.setSoTimeout(5_000);
            s.connect(new InetSocketAddress(host, port), 5_000);
            return s;
        } catch (IOException e) {
            closeQuietly(s);
            throw e;
        }
    }

    static void request(OutputStream w, String path, boolean gzip) throws IOException {
        w.write(("GET " + path + " HTTP/1.1\r\nHost: localhost\r\n" + (gzip ? "Accept-Encoding: gzip\r\n" : "")
                        + "\r\n")
                .getBytes(StandardCharsets.ISO_8859_1));
        w.flush();
    }

    static void closeQuietly(Socket s) {
        if (s != null) {
            try {
                s.close();
            } catch (IOException e) {
                // closing anyway
            }
        }
    }
}
