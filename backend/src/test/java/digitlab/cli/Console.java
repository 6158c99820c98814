package digitlab.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.Map;

/** Runs {@link Main} as the jar would, with its stdout and stderr kept for the test to read. */
final class Console {
    private final ByteArrayOutputStream outBytes = new ByteArrayOutputStream();
    private final ByteArrayOutputStream errBytes = new ByteArrayOutputStream();
    final PrintStream out = new PrintStream(outBytes, true, StandardCharsets.UTF_8);
    final PrintStream err = new PrintStream(errBytes, true, StandardCharsets.UTF_8);

    /** Runs the command line with {@code env} as the environment; returns the exit code. */
    int run(Map<String, String> env, String... args) {
        return Main.run(args, env, out, err);
    }

    String out() {
        return outBytes.toString(StandardCharsets.UTF_8);
    }

    String err() {
        return errBytes.toString(StandardCharsets.UTF_8);
    }

    /**
     * Runs a command line that must be a usage error: exit code 2, nothing on stdout, and on stderr
     * {@code message} and where to find help.
     */
    void assertUsageError(String message, Map<String, String> env, String... args) {
        reset();
        String line = String.join(" ", args) + " " + env + " -> " + err();
        assertEquals(2, run(env, args), line);
        assertEquals("", out(), line);
        assertTrue(err().startsWith("digit-lab: ") && err().contains(message), line);
        assertTrue(err().contains(" --help' for usage.\n"), line);
    }

    /** Forgets what was printed so far. */
    void reset() {
        outBytes.reset();
        errBytes.reset();
    }
}
