package digitlab.app.draw;

import digitlab.app.browser.Canvases;
import digitlab.core.data.Digits;
import digitlab.core.draw.PreparedDigit;
import digitlab.core.view.DigitGrid;
import org.teavm.jso.dom.html.HTMLCanvasElement;

/**
 * The user's newest {@link #THUMBNAILS} digits side by side, newest first, on the {@code my-digits} canvas;
 * the canvas is hidden while there are none, and its {@code aria-label} lists their labels.
 */
final class PersonalThumbnails {
    /** How many of the newest digits are shown. */
    static final int THUMBNAILS = 10;

    private final HTMLCanvasElement canvas;
    private final DigitGrid grid = new DigitGrid(THUMBNAILS, 1, PreparedDigit.SIDE, 2, 2);
    private byte[] rgba;

    PersonalThumbnails(HTMLCanvasElement canvas) {
        this.canvas = canvas;
    }

    /** Shows the newest of {@code personal}'s digits, or hides the canvas if there are none. */
    void show(PersonalDigits personal) {
        int count = personal.count();
        canvas.setHidden(count == 0);
        if (count == 0) {
            return;
        }
        Digits newest = personal.newest(THUMBNAILS);
        if (rgba == null) {
            rgba = grid.newBuffer();
        }
        int[] indices = new int[newest.count()];
        StringBuilder text = new StringBuilder("Your newest digits:");
        for (int i = 0; i < indices.length; i++) {
            indices[i] = i;
            text.append(i == 0 ? " " : ", ").append(newest.label(i));
        }
        grid.paint(newest, indices, rgba);
        Canvases.putRgba(canvas, rgba, grid.width(), grid.height());
        canvas.setAttribute("aria-label", text.toString());
    }
}
