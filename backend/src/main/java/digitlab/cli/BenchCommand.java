package digitlab.cli;

import digitlab.core.bench.Benchmark;
import digitlab.core.data.Digits;
import java.io.PrintStream;
import java.util.Locale;
import java.util.Map;

/**
 * {@code bench}: the JVM training-speed benchmark (see {@link Benchmark}): the sparse network against a
 * straightforward dense baseline, same steps, same process. Takes about half a minute.
 * Exit codes: 0 done, 1 missing data, 2 bad options.
 */
final class BenchCommand implements Command {
    @Override
    public String name() {
        return "bench";
    }

    @Override
    public String summary() {
        return "time the training loop on the JVM";
    }

    @Override
    public String help() {
        return "Times one epoch of MNIST training (784-128-10 sigmoid, softmax, SGD batch 32, lr 0.1):\n"
                + "the sparse network against a dense baseline, and on two threads; prints medians and speed-ups.\n\n"
                + "  --mnist DIR            MNIST IDX files (default: " + MnistFiles.DEFAULT_DIR + ")\n"
                + "  --repeats 7            timed repeats (medians are reported)\n"
                + "  --dense-examples 20000 examples per timed dense repeat\n"
                + "  -h, --help             show this help\n";
    }

    @Override
    public Args.Spec accepts() {
        return Args.Spec.options("mnist", "repeats", "dense-examples");
    }

    @Override
    public int run(Args options, Map<String, String> env, PrintStream out, PrintStream err) {
        int repeats = options.positiveInt("repeats", 7);
        int denseExamples = options.positiveInt("dense-examples", 20000);
        MnistFiles.TrainAndTest mnist = MnistFiles.load(options.get("mnist", null));
        Digits train = mnist.train();
        out.println("benchmark: " + Benchmark.QUERY + " (" + train.count() + " examples per epoch), "
                + Runtime.getRuntime().availableProcessors() + " cores, Java " + System.getProperty("java.version"));
        Benchmark.Result r = Benchmark.run(train, mnist.test(), repeats, denseExamples, out::println);
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
}
