package digitlab.core.data;

/** The shape of MNIST, which every network here reads and every view shows. */
public final class Mnist {
    private Mnist() {}

    /** Pixels along each side of an image. */
    public static final int SIDE = 28;

    /** Pixels in an image: a network's inputs. */
    public static final int PIXELS = SIDE * SIDE;

    /** The digits 0 to 9: a network's outputs. */
    public static final int CLASSES = 10;
}
