package digitlab.app.browser;

import org.teavm.jso.JSBody;
import org.teavm.jso.JSFunctor;
import org.teavm.jso.JSObject;

/**
 * Loads the QR module (js/qr.js or wasm/qr.wasm, the same build as the page's) once, on first use, and asks
 * it for codes. See digitlab.app.qr.QrMain.
 */
public final class QrModule {
    private QrModule() {}

    /** Told once the module is there (an empty error) or could not be loaded (why). */
    @JSFunctor
    public interface Loaded extends JSObject {
        void loaded(String error);
    }

    /** Starts the module of build {@code target} ("js" or "wasm") unless it runs already. */
    @JSBody(
            params = {"qrModuleTarget", "qrModuleLoaded"},
            script = ""
                    + "if (self.digitLabQrCode) { qrModuleLoaded(''); return; }"
                    + "var qrModuleStart = qrModuleTarget === 'wasm'"
                    + "  ? TeaVM.wasmGC.load('wasm/qr.wasm').then(function(qrWasmModule) {"
                    + "      qrWasmModule.exports.main([]); })"
                    + "  : new Promise(function(qrScriptLoaded, qrScriptFailed) {"
                    + "      var qrModuleScript = document.createElement('script');"
                    + "      qrModuleScript.src = 'js/qr.js';"
                    + "      qrModuleScript.onload = qrScriptLoaded;"
                    + "      qrModuleScript.onerror = function() { qrScriptFailed(new Error('js/qr.js did not load')); };"
                    + "      document.head.appendChild(qrModuleScript);"
                    + "    }).then(function() { self.main([]); });"
                    + "qrModuleStart.then(function() {"
                    + "  qrModuleLoaded(self.digitLabQrCode ? '' : 'the QR module did not start');"
                    + "}, function(qrModuleError) { qrModuleLoaded(String(qrModuleError)); });")
    public static native void load(String qrModuleTarget, Loaded qrModuleLoaded);

    /** The module's answer for {@code text} (see digitlab.app.qr.QrMain); only after {@link #load} succeeded. */
    @JSBody(params = "qrCodeText", script = "return self.digitLabQrCode(qrCodeText);")
    public static native String encode(String qrCodeText);
}
