package digitlab.app.browser;

import org.teavm.jso.JSBody;
import org.teavm.jso.canvas.CanvasRenderingContext2D;
import org.teavm.jso.canvas.ImageData;
import org.teavm.jso.dom.html.HTMLCanvasElement;
import org.teavm.jso.typedarrays.Uint8Array;
import org.teavm.jso.typedarrays.Uint8ClampedArray;

/** Copies RGBA pictures that Java painted into a canvas, in one transfer per picture. */
public final class Canvases {
    private Canvases() {}

    public static CanvasRenderingContext2D context2d(HTMLCanvasElement canvas) {
        return (CanvasRenderingContext2D) canvas.getContext("2d");
    }

    /**
     * Puts {@code rgba} ({@code width * height * 4} bytes) at the canvas's top-left corner, resizing the
     * canvas first if needed.
     */
    public static void putRgba(HTMLCanvasElement canvas, byte[] rgba, int width, int height) {
        if (canvas.getWidth() != width || canvas.getHeight() != height) {
            canvas.setWidth(width);
            canvas.setHeight(height);
        }
        ImageData image = new ImageData(width, height);
        Uint8ClampedArray data = image.getData();
        // Through a Uint8Array view: setting signed bytes on the clamped array itself would clamp
        // every value over 127 to 0.
        new Uint8Array(data.getBuffer(), data.getByteOffset(), data.getLength()).set(rgba);
        context2d(canvas).putImageData(image, 0, 0);
    }

    /**
     * The canvas's 2D context, created with {@code willReadFrequently} (it is read back on every update:
     * the browser then keeps it in memory rather than on the GPU).
     */
    @JSBody(
            params = "canvasForReadableContext",
            script = "return canvasForReadableContext.getContext('2d', {willReadFrequently: true});")
    public static native CanvasRenderingContext2D readableContext(HTMLCanvasElement canvasForReadableContext);
}
