package digitlab.server.models;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.URI;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.S3Object;

/** The S3 store against s3proxy ({@link S3TestServer}), the same contract as the disk store; a fresh bucket each test. */
class S3ModelStoreTest extends ModelStoreContract {
    private static S3TestServer s3;

    @BeforeAll
    static void startS3() throws Exception {
        s3 = S3TestServer.start();
    }

    @AfterAll
    static void stopS3() throws Exception {
        s3.close();
    }

    private S3Options options;

    @Override
    ModelStore newStore() throws Exception {
        options = s3.newBucket("models/");
        return S3ModelStore.open(options);
    }

    @Override
    void damage(String id, byte[] bytes) throws Exception {
        try (S3Client admin = S3TestServer.client(options)) {
            admin.putObject(
                    b -> b.bucket(options.bucket()).key(options.prefix() + id),
                    software.amazon.awssdk.core.sync.RequestBody.fromBytes(bytes));
        }
    }

    @Test
    void objectsLiveUnderThePrefixWithTheIdAsName() throws Exception {
        byte[] model = TestModels.small(20);
        String id = store.put(model).id();
        try (S3Client admin = S3TestServer.client(options)) {
            List<S3Object> objects =
                    admin.listObjectsV2(b -> b.bucket(options.bucket())).contents();
            assertEquals(
                    List.of("models/" + id), objects.stream().map(S3Object::key).toList());
            assertEquals(model.length, objects.get(0).size());
            assertEquals(
                    "application/octet-stream",
                    admin.headObject(b -> b.bucket(options.bucket()).key("models/" + id))
                            .contentType());
        }
    }

    @Test
    void anEmptyPrefixWorksToo() throws Exception {
        try (ModelStore s = S3ModelStore.open(s3.newBucket(""))) {
            byte[] model = TestModels.small(21);
            String id = s.put(model).id();
            assertArrayEquals(model, s.get(id).orElseThrow().bytes());
        }
    }

    @Test
    void openingAMissingBucketOrWithWrongCredentialsFailsWithAClearMessage() {
        URI endpoint = s3.endpoint();
        IOException e = assertThrows(
                IOException.class,
                () -> S3ModelStore.open(new S3Options(
                        endpoint,
                        "no-such-bucket",
                        "us-east-1",
                        "models/",
                        S3TestServer.ACCESS_KEY,
                        S3TestServer.SECRET_KEY)));
        assertTrue(e.getMessage().contains("S3 bucket 'no-such-bucket' at " + endpoint), e.getMessage());
        assertTrue(e.getMessage().contains("404"), e.getMessage());

        S3Options real = s3.newBucket("models/");
        e = assertThrows(
                IOException.class,
                () -> S3ModelStore.open(new S3Options(
                        endpoint, real.bucket(), "us-east-1", "models/", S3TestServer.ACCESS_KEY, "wrong-secret")));
        assertTrue(e.getMessage().contains("is not usable: HTTP 403"), e.getMessage());
    }

    @Test
    void aStoppedEndpointIsAnIOExceptionNotAHang() throws Exception {
        S3TestServer other = S3TestServer.start();
        ModelStore s = S3ModelStore.open(other.newBucket("models/"));
        other.close();
        try {
            long t0 = System.nanoTime();
            assertThrows(IOException.class, () -> s.get(ModelId.of(new byte[] {1})));
            assertThrows(IOException.class, () -> s.put(TestModels.small(22)));
            assertTrue(System.nanoTime() - t0 < 30e9, "no long hang");
        } finally {
            s.close();
        }
    }
}
