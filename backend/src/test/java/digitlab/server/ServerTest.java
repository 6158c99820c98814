package digitlab.server;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import digitlab.core.data.Digits;
import digitlab.core.data.Shard;
import digitlab.server.data.DataPreparer;
import digitlab.server.data.Manifest;
import digitlab.server.data.SyntheticMnist;
import io.javalin.Javalin;
import io.javalin.testtools.JavalinTest;
import java.io.ByteArrayInputStream;
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
import java.util.Map;
import java.util.zip.GZIPInputStream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The HTTP surface: started on port 0 over a temp folder with synthetic shards and a tiny web app. */
class ServerTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private final HttpClient http = HttpClient.newHttpClient();

    @TempDir
    Path tmp;

    private Manifest manifest;
    private ServerConfig config;

    @BeforeEach
    void setUp() throws IOException {
        manifest = SyntheticMnist.prepare(tmp, 25, 12, 10);
        Path web = Files.createDirectories(tmp.resolve("web"));
        Files.writeString(web.resolve("index.html"), "<!doctype html><title>Digit Lab</title>");
        Files.writeString(web.resolve("app.js"), "console.log('x');\n".repeat(200));
        Files.write(web.resolve("model.wasm"), new byte[] {0, 'a', 's', 'm', 1, 0, 0, 0});
        config =
                new ServerConfig("127.0.0.1", 0, tmp.resolve("data"), tmp.resolve("models"), tmp.resolve("mnist"), web);
    }

    private void withServer(ServerTestCase test) throws IOException {
        Javalin app = App.create(config);
        JavalinTest.test(app, (server, client) -> test.run(server.port()));
    }

    interface ServerTestCase {
        void run(int port) throws Exception;
    }

    private HttpResponse<byte[]> get(int port, String path, String... headers) throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path));
        if (headers.length > 0) {
            b.headers(headers);
        }
        return http.send(b.build(), HttpResponse.BodyHandlers.ofByteArray());
    }

    private static String header(HttpResponse<?> r, String name) {
        return r.headers().firstValue(name).orElse(null);
    }

    private static void assertSecurityHeaders(HttpResponse<?> r) {
        String where = r.request().uri().getRawPath();
        assertEquals(SecurityHeaders.CSP, header(r, "Content-Security-Policy"), where);
        assertTrue(SecurityHeaders.CSP.contains("script-src 'self' 'unsafe-eval';"));
        assertEquals("nosniff", header(r, "X-Content-Type-Options"), where);
        assertEquals("no-referrer", header(r, "Referrer-Policy"), where);
        assertEquals("same-origin", header(r, "Cross-Origin-Opener-Policy"), where);
        assertEquals("require-corp", header(r, "Cross-Origin-Embedder-Policy"), where);
    }

    private static void assertJsonError(HttpResponse<byte[]> r, int status) throws IOException {
        String where = r.request().uri().getRawPath();
        assertEquals(status, r.statusCode(), where);
        assertTrue(header(r, "Content-Type").startsWith("application/json"), where);
        JsonNode body = JSON.readTree(r.body());
        assertTrue(body.get("error").isTextual(), where + ": " + body);
        assertSecurityHeaders(r);
    }

    @Test
    void healthz() throws Exception {
        withServer(port -> {
            HttpResponse<byte[]> r = get(port, "/healthz");
            assertEquals(200, r.statusCode());
            assertEquals(Map.of("status", "ok"), JSON.readValue(r.body(), Map.class));
            assertSecurityHeaders(r);
        });
    }

    @Test
    void manifestIsRevalidatedJsonWithAnEtag() throws Exception {
        withServer(port -> {
            HttpResponse<byte[]> r = get(port, "/data/manifest.json");
            assertEquals(200, r.statusCode());
            assertTrue(header(r, "Content-Type").startsWith("application/json"));
            assertEquals("no-cache", header(r, "Cache-Control"));
            assertEquals(manifest, Manifest.fromJson(r.body()));
            String etag = header(r, "ETag");
            assertTrue(etag.matches("\"[0-9a-f]{64}\""), etag);
            assertSecurityHeaders(r);

            HttpResponse<byte[]> again = get(port, "/data/manifest.json", "If-None-Match", etag);
            assertEquals(304, again.statusCode());
            assertEquals(0, again.body().length);
            assertEquals(etag, header(again, "ETag"));
        });
    }

    @Test
    void shardIsSentPrecompressedWithImmutableCaching() throws Exception {
        Manifest.Entry entry = manifest.train().get(1);
        byte[] onDisk = Files.readAllBytes(config.dataDir().resolve(entry.file() + ".gz"));
        withServer(port -> {
            HttpResponse<byte[]> r = get(port, "/data/shards/" + entry.file(), "Accept-Encoding", "gzip, deflate, br");
            assertEquals(200, r.statusCode());
            assertEquals("gzip", header(r, "Content-Encoding"));
            assertEquals("application/octet-stream", header(r, "Content-Type"));
            assertEquals("public, max-age=31536000, immutable", header(r, "Cache-Control"));
            assertEquals("\"" + entry.sha256() + "\"", header(r, "ETag"));
            assertEquals("Accept-Encoding", header(r, "Vary"));
            assertEquals(String.valueOf(onDisk.length), header(r, "Content-Length"));
            assertArrayEquals(onDisk, r.body(), "the stored file, not compressed twice");
            assertSecurityHeaders(r);

            byte[] raw;
            try (InputStream in = new GZIPInputStream(new ByteArrayInputStream(r.body()))) {
                raw = in.readAllBytes();
            }
            assertEquals(entry.sha256(), DataPreparer.sha256Hex(raw));
            Digits d = Shard.decode(raw);
            assertEquals(10, d.count());
            assertEquals(0, d.label(0)); // image 10 of the synthetic set
        });
    }

    @Test
    void shardIsDecompressedForClientsWithoutGzip() throws Exception {
        Manifest.Entry entry = manifest.test().get(1);
        withServer(port -> {
            for (String[] h :
                    new String[][] {{}, {"Accept-Encoding", "identity"}, {"Accept-Encoding", "gzip;q=0, *"}}) {
                HttpResponse<byte[]> r = get(port, "/data/shards/" + entry.file(), h);
                assertEquals(200, r.statusCode());
                assertEquals(null, header(r, "Content-Encoding"), String.join(" ", h));
                assertEquals(String.valueOf(entry.bytes()), header(r, "Content-Length"));
                assertEquals(entry.sha256(), DataPreparer.sha256Hex(r.body()));
                assertEquals("Accept-Encoding", header(r, "Vary"));
                assertEquals("\"" + entry.sha256() + "\"", header(r, "ETag"));
            }
        });
    }

    @Test
    void shardAnswers304ToAMatchingIfNoneMatch() throws Exception {
        Manifest.Entry entry = manifest.train().get(0);
        String etag = "\"" + entry.sha256() + "\"";
        withServer(port -> {
            for (String inm : new String[] {etag, "W/" + etag, "\"other\", " + etag, "*"}) {
                HttpResponse<byte[]> r =
                        get(port, "/data/shards/" + entry.file(), "If-None-Match", inm, "Accept-Encoding", "gzip");
                assertEquals(304, r.statusCode(), inm);
                assertEquals(0, r.body().length);
                assertEquals(etag, header(r, "ETag"));
                assertEquals("public, max-age=31536000, immutable", header(r, "Cache-Control"));
                assertEquals("Accept-Encoding", header(r, "Vary"));
            }
            assertEquals(
                    200,
                    get(port, "/data/shards/" + entry.file(), "If-None-Match", "\"other\"")
                            .statusCode());
        });
    }

    @Test
    void unknownAndMalformedShardNamesAre404Json() throws Exception {
        String real = manifest.train().get(0).file();
        String notListed =
                real.substring(0, real.length() - 5) + (real.charAt(real.length() - 5) == '0' ? "1" : "0") + ".bin";
        withServer(port -> {
            for (String name : new String[] {
                notListed,
                "train-999-0123456789abcdef.bin",
                real + ".gz",
                real.toUpperCase(),
                "..%2fmanifest.json",
                "..%2F..%2Fpom.xml",
                "%2e%2e",
                "%2e%2e%2fmanifest.json",
                ".%2e",
                "%2fetc%2fpasswd",
                "C:%5cWindows%5cwin.ini",
                "..%5cmanifest.json",
                "%5c%5cserver%5cshare",
                real + "%00",
                "manifest.json",
                "a".repeat(3000),
                "train-000-0123456789abcdef.bin%2f..%2f..%2fmanifest.json"
            }) {
                HttpResponse<byte[]> r = get(port, "/data/shards/" + name);
                String where = name.substring(0, Math.min(name.length(), 60));
                // An encoded NUL is turned away by Jetty (400) before routing; everything else reaches the route.
                int expected = name.contains("%00") ? 400 : 404;
                assertEquals(expected, r.statusCode(), where);
                assertJsonError(r, expected);
                assertFalse(new String(r.body(), StandardCharsets.UTF_8).contains("DLSH"), where);
            }
            // Dot segments that climb above the root are refused by Jetty itself, still as JSON.
            assertJsonError(get(port, "/data/%2e%2e/%2e%2e/pom.xml"), 400);
            assertJsonError(get(port, "/data/shards//etc/passwd"), 404);
            assertJsonError(get(port, "/data/shards/"), 404);
        });
    }

    @Test
    void rawBackslashesAndDotSegmentsNeverReachAFile() throws Exception {
        withServer(port -> {
            for (String target : new String[] {
                "/data/shards/..\\manifest.json",
                "/data/shards/..\\..\\pom.xml",
                "/data/shards/../manifest.json",
                "/data/shards/../../pom.xml",
                "/data/shards/%2e%2e/%2e%2e/pom.xml"
            }) {
                String response = rawGet(port, target);
                String status = response.substring(0, response.indexOf("\r\n"));
                assertTrue(status.matches("HTTP/1\\.1 40[04] .*"), target + " -> " + status);
                assertTrue(response.toLowerCase().contains("content-type: application/json"), target + "\n" + response);
                assertFalse(response.contains("\"format\""), target);
                assertFalse(response.contains("<project"), target);
            }
        });
    }

    /** Sends a request line exactly as written: java.net.http refuses backslashes and normalises dots. */
    private static String rawGet(int port, String target) throws IOException {
        try (Socket s = new Socket("127.0.0.1", port)) {
            OutputStream out = s.getOutputStream();
            out.write(("GET " + target + " HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n")
                    .getBytes(StandardCharsets.ISO_8859_1));
            out.flush();
            return new String(s.getInputStream().readAllBytes(), StandardCharsets.ISO_8859_1);
        }
    }

    @Test
    void unexpectedFailureIs500JsonWithoutDetails() throws Exception {
        Manifest.Entry entry = manifest.train().get(2);
        withServer(port -> {
            // The shard disappears after start: the handler's IOException must not reach the client.
            Files.delete(config.dataDir().resolve(entry.file() + ".gz"));
            HttpResponse<byte[]> r = get(port, "/data/shards/" + entry.file(), "Accept-Encoding", "gzip");
            assertJsonError(r, 500);
            String body = new String(r.body(), StandardCharsets.UTF_8);
            assertEquals("{\"error\":\"internal server error\"}", body);
        });
    }

    @Test
    void unknownPathIs404Json() throws Exception {
        withServer(port -> {
            assertJsonError(get(port, "/no/such/page"), 404);
            assertJsonError(get(port, "/data/nothing.json"), 404);
        });
    }

    @Test
    void staticFilesAreRevalidatedAndCarrySecurityHeaders() throws Exception {
        withServer(port -> {
            HttpResponse<byte[]> index = get(port, "/");
            assertEquals(200, index.statusCode());
            assertTrue(new String(index.body(), StandardCharsets.UTF_8).contains("Digit Lab"));
            assertTrue(header(index, "Content-Type").startsWith("text/html"));
            assertEquals("no-cache", header(index, "Cache-Control"));
            assertSecurityHeaders(index);
            String etag = header(index, "ETag");
            assertTrue(etag != null, "static files get ETags");
            assertEquals(304, get(port, "/index.html", "If-None-Match", etag).statusCode());

            HttpResponse<byte[]> wasm = get(port, "/model.wasm");
            assertEquals(200, wasm.statusCode());
            assertEquals("application/wasm", header(wasm, "Content-Type"));
            assertSecurityHeaders(wasm);

            HttpResponse<byte[]> js = get(port, "/app.js", "Accept-Encoding", "gzip");
            assertEquals(200, js.statusCode());
            assertEquals("gzip", header(js, "Content-Encoding"), "Javalin compresses larger text files");
            assertEquals("Accept-Encoding", header(js, "Vary"));
            assertEquals("no-cache", header(js, "Cache-Control"));
            assertSecurityHeaders(js);
        });
    }

    @Test
    void staticFilesComeFromTheClasspathByDefault() throws Exception {
        // src/test/resources/public/ stands in for the app the build copies into the jar.
        config = config.withStaticDir(null);
        withServer(port -> {
            HttpResponse<byte[]> r = get(port, "/classpath-probe.txt");
            assertEquals(200, r.statusCode());
            assertEquals("classpath static files work\n", new String(r.body(), StandardCharsets.UTF_8));
            assertEquals("no-cache", header(r, "Cache-Control"));
            assertSecurityHeaders(r);
        });
    }
}
