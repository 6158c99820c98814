package digitlab.app.browser;

import org.teavm.jso.JSBody;
import org.teavm.jso.JSFunctor;
import org.teavm.jso.JSObject;
import org.teavm.jso.typedarrays.ArrayBuffer;

/**
 * Requests started from event handlers, which cannot wait: the answer comes back through a callback.
 * Every failure (network error, non-2xx status) reaches {@code error} as a sentence; for JSON APIs the
 * server's {@code {"error": "..."}} text is used when there is one.
 */
public final class Http {
    private Http() {}

    /** Receives a response body, or null and an error text. */
    @JSFunctor
    public interface BytesCallback extends JSObject {
        void done(ArrayBuffer body, String error);
    }

    /** Receives a parsed JSON body, or null and an error text. */
    @JSFunctor
    public interface JsonCallback extends JSObject {
        void done(JSObject json, String error);
    }

    /** GET {@code url} as bytes. */
    @JSBody(
            params = {"requestUrl", "bytesDone"},
            script = ""
                    + "fetch(requestUrl).then(function(getResponse) {"
                    + "  if (getResponse.ok) { return getResponse.arrayBuffer().then(function(getBody) { bytesDone(getBody, null); }); }"
                    + "  return getResponse.json().catch(function() { return {}; }).then(function(getProblem) {"
                    + "    bytesDone(null, (getProblem && getProblem.error) || ('HTTP ' + getResponse.status));"
                    + "  });"
                    + "}).catch(function(getFailure) { bytesDone(null, String(getFailure)); });")
    public static native void getBytes(String requestUrl, BytesCallback bytesDone);

    /** POST {@code body} as application/octet-stream to {@code url}, expecting a JSON answer. */
    @JSBody(
            params = {"requestUrl", "requestBody", "jsonDone"},
            script = ""
                    + "fetch(requestUrl, { method: 'POST', body: requestBody,"
                    + "    headers: { 'Content-Type': 'application/octet-stream' } }).then(function(postResponse) {"
                    + "  return postResponse.json().catch(function() { return {}; }).then(function(postJson) {"
                    + "    if (postResponse.ok) { jsonDone(postJson, null); }"
                    + "    else { jsonDone(null, (postJson && postJson.error) || ('HTTP ' + postResponse.status)); }"
                    + "  });"
                    + "}).catch(function(postFailure) { jsonDone(null, String(postFailure)); });")
    public static native void postBytes(String requestUrl, ArrayBuffer requestBody, JsonCallback jsonDone);
}
