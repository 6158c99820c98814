package digitlab.app.draw;

import digitlab.app.browser.LocalFiles;
import digitlab.app.browser.LocalStore;
import digitlab.core.data.DataFormatException;
import digitlab.core.data.Digits;
import digitlab.core.draw.DigitCollection;
import digitlab.core.draw.StoredDigits;
import org.teavm.jso.typedarrays.Int8Array;

/**
 * The user's own labelled digits, kept in this browser's localStorage under
 * {@link StoredDigits#STORAGE_KEY} (the format is {@link StoredDigits}'s: a versioned, checked shard in
 * base64, about 1 KB per digit, at most {@link DigitCollection#DEFAULT_CAPACITY}).
 *
 * <p>Robust to what a browser may hold or refuse: a damaged stored value is moved aside to
 * {@code STORAGE_KEY + ".damaged"} (not lost, not overwritten) and the collection starts empty; where
 * storage is blocked or full the digits still work for this visit and {@link #problem()} says why they
 * are not kept.
 */
public final class PersonalDigits {
    /** Where a damaged stored value is moved. */
    public static final String DAMAGED_KEY = StoredDigits.STORAGE_KEY + ".damaged";

    private final DigitCollection digits = new DigitCollection();
    private String problem;

    /** Loads what this browser stored earlier, if anything. */
    public PersonalDigits() {
        String stored = LocalStore.get(StoredDigits.STORAGE_KEY);
        try {
            digits.addAll(StoredDigits.decode(stored));
        } catch (DataFormatException e) {
            LocalStore.set(DAMAGED_KEY, stored);
            LocalStore.remove(StoredDigits.STORAGE_KEY);
            problem = "Your saved digits were damaged and could not be read (" + e.getMessage() + "); starting afresh.";
        }
        if (problem == null && !LocalStore.available()) {
            problem = "This browser does not let the page store data: your digits last only for this visit.";
        }
    }

    /** What went wrong loading or saving, or null if nothing did. */
    public String problem() {
        return problem;
    }

    public int count() {
        return digits.count();
    }

    public int countOf(int label) {
        return digits.countOf(label);
    }

    public int capacity() {
        return digits.capacity();
    }

    public boolean isFull() {
        return digits.isFull();
    }

    /**
     * Adds a 28x28 image (784 unsigned bytes) with its label and saves.
     *
     * @return false if the collection is full (nothing added)
     */
    public boolean add(byte[] pixels, int label) {
        if (!digits.add(pixels, label)) {
            return false;
        }
        save();
        return true;
    }

    /** Removes the newest digit and saves; false if there was none. */
    public boolean removeLast() {
        if (!digits.removeLast()) {
            return false;
        }
        save();
        return true;
    }

    /** Forgets every digit, here and in storage. */
    public void clear() {
        digits.clear();
        if (LocalStore.remove(StoredDigits.STORAGE_KEY)) {
            problem = null;
        }
    }

    /** A copy of the digits as a training set, oldest first (28x28, labels 0-9). */
    public Digits digits() {
        return digits.toDigits();
    }

    /** The newest {@code n} digits, newest first. */
    public Digits newest(int n) {
        return digits.newest(n);
    }

    /** Offers the digits as a file ({@link StoredDigits#EXPORT_FILE_NAME}, the project's shard format). */
    public void export() {
        byte[] file = StoredDigits.exportFile(digits.toDigits());
        LocalFiles.download(
                Int8Array.copyFromJavaArray(file), StoredDigits.EXPORT_FILE_NAME, StoredDigits.EXPORT_MEDIA_TYPE);
    }

    private void save() {
        if (LocalStore.set(StoredDigits.STORAGE_KEY, StoredDigits.encode(digits.toDigits()))) {
            problem = null;
        } else {
            problem = "Could not save your digits in this browser (storage blocked or full): they last only"
                    + " for this visit. Export them to keep them.";
        }
    }
}
