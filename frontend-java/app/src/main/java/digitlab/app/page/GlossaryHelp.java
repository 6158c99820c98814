package digitlab.app.page;

import digitlab.app.browser.Dom;
import digitlab.core.text.Glossary;
import java.util.ArrayList;
import java.util.List;
import org.teavm.jso.dom.events.EventListener;
import org.teavm.jso.dom.events.KeyboardEvent;
import org.teavm.jso.dom.html.HTMLDocument;
import org.teavm.jso.dom.html.HTMLElement;

/**
 * The page's side of the {@link Glossary}: a small "?" button beside each label that uses a term, which
 * shows or hides a short explanation under it (a disclosure: {@code aria-expanded}, {@code aria-controls};
 * Tab, Enter, Space and a tap reach it, Escape closes it), and the Glossary panel listing every term.
 * Static labels name their terms in {@code data-term} (space-separated ids); the settings form asks for
 * its controls' buttons through {@link #help}.
 * <pre>
 * &lt;span class="term-help"&gt;&lt;button class="term-button" aria-expanded="false" aria-controls="term-3"&gt;?&lt;/button&gt;
 *   &lt;span class="term-pop" id="term-3" hidden&gt;&lt;b&gt;Epoch&lt;/b&gt; One pass over …&lt;/span&gt;&lt;/span&gt;
 * </pre>
 */
final class GlossaryHelp {
    private int made;
    /** The button whose explanation is open; one at a time. */
    private HTMLElement openButton;

    GlossaryHelp(HTMLDocument document) {
        listAll(document.getElementById("glossary"));
        var places = document.querySelectorAll("[data-term]");
        for (int i = 0; i < places.getLength(); i++) {
            HTMLElement place = (HTMLElement) places.get(i);
            List<Glossary.Term> terms = new ArrayList<>();
            for (String id : place.getAttribute("data-term").split(" ")) {
                Glossary.Term term = Glossary.byId(id);
                if (term == null) {
                    throw new IllegalStateException("index.html names an unknown glossary term: " + id);
                }
                terms.add(term);
            }
            place.appendChild(help(terms, place.getTextContent().trim()));
        }
        document.addEventListener("keydown", (EventListener<KeyboardEvent>) event -> {
            if ("Escape".equals(event.getKey()) && openButton != null) {
                HTMLElement button = openButton;
                show(button, false);
                button.focus();
            }
        });
    }

    /** A "?" button explaining {@code terms}, for the label {@code about}; null if there are none. */
    HTMLElement help(List<Glossary.Term> terms, String about) {
        if (terms.isEmpty()) {
            return null;
        }
        String id = "term-" + (++made);
        HTMLElement wrapper = Dom.create("span", "term-help");
        HTMLElement button = Dom.text("button", "term-button", "?");
        button.setAttribute("type", "button");
        button.setAttribute("aria-label", "What is " + names(terms) + "?");
        button.setAttribute("title", "Explain: " + about);
        button.setAttribute("aria-expanded", "false");
        button.setAttribute("aria-controls", id);
        button.setAttribute("data-terms", ids(terms));
        HTMLElement pop = Dom.create("span", "term-pop");
        pop.setAttribute("id", id);
        pop.setAttribute("hidden", "");
        for (Glossary.Term term : terms) {
            HTMLElement line = Dom.create("span", "term-line");
            line.appendChild(Dom.text("b", null, term.term()));
            line.appendChild(HTMLDocument.current().createTextNode(" " + term.text()));
            pop.appendChild(line);
        }
        button.addEventListener("click", event -> {
            event.preventDefault(); // inside a label: the click is the button's, not the control's
            show(button, !"true".equals(button.getAttribute("aria-expanded")));
        });
        wrapper.appendChild(button);
        wrapper.appendChild(pop);
        return wrapper;
    }

    private void show(HTMLElement button, boolean open) {
        if (open && openButton != null && openButton != button) {
            show(openButton, false);
        }
        button.setAttribute("aria-expanded", open ? "true" : "false");
        HTMLElement pop = HTMLDocument.current().getElementById(button.getAttribute("aria-controls"));
        if (open) {
            pop.removeAttribute("hidden");
        } else {
            pop.setAttribute("hidden", "");
        }
        openButton = open ? button : (openButton == button ? null : openButton);
    }

    private static void listAll(HTMLElement list) {
        for (Glossary.Term term : Glossary.ALL) {
            HTMLElement name = Dom.text("dt", null, term.term());
            name.setAttribute("id", "glossary-" + term.id());
            list.appendChild(name);
            list.appendChild(Dom.text("dd", null, term.text()));
        }
    }

    private static String names(List<Glossary.Term> terms) {
        List<String> names = new ArrayList<>();
        for (Glossary.Term term : terms) {
            names.add(term.term());
        }
        return String.join(", ", names);
    }

    private static String ids(List<Glossary.Term> terms) {
        List<String> ids = new ArrayList<>();
        for (Glossary.Term term : terms) {
            ids.add(term.id());
        }
        return String.join(" ", ids);
    }
}
