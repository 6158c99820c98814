package digitlab.app.browser;

/** A request that failed: network error or a non-2xx status; the message names the URL. */
public class FetchException extends RuntimeException {
    public FetchException(String message) {
        super(message);
    }
}
