package digitlab.cli;

/** A wrong command line (exit code 2): the message says what is wrong, {@link Main} adds where to find help. */
final class UsageException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    UsageException(String message) {
        super(message);
    }
}
