package digitlab.app.browser;

import org.teavm.jso.JSBody;

/** Milliseconds from {@code performance.now()}: since the page (or worker) started. */
public final class Clock {
    private Clock() {}

    @JSBody(script = "return performance.now();")
    public static native double nowMillis();
}
