package digitlab.server.models;

import java.io.IOException;
import java.io.InputStream;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.auth.credentials.DefaultCredentialsProvider;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.core.ResponseBytes;
import software.amazon.awssdk.core.checksums.RequestChecksumCalculation;
import software.amazon.awssdk.core.checksums.ResponseChecksumValidation;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.S3ClientBuilder;
import software.amazon.awssdk.services.s3.model.GetObjectResponse;
import software.amazon.awssdk.services.s3.model.HeadObjectResponse;
import software.amazon.awssdk.services.s3.model.NoSuchKeyException;
import software.amazon.awssdk.services.s3.model.S3Exception;

/**
 * Models as objects {@code <prefix><id>} in an S3 bucket, for several server instances behind a load balancer.
 * An S3 PUT is atomic (an object is visible whole or not at all) and the key is the content hash, so uploads
 * of the same model from several instances at once store the same bytes.
 *
 * <p>Talks to S3 through the SDK's small blocking URLConnection client. Any S3-compatible endpoint works:
 * it is addressed path-style ({@code http://host/bucket/key}), which they all understand.
 */
public final class S3ModelStore implements ModelStore {
    private static final Logger LOG = LoggerFactory.getLogger(S3ModelStore.class);
    private final S3Client s3;
    private final String bucket;
    private final String prefix;
    private final String where;

    /** Uses {@code s3} (closed by {@link #close}) for the objects {@code <prefix><id>} in {@code bucket}. */
    S3ModelStore(S3Client s3, String bucket, String prefix, String where) {
        this.s3 = s3;
        this.bucket = bucket;
        this.prefix = prefix;
        this.where = where;
    }

    /**
     * Connects and checks that the bucket is reachable, so a wrong endpoint, bucket or credentials stop the
     * server at start instead of failing every upload.
     *
     * @throws IOException saying which bucket could not be reached and why
     */
    public static S3ModelStore open(S3Options o) throws IOException {
        S3Client client = client(o);
        String where = "S3 bucket '" + o.bucket() + "'" + (o.endpoint() != null ? " at " + o.endpoint() : "")
                + " (prefix '" + o.prefix() + "')";
        try {
            client.headBucket(b -> b.bucket(o.bucket()));
        } catch (SdkException e) {
            client.close();
            String why = e instanceof S3Exception s ? "HTTP " + s.statusCode() + " " + s.getMessage() : e.getMessage();
            throw new IOException(where + " is not usable: " + why, e);
        }
        return new S3ModelStore(client, o.bucket(), o.prefix(), where);
    }

    static S3Client client(S3Options o) {
        AwsCredentialsProvider credentials = o.accessKeyId() != null
                ? StaticCredentialsProvider.create(AwsBasicCredentials.create(o.accessKeyId(), o.secretAccessKey()))
                : DefaultCredentialsProvider.builder().build();
        S3ClientBuilder b = S3Client.builder()
                .httpClient(UrlConnectionHttpClient.builder()
                        .connectionTimeout(Duration.ofSeconds(5))
                        .socketTimeout(Duration.ofSeconds(30))
                        .build())
                .region(Region.of(o.region()))
                .credentialsProvider(credentials)
                // Checksums only where S3 demands them: the newer default trailing checksums are not understood
                // by every S3-compatible server. Model bytes are hashed against their id when first served anyway.
                .requestChecksumCalculation(RequestChecksumCalculation.WHEN_REQUIRED)
                .responseChecksumValidation(ResponseChecksumValidation.WHEN_REQUIRED);
        if (o.endpoint() != null) {
            b.endpointOverride(o.endpoint()).forcePathStyle(true);
        }
        return b.build();
    }

    private String key(String id) {
        return prefix + ModelId.require(id);
    }

    @Override
    public PutResult put(byte[] bytes) throws IOException {
        String id = ModelId.of(bytes);
        if (exists(id)) {
            Optional<InputStream> stored = open(id);
            if (stored.isPresent()) {
                try (InputStream in = stored.get()) {
                    if (ModelId.of(in).equals(id)) {
                        return new PutResult(id, false);
                    }
                }
            }
            // Damaged since it was stored (a GET answers 500): the upload of the original repairs it.
            LOG.warn("stored model {} in {} does not match its hash: replacing it", id, where);
        }
        try {
            s3.putObject(
                    r -> r.bucket(bucket)
                            .key(key(id))
                            .contentType("application/octet-stream")
                            .contentLength((long) bytes.length),
                    RequestBody.fromBytes(bytes));
        } catch (SdkException e) {
            throw new IOException("storing model " + id + " in " + where + " failed", e);
        }
        return new PutResult(id, true);
    }

    @Override
    public Optional<ModelInfo> stat(String id) throws IOException {
        return head(id).map(
                        h -> new ModelInfo(h.contentLength(), h.lastModified(), h.eTag() + "/" + h.contentLength()));
    }

    @Override
    public Optional<InputStream> open(String id) throws IOException {
        String key = key(id);
        try {
            return Optional.of(s3.getObject(b -> b.bucket(bucket).key(key)));
        } catch (NoSuchKeyException e) {
            return Optional.empty();
        } catch (SdkException e) {
            throw new IOException("reading model " + id + " from " + where + " failed", e);
        }
    }

    @Override
    public Optional<StoredModel> get(String id) throws IOException {
        String key = key(id);
        try {
            ResponseBytes<GetObjectResponse> r =
                    s3.getObjectAsBytes(b -> b.bucket(bucket).key(key));
            return Optional.of(new StoredModel(r.asByteArray(), r.response().lastModified()));
        } catch (NoSuchKeyException e) {
            return Optional.empty();
        } catch (SdkException e) {
            throw new IOException("reading model " + id + " from " + where + " failed", e);
        }
    }

    @Override
    public boolean exists(String id) throws IOException {
        return head(id).isPresent();
    }

    @Override
    public Optional<Instant> created(String id) throws IOException {
        return head(id).map(HeadObjectResponse::lastModified);
    }

    private Optional<HeadObjectResponse> head(String id) throws IOException {
        String key = key(id);
        try {
            return Optional.of(s3.headObject(b -> b.bucket(bucket).key(key)));
        } catch (NoSuchKeyException e) {
            return Optional.empty();
        } catch (S3Exception e) {
            // HEAD responses have no body, so some servers' 404s arrive without the NoSuchKey code.
            if (e.statusCode() == 404) {
                return Optional.empty();
            }
            throw new IOException("looking up model " + id + " in " + where + " failed", e);
        } catch (SdkException e) {
            throw new IOException("looking up model " + id + " in " + where + " failed", e);
        }
    }

    @Override
    public String describe() {
        return where;
    }

    @Override
    public void close() {
        s3.close();
    }
}
