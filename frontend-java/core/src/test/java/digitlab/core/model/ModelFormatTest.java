package digitlab.core.model;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import digitlab.core.data.LittleEndian;
import digitlab.core.nn.Activation;
import digitlab.core.nn.Architecture;
import digitlab.core.nn.ConvLayer;
import digitlab.core.nn.DenseLayer;
import digitlab.core.nn.LayerStack;
import digitlab.core.nn.Loss;
import digitlab.core.nn.MaxPoolLayer;
import digitlab.core.nn.Network;
import digitlab.core.nn.Rng;
import digitlab.core.nn.Shape;
import digitlab.core.nn.TestDigits;
import digitlab.core.run.TrainingConfig;
import digitlab.core.train.Evaluation;
import java.io.IOException;
import java.io.InputStream;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

class ModelFormatTest {
    private static final Architecture ARCH = new Architecture(
            new int[] {5, 4, 3, 2},
            new Activation[] {Activation.LEAKY_RELU, Activation.TANH},
            Loss.SIGMOID_CROSS_ENTROPY);
    /** A run that trains {@link #ARCH}, with settings away from the defaults. */
    private static final TrainingConfig CONFIG = TrainingConfig.fromQuery("layers=5,4,3,2&act=leakyrelu,tanh"
            + "&loss=logistic&opt=momentum&lr=0.05&seed=7&batch=16&epochs=3&sched=cosine");
    /** Where the settings section of a file of {@link #ARCH} without metadata starts. */
    private static final int SETTINGS_AT = 12 + 16 + 4;

    private static Model model(TrainingMetadata meta) {
        return model(meta, null);
    }

    private static Model model(TrainingMetadata meta, TrainingConfig config) {
        float[] params = new float[ARCH.parameterCount()];
        Rng rng = new Rng(3);
        for (int k = 0; k < params.length; k++) {
            params[k] = rng.nextFloat() - 0.5f;
        }
        params[0] = -0f;
        params[1] = Float.MIN_VALUE;
        params[2] = Float.MAX_VALUE;
        return new Model(ARCH, params, meta, config);
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
    void roundTripKeepsTheRunSettings() {
        Model original = model(new TrainingMetadata(3, 1000, 0.5f), CONFIG);
        Model back = Model.fromBytes(original.toBytes());
        assertEquals(CONFIG, back.config());
        assertNull(back.settingsIssue());
        assertEquals(original.metadata(), back.metadata());
        assertArrayEquals(original.parameters(), back.parameters());
        assertArrayEquals(original.toBytes(), back.toBytes());
        int settingsLength = LittleEndian.getInt(original.toBytes(), SETTINGS_AT + 16);
        assertEquals(CONFIG.toQuery().length(), settingsLength, "the settings are the query string as it is");
    }

    @Test
    void roundTripWithoutMetadataSettingsOrHiddenLayers() {
        Architecture noHidden = new Architecture(new int[] {3, 10}, new Activation[0], Loss.SOFTMAX_CROSS_ENTROPY);
        Model m = new Model(noHidden, new float[noHidden.parameterCount()], null, null);
        Model back = Model.fromBytes(m.toBytes());
        assertEquals(noHidden, back.architecture());
        assertNull(back.metadata());
        assertNull(back.config());
    }

    @Test
    void settingsOfANewerVersionLeaveOutTheKeysThisOneDoesNotKnow() {
        Model back = Model.fromBytes(withSettings(CONFIG.toQuery() + "&valsplit=5000&warmup=20"));
        assertEquals(CONFIG, back.config());
        assertEquals("unknown to this version: valsplit, warmup", back.settingsIssue());
    }

    @Test
    void settingsWithAValueThisVersionCannotReadAreSetAsideButTheWeightsLoad() {
        String newer = CONFIG.toQuery().replace("init=he", "init=orthogonal");
        Model back = Model.fromBytes(withSettings(newer));
        assertNull(back.config());
        assertTrue(
                back.settingsIssue().startsWith("init must be one of uniform, xavier, he, normal, got 'orthogonal'"),
                back.settingsIssue());
        assertArrayEquals(model(null).parameters(), back.parameters());
    }

    @Test
    void settingsForAnotherNetworkAreRejected() {
        assertMessage(
                withSettings(TrainingConfig.defaults().toQuery()),
                "the run settings describe 784-128-10 relu softmax but the weights are 5-4-3-2");
        String otherLoss = CONFIG.toQuery().replace("loss=logistic", "loss=softmax");
        assertMessage(withSettings(otherLoss), "run settings describe");
    }

    @Test
    void damagedSettingsAreRejected() {
        assertMessage(withSettings("layers"), "bad run settings: 'layers' has no value");
        assertMessage(withSettings("seed=1&seed=2"), "bad run settings: 'seed' is given twice");
        assertMessage(withSettings("seed=1%"), "bad run settings");
        assertMessage(withSettings("seed=1\tx"), "byte 6 is 9, not printable ASCII");
        assertMessage(withSettings("seed=\u00e9"), "not printable ASCII");
        byte[] padding = withSettings("seed=7");
        padding[SETTINGS_AT + 4 + 7] = 1;
        assertMessage(padding, "padding");
        for (int length : new int[] {0, -1, ModelFormat.MAX_SETTINGS + 1}) {
            byte[] bytes = withSettings("seed=7");
            LittleEndian.putInt(bytes, SETTINGS_AT, length);
            assertMessage(bytes, "run settings length " + length + " is outside");
        }
    }

    @Test
    void versionOneHasNoSettingsFlag() {
        byte[] bytes = withSettings(CONFIG.toQuery());
        bytes[4] = 1;
        assertMessage(bytes, "unknown flags 2");
    }

    @Test
    void everyLossHasAFixedFileCodeAndRoundTrips() {
        // The codes are the file format: files saved before a loss was added must keep their meaning.
        Loss[] byCode = {Loss.SOFTMAX_CROSS_ENTROPY, Loss.SIGMOID_CROSS_ENTROPY, Loss.QUADRATIC};
        assertEquals(Loss.values().length, byCode.length, "a new loss needs a code here");
        for (int code = 0; code < byCode.length; code++) {
            Architecture arch =
                    new Architecture(new int[] {3, 2, 10}, new Activation[] {Activation.SIGMOID}, byCode[code]);
            byte[] bytes = new Model(arch, new float[arch.parameterCount()], null, null).toBytes();
            assertEquals(code, bytes[7], byCode[code].id());
            assertEquals(arch, Model.fromBytes(bytes).architecture());
        }
    }

    @Test
    void unknownAccuracyIsKept() {
        Model back =
                Model.fromBytes(model(new TrainingMetadata(1, 10, Float.NaN)).toBytes());
        assertTrue(Float.isNaN(back.metadata().testAccuracy()));
    }

    @Test
    void fileIsCompactAndLittleEndian() {
        byte[] bytes = model(null).toBytes();
        // 12 header + 4 sizes * 4 + 2 activations padded to 4 + parameters * 4
        assertEquals(12 + 16 + 4 + 4 * ARCH.parameterCount(), bytes.length);
        assertEquals('D', bytes[0]);
        assertEquals('N', bytes[3]);
        assertEquals(ModelFormat.VERSION, bytes[4]);
        assertEquals(0, bytes[5]);
        assertEquals(5, bytes[12]); // first layer size, low byte first
    }

    @Test
    void everyTruncationIsRejected() {
        byte[] bytes = model(new TrainingMetadata(2, 100, 0.5f), CONFIG).toBytes();
        for (int length = 0; length < bytes.length; length++) {
            byte[] cut = Arrays.copyOf(bytes, length);
            ModelFormatException e =
                    assertThrows(ModelFormatException.class, () -> Model.fromBytes(cut), "length " + length);
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
        bytes[4] = 4;
        assertMessage(bytes, "version 4 is not supported (expected 1, 2 or 3)");
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
    void modelRejectsWrongParameterCountNaNOrSettingsOfAnotherNetwork() {
        assertThrows(IllegalArgumentException.class, () -> new Model(ARCH, new float[3], null, null));
        float[] params = new float[ARCH.parameterCount()];
        assertThrows(IllegalArgumentException.class, () -> new Model(ARCH, params, null, TrainingConfig.defaults()));
        params[4] = Float.NaN;
        assertThrows(IllegalArgumentException.class, () -> new Model(ARCH, params, null, null));
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
        assertEquals(
                new Architecture(
                        new int[] {784, 8, 10}, new Activation[] {Activation.RELU}, Loss.SOFTMAX_CROSS_ENTROPY),
                model.architecture());
        assertEquals(1, model.metadata().epochs());
        assertEquals(6000, model.metadata().examplesSeen());
        assertNull(model.config(), "version 1 files have no run settings");
        assertNull(model.settingsIssue());
        // The same weights: they still score on the MNIST test set what the file says they scored when saved.
        double accuracy = Evaluation.of(Network.fromModel(model, 256), TestDigits.mnistTest())
                .accuracy();
        assertEquals(model.metadata().testAccuracy(), (float) accuracy);
    }

    /**
     * A version 2 file of {@code model(null)} whose settings section holds {@code text} byte for byte
     * (chars as bytes), so tests can write what the encoder never would.
     */
    private static byte[] withSettings(String text) {
        byte[] plain = model(null).toBytes();
        int padded = (text.length() + 3) & ~3;
        byte[] out = new byte[plain.length + 4 + padded];
        System.arraycopy(plain, 0, out, 0, SETTINGS_AT);
        out[6] = 2;
        LittleEndian.putInt(out, SETTINGS_AT, text.length());
        for (int i = 0; i < text.length(); i++) {
            out[SETTINGS_AT + 4 + i] = (byte) text.charAt(i);
        }
        System.arraycopy(plain, SETTINGS_AT, out, SETTINGS_AT + 4 + padded, plain.length - SETTINGS_AT);
        return out;
    }

    private static void assertMessage(byte[] bytes, String expected) {
        ModelFormatException e = assertThrows(ModelFormatException.class, () -> Model.fromBytes(bytes));
        assertTrue(e.getMessage().contains(expected), "message '" + e.getMessage() + "' should mention " + expected);
    }

    /** Convolutions with both paddings and a stride, pools with and without their own stride, dense layers. */
    private static final TrainingConfig CNN_CONFIG = TrainingConfig.fromQuery(
            "layers=784,c8k5,p2,c16k5s2v,p3s2,32,10&act=relu,tanh,sigmoid&loss=logistic&opt=sgd&lr=0.01&seed=3");

    private static Model cnnModel(TrainingConfig config) {
        Architecture arch = CNN_CONFIG.architecture();
        float[] params = new float[arch.parameterCount()];
        Rng rng = new Rng(9);
        for (int k = 0; k < params.length; k++) {
            params[k] = rng.nextFloat() - 0.5f;
        }
        return new Model(arch, params, new TrainingMetadata(2, 120_000, 0.98f), config);
    }

    @Test
    void aConvolutionalNetworkIsWrittenAsVersion3WithARecordPerLayerAndReadBackBitForBit() {
        Model original = cnnModel(CNN_CONFIG);
        byte[] bytes = original.toBytes();
        assertEquals(ModelFormat.VERSION_LAYERS, bytes[4]);
        assertEquals(6, LittleEndian.getShort(bytes, 8), "layers above the input");
        int settings = CNN_CONFIG.toQuery().length();
        int expected = 12
                + 12
                + 16 * 6
                + 16
                + 4
                + ((settings + 3) & ~3)
                + 4 * original.architecture().parameterCount();
        assertEquals(expected, bytes.length);
        Model back = Model.fromBytes(bytes);
        assertEquals(original.architecture(), back.architecture());
        assertEquals(
                "784-c8k5-p2-c16k5s2v-p3s2-32-10 relu tanh sigmoid logistic",
                back.architecture().toString());
        assertEquals(CNN_CONFIG, back.config());
        assertEquals(original.metadata(), back.metadata());
        assertArrayEquals(original.parameters(), back.parameters());
        assertArrayEquals(bytes, back.toBytes());

        // The loaded network computes what the saved one did.
        float[] input = new float[784];
        for (int p = 100; p < 700; p += 7) {
            input[p] = 1f;
        }
        float[] before = new float[10];
        float[] after = new float[10];
        Network.fromModel(original, 1).predict(input, before);
        Network.fromModel(back, 1).predict(input, after);
        assertArrayEquals(before, after, 0f);
    }

    @Test
    void aStackWithAnyInputShapeRoundTripsWithoutSettings() {
        Architecture arch = new Architecture(
                new LayerStack(
                        new Shape(2, 5, 7),
                        List.of(
                                new ConvLayer.Spec(3, 3, 1, ConvLayer.Padding.VALID),
                                new MaxPoolLayer.Spec(2, 1),
                                new DenseLayer.Spec(4))),
                new Activation[] {Activation.LEAKY_RELU},
                Loss.QUADRATIC);
        Model model = new Model(arch, new float[arch.parameterCount()], null, null);
        Model back = Model.fromBytes(model.toBytes());
        assertEquals(arch, back.architecture());
        assertNull(back.config());
        assertNull(back.metadata());
    }

    @Test
    void denseNetworksAreStillWrittenAsVersion2() {
        assertEquals(ModelFormat.VERSION, model(null).toBytes()[4]);
        assertEquals(2, ModelFormat.VERSION);
    }

    /** The first layer record of {@link #cnnModel} without settings or metadata starts here. */
    private static final int RECORD = 12 + 12;

    private static byte[] cnnBytes() {
        return new Model(cnnModel(null).architecture(), cnnModel(null).parameters(), null, null).toBytes();
    }

    @Test
    void damagedLayerRecordsAreRejectedSayingWhich() {
        byte[] kind = cnnBytes();
        kind[RECORD] = 7;
        assertMessage(kind, "layer 1 record: unknown kind 7");
        byte[] poolActivation = cnnBytes();
        poolActivation[RECORD + 16 + 1] = 2;
        assertMessage(poolActivation, "layer 2 record: activation code 2 on a layer without one");
        byte[] convWithout = cnnBytes();
        convWithout[RECORD + 1] = (byte) 255;
        assertMessage(convWithout, "layer 1 record: a hidden layer with weights needs an activation");
        byte[] unknown = cnnBytes();
        unknown[RECORD + 1] = 9;
        assertMessage(unknown, "layer 1 record: unknown activation code 9");
        byte[] reserved = cnnBytes();
        reserved[RECORD + 3] = 1;
        assertMessage(reserved, "layer 1 record: reserved bytes are not 0");
        byte[] padding = cnnBytes();
        padding[RECORD + 2] = 2;
        assertMessage(padding, "layer 1 record: unknown kind 1 or fields that kind does not have (padding 2");
        byte[] zeroFilters = cnnBytes();
        LittleEndian.putInt(zeroFilters, RECORD + 4, 0);
        assertMessage(zeroFilters, "layer 1 record: a convolution needs 1 to 1024 filters, got 0");
        byte[] bigKernel = cnnBytes();
        LittleEndian.putInt(bigKernel, RECORD + 8, 29);
        assertMessage(
                bigKernel,
                "bad architecture: 'c8k29' (layer 1) on 1x28x28: a 29x29 kernel is larger than its 28x28 input maps");
        byte[] shape = cnnBytes();
        LittleEndian.putInt(shape, 12, 0);
        assertMessage(shape, "bad input shape: a shape needs at least 1 channel, row and column, got 0x28x28");
        byte[] count = cnnBytes();
        LittleEndian.putShort(count, 8, 0);
        assertMessage(count, "layer count 0 is outside 1..31");
        byte[] longer = cnnBytes();
        LittleEndian.putShort(longer, 8, 7);
        assertMessage(longer, "layer 6 record: a hidden layer with weights needs an activation");
        byte[] truncated = Arrays.copyOf(cnnBytes(), RECORD + 20);
        assertMessage(truncated, "truncated");
    }
}
