package digitlab.core.model;

/** Bytes that are not a valid Digit Lab model file; the message says what is wrong. */
public class ModelFormatException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public ModelFormatException(String message) {
        super(message);
    }
}
