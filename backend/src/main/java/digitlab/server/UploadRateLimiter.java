package digitlab.server;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.LongSupplier;

/**
 * A token bucket per client key: up to {@code perMinute} uploads at once, refilled continuously at
 * {@code perMinute} per minute.
 *
 * <p>Per server instance: N instances behind a load balancer allow up to N times the rate (the server keeps no
 * shared state on purpose). A few lines of our own rather than Bucket4j: its core library holds one bucket, so
 * the per-client map and its eviction, which are most of this class, would still be ours to write.
 *
 * <p>Memory stays bounded by the clients of about the last minute: once the map is large, buckets that have
 * refilled completely are dropped, which loses nothing because a new bucket starts full.
 */
final class UploadRateLimiter {
    /** Above this many keys, full buckets are dropped on the next request. */
    static final int PRUNE_ABOVE = 10_000;

    private static final long NANOS_PER_MINUTE = 60_000_000_000L;

    /** Immutable, so the map's conditional removal never drops a bucket another thread just changed. */
    private record Bucket(double tokens, long at) {}

    private final int perMinute;
    private final LongSupplier nanoClock;
    private final Map<String, Bucket> buckets = new ConcurrentHashMap<>();

    /** @param nanoClock {@link System#nanoTime} or a test's clock */
    UploadRateLimiter(int perMinute, LongSupplier nanoClock) {
        if (perMinute < 1) {
            throw new IllegalArgumentException("the upload rate must be at least 1 per minute");
        }
        this.perMinute = perMinute;
        this.nanoClock = nanoClock;
    }

    /**
     * Takes one token for {@code key}.
     *
     * @return 0 if the upload may go ahead, else the whole seconds (at least 1) until it may: the Retry-After value
     */
    long acquire(String key) {
        long now = nanoClock.getAsLong();
        if (buckets.size() > PRUNE_ABOVE) {
            buckets.values().removeIf(b -> tokensAt(b, now) >= perMinute);
        }
        long[] wait = {0};
        buckets.compute(key, (k, b) -> {
            double tokens = b == null ? perMinute : tokensAt(b, now);
            if (tokens >= 1) {
                return new Bucket(tokens - 1, now);
            }
            double nanos = (1 - tokens) * NANOS_PER_MINUTE / perMinute;
            wait[0] = Math.max(1, (long) Math.ceil(nanos / 1e9));
            return new Bucket(tokens, now);
        });
        return wait[0];
    }

    /** Number of keys held, for tests of the eviction. */
    int size() {
        return buckets.size();
    }

    private double tokensAt(Bucket b, long now) {
        double refilled = (double) (now - b.at()) * perMinute / NANOS_PER_MINUTE;
        return Math.min(perMinute, b.tokens() + Math.max(0, refilled));
    }
}
