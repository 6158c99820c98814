package digitlab.server;

import static digitlab.server.ModelRoutes.OCTET_STREAM;

import digitlab.core.model.Model;
import digitlab.core.model.ModelFormatException;
import digitlab.server.models.ModelStore;
import digitlab.server.models.ModelStore.PutResult;
import io.javalin.http.BadRequestResponse;
import io.javalin.http.Context;
import io.javalin.http.Header;
import io.javalin.http.HttpStatus;
import java.io.IOException;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * {@code POST /api/models}: checks the client's rate, the content type and the declared size on Jetty's thread,
 * then reads the body (see {@link UploadBody}) on the upload pool, validates the model completely and stores it
 * under its content hash.
 */
final class ModelUpload {
    private final ModelStore store;
    private final VerifiedModels verified;
    private final ModelOptions options;
    private final UploadRateLimiter limiter;
    private final Transfers uploads;
    private final long deadlineNanos;

    ModelUpload(
            ModelStore store,
            VerifiedModels verified,
            ModelOptions options,
            UploadRateLimiter limiter,
            Transfers uploads,
            Duration deadline) {
        this.store = store;
        this.verified = verified;
        this.options = options;
        this.limiter = limiter;
        this.uploads = uploads;
        this.deadlineNanos = deadline.toNanos();
    }

    void handle(Context ctx) {
        // Order matters: each check is cheaper than the next, and nothing is read before the size is known to fit.
        long retryAfter = limiter.acquire(ClientAddress.of(ctx, options.trustProxy()));
        if (retryAfter > 0) {
            ctx.header(Header.RETRY_AFTER, Long.toString(retryAfter));
            error(
                    ctx,
                    HttpStatus.TOO_MANY_REQUESTS,
                    "too many uploads from this address: retry in " + retryAfter + " s");
            return;
        }
        if (!OCTET_STREAM.equals(mediaType(ctx.header(Header.CONTENT_TYPE)))) {
            error(ctx, HttpStatus.UNSUPPORTED_MEDIA_TYPE, "send the model file as " + OCTET_STREAM);
            return;
        }
        long limit = options.maxModelBytes();
        long declared = ctx.req().getContentLengthLong();
        if (declared > limit) {
            tooLarge(ctx, limit);
            return;
        }
        // Reading the body may take a while (a slow link, or a client trickling it): not on Jetty's threads.
        uploads.run(ctx, ClientAddress.of(ctx, options.trustProxy()), () -> store(ctx, limit));
    }

    private void store(Context ctx, long limit) throws IOException {
        byte[] body = UploadBody.readAtMost(ctx, limit, deadlineNanos);
        if (body == null) {
            tooLarge(ctx, limit);
            return;
        }
        if (body.length == 0) {
            throw new BadRequestResponse("empty body: send a model file");
        }
        Model model;
        try {
            model = Model.fromBytes(body);
        } catch (ModelFormatException e) {
            // The decoder's messages describe the uploaded bytes only (sizes, codes, offsets), never the server.
            throw new BadRequestResponse("invalid model: " + e.getMessage());
        }
        String mismatch = model.mnistMismatch();
        if (mismatch != null) {
            throw new BadRequestResponse("invalid model: " + mismatch);
        }
        PutResult stored = store.put(body);
        // Hashed just now (that is its id): the first download need not hash it again.
        store.stat(stored.id()).ifPresent(info -> verified.remember(stored.id(), info));
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("id", stored.id());
        json.put("url", "/?model=" + stored.id());
        json.put("bytes", body.length);
        json.put("created", stored.created());
        ctx.header(Header.LOCATION, "/api/models/" + stored.id());
        ctx.status(stored.created() ? HttpStatus.CREATED : HttpStatus.OK).json(json);
    }

    private static void tooLarge(Context ctx, long limit) {
        // The unread rest of the body is not worth waiting for: tell the client the connection ends here.
        ctx.header(Header.CONNECTION, "close");
        error(ctx, HttpStatus.CONTENT_TOO_LARGE, "model file too large: the limit is " + limit + " bytes");
    }

    private static void error(Context ctx, HttpStatus status, String message) {
        ctx.status(status).json(Map.of("error", message));
    }

    /** {@code application/octet-stream; foo=bar} -> {@code application/octet-stream}; null if missing. */
    static String mediaType(String contentType) {
        if (contentType == null) {
            return null;
        }
        int semi = contentType.indexOf(';');
        return (semi < 0 ? contentType : contentType.substring(0, semi)).trim().toLowerCase(Locale.ROOT);
    }
}
