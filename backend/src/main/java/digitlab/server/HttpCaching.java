package digitlab.server;

import java.util.Locale;

/** The request headers the data routes look at: If-None-Match, Accept-Encoding and Range. */
final class HttpCaching {
    private HttpCaching() {}

    /** If-None-Match uses the weak comparison (RFC 9110 13.1.2): {@code W/"x"} matches {@code "x"}. */
    static boolean ifNoneMatchHits(String ifNoneMatch, String etag) {
        if (ifNoneMatch == null) {
            return false;
        }
        String want = stripWeak(etag);
        for (String tag : ifNoneMatch.split(",")) {
            String t = tag.trim();
            if (t.equals("*") || stripWeak(t).equals(want)) {
                return true;
            }
        }
        return false;
    }

    /**
     * True if the client accepts gzip: {@code gzip} (or {@code *} when gzip is not named) with a q-value
     * above 0, so {@code gzip;q=0, *} means no.
     */
    static boolean acceptsGzip(String acceptEncoding) {
        if (acceptEncoding == null) {
            return false;
        }
        Double gzip = null;
        Double any = null;
        for (String part : acceptEncoding.split(",")) {
            String[] fields = part.split(";");
            String coding = fields[0].trim().toLowerCase(Locale.ROOT);
            if (coding.equals("gzip") || coding.equals("x-gzip")) {
                gzip = qValue(fields);
            } else if (coding.equals("*")) {
                any = qValue(fields);
            }
        }
        Double q = gzip != null ? gzip : any;
        return q != null && q > 0;
    }

    /**
     * One byte range of a {@code size}-byte body (RFC 9110 14.1.2): {@code {first, last}} inclusive, an empty array
     * when no byte of it exists (416), or null to send the whole body (no header, another unit, several ranges,
     * or a header that does not parse, which the RFC says to ignore).
     */
    static long[] range(String header, long size) {
        if (header == null || !header.startsWith("bytes=") || header.indexOf(',') >= 0) {
            return null;
        }
        String spec = header.substring(6).trim();
        int dash = spec.indexOf('-');
        if (dash < 0) {
            return null;
        }
        try {
            String a = spec.substring(0, dash).trim();
            String b = spec.substring(dash + 1).trim();
            if (a.isEmpty()) {
                long suffix = Long.parseLong(b);
                if (suffix < 0) {
                    return null;
                }
                return suffix == 0 || size == 0 ? new long[0] : new long[] {Math.max(0, size - suffix), size - 1};
            }
            long first = Long.parseLong(a);
            long last = b.isEmpty() ? Long.MAX_VALUE : Long.parseLong(b);
            if (first < 0 || last < first) {
                return null;
            }
            return first >= size ? new long[0] : new long[] {first, Math.min(last, size - 1)};
        } catch (NumberFormatException e) {
            return null;
        }
    }

    private static double qValue(String[] fields) {
        for (int i = 1; i < fields.length; i++) {
            String f = fields[i].trim().toLowerCase(Locale.ROOT);
            if (f.startsWith("q=")) {
                try {
                    return Double.parseDouble(f.substring(2));
                } catch (NumberFormatException e) {
                    return 0;
                }
            }
        }
        return 1;
    }

    private static String stripWeak(String tag) {
        return tag.startsWith("W/") ? tag.substring(2) : tag;
    }
}
