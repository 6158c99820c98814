package digitlab.server;

import digitlab.server.models.S3Options;

/**
 * How the model API stores and limits uploads.
 *
 * @param store            where models live
 * @param s3               the bucket, when {@code store} is {@link StoreKind#S3}; else null
 * @param maxModelBytes    largest accepted upload body; larger ones get 413 before the body is read
 * @param uploadsPerMinute uploads allowed per client address and minute on each instance (burst of the same size)
 * @param trustProxy       count uploads by the last X-Forwarded-For entry instead of the TCP peer (behind one proxy)
 */
public record ModelOptions(
        StoreKind store, S3Options s3, long maxModelBytes, int uploadsPerMinute, boolean trustProxy) {
    /** 16 MiB: a 784-1024-1024-10 network with metadata is 7.5 MB. */
    public static final long DEFAULT_MAX_MODEL_BYTES = 16L * 1024 * 1024;
    /** The largest limit a Java byte array can hold. */
    public static final long MAX_MODEL_BYTES_LIMIT = Integer.MAX_VALUE - 8;

    public static final int DEFAULT_UPLOADS_PER_MINUTE = 10;

    public enum StoreKind {
        /** Files in the --models folder (one server, or several sharing one local file system). */
        DISK,
        /** An S3-compatible bucket (any number of servers). */
        S3
    }

    public ModelOptions {
        if (store == null) {
            throw new IllegalArgumentException("the model store kind is missing");
        }
        if ((store == StoreKind.S3) != (s3 != null)) {
            throw new IllegalArgumentException("S3 options go with the S3 store, and only with it");
        }
        if (maxModelBytes < 1 || maxModelBytes > MAX_MODEL_BYTES_LIMIT) {
            throw new IllegalArgumentException("the model size limit must be 1.." + MAX_MODEL_BYTES_LIMIT + " bytes");
        }
        if (uploadsPerMinute < 1) {
            throw new IllegalArgumentException("the upload rate must be at least 1 per minute");
        }
    }

    public static ModelOptions defaults() {
        return new ModelOptions(StoreKind.DISK, null, DEFAULT_MAX_MODEL_BYTES, DEFAULT_UPLOADS_PER_MINUTE, false);
    }

    public ModelOptions withMaxModelBytes(long bytes) {
        return new ModelOptions(store, s3, bytes, uploadsPerMinute, trustProxy);
    }

    public ModelOptions withUploadsPerMinute(int n) {
        return new ModelOptions(store, s3, maxModelBytes, n, trustProxy);
    }

    public ModelOptions withTrustProxy(boolean trust) {
        return new ModelOptions(store, s3, maxModelBytes, uploadsPerMinute, trust);
    }
}
