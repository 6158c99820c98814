package digitlab.app.browser;

import org.teavm.jso.JSBody;
import org.teavm.jso.JSFunctor;
import org.teavm.jso.JSObject;
import org.teavm.jso.dom.html.HTMLElement;

/** The system clipboard (navigator.clipboard), which may refuse: the caller learns whether it did. */
public final class Clipboard {
    private Clipboard() {}

    /** Told once whether the text is on the clipboard, and if not why (the browser's words). */
    @JSFunctor
    public interface Outcome extends JSObject {
        void copied(boolean copied, String reason);
    }

    /**
     * Writes {@code text} to the clipboard and tells {@code outcome} when the browser has answered: copied
     * only when its promise resolved. Pages on plain http (other than localhost) have no clipboard at all.
     */
    @JSBody(
            params = {"clipboardText", "clipboardOutcome"},
            script = ""
                    + "function clipboardFailure(clipboardError) {"
                    + "  var clipboardReason = clipboardError && clipboardError.message ? clipboardError.message"
                    + "      : String(clipboardError);"
                    + "  clipboardOutcome(false, clipboardReason);"
                    + "}"
                    + "if (!navigator.clipboard || !navigator.clipboard.writeText) {"
                    + "  clipboardOutcome(false, 'this page has no clipboard access (it needs an https address)');"
                    + "  return;"
                    + "}"
                    + "try {"
                    + "  navigator.clipboard.writeText(clipboardText).then("
                    + "      function() { clipboardOutcome(true, ''); }, clipboardFailure);"
                    + "} catch (clipboardThrown) { clipboardFailure(clipboardThrown); }")
    public static native void write(String clipboardText, Outcome clipboardOutcome);

    /** Selects the text of {@code element}, so a person can copy it by hand. */
    @JSBody(
            params = "elementToSelect",
            script = "var pageSelection = self.getSelection(); if (pageSelection) {"
                    + " pageSelection.selectAllChildren(elementToSelect); }")
    public static native void select(HTMLElement elementToSelect);
}
