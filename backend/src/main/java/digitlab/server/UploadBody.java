package digitlab.server;

import static digitlab.server.ModelRoutes.DRAIN_MILLIS;

import io.javalin.http.BadRequestResponse;
import io.javalin.http.Context;
import io.javalin.http.Header;
import io.javalin.http.HttpResponseException;
import io.javalin.http.HttpStatus;
import jakarta.servlet.ServletInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.concurrent.TimeoutException;

/**
 * Reads an upload's body within a size limit and a deadline: 408 for a stalled or trickled body, and after an
 * over-limit one, a short drain so the client sees the 413.
 */
final class UploadBody {
    private UploadBody() {}

    /**
     * The body, or null as soon as it is longer than {@code limit}. Reads the raw stream, which works for chunked
     * bodies too (Javalin's own limit only applies to {@code ctx.body()}).
     */
    static byte[] readAtMost(Context ctx, long limit, long deadlineNanos) {
        long deadline = System.nanoTime() + deadlineNanos;
        long declared = ctx.req().getContentLengthLong();
        // A declared length may be a lie: start small and let the buffer grow with what really arrives.
        ByteArrayOutputStream out = new ByteArrayOutputStream((int) Math.min(Math.max(declared, 1024), 1 << 20));
        byte[] buf = new byte[64 * 1024];
        long total = 0;
        try (ServletInputStream in = ctx.req().getInputStream()) {
            for (int n; (n = in.read(buf)) != -1; ) {
                total += n;
                if (System.nanoTime() - deadline > 0) {
                    throw stalled(ctx, "the upload took longer than " + deadlineNanos / 1_000_000_000L + " s");
                }
                if (total > limit) {
                    discardRest(in, buf, limit);
                    return null;
                }
                out.write(buf, 0, n);
            }
        } catch (IOException e) {
            if (isTimeout(e)) {
                throw stalled(ctx, "no data arrived for too long");
            }
            // The client went away or sent a broken body: nothing to store, nothing of ours to report.
            throw new BadRequestResponse("the request body could not be read");
        }
        return out.toByteArray();
    }

    /**
     * Reads and drops what a client is still sending after its body went over the limit, up to another
     * {@code limit} bytes and for at most {@link ModelRoutes#DRAIN_MILLIS}, never waiting on a stalled client: a
     * client that writes its whole body before it reads (java.net.http, a browser's fetch) would otherwise have the
     * connection reset under it and never see the 413. A longer or slower body is cut off.
     */
    private static void discardRest(ServletInputStream in, byte[] buf, long limit) throws IOException {
        long deadline = System.nanoTime() + DRAIN_MILLIS * 1_000_000L;
        long discarded = 0;
        while (discarded <= limit && !in.isFinished() && System.nanoTime() < deadline) {
            int available = in.available();
            if (available > 0) {
                int n = in.read(buf, 0, Math.min(available, buf.length));
                if (n < 0) {
                    return;
                }
                discarded += n;
            } else {
                try {
                    Thread.sleep(5);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return;
                }
            }
        }
    }

    /** 408: the rest of the body will not be read, so the connection ends with this answer. */
    private static HttpResponseException stalled(Context ctx, String why) {
        ctx.header(Header.CONNECTION, "close");
        return new HttpResponseException(HttpStatus.REQUEST_TIMEOUT.getCode(), "upload too slow: " + why);
    }

    /** Jetty reports an idle timeout as an IOException caused by a TimeoutException. */
    private static boolean isTimeout(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof TimeoutException || t instanceof java.net.SocketTimeoutException) {
                return true;
            }
        }
        return false;
    }
}
