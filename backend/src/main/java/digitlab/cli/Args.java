package digitlab.cli;

import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/**
 * The command line parser of every command: {@code --name value} or {@code --name=value}, flags {@code --name}
 * without a value, and {@code -h} or {@code --help} anywhere. Anything else is a {@link UsageException} naming
 * the argument as typed, which {@link Main} turns into exit code 2.
 */
final class Args {
    /**
     * What a command accepts.
     *
     * @param options names (without the leading dashes) that take one value
     * @param flags   names that take no value; {@link #has} says whether they were given
     * @param aliases other names for options, e.g. {@code activation} for {@code act}: the value is kept under
     *                the option's own name, so giving both is a repeated option
     */
    record Spec(Set<String> options, Set<String> flags, Map<String, String> aliases) {
        Spec {
            options = Set.copyOf(options);
            flags = Set.copyOf(flags);
            aliases = Map.copyOf(aliases);
        }

        static Spec options(String... names) {
            return new Spec(Set.of(names), Set.of(), Map.of());
        }

        /** This spec plus options that take a value. */
        Spec withOptions(Set<String> more) {
            Set<String> all = new HashSet<>(options);
            all.addAll(more);
            return new Spec(all, flags, aliases);
        }

        Spec withFlags(String... names) {
            Set<String> all = new HashSet<>(flags);
            all.addAll(Set.of(names));
            return new Spec(options, all, aliases);
        }

        Spec withAliases(Map<String, String> more) {
            Map<String, String> all = new HashMap<>(aliases);
            all.putAll(more);
            return new Spec(options, flags, all);
        }
    }

    private final Map<String, String> values;
    private final boolean help;

    private Args(Map<String, String> values, boolean help) {
        this.values = values;
        this.help = help;
    }

    static Args parse(String[] args, Spec spec) {
        Map<String, String> values = new LinkedHashMap<>();
        boolean help = false;
        for (int i = 0; i < args.length; i++) {
            String arg = args[i];
            if (arg.equals("--help") || arg.equals("-h")) {
                help = true;
                continue;
            }
            if (!arg.startsWith("--") || arg.length() == 2) {
                throw new UsageException("unexpected argument '" + arg + "' (options start with --)");
            }
            int eq = arg.indexOf('=');
            String typed = eq < 0 ? arg.substring(2) : arg.substring(2, eq);
            String name = spec.aliases().getOrDefault(typed, typed);
            String value;
            if (spec.flags().contains(name) || name.equals("help")) {
                if (eq >= 0) {
                    throw new UsageException("option --" + typed + " takes no value");
                }
                value = "";
            } else if (!spec.options().contains(name)) {
                throw new UsageException("unknown option --" + typed);
            } else if (eq >= 0) {
                value = arg.substring(eq + 1);
            } else if (i + 1 < args.length && !args[i + 1].startsWith("--")) {
                value = args[++i];
            } else {
                throw new UsageException("option --" + typed + " needs a value");
            }
            if (values.put(name, value) != null) {
                throw new UsageException("option --" + typed + " is given twice");
            }
        }
        return new Args(values, help);
    }

    /** True if {@code -h} or {@code --help} was given. */
    boolean help() {
        return help;
    }

    String get(String name, String fallback) {
        return values.getOrDefault(name, fallback);
    }

    boolean has(String name) {
        return values.containsKey(name);
    }

    /** The options given among {@code names}, in command line order. */
    Map<String, String> only(Set<String> names) {
        Map<String, String> given = new LinkedHashMap<>(values);
        given.keySet().retainAll(names);
        return given;
    }

    /** An option as a whole number {@code >= 1}, or {@code fallback} if it is not given. */
    int positiveInt(String name, int fallback) {
        return has(name) ? (int) number(get(name, ""), 1, Integer.MAX_VALUE, "--" + name) : fallback;
    }

    /** A TCP port 0-65535; {@code source} names where the text came from, for the error message. */
    static int port(String text, String source) {
        return (int) inRange(text, 0, 65535, source, "a port number 0-65535");
    }

    /**
     * A whole number in {@code min..max} ({@code max} {@link Integer#MAX_VALUE} means no upper limit worth
     * naming); {@code source} names where the text came from, for the error message.
     */
    static long number(String text, long min, long max, String source) {
        String range = max == Integer.MAX_VALUE ? ">= " + min : min + "-" + max;
        return inRange(text, min, max, source, "a whole number " + range);
    }

    private static long inRange(String text, long min, long max, String source, String what) {
        try {
            long n = Long.parseLong(text.trim());
            if (n >= min && n <= max) {
                return n;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw new UsageException(source + " must be " + what + ", got '" + text + "'");
    }
}
