package digitlab.cli;

/**
 * A command that cannot go on for a reason the user can fix, e.g. missing MNIST files (exit code 1): the
 * message says what is wrong and what to do, and is printed without a stack trace.
 */
final class CommandFailedException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    CommandFailedException(String message) {
        super(message);
    }
}
