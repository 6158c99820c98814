package digitlab.app.protocol;

import org.teavm.jso.JSBody;
import org.teavm.jso.JSObject;
import org.teavm.jso.typedarrays.ArrayBuffer;
import org.teavm.jso.typedarrays.Float32Array;
import org.teavm.jso.typedarrays.Int32Array;
import org.teavm.jso.typedarrays.Int8Array;

/** Builds the page's {@link Command} messages, each with every field of its interface set. */
public final class Commands {
    private Commands() {}

    /** A command without fields: {@link Command#TRAIN}, {@link Command#PAUSE}, {@link Command#STEP} and the like. */
    public static Command of(String type) {
        return create(type);
    }

    public static Command configure(String query) {
        Command.Configure command = create(Command.CONFIGURE);
        command.setQuery(query);
        return command;
    }

    public static Command setLearningRate(double rate) {
        Command.SetLearningRate command = create(Command.SET_LEARNING_RATE);
        command.setLearningRate(rate);
        return command;
    }

    public static Command setEpochs(int epochs) {
        Command.SetEpochs command = create(Command.SET_EPOCHS);
        command.setEpochs(epochs);
        return command;
    }

    /** {@code workers}: the training worker included; 0 = automatic. */
    public static Command setWorkers(int workers) {
        Command.SetWorkers command = create(Command.SET_WORKERS);
        command.setWorkers(workers);
        return command;
    }

    /** The activations for test image {@code image}. */
    public static Command inspect(int image) {
        Command.Inspect command = create(Command.INSPECT);
        command.setImage(image);
        return command;
    }

    /** The weights around node {@code node} of layer {@code layer} of the network diagram. */
    public static Command nodeWeights(int layer, int node) {
        Command.NodeWeights command = create(Command.NODE_WEIGHTS);
        command.setLayer(layer);
        command.setNode(node);
        return command;
    }

    /** The predicted digits of the training images {@code images}. */
    public static Command classifyTraining(int[] images) {
        Int32Array array = new Int32Array(images.length);
        array.set(images);
        Command.ClassifyTraining command = create(Command.CLASSIFY_TRAINING);
        command.setImages(array);
        return command;
    }

    /** Load a model file; the buffer moves to the worker (transfer it). */
    public static Command loadModel(ArrayBuffer modelFile) {
        Command.LoadModel command = create(Command.LOAD_MODEL);
        command.setModelFile(modelFile);
        return command;
    }

    /** What the network makes of a drawn digit ({@code input}: 784 values in [0, 1]). */
    public static Command predictDrawing(float[] input) {
        Float32Array array = new Float32Array(input.length);
        array.set(input);
        Command.PredictDrawing command = create(Command.PREDICT_DRAWING);
        command.setInput(array);
        return command;
    }

    /** The person's digits in the shard format. */
    public static Command setPersonalDigits(byte[] shard) {
        Int8Array array = new Int8Array(shard.length);
        array.set(shard);
        Command.SetPersonalDigits command = create(Command.SET_PERSONAL_DIGITS);
        command.setDigitsFile(array.getBuffer());
        return command;
    }

    @JSBody(params = "commandType", script = "return { type: commandType };")
    private static native <T extends JSObject> T create(String commandType);
}
