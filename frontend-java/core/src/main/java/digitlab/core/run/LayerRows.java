package digitlab.core.run;

import digitlab.core.nn.Activation;
import digitlab.core.nn.Architecture;
import digitlab.core.nn.ConvLayer;
import digitlab.core.nn.DenseLayer;
import digitlab.core.nn.LayerGrammar;
import digitlab.core.nn.LayerSpec;
import digitlab.core.nn.LayerStack;
import digitlab.core.nn.MaxPoolLayer;
import digitlab.core.nn.Shape;
import java.util.ArrayList;
import java.util.List;

/**
 * The layers editor's model, without the page: the hidden layers as rows of a kind (convolution, max-pool,
 * dense) with that kind's settings as typed and an activation, read from a {@link LayerStack} and checked
 * back into one. {@link #check} works out every row's output shape and parameters and, for a stack the core
 * refuses, puts the core's own message on the row it names, so the page can show it there and not apply it.
 * Input and output are fixed (the image and one unit per class) and are not rows.
 */
public final class LayerRows {
    /** Most rows: the core's most layers, less the input and the output. */
    public static final int MAX_ROWS = Architecture.MAX_LAYERS - 2;

    private LayerRows() {}

    /** What a row is; its id is the editor's {@code data-kind}. */
    public enum Kind {
        CONV("conv", "Convolution"),
        POOL("pool", "Max-pool"),
        DENSE("dense", "Dense");

        private final String id;
        private final String label;

        Kind(String id, String label) {
            this.id = id;
            this.label = label;
        }

        public String id() {
            return id;
        }

        public String label() {
            return label;
        }

        /** The kind with this id, or null. */
        public static Kind byId(String id) {
            for (Kind kind : values()) {
                if (kind.id.equals(id)) {
                    return kind;
                }
            }
            return null;
        }
    }

    /**
     * One hidden layer as the form shows it. A number the form could not read is {@link #UNREADABLE}.
     *
     * @param kind what the layer is
     * @param count a convolution's filters, a dense layer's units (unused by a pool)
     * @param size a convolution's kernel side, a pool's window side (unused by a dense layer)
     * @param stride a convolution's or pool's stride (unused by a dense layer)
     * @param valid a convolution's padding: true for "valid", false for "same"
     * @param activation the activation of a layer with weights (unused by a pool)
     */
    public record Row(Kind kind, int count, int size, int stride, boolean valid, Activation activation) {
        /** A number the form could not read as a whole number. */
        public static final int UNREADABLE = -1;

        public static Row conv(int filters, int kernel, int stride, boolean valid, Activation activation) {
            return new Row(Kind.CONV, filters, kernel, stride, valid, activation);
        }

        public static Row pool(int size, int stride) {
            return new Row(Kind.POOL, 0, size, stride, false, null);
        }

        public static Row dense(int units, Activation activation) {
            return new Row(Kind.DENSE, units, 0, 0, false, activation);
        }

        /** The row of {@code spec}; {@code activation} is ignored for a pool. */
        public static Row of(LayerSpec spec, Activation activation) {
            if (spec instanceof ConvLayer.Spec conv) {
                return conv(
                        conv.filters(),
                        conv.kernel(),
                        conv.stride(),
                        conv.padding() == ConvLayer.Padding.VALID,
                        activation);
            }
            if (spec instanceof MaxPoolLayer.Spec pool) {
                return pool(pool.size(), pool.stride());
            }
            if (spec instanceof DenseLayer.Spec dense) {
                return dense(dense.units(), activation);
            }
            throw new IllegalArgumentException("the editor has no row for the layer " + spec);
        }

        public boolean hasWeights() {
            return kind != Kind.POOL;
        }

        /**
         * The layer this row describes.
         *
         * @throws IllegalArgumentException if a number is unreadable or out of range, saying which
         */
        public LayerSpec spec() {
            return switch (kind) {
                case CONV -> new ConvLayer.Spec(
                        readable(count, "filters"),
                        readable(size, "kernel size"),
                        readable(stride, "stride"),
                        valid ? ConvLayer.Padding.VALID : ConvLayer.Padding.SAME);
                case POOL -> new MaxPoolLayer.Spec(readable(size, "size"), readable(stride, "stride"));
                case DENSE -> new DenseLayer.Spec(readable(count, "units"));
            };
        }

        private static int readable(int value, String what) {
            if (value == UNREADABLE) {
                throw new IllegalArgumentException(what + " must be a whole number");
            }
            return value;
        }
    }

    /**
     * What the editor shows for one layer.
     *
     * @param shape the output as inferred: {@code 8x28x28} for a convolution or pool, {@code 784 -> 10}
     *     (values in -> units) for a dense layer; empty when it cannot be worked out
     * @param parameters e.g. {@code 208 parameters}; empty when unknown
     * @param error the core's reason this layer does not fit, or null
     */
    public record Line(String shape, String parameters, String error) {}

    /**
     * A checked set of rows.
     *
     * @param rows one line per row, in order
     * @param output the line of the fixed output layer
     * @param total e.g. {@code 5,998 parameters in all}; empty when the stack is refused
     * @param stack the layers, input to output, or null if they do not fit
     * @param error the first row's error (the one {@link #stack} refused), or null
     */
    public record Check(List<Line> rows, Line output, String total, LayerStack stack, String error) {
        public boolean ok() {
            return stack != null;
        }
    }

    /**
     * The hidden rows of {@code stack} (all its layers but the input and output).
     *
     * @param activations one per hidden layer with weights, or one for all of them (as the {@code act}
     *     setting)
     */
    public static List<Row> rows(LayerStack stack, Activation[] activations) {
        List<Row> rows = new ArrayList<>();
        int weighted = 0;
        for (int l = 1; l < stack.layerCount() - 1; l++) {
            LayerSpec spec = stack.spec(l);
            Activation act = null;
            if (spec.hasWeights()) {
                act = activations.length == 1
                        ? activations[0]
                        : activations[Math.min(weighted, activations.length - 1)];
                weighted++;
            }
            rows.add(Row.of(spec, act));
        }
        return rows;
    }

    /**
     * A new row of {@code kind} to add after {@code rows}, sized to follow them: a convolution doubles the
     * last one's filters (8 to start), a dense layer halves the last one's units (64 to start, at least 10
     * when it follows one), a pool is 2x2; the activation is the last one used (ReLU to start).
     */
    public static Row added(Kind kind, List<Row> rows) {
        Activation act = Activation.RELU;
        int lastFilters = 0;
        int lastUnits = 0;
        for (Row row : rows) {
            if (row.hasWeights() && row.activation() != null) {
                act = row.activation();
            }
            if (row.kind() == Kind.CONV && row.count() > 0) {
                lastFilters = row.count();
            }
            if (row.kind() == Kind.DENSE && row.count() > 0) {
                lastUnits = row.count();
            }
        }
        return switch (kind) {
            case CONV -> Row.conv(
                    lastFilters == 0 ? 8 : Math.min(2 * lastFilters, ConvLayer.MAX_FILTERS), 5, 1, false, act);
            case POOL -> Row.pool(2, 2);
            case DENSE -> Row.dense(lastUnits == 0 ? 64 : Math.max(10, lastUnits / 2), act);
        };
    }

    /**
     * Works out every row's shape and parameters on {@code inputSize} (784: a 28x28 image) with a dense
     * output of {@code classes} units on top, stopping at the first row the core refuses, whose line
     * carries the refusal (e.g. {@code 'c8k5' (layer 3) on 8x2x2: a 5x5 kernel is larger than its 2x2
     * input maps}); later rows get no shape.
     */
    public static Check check(int inputSize, List<Row> rows, int classes) {
        Shape input = Shape.ofInputSize(inputSize);
        List<LayerSpec> specs = new ArrayList<>();
        List<Line> lines = new ArrayList<>();
        String error = null;
        Shape below = input;
        for (int i = 0; i < rows.size() && error == null; i++) {
            Row row = rows.get(i);
            int layer = i + 1;
            try {
                LayerSpec spec;
                try {
                    spec = row.spec();
                } catch (IllegalArgumentException e) {
                    throw new IllegalArgumentException(
                            "layer " + layer + " (" + row.kind().id() + "): " + e.getMessage());
                }
                specs.add(spec);
                LayerStack sofar = new LayerStack(input, specs); // the core's check, naming the layer
                Shape shape = sofar.shape(layer);
                lines.add(new Line(shapeText(spec, below, shape), parametersText(spec.parameterCount(below)), null));
                below = shape;
            } catch (IllegalArgumentException e) {
                error = e.getMessage();
                lines.add(new Line("", "", error));
            }
        }
        for (int i = lines.size(); i < rows.size(); i++) {
            lines.add(new Line("", "", null));
        }
        if (error != null) {
            return new Check(lines, new Line("", "", null), "", null, error);
        }
        LayerSpec out = new DenseLayer.Spec(classes);
        specs.add(out);
        LayerStack stack;
        try {
            stack = new LayerStack(input, specs);
        } catch (IllegalArgumentException e) {
            return new Check(lines, new Line("", "", e.getMessage()), "", null, e.getMessage());
        }
        Line output = new Line(
                shapeText(out, below, stack.shape(stack.layerCount() - 1)),
                parametersText(out.parameterCount(below)),
                null);
        return new Check(lines, output, grouped(stack.parameterCount()) + " parameters in all", stack, null);
    }

    /**
     * The {@code act} setting's text for {@code rows}: one id when every layer with weights has the same
     * activation (or there is none: {@code fallback}), else one per such layer.
     */
    public static String activationsText(List<Row> rows, Activation fallback) {
        List<String> ids = new ArrayList<>();
        boolean same = true;
        for (Row row : rows) {
            if (row.hasWeights()) {
                Activation act = row.activation() == null ? fallback : row.activation();
                same &= ids.isEmpty() || ids.get(0).equals(act.id());
                ids.add(act.id());
            }
        }
        if (ids.isEmpty()) {
            return fallback.id();
        }
        return same ? ids.get(0) : String.join(",", ids);
    }

    /** The layer grammar's text of a checked stack, e.g. {@code 784,c8k5,p2,10}. */
    public static String layersText(Check check) {
        return LayerGrammar.format(check.stack(), ',');
    }

    /** {@code 8x28x28} for a layer that keeps maps, {@code 784 -> 10} for a dense one. */
    static String shapeText(LayerSpec spec, Shape in, Shape out) {
        if (spec instanceof DenseLayer.Spec) {
            return grouped(in.size()) + " -> " + grouped(out.size());
        }
        return out.toString();
    }

    /** E.g. {@code 208 parameters}, {@code 1 parameter}, {@code no parameters}. */
    static String parametersText(long count) {
        if (count == 0) {
            return "no parameters";
        }
        return grouped(count) + (count == 1 ? " parameter" : " parameters");
    }

    /** {@code 1234567} as {@code 1,234,567} (String.format's grouping needs locale data in the browser). */
    static String grouped(long n) {
        String digits = Long.toString(Math.abs(n));
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < digits.length(); i++) {
            if (i > 0 && (digits.length() - i) % 3 == 0) {
                sb.append(',');
            }
            sb.append(digits.charAt(i));
        }
        return (n < 0 ? "-" : "") + sb;
    }
}
