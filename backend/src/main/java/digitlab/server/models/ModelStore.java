package digitlab.server.models;

import java.io.IOException;
import java.io.InputStream;
import java.time.Instant;
import java.util.Optional;

/**
 * Where uploaded model files live, keyed by their {@link ModelId content hash}. Implementations keep no
 * state of their own in memory, so every server instance over the same folder or bucket sees the same models.
 *
 * <p>A model becomes visible whole or not at all: a crash during {@link #put} never leaves a partial model
 * that {@link #get} would return. Stores do not check the model format; the routes validate before storing.
 * Methods taking an id throw {@link IllegalArgumentException} for a malformed one, before any I/O.
 */
public interface ModelStore extends AutoCloseable {
    /**
     * @param id      the content hash of the bytes
     * @param created true if this call stored the bytes, false if the id was already stored. Two first uploads
     *                of the same model racing each other may both report true; the stored bytes are the same.
     */
    record PutResult(String id, boolean created) {}

    /** A stored model file and when it was stored. */
    record StoredModel(byte[] bytes, Instant created) {}

    /**
     * What a store knows about a stored model without reading it.
     *
     * @param size    bytes
     * @param created when it was stored
     * @param version changes whenever the stored file or object is rewritten (size, time, inode or ETag), so a
     *                hash checked once stays valid until the version changes
     */
    record ModelInfo(long size, Instant created, String version) {}

    /**
     * Stores the bytes under their content hash; idempotent. A model already stored whose content no longer
     * matches its id (damaged on disk or in the bucket) is replaced, and {@code created} is true.
     */
    PutResult put(byte[] bytes) throws IOException;

    /** Size, time and version of a stored model, or empty if no model has this id; reads no content. */
    Optional<ModelInfo> stat(String id) throws IOException;

    /**
     * The stored bytes as a stream (the caller closes it), or empty if no model has this id. Not checked against
     * the id: the caller hashes what it reads.
     */
    Optional<InputStream> open(String id) throws IOException;

    /** The stored bytes in memory (models are at most a few MB), or empty if no model has this id. */
    Optional<StoredModel> get(String id) throws IOException;

    boolean exists(String id) throws IOException;

    /** When the model was stored, or empty if no model has this id. */
    Optional<Instant> created(String id) throws IOException;

    /** A short description for the log, e.g. the folder or bucket. */
    String describe();

    /** Releases connections; a no-op for stores that hold none. */
    @Override
    default void close() {}
}
