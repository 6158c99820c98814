package digitlab.server;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class HttpCachingTest {
    @Test
    void acceptEncoding() {
        assertTrue(HttpCaching.acceptsGzip("gzip"));
        assertTrue(HttpCaching.acceptsGzip("gzip, deflate, br, zstd"));
        assertTrue(HttpCaching.acceptsGzip("br;q=1.0, GZIP;q=0.5"));
        assertTrue(HttpCaching.acceptsGzip("*"));
        assertFalse(HttpCaching.acceptsGzip(null));
        assertFalse(HttpCaching.acceptsGzip(""));
        assertFalse(HttpCaching.acceptsGzip("identity"));
        assertFalse(HttpCaching.acceptsGzip("gzip;q=0"));
        assertFalse(HttpCaching.acceptsGzip("gzip;q=0, *"));
        assertFalse(HttpCaching.acceptsGzip("*;q=0"));
        assertFalse(HttpCaching.acceptsGzip("gzip;q=x"));
        assertFalse(HttpCaching.acceptsGzip("gzipped"));
    }

    @Test
    void ifNoneMatch() {
        assertTrue(HttpCaching.ifNoneMatchHits("\"abc\"", "\"abc\""));
        assertTrue(HttpCaching.ifNoneMatchHits("W/\"abc\"", "\"abc\""));
        assertTrue(HttpCaching.ifNoneMatchHits("\"x\", \"abc\"", "\"abc\""));
        assertTrue(HttpCaching.ifNoneMatchHits("*", "\"abc\""));
        assertFalse(HttpCaching.ifNoneMatchHits(null, "\"abc\""));
        assertFalse(HttpCaching.ifNoneMatchHits("\"abd\"", "\"abc\""));
        assertFalse(HttpCaching.ifNoneMatchHits("abc", "\"abc\""));
    }
}
