package digitlab.server.models;

import java.net.URI;

/**
 * Where {@link S3ModelStore} keeps models.
 *
 * @param endpoint        an S3-compatible endpoint (MinIO, Ceph, s3proxy...) addressed path-style, or
 *                        {@code null} for AWS itself
 * @param bucket          the bucket; it must exist
 * @param region          signing region, e.g. {@code us-east-1}
 * @param prefix          prepended to every object key, e.g. {@code models/} (may be empty)
 * @param accessKeyId     explicit credentials, or {@code null} (with {@code secretAccessKey}) for the SDK's
 *                        default provider chain (environment, profile, container or instance role)
 * @param secretAccessKey the secret of {@code accessKeyId}, or {@code null}
 */
public record S3Options(
        URI endpoint, String bucket, String region, String prefix, String accessKeyId, String secretAccessKey) {
    public static final String DEFAULT_REGION = "us-east-1";
    public static final String DEFAULT_PREFIX = "models/";

    public S3Options {
        if (bucket == null || bucket.isBlank()) {
            throw new IllegalArgumentException("an S3 bucket is needed");
        }
        if (region == null || region.isBlank()) {
            throw new IllegalArgumentException("an S3 region is needed");
        }
        if (prefix == null || prefix.startsWith("/")) {
            throw new IllegalArgumentException("the S3 key prefix must not start with '/'");
        }
        if ((accessKeyId == null) != (secretAccessKey == null)) {
            throw new IllegalArgumentException("give both the S3 access key and its secret, or neither");
        }
    }

    /** Never prints the secret. */
    @Override
    public String toString() {
        return "S3Options[endpoint=" + endpoint + ", bucket=" + bucket + ", region=" + region + ", prefix=" + prefix
                + ", accessKeyId=" + accessKeyId + ", secretAccessKey=" + (secretAccessKey == null ? null : "***")
                + "]";
    }
}
