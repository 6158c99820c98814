package digitlab.app.worker;

import digitlab.core.model.Model;
import digitlab.core.model.ModelFormatException;
import digitlab.core.train.Trainer;
import org.teavm.jso.typedarrays.ArrayBuffer;
import org.teavm.jso.typedarrays.Int8Array;

/**
 * Model files in and out of the worker: reading one the page sent (validated in full first, so a bad file
 * changes nothing) and writing the current network for Download and Share. The format is the core's
 * {@link digitlab.core.model.ModelFormat}, the same the JVM trainer saves.
 */
final class ModelFiles {
    private ModelFiles() {}

    /** The model in {@code file}; null, with an error report, if it is not a Digit Lab model. */
    static Model read(ArrayBuffer file, Reporter reports) {
        Model model;
        try {
            model = Model.fromBytes(new Int8Array(file).copyToJavaArray());
        } catch (ModelFormatException e) {
            reports.error("That is not a Digit Lab model: " + e.getMessage());
            return null;
        }
        String mismatch = model.mnistMismatch();
        if (mismatch != null) {
            reports.error("That model cannot read these digits: " + mismatch + ".");
            return null;
        }
        return model;
    }

    /** Reports the run's network as a model file, with its test accuracy (NaN if not measured). */
    static void export(CurrentRun run, double testAccuracy, Reporter reports) {
        Trainer trainer = run.trainer();
        if (trainer == null) {
            reports.error("There is no network to save yet.");
            return;
        }
        byte[] file = trainer.toModel((float) testAccuracy).toBytes();
        reports.model(file, run.config().toQuery(), testAccuracy);
    }
}
