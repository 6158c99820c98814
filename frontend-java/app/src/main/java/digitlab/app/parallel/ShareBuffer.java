package digitlab.app.parallel;

import digitlab.core.data.PackedBytes;
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
 *   int32   state, count, m, task                (control words, changed with Atomics)
 *   float64 learning rate, loss sum, correct,    (the share's settings and results)
 *           optimiser steps
 *   float32 parameters                           (the round's start in, the replica's result out)
 *   float32 optimiser memory                     (likewise; empty for plain SGD)
 *   int32   pixels, four to an int               (the share's examples, one block)
 *   int8    labels
 *   float32 outputs, costs                       (a forward task's results, per example)
 * </pre>
 *
 * Pixels travel four to an int because on Wasm GC a copy between a Java array and a typed array costs
 * per element, not per byte: packed, the share's pixels cost a quarter (measured in the README).
 * A task is a share to train ({@link #TRAIN}) or a block of examples to run forward for an evaluation
 * ({@link #FORWARD}: the parameters in, each example's outputs and cost out).
 * The training worker writes a task and sets {@link #WORKING}; the replica does it and sets
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

    /** Task: train the share from the parameters and optimiser memory in the buffer. */
    public static final int TRAIN = 0;
    /** Task: forward passes of the examples with the parameters in the buffer, for an evaluation. */
    public static final int FORWARD = 1;

    private static final int STATE = 0;
    private static final int COUNT = 1;
    private static final int M = 2;
    private static final int TASK = 3;
    private static final int CONTROL_BYTES = 16;
    private static final int RATE = 0;
    private static final int LOSS_SUM = 1;
    private static final int CORRECT = 2;
    private static final int STEPS = 3;
    private static final int NUMBERS_BYTES = 32;

    private final SharedArrayBuffer buffer;
    private final Int32Array control;
    private final Float64Array numbers;
    private final Float32Array parameters;
    private final Float32Array optimizerState;
    private final Int32Array pixels;
    private final Int8Array labels;
    private final Float32Array outputs;
    private final Float32Array costs;
    /** Packing buffer for the pixels (one side writes, the other reads; each side has its own). */
    private final int[] packed;

    private final int shareSize;
    private final int imageSize;
    private final int outputSize;

    private ShareBuffer(
            SharedArrayBuffer buffer,
            int parameterCount,
            int stateLength,
            int shareSize,
            int imageSize,
            int outputSize) {
        this.buffer = buffer;
        this.shareSize = shareSize;
        this.imageSize = imageSize;
        this.outputSize = outputSize;
        int at = 0;
        control = new Int32Array(buffer, at, CONTROL_BYTES / 4);
        at += CONTROL_BYTES;
        numbers = new Float64Array(buffer, at, NUMBERS_BYTES / 8);
        at += NUMBERS_BYTES;
        parameters = new Float32Array(buffer, at, parameterCount);
        at += parameterCount * 4;
        optimizerState = new Float32Array(buffer, at, stateLength);
        at += stateLength * 4;
        pixels = new Int32Array(buffer, at, packedLength(shareSize, imageSize));
        at += packedLength(shareSize, imageSize) * 4;
        labels = new Int8Array(buffer, at, shareSize);
        at += alignedTo4(shareSize);
        outputs = new Float32Array(buffer, at, shareSize * outputSize);
        at += shareSize * outputSize * 4;
        costs = new Float32Array(buffer, at, shareSize);
        packed = new int[packedLength(shareSize, imageSize)];
    }

    /** Ints holding {@code shareSize * imageSize} pixels, four to an int. */
    private static int packedLength(int shareSize, int imageSize) {
        return PackedBytes.length(shareSize * imageSize);
    }

    /** A float array after {@code bytes} bytes must start at a multiple of 4. */
    private static int alignedTo4(int bytes) {
        return (bytes + 3) / 4 * 4;
    }

    /**
     * A new zeroed buffer (state {@link #JOINING}) for a network of {@code parameterCount} parameters and
     * {@code outputSize} outputs trained by an optimiser with {@code stateLength} floats of memory.
     */
    public static ShareBuffer allocate(
            int parameterCount, int stateLength, int shareSize, int imageSize, int outputSize) {
        long bytes = CONTROL_BYTES
                + NUMBERS_BYTES
                + 4L * parameterCount
                + 4L * stateLength
                + 4L * packedLength(shareSize, imageSize)
                + alignedTo4(shareSize)
                + 4L * shareSize * outputSize
                + 4L * shareSize;
        if (bytes > Integer.MAX_VALUE) {
            throw new IllegalArgumentException("a share of " + bytes + " bytes is too large");
        }
        return new ShareBuffer(newShared((int) bytes), parameterCount, stateLength, shareSize, imageSize, outputSize);
    }

    /** The other side's view of a buffer made by {@link #allocate} with the same sizes. */
    public static ShareBuffer over(
            SharedArrayBuffer buffer,
            int parameterCount,
            int stateLength,
            int shareSize,
            int imageSize,
            int outputSize) {
        return new ShareBuffer(buffer, parameterCount, stateLength, shareSize, imageSize, outputSize);
    }

    /**
     * True where workers can share memory: a cross-origin isolated context with Atomics, in which a worker
     * can start workers of its own.
     */
    @JSBody(
            script = "return self.crossOriginIsolated === true && typeof SharedArrayBuffer === 'function'"
                    + " && typeof Atomics === 'object' && typeof Worker === 'function';")
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
    public void writeShare(
            float[] base,
            float[] baseState,
            long steps,
            byte[] shareLabels,
            byte[] sharePixels,
            int count,
            float rate,
            int m) {
        parameters.set(base);
        if (baseState.length > 0) {
            optimizerState.set(baseState);
        }
        numbers.set(STEPS, steps);
        labels.set(shareLabels);
        PackedBytes.pack(sharePixels, packed);
        pixels.set(packed);
        control.set(COUNT, count);
        control.set(M, m);
        control.set(TASK, TRAIN);
        numbers.set(RATE, rate);
    }

    /** Writes a forward task: the parameters and {@code count} examples (labels for their costs). */
    public void writeForward(float[] parameters, byte[] blockLabels, byte[] blockPixels, int count) {
        this.parameters.set(parameters);
        labels.set(blockLabels);
        PackedBytes.pack(blockPixels, packed);
        pixels.set(packed);
        control.set(COUNT, count);
        control.set(TASK, FORWARD);
    }

    /** {@link #TRAIN} or {@link #FORWARD}. */
    public int task() {
        return control.get(TASK);
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

    /** The optimiser memory in the buffer (a copy on Wasm GC, a view on JavaScript). */
    public float[] readOptimizerState() {
        return optimizerState.copyToJavaArray();
    }

    public long steps() {
        return (long) numbers.get(STEPS);
    }

    public byte[] readLabels() {
        return labels.copyToJavaArray();
    }

    /** The share's pixels, unpacked into {@code out} ({@code shareSize * imageSize} bytes). */
    public void readPixels(byte[] out) {
        PackedBytes.unpack(pixels.copyToJavaArray(), out);
    }

    // ---------------------------------------------------------------- the result

    public void writeResult(float[] trained, float[] trainedState, double lossSum, int correct) {
        parameters.set(trained);
        if (trainedState.length > 0) {
            optimizerState.set(trainedState);
        }
        numbers.set(LOSS_SUM, lossSum);
        numbers.set(CORRECT, correct);
    }

    /** A forward task's results: {@code count x outputSize} outputs and {@code count} costs. */
    public void writeForwardResult(float[] blockOutputs, float[] blockCosts) {
        outputs.set(blockOutputs);
        costs.set(blockCosts);
    }

    /** Copies a forward task's results into {@code outputsOut} and {@code costsOut} (first {@code count} examples). */
    public void readForwardResult(float[] outputsOut, float[] costsOut, int count) {
        float[] allOutputs = outputs.copyToJavaArray();
        float[] allCosts = costs.copyToJavaArray();
        System.arraycopy(allOutputs, 0, outputsOut, 0, count * outputSize);
        System.arraycopy(allCosts, 0, costsOut, 0, count);
    }

    public int outputSize() {
        return outputSize;
    }

    public double lossSum() {
        return numbers.get(LOSS_SUM);
    }

    public int correct() {
        return (int) numbers.get(CORRECT);
    }
}
