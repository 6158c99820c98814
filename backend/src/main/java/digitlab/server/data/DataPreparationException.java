package digitlab.server.data;

/** The MNIST source files are missing or wrong; the message says which file and what to run. */
public class DataPreparationException extends RuntimeException {
    public DataPreparationException(String message) {
        super(message);
    }
}
