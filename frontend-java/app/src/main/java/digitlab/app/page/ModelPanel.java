package digitlab.app.page;

import digitlab.app.browser.Http;
import digitlab.app.browser.LocalFiles;
import digitlab.app.protocol.Command;
import digitlab.app.protocol.Commands;
import digitlab.app.protocol.Report;
import digitlab.core.share.Lesson;
import digitlab.core.share.ShareLink;
import org.teavm.jso.JSObject;
import org.teavm.jso.JSProperty;
import org.teavm.jso.dom.html.HTMLButtonElement;
import org.teavm.jso.dom.html.HTMLDocument;

/**
 * Save and share: Share uploads the current network and shows a link that opens it; Download saves the
 * model file; a model file chosen or dropped on the page replaces the network. The worker writes and
 * checks the files (the same format the JVM trainer saves); this class only moves bytes.
 */
final class ModelPanel {
    /** The server's upload limit; bigger files are refused before reading them. */
    static final int MAX_MODEL_BYTES = 16 * 1024 * 1024;

    private static final String MODELS_API = "api/models";

    private final WorkerClient worker;
    private final StatusLine status;
    private final HTMLButtonElement share;
    private final HTMLButtonElement download;
    private final ShareBox shareBox;
    private final Listener listener;
    private String pendingExport;
    private String architecture = "network";

    /** What the page needs to know about models coming and going. */
    interface Listener {
        /** The network on screen is now shared as model {@code modelId}. */
        void shared(String modelId);

        /** A model from {@code source} ("link" or a file name) is on its way to the worker. */
        void loadingModel(String source);
    }

    /** The answer to an upload. */
    interface UploadAnswer extends JSObject {
        @JSProperty
        String getId();
    }

    /** {@code lesson}: the lesson of the page's address, which the share panel starts from. */
    ModelPanel(HTMLDocument document, WorkerClient worker, StatusLine status, Lesson lesson, Listener listener) {
        this.worker = worker;
        this.status = status;
        this.listener = listener;
        share = (HTMLButtonElement) document.getElementById("share");
        download = (HTMLButtonElement) document.getElementById("download-model");
        shareBox = new ShareBox(document, status, lesson);
        share.onClick(event -> export("share"));
        download.onClick(event -> export("download"));
        LocalFiles.onFile(
                document.getElementById("model-file"), document.getBody(), MAX_MODEL_BYTES, (bytes, name, error) -> {
                    if (error != null) {
                        status.error("Could not read " + name + ": " + error);
                        return;
                    }
                    status.clearError();
                    listener.loadingModel(name);
                    worker.send(Commands.loadModel(bytes));
                });
    }

    /**
     * Loads the shared model {@code id} (from the page address). A file that carries its run's settings
     * brings them, like a downloaded one, over the link's (the same unless someone edited the link).
     */
    void loadShared(String id) {
        if (!ShareLink.isModelId(id)) {
            status.error("The link names no valid model (" + id + "): starting a new network instead.");
            return;
        }
        listener.loadingModel("link");
        Http.getBytes(MODELS_API + "/" + id, (bytes, error) -> {
            if (error != null) {
                status.error("Could not load the shared model " + id + ": " + error);
            } else {
                worker.send(Commands.loadModel(bytes));
            }
        });
    }

    /** Whether there is a network to save, and what it is called in file names. */
    void setNetwork(boolean ready, String description) {
        share.setDisabled(!ready);
        download.setDisabled(!ready);
        architecture = description;
    }

    /** The worker's model file, asked for by Share or Download. */
    void onModel(Report.ModelFile report) {
        String action = pendingExport;
        pendingExport = null;
        if ("download".equals(action)) {
            LocalFiles.download(
                    report.getModelFile(), "digit-lab-" + architecture + ".dlnn", "application/octet-stream");
        } else if ("share".equals(action)) {
            upload(report);
        }
    }

    private void export(String action) {
        status.clearError();
        pendingExport = action;
        worker.send(Commands.of(Command.EXPORT_MODEL));
    }

    private void upload(Report.ModelFile report) {
        share.setDisabled(true);
        status.show("loading", "Uploading the model…");
        Http.postBytes(MODELS_API, report.getModelFile(), (json, error) -> {
            share.setDisabled(false);
            if (error != null) {
                status.error("Sharing failed: " + error);
                return;
            }
            String id = ((UploadAnswer) json).getId();
            listener.shared(id);
            shareBox.show(id);
            status.show(
                    "done",
                    "Shared: the link below opens this exact model with its settings; Copy link puts it on the clipboard.");
        });
    }
}
