package digitlab.app.views;

import org.teavm.jso.JSBody;
import org.teavm.jso.JSFunctor;
import org.teavm.jso.JSObject;
import org.teavm.jso.canvas.CanvasRenderingContext2D;
import org.teavm.jso.dom.events.MouseEvent;
import org.teavm.jso.dom.html.HTMLDocument;
import org.teavm.jso.dom.html.HTMLElement;

/**
 * The few DOM helpers the views share. Scripts use long local names: the minified JS build can rename
 * short ones onto the parameters.
 */
final class Dom {
    private Dom() {}

    /** A new {@code <tag class="className">} (no class if {@code className} is null). */
    static HTMLElement create(String tag, String className) {
        HTMLElement element = HTMLDocument.current().createElement(tag);
        if (className != null) {
            element.setClassName(className);
        }
        return element;
    }

    /** A new element with a class and a text. */
    static HTMLElement text(String tag, String className, String text) {
        HTMLElement element = create(tag, className);
        element.setTextContent(text);
        return element;
    }

    /** Sets one inline style property, e.g. {@code style(bar, "width", "42%")}. */
    static void style(HTMLElement element, String property, String value) {
        element.getStyle().setProperty(property, value);
    }

    /** Called with an element's new content-box size in CSS pixels. */
    @JSFunctor
    interface ResizeCallback extends JSObject {
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
    static native void onResize(HTMLElement observedElementForResize, ResizeCallback resizeCallbackFunction);

    /** {@code window.devicePixelRatio}, 1 where unknown. */
    @JSBody(script = "return self.devicePixelRatio || 1;")
    static native double devicePixelRatio();

    /** The pointer's x relative to {@code element}'s left border edge, in CSS pixels (fractional). */
    @JSBody(
            params = {"pointerEventForX", "referenceElementForX"},
            script = "return pointerEventForX.clientX - referenceElementForX.getBoundingClientRect().left;")
    static native double pointerX(MouseEvent pointerEventForX, HTMLElement referenceElementForX);

    /** The pointer's y relative to {@code element}'s top border edge, in CSS pixels (fractional). */
    @JSBody(
            params = {"pointerEventForY", "referenceElementForY"},
            script = "return pointerEventForY.clientY - referenceElementForY.getBoundingClientRect().top;")
    static native double pointerY(MouseEvent pointerEventForY, HTMLElement referenceElementForY);

    /** The element's rendered width in CSS pixels (fractional), 0 when not rendered. */
    @JSBody(
            params = "measuredElementForWidth",
            script = "return measuredElementForWidth.getBoundingClientRect().width;")
    static native double renderedWidth(HTMLElement measuredElementForWidth);

    /** A dash pattern of {@code on} then {@code off} pixels, or a solid line if {@code on <= 0}. */
    @JSBody(
            params = {"dashedContext", "dashOnLength", "dashOffLength"},
            script = "dashedContext.setLineDash(dashOnLength > 0 ? [dashOnLength, dashOffLength] : []);")
    static native void lineDash(CanvasRenderingContext2D dashedContext, double dashOnLength, double dashOffLength);
}
