package digitlab.app.page;

import digitlab.app.browser.Dom;
import digitlab.app.browser.Screen;
import java.util.List;
import org.teavm.jso.dom.html.HTMLDocument;
import org.teavm.jso.dom.html.HTMLElement;

/**
 * Every panel of the page ({@code .layout > section.card}) can be folded to its heading: the heading's text
 * becomes a button with {@code aria-expanded} that shows or hides the rest of the panel
 * ({@code data-collapsed} on the section). All start open, except on a narrow screen, where the panels
 * one looks at after the first training start folded, so a phone opens on the settings, the curves and
 * the drawing pad.
 */
final class CollapsiblePanels {
    /** The headings of the panels folded at first on a narrow screen. */
    private static final List<String> FOLDED_ON_NARROW =
            List.of("weights-title", "filters-title", "inside-title", "samples-title", "glossary-title");

    private CollapsiblePanels() {}

    static void install(HTMLDocument document) {
        boolean narrow = Screen.narrow();
        var panels = document.querySelectorAll(".layout > section.card");
        for (int i = 0; i < panels.getLength(); i++) {
            HTMLElement panel = (HTMLElement) panels.get(i);
            HTMLElement heading = panel.querySelector("h2");
            if (heading == null || heading.querySelector("button") != null) {
                continue;
            }
            if (panel.getAttribute("id") == null) {
                panel.setAttribute("id", heading.getAttribute("id") + "-panel");
            }
            HTMLElement toggle = Dom.text("button", "panel-toggle", heading.getTextContent());
            toggle.setAttribute("type", "button");
            toggle.setAttribute("aria-controls", panel.getAttribute("id"));
            heading.setTextContent("");
            heading.appendChild(toggle);
            toggle.addEventListener("click", event -> fold(panel, toggle, !panel.hasAttribute("data-collapsed")));
            fold(panel, toggle, narrow && FOLDED_ON_NARROW.contains(heading.getAttribute("id")));
        }
    }

    private static void fold(HTMLElement panel, HTMLElement toggle, boolean folded) {
        toggle.setAttribute("aria-expanded", folded ? "false" : "true");
        if (folded) {
            panel.setAttribute("data-collapsed", "");
        } else {
            panel.removeAttribute("data-collapsed");
        }
    }
}
