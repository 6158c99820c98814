package digitlab.core.model;

import static digitlab.core.data.LittleEndian.getInt;
import static digitlab.core.data.LittleEndian.putInt;

import digitlab.core.nn.Activation;
import digitlab.core.nn.Architecture;
import digitlab.core.nn.ConvLayer;
import digitlab.core.nn.DenseLayer;
import digitlab.core.nn.LayerSpec;
import digitlab.core.nn.LayerStack;
import digitlab.core.nn.Loss;
import digitlab.core.nn.MaxPoolLayer;
import digitlab.core.nn.Shape;
import java.util.ArrayList;
import java.util.List;

/**
 * The network section of a version 3 model file ({@link ModelFormat}): the input shape and one 16-byte
 * record per layer, so any stack of dense, convolution and max-pool layers is stored, not only widths.
 *
 * <pre>
 * offset  size  field
 *  0      12    input shape: int32 channels, height, width
 * 12      16*L  one record per layer above the input, bottom up:
 *                 byte  kind: 0 dense, 1 convolution, 2 max-pool
 *                 byte  activation: a hidden layer with weights has one ({@link ModelFormat}'s codes);
 *                       255 for a pool and for the output layer (its activation is the loss's)
 *                 byte  padding: convolution 0 same, 1 valid; 0 for the others
 *                 byte  0
 *                 int32 x3: dense (units, 0, 0); convolution (filters, kernel, stride); max-pool (size, stride, 0)
 * </pre>
 *
 * A new layer type takes the next kind code and its fields here; older files keep their meaning.
 */
final class LayerRecords {
    static final int RECORD = 16;
    static final int INPUT = 12;

    private static final int DENSE = 0;
    private static final int CONV = 1;
    private static final int MAX_POOL = 2;
    private static final int NO_ACTIVATION = 255;

    private LayerRecords() {}

    /** Bytes of the section for {@code architecture}. */
    static int size(Architecture architecture) {
        return INPUT + RECORD * (architecture.layerCount() - 1);
    }

    static void write(Architecture architecture, byte[] out, int at, Activation[] activationCodes) {
        LayerStack layers = architecture.layers();
        Shape input = layers.input();
        putInt(out, at, input.channels());
        putInt(out, at + 4, input.height());
        putInt(out, at + 8, input.width());
        int last = architecture.layerCount() - 1;
        for (int l = 1; l <= last; l++) {
            int r = at + INPUT + RECORD * (l - 1);
            LayerSpec spec = layers.spec(l);
            Activation activation = l < last ? architecture.activation(l) : null;
            out[r + 1] = (byte) (activation == null ? NO_ACTIVATION : ModelFormat.code(activationCodes, activation));
            if (spec instanceof DenseLayer.Spec dense) {
                out[r] = DENSE;
                putInt(out, r + 4, dense.units());
            } else if (spec instanceof ConvLayer.Spec conv) {
                out[r] = CONV;
                out[r + 2] = (byte) (conv.padding() == ConvLayer.Padding.VALID ? 1 : 0);
                putInt(out, r + 4, conv.filters());
                putInt(out, r + 8, conv.kernel());
                putInt(out, r + 12, conv.stride());
            } else if (spec instanceof MaxPoolLayer.Spec pool) {
                out[r] = MAX_POOL;
                putInt(out, r + 4, pool.size());
                putInt(out, r + 8, pool.stride());
            } else {
                throw new IllegalStateException("no model file record for " + spec);
            }
        }
    }

    /**
     * Reads {@code count} layer records after the input shape at {@code at}.
     *
     * @throws ModelFormatException naming the record that is wrong, or the layer that does not fit
     */
    static Architecture read(byte[] bytes, int at, int count, Loss loss, Activation[] activationCodes) {
        Shape input;
        try {
            input = new Shape(getInt(bytes, at), getInt(bytes, at + 4), getInt(bytes, at + 8));
        } catch (IllegalArgumentException e) {
            throw new ModelFormatException("bad input shape: " + e.getMessage());
        }
        List<LayerSpec> specs = new ArrayList<>();
        List<Activation> hidden = new ArrayList<>();
        for (int l = 1; l <= count; l++) {
            int r = at + INPUT + RECORD * (l - 1);
            int kind = bytes[r] & 0xFF;
            int activation = bytes[r + 1] & 0xFF;
            int padding = bytes[r + 2] & 0xFF;
            int a = getInt(bytes, r + 4);
            int b = getInt(bytes, r + 8);
            int c = getInt(bytes, r + 12);
            String where = "layer " + l + " record: ";
            if (bytes[r + 3] != 0 || (kind != CONV && padding != 0)) {
                throw new ModelFormatException(where + "reserved bytes are not 0");
            }
            try {
                if (kind == DENSE && b == 0 && c == 0) {
                    specs.add(new DenseLayer.Spec(a));
                } else if (kind == CONV && padding <= 1) {
                    specs.add(new ConvLayer.Spec(
                            a, b, c, padding == 1 ? ConvLayer.Padding.VALID : ConvLayer.Padding.SAME));
                } else if (kind == MAX_POOL && c == 0) {
                    specs.add(new MaxPoolLayer.Spec(a, b));
                } else {
                    throw new ModelFormatException(where + "unknown kind " + kind
                            + " or fields that kind does not have (padding " + padding + ", " + a + ", " + b + ", "
                            + c + ")");
                }
            } catch (IllegalArgumentException e) {
                throw new ModelFormatException(where + e.getMessage());
            }
            boolean needsActivation = l < count && specs.get(l - 1).hasWeights();
            if (!needsActivation) {
                if (activation != NO_ACTIVATION) {
                    throw new ModelFormatException(where + "activation code " + activation + " on a layer without one");
                }
            } else if (activation >= activationCodes.length) {
                throw new ModelFormatException(where
                        + (activation == NO_ACTIVATION
                                ? "a hidden layer with weights needs an activation"
                                : "unknown activation code " + activation));
            } else {
                hidden.add(activationCodes[activation]);
            }
        }
        try {
            return new Architecture(new LayerStack(input, specs), hidden.toArray(new Activation[0]), loss);
        } catch (IllegalArgumentException e) {
            throw new ModelFormatException("bad architecture: " + e.getMessage());
        }
    }
}
