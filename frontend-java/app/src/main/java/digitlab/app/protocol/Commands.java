package digitlab.app.protocol;

import org.teavm.jso.JSBody;
import org.teavm.jso.typedarrays.ArrayBuffer;
import org.teavm.jso.typedarrays.Float32Array;
import org.teavm.jso.typedarrays.Int32Array;
import org.teavm.jso.typedarrays.Int8Array;

/** Builds the page's {@link Command} messages. */
public final class Commands {
    private Commands() {}

    public static Command configure(String query) {
        return create(Command.CONFIGURE, query, 0, 0);
    }

    public static Command of(String type) {
        return create(type, null, 0, 0);
    }

    public static Command setLearningRate(double rate) {
        return create(Command.SET_LEARNING_RATE, null, rate, 0);
    }

    public static Command setEpochs(int epochs) {
        return create(Command.SET_EPOCHS, null, 0, epochs);
    }

    public static Command setWorkers(int workers) {
        return create(Command.SET_WORKERS, null, 0, workers);
    }

    public static Command inspect(int index) {
        return create(Command.INSPECT, null, 0, index);
    }

    public static Command classifyTraining(int[] indices) {
        Command command = create(Command.CLASSIFY_TRAINING, null, 0, 0);
        Int32Array array = new Int32Array(indices.length);
        array.set(indices);
        setIndices(command, array);
        return command;
    }

    /** Load a model file; the buffer moves to the worker (transfer it). */
    public static Command loadModel(ArrayBuffer modelBytes) {
        Command command = create(Command.LOAD_MODEL, null, 0, 0);
        setBytes(command, modelBytes);
        return command;
    }

    /** What the network makes of a drawn digit ({@code input}: 784 values in [0, 1]). */
    public static Command predictDrawing(float[] input) {
        Command command = create(Command.PREDICT_DRAWING, null, 0, 0);
        Float32Array array = new Float32Array(input.length);
        array.set(input);
        setFloats(command, array);
        return command;
    }

    /** The person's digits in the shard format. */
    public static Command setPersonalDigits(byte[] shard) {
        Command command = create(Command.SET_PERSONAL_DIGITS, null, 0, 0);
        Int8Array array = new Int8Array(shard.length);
        array.set(shard);
        setBytes(command, array.getBuffer());
        return command;
    }

    @JSBody(
            params = {"commandObject", "commandFloats"},
            script = "commandObject.floats = commandFloats;")
    private static native void setFloats(Command commandObject, Float32Array commandFloats);

    @JSBody(
            params = {"commandObject", "commandBytes"},
            script = "commandObject.bytes = commandBytes;")
    private static native void setBytes(Command commandObject, ArrayBuffer commandBytes);

    @JSBody(
            params = {"commandObject", "commandIndices"},
            script = "commandObject.indices = commandIndices;")
    private static native void setIndices(Command commandObject, Int32Array commandIndices);

    @JSBody(
            params = {"commandType", "commandQuery", "commandValue", "commandIndex"},
            script = "return { type: commandType, query: commandQuery, value: commandValue, index: commandIndex,"
                    + " indices: null, bytes: null, floats: null };")
    private static native Command create(
            String commandType, String commandQuery, double commandValue, int commandIndex);
}
