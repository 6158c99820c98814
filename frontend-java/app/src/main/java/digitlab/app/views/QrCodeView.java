package digitlab.app.views;

import digitlab.app.browser.Canvases;
import digitlab.app.browser.QrModule;
import digitlab.core.share.QrMatrix;
import org.teavm.jso.dom.events.EventListener;
import org.teavm.jso.dom.events.KeyboardEvent;
import org.teavm.jso.dom.html.HTMLButtonElement;
import org.teavm.jso.dom.html.HTMLCanvasElement;
import org.teavm.jso.dom.html.HTMLDocument;
import org.teavm.jso.dom.html.HTMLElement;

/**
 * The share link's QR code ({@code #share-qr}, painted from the {@link QrMatrix} the QR module made) with
 * its caption, and "Show
 * large" ({@code #share-qr-large}), which fills the screen with it for a classroom; Escape or the button
 * makes it small again. After {@link #show} the canvas carries {@code data-version} and {@code data-modules}
 * (modules a side, quiet zone included).
 */
public final class QrCodeView {
    /** Pixels a module in the canvas: CSS scales it, so a few are enough to stay crisp when shown large. */
    private static final int MIN_PIXELS = 400;

    private static final String SCAN = "Scan it to open the link on a phone.";
    private static final String MAKING = "Making the QR code…";

    /** The QR module's state: loaded at the first {@link #show}. */
    private enum Module {
        ABSENT,
        LOADING,
        READY
    }

    private final HTMLElement figure;
    private final HTMLCanvasElement canvas;
    private final HTMLElement caption;
    private final HTMLButtonElement large;
    /** The page's build ("js" or "wasm"), whose QR module it loads. */
    private final String target;

    private Module module = Module.ABSENT;
    private String wanted;

    public QrCodeView(HTMLDocument document) {
        figure = document.getElementById("share-qr-figure");
        canvas = (HTMLCanvasElement) document.getElementById("share-qr");
        caption = document.getElementById("share-qr-caption");
        large = (HTMLButtonElement) document.getElementById("share-qr-large");
        target = document.getDocumentElement().getAttribute("data-target");
        large.onClick(event -> setLarge(!figure.getClassList().contains("large")));
        figure.addEventListener("keydown", (EventListener<KeyboardEvent>) event -> {
            if ("Escape".equals(event.getKey())) {
                setLarge(false);
            }
        });
    }

    /**
     * Shows the QR code of {@code text}, or says why there is none (a text too long for any QR code). The
     * first call loads the QR module; the latest text asked for is painted once it is in.
     */
    public void show(String text) {
        wanted = text;
        if (module == Module.READY) {
            paint(text);
        } else if (module == Module.ABSENT) {
            module = Module.LOADING;
            caption.setTextContent(MAKING);
            QrModule.load(target, error -> {
                if (error.isEmpty()) {
                    module = Module.READY;
                    paint(wanted);
                } else {
                    module = Module.ABSENT; // the next link tries again
                    noCode("the QR code maker did not load (" + error + ")");
                }
            });
        }
    }

    private void paint(String text) {
        String answer = QrModule.encode(text);
        if (answer.startsWith("!")) {
            noCode("the link is " + answer.substring(1) + "; a shorter note makes one");
            return;
        }
        QrMatrix qr = QrMatrix.fromText(answer);
        int scale = Math.max(1, (MIN_PIXELS + qr.side() - 1) / qr.side());
        Canvases.putRgba(canvas, qr.rgba(scale), qr.side() * scale, qr.side() * scale);
        canvas.setAttribute("data-version", String.valueOf(qr.version()));
        canvas.setAttribute("data-modules", String.valueOf(qr.side()));
        canvas.setAttribute("aria-label", "QR code of the link " + text);
        canvas.setHidden(false);
        large.setHidden(false);
        caption.setTextContent(SCAN);
    }

    private void noCode(String why) {
        canvas.setHidden(true);
        canvas.removeAttribute("data-version");
        large.setHidden(true);
        setLarge(false);
        caption.setTextContent("No QR code: " + why + ".");
    }

    private void setLarge(boolean on) {
        if (on) {
            figure.getClassList().add("large");
        } else {
            figure.getClassList().remove("large");
        }
        large.setTextContent(on ? "Show small" : "Show large");
        large.setAttribute("aria-pressed", String.valueOf(on));
    }
}
