package digitlab.app.page;

import org.teavm.jso.dom.html.HTMLElement;

/**
 * The {@code #status} line: a short sentence plus a machine-readable {@code data-state}. An error stays
 * until the person acts or the network changes ({@link #clearError}), so routine progress (data loading)
 * cannot wipe it away before anyone has read it.
 */
final class StatusLine {
    private final HTMLElement element;
    private boolean showingError;

    StatusLine(HTMLElement element) {
        this.element = element;
    }

    /** Shows {@code text} unless an error is being shown. */
    void show(String state, String text) {
        if (!showingError) {
            element.setAttribute("data-state", state);
            element.setTextContent(text);
        }
    }

    /** Shows an error that stays until {@link #clearError}. */
    void error(String text) {
        showingError = true;
        element.setAttribute("data-state", "error");
        element.setTextContent(text);
    }

    /**
     * Shows a warning (e.g. a part of the link that was set aside) that stays like an error, but never over
     * one.
     */
    void warn(String text) {
        if (!showingError) {
            showingError = true;
            element.setAttribute("data-state", "warning");
            element.setTextContent(text);
        }
    }

    void clearError() {
        showingError = false;
    }
}
