package digitlab.app.browser;

import org.teavm.jso.JSBody;

/**
 * The page's colours for what Java paints on canvases, read from the CSS custom properties in
 * {@code web/css/app.css}, the one place they are written.
 */
public final class Theme {
    private Theme() {}

    /** The highlight of the page: primary buttons, labels on the sample grid, the batch accuracy curve. */
    public static final String ACCENT = "--accent";

    public static final String OK = "--ok";
    public static final String BAD = "--bad";
    public static final String MUTED = "--muted";
    public static final String EDGE = "--panel-edge";
    /** The second and third lines of a chart and its overlays, distinct for the common colour-vision deficiencies. */
    public static final String LINE_2 = "--line-2";

    public static final String LINE_3 = "--line-3";
    public static final String OVERLAY = "--overlay";

    /** The colour of custom property {@code name} (e.g. {@link #ACCENT}) on the page's root, or grey if unset. */
    public static String color(String name) {
        String value = rootProperty(name);
        return value == null || value.isEmpty() ? "#888888" : value;
    }

    @JSBody(
            params = "themePropertyName",
            script = ""
                    + "var themePropertyValue = getComputedStyle(document.documentElement)"
                    + "    .getPropertyValue(themePropertyName);"
                    + "return themePropertyValue ? String(themePropertyValue).trim() : null;")
    private static native String rootProperty(String themePropertyName);
}
