package digitlab.app.protocol;

import org.teavm.jso.JSObject;
import org.teavm.jso.JSProperty;
import org.teavm.jso.typedarrays.ArrayBuffer;
import org.teavm.jso.typedarrays.Float32Array;
import org.teavm.jso.typedarrays.Int32Array;

/**
 * A message from the training worker to the page, built by {@link Reports}. {@link #getType()} says which
 * kind; the constants below list the fields each kind fills. Unused fields are null or 0, never undefined
 * (the JS build would read an undefined String as "undefined"). Typed arrays are transferred, not copied.
 */
public interface Report extends JSObject {
    /** Shard loading: {@code loaded} of {@code total} shards, {@code trainCount}/{@code testCount} examples. */
    String DATA = "data";
    /**
     * The network was (re)built: {@code query} (normalised configuration), {@code parameters},
     * {@code message}: null for fresh weights, or a description of the model it was loaded from, and
     * {@code note}: null, or a sentence on the loaded file's run settings that did not (all) apply.
     */
    String CONFIGURED = "configured";
    /** Training progress, several times a second while training and once after every command. */
    String PROGRESS = "progress";
    /** First-layer weights: {@code units} rows of {@code inputs} floats in {@code floats}. */
    String WEIGHTS = "weights";
    /** A test-set evaluation: {@code accuracy}, {@code ints} = 10x10 confusion, then misclassified indices. */
    String EVALUATION = "evaluation";
    /** Activations for test image {@code index}: {@code ints} = layer sizes, {@code floats} = all layers. */
    String INSPECTION = "inspection";
    /** The network as a model file: {@code bytes}, with {@code query} and test {@code accuracy} (NaN if unknown). */
    String MODEL = "model";
    /** Predicted digits: {@code ints} = one class per requested training image, in request order. */
    String PREDICTIONS = "predictions";
    /**
     * A benchmark epoch: {@code examplesPerSecond}, {@code examplesSeen}, {@code accuracy} on the test set
     * after it, {@code loss} (the epoch's mean cost), {@code query} (the configuration measured).
     */
    String BENCHMARK = "benchmark";
    /**
     * What the network makes of a drawn digit: {@code index} = the predicted digit, {@code ints} = layer
     * sizes, {@code floats} = every layer's activations (input first, probabilities last).
     */
    String DRAWING = "drawing";
    /** Something failed: {@code message} says what. */
    String ERROR = "error";

    @JSProperty
    String getType();

    /** Worker state: "loading", "ready", "training", "paused", or a stop reason ("finished", "diverged", ...). */
    @JSProperty
    String getState();

    @JSProperty
    String getMessage();

    @JSProperty
    String getQuery();

    /** Only in {@link #CONFIGURED} reports. */
    @JSProperty
    String getNote();

    @JSProperty
    int getLoaded();

    @JSProperty
    int getTotal();

    @JSProperty
    int getTrainCount();

    @JSProperty
    int getTestCount();

    @JSProperty
    int getParameters();

    @JSProperty
    int getEpoch();

    /** Fraction of the current epoch done, 0..1. */
    @JSProperty
    double getEpochProgress();

    @JSProperty
    int getSteps();

    @JSProperty
    double getExamplesSeen();

    /** Cost of the last step's mini-batch. */
    @JSProperty
    double getLoss();

    /** Accuracy on the last step's mini-batch. */
    @JSProperty
    double getBatchAccuracy();

    /** Accuracy on the validation images (held out of training), NaN until measured. */
    @JSProperty
    double getValidationAccuracy();

    /** Examples seen when the validation accuracy was measured. */
    @JSProperty
    double getValidationSeen();

    /** Validation images (0 when the run holds none out). */
    @JSProperty
    int getValidationImages();

    /** Accuracy on the whole test set after the last full evaluation, NaN until then. */
    @JSProperty
    double getTestAccuracy();

    /** Examples seen when the test accuracy was measured. */
    @JSProperty
    double getTestSeen();

    /** Images the test accuracy was measured on: the whole test set. */
    @JSProperty
    int getTestImages();

    @JSProperty
    double getExamplesPerSecond();

    @JSProperty
    double getLearningRate();

    /** Workers training in parallel (1 without data parallelism); 0 before there is a network. */
    @JSProperty
    int getWorkers();

    @JSProperty
    int getUnits();

    @JSProperty
    int getInputs();

    @JSProperty
    int getIndex();

    @JSProperty
    int getLabel();

    @JSProperty
    double getAccuracy();

    @JSProperty
    Float32Array getFloats();

    @JSProperty
    Int32Array getInts();

    @JSProperty
    ArrayBuffer getBytes();
}
