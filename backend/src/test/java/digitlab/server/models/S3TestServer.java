package digitlab.server.models;

import java.net.URI;
import java.util.Properties;
import java.util.concurrent.atomic.AtomicInteger;
import org.gaul.s3proxy.BlobStores;
import org.gaul.s3proxy.S3Proxy;
import org.gaul.s3proxy.auth.AuthenticationType;
import software.amazon.awssdk.services.s3.S3Client;

/**
 * s3proxy as an S3 endpoint inside the test JVM: real S3 HTTP with SigV4 signatures on a free port of
 * 127.0.0.1, over a transient (in-memory) blob store.
 */
public final class S3TestServer implements AutoCloseable {
    public static final String ACCESS_KEY = "digit-lab-test";
    public static final String SECRET_KEY = "digit-lab-test-secret";
    private static final AtomicInteger BUCKETS = new AtomicInteger();

    private final S3Proxy proxy;
    private final URI endpoint;

    private S3TestServer(S3Proxy proxy) {
        this.proxy = proxy;
        this.endpoint = URI.create("http://127.0.0.1:" + proxy.getPort());
    }

    public static S3TestServer start() throws Exception {
        Properties props = new Properties();
        props.setProperty("jclouds.identity", ACCESS_KEY);
        props.setProperty("jclouds.credential", SECRET_KEY);
        S3Proxy p = S3Proxy.builder()
                .blobStore(BlobStores.create("transient", props))
                .awsAuthentication(AuthenticationType.AWS_V2_OR_V4, ACCESS_KEY, SECRET_KEY)
                .endpoint(URI.create("http://127.0.0.1:0"))
                // Tests need no graceful drain of connections on stop (the default waits seconds).
                .stopTimeout(0)
                .build();
        p.start();
        for (int i = 0; i < 500 && !"STARTED".equals(p.getState()); i++) {
            Thread.sleep(10);
        }
        return new S3TestServer(p);
    }

    public URI endpoint() {
        return endpoint;
    }

    /** Options with the test credentials for a new, empty bucket. */
    public S3Options newBucket(String prefix) {
        S3Options o = new S3Options(
                endpoint, "models-" + BUCKETS.incrementAndGet(), "us-east-1", prefix, ACCESS_KEY, SECRET_KEY);
        try (S3Client admin = S3ModelStore.client(o)) {
            admin.createBucket(b -> b.bucket(o.bucket()));
        }
        return o;
    }

    /** An SDK client for inspecting what the store wrote. */
    public static S3Client client(S3Options o) {
        return S3ModelStore.client(o);
    }

    @Override
    public void close() throws Exception {
        proxy.stop();
    }
}
