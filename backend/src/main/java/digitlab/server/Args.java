package digitlab.server;

import java.util.HashMap;
import java.util.Map;
import java.util.Set;

/**
 * The command line options of one subcommand: {@code --name value} or {@code --name=value}, flags
 * {@code --name} without a value, plus {@code --help}. Anything else is a {@link UsageException}, which the
 * caller turns into exit code 2.
 */
final class Args {
    private final Map<String, String> values;
    private final boolean help;

    private Args(Map<String, String> values, boolean help) {
        this.values = values;
        this.help = help;
    }

    /** A wrong command line: the message says what is wrong, the caller adds where to find help. */
    static final class UsageException extends RuntimeException {
        UsageException(String message) {
            super(message);
        }
    }

    /** @param options the accepted option names without the leading dashes; each takes one value */
    static Args parse(String[] args, Set<String> options) {
        return parse(args, options, Set.of());
    }

    /**
     * @param options the accepted option names without the leading dashes; each takes one value
     * @param flags   the accepted flags: they take no value, and {@link #has} says whether they were given
     */
    static Args parse(String[] args, Set<String> options, Set<String> flags) {
        Map<String, String> values = new HashMap<>();
        boolean help = false;
        for (int i = 0; i < args.length; i++) {
            String arg = args[i];
            if (arg.equals("--help") || arg.equals("-h")) {
                help = true;
                continue;
            }
            if (!arg.startsWith("--") || arg.length() == 2) {
                throw new UsageException("unexpected argument '" + arg + "'");
            }
            int eq = arg.indexOf('=');
            String name = eq < 0 ? arg.substring(2) : arg.substring(2, eq);
            if (flags.contains(name)) {
                if (eq >= 0) {
                    throw new UsageException("option --" + name + " takes no value");
                }
                if (values.put(name, "") != null) {
                    throw new UsageException("option --" + name + " is given twice");
                }
                continue;
            }
            if (!options.contains(name)) {
                throw new UsageException("unknown option --" + name);
            }
            String value;
            if (eq >= 0) {
                value = arg.substring(eq + 1);
            } else if (i + 1 < args.length && !args[i + 1].startsWith("--")) {
                value = args[++i];
            } else {
                throw new UsageException("option --" + name + " needs a value");
            }
            if (values.put(name, value) != null) {
                throw new UsageException("option --" + name + " is given twice");
            }
        }
        return new Args(values, help);
    }

    boolean help() {
        return help;
    }

    String get(String name, String fallback) {
        return values.getOrDefault(name, fallback);
    }

    boolean has(String name) {
        return values.containsKey(name);
    }

    /** A TCP port 0-65535; {@code source} names where the text came from, for the error message. */
    static int port(String text, String source) {
        try {
            int port = Integer.parseInt(text.trim());
            if (port >= 0 && port <= 65535) {
                return port;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw new UsageException(source + " must be a port number 0-65535, got '" + text + "'");
    }

    /** A whole number in {@code min..max}; {@code source} names where the text came from. */
    static long number(String text, long min, long max, String source) {
        try {
            long n = Long.parseLong(text.trim());
            if (n >= min && n <= max) {
                return n;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw new UsageException(source + " must be a whole number " + min + "-" + max + ", got '" + text + "'");
    }
}
