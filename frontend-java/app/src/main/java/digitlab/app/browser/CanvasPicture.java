package digitlab.app.browser;

import org.teavm.jso.canvas.ImageData;
import org.teavm.jso.dom.html.HTMLCanvasElement;
import org.teavm.jso.typedarrays.Uint8Array;
import org.teavm.jso.typedarrays.Uint8ClampedArray;

/**
 * A canvas that shows RGBA pictures Java painted, again and again: like {@link Canvases#putRgba}, but its
 * {@code ImageData} and the byte view onto it are kept while the picture's size stays the same, so a live
 * view allocates nothing in the browser per frame.
 */
public final class CanvasPicture {
    private final HTMLCanvasElement canvas;
    private ImageData image;
    private Uint8Array bytes;

    public CanvasPicture(HTMLCanvasElement canvas) {
        this.canvas = canvas;
    }

    public HTMLCanvasElement canvas() {
        return canvas;
    }

    /** Shows {@code rgba} ({@code width * height * 4} bytes), resizing the canvas first if needed. */
    public void put(byte[] rgba, int width, int height) {
        if (image == null || image.getWidth() != width || image.getHeight() != height) {
            canvas.setWidth(width);
            canvas.setHeight(height);
            image = new ImageData(width, height);
            Uint8ClampedArray data = image.getData();
            // Through a Uint8Array view: signed bytes set on the clamped array would clamp over 127 to 0.
            bytes = new Uint8Array(data.getBuffer(), data.getByteOffset(), data.getLength());
        }
        bytes.set(rgba);
        Canvases.context2d(canvas).putImageData(image, 0, 0);
    }
}
