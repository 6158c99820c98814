package digitlab.app.page;

import digitlab.app.protocol.Command;
import digitlab.app.protocol.Report;
import digitlab.app.protocol.Reports;
import java.util.function.Consumer;
import org.teavm.jso.JSBody;
import org.teavm.jso.dom.events.Event;
import org.teavm.jso.workers.Worker;

/** The page's side of the training worker: starts the worker of the running build, sends commands. */
final class WorkerClient {
    private final Worker worker;

    /**
     * @param target "wasm" or "js": the same build as the page, so one kind of code runs in the tab
     * @param onReport called on the page's thread for every report
     */
    WorkerClient(String target, Consumer<Report> onReport) {
        worker = new Worker("wasm".equals(target) ? "js/worker-wasm.js" : "js/worker-js.js");
        worker.onMessage(event -> onReport.accept((Report) event.getData()));
        worker.addEventListener(
                "error",
                (Event event) -> onReport.accept(Reports.error("The training worker failed: " + errorText(event))));
    }

    void send(Command command) {
        worker.postMessage(command);
    }

    @JSBody(params = "workerErrorEvent", script = "return String(workerErrorEvent.message || workerErrorEvent.type);")
    private static native String errorText(Event workerErrorEvent);
}
