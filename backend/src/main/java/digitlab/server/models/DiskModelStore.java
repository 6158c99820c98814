package digitlab.server.models;

import digitlab.server.AtomicFiles;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.FileTime;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Models as files: {@code DIR/<first two id characters>/<id>.dlnn}. The fan-out keeps folders small.
 *
 * <p>A put writes a temp file ({@code .upload-*.tmp}) in the target's own folder, forces it to disk, renames it
 * over the target atomically and then forces the folder, so a crash or {@code kill -9} at any moment leaves either
 * no model or the whole model under its name. Reads only ever build names from a valid id, so temp files are
 * never seen; leftovers of a crash are deleted when a store is opened.
 */
public final class DiskModelStore implements ModelStore {
    private static final Logger LOG = LoggerFactory.getLogger(DiskModelStore.class);
    static final String SUFFIX = ".dlnn";
    static final String TEMP_PREFIX = ".upload-";
    static final String TEMP_SUFFIX = ".tmp";
    /**
     * Temp files younger than this are left alone on open: another server process sharing the folder may be
     * writing one right now. An upload of the largest allowed model writes in well under a second.
     */
    static final Duration TEMP_GRACE = Duration.ofMinutes(1);

    private final Path root;

    /** Opens (creating if needed) the store in {@code root} and deletes stale temp files of earlier crashes. */
    public DiskModelStore(Path root) throws IOException {
        this.root = root.toAbsolutePath().normalize();
        Files.createDirectories(this.root);
        int removed = removeStaleTempFiles(Instant.now().minus(TEMP_GRACE));
        if (removed > 0) {
            LOG.info("removed {} unfinished upload(s) from {}", removed, this.root);
        }
    }

    /** The file a model with this id is stored in. */
    Path fileOf(String id) {
        ModelId.require(id);
        return root.resolve(id.substring(0, 2)).resolve(id + SUFFIX);
    }

    @Override
    public PutResult put(byte[] bytes) throws IOException {
        String id = ModelId.of(bytes);
        Path target = fileOf(id);
        if (Files.exists(target)) {
            if (sameContent(target, bytes)) {
                return new PutResult(id, false);
            }
            // Damaged since it was stored (a GET answers 500): the upload of the original repairs it.
            LOG.warn("stored model {} does not match its hash: replacing it with the uploaded original", id);
        }
        Path dir = target.getParent();
        if (!Files.isDirectory(dir)) {
            Files.createDirectories(dir);
            AtomicFiles.forceDirectory(root);
        }
        // A concurrent put of the same id may rename first: replacing equal bytes is harmless.
        AtomicFiles.write(target, bytes, TEMP_PREFIX, TEMP_SUFFIX);
        return new PutResult(id, true);
    }

    private static boolean sameContent(Path file, byte[] bytes) throws IOException {
        try {
            return Files.size(file) == bytes.length && Arrays.equals(Files.readAllBytes(file), bytes);
        } catch (NoSuchFileException e) {
            return false;
        }
    }

    @Override
    public Optional<ModelInfo> stat(String id) throws IOException {
        try {
            BasicFileAttributes a = Files.readAttributes(fileOf(id), BasicFileAttributes.class);
            // A repair renames a new file over the old one: a new inode, so a new version even within one tick.
            String version = a.size() + "/" + a.lastModifiedTime().to(TimeUnit.NANOSECONDS) + "/" + a.fileKey();
            return Optional.of(new ModelInfo(a.size(), a.lastModifiedTime().toInstant(), version));
        } catch (NoSuchFileException e) {
            return Optional.empty();
        }
    }

    @Override
    public Optional<InputStream> open(String id) throws IOException {
        try {
            return Optional.of(Files.newInputStream(fileOf(id)));
        } catch (NoSuchFileException e) {
            return Optional.empty();
        }
    }

    @Override
    public Optional<StoredModel> get(String id) throws IOException {
        Path file = fileOf(id);
        try {
            byte[] bytes = Files.readAllBytes(file);
            return Optional.of(
                    new StoredModel(bytes, Files.getLastModifiedTime(file).toInstant()));
        } catch (NoSuchFileException e) {
            return Optional.empty();
        }
    }

    @Override
    public boolean exists(String id) {
        return Files.isRegularFile(fileOf(id));
    }

    @Override
    public Optional<Instant> created(String id) throws IOException {
        try {
            return Optional.of(Files.getLastModifiedTime(fileOf(id)).toInstant());
        } catch (NoSuchFileException e) {
            return Optional.empty();
        }
    }

    @Override
    public String describe() {
        return "folder " + root;
    }

    /** Deletes temp files last modified before {@code cutoff}; returns how many. */
    int removeStaleTempFiles(Instant cutoff) throws IOException {
        int removed = 0;
        try (DirectoryStream<Path> dirs = Files.newDirectoryStream(root, Files::isDirectory)) {
            for (Path dir : dirs) {
                try (DirectoryStream<Path> files = Files.newDirectoryStream(dir, DiskModelStore::isTempFile)) {
                    for (Path f : files) {
                        try {
                            FileTime modified = Files.getLastModifiedTime(f);
                            if (modified.toInstant().isBefore(cutoff) && Files.deleteIfExists(f)) {
                                removed++;
                            }
                        } catch (NoSuchFileException e) {
                            // another process just finished (renamed) or removed it
                        }
                    }
                }
            }
        }
        return removed;
    }

    static boolean isTempFile(Path p) {
        String name = p.getFileName().toString();
        return name.startsWith(TEMP_PREFIX) && name.endsWith(TEMP_SUFFIX);
    }
}
