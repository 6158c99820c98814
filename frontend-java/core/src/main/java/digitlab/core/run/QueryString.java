package digitlab.core.run;

import digitlab.core.text.Text;
import digitlab.core.text.Utf8;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The one reader and writer of query strings ({@code a=1&b=x%2Cy}) here: the page's address, the run
 * settings in a model file, a worker's command.
 */
public final class QueryString {
    private QueryString() {}

    /**
     * The decoded key/value pairs of {@code query}, in order; a leading '?' or '#' is ignored, values may
     * be percent-encoded ({@code 784%2C64%2C10}) and '+' is a space.
     *
     * @throws IllegalArgumentException for a pair without '=', a repeated key or a bad percent escape
     */
    public static Map<String, String> parse(String query) {
        Map<String, String> pairs = new LinkedHashMap<>();
        for (String pair : Text.split(strip(query), '&')) {
            if (pair.isEmpty()) {
                continue;
            }
            int eq = pair.indexOf('=');
            if (eq < 0) {
                throw new IllegalArgumentException("'" + pair + "' has no value (expected key=value)");
            }
            String key = decode(pair.substring(0, eq));
            if (pairs.put(key, decode(pair.substring(eq + 1))) != null) {
                throw new IllegalArgumentException("'" + key + "' is given twice");
            }
        }
        return pairs;
    }

    /**
     * Like {@link #parse} for an address a person may have typed or an older page written: pairs without
     * '=' or a key are skipped, text with a bad escape is kept as it is (for the reader of the value to
     * refuse by name), and a repeated key takes its last value.
     */
    public static Map<String, String> parseLeniently(String query) {
        Map<String, String> pairs = new LinkedHashMap<>();
        for (String pair : Text.split(strip(query), '&')) {
            int eq = pair.indexOf('=');
            if (eq <= 0) {
                continue;
            }
            pairs.put(decodeOrKeep(pair.substring(0, eq)), decodeOrKeep(pair.substring(eq + 1)));
        }
        return pairs;
    }

    /** {@code pairs} as {@code key=value&...}, escaping what a query value cannot hold (commas stay readable). */
    public static String format(Map<String, String> pairs) {
        StringBuilder sb = new StringBuilder();
        for (Map.Entry<String, String> e : pairs.entrySet()) {
            sb.append(sb.length() == 0 ? "" : "&")
                    .append(encode(e.getKey()))
                    .append('=')
                    .append(encode(e.getValue()));
        }
        return sb.toString();
    }

    private static String strip(String query) {
        return query.startsWith("?") || query.startsWith("#") ? query.substring(1) : query;
    }

    /** Percent-encodes every byte of UTF-8 but letters, digits and {@code -._~,}. */
    static String encode(String s) {
        StringBuilder sb = new StringBuilder();
        byte[] bytes = Utf8.encode(s);
        for (byte b : bytes) {
            int c = b & 0xFF;
            if ((c >= 'a' && c <= 'z')
                    || (c >= 'A' && c <= 'Z')
                    || (c >= '0' && c <= '9')
                    || c == '-'
                    || c == '.'
                    || c == '_'
                    || c == '~'
                    || c == ',') {
                sb.append((char) c);
            } else {
                sb.append('%').append(HEX.charAt(c >> 4)).append(HEX.charAt(c & 15));
            }
        }
        return sb.toString();
    }

    private static final String HEX = "0123456789ABCDEF";

    private static String decodeOrKeep(String s) {
        try {
            return decode(s);
        } catch (IllegalArgumentException e) {
            return s;
        }
    }

    /** Percent-decoding (UTF-8) and '+' as space, as in form-encoded URLs. */
    static String decode(String s) {
        if (s.indexOf('%') < 0 && s.indexOf('+') < 0) {
            return s;
        }
        byte[] bytes = Utf8.encode(s); // escapes stand for bytes; the other characters for their own
        byte[] decoded = new byte[bytes.length];
        int n = 0;
        for (int i = 0; i < bytes.length; i++) {
            int c = bytes[i];
            if (c == '+') {
                decoded[n++] = ' ';
            } else if (c == '%') {
                int hi = i + 2 < bytes.length ? Character.digit(bytes[i + 1], 16) : -1;
                int lo = i + 2 < bytes.length ? Character.digit(bytes[i + 2], 16) : -1;
                if (hi < 0 || lo < 0) {
                    throw new IllegalArgumentException("bad percent escape in '" + s + "'");
                }
                decoded[n++] = (byte) (hi * 16 + lo);
                i += 2;
            } else {
                decoded[n++] = (byte) c;
            }
        }
        try {
            return Utf8.decode(decoded, n);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("bad percent escape in '" + s + "': not UTF-8");
        }
    }
}
