package digitlab.server;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import digitlab.core.model.Model;
import digitlab.core.model.TrainingMetadata;
import digitlab.core.nn.Activation;
import digitlab.core.nn.Architecture;
import digitlab.core.nn.Loss;
import digitlab.server.data.SyntheticMnist;
import digitlab.server.models.DiskModelStore;
import digitlab.server.models.ModelId;
import digitlab.server.models.ModelStore;
import digitlab.server.models.TestModels;
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
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The model API over a disk store in a temp folder, on port 0. */
class ModelApiTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private final HttpClient http = HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5))
            .build();

    @TempDir
    Path tmp;

    private ServerConfig config;
    private RecordingStore store;

    @BeforeEach
    void setUp() throws IOException {
        SyntheticMnist.prepare(tmp, 25, 12, 10);
        config = new ServerConfig(
                        "127.0.0.1",
                        0,
                        tmp.resolve("data"),
                        tmp.resolve("models"),
                        tmp.resolve("mnist"),
                        Files.createDirectories(tmp.resolve("web")))
                .withModels(ModelOptions.defaults().withUploadsPerMinute(1000));
        store = new RecordingStore(new DiskModelStore(config.modelsDir()));
    }

    interface Case {
        void run(int port) throws Exception;
    }

    private void withServer(Case test) throws IOException {
        Javalin app = App.create(config, store);
        JavalinTest.test(app, (server, client) -> test.run(server.port()));
    }

    // ---- requests

    private HttpResponse<byte[]> post(int port, byte[] body, String... headers) throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/api/models"))
                .POST(HttpRequest.BodyPublishers.ofByteArray(body))
                .timeout(Duration.ofSeconds(20));
        if (headers.length == 0) {
            headers = new String[] {"Content-Type", "application/octet-stream"};
        }
        return http.send(b.headers(headers).build(), HttpResponse.BodyHandlers.ofByteArray());
    }

    private HttpResponse<byte[]> get(int port, String path, String... headers) throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                .timeout(Duration.ofSeconds(20));
        if (headers.length > 0) {
            b.headers(headers);
        }
        return http.send(b.build(), HttpResponse.BodyHandlers.ofByteArray());
    }

    /** Writes {@code head} then {@code body} exactly as given and returns the raw response. */
    private static String raw(int port, String head, byte[] body) throws IOException {
        try (Socket s = new Socket("127.0.0.1", port)) {
            s.setSoTimeout(10_000);
            OutputStream out = s.getOutputStream();
            out.write(head.getBytes(StandardCharsets.ISO_8859_1));
            out.write(body);
            out.flush();
            return readResponse(s.getInputStream());
        }
    }

    /** The status line, headers and body of one response (Connection: close or Content-Length delimited). */
    private static String readResponse(InputStream in) throws IOException {
        StringBuilder sb = new StringBuilder();
        byte[] buf = new byte[8192];
        try {
            for (int n; (n = in.read(buf)) != -1; ) {
                sb.append(new String(buf, 0, n, StandardCharsets.ISO_8859_1));
                int end = sb.indexOf("\r\n\r\n");
                if (end >= 0) {
                    String h = sb.substring(0, end).toLowerCase();
                    int cl = h.indexOf("content-length:");
                    if (cl >= 0) {
                        int len = Integer.parseInt(
                                h.substring(cl + 15, h.indexOf("\r\n", cl) < 0 ? h.length() : h.indexOf("\r\n", cl))
                                        .trim());
                        if (sb.length() >= end + 4 + len) {
                            break;
                        }
                    }
                }
            }
        } catch (IOException e) {
            if (sb.indexOf("\r\n\r\n") < 0) {
                throw e;
            }
        }
        return sb.toString();
    }

    private static String header(HttpResponse<?> r, String name) {
        return r.headers().firstValue(name).orElse(null);
    }

    private static JsonNode json(HttpResponse<byte[]> r) throws IOException {
        assertTrue(header(r, "Content-Type").startsWith("application/json"), header(r, "Content-Type"));
        return JSON.readTree(r.body());
    }

    private static void assertSecurityHeaders(HttpResponse<?> r) {
        assertEquals(SecurityHeaders.CSP, header(r, "Content-Security-Policy"));
        assertEquals("nosniff", header(r, "X-Content-Type-Options"));
        assertEquals("no-referrer", header(r, "Referrer-Policy"));
        assertEquals("same-origin", header(r, "Cross-Origin-Opener-Policy"));
        assertEquals("require-corp", header(r, "Cross-Origin-Embedder-Policy"));
    }

    /** A JSON error with this status whose message contains {@code words}. */
    private static JsonNode assertError(HttpResponse<byte[]> r, int status, String words) throws IOException {
        String where = r.request().method() + " " + r.request().uri().getRawPath();
        assertEquals(status, r.statusCode(), where + ": " + new String(r.body(), StandardCharsets.UTF_8));
        JsonNode body = json(r);
        assertEquals(1, body.size(), where + ": " + body);
        assertTrue(body.get("error").asText().contains(words), where + ": " + body);
        assertSecurityHeaders(r);
        return body;
    }

    // ---- upload and download

    @Test
    void uploadStoresTheModelAndDownloadGivesTheSameBytes() throws Exception {
        byte[] model = TestModels.mnist(1);
        String id = ModelId.of(model);
        withServer(port -> {
            HttpResponse<byte[]> r = post(port, model);
            assertEquals(201, r.statusCode());
            JsonNode body = json(r);
            assertEquals(id, body.get("id").asText());
            assertEquals("/?model=" + id, body.get("url").asText());
            assertEquals(model.length, body.get("bytes").asInt());
            assertTrue(body.get("created").asBoolean());
            assertEquals(4, body.size());
            assertEquals("/api/models/" + id, header(r, "Location"));
            assertSecurityHeaders(r);

            HttpResponse<byte[]> g = get(port, "/api/models/" + id, "Accept-Encoding", "gzip");
            assertEquals(200, g.statusCode());
            assertArrayEquals(model, g.body());
            assertEquals("application/octet-stream", header(g, "Content-Type"));
            assertEquals(null, header(g, "Content-Encoding"), "sent as stored");
            assertEquals("\"" + id + "\"", header(g, "ETag"));
            assertEquals("public, max-age=31536000, immutable", header(g, "Cache-Control"));
            assertSecurityHeaders(g);
            Model.fromBytes(g.body());
        });
    }

    @Test
    void uploadingTheSameModelTwiceGivesTheSameIdOnce() throws Exception {
        byte[] model = TestModels.small(2);
        withServer(port -> {
            HttpResponse<byte[]> first = post(port, model);
            HttpResponse<byte[]> second = post(port, model);
            assertEquals(201, first.statusCode());
            assertEquals(200, second.statusCode());
            assertEquals(json(first).get("id"), json(second).get("id"));
            assertTrue(json(first).get("created").asBoolean());
            assertFalse(json(second).get("created").asBoolean());
            assertEquals(json(first).get("url"), json(second).get("url"));
        });
    }

    @Test
    void contentTypeParametersAreAccepted() throws Exception {
        withServer(port -> assertEquals(
                201,
                post(port, TestModels.small(3), "Content-Type", "Application/Octet-Stream; foo=bar")
                        .statusCode()));
    }

    @Test
    void etagGives304() throws Exception {
        byte[] model = TestModels.small(4);
        String id = ModelId.of(model);
        String etag = "\"" + id + "\"";
        withServer(port -> {
            post(port, model);
            for (String inm : new String[] {etag, "W/" + etag, "\"x\", " + etag, "*"}) {
                HttpResponse<byte[]> r = get(port, "/api/models/" + id, "If-None-Match", inm);
                assertEquals(304, r.statusCode(), inm);
                assertEquals(0, r.body().length);
                assertEquals(etag, header(r, "ETag"));
                assertEquals("public, max-age=31536000, immutable", header(r, "Cache-Control"));
            }
            assertEquals(
                    200,
                    get(port, "/api/models/" + id, "If-None-Match", "\"other\"").statusCode());
            // A validator for a model this store does not have is not a reason to say "not modified".
            String unknown = ModelId.of(new byte[] {7});
            assertError(
                    get(port, "/api/models/" + unknown, "If-None-Match", "\"" + unknown + "\""), 404, "no such model");
        });
    }

    @Test
    void metaDescribesTheModel() throws Exception {
        Model m = TestModels.model(new int[] {784, 16, 10}, 5, new TrainingMetadata(3, 180000, 0.97f));
        byte[] model = m.toBytes();
        String id = ModelId.of(model);
        withServer(port -> {
            Instant before = Instant.now().minusSeconds(2);
            post(port, model);
            HttpResponse<byte[]> r = get(port, "/api/models/" + id + "/meta");
            assertEquals(200, r.statusCode());
            JsonNode meta = json(r);
            assertEquals(id, meta.get("id").asText());
            assertEquals("[784,16,10]", meta.get("layers").toString());
            assertEquals("784,16,10", meta.get("spec").asText());
            assertEquals("[\"relu\"]", meta.get("activations").toString());
            assertEquals("softmax", meta.get("loss").asText());
            assertEquals(784 * 16 + 16 + 16 * 10 + 10, meta.get("parameters").asInt());
            assertEquals(3, meta.get("epochs").asInt());
            assertEquals(180000, meta.get("examplesSeen").asLong());
            assertEquals(0.97, meta.get("testAccuracy").asDouble(), 1e-6);
            assertEquals(m.config().toQuery(), meta.get("config").asText());
            assertTrue(meta.get("settingsIssue").isNull(), meta.toString());
            assertEquals(model.length, meta.get("bytes").asInt());
            Instant created = Instant.parse(meta.get("created").asText());
            assertTrue(created.isAfter(before) && created.isBefore(Instant.now().plusSeconds(2)), created.toString());
            assertEquals(14, meta.size(), meta.toString());
            assertEquals("public, max-age=86400", header(r, "Cache-Control"));
            assertSecurityHeaders(r);
        });
    }

    @Test
    void metaWithUnknownAccuracyOrNoMetadataHasNulls() throws Exception {
        Architecture deep = new Architecture(
                new int[] {784, 6, 5, 10},
                new Activation[] {Activation.TANH, Activation.SIGMOID},
                Loss.SIGMOID_CROSS_ENTROPY);
        byte[] nanAccuracy = new Model(
                        deep, new float[deep.parameterCount()], new TrainingMetadata(2, 10, Float.NaN), null)
                .toBytes();
        byte[] noMetadata = new Model(deep, new float[deep.parameterCount()], null, null).toBytes();
        withServer(port -> {
            post(port, nanAccuracy);
            post(port, noMetadata);
            JsonNode a = json(get(port, "/api/models/" + ModelId.of(nanAccuracy) + "/meta"));
            assertTrue(a.get("testAccuracy").isNull(), a.toString());
            assertEquals(2, a.get("epochs").asInt());
            assertEquals("[\"tanh\",\"sigmoid\"]", a.get("activations").toString());
            assertEquals("logistic", a.get("loss").asText());
            JsonNode b = json(get(port, "/api/models/" + ModelId.of(noMetadata) + "/meta"));
            for (String field : new String[] {"epochs", "examplesSeen", "testAccuracy", "config", "settingsIssue"}) {
                assertTrue(b.get(field).isNull(), field + " in " + b);
            }
            assertEquals(deep.parameterCount(), b.get("parameters").asInt());
        });
    }

    @Test
    void versionOneFilesAreStillAcceptedAndServedAsTheyAre() throws Exception {
        // Written by the code before files carried run settings (the core module's fixture).
        byte[] v1 = Files.readAllBytes(
                Path.of("../frontend-java/core/src/test/resources/digitlab/core/model", "model-v1.dlnn"));
        withServer(port -> {
            assertEquals(201, post(port, v1).statusCode());
            assertArrayEquals(v1, get(port, "/api/models/" + ModelId.of(v1)).body());
            JsonNode meta = json(get(port, "/api/models/" + ModelId.of(v1) + "/meta"));
            assertEquals("[784,8,10]", meta.get("layers").toString());
            assertTrue(meta.get("config").isNull(), meta.toString());
        });
    }

    @Test
    void settingsOfANewerVersionAreAcceptedAndMetaSaysWhatWasLeftOut() throws Exception {
        byte[] newer = withSettings(TestModels.small(9), "memory=10", "valsp=512");
        withServer(port -> {
            assertEquals(201, post(port, newer).statusCode());
            JsonNode meta = json(get(port, "/api/models/" + ModelId.of(newer) + "/meta"));
            assertEquals(
                    "unknown to this version: valsp", meta.get("settingsIssue").asText());
            assertTrue(meta.get("config").asText().endsWith("&memory=10"), meta.toString());
        });
    }

    // ---- bad uploads

    /** The model file with the ASCII text {@code from} in its run settings replaced by {@code to}, as long. */
    private static byte[] withSettings(byte[] model, String from, String to) {
        String text = new String(model, StandardCharsets.ISO_8859_1);
        int at = text.indexOf(from);
        assertTrue(at > 0 && from.length() == to.length(), from);
        byte[] b = model.clone();
        System.arraycopy(to.getBytes(StandardCharsets.ISO_8859_1), 0, b, at, to.length());
        return b;
    }

    /** The little-endian model file with one int32 field replaced. */
    private static byte[] withInt(byte[] model, int offset, int value) {
        byte[] b = model.clone();
        ByteBuffer.wrap(b).order(ByteOrder.LITTLE_ENDIAN).putInt(offset, value);
        return b;
    }

    @Test
    void invalidModelsAre400WithTheReason() throws Exception {
        byte[] model =
                TestModels.small(6); // 784-1-10: header 12, sizes 12, activations 4, metadata 16, settings, params
        int firstParam = model.length - 4 * 805;
        int settingsLength = 12 + 12 + 4 + 16;
        byte[] wrongMagic = model.clone();
        wrongMagic[0] = 'X';
        byte[] wrongVersion = model.clone();
        wrongVersion[4] = 4;
        byte[] tooManyLayers = model.clone();
        tooManyLayers[8] = (byte) 200;
        byte[] longer = java.util.Arrays.copyOf(model, model.length + 4);
        String[][] cases = {
            {"truncated", "truncated"},
            {"wrong magic", "bad magic"},
            {"wrong version", "version 4 is not supported"},
            {"absurd width", "outside 1..65536"},
            {"negative width", "outside 1..65536"},
            {"huge but in range", "expected"},
            {"layer count", "layer count 200"},
            {"NaN weight", "weights must be finite"},
            {"+Inf weight", "weights must be finite"},
            {"-Inf weight", "weights must be finite"},
            {"trailing bytes", "expected"},
            {"header only", "truncated"},
            {"text", "bad magic"},
            {
                "settings for another network",
                "the run settings describe 784-5-10 relu softmax but the weights are 784-1-10"
            },
            {"control character in the settings", "not printable ASCII"},
            {"settings longer than the file", "truncated"},
            {"settings that are not key=value pairs", "bad run settings: 'layers#784,1,10' has no value"},
            {
                "another data set's input",
                "it takes 4 inputs, but a digit is 28x28 = 784 pixels (the MNIST image as it is) or 20x20"
            },
            {"another number of classes", "it has 2 outputs, but there are 10 digits"},
        };
        byte[][] bodies = {
            java.util.Arrays.copyOf(model, model.length - 3),
            wrongMagic,
            wrongVersion,
            withInt(model, 12, 1_000_000_000),
            withInt(model, 16, -5),
            withInt(withInt(model, 12, 65536), 16, 65536), // declares 4 billion parameters in 200 bytes
            tooManyLayers,
            withInt(model, firstParam + 4 * 5, Float.floatToRawIntBits(Float.NaN)),
            withInt(model, firstParam, Float.floatToRawIntBits(Float.POSITIVE_INFINITY)),
            withInt(model, model.length - 4, Float.floatToRawIntBits(Float.NEGATIVE_INFINITY)),
            longer,
            java.util.Arrays.copyOf(model, 12),
            "<html><script>alert(1)</script>".getBytes(StandardCharsets.UTF_8),
            withSettings(model, "layers=784,1,10", "layers=784,5,10"),
            withSettings(model, "seed=1", "seed=\n"),
            withInt(model, settingsLength, 4000),
            withSettings(model, "layers=", "layers#"),
            TestModels.notMnist(1),
            TestModels.model(new int[] {784, 3, 2}, 1, null).toBytes(),
        };
        withServer(port -> {
            for (int i = 0; i < cases.length; i++) {
                HttpResponse<byte[]> r = post(port, bodies[i]);
                JsonNode body = assertError(r, 400, "invalid model: ");
                assertTrue(body.get("error").asText().contains(cases[i][1]), cases[i][0] + ": " + body);
            }
            assertError(post(port, new byte[0]), 400, "empty body");
            assertEquals(0, store.puts, "nothing invalid was stored");
            assertTrue(isEmpty(config.modelsDir()));
        });
    }

    @Test
    void aConvolutionalNetworkIsStoredAndServedAsSent() throws Exception {
        Architecture cnn = digitlab.core.run.TrainingConfig.fromQuery("layers=784,c4k5,p4,10")
                .architecture();
        float[] weights = new float[cnn.parameterCount()];
        for (int i = 0; i < weights.length; i++) {
            weights[i] = (i % 7 - 3) / 10f;
        }
        byte[] model = new Model(cnn, weights, null, null).toBytes();
        withServer(port -> {
            HttpResponse<byte[]> created = post(port, model);
            assertEquals(201, created.statusCode(), new String(created.body(), StandardCharsets.UTF_8));
            String id = ModelId.of(model);
            HttpResponse<byte[]> back = http.send(
                    HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/api/models/" + id))
                            .build(),
                    HttpResponse.BodyHandlers.ofByteArray());
            assertEquals(200, back.statusCode());
            assertArrayEquals(model, back.body());
            JsonNode meta = json(get(port, "/api/models/" + id + "/meta"));
            assertEquals("784,c4k5,p4,10", meta.get("spec").asText());
            assertEquals(
                    "[\"1x28x28\",\"4x28x28\",\"4x7x7\",\"10x1x1\"]",
                    meta.get("shapes").toString());
            assertEquals(4 * 25 + 4 + 196 * 10 + 10, meta.get("parameters").asInt());
        });
    }

    @Test
    void aConvolutionalNetworkForOtherMapsIs400() throws Exception {
        // 784 inputs read as 4 maps of 14x14: the convolution would slide over the wrong picture.
        Architecture cnn = new Architecture(
                new digitlab.core.nn.LayerStack(
                        new digitlab.core.nn.Shape(4, 14, 14),
                        java.util.List.of(
                                new digitlab.core.nn.ConvLayer.Spec(2, 3, 1, digitlab.core.nn.ConvLayer.Padding.SAME),
                                new digitlab.core.nn.DenseLayer.Spec(10))),
                new digitlab.core.nn.Activation[] {digitlab.core.nn.Activation.RELU},
                digitlab.core.nn.Loss.SOFTMAX_CROSS_ENTROPY);
        byte[] model = new Model(cnn, new float[cnn.parameterCount()], null, null).toBytes();
        // 400 inputs are the 20x20 digit box (InputFrame): a convolution over it is a digit reader.
        Architecture boxed = digitlab.core.run.TrainingConfig.fromQuery("layers=400,c4k5,p4,10")
                .architecture();
        byte[] boxModel = new Model(boxed, new float[boxed.parameterCount()], null, null).toBytes();
        withServer(port -> {
            assertError(post(port, model), 400, "invalid model: it reads its input as 4x14x14 maps");
            assertEquals(0, store.puts);
            assertEquals(201, post(port, boxModel).statusCode());
        });
    }

    @Test
    void wrongContentTypeIs415() throws Exception {
        byte[] model = TestModels.small(7);
        withServer(port -> {
            assertError(post(port, model, "Content-Type", "text/plain"), 415, "application/octet-stream");
            assertError(post(port, model, "Content-Type", "application/x-www-form-urlencoded"), 415, "octet-stream");
            assertError(post(port, model, "Content-Type", "multipart/form-data; boundary=x"), 415, "octet-stream");
            String noType = raw(
                    port,
                    "POST /api/models HTTP/1.1\r\nHost: x\r\nContent-Length: " + model.length
                            + "\r\nConnection: close\r\n\r\n",
                    model);
            assertTrue(noType.startsWith("HTTP/1.1 415 "), noType);
            assertEquals(0, store.puts);
        });
    }

    /**
     * The server answers 413 from the headers and closes the connection without reading the body, so a
     * client still sending may see the connection reset before it reads the answer; then the same request
     * over a raw socket, which reads the answer whatever happens to the upload, must show the 413.
     */
    private void assertTooLarge(int port, byte[] body, String message) throws Exception {
        HttpResponse<byte[]> response;
        try {
            response = post(port, body);
        } catch (IOException resetWhileSending) {
            String answer = raw(
                    port,
                    "POST /api/models HTTP/1.1\r\nHost: x\r\nContent-Type: application/octet-stream"
                            + "\r\nContent-Length: " + body.length + "\r\n\r\n",
                    new byte[0]);
            assertTrue(answer.startsWith("HTTP/1.1 413 ") && answer.contains(message), answer);
            return;
        }
        assertError(response, 413, message);
    }

    @Test
    void bodiesOverTheLimitAre413() throws Exception {
        long limit = 100_000;
        config = config.withModels(config.models().withMaxModelBytes(limit));
        byte[] big = TestModels.model(new int[] {784, 32, 10}, 8, null).toBytes(); // about 102 kB, valid
        assertTrue(big.length > limit);
        withServer(port -> {
            // Declared length over the limit: refused from the headers alone.
            assertTooLarge(port, big, "limit is 100000 bytes");
            assertTooLarge(port, new byte[(int) limit + 1], "too large");
            // Just at the limit is read (and then judged as a model).
            assertError(post(port, new byte[(int) limit]), 400, "invalid model");

            // A Content-Length of 20 MB with almost nothing behind it: answered at once, the body is not awaited.
            long t0 = System.nanoTime();
            String lying = raw(
                    port,
                    "POST /api/models HTTP/1.1\r\nHost: x\r\nContent-Type: application/octet-stream"
                            + "\r\nContent-Length: 20000000\r\n\r\n",
                    new byte[10]);
            assertTrue(lying.startsWith("HTTP/1.1 413 "), lying);
            assertTrue(lying.contains("\"error\""), lying);
            assertTrue(System.nanoTime() - t0 < 5e9, "answered without waiting for the body");

            // Chunked, so no length up front: cut off once more than the limit has arrived.
            String chunked = raw(
                    port,
                    "POST /api/models HTTP/1.1\r\nHost: x\r\nContent-Type: application/octet-stream"
                            + "\r\nTransfer-Encoding: chunked\r\n\r\n",
                    chunks(big, 8192));
            assertTrue(chunked.startsWith("HTTP/1.1 413 "), chunked);
            assertTrue(chunked.toLowerCase().contains("content-type: application/json"), chunked);

            // Chunked from java.net.http (unknown length) too.
            HttpResponse<byte[]> r = http.send(
                    HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/api/models"))
                            .header("Content-Type", "application/octet-stream")
                            .POST(HttpRequest.BodyPublishers.ofInputStream(
                                    () -> new ByteArrayInputStream(new byte[(int) limit + 50_000])))
                            .build(),
                    HttpResponse.BodyHandlers.ofByteArray());
            assertError(r, 413, "too large");
            assertEquals(0, store.puts);
        });
    }

    @Test
    void chunkedUploadUnderTheLimitWorks() throws Exception {
        byte[] model = TestModels.mnist(9);
        withServer(port -> {
            String r = raw(
                    port,
                    "POST /api/models HTTP/1.1\r\nHost: x\r\nContent-Type: application/octet-stream"
                            + "\r\nTransfer-Encoding: chunked\r\nConnection: close\r\n\r\n",
                    withEnd(chunks(model, 5000)));
            assertTrue(r.startsWith("HTTP/1.1 201 "), r);
            assertTrue(r.contains("\"id\":\"" + ModelId.of(model) + "\""), r);
        });
    }

    @Test
    void aSmallerContentLengthThanTheBodyOnlyReadsThatMuch() throws Exception {
        byte[] model = TestModels.small(10);
        withServer(port -> {
            String r = raw(
                    port,
                    "POST /api/models HTTP/1.1\r\nHost: x\r\nContent-Type: application/octet-stream"
                            + "\r\nContent-Length: 20\r\nConnection: close\r\n\r\n",
                    model);
            assertTrue(r.startsWith("HTTP/1.1 400 "), r);
            assertTrue(r.contains("truncated"), r);
            assertEquals(0, store.puts);
        });
    }

    private static byte[] chunks(byte[] body, int size) {
        java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
        for (int at = 0; at < body.length; at += size) {
            int n = Math.min(size, body.length - at);
            out.writeBytes((Integer.toHexString(n) + "\r\n").getBytes(StandardCharsets.ISO_8859_1));
            out.write(body, at, n);
            out.writeBytes("\r\n".getBytes(StandardCharsets.ISO_8859_1));
        }
        return out.toByteArray();
    }

    private static byte[] withEnd(byte[] chunks) {
        byte[] end = "0\r\n\r\n".getBytes(StandardCharsets.ISO_8859_1);
        byte[] all = java.util.Arrays.copyOf(chunks, chunks.length + end.length);
        System.arraycopy(end, 0, all, chunks.length, end.length);
        return all;
    }

    // ---- bad ids

    @Test
    void malformedIdsAre404WithoutTouchingTheStore() throws Exception {
        String valid = ModelId.of(new byte[] {1});
        withServer(port -> {
            String[] ids = {
                "..%2f..%2fetc%2fpasswd",
                "..%2F..%2F..%2Fetc%2Fpasswd",
                "%2e%2e",
                "%2e%2e%2f%2e%2e%2fpom.xml",
                ".%2e",
                "..",
                "%2fetc%2fpasswd",
                "..%5c..%5cwindows%5cwin.ini",
                "C:%5cWindows",
                valid + "A",
                valid.substring(1),
                "a".repeat(3000),
                "AAAAAAAAAA.AAAAAAAAAAA",
                "AAAAAAAAAA%2fAAAAAAAAAAA",
                "AAAAAAAAAAAAAAAAAAAAA%20",
                "AAAAAAAAAAAAAAAAAAAAA=",
                "AAAAAAAAAAAAAAAAAAAAA+",
                "%41".repeat(21) + "%2e",
                "%C3%A4".repeat(22),
                "AAAAAAAAAAAAAAAAAAAAA~",
                valid + ".dlnn",
                "%20" + valid.substring(1),
            };
            for (String id : ids) {
                for (String suffix : new String[] {"", "/meta"}) {
                    assertError(get(port, "/api/models/" + id + suffix), 404, "no such model");
                }
            }
            // Raw request targets that java.net.http would normalise or refuse.
            for (String target : new String[] {
                "/api/models/../../pom.xml",
                "/api/models/..\\..\\pom.xml",
                "/api/models/%2e%2e/%2e%2e/pom.xml",
                "/api/models/" + valid + "/../../../pom.xml"
            }) {
                String r =
                        raw(port, "GET " + target + " HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n", new byte[0]);
                assertTrue(r.matches("(?s)HTTP/1\\.1 40[04] .*"), target + " -> " + r);
                assertTrue(r.toLowerCase().contains("content-type: application/json"), target + "\n" + r);
                assertFalse(r.contains("<project"), target);
            }
            // Jetty itself turns away an encoded NUL, still as JSON.
            assertError(get(port, "/api/models/" + "A".repeat(21) + "%00"), 400, "Bad Request");
            assertEquals(List.of(), store.idsAsked, "no malformed id reached the store");
        });
    }

    @Test
    void unknownIdIs404() throws Exception {
        String unknown = ModelId.of(new byte[] {42});
        withServer(port -> {
            assertError(get(port, "/api/models/" + unknown), 404, "no such model");
            assertError(get(port, "/api/models/" + unknown + "/meta"), 404, "no such model");
            assertEquals(List.of(unknown, unknown), store.idsAsked);
        });
    }

    @Test
    void aDamagedStoredFileIsNeverServed() throws Exception {
        byte[] model = TestModels.small(11);
        String id = ModelId.of(model);
        withServer(port -> {
            post(port, model);
            Path file = config.modelsDir().resolve(id.substring(0, 2)).resolve(id + ".dlnn");
            byte[] flipped = Files.readAllBytes(file);
            flipped[flipped.length - 1] ^= 1;
            Files.write(file, flipped);
            HttpResponse<byte[]> r = get(port, "/api/models/" + id);
            assertError(r, 500, "stored model is damaged");
            assertError(get(port, "/api/models/" + id + "/meta"), 500, "stored model is damaged");
        });
    }

    @Test
    void storeFailuresAre500WithoutDetails() throws Exception {
        store.failWith = new IOException("disk /secret/path is full");
        withServer(port -> {
            HttpResponse<byte[]> r = post(port, TestModels.small(12));
            assertError(r, 500, "internal server error");
            assertFalse(new String(r.body(), StandardCharsets.UTF_8).contains("secret"));
            r = get(port, "/api/models/" + ModelId.of(new byte[] {5}));
            assertEquals("{\"error\":\"internal server error\"}", new String(r.body(), StandardCharsets.UTF_8));
        });
    }

    // ---- rate limit

    @Test
    void uploadsAreRateLimitedPerAddressAndForwardedForIsNotTrusted() throws Exception {
        config = config.withModels(config.models().withUploadsPerMinute(3));
        withServer(port -> {
            for (int i = 0; i < 3; i++) {
                assertEquals(
                        201,
                        post(
                                        port,
                                        TestModels.small(100 + i),
                                        "Content-Type",
                                        "application/octet-stream",
                                        "X-Forwarded-For",
                                        "10.0.0." + i)
                                .statusCode());
            }
            for (int i = 3; i < 6; i++) {
                HttpResponse<byte[]> r = post(
                        port,
                        TestModels.small(100 + i),
                        "Content-Type",
                        "application/octet-stream",
                        "X-Forwarded-For",
                        "10.0.0." + i + ", 192.0.2." + i);
                assertError(r, 429, "too many uploads");
                long retry = Long.parseLong(header(r, "Retry-After"));
                assertTrue(retry >= 1 && retry <= 20, "one upload per 20 s refills: " + retry);
            }
            assertEquals(3, store.puts);
            // Downloads are not limited.
            for (int i = 0; i < 10; i++) {
                assertEquals(
                        200,
                        get(port, "/api/models/" + ModelId.of(TestModels.small(100)))
                                .statusCode());
            }
        });
    }

    @Test
    void behindATrustedProxyTheLastForwardedForEntryCounts() throws Exception {
        config = config.withModels(config.models().withUploadsPerMinute(1).withTrustProxy(true));
        withServer(port -> {
            // Each client (as the proxy appended it) has its own bucket, whatever it claims before that entry.
            for (int i = 0; i < 3; i++) {
                assertEquals(
                        201,
                        post(
                                        port,
                                        TestModels.small(200 + i),
                                        "Content-Type",
                                        "application/octet-stream",
                                        "X-Forwarded-For",
                                        "1.2.3.4, 10.0.0." + i)
                                .statusCode());
            }
            HttpResponse<byte[]> again = post(
                    port,
                    TestModels.small(210),
                    "Content-Type",
                    "application/octet-stream",
                    "X-Forwarded-For",
                    "9.9.9.9, 10.0.0.1");
            assertError(again, 429, "too many uploads");
            assertEquals("60", header(again, "Retry-After"));
        });
    }

    @Test
    void otherRoutesAreUntouched() throws Exception {
        withServer(port -> {
            assertEquals(200, get(port, "/healthz").statusCode());
            assertEquals(200, get(port, "/data/manifest.json").statusCode());
            HttpResponse<byte[]> list = get(port, "/api/models");
            assertError(list, 405, "method not allowed");
            assertEquals("POST", header(list, "Allow"));
        });
    }

    private static boolean isEmpty(Path dir) throws IOException {
        try (var s = Files.walk(dir)) {
            return s.filter(Files::isRegularFile).findAny().isEmpty();
        }
    }

    /** A store that records which ids reach it, and can fail on demand. */
    static final class RecordingStore implements ModelStore {
        private final ModelStore inner;
        final List<String> idsAsked = Collections.synchronizedList(new ArrayList<>());
        volatile int puts;
        volatile IOException failWith;

        RecordingStore(ModelStore inner) {
            this.inner = inner;
        }

        private void maybeFail() throws IOException {
            if (failWith != null) {
                throw failWith;
            }
        }

        @Override
        public PutResult put(byte[] bytes) throws IOException {
            maybeFail();
            puts++;
            return inner.put(bytes);
        }

        @Override
        public Optional<StoredModel> get(String id) throws IOException {
            idsAsked.add(id);
            maybeFail();
            return inner.get(id);
        }

        @Override
        public Optional<ModelInfo> stat(String id) throws IOException {
            idsAsked.add(id);
            maybeFail();
            return inner.stat(id);
        }

        @Override
        public Optional<java.io.InputStream> open(String id) throws IOException {
            maybeFail();
            return inner.open(id);
        }

        @Override
        public boolean exists(String id) throws IOException {
            idsAsked.add(id);
            maybeFail();
            return inner.exists(id);
        }

        @Override
        public Optional<Instant> created(String id) throws IOException {
            idsAsked.add(id);
            maybeFail();
            return inner.created(id);
        }

        @Override
        public String describe() {
            return inner.describe();
        }
    }
}
