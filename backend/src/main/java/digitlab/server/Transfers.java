package digitlab.server;

import io.javalin.http.Context;
import io.javalin.http.Header;
import io.javalin.http.HttpResponseException;
import io.javalin.http.HttpStatus;
import java.io.IOException;
import java.util.Map;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs the slow part of a request (reading an upload, writing a model or shard) on a bounded pool of its own, so
 * Jetty's threads stay free for {@code /healthz}, the manifest and the web app however many clients crawl. Each
 * client address may have at most {@code perClient} tasks running or queued (429 beyond); a full queue gives 503.
 *
 * <p>Java 17 has no virtual threads: a blocked write costs a platform thread, so their number is bounded here and
 * a stalled one ends after Jetty's idle timeout.
 */
final class Transfers implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(Transfers.class);

    /** The slow part of a request; it may set the status and a JSON result, or write the body itself. */
    interface Task {
        void run() throws Exception;
    }

    private final String what;
    private final ThreadPoolExecutor pool;
    private final int perClient;
    private final Map<String, Integer> running = new ConcurrentHashMap<>();

    Transfers(String what, int threads, int queue, int perClient) {
        this.what = what;
        this.perClient = perClient;
        AtomicInteger n = new AtomicInteger();
        this.pool = new ThreadPoolExecutor(
                threads, threads, 30, TimeUnit.SECONDS, new ArrayBlockingQueue<>(Math.max(1, queue)), r -> {
                    Thread t = new Thread(r, "digit-lab-" + what + "-" + n.incrementAndGet());
                    t.setDaemon(true);
                    return t;
                });
        pool.allowCoreThreadTimeOut(true);
    }

    /** Hands {@code task} to the pool and suspends the request until it has run; 429 or 503 when over a bound. */
    void run(Context ctx, String client, Task task) {
        run(ctx, client, task, () -> {});
    }

    /** As {@link #run(Context, String, Task)}; {@code resource} (which the task reads) is closed in every case. */
    void run(Context ctx, String client, Task task, AutoCloseable resource) {
        if (running.merge(client, 1, Integer::sum) > perClient) {
            release(client);
            closeQuietly(resource);
            ctx.header(Header.RETRY_AFTER, "1");
            throw new HttpResponseException(
                    HttpStatus.TOO_MANY_REQUESTS.getCode(), "too many " + what + "s at once from this address");
        }
        ctx.future(() -> {
            CompletableFuture<Void> done = new CompletableFuture<>();
            try {
                pool.execute(() -> {
                    try {
                        task.run();
                    } catch (HttpResponseException e) {
                        ctx.status(e.getStatus()).json(Map.of("error", e.getMessage()));
                    } catch (IOException e) {
                        if (ctx.res().isCommitted()) {
                            // The client went away or stalled mid-transfer: the response is already broken.
                            LOG.debug("{} {} ended early: {}", ctx.method(), ctx.path(), e.toString());
                        } else {
                            fail(ctx, e);
                        }
                    } catch (Exception e) {
                        fail(ctx, e);
                    } finally {
                        closeQuietly(resource);
                        release(client);
                        done.complete(null);
                    }
                });
            } catch (RejectedExecutionException e) {
                closeQuietly(resource);
                release(client);
                ctx.header(Header.RETRY_AFTER, "5");
                ctx.status(HttpStatus.SERVICE_UNAVAILABLE).json(Map.of("error", "server busy: retry later"));
                done.complete(null);
            }
            return done;
        });
    }

    /** Logs an unexpected failure and answers 500 if nothing was sent yet (like App's catch-all handler). */
    private static void fail(Context ctx, Exception e) {
        LOG.error("{} {} failed", ctx.method(), ctx.path(), e);
        if (!ctx.res().isCommitted()) {
            ctx.res().setContentLengthLong(-1);
            ctx.res().setHeader(Header.CONTENT_ENCODING, null);
            ctx.status(500).json(Map.of("error", "internal server error"));
        }
    }

    private static void closeQuietly(AutoCloseable resource) {
        try {
            resource.close();
        } catch (Exception e) {
            LOG.debug("closing after a transfer failed: {}", e.toString());
        }
    }

    private void release(String client) {
        running.computeIfPresent(client, (k, n) -> n <= 1 ? null : n - 1);
    }

    @Override
    public void close() {
        pool.shutdownNow();
    }
}
