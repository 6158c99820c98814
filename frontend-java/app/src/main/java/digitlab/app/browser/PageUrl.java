package digitlab.app.browser;

import org.teavm.jso.JSBody;

/** Reads the page's query parameters, e.g. {@code ?layers=784,64,10&target=wasm}. */
public final class PageUrl {
    private PageUrl() {
    }

    /** The value of query parameter {@code name}, or {@code fallback} when it is absent. */
    public static String param(String name, String fallback) {
        String value = queryParam(name);
        return value == null ? fallback : value;
    }

    @JSBody(params = "paramName", script = "return new URLSearchParams(self.location.search).get(paramName);")
    private static native String queryParam(String paramName);
}
