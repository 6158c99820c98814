package digitlab.app.worker;

/**
 * The training worker's entry point (compiled to JavaScript and to Wasm GC like the page; started by
 * web/js/worker-js.js or web/js/worker-wasm.js). All training runs here, never on the page's thread.
 */
public final class WorkerMain {
    private WorkerMain() {
    }

    public static void main(String[] args) {
        WorkerPort.listen();
        new TrainingWorker().run();
    }
}
