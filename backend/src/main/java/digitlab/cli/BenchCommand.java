package digitlab.cli;

import digitlab.core.data.Digits;
import digitlab.core.nn.Benchmark;
import digitlab.core.nn.CliOptions;
import java.io.PrintStream;
import java.nio.file.Paths;
import java.util.Locale;

/**
 * {@code bench}: the JVM training-speed benchmark (see {@link Benchmark}): the sparse network against a
 * straightforward dense baseline, same steps, same process. Takes about half a minute.
 * Exit codes: 0 done, 1 missing data, 2 bad options.
 */
public final class BenchCommand {
    private BenchCommand() {}

    public static void main(String[] args) {
        System.exit(run(args, System.out, System.err));
    }

    /** Runs the command with its output on {@code out} and errors on {@code err}; returns the exit code. */
    public static int run(String[] args, PrintStream out, PrintStream err) {
        CliOptions options;
        int repeats;
        int denseExamples;
        try {
            options = CliOptions.parse(args, "mnist", "repeats", "dense-examples");
            if (options.help()) {
                out.println(usage());
                return 0;
            }
            repeats = options.positiveInt("repeats", 7);
            denseExamples = options.positiveInt("dense-examples", 20000);
        } catch (IllegalArgumentException e) {
            err.println("bench: " + e.getMessage());
            err.println("Run with --help for the options.");
            return 2;
        }
        Digits train;
        Digits test;
        try {
            train = MnistFiles.load(Paths.get(options.get("mnist", MnistFiles.DEFAULT_DIR)), "train");
            test = MnistFiles.load(Paths.get(options.get("mnist", MnistFiles.DEFAULT_DIR)), "t10k");
        } catch (MnistFiles.MissingDataException e) {
            err.println("bench: " + e.getMessage());
            return 1;
        }
        out.println("benchmark: " + Benchmark.QUERY + " (" + train.count() + " examples per epoch), "
                + Runtime.getRuntime().availableProcessors() + " cores, Java " + System.getProperty("java.version"));
        Benchmark.Result r = Benchmark.run(train, test, repeats, denseExamples, out::println);
        out.println(String.format(
                Locale.ROOT,
                "dense_baseline examples_per_second=%.0f sparse examples_per_second=%.0f speedup=%.1fx",
                r.denseExamplesPerSecond(),
                r.sparseExamplesPerSecond(),
                r.speedup()));
        out.println(String.format(
                Locale.ROOT,
                "two_threads examples_per_second=%.0f speedup=%.2fx test_accuracy=%.4f",
                r.twoThreadExamplesPerSecond(),
                r.twoThreadSpeedup(),
                r.twoThreadTestAccuracy()));
        out.println(String.format(
                Locale.ROOT,
                "examples_per_second=%.0f test_accuracy=%.4f",
                r.sparseExamplesPerSecond(),
                r.testAccuracy()));
        return 0;
    }

    static String usage() {
        return "Usage: bench [options]\n"
                + "Times one epoch of MNIST training (784-128-10 sigmoid, softmax, SGD batch 32, lr 0.1):\n"
                + "the sparse network against a dense baseline, and on two threads; prints medians and speed-ups.\n\n"
                + "  --mnist DIR            MNIST IDX files (default " + MnistFiles.DEFAULT_DIR + ")\n"
                + "  --repeats 7            timed repeats (medians are reported)\n"
                + "  --dense-examples 20000 examples per timed dense repeat\n"
                + "  --help                 this text";
    }
}
