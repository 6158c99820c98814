package digitlab.server;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.ByteBuffer;
import java.util.Map;
import org.eclipse.jetty.http.HttpFields;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.http.HttpStatus;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.server.handler.ErrorHandler;
import org.eclipse.jetty.util.Callback;

/**
 * JSON errors for the requests Jetty turns away before Javalin sees them (for example an encoded NUL in
 * the path gives 400). Jetty's default is an HTML page without our security headers.
 */
final class JettyErrors extends ErrorHandler {
    private static final ObjectMapper JSON = new ObjectMapper();
    private final Map<String, String> headers;

    /** @param headers the security headers every response carries */
    JettyErrors(Map<String, String> headers) {
        this.headers = Map.copyOf(headers);
    }

    @Override
    protected void generateResponse(
            Request request, Response response, int code, String message, Throwable cause, Callback callback) {
        HttpFields.Mutable fields = response.getHeaders();
        headers.forEach(fields::put);
        fields.put(HttpHeader.CONTENT_TYPE, "application/json");
        response.write(true, ByteBuffer.wrap(body(code)), callback);
    }

    /** Requests the HTTP parser rejects (bad request line, headers too large). */
    @Override
    public ByteBuffer badMessageError(int status, String reason, HttpFields.Mutable fields) {
        headers.forEach(fields::put);
        fields.put(HttpHeader.CONTENT_TYPE, "application/json");
        return ByteBuffer.wrap(body(status));
    }

    /** Only the standard reason phrase: Jetty's own message may describe the request or the server. */
    private static byte[] body(int code) {
        String reason = HttpStatus.getMessage(code);
        try {
            return JSON.writeValueAsBytes(Map.of("error", reason == null ? "error " + code : reason));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
