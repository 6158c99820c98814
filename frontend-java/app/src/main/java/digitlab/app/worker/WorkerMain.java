package digitlab.app.worker;

import digitlab.app.parallel.ReplicaWorker;
import org.teavm.jso.JSBody;

/**
 * The training worker's entry point (compiled to JavaScript and to Wasm GC like the page; started by
 * web/js/worker-js.js or web/js/worker-wasm.js). All training runs here, never on the page's thread.
 */
public final class WorkerMain {
    private WorkerMain() {}

    public static void main(String[] args) {
        WorkerPort.listen();
        if (ReplicaWorker.NAME.equals(workerName())) {
            new ReplicaWorker().run();
        } else {
            new TrainingWorker().run();
        }
    }

    /** The name this worker was started with (a replica worker's is {@link ReplicaWorker#NAME}). */
    @JSBody(script = "return self.name || '';")
    private static native String workerName();
}
