package digitlab.app.draw;

import digitlab.app.browser.Canvases;
import digitlab.app.browser.Clock;
import digitlab.app.browser.Dom;
import digitlab.app.browser.PointerEvent;
import digitlab.core.draw.Strokes;
import org.teavm.jso.browser.Window;
import org.teavm.jso.canvas.CanvasRenderingContext2D;
import org.teavm.jso.canvas.ImageData;
import org.teavm.jso.dom.events.Event;
import org.teavm.jso.dom.events.EventListener;
import org.teavm.jso.dom.events.KeyboardEvent;
import org.teavm.jso.dom.html.HTMLCanvasElement;
import org.teavm.jso.typedarrays.Int8Array;
import org.teavm.jso.typedarrays.Uint8ClampedArray;

/**
 * A square canvas to draw one digit on with a mouse, pen or finger: white ink on black, round caps and
 * joins, a pen {@link Strokes#DEFAULT_WIDTH 9%} of the side wide. Pointer events with pointer capture, so
 * a stroke continues outside the canvas; the page's CSS gives the canvas {@code touch-action: none} so
 * touch draws instead of scrolling or zooming. Each new pointer position is joined to the previous one by
 * a line, so fast strokes have no gaps.
 *
 * <p>The strokes are kept (in unit coordinates) for undo and for redrawing when the canvas's size on
 * screen changes: the canvas's pixel size follows its CSS size times the device pixel ratio, between
 * {@link #MIN_SIDE} and {@link #MAX_SIDE}.
 *
 * <p>Keys, when the canvas has focus: Escape or Delete clears, Backspace or Ctrl/Cmd+Z undoes the last
 * stroke. The {@link ChangeListener} hears about changes at most every {@link #THROTTLE_MS} while a
 * stroke is drawn, once more when it ends, and after undo and clear.
 *
 * <p>The canvas gets {@code data-strokes} (the stroke count) for tests and styling.
 */
public final class DrawPad {
    /** Least time between two change notices while drawing. */
    public static final double THROTTLE_MS = 60;
    /**
     * Canvas pixels per side, at least (a small phone) and at most: plenty for a 28x28 result, and each
     * update reads and scans every pixel (headless Chromium on a busy machine, a whole update with a fake
     * predictor: about 6-14 ms at 420 px and 9-14 ms at 560 px, in either build).
     */
    public static final int MIN_SIDE = 140;

    public static final int MAX_SIDE = 420;

    private static final String INK = "#ffffff";
    private static final String BACKGROUND = "#000000";

    /** Told when the drawing changed. */
    public interface ChangeListener {
        /**
         * @param settled true when no stroke is being drawn (a stroke ended, undo, clear): a good moment
         *     for work that need not run while the pen moves
         */
        void drawingChanged(boolean settled);
    }

    private final HTMLCanvasElement canvas;
    private final Strokes strokes = new Strokes();
    private CanvasRenderingContext2D context;
    private ChangeListener listener;
    private int side;
    private int activePointer = -1;
    private double lastX;
    private double lastY;
    private double lastNotice = -1e9;
    private int timer;
    private boolean pending;

    /** @param canvas a square canvas; its {@code width} attribute is the pixel size until it is laid out */
    public DrawPad(HTMLCanvasElement canvas) {
        this.canvas = canvas;
        this.side = Math.max(MIN_SIDE, Math.min(MAX_SIDE, canvas.getWidth() > 0 ? canvas.getWidth() : 280));
        this.context = Canvases.readableContext(canvas);
        canvas.setWidth(side);
        canvas.setHeight(side);
        redraw();
        listen("pointerdown", this::pointerDown);
        listen("pointermove", this::pointerMove);
        listen("pointerup", this::pointerUp);
        listen("pointercancel", this::pointerUp);
        listen("lostpointercapture", this::pointerUp);
        canvas.addEventListener("contextmenu", Event::preventDefault);
        canvas.addEventListener("keydown", (EventListener<KeyboardEvent>) this::keyDown);
        Dom.onResize(canvas, (width, height) -> resized());
    }

    private void listen(String type, EventListener<PointerEvent> handler) {
        canvas.addEventListener(type, handler);
    }

    public void setListener(ChangeListener listener) {
        this.listener = listener;
    }

    /** True when nothing is drawn. */
    public boolean isEmpty() {
        return strokes.isEmpty();
    }

    /** True while a stroke is being drawn. */
    public boolean isDrawing() {
        return strokes.isDrawing();
    }

    /** Removes the last stroke; false if there was none. */
    public boolean undo() {
        activePointer = -1;
        boolean undone = strokes.undo();
        if (undone) {
            redraw();
            notifyNow(true);
        }
        return undone;
    }

    /** Removes every stroke. */
    public void clear() {
        activePointer = -1;
        boolean had = !strokes.isEmpty();
        strokes.clear();
        redraw();
        if (had) {
            notifyNow(true);
        }
    }

    /** Canvas pixels per side (the size of {@link #readRgba()}'s image). */
    public int side() {
        return side;
    }

    /** The canvas's pixels, {@code side * side * 4} bytes RGBA, read in one getImageData and one copy. */
    public byte[] readRgba() {
        ImageData image = context.getImageData(0, 0, side, side);
        Uint8ClampedArray data = image.getData();
        return new Int8Array(data.getBuffer(), data.getByteOffset(), data.getLength()).copyToJavaArray();
    }

    private void pointerDown(PointerEvent event) {
        if (activePointer >= 0
                || !event.isPrimary()
                || ("mouse".equals(event.getPointerType()) && event.getButton() != 0)) {
            return; // one pen at a time; only the main mouse button draws
        }
        event.preventDefault();
        Dom.focusWithoutScroll(canvas);
        activePointer = event.getPointerId();
        Dom.capturePointer(canvas, activePointer);
        lastX = clampUnit(Dom.unitX(event, canvas));
        lastY = clampUnit(Dom.unitY(event, canvas));
        strokes.begin(lastX, lastY);
        setupPen();
        context.beginPath();
        context.arc(lastX * side, lastY * side, penWidth() / 2, 0, 2 * Math.PI);
        context.fill();
        drew();
    }

    private void pointerMove(PointerEvent event) {
        if (event.getPointerId() != activePointer || !strokes.isDrawing()) {
            return;
        }
        event.preventDefault();
        double x = clampUnit(Dom.unitX(event, canvas));
        double y = clampUnit(Dom.unitY(event, canvas));
        if (!strokes.extend(x, y)) {
            return;
        }
        setupPen();
        context.beginPath();
        context.moveTo(lastX * side, lastY * side);
        context.lineTo(x * side, y * side);
        context.stroke();
        lastX = x;
        lastY = y;
        drew();
    }

    private void pointerUp(PointerEvent event) {
        if (event.getPointerId() != activePointer) {
            return;
        }
        activePointer = -1;
        if (strokes.isDrawing()) {
            strokes.end();
            notifyNow(true);
        }
    }

    private void keyDown(KeyboardEvent event) {
        String key = event.getKey();
        boolean command = event.isCtrlKey() || event.isMetaKey();
        if ("Escape".equals(key) || "Delete".equals(key)) {
            if (!isEmpty()) {
                event.preventDefault();
                clear();
            }
        } else if ("Backspace".equals(key) || command && ("z".equals(key) || "Z".equals(key))) {
            event.preventDefault();
            undo();
        }
    }

    /** Lets the browser lay out, then matches the canvas's pixels to its size on screen. */
    private void resized() {
        double cssSide = Dom.renderedWidth(canvas);
        if (cssSide <= 0) {
            return; // not rendered (hidden): keep the current size
        }
        int wanted = (int) Math.max(MIN_SIDE, Math.min(MAX_SIDE, Math.floor(cssSide * Dom.devicePixelRatio())));
        if (wanted != side) {
            side = wanted;
            canvas.setWidth(side);
            canvas.setHeight(side);
            context = Canvases.readableContext(canvas);
            redraw();
            if (!isEmpty()) {
                notifyNow(!isDrawing());
            }
        }
    }

    private double penWidth() {
        return Strokes.DEFAULT_WIDTH * side;
    }

    private void setupPen() {
        context.setLineCap("round");
        context.setLineJoin("round");
        context.setLineWidth(penWidth());
        context.setStrokeStyle(INK);
        context.setFillStyle(INK);
    }

    /** Paints the background and every stroke again. */
    private void redraw() {
        context.setFillStyle(BACKGROUND);
        context.fillRect(0, 0, side, side);
        setupPen();
        for (int s = 0; s < strokes.count(); s++) {
            int n = strokes.points(s);
            context.beginPath();
            if (n == 1) {
                context.arc(strokes.x(s, 0) * side, strokes.y(s, 0) * side, penWidth() / 2, 0, 2 * Math.PI);
                context.fill();
                continue;
            }
            context.moveTo(strokes.x(s, 0) * side, strokes.y(s, 0) * side);
            for (int i = 1; i < n; i++) {
                context.lineTo(strokes.x(s, i) * side, strokes.y(s, i) * side);
            }
            context.stroke();
        }
        canvas.setAttribute("data-strokes", String.valueOf(strokes.count()));
    }

    /** Something was drawn: tell the listener now, or when the throttle interval has passed. */
    private void drew() {
        canvas.setAttribute("data-strokes", String.valueOf(strokes.count()));
        pending = true;
        double waited = Clock.nowMillis() - lastNotice;
        if (waited >= THROTTLE_MS) {
            notifyNow(false);
        } else if (timer == 0) {
            timer = Window.setTimeout(this::timerFired, THROTTLE_MS - waited);
        }
    }

    private void timerFired() {
        timer = 0;
        if (pending) {
            notifyNow(!isDrawing());
        }
    }

    private void notifyNow(boolean settled) {
        if (timer != 0) {
            Window.clearTimeout(timer);
            timer = 0;
        }
        pending = false;
        lastNotice = Clock.nowMillis();
        if (listener != null) {
            listener.drawingChanged(settled);
        }
    }

    /** A captured pointer can leave the canvas: its ink is clipped there, but keep the numbers sane. */
    private static double clampUnit(double v) {
        return Double.isNaN(v) ? 0 : Math.max(-0.5, Math.min(1.5, v));
    }
}
