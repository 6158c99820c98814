package digitlab.server;

import io.javalin.plugin.bundled.GlobalHeadersConfig;
import io.javalin.plugin.bundled.GlobalHeadersConfig.CrossOriginEmbedderPolicy;
import io.javalin.plugin.bundled.GlobalHeadersConfig.CrossOriginOpenerPolicy;
import io.javalin.plugin.bundled.GlobalHeadersConfig.ReferrerPolicy;
import java.util.Map;

/** Headers sent with every response, static files and errors included. */
final class SecurityHeaders {
    /**
     * Everything from our own origin only. 'unsafe-eval' because TeaVM's Wasm GC runtime calls
     * {@code new Function(...)} while loading ('wasm-unsafe-eval' alone is not enough); no inline scripts.
     */
    static final String CSP = "default-src 'self'; script-src 'self' 'unsafe-eval'; style-src 'self'; "
            + "img-src 'self' data: blob:; connect-src 'self'; worker-src 'self' blob:; object-src 'none'; "
            + "base-uri 'none'; frame-ancestors 'none'";

    private SecurityHeaders() {}

    /** The same headers as a map, for responses Javalin does not write (Jetty's own errors). */
    static Map<String, String> asMap() {
        GlobalHeadersConfig h = new GlobalHeadersConfig();
        apply(h);
        return h.getHeaders();
    }

    static void apply(GlobalHeadersConfig h) {
        h.contentSecurityPolicy(CSP);
        h.xContentTypeOptionsNoSniff();
        h.referrerPolicy(ReferrerPolicy.NO_REFERRER);
        // Together these make the page cross-origin isolated, which SharedArrayBuffer needs.
        h.crossOriginOpenerPolicy(CrossOriginOpenerPolicy.SAME_ORIGIN);
        h.crossOriginEmbedderPolicy(CrossOriginEmbedderPolicy.REQUIRE_CORP);
    }
}
