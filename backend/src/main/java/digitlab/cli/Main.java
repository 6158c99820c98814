package digitlab.cli;

import digitlab.server.data.DataPreparationException;
import java.io.IOException;
import java.io.PrintStream;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

/**
 * {@code java -jar digit-lab.jar [COMMAND] [OPTIONS]}: picks the {@link Command} ({@code serve} when the first
 * argument is an option or there is none), parses its options with {@link Args}, prints its help for {@code -h}
 * or {@code --help}, and turns what went wrong into one message and an exit code: 0 fine, 1 failed (e.g. MNIST
 * files missing), 2 wrong command line.
 */
public final class Main {
    /** Starts every error message. */
    static final String PROGRAM = "digit-lab";

    private static final String JAR = "java -jar digit-lab.jar";

    /** In the order of the command list; the first is the default. */
    static final List<Command> COMMANDS = List.of(
            new ServeCommand(),
            new PrepareDataCommand(),
            new TrainCommand(),
            new BenchCommand(),
            new LoadTestCommand());

    private Main() {}

    public static void main(String[] args) {
        int code = run(args, System.getenv(), System.out, System.err);
        // serve returns 0 with the server running: Jetty's threads keep the JVM alive until it is stopped.
        if (code != 0) {
            System.exit(code);
        }
    }

    static int run(String[] args, Map<String, String> env, PrintStream out, PrintStream err) {
        boolean explicit = args.length > 0 && !args[0].startsWith("-");
        String name = explicit ? args[0] : COMMANDS.get(0).name();
        String[] rest = explicit ? Arrays.copyOfRange(args, 1, args.length) : args;
        Command command = null;
        try {
            if (name.equals("help")) {
                out.print(usage());
                return 0;
            }
            command = find(name);
            Args options = Args.parse(rest, command.accepts());
            if (options.help()) {
                // Without a command, --help is about the jar: the commands, then the default command's options.
                out.print((explicit ? "" : usage() + "\n") + usage(command));
                return 0;
            }
            return command.run(options, env, out, err);
        } catch (UsageException e) {
            err.println(PROGRAM + ": " + e.getMessage());
            err.println("Run '" + JAR + " " + (explicit && command != null ? name + " " : "") + "--help' for usage.");
            return 2;
        } catch (CommandFailedException | DataPreparationException e) {
            err.println(PROGRAM + ": " + e.getMessage());
            return 1;
        } catch (IOException | RuntimeException e) {
            err.println(PROGRAM + " " + name + " failed: " + e);
            return 1;
        }
    }

    private static Command find(String name) {
        for (Command c : COMMANDS) {
            if (c.name().equals(name)) {
                return c;
            }
        }
        throw new UsageException("unknown command '" + name + "'");
    }

    /** The jar's help: the list of commands. */
    static String usage() {
        StringBuilder text = new StringBuilder("Usage: " + JAR + " [COMMAND] [OPTIONS]\n\nCommands:\n");
        for (Command c : COMMANDS) {
            text.append(String.format("  %-14s %s\n", c.name(), c.summary()));
        }
        return text.append("\nRun a command with -h or --help for its options.\n")
                .toString();
    }

    /** One command's help. */
    static String usage(Command command) {
        return "Usage: " + JAR + " " + command.name() + " [OPTIONS]\n\n" + command.help();
    }
}
