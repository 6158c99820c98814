package digitlab.app.views;

import digitlab.app.browser.CanvasPicture;
import digitlab.app.browser.Dom;
import org.teavm.jso.dom.html.HTMLCanvasElement;
import org.teavm.jso.dom.html.HTMLElement;

/**
 * One picture of a view that draws a figure per layer (filters, strips, feature maps): a {@code figure}
 * holding a canvas, described to screen readers as an image, and its caption, appended to the view.
 */
class CaptionedCanvas {
    final HTMLElement figure;
    final HTMLCanvasElement canvas;
    /** The canvas's pixels, kept from frame to frame while their size stays the same. */
    final CanvasPicture picture;

    final HTMLElement caption;

    CaptionedCanvas(HTMLElement container, String figureClass, String canvasClass) {
        figure = Dom.create("figure", figureClass);
        canvas = (HTMLCanvasElement) Dom.create("canvas", "pixelated " + canvasClass);
        canvas.setAttribute("role", "img");
        caption = Dom.create("figcaption", null);
        figure.appendChild(canvas);
        figure.appendChild(caption);
        container.appendChild(figure);
        picture = new CanvasPicture(canvas);
    }
}
