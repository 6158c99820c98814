package digitlab.app.qr;

import digitlab.core.share.QrMatrix;
import org.teavm.jso.JSBody;
import org.teavm.jso.JSFunctor;
import org.teavm.jso.JSObject;

/**
 * The QR module's entry point (js/qr.js and wasm/qr.wasm, loaded by the page at the first Share; see
 * {@link QrMatrix} for why it is a module of its own): it offers {@code self.digitLabQrCode(text)}, which
 * answers {@link QrMatrix#toText()}, or '!' and the reason when there is no code for the text.
 */
public final class QrMain {
    private QrMain() {}

    /** Text in, the code as text out. */
    @JSFunctor
    interface Encoder extends JSObject {
        String encode(String text);
    }

    public static void main(String[] args) {
        offer(text -> {
            try {
                return QrMatrix.encode(text).toText();
            } catch (IllegalArgumentException e) {
                return "!" + e.getMessage();
            }
        });
    }

    @JSBody(params = "qrCodeEncoder", script = "self.digitLabQrCode = qrCodeEncoder;")
    private static native void offer(Encoder qrCodeEncoder);
}
