package digitlab.app.browser;

import org.teavm.jso.JSBody;
import org.teavm.jso.JSObject;
import org.teavm.jso.JSProperty;
import org.teavm.jso.core.JSPromise;
import org.teavm.jso.typedarrays.ArrayBuffer;
import org.teavm.jso.typedarrays.Int8Array;

/**
 * {@code fetch} for straight-line Java: each call returns when the response is in.
 * teavm-jso-apis does not wrap fetch, and a rejected promise reaches Java without its message, so the
 * script turns every failure into a result with an error text instead. Every field is set, to null if
 * unused: the JS build reads a missing (undefined) String property as the text "undefined".
 */
public final class Fetch {
    private Fetch() {}

    /** The body of {@code url} as bytes; throws {@link FetchException} with the reason on any failure. */
    public static byte[] bytes(String url) {
        Result result = fetchArrayBuffer(url).await();
        if (result.getError() != null) {
            throw new FetchException(result.getError());
        }
        return new Int8Array(result.getBuffer()).copyToJavaArray();
    }

    /** The body of {@code url} parsed as JSON. */
    public static <T extends JSObject> T json(String url) {
        JsonResult<T> result = Fetch.<T>fetchJson(url).await();
        if (result.getError() != null) {
            throw new FetchException(result.getError());
        }
        return result.getValue();
    }

    interface Result extends JSObject {
        @JSProperty
        ArrayBuffer getBuffer();

        @JSProperty
        String getError();
    }

    interface JsonResult<T extends JSObject> extends JSObject {
        @JSProperty
        T getValue();

        @JSProperty
        String getError();
    }

    @JSBody(
            params = "fetchUrl",
            script =
                    ""
                            + "return fetch(fetchUrl).then(function(fetchResponse) {"
                            + "  if (!fetchResponse.ok) { return { buffer: null, value: null, error: fetchUrl + ': HTTP ' + fetchResponse.status }; }"
                            + "  return fetchResponse.arrayBuffer().then(function(fetchBody) { return { buffer: fetchBody, error: null }; });"
                            + "}).catch(function(fetchFailure) { return { buffer: null, value: null, error: fetchUrl + ': ' + fetchFailure }; });")
    private static native JSPromise<Result> fetchArrayBuffer(String fetchUrl);

    @JSBody(
            params = "fetchUrl",
            script =
                    ""
                            + "return fetch(fetchUrl).then(function(fetchResponse) {"
                            + "  if (!fetchResponse.ok) { return { buffer: null, value: null, error: fetchUrl + ': HTTP ' + fetchResponse.status }; }"
                            + "  return fetchResponse.json().then(function(fetchBody) { return { value: fetchBody, error: null }; });"
                            + "}).catch(function(fetchFailure) { return { buffer: null, value: null, error: fetchUrl + ': ' + fetchFailure }; });")
    private static native <T extends JSObject> JSPromise<JsonResult<T>> fetchJson(String fetchUrl);
}
