package digitlab.app.page;

import org.teavm.jso.dom.html.HTMLElement;

/** The {@code #status} line: a short sentence plus a machine-readable {@code data-state}. */
final class StatusLine {
    private final HTMLElement element;

    StatusLine(HTMLElement element) {
        this.element = element;
    }

    void show(String state, String text) {
        element.setAttribute("data-state", state);
        element.setTextContent(text);
    }
}
