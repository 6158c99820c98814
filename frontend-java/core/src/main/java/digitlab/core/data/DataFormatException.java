package digitlab.core.data;

/** Input bytes that are not a valid file of the expected format: the message says what is wrong. */
public class DataFormatException extends RuntimeException {
    public DataFormatException(String message) {
        super(message);
    }
}
