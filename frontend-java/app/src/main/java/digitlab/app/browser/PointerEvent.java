package digitlab.app.browser;

import org.teavm.jso.JSProperty;
import org.teavm.jso.dom.events.MouseEvent;

/** A pointer event (teavm-jso-apis 0.15 has none): mouse, pen or touch. */
public interface PointerEvent extends MouseEvent {
    @JSProperty
    int getPointerId();

    /** "mouse", "pen" or "touch" ("" if the browser does not say). */
    @JSProperty
    String getPointerType();

    @JSProperty("isPrimary")
    boolean isPrimary();
}
