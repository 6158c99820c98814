package digitlab.server;

import digitlab.server.data.DataPreparer;
import digitlab.server.data.Manifest;
import io.javalin.config.RoutesConfig;
import io.javalin.http.ContentType;
import io.javalin.http.Context;
import io.javalin.http.HandlerType;
import io.javalin.http.Header;
import io.javalin.http.HttpStatus;
import io.javalin.http.NotFoundResponse;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.zip.GZIPInputStream;

/**
 * {@code GET /data/manifest.json} and {@code GET /data/shards/{name}}: the prepared MNIST shards.
 *
 * <p>Only names listed in the manifest are served, and only after they match {@link Manifest#SHARD_NAME},
 * so a request path can never reach another file. Shards are stored gzip-compressed and sent as they are.
 */
final class ShardRoutes {
    /** Shard names hold a content hash: a name never changes meaning, so caches may keep it forever. */
    static final String IMMUTABLE = "public, max-age=31536000, immutable";

    private final Path dataDir;
    private final byte[] manifestJson;
    private final String manifestEtag;
    private final Map<String, Manifest.Entry> shards = new HashMap<>();
    /** Shard name -> size of its gzip file, read once like the manifest. */
    private final Map<String, Long> gzipSizes = new HashMap<>();

    private final Transfers transfers;
    private final boolean trustProxy;

    /**
     * Reads the manifest once: the data folder is prepared (and its shards checked against their hashes, see
     * {@link DataPreparer#damagedShards}) before the server starts, and never changes while it runs.
     */
    ShardRoutes(Path dataDir, Transfers transfers, boolean trustProxy) throws IOException {
        this.transfers = transfers;
        this.trustProxy = trustProxy;
        Manifest manifest = Manifest.readIfValid(dataDir)
                .orElseThrow(() -> new IllegalStateException("no valid " + Manifest.FILE_NAME + " in "
                        + dataDir.toAbsolutePath().normalize() + " (run prepare-data)"));
        this.dataDir = dataDir;
        this.manifestJson = Files.readAllBytes(dataDir.resolve(Manifest.FILE_NAME));
        this.manifestEtag = '"' + DataPreparer.sha256Hex(manifestJson) + '"';
        for (Manifest.Entry e : manifest.all()) {
            shards.put(e.file(), e);
            gzipSizes.put(e.file(), Files.size(dataDir.resolve(e.file() + Manifest.GZIP_SUFFIX)));
        }
    }

    void register(RoutesConfig routes) {
        routes.get("/data/manifest.json", this::manifest);
        routes.head("/data/manifest.json", this::manifest);
        routes.get("/data/shards/{name}", this::shard);
        routes.head("/data/shards/{name}", this::shard);
    }

    private void manifest(Context ctx) {
        // no-cache: clients may keep it but must revalidate, so a re-prepared data set shows up at once.
        ctx.header(Header.CACHE_CONTROL, "no-cache");
        ctx.header(Header.ETAG, manifestEtag);
        if (HttpCaching.ifNoneMatchHits(ctx.header(Header.IF_NONE_MATCH), manifestEtag)) {
            ctx.status(HttpStatus.NOT_MODIFIED);
            return;
        }
        // Sent as it is, with its length: Javalin would gzip a body over 1.5 kB after the length was declared
        // (a real manifest is 2.6 kB), and HEAD answers the same length. Compression would save 2 kB once.
        ctx.disableCompression();
        ctx.contentType(ContentType.APPLICATION_JSON);
        ctx.res().setContentLength(manifestJson.length);
        if (ctx.method() != HandlerType.HEAD) {
            ctx.result(manifestJson);
        }
    }

    private void shard(Context ctx) throws IOException {
        String name = ctx.pathParam("name");
        Manifest.Entry entry = Manifest.SHARD_NAME.matcher(name).matches() ? shards.get(name) : null;
        if (entry == null) {
            throw new NotFoundResponse("unknown shard");
        }
        // The body is already compressed (or must go out as-is): Javalin must not compress it again.
        ctx.disableCompression();
        // One strong ETag for both codings: same content, and there is no Range support to confuse.
        String etag = '"' + entry.sha256() + '"';
        ctx.header(Header.CACHE_CONTROL, IMMUTABLE);
        ctx.header(Header.ETAG, etag);
        ctx.header(Header.VARY, Header.ACCEPT_ENCODING);
        if (HttpCaching.ifNoneMatchHits(ctx.header(Header.IF_NONE_MATCH), etag)) {
            ctx.status(HttpStatus.NOT_MODIFIED);
            return;
        }
        ctx.contentType(ContentType.APPLICATION_OCTET_STREAM);
        Path file = dataDir.resolve(name + Manifest.GZIP_SUFFIX);
        // Opened here, before any length is promised: a file gone since start is a plain 500.
        InputStream stored = Files.newInputStream(file);
        boolean gzip = HttpCaching.acceptsGzip(ctx.header(Header.ACCEPT_ENCODING));
        if (gzip) {
            ctx.header(Header.CONTENT_ENCODING, "gzip");
        }
        ctx.res().setContentLengthLong(gzip ? gzipSizes.get(name) : entry.bytes());
        if (ctx.method() == HandlerType.HEAD) {
            stored.close();
            return;
        }
        // Written on the transfer pool: a client that reads slowly holds one of its threads, not one of Jetty's.
        transfers.run(
                ctx,
                ClientAddress.of(ctx, trustProxy),
                () -> {
                    InputStream body = gzip ? stored : new GZIPInputStream(stored, 64 * 1024);
                    body.transferTo(ctx.res().getOutputStream());
                },
                stored);
    }
}
