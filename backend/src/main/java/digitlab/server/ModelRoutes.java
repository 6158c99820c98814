package digitlab.server;

import com.fasterxml.jackson.databind.ObjectMapper;
import digitlab.core.model.Model;
import digitlab.core.model.ModelFormatException;
import digitlab.core.model.TrainingMetadata;
import digitlab.core.nn.Activation;
import digitlab.core.nn.Architecture;
import digitlab.core.nn.LayerGrammar;
import digitlab.server.models.ModelId;
import digitlab.server.models.ModelStore;
import digitlab.server.models.ModelStore.ModelInfo;
import digitlab.server.models.ModelStore.PutResult;
import digitlab.server.models.ModelStore.StoredModel;
import io.javalin.config.RoutesConfig;
import io.javalin.http.BadRequestResponse;
import io.javalin.http.ContentType;
import io.javalin.http.Context;
import io.javalin.http.HandlerType;
import io.javalin.http.Header;
import io.javalin.http.HttpResponseException;
import io.javalin.http.HttpStatus;
import io.javalin.http.NotFoundResponse;
import jakarta.servlet.ServletInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeoutException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The saved-model API.
 *
 * <ul>
 * <li>{@code POST /api/models}: body = a model file ({@code application/octet-stream}); validated completely,
 * stored under its content hash. 201 {@code {"id","url","bytes","created":true}} when new, 200 with
 * {@code "created":false} when that model was already stored. Errors: 400 invalid model or empty body,
 * 413 body over the limit, 415 other content type, 429 too many uploads (with Retry-After).
 * <li>{@code GET /api/models/{id}}: the file streamed from the store, immutable, strong ETag {@code "<id>"}, 304 on
 * If-None-Match, single byte ranges (206, 416). Its hash is checked once per stored version; a damaged one is 500
 * until an upload of the original replaces it.
 * <li>{@code GET /api/models/{id}/meta}: what the file says about itself, as JSON.
 * <li>{@code HEAD} on both answers what GET would, without the body.
 * </ul>
 * Upload bodies are read, and downloads written, on {@link Transfers} pools: at most a few per client address,
 * never on Jetty's threads. A stalled or trickled upload gets 408.
 * A malformed id gets the same 404 as an unknown one, before the store is asked. Only uploads are rate
 * limited per minute: the GETs are immutable and meant to be served from caches.
 */
final class ModelRoutes {
    private static final Logger LOG = LoggerFactory.getLogger(ModelRoutes.class);
    private static final ObjectMapper JSON = new ObjectMapper();
    static final String OCTET_STREAM = "application/octet-stream";
    /** A model id names one exact file forever. */
    static final String IMMUTABLE = ShardRoutes.IMMUTABLE;
    /** Meta is derived from the immutable file plus the store's timestamp. */
    static final String META_CACHE = "public, max-age=86400";

    static final String NO_SUCH_MODEL = "no such model";
    /** How long the rest of an over-limit upload is read and dropped before the connection is closed. */
    static final long DRAIN_MILLIS = 1_000;

    /** Beyond this many ids the verified-hash memory starts again (each entry is about 200 bytes). */
    static final int MAX_VERIFIED = 100_000;

    private final ModelStore store;
    private final ModelOptions options;
    private final UploadRateLimiter limiter;
    private final Transfers downloads;
    private final Transfers uploads;
    private final long uploadDeadlineNanos;
    /** id -> its meta JSON, for one stored version. */
    private final Map<String, Meta> metas = new ConcurrentHashMap<>();
    /** id -> the store's version of it whose content was hashed and matched the id. */
    private final Map<String, String> verified = new ConcurrentHashMap<>();
    /** One hash of a model at a time: 200 first requests for a new model hash it once, not 200 times. */
    private final Object[] verifyLocks = new Object[64];

    ModelRoutes(
            ModelStore store,
            ModelOptions options,
            UploadRateLimiter limiter,
            Transfers downloads,
            Transfers uploads,
            TransferLimits limits) {
        this.store = store;
        this.options = options;
        this.limiter = limiter;
        this.downloads = downloads;
        this.uploads = uploads;
        this.uploadDeadlineNanos = limits.uploadDeadline().toNanos();
        for (int i = 0; i < verifyLocks.length; i++) {
            verifyLocks[i] = new Object();
        }
    }

    void register(RoutesConfig routes) {
        routes.post("/api/models", this::upload);
        routes.get("/api/models/{id}", this::download);
        routes.head("/api/models/{id}", this::download);
        routes.get("/api/models/{id}/meta", this::meta);
        routes.head("/api/models/{id}/meta", this::meta);
    }

    private void upload(Context ctx) throws IOException {
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
        byte[] body = readAtMost(ctx, limit, uploadDeadlineNanos);
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
        store.stat(stored.id()).ifPresent(info -> remember(stored.id(), info));
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("id", stored.id());
        json.put("url", "/?model=" + stored.id());
        json.put("bytes", body.length);
        json.put("created", stored.created());
        ctx.header(Header.LOCATION, "/api/models/" + stored.id());
        ctx.status(stored.created() ? HttpStatus.CREATED : HttpStatus.OK).json(json);
    }

    /**
     * GET and HEAD: the file streamed from the store, never held in memory. Its hash is checked once per stored
     * version (see {@link #verifiedInfo}); the stream runs on the download pool, so a client that reads slowly or
     * not at all holds one of its threads (until the idle timeout), never one of Jetty's.
     */
    private void download(Context ctx) {
        String id = validId(ctx);
        boolean head = ctx.method() == HandlerType.HEAD;
        downloads.run(ctx, ClientAddress.of(ctx, options.trustProxy()), () -> {
            ModelInfo info = verifiedInfo(id);
            String etag = '"' + id + '"';
            // Already dense floats: compressing gains little, and a strong ETag must name one exact body.
            ctx.disableCompression();
            cacheHeaders(ctx, etag);
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
                    throw new HttpResponseException(
                            HttpStatus.RANGE_NOT_SATISFIABLE.getCode(), "range not satisfiable");
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
        });
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

    /**
     * The stored model's size and version after its content was checked against its id: hashed on upload, or
     * here the first time this version of the file or object is asked for. A damaged one is 500 until a re-upload
     * of the original replaces it (which gives it a new version).
     */
    private ModelInfo verifiedInfo(String id) throws IOException {
        ModelInfo info = store.stat(id).orElseThrow(() -> new NotFoundResponse(NO_SUCH_MODEL));
        if (info.version().equals(verified.get(id))) {
            return info;
        }
        synchronized (verifyLocks[Math.floorMod(id.hashCode(), verifyLocks.length)]) {
            info = store.stat(id).orElseThrow(() -> new NotFoundResponse(NO_SUCH_MODEL));
            if (info.version().equals(verified.get(id))) {
                return info;
            }
            String actual;
            try (InputStream in = store.open(id).orElseThrow(() -> new NotFoundResponse(NO_SUCH_MODEL))) {
                actual = ModelId.of(in);
            }
            if (!actual.equals(id)) {
                verified.remove(id);
                throw damaged(id);
            }
            remember(id, info);
            return info;
        }
    }

    private void remember(String id, ModelInfo info) {
        if (verified.size() >= MAX_VERIFIED) {
            verified.clear();
        }
        verified.put(id, info.version());
    }

    private HttpResponseException damaged(String id) {
        LOG.error(
                "stored model {} in {} does not match its hash: damaged (an upload of the original repairs it)",
                id,
                store.describe());
        return new HttpResponseException(HttpStatus.INTERNAL_SERVER_ERROR.getCode(), "stored model is damaged");
    }

    /**
     * GET and HEAD. The JSON is built once per stored version and kept (a few hundred bytes), so many requests for a
     * big model's meta read and parse it once; the first read runs on the download pool, bounded like downloads.
     */
    private void meta(Context ctx) {
        String id = validId(ctx);
        boolean head = ctx.method() == HandlerType.HEAD;
        downloads.run(ctx, ClientAddress.of(ctx, options.trustProxy()), () -> {
            ModelInfo info = store.stat(id).orElseThrow(() -> new NotFoundResponse(NO_SUCH_MODEL));
            Meta cached = metas.get(id);
            byte[] json;
            if (cached != null && cached.version().equals(info.version())) {
                json = cached.json();
            } else {
                json = JSON.writeValueAsBytes(metaJson(id));
                if (metas.size() >= MAX_VERIFIED) {
                    metas.clear();
                }
                metas.put(id, new Meta(info.version(), json));
            }
            ctx.header(Header.CACHE_CONTROL, META_CACHE);
            ctx.contentType(ContentType.APPLICATION_JSON);
            ctx.res().setContentLength(json.length);
            if (!head) {
                ctx.result(json);
            }
        });
    }

    /** A stored version's meta JSON. */
    private record Meta(String version, byte[] json) {}

    private Map<String, Object> metaJson(String id) throws IOException {
        StoredModel stored = load(id);
        Model model;
        try {
            model = Model.fromBytes(stored.bytes());
        } catch (ModelFormatException e) {
            // Validated before it was stored and checked against its hash just now: the decoder itself changed.
            LOG.error("stored model {} no longer decodes: {}", id, e.getMessage());
            throw new HttpResponseException(HttpStatus.INTERNAL_SERVER_ERROR.getCode(), "stored model cannot be read");
        }
        Architecture arch = model.architecture();
        List<String> activations = new ArrayList<>();
        for (Activation a : arch.hiddenActivations()) {
            activations.add(a.id());
        }
        TrainingMetadata training = model.metadata();
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("id", id);
        // Values per layer, input first (for a dense net its widths); spec and shapes say what the layers are.
        json.put("layers", arch.sizes());
        json.put("spec", LayerGrammar.format(arch.layers(), ','));
        List<String> shapes = new ArrayList<>();
        for (int l = 0; l < arch.layerCount(); l++) {
            shapes.add(arch.shape(l).toString());
        }
        json.put("shapes", shapes);
        json.put("activations", activations);
        json.put("loss", arch.loss().id());
        json.put("parameters", arch.parameterCount());
        json.put("epochs", training == null ? null : training.epochs());
        json.put("examplesSeen", training == null ? null : training.examplesSeen());
        json.put(
                "testAccuracy",
                training == null || Float.isNaN(training.testAccuracy()) ? null : training.testAccuracy());
        // The run that trained it (null for files from before settings were saved, or settings this version
        // cannot read), and what of the file's settings was not used.
        json.put("config", model.config() == null ? null : model.config().toQuery());
        json.put("settingsIssue", model.settingsIssue());
        json.put("bytes", stored.bytes().length);
        json.put("created", stored.created().truncatedTo(ChronoUnit.MILLIS).toString());
        return json;
    }

    /** The path's id, or 404 before any store access if it cannot be an id (traversal attempts included). */
    private static String validId(Context ctx) {
        String id = ctx.pathParam("id");
        if (!ModelId.isValid(id)) {
            throw new NotFoundResponse(NO_SUCH_MODEL);
        }
        return id;
    }

    /** The stored model, checked against its id so a damaged file or object is never served. */
    private StoredModel load(String id) throws IOException {
        StoredModel model = store.get(id).orElseThrow(() -> new NotFoundResponse(NO_SUCH_MODEL));
        if (!ModelId.of(model.bytes()).equals(id)) {
            verified.remove(id);
            throw damaged(id);
        }
        return model;
    }

    private static void cacheHeaders(Context ctx, String etag) {
        ctx.header(Header.CACHE_CONTROL, IMMUTABLE);
        ctx.header(Header.ETAG, etag);
    }

    /**
     * The body, or null as soon as it is longer than {@code limit}. Reads the raw stream, which works for chunked
     * bodies too (Javalin's own limit only applies to {@code ctx.body()}).
     */
    private static byte[] readAtMost(Context ctx, long limit, long deadlineNanos) {
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
     * {@code limit} bytes and for at most {@link #DRAIN_MILLIS}, never waiting on a stalled client: a client
     * that writes its whole body before it reads (java.net.http, a browser's fetch) would otherwise have the
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
