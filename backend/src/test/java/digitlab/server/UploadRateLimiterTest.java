package digitlab.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class UploadRateLimiterTest {
    private final AtomicLong now = new AtomicLong(1_000_000_000_000L);

    private void advanceSeconds(double s) {
        now.addAndGet((long) (s * 1e9));
    }

    @Test
    void burstThenOnePerIntervalWithRetryAfter() {
        UploadRateLimiter limiter = new UploadRateLimiter(10, now::get);
        for (int i = 0; i < 10; i++) {
            assertEquals(0, limiter.acquire("a"), "burst " + i);
        }
        assertEquals(6, limiter.acquire("a"), "10 per minute: one token every 6 s");
        advanceSeconds(4.5);
        assertEquals(2, limiter.acquire("a"), "1.5 s left, rounded up");
        advanceSeconds(2);
        assertEquals(0, limiter.acquire("a"));
        assertEquals(6, limiter.acquire("a"), "5.5 s left");
        advanceSeconds(0.2);
        assertEquals(6, limiter.acquire("a"), "5.3 s left");
        advanceSeconds(5.2);
        assertEquals(1, limiter.acquire("a"), "never 0 while refused");
    }

    @Test
    void refusedRequestsDoNotCostTokens() {
        UploadRateLimiter limiter = new UploadRateLimiter(1, now::get);
        assertEquals(0, limiter.acquire("a"));
        for (int i = 0; i < 100; i++) {
            assertTrue(limiter.acquire("a") > 0);
        }
        advanceSeconds(60);
        assertEquals(0, limiter.acquire("a"));
    }

    @Test
    void keysAreIndependentAndBucketsRefillToCapacityOnly() {
        UploadRateLimiter limiter = new UploadRateLimiter(2, now::get);
        assertEquals(0, limiter.acquire("a"));
        assertEquals(0, limiter.acquire("a"));
        assertTrue(limiter.acquire("a") > 0);
        assertEquals(0, limiter.acquire("b"));
        advanceSeconds(3600);
        assertEquals(0, limiter.acquire("a"));
        assertEquals(0, limiter.acquire("a"));
        assertTrue(limiter.acquire("a") > 0, "an hour of quiet is still a burst of 2");
    }

    @Test
    void fullBucketsAreEvictedSoMemoryStaysBounded() {
        UploadRateLimiter limiter = new UploadRateLimiter(5, now::get);
        for (int i = 0; i <= UploadRateLimiter.PRUNE_ABOVE; i++) {
            limiter.acquire("client-" + i);
        }
        assertEquals(UploadRateLimiter.PRUNE_ABOVE + 1, limiter.size());
        advanceSeconds(13); // one token back: every bucket is full again
        assertEquals(0, limiter.acquire("late"));
        assertEquals(1, limiter.size());
        // Evicting loses nothing: a new bucket starts full, as the evicted one was.
        assertEquals(0, limiter.acquire("client-1"));
    }

    @Test
    void rateMustBePositive() {
        assertThrows(IllegalArgumentException.class, () -> new UploadRateLimiter(0, now::get));
    }
}
