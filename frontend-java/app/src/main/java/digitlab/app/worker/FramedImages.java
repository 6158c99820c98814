package digitlab.app.worker;

import digitlab.core.data.Digits;
import digitlab.core.data.InputFrame;

/**
 * A growing set of MNIST images (new ones only ever appended) as the pictures of one {@link InputFrame}:
 * each image is converted once, when it is first asked for after it arrived, so the training loop reads
 * ready pictures. The 28x28 images as they are need no copy.
 */
final class FramedImages {
    private InputFrame frame = InputFrame.IMAGE;
    /** The first {@code framed.count()} source images as {@link #frame}'s pictures; null for none yet. */
    private Digits framed;

    /** {@code source} (28x28, the images seen before at its start) as {@code wanted}'s pictures; null for null. */
    Digits of(Digits source, InputFrame wanted) {
        if (source == null || wanted == InputFrame.IMAGE) {
            return source;
        }
        if (wanted != frame) {
            frame = wanted;
            framed = null;
        }
        int done = framed == null ? 0 : framed.count();
        if (done < source.count()) {
            Digits added = frame.prepare(done == 0 ? source : source.slice(done, source.count()));
            framed = framed == null ? added : framed.concat(added);
        }
        return framed;
    }
}
