package digitlab.app.draw;

import org.teavm.jso.JSBody;
import org.teavm.jso.JSFunctor;
import org.teavm.jso.JSObject;
import org.teavm.jso.JSProperty;
import org.teavm.jso.canvas.CanvasRenderingContext2D;
import org.teavm.jso.dom.events.MouseEvent;
import org.teavm.jso.dom.html.HTMLCanvasElement;
import org.teavm.jso.dom.html.HTMLDocument;
import org.teavm.jso.dom.html.HTMLElement;
import org.teavm.jso.typedarrays.Int8Array;

/**
 * The browser calls the drawing panel needs beyond teavm-jso-apis: pointer events, storage that may be
 * missing, a file download. Scripts use long local names (the minified JS build can rename short ones
 * onto the parameters) and never hand {@code undefined} to a Java String.
 */
final class DrawDom {
    private DrawDom() {}

    /** A pointer event (teavm-jso-apis 0.15 has none): mouse, pen or touch. */
    interface PointerEvent extends MouseEvent {
        @JSProperty
        int getPointerId();

        /** "mouse", "pen" or "touch" ("" if the browser does not say). */
        @JSProperty
        String getPointerType();

        @JSProperty("isPrimary")
        boolean isPrimary();
    }

    /** A new {@code <tag class="className">} (no class if null). */
    static HTMLElement create(String tag, String className) {
        HTMLElement element = HTMLDocument.current().createElement(tag);
        if (className != null) {
            element.setClassName(className);
        }
        return element;
    }

    /** The nearest ancestor of {@code element} (or itself) matching a CSS selector, or null. */
    @JSBody(
            params = {"elementToSearchFrom", "ancestorSelector"},
            script = ""
                    + "var closestMatchingElement = elementToSearchFrom.closest(ancestorSelector);"
                    + "return closestMatchingElement ? closestMatchingElement : null;")
    static native HTMLElement closest(HTMLElement elementToSearchFrom, String ancestorSelector);

    /** The pointer's position across {@code element}'s box: 0 at the left edge, 1 at the right. */
    @JSBody(
            params = {"pointerEventForUnitX", "elementForUnitX"},
            script = ""
                    + "var unitXBoundingRect = elementForUnitX.getBoundingClientRect();"
                    + "return unitXBoundingRect.width > 0"
                    + " ? (pointerEventForUnitX.clientX - unitXBoundingRect.left) / unitXBoundingRect.width : 0;")
    static native double unitX(MouseEvent pointerEventForUnitX, HTMLElement elementForUnitX);

    /** The pointer's position down {@code element}'s box: 0 at the top edge, 1 at the bottom. */
    @JSBody(
            params = {"pointerEventForUnitY", "elementForUnitY"},
            script = ""
                    + "var unitYBoundingRect = elementForUnitY.getBoundingClientRect();"
                    + "return unitYBoundingRect.height > 0"
                    + " ? (pointerEventForUnitY.clientY - unitYBoundingRect.top) / unitYBoundingRect.height : 0;")
    static native double unitY(MouseEvent pointerEventForUnitY, HTMLElement elementForUnitY);

    /** The element's rendered width in CSS pixels (fractional), 0 when not rendered. */
    @JSBody(
            params = "measuredElementForDrawWidth",
            script = "return measuredElementForDrawWidth.getBoundingClientRect().width;")
    static native double renderedWidth(HTMLElement measuredElementForDrawWidth);

    /** {@code window.devicePixelRatio}, 1 where unknown. */
    @JSBody(script = "return self.devicePixelRatio || 1;")
    static native double devicePixelRatio();

    /** Sends the pointer's later events to {@code element} even outside it; ignores a pointer that is gone. */
    @JSBody(
            params = {"capturingElementForPointer", "capturedPointerIdentifier"},
            script = ""
                    + "try { capturingElementForPointer.setPointerCapture(capturedPointerIdentifier); }"
                    + " catch (pointerCaptureFailure) { }")
    static native void capturePointer(HTMLElement capturingElementForPointer, int capturedPointerIdentifier);

    /** Focuses without scrolling the page (so drawing on a phone never jumps the view). */
    @JSBody(
            params = "elementToFocusQuietly",
            script = ""
                    + "try { elementToFocusQuietly.focus({preventScroll: true}); }"
                    + " catch (quietFocusFailure) { elementToFocusQuietly.focus(); }")
    static native void focusWithoutScroll(HTMLElement elementToFocusQuietly);

    /**
     * The canvas's 2D context, created with {@code willReadFrequently} (it is read back on every update:
     * the browser then keeps it in memory rather than on the GPU).
     */
    @JSBody(
            params = "canvasForReadableContext",
            script = "return canvasForReadableContext.getContext('2d', {willReadFrequently: true});")
    static native CanvasRenderingContext2D readableContext(HTMLCanvasElement canvasForReadableContext);

    /** Called with no arguments, e.g. by a ResizeObserver. */
    @JSFunctor
    interface Callback extends JSObject {
        void call();
    }

    /** Calls {@code callback} when {@code element}'s box changes size (and once soon), or on window resize. */
    @JSBody(
            params = {"observedElementForDrawResize", "drawResizeCallback"},
            script = ""
                    + "if (typeof ResizeObserver === 'function') {"
                    + "  new ResizeObserver(function() { drawResizeCallback(); }).observe(observedElementForDrawResize);"
                    + "} else {"
                    + "  self.addEventListener('resize', function() { drawResizeCallback(); });"
                    + "  setTimeout(function() { drawResizeCallback(); }, 0);"
                    + "}")
    static native void onResize(HTMLElement observedElementForDrawResize, Callback drawResizeCallback);

    /** localStorage's value for {@code key}; null if absent or if storage is unavailable. */
    @JSBody(
            params = "storageKeyToRead",
            script = ""
                    + "try {"
                    + "  var storedValueForKey = self.localStorage.getItem(storageKeyToRead);"
                    + "  return typeof storedValueForKey === 'string' ? storedValueForKey : null;"
                    + "} catch (storageReadFailure) { return null; }")
    static native String storageGet(String storageKeyToRead);

    /** Stores a value; false if storage is unavailable or full. */
    @JSBody(
            params = {"storageKeyToWrite", "storageValueToWrite"},
            script = ""
                    + "try { self.localStorage.setItem(storageKeyToWrite, storageValueToWrite); return true; }"
                    + " catch (storageWriteFailure) { return false; }")
    static native boolean storageSet(String storageKeyToWrite, String storageValueToWrite);

    /** Removes a value; false if storage is unavailable. */
    @JSBody(
            params = "storageKeyToRemove",
            script = ""
                    + "try { self.localStorage.removeItem(storageKeyToRemove); return true; }"
                    + " catch (storageRemoveFailure) { return false; }")
    static native boolean storageRemove(String storageKeyToRemove);

    /** True if localStorage can be written (not in some private modes or with storage blocked). */
    @JSBody(
            script = ""
                    + "try {"
                    + "  var storageProbeKey = 'digitlab.storage-probe';"
                    + "  self.localStorage.setItem(storageProbeKey, '1');"
                    + "  self.localStorage.removeItem(storageProbeKey);"
                    + "  return true;"
                    + "} catch (storageProbeFailure) { return false; }")
    static native boolean storageAvailable();

    /** Offers {@code bytes} as a file download through a temporary Blob URL. */
    @JSBody(
            params = {"downloadBytesView", "downloadFileName", "downloadMediaType"},
            script = ""
                    + "var downloadBlobObject = new Blob([new Uint8Array(downloadBytesView.buffer,"
                    + "    downloadBytesView.byteOffset, downloadBytesView.length)], {type: downloadMediaType});"
                    + "var downloadBlobUrl = URL.createObjectURL(downloadBlobObject);"
                    + "var downloadAnchorElement = document.createElement('a');"
                    + "downloadAnchorElement.href = downloadBlobUrl;"
                    + "downloadAnchorElement.download = downloadFileName;"
                    + "downloadAnchorElement.style.display = 'none';"
                    + "document.body.appendChild(downloadAnchorElement);"
                    + "downloadAnchorElement.click();"
                    + "downloadAnchorElement.remove();"
                    + "setTimeout(function() { URL.revokeObjectURL(downloadBlobUrl); }, 10000);")
    static native void download(Int8Array downloadBytesView, String downloadFileName, String downloadMediaType);
}
