package digitlab.server;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import digitlab.server.data.Manifest;
import digitlab.server.data.SyntheticMnist;
import digitlab.server.models.DiskModelStore;
import digitlab.server.models.ModelId;
import digitlab.server.models.TestModels;
import io.javalin.Javalin;
import io.javalin.testtools.JavalinTest;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Issue 15: HEAD, 405, 408, ranges, repair of a damaged stored model, file modes. */
class HardeningTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private final HttpClient http = HttpClient.newHttpClient();

    @TempDir
    Path tmp;

    private Manifest manifest;
    private ServerConfig config;
    private DiskModelStore store;

    @BeforeEach
    void setUp() throws IOException {
        manifest = SyntheticMnist.prepare(tmp, 25, 12, 10);
        config = new ServerConfig(
                        "127.0.0.1",
                        0,
                        tmp.resolve("data"),
                        tmp.resolve("models"),
                        tmp.resolve("mnist"),
                        Files.createDirectories(tmp.resolve("web")))
                .withModels(ModelOptions.defaults().withUploadsPerMinute(1000));
        store = new DiskModelStore(config.modelsDir());
    }

    interface Case {
        void run(int port) throws Exception;
    }

    private void withServer(Case test) throws IOException {
        Javalin app = App.create(config, store);
        JavalinTest.test(app, (server, client) -> test.run(server.port()));
    }

    private HttpResponse<byte[]> send(int port, String method, String path, String... headers) throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                .method(method, HttpRequest.BodyPublishers.noBody())
                .timeout(Duration.ofSeconds(20));
        if (headers.length > 0) {
            b.headers(headers);
        }
        return http.send(b.build(), HttpResponse.BodyHandlers.ofByteArray());
    }

    private HttpResponse<byte[]> post(int port, byte[] model) throws Exception {
        return http.send(
                HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/api/models"))
                        .POST(HttpRequest.BodyPublishers.ofByteArray(model))
                        .header("Content-Type", "application/octet-stream")
                        .build(),
                HttpResponse.BodyHandlers.ofByteArray());
    }

    private static String header(HttpResponse<?> r, String name) {
        return r.headers().firstValue(name).orElse(null);
    }

    @Test
    void headAnswersWhatGetWouldWithoutTheBody() throws Exception {
        byte[] model = TestModels.mnist(1);
        String id = ModelId.of(model);
        String shard = manifest.train().get(0).file();
        String unknown = ModelId.of(new byte[] {1, 2, 3});
        withServer(port -> {
            assertEquals(201, post(port, model).statusCode());
            for (String path : List.of(
                    "/healthz",
                    "/data/manifest.json",
                    "/data/shards/" + shard,
                    "/data/shards/train-999-0123456789abcdef.bin",
                    "/api/models/" + id,
                    "/api/models/" + id + "/meta",
                    "/api/models/" + unknown,
                    "/api/models/" + unknown + "/meta",
                    "/api/models/not-an-id")) {
                for (String encoding : List.of("identity", "gzip")) {
                    HttpResponse<byte[]> get = send(port, "GET", path, "Accept-Encoding", encoding);
                    HttpResponse<byte[]> head = send(port, "HEAD", path, "Accept-Encoding", encoding);
                    String where = "HEAD " + path + " (" + encoding + ")";
                    assertEquals(get.statusCode(), head.statusCode(), where);
                    assertEquals(0, head.body().length, where);
                    for (String h : List.of("ETag", "Cache-Control", "Content-Encoding", "Content-Type")) {
                        assertEquals(header(get, h), header(head, h), where + " " + h);
                    }
                    if (get.statusCode() == 200 && header(get, "Content-Encoding") == null) {
                        assertEquals(String.valueOf(get.body().length), header(head, "Content-Length"), where);
                    }
                }
            }
            HttpResponse<byte[]> head = send(port, "HEAD", "/api/models/" + id);
            assertEquals(String.valueOf(model.length), header(head, "Content-Length"));
            assertEquals('"' + id + '"', header(head, "ETag"));
            assertEquals(404, send(port, "HEAD", "/api/models/" + unknown).statusCode());
        });
    }

    /** A manifest over Javalin's 1.5 kB compression threshold once arrived cut short to gzip-accepting clients. */
    @Test
    void aLargeManifestArrivesWholeToClientsThatAcceptGzip() throws Exception {
        manifest = SyntheticMnist.prepare(tmp.resolve("big"), 600, 100, 10);
        byte[] file = Files.readAllBytes(tmp.resolve("big").resolve("data").resolve(Manifest.FILE_NAME));
        assertTrue(file.length > 2000, "the manifest is " + file.length + " bytes");
        config = new ServerConfig(
                "127.0.0.1",
                0,
                tmp.resolve("big").resolve("data"),
                tmp.resolve("models"),
                tmp.resolve("big").resolve("mnist"),
                Files.createDirectories(tmp.resolve("web")));
        withServer(port -> {
            for (String encoding : List.of("identity", "gzip", "gzip, deflate, br")) {
                HttpResponse<byte[]> get = send(port, "GET", "/data/manifest.json", "Accept-Encoding", encoding);
                assertEquals(200, get.statusCode(), encoding);
                assertArrayEquals(file, get.body(), encoding);
            }
        });
    }

    @Test
    void otherMethodsAre405WithAllow() throws Exception {
        byte[] model = TestModels.small(2);
        String id = ModelId.of(model);
        withServer(port -> {
            assertEquals(201, post(port, model).statusCode());
            for (String[] c : new String[][] {
                {"DELETE", "/api/models/" + id, "GET,HEAD"},
                {"PUT", "/api/models/" + id, "GET,HEAD"},
                {"GET", "/api/models", "POST"},
                {"POST", "/healthz", "GET,HEAD"},
                {"DELETE", "/data/manifest.json", "GET,HEAD"},
                {"POST", "/data/shards/" + manifest.train().get(0).file(), "GET,HEAD"},
            }) {
                HttpResponse<byte[]> r = send(port, c[0], c[1]);
                assertEquals(405, r.statusCode(), c[0] + " " + c[1]);
                List<String> allow = Arrays.stream(header(r, "Allow").split(","))
                        .map(String::trim)
                        .sorted()
                        .toList();
                assertEquals(List.of(c[2].split(",")), allow, c[0] + " " + c[1]);
                assertTrue(new String(r.body(), StandardCharsets.UTF_8).contains("method not allowed"));
            }
        });
    }

    /** The head of an upload that promises 5,000 bytes: the 408 tests then send less, or slowly. */
    private static final byte[] UPLOAD_OF_5000_BYTES =
            ("POST /api/models HTTP/1.1\r\nHost: localhost\r\nContent-Type: application/octet-stream\r\n"
                            + "Content-Length: 5000\r\n\r\n")
                    .getBytes(StandardCharsets.ISO_8859_1);

    @Test
    void aStalledUploadIs408() throws Exception {
        config = config.withTransfers(TransferLimits.defaults().withIdleTimeout(Duration.ofMillis(700)));
        withServer(port -> {
            try (Socket s = new Socket("127.0.0.1", port)) {
                s.setSoTimeout(10_000);
                OutputStream out = s.getOutputStream();
                out.write(UPLOAD_OF_5000_BYTES);
                out.write(new byte[100]);
                out.flush();
                long t0 = System.nanoTime();
                String response = readHead(s.getInputStream());
                long ms = (System.nanoTime() - t0) / 1_000_000;
                assertTrue(response.startsWith("HTTP/1.1 408"), response);
                assertTrue(ms < 5_000, "answered after the idle timeout, not 30 s: " + ms + " ms");
            }
        });
    }

    @Test
    void aTrickledUploadIs408AfterTheDeadline() throws Exception {
        config = config.withTransfers(TransferLimits.defaults().withUploadDeadline(Duration.ofMillis(500)));
        withServer(port -> {
            try (Socket s = new Socket("127.0.0.1", port)) {
                s.setSoTimeout(10_000);
                OutputStream out = s.getOutputStream();
                out.write(UPLOAD_OF_5000_BYTES);
                for (int i = 0; i < 20 && s.getInputStream().available() == 0; i++) {
                    try {
                        out.write(new byte[10]);
                        out.flush();
                    } catch (IOException closed) {
                        break;
                    }
                    Thread.sleep(100);
                }
                String response = readHead(s.getInputStream());
                assertTrue(response.startsWith("HTTP/1.1 408"), response);
            }
        });
    }

    private static String readHead(InputStream in) throws IOException {
        StringBuilder sb = new StringBuilder();
        for (int c; (c = in.read()) != -1; ) {
            sb.append((char) c);
            if (sb.indexOf("\r\n\r\n") >= 0) {
                break;
            }
        }
        return sb.toString();
    }

    @Test
    void aDamagedStoredModelIsRepairedByUploadingTheOriginal() throws Exception {
        byte[] model = TestModels.mnist(3);
        String id = ModelId.of(model);
        withServer(port -> {
            assertEquals(201, post(port, model).statusCode());
            assertEquals(200, send(port, "GET", "/api/models/" + id).statusCode());
            Path file = config.modelsDir().resolve(id.substring(0, 2)).resolve(id + ".dlnn");
            byte[] flipped = Files.readAllBytes(file);
            flipped[flipped.length / 2] ^= 1;
            Files.write(file, flipped);
            assertEquals(500, send(port, "GET", "/api/models/" + id).statusCode());
            assertEquals(500, send(port, "HEAD", "/api/models/" + id).statusCode());
            HttpResponse<byte[]> again = post(port, model);
            assertEquals(201, again.statusCode(), new String(again.body(), StandardCharsets.UTF_8));
            JsonNode json = JSON.readTree(again.body());
            assertTrue(json.get("created").asBoolean(), "the damaged file was replaced");
            HttpResponse<byte[]> r = send(port, "GET", "/api/models/" + id);
            assertEquals(200, r.statusCode());
            assertArrayEquals(model, r.body());
            assertEquals(200, send(port, "GET", "/api/models/" + id + "/meta").statusCode());
            // An intact model uploaded again is still "already stored".
            assertEquals(200, post(port, model).statusCode());
        });
    }

    @Test
    void oneAddressCannotHoldMoreThanItsShareOfDownloads() throws Exception {
        // 12 MB: more than the socket buffers between server and client hold, so a download that is never read
        // stays open until the idle timeout.
        byte[] model = TestModels.model(new int[] {784, 3800, 10}, 6, null).toBytes();
        String id = ModelId.of(model);
        config = config.withTransfers(TransferLimits.defaults().withPerClient(2))
                .withModels(config.models().withMaxModelBytes(16 << 20));
        withServer(port -> {
            assertEquals(201, post(port, model).statusCode());
            List<Socket> stuck = new java.util.ArrayList<>();
            try {
                for (int i = 0; i < 2; i++) {
                    Socket s = new Socket();
                    s.setReceiveBufferSize(4096);
                    s.connect(new java.net.InetSocketAddress("127.0.0.1", port));
                    s.getOutputStream()
                            .write(("GET /api/models/" + id + " HTTP/1.1\r\nHost: localhost\r\n\r\n")
                                    .getBytes(StandardCharsets.ISO_8859_1));
                    stuck.add(s);
                }
                Thread.sleep(300);
                HttpResponse<byte[]> third = send(port, "GET", "/api/models/" + id);
                assertEquals(429, third.statusCode());
                assertEquals("1", header(third, "Retry-After"));
                // Small answers are not transfers: they still come.
                assertEquals(200, send(port, "GET", "/healthz").statusCode());
                assertEquals(200, send(port, "GET", "/data/manifest.json").statusCode());
                // Another address is another client.
                try (Socket other = new Socket()) {
                    other.bind(new java.net.InetSocketAddress("127.0.0.2", 0));
                    other.connect(new java.net.InetSocketAddress("127.0.0.1", port));
                    other.setSoTimeout(10_000);
                    other.getOutputStream()
                            .write(("HEAD /api/models/" + id + " HTTP/1.1\r\nHost: localhost\r\n\r\n")
                                    .getBytes(StandardCharsets.ISO_8859_1));
                    assertTrue(readHead(other.getInputStream()).startsWith("HTTP/1.1 200"));
                }
            } finally {
                for (Socket s : stuck) {
                    s.close();
                }
            }
            // Closed: their slots are given back.
            long deadline = System.nanoTime() + 5_000_000_000L;
            int status;
            do {
                Thread.sleep(100);
                status = send(port, "HEAD", "/api/models/" + id).statusCode();
            } while (status != 200 && System.nanoTime() < deadline);
            assertEquals(200, status);
        });
    }

    @Test
    void rangeRequestsGetPartOfAModel() throws Exception {
        byte[] model = TestModels.mnist(4);
        String id = ModelId.of(model);
        withServer(port -> {
            assertEquals(201, post(port, model).statusCode());
            String path = "/api/models/" + id;
            HttpResponse<byte[]> r = send(port, "GET", path, "Range", "bytes=10-19");
            assertEquals(206, r.statusCode());
            assertEquals("bytes 10-19/" + model.length, header(r, "Content-Range"));
            assertArrayEquals(Arrays.copyOfRange(model, 10, 20), r.body());
            r = send(port, "GET", path, "Range", "bytes=-5");
            assertArrayEquals(Arrays.copyOfRange(model, model.length - 5, model.length), r.body());
            r = send(port, "GET", path, "Range", "bytes=" + model.length + "-");
            assertEquals(416, r.statusCode());
            assertEquals("bytes */" + model.length, header(r, "Content-Range"));
            // If-Range with another validator: the whole file.
            r = send(port, "GET", path, "Range", "bytes=0-0", "If-Range", "\"other\"");
            assertEquals(200, r.statusCode());
            assertArrayEquals(model, r.body());
        });
    }

    @Test
    void servedFilesAreReadableByOtherUsers() throws Exception {
        byte[] model = TestModels.small(5);
        String id = ModelId.of(model);
        withServer(port -> assertEquals(201, post(port, model).statusCode()));
        if (!Files.getFileStore(tmp).supportsFileAttributeView("posix")) {
            return;
        }
        for (Path p : List.of(
                config.modelsDir().resolve(id.substring(0, 2)).resolve(id + ".dlnn"),
                config.dataDir().resolve(Manifest.FILE_NAME),
                config.dataDir().resolve(manifest.train().get(0).file() + Manifest.GZIP_SUFFIX))) {
            assertEquals("rw-r--r--", PosixFilePermissions.toString(Files.getPosixFilePermissions(p)), p.toString());
        }
    }
}
