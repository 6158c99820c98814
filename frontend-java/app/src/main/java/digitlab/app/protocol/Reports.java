package digitlab.app.protocol;

import org.teavm.jso.JSBody;
import org.teavm.jso.typedarrays.ArrayBuffer;
import org.teavm.jso.typedarrays.Float32Array;
import org.teavm.jso.typedarrays.Int32Array;

/**
 * Builds the worker's {@link Report} messages. Progress numbers are set by three small setters: one
 * script with fourteen positional parameters would be hard to read at the call site.
 */
public final class Reports {
    private Reports() {}

    @JSBody(
            params = {"loadedShards", "totalShards", "trainExamples", "testExamples"},
            script = ""
                    + "return { type: 'data', loaded: loadedShards, total: totalShards, trainCount: trainExamples,"
                    + " testCount: testExamples, state: null, message: null, query: null };")
    public static native Report data(int loadedShards, int totalShards, int trainExamples, int testExamples);

    @JSBody(
            params = {"configQuery", "parameterCount", "modelOrigin", "settingsNote"},
            script = ""
                    + "return { type: 'configured', query: configQuery, parameters: parameterCount,"
                    + " state: null, message: modelOrigin, note: settingsNote };")
    public static native Report configured(
            String configQuery, int parameterCount, String modelOrigin, String settingsNote);

    @JSBody(
            params = {"modelBytes", "configQuery", "testAccuracy"},
            script = ""
                    + "return { type: 'model', bytes: modelBytes, query: configQuery, accuracy: testAccuracy,"
                    + " state: null, message: null };")
    public static native Report model(ArrayBuffer modelBytes, String configQuery, double testAccuracy);

    /**
     * Progress; the numbers are set on the returned object by the setters below. {@code divergence} is
     * the {@link digitlab.core.nn.Divergence#id()} of a diverged run, else null.
     */
    @JSBody(
            params = {"workerState", "divergence"},
            script = "" + "return { type: 'progress', state: workerState, message: divergence, query: null };")
    public static native Report progress(String workerState, String divergence);

    @JSBody(
            params = {"unitCount", "inputCount", "weightArray"},
            script = ""
                    + "return { type: 'weights', units: unitCount, inputs: inputCount, floats: weightArray,"
                    + " state: null, message: null, query: null };")
    public static native Report weights(int unitCount, int inputCount, Float32Array weightArray);

    @JSBody(
            params = {"testAccuracy", "confusionAndMistakes", "mistakeProbabilities"},
            script = ""
                    + "return { type: 'evaluation', accuracy: testAccuracy, ints: confusionAndMistakes,"
                    + " floats: mistakeProbabilities, state: null, message: null, query: null };")
    public static native Report evaluation(
            double testAccuracy, Int32Array confusionAndMistakes, Float32Array mistakeProbabilities);

    @JSBody(
            params = {"imageIndex", "imageLabel", "layerSizes", "layerActivations"},
            script = ""
                    + "return { type: 'inspection', index: imageIndex, label: imageLabel, ints: layerSizes,"
                    + " floats: layerActivations, state: null, message: null, query: null };")
    public static native Report inspection(
            int imageIndex, int imageLabel, Int32Array layerSizes, Float32Array layerActivations);

    @JSBody(
            params = "predictedClasses",
            script =
                    ""
                            + "return { type: 'predictions', ints: predictedClasses, state: null, message: null, query: null };")
    public static native Report predictions(Int32Array predictedClasses);

    @JSBody(
            params = {"benchQuery", "benchSpeed", "benchExamples", "benchAccuracy", "benchLoss", "benchWorkers"},
            script = "return { type: 'benchmark', query: benchQuery, examplesPerSecond: benchSpeed,"
                    + " examplesSeen: benchExamples, accuracy: benchAccuracy, loss: benchLoss, workers: benchWorkers,"
                    + " state: null, message: null };")
    public static native Report benchmark(
            String benchQuery,
            double benchSpeed,
            double benchExamples,
            double benchAccuracy,
            double benchLoss,
            int benchWorkers);

    @JSBody(
            params = {"predictedDigit", "layerSizes", "layerActivations"},
            script = ""
                    + "return { type: 'drawing', index: predictedDigit, ints: layerSizes, floats: layerActivations,"
                    + " state: null, message: null, query: null };")
    public static native Report drawing(int predictedDigit, Int32Array layerSizes, Float32Array layerActivations);

    @JSBody(
            params = "errorMessage",
            script = "" + "return { type: 'error', message: errorMessage, state: null, query: null };")
    public static native Report error(String errorMessage);

    @JSBody(
            params = {"progressReport", "doneEpochs", "epochFraction", "stepCount", "seen"},
            script = ""
                    + "progressReport.epoch = doneEpochs; progressReport.epochProgress = epochFraction;"
                    + "progressReport.steps = stepCount; progressReport.examplesSeen = seen;")
    public static native void position(
            Report progressReport, int doneEpochs, double epochFraction, int stepCount, double seen);

    @JSBody(
            params = {
                "progressReport",
                "stepLoss",
                "stepAccuracy",
                "validation",
                "validationAt",
                "validationSize",
                "test",
                "testAt",
                "testSize"
            },
            script = ""
                    + "progressReport.loss = stepLoss; progressReport.batchAccuracy = stepAccuracy;"
                    + "progressReport.validationAccuracy = validation; progressReport.validationSeen = validationAt;"
                    + "progressReport.validationImages = validationSize; progressReport.testAccuracy = test;"
                    + "progressReport.testSeen = testAt; progressReport.testImages = testSize;")
    public static native void quality(
            Report progressReport,
            double stepLoss,
            double stepAccuracy,
            double validation,
            double validationAt,
            int validationSize,
            double test,
            double testAt,
            int testSize);

    @JSBody(
            params = {"progressReport", "speed", "rate", "trainingWorkers"},
            script = ""
                    + "progressReport.examplesPerSecond = speed; progressReport.learningRate = rate;"
                    + "progressReport.workers = trainingWorkers;")
    public static native void speed(Report progressReport, double speed, double rate, int trainingWorkers);
}
