package digitlab.server;

import static digitlab.server.ModelRoutes.IMMUTABLE;
import static digitlab.server.ModelRoutes.NO_SUCH_MODEL;
import static digitlab.server.ModelRoutes.OCTET_STREAM;

import digitlab.server.models.ModelStore;
import digitlab.server.models.ModelStore.ModelInfo;
import io.javalin.http.Context;
import io.javalin.http.Header;
import io.javalin.http.HttpResponseException;
import io.javalin.http.HttpStatus;
import io.javalin.http.NotFoundResponse;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;

/**
 * {@code GET} and {@code HEAD /api/models/{id}}: the file streamed from the store, never held in memory, with a
 * strong ETag, 304 and single byte ranges (parsed by {@link HttpCaching#range}). Its hash is checked once per
 * stored version (see {@link VerifiedModels}).
 */
final class ModelDownload {
    private final ModelStore store;
    private final VerifiedModels verified;

    ModelDownload(ModelStore store, VerifiedModels verified) {
        this.store = store;
        this.verified = verified;
    }

    /** Runs on the download pool (see {@link ModelRoutes}). */
    void send(Context ctx, String id, boolean head) throws IOException {
        ModelInfo info = verified.info(id);
        String etag = '"' + id + '"';
        // Already dense floats: compressing gains little, and a strong ETag must name one exact body.
        ctx.disableCompression();
        ctx.header(Header.CACHE_CONTROL, IMMUTABLE);
        ctx.header(Header.ETAG, etag);
        if (HttpCaching.ifNoneMatchHits(ctx.header(Header.IF_NONE_MATCH), etag)) {
            ctx.status(HttpStatus.NOT_MODIFIED);
            return;
        }
        ctx.header(Header.ACCEPT_RANGES, "bytes");
        long[] range = HttpCaching.range(ctx.header(Header.RANGE), info.size());
        long start = 0;
        long length = info.size();
        if (range != null
                && (ctx.header(Header.IF_RANGE) == null
                        || ctx.header(Header.IF_RANGE).equals(etag))) {
            if (range.length == 0) {
                ctx.header(Header.CONTENT_RANGE, "bytes */" + info.size());
                throw new HttpResponseException(HttpStatus.RANGE_NOT_SATISFIABLE.getCode(), "range not satisfiable");
            }
            start = range[0];
            length = range[1] - range[0] + 1;
            ctx.status(HttpStatus.PARTIAL_CONTENT);
            ctx.header(Header.CONTENT_RANGE, "bytes " + range[0] + "-" + range[1] + "/" + info.size());
        }
        ctx.contentType(OCTET_STREAM);
        if (head) {
            ctx.res().setContentLengthLong(length);
            return;
        }
        try (InputStream in = store.open(id).orElseThrow(() -> new NotFoundResponse(NO_SUCH_MODEL))) {
            ctx.res().setContentLengthLong(length);
            in.skipNBytes(start);
            copy(in, ctx.res().getOutputStream(), length);
        }
    }

    /** Copies exactly {@code length} bytes (the stream is at least that long: its size was just read). */
    private static void copy(InputStream in, OutputStream out, long length) throws IOException {
        byte[] buf = new byte[64 * 1024];
        long left = length;
        while (left > 0) {
            int n = in.read(buf, 0, (int) Math.min(buf.length, left));
            if (n < 0) {
                throw new IOException("stored model ended early");
            }
            out.write(buf, 0, n);
            left -= n;
        }
        out.flush();
    }
}
