package digitlab.server;

import io.javalin.http.Context;
import java.util.Collections;
import java.util.List;
import java.util.Locale;

/**
 * Whom an upload is counted against for rate limiting.
 *
 * <p>By default the TCP peer address: X-Forwarded-For is written by the client and trusting it would let anyone
 * rotate it to dodge the limit (Javalin's own {@code ctx.ip()} may read it, so it is not used). With
 * {@code --trust-proxy} the server sits behind exactly one proxy or load balancer that appends the address it
 * saw, so the LAST X-Forwarded-For entry is taken; entries before it are the client's own claims.
 *
 * <p>An IPv6 client usually holds a whole /64, so IPv6 addresses count by their /64 prefix.
 */
final class ClientAddress {
    private ClientAddress() {}

    static String of(Context ctx, boolean trustProxy) {
        String peer = ctx.req().getRemoteAddr();
        if (trustProxy) {
            List<String> headers = Collections.list(ctx.req().getHeaders("X-Forwarded-For"));
            if (!headers.isEmpty()) {
                String last = headers.get(headers.size() - 1);
                String entry = last.substring(last.lastIndexOf(',') + 1).trim();
                if (!entry.isEmpty()) {
                    return key(entry);
                }
            }
        }
        return key(peer);
    }

    /** IPv4 addresses as they are; IPv6 ones as their /64 prefix; anything unparsable as it is. */
    static String key(String address) {
        String a = address.trim();
        if (a.startsWith("[") && a.endsWith("]")) {
            a = a.substring(1, a.length() - 1);
        }
        int zone = a.indexOf('%');
        if (zone >= 0) {
            a = a.substring(0, zone);
        }
        if (a.indexOf(':') < 0) {
            return a;
        }
        int[] groups = ipv6Groups(a.toLowerCase(Locale.ROOT));
        if (groups == null) {
            return a;
        }
        if (groups[0] == 0
                && groups[1] == 0
                && groups[2] == 0
                && groups[3] == 0
                && groups[4] == 0
                && groups[5] == 0xffff) {
            // IPv4-mapped (::ffff:a.b.c.d): the IPv4 client itself.
            return (groups[6] >>> 8) + "." + (groups[6] & 0xff) + "." + (groups[7] >>> 8) + "." + (groups[7] & 0xff);
        }
        return String.format("%x:%x:%x:%x::/64", groups[0], groups[1], groups[2], groups[3]);
    }

    /** The eight 16-bit groups of an IPv6 literal, or null if it is not one. */
    private static int[] ipv6Groups(String a) {
        String[] halves = a.split("::", -1);
        if (halves.length > 2) {
            return null;
        }
        int[] head = parseGroups(halves[0]);
        int[] tail = halves.length == 2 ? parseGroups(halves[1]) : new int[0];
        if (head == null || tail == null) {
            return null;
        }
        int missing = 8 - head.length - tail.length;
        if (halves.length == 1 ? missing != 0 : missing < 1) {
            return null;
        }
        int[] groups = new int[8];
        System.arraycopy(head, 0, groups, 0, head.length);
        System.arraycopy(tail, 0, groups, 8 - tail.length, tail.length);
        return groups;
    }

    /** Colon-separated hex groups; a dotted IPv4 tail counts as two groups. */
    private static int[] parseGroups(String s) {
        if (s.isEmpty()) {
            return new int[0];
        }
        String[] parts = s.split(":", -1);
        int dotted = parts[parts.length - 1].indexOf('.') >= 0 ? 1 : 0;
        int[] out = new int[parts.length + dotted];
        for (int i = 0; i < parts.length; i++) {
            String p = parts[i];
            if (i == parts.length - 1 && dotted == 1) {
                String[] octets = p.split("\\.", -1);
                if (octets.length != 4) {
                    return null;
                }
                int[] v = new int[4];
                for (int k = 0; k < 4; k++) {
                    if (!octets[k].matches("[0-9]{1,3}") || (v[k] = Integer.parseInt(octets[k])) > 255) {
                        return null;
                    }
                }
                out[i] = v[0] << 8 | v[1];
                out[i + 1] = v[2] << 8 | v[3];
            } else {
                if (!p.matches("[0-9a-f]{1,4}")) {
                    return null;
                }
                out[i] = Integer.parseInt(p, 16);
            }
        }
        return out;
    }
}
