package digitlab.app.parallel;

import org.teavm.jso.JSBody;
import org.teavm.jso.typedarrays.Atomics;
import org.teavm.jso.typedarrays.Float32Array;
import org.teavm.jso.typedarrays.Float64Array;
import org.teavm.jso.typedarrays.Int32Array;
import org.teavm.jso.typedarrays.Int8Array;
import org.teavm.jso.typedarrays.SharedArrayBuffer;

/**
 * The memory two workers share for one replica's rounds: a SharedArrayBuffer laid out as
 *
 * <pre>
 *   int32   state, count, m                      (control words, changed with Atomics)
 *   float64 learning rate, loss sum, correct     (the share's settings and results)
 *   float32 parameters                           (the round's start in, the replica's result out)
 *   int8    labels, pixels                       (the share's examples, one block)
 * </pre>
 *
 * The training worker writes a share and sets {@link #WORKING}; the replica trains and sets
 * {@link #DONE} (or {@link #FAILED}) and wakes it. Only one side touches the data between those switches.
 */
public final class ShareBuffer {
    /** The replica has not read its configuration yet. */
    public static final int JOINING = 0;
    /** The replica waits for a share. */
    public static final int IDLE = 1;
    /** A share is written and the replica trains it. */
    public static final int WORKING = 2;
    /** The replica's result is written. */
    public static final int DONE = 3;
    /** The replica could not train the share. */
    public static final int FAILED = 4;

    private static final int STATE = 0;
    private static final int COUNT = 1;
    private static final int M = 2;
    private static final int CONTROL_BYTES = 16;
    private static final int RATE = 0;
    private static final int LOSS_SUM = 1;
    private static final int CORRECT = 2;
    private static final int NUMBERS_BYTES = 24;

    private final SharedArrayBuffer buffer;
    private final Int32Array control;
    private final Float64Array numbers;
    private final Float32Array parameters;
    private final Int8Array labels;
    private final Int8Array pixels;
    private final int shareSize;
    private final int imageSize;

    private ShareBuffer(SharedArrayBuffer buffer, int parameterCount, int shareSize, int imageSize) {
        this.buffer = buffer;
        this.shareSize = shareSize;
        this.imageSize = imageSize;
        int at = 0;
        control = new Int32Array(buffer, at, CONTROL_BYTES / 4);
        at += CONTROL_BYTES;
        numbers = new Float64Array(buffer, at, NUMBERS_BYTES / 8);
        at += NUMBERS_BYTES;
        parameters = new Float32Array(buffer, at, parameterCount);
        at += parameterCount * 4;
        labels = new Int8Array(buffer, at, shareSize);
        at += shareSize;
        pixels = new Int8Array(buffer, at, shareSize * imageSize);
    }

    /** A new zeroed buffer (state {@link #JOINING}) for a network of {@code parameterCount} parameters. */
    public static ShareBuffer allocate(int parameterCount, int shareSize, int imageSize) {
        long bytes = CONTROL_BYTES + NUMBERS_BYTES + 4L * parameterCount + (long) shareSize * (1 + imageSize);
        if (bytes > Integer.MAX_VALUE) {
            throw new IllegalArgumentException("a share of " + bytes + " bytes is too large");
        }
        return new ShareBuffer(newShared((int) bytes), parameterCount, shareSize, imageSize);
    }

    /** The other side's view of a buffer made by {@link #allocate} with the same sizes. */
    public static ShareBuffer over(SharedArrayBuffer buffer, int parameterCount, int shareSize, int imageSize) {
        return new ShareBuffer(buffer, parameterCount, shareSize, imageSize);
    }

    /** True where workers can share memory: a cross-origin isolated context with Atomics. */
    @JSBody(script = "return self.crossOriginIsolated === true && typeof SharedArrayBuffer === 'function'"
            + " && typeof Atomics === 'object';")
    public static native boolean available();

    @JSBody(params = "sharedBytes", script = "return new SharedArrayBuffer(sharedBytes);")
    private static native SharedArrayBuffer newShared(int sharedBytes);

    public SharedArrayBuffer buffer() {
        return buffer;
    }

    public int shareSize() {
        return shareSize;
    }

    public int imageSize() {
        return imageSize;
    }

    // ---------------------------------------------------------------- control

    public int state() {
        return Atomics.load(control, STATE);
    }

    /** Sets the state and wakes a worker waiting for it to change. */
    public void setState(int state) {
        Atomics.store(control, STATE, state);
        Atomics.notify(control, STATE, 1);
    }

    /**
     * Blocks (a worker may; a page may not) while the state is {@code state}, at most {@code timeoutMs}.
     *
     * @return the state after waiting
     */
    public int waitWhile(int state, int timeoutMs) {
        Atomics.wait(control, STATE, state, timeoutMs);
        return state();
    }

    // ---------------------------------------------------------------- the share

    /** Writes a share: where to start, its examples, and how to train them. */
    public void writeShare(float[] base, byte[] shareLabels, byte[] sharePixels, int count, float rate, int m) {
        parameters.set(base);
        labels.set(shareLabels);
        pixels.set(sharePixels);
        control.set(COUNT, count);
        control.set(M, m);
        numbers.set(RATE, rate);
    }

    public int count() {
        return control.get(COUNT);
    }

    public int m() {
        return control.get(M);
    }

    public float rate() {
        return (float) numbers.get(RATE);
    }

    /** The parameters in the buffer (a copy on Wasm GC, a view of the shared memory on JavaScript). */
    public float[] readParameters() {
        return parameters.copyToJavaArray();
    }

    public byte[] readLabels() {
        return labels.copyToJavaArray();
    }

    public byte[] readPixels() {
        return pixels.copyToJavaArray();
    }

    // ---------------------------------------------------------------- the result

    public void writeResult(float[] trained, double lossSum, int correct) {
        parameters.set(trained);
        numbers.set(LOSS_SUM, lossSum);
        numbers.set(CORRECT, correct);
    }

    public double lossSum() {
        return numbers.get(LOSS_SUM);
    }

    public int correct() {
        return (int) numbers.get(CORRECT);
    }
}
