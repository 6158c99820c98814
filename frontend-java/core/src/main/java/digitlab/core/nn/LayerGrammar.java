package digitlab.core.nn;

import digitlab.core.text.Text;
import java.util.ArrayList;
import java.util.List;

/**
 * The text of a network's layers, one grammar for the address ({@code layers=}), the command line
 * ({@code --layers}) and the docs: items separated by commas, input first.
 *
 * <pre>
 *   784          the input: a square number is a square single-channel image (784 = 28x28x1,
 *                400 = 20x20x1); any other number is a flat vector, which only dense layers take
 *   128          a dense layer of 128 units
 *   c8k5         a convolution of 8 filters of 5x5, stride 1, "same" padding
 *   c32k3s2      ... with stride 2
 *   c16k3v       ... with "valid" padding (s and v may both be given, in either order)
 *   p2           a max-pool of 2x2, stride 2 (the stride is the size unless given)
 *   p3s2         a max-pool of 3x3, stride 2
 * </pre>
 *
 * ConvNetJS's MNIST network is {@code 784,c8k5,p2,c16k5,p3,10}; a dense network is written as before,
 * {@code 784,128,10}. Letters may be upper case; {@link #format} writes the shortest lower-case form, so
 * parse and format round-trip on that form.
 */
public final class LayerGrammar {
    private static final String FORMS = "a number of units (128), a convolution c<filters>k<size> with optional"
            + " s<stride> and v for valid padding (c8k5, c16k3v, c32k3s2), or a max-pool p<size> with optional"
            + " s<stride> (p2, p3s2)";

    private LayerGrammar() {}

    /**
     * Reads {@code 784,c8k5,p2,10}.
     *
     * @throws IllegalArgumentException naming the item that is not a layer, or the layer that does not fit
     *     the shape below it
     */
    public static LayerStack parse(String text) {
        String[] items = Text.split(text, ',');
        String first = items[0].trim();
        if (!Text.isDigits(first, Integer.MAX_VALUE)) {
            throw new IllegalArgumentException(
                    "'" + first + "' (layer 0) should be the input size, a number such as " + "784 (28x28)");
        }
        int inputSize = number(first, first);
        if (inputSize < 1 || inputSize > LayerStack.MAX_VOLUME) {
            throw new IllegalArgumentException(
                    "'" + first + "' (layer 0): the input size must be 1 to " + LayerStack.MAX_VOLUME);
        }
        List<LayerSpec> specs = new ArrayList<>();
        for (int l = 1; l < items.length; l++) {
            String item = items[l].trim();
            try {
                specs.add(spec(item, l));
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("'" + item + "' (layer " + l + "): " + e.getMessage());
            }
        }
        return new LayerStack(Shape.ofInputSize(inputSize), specs);
    }

    /** The stack as text with {@code separator} between items: ',' for the address, '-' for a short name. */
    public static String format(LayerStack stack, char separator) {
        StringBuilder sb = new StringBuilder().append(stack.input().size());
        for (LayerSpec spec : stack.specs()) {
            sb.append(separator).append(token(spec));
        }
        return sb.toString();
    }

    /** One layer's item, e.g. {@code 128}, {@code c8k5}, {@code c32k3s2v}, {@code p3s2}. */
    public static String token(LayerSpec spec) {
        if (spec instanceof DenseLayer.Spec dense) {
            return Integer.toString(dense.units());
        }
        if (spec instanceof ConvLayer.Spec conv) {
            return "c" + conv.filters() + "k" + conv.kernel() + (conv.stride() == 1 ? "" : "s" + conv.stride())
                    + (conv.padding() == ConvLayer.Padding.VALID ? "v" : "");
        }
        if (spec instanceof MaxPoolLayer.Spec pool) {
            return "p" + pool.size() + (pool.stride() == pool.size() ? "" : "s" + pool.stride());
        }
        throw new IllegalArgumentException("no text for the layer " + spec);
    }

    /** One item after the input. */
    private static LayerSpec spec(String item, int l) {
        String text = lowerCase(item);
        if (Text.isDigits(text, Integer.MAX_VALUE)) {
            return new DenseLayer.Spec(number(text, item));
        }
        Scanner s = new Scanner(text, item);
        if (s.take('c')) {
            int filters = s.number();
            s.expect('k');
            int kernel = s.number();
            int stride = -1; // not given
            boolean valid = false;
            while (!s.done()) {
                if (stride < 0 && s.take('s')) {
                    stride = s.number();
                } else if (!valid && s.take('v')) {
                    valid = true;
                } else {
                    throw s.notALayer();
                }
            }
            return new ConvLayer.Spec(
                    filters, kernel, stride < 0 ? 1 : stride, valid ? ConvLayer.Padding.VALID : ConvLayer.Padding.SAME);
        }
        if (s.take('p')) {
            int size = s.number();
            int stride = size;
            if (s.take('s')) {
                stride = s.number();
            }
            if (!s.done()) {
                throw s.notALayer();
            }
            return new MaxPoolLayer.Spec(size, stride);
        }
        throw s.notALayer();
    }

    /** ASCII letters in lower case (String.toLowerCase would pull locale tables into the browser builds). */
    private static String lowerCase(String text) {
        StringBuilder sb = new StringBuilder(text.length());
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            sb.append(c >= 'A' && c <= 'Z' ? (char) (c + ('a' - 'A')) : c);
        }
        return sb.toString();
    }

    /** The digits {@code digits} as an int; too many digits is an error naming {@code item}. */
    private static int number(String digits, String item) {
        if (digits.length() > 9) {
            throw new IllegalArgumentException("the number " + digits + " in '" + item + "' is too large");
        }
        return Integer.parseInt(digits);
    }

    /** Reads one item left to right. */
    private static final class Scanner {
        private final String text;
        private final String item;
        private int at;

        Scanner(String text, String item) {
            this.text = text;
            this.item = item;
        }

        boolean done() {
            return at == text.length();
        }

        /** Consumes {@code letter} if it comes next. */
        boolean take(char letter) {
            if (at < text.length() && text.charAt(at) == letter) {
                at++;
                return true;
            }
            return false;
        }

        void expect(char letter) {
            if (!take(letter)) {
                throw notALayer();
            }
        }

        int number() {
            int start = at;
            while (at < text.length() && text.charAt(at) >= '0' && text.charAt(at) <= '9') {
                at++;
            }
            if (at == start) {
                throw notALayer();
            }
            return LayerGrammar.number(text.substring(start, at), item);
        }

        IllegalArgumentException notALayer() {
            return new IllegalArgumentException("not a layer; write " + FORMS);
        }
    }
}
