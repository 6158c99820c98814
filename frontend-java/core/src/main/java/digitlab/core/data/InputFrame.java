package digitlab.core.data;

import digitlab.core.draw.MnistPreprocessor;
import digitlab.core.draw.PreparedDigit;
import digitlab.core.nn.Architecture;
import digitlab.core.nn.Shape;

/**
 * The pictures of a digit a network here can read, named by the input size that starts the layer grammar:
 * {@code 784} is the MNIST image as it is (28x28), {@code 400} the digit's box area-averaged to 20x20 (the
 * ink's bounding box, its longer side scaled to 20 pixels: step 2 of {@link MnistPreprocessor}, without the
 * placement in 28x28), as in the 5000 20x20 digits of Andrew Ng's machine-learning exercise 4
 * ({@code 400,25,10}). Drawings and MNIST images go through the same box step, so both are prepared alike.
 * Every rule about which inputs work (model checks here and on the server, the CLI, the page) comes from
 * this list.
 */
public enum InputFrame {
    /** The MNIST image as it is. */
    IMAGE(Mnist.SIDE, "the MNIST image as it is"),
    /** The ink's bounding box area-averaged to 20x20. */
    DIGIT_BOX(MnistPreprocessor.BOX, "the digit's box area-averaged to 20x20");

    private final int side;
    private final String meaning;

    InputFrame(int side, String meaning) {
        this.side = side;
        this.meaning = meaning;
    }

    /** Pixels along each side. */
    public int side() {
        return side;
    }

    /** Pixels: the network's input size. */
    public int size() {
        return side * side;
    }

    /** One {@code side x side} map: how a convolution reads it. */
    public Shape shape() {
        return new Shape(1, side, side);
    }

    /** E.g. "20x20 = 400 pixels (the digit's box area-averaged to 20x20)". */
    public String describe() {
        return side + "x" + side + " = " + size() + " pixels (" + meaning + ")";
    }

    /** The frame of this input size; null if there is none. */
    public static InputFrame ofSize(int inputSize) {
        for (InputFrame frame : values()) {
            if (frame.size() == inputSize) {
                return frame;
            }
        }
        return null;
    }

    /**
     * The frame {@code architecture} reads.
     *
     * @throws IllegalArgumentException with {@link #mismatch}'s reason if it reads none
     */
    public static InputFrame of(Architecture architecture) {
        String reason = mismatch(architecture);
        if (reason != null) {
            throw new IllegalArgumentException("This network cannot read digits: " + reason);
        }
        return ofSize(architecture.inputSize());
    }

    /**
     * Why {@code architecture}'s input is no picture of a digit here, as a sentence naming the inputs that
     * are; null if it is one.
     */
    public static String mismatch(Architecture architecture) {
        int size = architecture.inputSize();
        InputFrame frame = ofSize(size);
        if (frame == null) {
            return "it takes " + size + " inputs, but a digit is " + choices();
        }
        Shape input = architecture.shape(0);
        if (!architecture.isDense() && !input.equals(frame.shape())) {
            // A convolution slides over the maps it was trained on: the same values in other maps are another picture.
            return "it reads its input as " + input + " maps, but a digit is one " + frame.side + "x" + frame.side
                    + " map";
        }
        return null;
    }

    /** The inputs that work: "28x28 = 784 pixels (the MNIST image as it is) or 20x20 = 400 pixels (...)". */
    public static String choices() {
        StringBuilder text = new StringBuilder();
        for (InputFrame frame : values()) {
            text.append(text.length() == 0 ? "" : " or ").append(frame.describe());
        }
        return text.toString();
    }

    /**
     * {@code images} (MNIST's 28x28) as this frame's pictures: the same images for {@link #IMAGE}, each
     * fitted into its 20x20 box for {@link #DIGIT_BOX}. Labels are shared, pixels new.
     */
    public Digits prepare(Digits images) {
        if (images.rows() != Mnist.SIDE || images.cols() != Mnist.SIDE) {
            throw new IllegalArgumentException("expected 28x28 images, got " + images.rows() + "x" + images.cols());
        }
        if (this == IMAGE) {
            return images;
        }
        MnistPreprocessor fitter = new MnistPreprocessor();
        int from = images.imageSize();
        int to = size();
        byte[] source = images.pixels();
        byte[] pixels = new byte[images.count() * to];
        for (int i = 0; i < images.count(); i++) {
            fitter.boxFromGrey(source, i * from, Mnist.SIDE, Mnist.SIDE, pixels, i * to);
        }
        return new Digits(images.count(), side, side, images.labels(), pixels);
    }

    /** A prepared drawing as this frame's network input (pixel / 255). */
    public float[] input(PreparedDigit digit) {
        if (this == IMAGE) {
            return digit.input();
        }
        byte[] box = digit.boxPixels();
        float[] input = new float[box.length];
        for (int i = 0; i < box.length; i++) {
            input[i] = Pixels.input(box[i]);
        }
        return input;
    }

    /** A prepared drawing as this frame's picture: what the network sees. */
    public byte[] pixels(PreparedDigit digit) {
        return this == IMAGE ? digit.pixels() : digit.boxPixels();
    }
}
