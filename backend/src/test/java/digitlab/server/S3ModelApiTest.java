package digitlab.server;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import digitlab.server.ModelOptions.StoreKind;
import digitlab.server.data.SyntheticMnist;
import digitlab.server.models.ModelId;
import digitlab.server.models.S3Options;
import digitlab.server.models.S3TestServer;
import digitlab.server.models.TestModels;
import io.javalin.Javalin;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Two server instances over one S3 bucket, as behind a load balancer: a model uploaded through one is served by
 * the other, and neither keeps anything of it in memory.
 */
class S3ModelApiTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private final HttpClient http =
            HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

    @TempDir
    Path tmp;

    @Test
    void twoInstancesShareOneBucket() throws Exception {
        SyntheticMnist.prepare(tmp, 25, 12, 10);
        try (S3TestServer s3 = S3TestServer.start()) {
            S3Options bucket = s3.newBucket("models/");
            ServerConfig config = new ServerConfig(
                            "127.0.0.1",
                            0,
                            tmp.resolve("data"),
                            tmp.resolve("unused"),
                            tmp.resolve("mnist"),
                            Files.createDirectories(tmp.resolve("web")))
                    .withModels(
                            new ModelOptions(StoreKind.S3, bucket, ModelOptions.DEFAULT_MAX_MODEL_BYTES, 10, false));
            Javalin a = App.create(config).start();
            Javalin b = App.create(config).start();
            try {
                byte[] model = TestModels.mnist(1);
                String id = ModelId.of(model);
                HttpResponse<String> up = http.send(
                        HttpRequest.newBuilder(uri(a, "/api/models"))
                                .header("Content-Type", "application/octet-stream")
                                .POST(HttpRequest.BodyPublishers.ofByteArray(model))
                                .build(),
                        HttpResponse.BodyHandlers.ofString());
                assertEquals(201, up.statusCode(), up.body());
                assertEquals(id, JSON.readValue(up.body(), Map.class).get("id"));

                HttpResponse<byte[]> down = http.send(
                        HttpRequest.newBuilder(uri(b, "/api/models/" + id)).build(),
                        HttpResponse.BodyHandlers.ofByteArray());
                assertEquals(200, down.statusCode());
                assertArrayEquals(model, down.body());

                HttpResponse<String> meta = http.send(
                        HttpRequest.newBuilder(uri(b, "/api/models/" + id + "/meta"))
                                .build(),
                        HttpResponse.BodyHandlers.ofString());
                assertEquals(200, meta.statusCode());
                assertTrue(meta.body().contains("\"layers\":[784,16,10]"), meta.body());

                HttpResponse<String> again = http.send(
                        HttpRequest.newBuilder(uri(b, "/api/models"))
                                .header("Content-Type", "application/octet-stream")
                                .POST(HttpRequest.BodyPublishers.ofByteArray(model))
                                .build(),
                        HttpResponse.BodyHandlers.ofString());
                assertEquals(200, again.statusCode(), "already stored through the other instance");
                assertEquals(false, JSON.readValue(again.body(), Map.class).get("created"));
                assertTrue(!Files.exists(tmp.resolve("unused")), "the S3 store writes no local files");
            } finally {
                a.stop();
                b.stop();
            }
        }
    }

    private static URI uri(Javalin app, String path) {
        return URI.create("http://localhost:" + app.port() + path);
    }
}
