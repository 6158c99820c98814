package digitlab.core.train;

import digitlab.core.data.Digits;
import digitlab.core.run.TrainingConfig;
import java.util.Arrays;

/**
 * The validation images: the last {@link TrainingConfig#validationSize()} images of the training set,
 * held out of training so that the stop rules and the live validation curve never look at the test set.
 * MNIST's training images were written by the same people throughout, so its last 5,000 (the default)
 * are a fair sample; in the browser they are the last training shard.
 */
public final class HeldOut {
    private HeldOut() {}

    /**
     * Where validation starts in a training set of {@code total} images: after the images that train.
     *
     * @throws IllegalArgumentException if nothing would be left to train on
     */
    public static int boundary(int total, int validationSize) {
        if (validationSize >= total) {
            throw new IllegalArgumentException("valid: holding out " + validationSize + " of " + total
                    + " training images leaves none to train on");
        }
        return total - validationSize;
    }

    /** Sizes of the parts that train, when the last {@code validationSize} images of {@code parts} are held out. */
    public static int[] trainingParts(int[] parts, int validationSize) {
        int total = 0;
        for (int size : parts) {
            total += size;
        }
        int left = boundary(total, validationSize);
        int[] out = new int[parts.length];
        int kept = 0;
        while (left > 0) {
            out[kept] = Math.min(parts[kept], left);
            left -= out[kept++];
        }
        return Arrays.copyOf(out, kept);
    }

    /**
     * The images that train among the first {@code arrived.count()} of a training set of {@code total}
     * images that arrives in order: all of them until the held-out ones begin (no copy), then all but those.
     */
    public static Digits training(Digits arrived, int total, int validationSize) {
        int boundary = boundary(total, validationSize);
        return arrived.count() <= boundary ? arrived : arrived.slice(0, boundary);
    }

    /**
     * The held-out images of a training set of {@code total} images of which {@code arrived} holds the
     * first: its last {@code validationSize}, or null while they have not all arrived or none are held out.
     */
    public static Digits validation(Digits arrived, int total, int validationSize) {
        if (validationSize == 0 || arrived.count() < total) {
            return null;
        }
        return arrived.slice(boundary(total, validationSize), total);
    }
}
