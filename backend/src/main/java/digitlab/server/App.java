package digitlab.server;

import digitlab.server.models.DiskModelStore;
import digitlab.server.models.ModelStore;
import digitlab.server.models.S3ModelStore;
import io.javalin.Javalin;
import io.javalin.config.JavalinConfig;
import io.javalin.http.ContentType;
import io.javalin.http.Context;
import io.javalin.http.HandlerType;
import io.javalin.http.Header;
import io.javalin.http.HttpResponseException;
import io.javalin.http.HttpStatus;
import io.javalin.http.MethodNotAllowedResponse;
import io.javalin.http.staticfiles.Location;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Builds the web server from a {@link ServerConfig}; holds no state of its own. */
public final class App {
    private static final Logger LOG = LoggerFactory.getLogger(App.class);
    /** Where the packaged jar carries the web app (index.html, css/, js/, wasm/). */
    static final String CLASSPATH_STATIC = "/public";

    private static final byte[] HEALTHY = "{\"status\":\"ok\"}".getBytes(StandardCharsets.UTF_8);

    private App() {}

    /**
     * A configured, not yet started server over the model store {@code config} names. The store is closed when
     * the server stops. {@code config.dataDir()} must already hold a valid manifest
     * (see {@link digitlab.server.data.DataPreparer}).
     */
    public static Javalin create(ServerConfig config) throws IOException {
        ModelStore store = openStore(config);
        try {
            return create(config, store, true);
        } catch (IOException | RuntimeException e) {
            store.close();
            throw e;
        }
    }

    /** The model store {@code config} asks for; an S3 store is checked to be reachable. */
    public static ModelStore openStore(ServerConfig config) throws IOException {
        ModelStore store =
                switch (config.models().store()) {
                    case DISK -> new DiskModelStore(config.modelsDir());
                    case S3 -> S3ModelStore.open(config.models().s3());
                };
        LOG.info("models are stored in the {}", store.describe());
        return store;
    }

    /** A configured, not yet started server over {@code store}, which the caller closes. */
    public static Javalin create(ServerConfig config, ModelStore store) throws IOException {
        return create(config, store, false);
    }

    private static Javalin create(ServerConfig config, ModelStore store, boolean closeStoreOnStop) throws IOException {
        ModelOptions options = config.models();
        TransferLimits limits = config.transfers();
        Transfers downloads = new Transfers("download", limits.downloadThreads(), limits.queue(), limits.perClient());
        Transfers uploads = new Transfers("upload", limits.uploadThreads(), limits.queue(), limits.perClient());
        ShardRoutes shards = new ShardRoutes(config.dataDir(), downloads, options.trustProxy());
        // Per instance, like everything here in memory: see UploadRateLimiter.
        ModelRoutes models = new ModelRoutes(
                store,
                options,
                new UploadRateLimiter(options.uploadsPerMinute(), System::nanoTime),
                downloads,
                uploads,
                limits);
        return Javalin.create(c -> {
            c.jetty.host = config.host();
            c.jetty.port = config.port();
            c.startup.showJavalinBanner = false;
            c.startup.showOldJavalinVersionWarning = false;
            // The watcher is a non-daemon thread that keeps the JVM alive ~5 s after stop().
            c.startup.startupWatcherEnabled = false;
            c.events.serverStopped(downloads::close);
            c.events.serverStopped(uploads::close);
            if (closeStoreOnStop) {
                c.events.serverStopped(store::close);
            }
            // A blocked read or write that makes no progress for this long fails (stalled uploads, unread downloads).
            c.jetty.modifyHttpConfiguration(
                    http -> http.setIdleTimeout(limits.idleTimeout().toMillis()));
            // Transfers end by finishing or by the idle timeout, never by a total time limit.
            c.http.asyncTimeout = 0;
            // A known path with another method: 405 with Allow (see jsonErrors).
            c.http.prefer405over404 = true;
            c.bundledPlugins.enableGlobalHeaders(SecurityHeaders::apply);
            c.jetty.modifyServer(server -> server.setErrorHandler(new JettyErrors(SecurityHeaders.asMap())));
            // Javalin gzips responses but does not say so to caches; every route may be compressed.
            c.routes.before(ctx -> ctx.header(Header.VARY, Header.ACCEPT_ENCODING));
            staticFiles(c, config);
            c.routes.get("/healthz", App::health);
            c.routes.head("/healthz", App::health);
            // Bodies read through ctx.body() obey this too; the upload route reads the stream under the same limit.
            c.http.maxRequestSize = options.maxModelBytes();
            shards.register(c.routes);
            models.register(c.routes);
            jsonErrors(c);
        });
    }

    private static void health(Context ctx) {
        ctx.contentType(ContentType.APPLICATION_JSON);
        ctx.res().setContentLength(HEALTHY.length);
        if (ctx.method() != HandlerType.HEAD) {
            ctx.result(HEALTHY);
        }
    }

    private static void staticFiles(JavalinConfig c, ServerConfig config) {
        if (config.staticDir() == null && App.class.getResource(CLASSPATH_STATIC) == null) {
            // A build without the web app still serves data; Javalin would refuse to start instead.
            LOG.warn("no web app on the classpath under {}: serving data only", CLASSPATH_STATIC);
            return;
        }
        c.staticFiles.add(sf -> {
            sf.hostedPath = "/";
            if (config.staticDir() == null) {
                sf.directory = CLASSPATH_STATIC;
                sf.location = Location.CLASSPATH;
            } else {
                sf.directory = config.staticDir().toAbsolutePath().toString();
                sf.location = Location.EXTERNAL;
            }
            // Unhashed names (index.html, app.js): revalidate every time, answered by ETag/304.
            sf.headers = Map.of(Header.CACHE_CONTROL, "no-cache");
            // Precompression keeps whole files in memory and answers 404 above its size limit.
            sf.precompressMaxSize = 0;
        });
    }

    /** Every error is {"error": "..."}; unexpected exceptions are logged, never shown to the client. */
    private static void jsonErrors(JavalinConfig c) {
        c.routes.exception(MethodNotAllowedResponse.class, (e, ctx) -> {
            ctx.header(Header.ALLOW, allowed(e));
            ctx.status(HttpStatus.METHOD_NOT_ALLOWED).json(Map.of("error", "method not allowed"));
        });
        c.routes.exception(HttpResponseException.class, (e, ctx) -> ctx.status(e.getStatus())
                .json(Map.of("error", e.getMessage())));
        c.routes.exception(Exception.class, (e, ctx) -> {
            LOG.error("{} {} failed", ctx.method(), ctx.path(), e);
            ctx.status(500).json(Map.of("error", "internal server error"));
        });
    }

    /** The methods Javalin found for the path (its 405 lists them in the details), as an Allow header. */
    static String allowed(MethodNotAllowedResponse e) {
        String methods = String.valueOf(e.getDetails().getOrDefault("availableMethods", ""));
        return methods.replace("[", "").replace("]", "").replace(" ", "");
    }
}
