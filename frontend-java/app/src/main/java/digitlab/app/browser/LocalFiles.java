package digitlab.app.browser;

import org.teavm.jso.JSBody;
import org.teavm.jso.JSFunctor;
import org.teavm.jso.JSObject;
import org.teavm.jso.dom.html.HTMLElement;
import org.teavm.jso.typedarrays.ArrayBuffer;

/** Files on the person's computer: picking or dropping one to read it, and saving bytes as a download. */
public final class LocalFiles {
    private LocalFiles() {}

    /** Receives a chosen file's bytes and name, or null and an error text. */
    @JSFunctor
    public interface FileCallback extends JSObject {
        void read(ArrayBuffer bytes, String name, String error);
    }

    /**
     * Reads the file chosen in {@code fileInput} (an {@code <input type=file>}) or dropped anywhere on
     * {@code dropZone}; files over {@code maxBytes} are refused without being read.
     */
    @JSBody(
            params = {"fileInput", "dropZone", "maxFileBytes", "fileRead"},
            script = ""
                    + "function readChosenFile(chosenFile) {"
                    + "  if (!chosenFile) { return; }"
                    + "  if (chosenFile.size > maxFileBytes) {"
                    + "    fileRead(null, chosenFile.name, chosenFile.name + ' is ' + chosenFile.size"
                    + "        + ' bytes; a model file is at most ' + maxFileBytes); return; }"
                    + "  chosenFile.arrayBuffer().then(function(chosenBytes) { fileRead(chosenBytes, chosenFile.name, null); },"
                    + "      function(readFailure) { fileRead(null, chosenFile.name, String(readFailure)); });"
                    + "}"
                    + "fileInput.addEventListener('change', function() {"
                    + "  readChosenFile(fileInput.files[0]); fileInput.value = ''; });"
                    + "dropZone.addEventListener('dragover', function(dragEvent) {"
                    + "  if (dragEvent.dataTransfer && Array.prototype.indexOf.call(dragEvent.dataTransfer.types, 'Files') >= 0) {"
                    + "    dragEvent.preventDefault(); dropZone.classList.add('drop-target'); } });"
                    + "dropZone.addEventListener('dragleave', function() { dropZone.classList.remove('drop-target'); });"
                    + "dropZone.addEventListener('drop', function(dropEvent) {"
                    + "  dropZone.classList.remove('drop-target');"
                    + "  if (!dropEvent.dataTransfer || dropEvent.dataTransfer.files.length === 0) { return; }"
                    + "  dropEvent.preventDefault(); readChosenFile(dropEvent.dataTransfer.files[0]); });")
    public static native void onFile(
            HTMLElement fileInput, HTMLElement dropZone, int maxFileBytes, FileCallback fileRead);

    /**
     * Offers {@code bytes} (an ArrayBuffer or a typed array) as a download named {@code fileName} of media
     * type {@code mediaType}, through a temporary Blob URL.
     */
    @JSBody(
            params = {"downloadBytes", "downloadName", "downloadMediaType"},
            script = ""
                    + "var downloadUrl = URL.createObjectURL(new Blob([downloadBytes], { type: downloadMediaType }));"
                    + "var downloadLink = document.createElement('a');"
                    + "downloadLink.href = downloadUrl; downloadLink.download = downloadName;"
                    + "downloadLink.style.display = 'none';"
                    + "document.body.appendChild(downloadLink); downloadLink.click(); downloadLink.remove();"
                    + "setTimeout(function() { URL.revokeObjectURL(downloadUrl); }, 10000);")
    public static native void download(JSObject downloadBytes, String downloadName, String downloadMediaType);
}
