package digitlab.core.nn;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

class ModelFormatTest {
    private static final Architecture ARCH = new Architecture(new int[] {5, 4, 3, 2},
            new Activation[] {Activation.LEAKY_RELU, Activation.TANH}, Loss.SIGMOID_CROSS_ENTROPY);

    private static Model model(TrainingMetadata meta) {
        float[] params = new float[ARCH.parameterCount()];
        Rng rng = new Rng(3);
        for (int k = 0; k < params.length; k++) {
            params[k] = rng.nextFloat() - 0.5f;
        }
        params[0] = -0f;
        params[1] = Float.MIN_VALUE;
        params[2] = Float.MAX_VALUE;
        return new Model(ARCH, params, meta);
    }

    @Test
    void roundTripKeepsEverythingBitForBit() {
        Model original = model(new TrainingMetadata(7, 3_000_000_000L, 0.9731f));
        Model back = Model.fromBytes(original.toBytes());
        assertEquals(ARCH, back.architecture());
        assertEquals(original.metadata(), back.metadata());
        float[] a = original.parameters();
        float[] b = back.parameters();
        assertEquals(a.length, b.length);
        for (int k = 0; k < a.length; k++) {
            assertEquals(Float.floatToRawIntBits(a[k]), Float.floatToRawIntBits(b[k]), "parameter " + k);
        }
        assertArrayEquals(original.toBytes(), back.toBytes());
    }

    @Test
    void roundTripWithoutMetadataOrHiddenLayers() {
        Architecture noHidden = new Architecture(new int[] {3, 10}, new Activation[0], Loss.SOFTMAX_CROSS_ENTROPY);
        Model m = new Model(noHidden, new float[noHidden.parameterCount()], null);
        Model back = Model.fromBytes(m.toBytes());
        assertEquals(noHidden, back.architecture());
        assertNull(back.metadata());
    }

    @Test
    void unknownAccuracyIsKept() {
        Model back = Model.fromBytes(model(new TrainingMetadata(1, 10, Float.NaN)).toBytes());
        assertTrue(Float.isNaN(back.metadata().testAccuracy()));
    }

    @Test
    void fileIsCompactAndLittleEndian() {
        byte[] bytes = model(null).toBytes();
        // 12 header + 4 sizes * 4 + 2 activations padded to 4 + parameters * 4
        assertEquals(12 + 16 + 4 + 4 * ARCH.parameterCount(), bytes.length);
        assertEquals('D', bytes[0]);
        assertEquals('N', bytes[3]);
        assertEquals(1, bytes[4]);
        assertEquals(0, bytes[5]);
        assertEquals(5, bytes[12]); // first layer size, low byte first
    }

    @Test
    void everyTruncationIsRejected() {
        byte[] bytes = model(new TrainingMetadata(2, 100, 0.5f)).toBytes();
        for (int length = 0; length < bytes.length; length++) {
            byte[] cut = Arrays.copyOf(bytes, length);
            ModelFormatException e = assertThrows(ModelFormatException.class, () -> Model.fromBytes(cut),
                    "length " + length);
            assertTrue(e.getMessage().contains("truncated"), e.getMessage());
        }
    }

    @Test
    void trailingBytesAreRejected() {
        byte[] bytes = Arrays.copyOf(model(null).toBytes(), model(null).toBytes().length + 1);
        assertMessage(bytes, "expected");
    }

    @Test
    void wrongMagicIsRejected() {
        byte[] bytes = model(null).toBytes();
        bytes[0] = 'X';
        assertMessage(bytes, "magic");
    }

    @Test
    void wrongVersionIsRejected() {
        byte[] bytes = model(null).toBytes();
        bytes[4] = 2;
        assertMessage(bytes, "version 2");
    }

    @Test
    void nanAndInfiniteWeightsAreRejected() {
        for (float bad : new float[] {Float.NaN, Float.POSITIVE_INFINITY, Float.NEGATIVE_INFINITY}) {
            byte[] bytes = model(null).toBytes();
            int last = bytes.length - 4;
            int bits = Float.floatToRawIntBits(bad);
            for (int b = 0; b < 4; b++) {
                bytes[last + b] = (byte) (bits >>> (8 * b));
            }
            assertMessage(bytes, "finite");
        }
    }

    @Test
    void absurdSizesAreRejectedBeforeAllocating() {
        byte[] bytes = model(null).toBytes();
        // Two layers of 65536: 4 billion weights claimed by a file of a few hundred bytes.
        for (int at : new int[] {12, 16}) {
            bytes[at] = 0;
            bytes[at + 1] = 0;
            bytes[at + 2] = 1;
            bytes[at + 3] = 0;
        }
        assertMessage(bytes, "expected");
        bytes[12 + 3] = (byte) 0x80; // negative size
        assertMessage(bytes, "outside");
        byte[] layers = model(null).toBytes();
        layers[8] = (byte) 200; // layer count
        assertMessage(layers, "layer count");
    }

    @Test
    void unknownCodesAndFlagsAreRejected() {
        byte[] flags = model(null).toBytes();
        flags[6] = 4;
        assertMessage(flags, "flags");
        byte[] loss = model(null).toBytes();
        loss[7] = 9;
        assertMessage(loss, "loss");
        byte[] act = model(null).toBytes();
        act[12 + 16] = 42;
        assertMessage(act, "activation");
    }

    @Test
    void badMetadataIsRejected() {
        byte[] bytes = model(new TrainingMetadata(1, 1, 0.5f)).toBytes();
        int accuracyAt = 12 + 16 + 4 + 12;
        int bits = Float.floatToRawIntBits(1.5f);
        for (int b = 0; b < 4; b++) {
            bytes[accuracyAt + b] = (byte) (bits >>> (8 * b));
        }
        assertMessage(bytes, "metadata");
    }

    @Test
    void modelRejectsWrongParameterCountOrNaN() {
        assertThrows(IllegalArgumentException.class, () -> new Model(ARCH, new float[3], null));
        float[] params = new float[ARCH.parameterCount()];
        params[4] = Float.NaN;
        assertThrows(IllegalArgumentException.class, () -> new Model(ARCH, params, null));
    }

    /**
     * A file written by the code of commit 0c35358 (format version 1, before files carried their run
     * settings), the way {@code train --out} writes one: {@code layers=784,8,10&opt=momentum&lr=0.05&seed=7
     * &epochs=1&train=6000}. Files like it are on people's disks and in model stores: they must keep loading.
     */
    static byte[] versionOneFile() throws IOException {
        try (InputStream in = ModelFormatTest.class.getResourceAsStream("model-v1.dlnn")) {
            return in.readAllBytes();
        }
    }

    @Test
    void versionOneFileStillLoadsUnchanged() throws IOException {
        byte[] bytes = versionOneFile();
        assertEquals(1, bytes[4], "the fixture is a version 1 file");
        Model model = Model.fromBytes(bytes);
        assertEquals(new Architecture(new int[] {784, 8, 10}, new Activation[] {Activation.RELU},
                Loss.SOFTMAX_CROSS_ENTROPY), model.architecture());
        assertEquals(1, model.metadata().epochs());
        assertEquals(6000, model.metadata().examplesSeen());
        // The same weights: they still score on the MNIST test set what the file says they scored when saved.
        double accuracy = Evaluation.of(Network.fromModel(model, 256), TestDigits.mnistTest()).accuracy();
        assertEquals(model.metadata().testAccuracy(), (float) accuracy);
    }

    private static void assertMessage(byte[] bytes, String expected) {
        ModelFormatException e = assertThrows(ModelFormatException.class, () -> Model.fromBytes(bytes));
        assertTrue(e.getMessage().contains(expected), "message '" + e.getMessage() + "' should mention " + expected);
    }
}
