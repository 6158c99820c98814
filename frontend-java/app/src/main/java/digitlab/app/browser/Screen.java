package digitlab.app.browser;

import org.teavm.jso.JSBody;

/** What kind of screen the page is on, for choices made once at start (how much to show at first). */
public final class Screen {
    private Screen() {}

    /** True on a phone-sized screen: the width where the CSS (app.css, "Narrow screens") turns compact. */
    @JSBody(script = "return window.matchMedia('(max-width: 40rem)').matches;")
    public static native boolean narrow();
}
