package digitlab.app.browser;

import org.teavm.jso.JSBody;
import org.teavm.jso.JSFunctor;
import org.teavm.jso.JSObject;
import org.teavm.jso.canvas.CanvasRenderingContext2D;
import org.teavm.jso.dom.events.MouseEvent;
import org.teavm.jso.dom.html.HTMLDocument;
import org.teavm.jso.dom.html.HTMLElement;

/**
 * The DOM helpers the views and the drawing pad share, for what teavm-jso-apis lacks or makes long-winded.
 * Scripts use long local names (the minified JS build can rename short ones onto the parameters) and never
 * hand {@code undefined} to a Java String.
 */
public final class Dom {
    private Dom() {}

    /** A new {@code <tag class="className">} (no class if {@code className} is null). */
    public static HTMLElement create(String tag, String className) {
        HTMLElement element = HTMLDocument.current().createElement(tag);
        if (className != null) {
            element.setClassName(className);
        }
        return element;
    }

    /** A new element with a class and a text. */
    public static HTMLElement text(String tag, String className, String text) {
        HTMLElement element = create(tag, className);
        element.setTextContent(text);
        return element;
    }

    /** Sets one inline style property, e.g. {@code style(bar, "width", "42%")}. */
    public static void style(HTMLElement element, String property, String value) {
        element.getStyle().setProperty(property, value);
    }

    /** The nearest ancestor of {@code element} (or itself) matching a CSS selector, or null. */
    @JSBody(
            params = {"elementToSearchFrom", "ancestorSelector"},
            script = ""
                    + "var closestMatchingElement = elementToSearchFrom.closest(ancestorSelector);"
                    + "return closestMatchingElement ? closestMatchingElement : null;")
    public static native HTMLElement closest(HTMLElement elementToSearchFrom, String ancestorSelector);

    /** Called with an element's new content-box size in CSS pixels. */
    @JSFunctor
    public interface ResizeCallback extends JSObject {
        void resized(double width, double height);
    }

    /**
     * Calls {@code callback} whenever {@code element}'s content box changes size (and once soon after
     * this call), through a ResizeObserver, or window resizes where there is none.
     */
    @JSBody(
            params = {"observedElementForResize", "resizeCallbackFunction"},
            script = ""
                    + "if (typeof ResizeObserver === 'function') {"
                    + "  var resizeObserverInstance = new ResizeObserver(function(resizeObserverEntries) {"
                    + "    var resizeObserverBox = resizeObserverEntries[resizeObserverEntries.length - 1].contentRect;"
                    + "    resizeCallbackFunction(resizeObserverBox.width, resizeObserverBox.height);"
                    + "  });"
                    + "  resizeObserverInstance.observe(observedElementForResize);"
                    + "} else {"
                    + "  var resizeFallbackHandler = function() {"
                    + "    resizeCallbackFunction(observedElementForResize.clientWidth, observedElementForResize.clientHeight);"
                    + "  };"
                    + "  self.addEventListener('resize', resizeFallbackHandler);"
                    + "  setTimeout(resizeFallbackHandler, 0);"
                    + "}")
    public static native void onResize(HTMLElement observedElementForResize, ResizeCallback resizeCallbackFunction);

    /** {@code window.devicePixelRatio}, 1 where unknown. */
    @JSBody(script = "return self.devicePixelRatio || 1;")
    public static native double devicePixelRatio();

    /** The pointer's x relative to {@code element}'s left border edge, in CSS pixels (fractional). */
    @JSBody(
            params = {"pointerEventForX", "referenceElementForX"},
            script = "return pointerEventForX.clientX - referenceElementForX.getBoundingClientRect().left;")
    public static native double pointerX(MouseEvent pointerEventForX, HTMLElement referenceElementForX);

    /** The pointer's y relative to {@code element}'s top border edge, in CSS pixels (fractional). */
    @JSBody(
            params = {"pointerEventForY", "referenceElementForY"},
            script = "return pointerEventForY.clientY - referenceElementForY.getBoundingClientRect().top;")
    public static native double pointerY(MouseEvent pointerEventForY, HTMLElement referenceElementForY);

    /** The pointer's position across {@code element}'s box: 0 at the left edge, 1 at the right. */
    @JSBody(
            params = {"pointerEventForUnitX", "elementForUnitX"},
            script = ""
                    + "var unitXBoundingRect = elementForUnitX.getBoundingClientRect();"
                    + "return unitXBoundingRect.width > 0"
                    + " ? (pointerEventForUnitX.clientX - unitXBoundingRect.left) / unitXBoundingRect.width : 0;")
    public static native double unitX(MouseEvent pointerEventForUnitX, HTMLElement elementForUnitX);

    /** The pointer's position down {@code element}'s box: 0 at the top edge, 1 at the bottom. */
    @JSBody(
            params = {"pointerEventForUnitY", "elementForUnitY"},
            script = ""
                    + "var unitYBoundingRect = elementForUnitY.getBoundingClientRect();"
                    + "return unitYBoundingRect.height > 0"
                    + " ? (pointerEventForUnitY.clientY - unitYBoundingRect.top) / unitYBoundingRect.height : 0;")
    public static native double unitY(MouseEvent pointerEventForUnitY, HTMLElement elementForUnitY);

    /** The element's rendered width in CSS pixels (fractional), 0 when not rendered. */
    @JSBody(
            params = "measuredElementForWidth",
            script = "return measuredElementForWidth.getBoundingClientRect().width;")
    public static native double renderedWidth(HTMLElement measuredElementForWidth);

    /** A dash pattern of {@code on} then {@code off} pixels, or a solid line if {@code on <= 0}. */
    @JSBody(
            params = {"dashedContext", "dashOnLength", "dashOffLength"},
            script = "dashedContext.setLineDash(dashOnLength > 0 ? [dashOnLength, dashOffLength] : []);")
    public static native void lineDash(
            CanvasRenderingContext2D dashedContext, double dashOnLength, double dashOffLength);

    /** Sends the pointer's later events to {@code element} even outside it; ignores a pointer that is gone. */
    @JSBody(
            params = {"capturingElementForPointer", "capturedPointerIdentifier"},
            script = ""
                    + "try { capturingElementForPointer.setPointerCapture(capturedPointerIdentifier); }"
                    + " catch (pointerCaptureFailure) { }")
    public static native void capturePointer(HTMLElement capturingElementForPointer, int capturedPointerIdentifier);

    /** Focuses without scrolling the page (so drawing on a phone never jumps the view). */
    @JSBody(
            params = "elementToFocusQuietly",
            script = ""
                    + "try { elementToFocusQuietly.focus({preventScroll: true}); }"
                    + " catch (quietFocusFailure) { elementToFocusQuietly.focus(); }")
    public static native void focusWithoutScroll(HTMLElement elementToFocusQuietly);
}
