package digitlab.app.worker;

import digitlab.core.data.Digits;
import digitlab.core.data.InputFrame;
import java.util.Arrays;
import java.util.Collections;

/**
 * The person's own digits in the run. They join the training set after the MNIST images, each
 * {@link #REPEAT} times, so a few dozen of them count among 60,000. Those known when a run is built are in
 * its plan from its start; ones added later join the running set (once all of MNIST is in, since they come
 * after it); removed ones leave at the next Reset, since a running epoch cannot drop examples it may
 * already have visited.
 */
final class OwnDigits {
    /** How often each of the person's digits appears per epoch. */
    static final int REPEAT = 20;

    /** The person's digits as the page last sent them; null for none. */
    private Digits all;
    /** How many of {@link #all} the run trains on. */
    private int used;
    /** The digits the run trains on, each {@link #REPEAT} times, as its network's pictures; null for none. */
    private Digits inRun;
    /** The pictures the run's network reads. */
    private InputFrame frame = InputFrame.IMAGE;

    void set(Digits digits) {
        all = digits.count() == 0 ? null : digits;
    }

    /** A new run, whose network reads {@code frame}: every digit known now is in it from its start. */
    void startRun(InputFrame frame) {
        this.frame = frame;
        used = all == null ? 0 : all.count();
        inRun = all == null ? null : repeated(all);
    }

    /** Takes the digits added since the run started into it; false if there were none. */
    boolean addNew() {
        int count = all == null ? 0 : all.count();
        if (count <= used) {
            return false;
        }
        Digits added = repeated(all.slice(used, count));
        inRun = inRun == null ? added : inRun.concat(added);
        used = count;
        return true;
    }

    /** The run's training-set part sizes: {@code mnistParts}, then the person's digits as one part. */
    int[] appendTo(int[] mnistParts) {
        if (inRun == null) {
            return mnistParts;
        }
        int[] parts = Arrays.copyOf(mnistParts, mnistParts.length + 1);
        parts[mnistParts.length] = inRun.count();
        return parts;
    }

    /** {@code mnist}, then the person's digits. */
    Digits appendTo(Digits mnist) {
        return inRun == null ? mnist : mnist.concat(inRun);
    }

    private Digits repeated(Digits digits) {
        return Digits.join(Collections.nCopies(REPEAT, frame.prepare(digits)));
    }
}
