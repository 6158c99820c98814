package digitlab.app.protocol;

import org.teavm.jso.JSObject;
import org.teavm.jso.JSProperty;
import org.teavm.jso.typedarrays.ArrayBuffer;
import org.teavm.jso.typedarrays.Float32Array;
import org.teavm.jso.typedarrays.Int32Array;

/**
 * A message from the page to the training worker. One shape for all commands: {@link #getType()} says
 * which, and only the fields that command uses are meaningful (the others are null or 0, never
 * undefined, which the JS build would read as the text "undefined").
 */
public interface Command extends JSObject {
    /** (Re)builds the network from a run configuration ({@code query}); the weights start afresh. */
    String CONFIGURE = "configure";
    /** Trains continuously until paused or stopped. */
    String TRAIN = "train";
    /** Stops after the current chunk of steps. */
    String PAUSE = "pause";
    /** Exactly one training step (one mini-batch). */
    String STEP = "step";
    /** Changes the learning rate ({@code value}) without touching the weights. */
    String SET_LEARNING_RATE = "set-lr";
    /**
     * Changes the planned epochs ({@code index}) without touching the weights; a finished run can then
     * train further.
     */
    String SET_EPOCHS = "set-epochs";
    /** Asks for the activations of every layer for test image {@code index}. */
    String INSPECT = "inspect";
    /** Asks for a full evaluation on the test set now. */
    String EVALUATE = "evaluate";
    /** Replaces the network with the model file in {@code bytes}; training can continue from it. */
    String LOAD_MODEL = "load-model";
    /** Asks for the current network as a model file (answered by {@link Report#MODEL}). */
    String EXPORT_MODEL = "export-model";
    /**
     * Benchmark: once all data is in, trains a separate network built from {@code query} for one epoch
     * flat out (no reports on the way) on {@code index} workers (0 or 1: one) and answers with
     * {@link Report#BENCHMARK}.
     */
    String BENCHMARK = "benchmark";
    /** Asks what the network makes of a drawn digit: {@code floats} = the 784 preprocessed inputs. */
    String PREDICT_DRAWING = "predict-drawing";
    /**
     * The person's own labelled digits ({@code bytes}, shard format) to mix into training; they join the
     * running network's training set, and a later Reset builds with the current set.
     */
    String SET_PERSONAL_DIGITS = "set-personal-digits";
    /**
     * How many workers train ({@code index}, the training worker included; 0 = automatic). More than one
     * needs a cross-origin isolated page; elsewhere training stays in one worker.
     */
    String SET_WORKERS = "set-workers";
    /** Asks for the network's predicted digit for each training image in {@code indices}. */
    String CLASSIFY_TRAINING = "classify-training";

    @JSProperty
    String getType();

    @JSProperty
    String getQuery();

    @JSProperty
    double getValue();

    @JSProperty
    int getIndex();

    @JSProperty
    Int32Array getIndices();

    @JSProperty
    ArrayBuffer getBytes();

    @JSProperty
    Float32Array getFloats();
}
