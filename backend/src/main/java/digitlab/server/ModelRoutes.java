package digitlab.server;

import digitlab.server.models.ModelId;
import digitlab.server.models.ModelStore;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import io.javalin.http.Handler;
import io.javalin.http.HandlerType;
import io.javalin.http.NotFoundResponse;

/**
 * The saved-model API: which path goes to which handler, and the facts the handlers share.
 *
 * <ul>
 * <li>{@code POST /api/models}: body = a model file ({@code application/octet-stream}); validated completely,
 * stored under its content hash. 201 {@code {"id","url","bytes","created":true}} when new, 200 with
 * {@code "created":false} when that model was already stored. Errors: 400 invalid model or empty body,
 * 413 body over the limit, 415 other content type, 429 too many uploads (with Retry-After). See {@link ModelUpload}.
 * <li>{@code GET /api/models/{id}}: the file streamed from the store, immutable, strong ETag {@code "<id>"}, 304 on
 * If-None-Match, single byte ranges (206, 416). Its hash is checked once per stored version; a damaged one is 500
 * until an upload of the original replaces it. See {@link ModelDownload} and {@link VerifiedModels}.
 * <li>{@code GET /api/models/{id}/meta}: what the file says about itself, as JSON. See {@link ModelMeta}.
 * <li>{@code HEAD} on both answers what GET would, without the body.
 * </ul>
 * Upload bodies are read, and downloads written, on {@link Transfers} pools: at most a few per client address,
 * never on Jetty's threads. A stalled or trickled upload gets 408 (see {@link UploadBody}).
 * A malformed id gets the same 404 as an unknown one, before the store is asked. Only uploads are rate
 * limited per minute: the GETs are immutable and meant to be served from caches.
 */
final class ModelRoutes {
    static final String OCTET_STREAM = "application/octet-stream";
    /** A model id names one exact file forever. */
    static final String IMMUTABLE = ShardRoutes.IMMUTABLE;
    /** Meta is derived from the immutable file plus the store's timestamp. */
    static final String META_CACHE = "public, max-age=86400";

    static final String NO_SUCH_MODEL = "no such model";
    /** How long the rest of an over-limit upload is read and dropped before the connection is closed. */
    static final long DRAIN_MILLIS = 1_000;

    /**
     * Beyond this many ids the verified-hash memory starts again (each entry is about 200 bytes); the meta cache
     * has the same bound.
     */
    static final int MAX_VERIFIED = 100_000;

    /** A GET or HEAD of one stored model, given its well-formed id; writes the answer (HEAD: without the body). */
    interface ModelRead {
        void send(Context ctx, String id, boolean head) throws Exception;
    }

    private final ModelUpload upload;
    private final ModelDownload download;
    private final ModelMeta meta;
    private final Transfers downloads;
    private final boolean trustProxy;

    ModelRoutes(
            ModelStore store,
            ModelOptions options,
            UploadRateLimiter limiter,
            Transfers downloads,
            Transfers uploads,
            TransferLimits limits) {
        // One memory of verified versions: an upload fills it, downloads and meta read it.
        VerifiedModels verified = new VerifiedModels(store);
        this.upload = new ModelUpload(store, verified, options, limiter, uploads, limits.uploadDeadline());
        this.download = new ModelDownload(store, verified);
        this.meta = new ModelMeta(store, verified);
        this.downloads = downloads;
        this.trustProxy = options.trustProxy();
    }

    void register(RoutesConfig routes) {
        routes.post("/api/models", upload::handle);
        routes.get("/api/models/{id}", onDownloadPool(download::send));
        routes.head("/api/models/{id}", onDownloadPool(download::send));
        routes.get("/api/models/{id}/meta", onDownloadPool(meta::send));
        routes.head("/api/models/{id}/meta", onDownloadPool(meta::send));
    }

    /**
     * Both reads run on the download pool, bounded per client address: a client that reads slowly or not at all
     * holds one of its threads (until the idle timeout), never one of Jetty's.
     */
    private Handler onDownloadPool(ModelRead read) {
        return ctx -> {
            String id = validId(ctx);
            boolean head = ctx.method() == HandlerType.HEAD;
            downloads.run(ctx, ClientAddress.of(ctx, trustProxy), () -> read.send(ctx, id, head));
        };
    }

    /** The path's id, or 404 before any store access if it cannot be an id (traversal attempts included). */
    private static String validId(Context ctx) {
        String id = ctx.pathParam("id");
        if (!ModelId.isValid(id)) {
            throw new NotFoundResponse(NO_SUCH_MODEL);
        }
        return id;
    }
}
