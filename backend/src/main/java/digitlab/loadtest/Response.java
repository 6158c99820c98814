package digitlab.loadtest;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.Locale;

/**
 * One HTTP/1.1 response: status, body length read, whether the server closes the connection. A minimal reader
 * (Content-Length, chunked, or to the end) so that the load test's client costs little next to the server.
 */
final class Response {
    int status;
    long length;
    boolean close;
    byte[] body;

    /** Reads one response; keeps the body only if {@code keep}, else counts and drops it. */
    static Response read(InputStream in, boolean keep) throws IOException {
        Response r = new Response();
        String statusLine = line(in);
        if (statusLine == null || !statusLine.startsWith("HTTP/1.")) {
            throw new IOException("no response");
        }
        r.status = Integer.parseInt(statusLine.substring(9, 12));
        long contentLength = -1;
        boolean chunked = false;
        for (String h; !(h = line(in)).isEmpty(); ) {
            String lower = h.toLowerCase(Locale.ROOT);
            if (lower.startsWith("content-length:")) {
                contentLength = Long.parseLong(lower.substring(15).trim());
            } else if (lower.startsWith("transfer-encoding:") && lower.contains("chunked")) {
                chunked = true;
            } else if (lower.startsWith("connection:") && lower.contains("close")) {
                r.close = true;
            }
        }
        ByteArrayOutputStream kept = keep ? new ByteArrayOutputStream() : null;
        byte[] buf = new byte[64 * 1024];
        if (chunked) {
            for (long size; (size = Long.parseLong(line(in).split(";")[0].trim(), 16)) > 0; ) {
                r.length += copy(in, size, buf, kept);
                line(in);
            }
            while (!line(in).isEmpty()) {
                // trailers
            }
        } else if (contentLength >= 0) {
            r.length = copy(in, contentLength, buf, kept);
        } else {
            r.close = true;
            r.length = copy(in, Long.MAX_VALUE, buf, kept);
        }
        r.body = kept == null ? null : kept.toByteArray();
        return r;
    }

    private static long copy(InputStream in, long n, byte[] buf, ByteArrayOutputStream kept) throws IOException {
        long left = n;
        while (left > 0) {
            int k = in.read(buf, 0, (int) Math.min(buf.length, left));
            if (k < 0) {
                if (n == Long.MAX_VALUE) {
                    break;
                }
                throw new IOException("body ended early");
            }
            if (kept != null) {
                kept.write(buf, 0, k);
            }
            left -= k;
        }
        return n == Long.MAX_VALUE ? Long.MAX_VALUE - left : n;
    }

    private static String line(InputStream in) throws IOException {
        StringBuilder sb = new StringBuilder();
        for (int c; (c = in.read()) != -1; ) {
            if (c == '\n') {
                int len = sb.length();
                return len > 0 && sb.charAt(len - 1) == '\r' ? sb.substring(0, len - 1) : sb.toString();
            }
            sb.append((char) c);
        }
        if (sb.length() == 0) {
            throw new IOException("connection closed");
        }
        return sb.toString();
    }
}
