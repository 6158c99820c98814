package digitlab.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import digitlab.server.ModelOptions;
import digitlab.server.ServerConfig;
import digitlab.server.data.DataPreparer;
import digitlab.server.data.Manifest;
import digitlab.server.data.SyntheticMnist;
import digitlab.server.models.S3Options;
import io.javalin.Javalin;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** serve and prepare-data: starting the server, preparing the data, and their failures. */
class ServeCommandTest {
    @TempDir
    Path tmp;

    private final Console console = new Console();

    @Test
    void serveHelpListsTheModelOptions() {
        assertEquals(0, console.run(Map.of(), "serve", "--help"));
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
            assertTrue(console.out().contains(option), option);
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
                    java.io.IOException.class,
                    () -> ServeCommand.start(config, new DataPreparer(hashes, 10), console.out, console.err));
            assertTrue(
                    e.getMessage()
                            .contains("S3 bucket 'b' at http://127.0.0.1:" + port + " (prefix 'models/') is "
                                    + "not usable"),
                    e.getMessage());
            assertEquals("", console.out(), "no 'listening' line");
        }
    }

    @Test
    void serveWithoutDataOrMnistFilesFailsWithAClearMessage() {
        assertEquals(
                1,
                console.run(
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
        assertTrue(console.err().contains("train-images-idx3-ubyte is missing"), console.err());
        assertTrue(console.err().contains("npm ci"), console.err());
        assertEquals("", console.out(), "no 'listening' line when the server did not start");
    }

    @Test
    void prepareDataWithoutMnistFilesFails() {
        assertEquals(
                1,
                console.run(
                        Map.of(),
                        "prepare-data",
                        "--mnist",
                        tmp.resolve("none").toString(),
                        "--data",
                        tmp.resolve("data").toString()));
        assertTrue(console.err().contains("is missing"), console.err());
    }

    @Test
    void startPreparesMissingDataThenPrintsOneLineWithTheRealPort() throws Exception {
        Map<String, String> hashes = SyntheticMnist.write(tmp.resolve("mnist"), 25, 12);
        ServerConfig config =
                new ServerConfig("127.0.0.1", 0, tmp.resolve("data"), tmp.resolve("models"), tmp.resolve("mnist"), tmp);
        Javalin app = ServeCommand.start(config, new DataPreparer(hashes, 10), console.out, console.err);
        try {
            Matcher m = Pattern.compile("Digit Lab listening on http://localhost:(\\d+)/\n")
                    .matcher(console.out());
            assertTrue(m.matches(), "exactly one line: [" + console.out() + "]");
            int port = Integer.parseInt(m.group(1));
            assertEquals(app.port(), port);
            assertTrue(port > 0);
            assertTrue(Files.isDirectory(tmp.resolve("models")), "--models folder is created");
            assertTrue(Manifest.readIfValid(tmp.resolve("data")).isPresent(), "data prepared on first start");
            assertTrue(console.err().contains("Preparing MNIST shards"), console.err());
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

    private Path mnist() throws Exception {
        SyntheticMnist.write(tmp.resolve("mnist"), 25, 12);
        return tmp.resolve("mnist");
    }

    private int serve(Path data, Path models) throws Exception {
        return serve(data, models, "127.0.0.1", "0");
    }

    private int serve(Path data, Path models, String host, String port) throws Exception {
        return console.run(
                Map.of(),
                "serve",
                "--port",
                port,
                "--host",
                host,
                "--data",
                data.toString(),
                "--models",
                models.toString(),
                "--mnist",
                mnist().toString());
    }

    @Test
    void aModelsFolderThatCannotBeWrittenStopsTheStart() throws Exception {
        Path file = Files.writeString(tmp.resolve("a-file"), "x");
        // Tests may run as root, which may write anywhere: a path through a file cannot be written by anyone.
        assertEquals(1, serve(tmp.resolve("data"), file.resolve("models")));
        assertTrue(
                console.err()
                        .contains("digit-lab: the server cannot write to the models folder (--models) "
                                + file.resolve("models")),
                console.err());
        assertTrue(!console.err().contains("Exception"), console.err());
        assertEquals("", console.out());
        console.reset();
        assertEquals(1, serve(tmp.resolve("data"), file));
        assertTrue(console.err().contains("the models folder (--models) " + file + " is a file"), console.err());
    }

    @Test
    void aDataFolderThatCannotBeWrittenStopsTheStart() throws Exception {
        Path file = Files.writeString(tmp.resolve("a-file"), "x");
        assertEquals(1, serve(file.resolve("data"), tmp.resolve("models")));
        assertTrue(
                console.err()
                        .contains("digit-lab: the server cannot write to the data folder (--data) "
                                + file.resolve("data")),
                console.err());
        assertEquals("", console.out());
    }

    @Test
    void aDamagedShardIsPreparedAgainAtStart() throws Exception {
        Map<String, String> hashes = SyntheticMnist.write(tmp.resolve("mnist"), 25, 12);
        DataPreparer preparer = new DataPreparer(hashes, 10);
        Manifest manifest = preparer.prepare(tmp.resolve("mnist"), tmp.resolve("data"));
        Path shard = tmp.resolve("data").resolve(manifest.train().get(1).file() + Manifest.GZIP_SUFFIX);
        byte[] good = Files.readAllBytes(shard);
        byte[] flipped = good.clone();
        flipped[flipped.length / 2] ^= 0x10;
        Files.write(shard, flipped);
        assertEquals(
                List.of(manifest.train().get(1).file()), DataPreparer.damagedShards(tmp.resolve("data"), manifest));
        ServerConfig config =
                new ServerConfig("127.0.0.1", 0, tmp.resolve("data"), tmp.resolve("models"), tmp.resolve("mnist"), tmp);
        Javalin app = ServeCommand.start(config, preparer, console.out, console.err);
        try {
            assertTrue(console.err().contains("do not match their content hash"), console.err());
            assertArrayEquals(good, Files.readAllBytes(shard), "the shard was written again");
            assertEquals(List.of(), DataPreparer.damagedShards(tmp.resolve("data"), manifest));
        } finally {
            app.stop();
        }
    }

    @Test
    void bindFailuresSayWhatWentWrong() throws Exception {
        Path data = tmp.resolve("data");
        Path models = tmp.resolve("models");
        // serve checks the real MNIST hashes: give it data prepared already, from synthetic files.
        new DataPreparer(SyntheticMnist.write(tmp.resolve("synthetic"), 25, 12), 10)
                .prepare(tmp.resolve("synthetic"), data);
        try (java.net.ServerSocket taken =
                new java.net.ServerSocket(0, 1, java.net.InetAddress.getByName("127.0.0.1"))) {
            String port = Integer.toString(taken.getLocalPort());
            assertEquals(1, serve(data, models, "127.0.0.1", port));
            assertTrue(console.err().contains("port " + port + " is already in use"), console.err());
        }
        console.reset();
        // 192.0.2.1 (TEST-NET-1) is never an address of this machine.
        assertEquals(1, serve(data, models, "192.0.2.1", "0"));
        assertTrue(console.err().contains("192.0.2.1 is not an address of this machine"), console.err());
        assertTrue(!console.err().contains("already in use"), console.err());
        assertEquals("", console.out());
    }
}
