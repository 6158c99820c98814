package digitlab.app.browser;

import org.teavm.jso.JSBody;

/** Reads and rewrites the page's query string, e.g. {@code ?layers=784,64,10&target=wasm}. */
public final class PageUrl {
    private PageUrl() {}

    /** The query string without its leading '?' (empty when there is none). */
    @JSBody(script = "return self.location.search.replace(/^\\?/, '');")
    public static native String query();

    /** The page's address without query or fragment, e.g. {@code https://host/lab/}. */
    @JSBody(script = "return self.location.origin + self.location.pathname;")
    public static native String pageAddress();

    /** Replaces the query string in the address bar without reloading or adding a history entry. */
    @JSBody(
            params = "newQuery",
            script = ""
                    + "var pageAddress = new URL(self.location.href);"
                    + "pageAddress.search = newQuery;"
                    + "history.replaceState(null, '', pageAddress.toString());")
    public static native void replaceQuery(String newQuery);

    @JSBody(params = "paramName", script = "return new URLSearchParams(self.location.search).get(paramName);")
    private static native String queryParam(String paramName);
}
