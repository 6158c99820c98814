package digitlab.cli;

import java.io.IOException;
import java.io.PrintStream;
import java.util.Map;

/**
 * One subcommand of the jar. {@link Main} parses the command line with {@link #accepts()}, prints
 * {@link #help()} for {@code -h} or {@code --help}, and turns the exceptions into exit codes, so a command
 * only reads its options and does its work.
 */
interface Command {
    /** The word on the command line, e.g. {@code train}. */
    String name();

    /** One line for the list of commands. */
    String summary();

    /** The help text after the usage line: what the command does and its options, each line ending in \n. */
    String help();

    /** The options the command takes. */
    Args.Spec accepts();

    /**
     * Runs the command; returns the exit code.
     *
     * @throws UsageException         for a bad option value (exit code 2)
     * @throws CommandFailedException when the command cannot go on, saying what to do (exit code 1)
     */
    int run(Args args, Map<String, String> env, PrintStream out, PrintStream err) throws IOException;
}
