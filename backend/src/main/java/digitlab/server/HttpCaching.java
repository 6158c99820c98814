package digitlab.server;

import java.util.Locale;

/** The two request headers the data routes look at: If-None-Match and Accept-Encoding. */
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
