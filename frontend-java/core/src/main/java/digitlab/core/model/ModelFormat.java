package digitlab.core.model;

import static digitlab.core.data.LittleEndian.getInt;
import static digitlab.core.data.LittleEndian.getShort;
import static digitlab.core.data.LittleEndian.putInt;
import static digitlab.core.data.LittleEndian.putShort;

import digitlab.core.nn.Activation;
import digitlab.core.nn.Architecture;
import digitlab.core.nn.Loss;
import digitlab.core.run.QueryString;
import digitlab.core.run.RunSettings;
import digitlab.core.run.TrainingConfig;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The model file: compact, versioned, little-endian.
 *
 * <pre>
 * offset   size     field
 *  0       4        magic "DLNN"
 *  4       2        version: 2 is written for dense networks, 3 for networks with convolutions or
 *                   pools (below); 1 (files from before the run settings) is read too
 *  6       1        flags: bit 0 = training metadata present; bit 1 = run settings present (versions 2
 *                   and 3); other bits 0
 *  7       1        loss: 0 softmax cross-entropy, 1 logistic (sigmoid cross-entropy), 2 quadratic
 *  8       2        L = number of layer sizes, input and output included (2..32)
 * 10       2        reserved (0)
 * 12       4*L      layer sizes, int32 each (1..65536)
 *  ..      pad4(L-2) hidden activations, one byte each (0 sigmoid, 1 tanh, 2 relu, 3 leakyrelu,
 *                   4 linear), zero-padded to a multiple of 4 bytes so the weights are 4-byte aligned
 *  ..      16       only if flag bit 0: int32 epochs, int64 examples seen, float32 test accuracy (NaN = unknown)
 *  ..      4+pad4(N) only if flag bit 1: int32 N (1..4096), then N bytes: the run's settings as
 *                   {@link TrainingConfig#toQuery()} writes them (printable ASCII), zero-padded to a
 *                   multiple of 4 bytes
 *  ..      4*P      the P parameters as float32, in the layout of {@link Architecture}
 * </pre>
 *
 * <p>Version 3 stores any stack of layers: bytes 8-9 hold L = the number of layers above the input
 * (1..31), and the sizes and activations are replaced by the input shape and one record per layer
 * ({@link LayerRecords}); the rest (metadata, settings, parameters) is as in version 2. Dense networks
 * are still written as version 2, so their files stay as they were and older readers keep reading them.
 *
 * <p>The file must be exactly this long. {@link #decode} checks every field, and checks the sizes against
 * the byte length before allocating anything, so a hostile upload cannot make it allocate much.
 *
 * <p>The run settings are a query string rather than binary fields so that settings added later need no
 * new format version. Reading them, files of other versions keep loading and damage is still refused:
 * <ul>
 * <li>a key missing from the file takes its default (see {@link TrainingConfig});
 * <li>keys this version does not know (a newer version's) are left out, and {@link Model#settingsIssue()}
 *     names them;
 * <li>a value this version cannot read (a newer version's choice, or damage: the two look alike) sets the
 *     settings aside: the weights still load, {@link Model#config()} is null and
 *     {@link Model#settingsIssue()} says why;
 * <li>settings that describe another network than the weights, or bytes that are not a query string
 *     (control characters, a pair without '=', a repeated key) are damage: {@link ModelFormatException}.
 * </ul>
 */
public final class ModelFormat {
    /** The version written for dense networks. */
    public static final int VERSION = 2;
    /** The version written for networks with convolutions or pools: a record per layer. */
    public static final int VERSION_LAYERS = 3;
    /** The version before files carried run settings: same layout, flag bit 1 not allowed. */
    private static final int VERSION_WITHOUT_SETTINGS = 1;

    private static final byte[] MAGIC = {'D', 'L', 'N', 'N'};
    private static final int FIXED_HEADER = 12;
    private static final int METADATA_SIZE = 16;
    /** Today's settings take about 200 bytes; the rest is room for more keys and per-layer activations. */
    static final int MAX_SETTINGS = 4096;

    private static final int FLAG_METADATA = 1;
    private static final int FLAG_SETTINGS = 2;
    /** File codes of the activations; fixed here, independent of the enum's order. */
    private static final Activation[] ACTIVATION_CODES = {
        Activation.SIGMOID, Activation.TANH, Activation.RELU, Activation.LEAKY_RELU, Activation.LINEAR
    };
    /** File codes of the losses: a new loss takes the next code, so older files keep their meaning. */
    private static final Loss[] LOSS_CODES = {Loss.SOFTMAX_CROSS_ENTROPY, Loss.SIGMOID_CROSS_ENTROPY, Loss.QUADRATIC};

    private ModelFormat() {}

    /** The model as a model file: version 2 for a dense network, version 3 for any other. */
    public static byte[] encode(Model model) {
        Architecture arch = model.architecture();
        boolean dense = arch.isDense();
        TrainingMetadata meta = model.metadata();
        String settings = model.config() != null ? model.config().toQuery() : null;
        float[] params = model.parametersView();
        int layerCount = arch.layerCount();
        int network = dense ? 4 * layerCount + padded(layerCount - 2) : LayerRecords.size(arch);
        int size = FIXED_HEADER
                + network
                + (meta != null ? METADATA_SIZE : 0)
                + (settings != null ? 4 + padded(settings.length()) : 0)
                + 4 * params.length;
        byte[] out = new byte[size];
        System.arraycopy(MAGIC, 0, out, 0, 4);
        putShort(out, 4, dense ? VERSION : VERSION_LAYERS);
        out[6] = (byte) ((meta != null ? FLAG_METADATA : 0) | (settings != null ? FLAG_SETTINGS : 0));
        out[7] = (byte) code(LOSS_CODES, arch.loss());
        int at = FIXED_HEADER;
        if (dense) {
            putShort(out, 8, layerCount);
            for (int l = 0; l < layerCount; l++) {
                putInt(out, at, arch.size(l));
                at += 4;
            }
            for (int l = 1; l < layerCount - 1; l++) {
                out[at + l - 1] = (byte) code(ACTIVATION_CODES, arch.activation(l));
            }
            at += padded(layerCount - 2);
        } else {
            putShort(out, 8, layerCount - 1);
            LayerRecords.write(arch, out, at, ACTIVATION_CODES);
            at += network;
        }
        if (meta != null) {
            putInt(out, at, meta.epochs());
            putInt(out, at + 4, (int) meta.examplesSeen());
            putInt(out, at + 8, (int) (meta.examplesSeen() >>> 32));
            putInt(out, at + 12, Float.floatToRawIntBits(meta.testAccuracy()));
            at += METADATA_SIZE;
        }
        if (settings != null) {
            putInt(out, at, settings.length());
            for (int i = 0; i < settings.length(); i++) {
                out[at + 4 + i] = (byte) settings.charAt(i); // toQuery() writes ASCII only
            }
            at += 4 + padded(settings.length());
        }
        for (float p : params) {
            putInt(out, at, Float.floatToRawIntBits(p));
            at += 4;
        }
        return out;
    }

    /**
     * Reads a model file.
     *
     * @throws ModelFormatException saying what is wrong if the bytes are not exactly one valid model
     */
    public static Model decode(byte[] bytes) {
        if (bytes == null) {
            throw new ModelFormatException("no model bytes");
        }
        require(bytes, FIXED_HEADER, "the header");
        for (int i = 0; i < 4; i++) {
            if (bytes[i] != MAGIC[i]) {
                throw new ModelFormatException("not a Digit Lab model file (bad magic)");
            }
        }
        int version = getShort(bytes, 4);
        if (version != VERSION && version != VERSION_WITHOUT_SETTINGS && version != VERSION_LAYERS) {
            throw new ModelFormatException("model format version " + version + " is not supported (expected "
                    + VERSION_WITHOUT_SETTINGS + ", " + VERSION + " or " + VERSION_LAYERS + ")");
        }
        int flags = bytes[6] & 0xFF;
        int knownFlags = version == VERSION_WITHOUT_SETTINGS ? FLAG_METADATA : FLAG_METADATA | FLAG_SETTINGS;
        if ((flags & ~knownFlags) != 0) {
            throw new ModelFormatException("unknown flags " + flags + " in the model header");
        }
        int lossCode = bytes[7] & 0xFF;
        if (lossCode >= LOSS_CODES.length) {
            throw new ModelFormatException("unknown loss code " + lossCode);
        }
        if (getShort(bytes, 10) != 0) {
            throw new ModelFormatException("reserved header bytes are not 0");
        }
        Architecture architecture = null;
        int[] sizes = null;
        Activation[] hidden = null;
        int at = FIXED_HEADER;
        if (version == VERSION_LAYERS) {
            int count = getShort(bytes, 8);
            if (count < 1 || count > Architecture.MAX_LAYERS - 1) {
                throw new ModelFormatException(
                        "layer count " + count + " is outside 1.." + (Architecture.MAX_LAYERS - 1));
            }
            require(bytes, at + LayerRecords.INPUT + LayerRecords.RECORD * count, "the layer records");
            architecture = LayerRecords.read(bytes, at, count, LOSS_CODES[lossCode], ACTIVATION_CODES);
            at += LayerRecords.INPUT + LayerRecords.RECORD * count;
        } else {
            sizes = readSizes(bytes);
            hidden = readActivations(bytes, sizes.length);
            at += 4 * sizes.length + padded(hidden.length);
        }

        boolean hasMetadata = (flags & FLAG_METADATA) != 0;
        int metadataAt = at;
        at += hasMetadata ? METADATA_SIZE : 0;
        int settingsLength = 0;
        if ((flags & FLAG_SETTINGS) != 0) {
            require(bytes, at + 4, "the run settings' length");
            settingsLength = getInt(bytes, at);
            if (settingsLength < 1 || settingsLength > MAX_SETTINGS) {
                throw new ModelFormatException(
                        "run settings length " + settingsLength + " is outside 1.." + MAX_SETTINGS);
            }
            at += 4;
        }
        int settingsAt = at;
        at += padded(settingsLength);
        long parameterCount =
                architecture != null ? architecture.parameterCount() : Architecture.countParameters(sizes);
        long expected = at + 4 * parameterCount;
        // The byte length bounds the parameter count before anything big is allocated.
        if (bytes.length != expected) {
            throw new ModelFormatException("model file is " + bytes.length + " bytes, expected " + expected + " for "
                    + parameterCount + " parameters" + (bytes.length < expected ? " (truncated)" : ""));
        }
        if (parameterCount > Architecture.MAX_PARAMETERS) {
            throw new ModelFormatException(
                    "model has " + parameterCount + " parameters, more than the limit " + Architecture.MAX_PARAMETERS);
        }
        if (architecture == null) {
            try {
                architecture = new Architecture(sizes, hidden, LOSS_CODES[lossCode]);
            } catch (IllegalArgumentException e) {
                throw new ModelFormatException("bad architecture: " + e.getMessage());
            }
        }
        TrainingMetadata metadata = null;
        if (hasMetadata) {
            int epochs = getInt(bytes, metadataAt);
            long seen = (getInt(bytes, metadataAt + 4) & 0xFFFFFFFFL) | (long) getInt(bytes, metadataAt + 8) << 32;
            float accuracy = Float.intBitsToFloat(getInt(bytes, metadataAt + 12));
            try {
                metadata = new TrainingMetadata(epochs, seen, accuracy);
            } catch (IllegalArgumentException e) {
                throw new ModelFormatException("bad training metadata: " + e.getMessage());
            }
        }
        float[] params = new float[(int) parameterCount];
        for (int k = 0; k < params.length; k++) {
            float p = Float.intBitsToFloat(getInt(bytes, at));
            at += 4;
            if (Float.isNaN(p) || Float.isInfinite(p)) {
                throw new ModelFormatException("parameter " + k + " is " + p + " (weights must be finite)");
            }
            params[k] = p;
        }
        Settings settings = settingsLength > 0
                ? readSettings(bytes, settingsAt, settingsLength, architecture)
                : new Settings(null, null);
        return new Model(architecture, params, metadata, settings.config, settings.issue);
    }

    /** The layer sizes of a version 1 or 2 file. */
    private static int[] readSizes(byte[] bytes) {
        int layerCount = getShort(bytes, 8);
        if (layerCount < 2 || layerCount > Architecture.MAX_LAYERS) {
            throw new ModelFormatException("layer count " + layerCount + " is outside 2.." + Architecture.MAX_LAYERS);
        }
        require(bytes, FIXED_HEADER + 4 * layerCount, "the layer sizes");
        int[] sizes = new int[layerCount];
        for (int l = 0; l < layerCount; l++) {
            sizes[l] = getInt(bytes, FIXED_HEADER + 4 * l);
            if (sizes[l] < 1 || sizes[l] > Architecture.MAX_WIDTH) {
                throw new ModelFormatException(
                        "layer " + l + " size " + sizes[l] + " is outside 1.." + Architecture.MAX_WIDTH);
            }
        }
        return sizes;
    }

    /** The hidden activations of a version 1 or 2 file of {@code layerCount} sizes, and their padding. */
    private static Activation[] readActivations(byte[] bytes, int layerCount) {
        int at = FIXED_HEADER + 4 * layerCount;
        require(bytes, at + padded(layerCount - 2), "the activations");
        Activation[] hidden = new Activation[layerCount - 2];
        for (int l = 0; l < hidden.length; l++) {
            int c = bytes[at + l] & 0xFF;
            if (c >= ACTIVATION_CODES.length) {
                throw new ModelFormatException("unknown activation code " + c + " for hidden layer " + (l + 1));
            }
            hidden[l] = ACTIVATION_CODES[c];
        }
        for (int p = hidden.length; p < padded(hidden.length); p++) {
            if (bytes[at + p] != 0) {
                throw new ModelFormatException("activation padding bytes are not 0");
            }
        }
        return hidden;
    }

    /** The run settings as this version reads them, as in {@link Model#config()} and {@link Model#settingsIssue()}. */
    private record Settings(TrainingConfig config, String issue) {}

    /** Reads the settings section by the rules in the class comment. */
    private static Settings readSettings(byte[] bytes, int at, int length, Architecture architecture) {
        StringBuilder text = new StringBuilder(length);
        for (int i = 0; i < length; i++) {
            int c = bytes[at + i] & 0xFF;
            if (c < 0x21 || c > 0x7E) {
                throw new ModelFormatException("run settings byte " + i + " is " + c + ", not printable ASCII");
            }
            text.append((char) c);
        }
        for (int p = length; p < padded(length); p++) {
            if (bytes[at + p] != 0) {
                throw new ModelFormatException("run settings padding bytes are not 0");
            }
        }
        Map<String, String> values;
        try {
            values = QueryString.parse(text.toString());
        } catch (IllegalArgumentException e) {
            throw new ModelFormatException("bad run settings: " + e.getMessage());
        }
        Map<String, String> known = new LinkedHashMap<>();
        List<String> unknown = new ArrayList<>();
        for (Map.Entry<String, String> e : values.entrySet()) {
            if (RunSettings.byKey(e.getKey()) != null) {
                known.put(e.getKey(), e.getValue());
            } else {
                unknown.add(e.getKey());
            }
        }
        TrainingConfig config;
        try {
            config = TrainingConfig.fromMap(known);
        } catch (IllegalArgumentException e) {
            return new Settings(null, e.getMessage());
        }
        if (!config.architecture().equals(architecture)) {
            throw new ModelFormatException(
                    "the run settings describe " + config.architecture() + " but the weights are " + architecture);
        }
        return new Settings(
                config, unknown.isEmpty() ? null : "unknown to this version: " + String.join(", ", unknown));
    }

    private static void require(byte[] bytes, long needed, String what) {
        if (bytes.length < needed) {
            throw new ModelFormatException(
                    "model file is truncated: " + bytes.length + " bytes, " + what + " need " + needed);
        }
    }

    private static int padded(int n) {
        return (n + 3) & ~3;
    }

    static <T> int code(T[] codes, T value) {
        for (int c = 0; c < codes.length; c++) {
            if (codes[c] == value) {
                return c;
            }
        }
        throw new IllegalStateException("no file code for " + value);
    }
}
