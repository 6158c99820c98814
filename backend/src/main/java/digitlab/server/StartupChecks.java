package digitlab.server;

import java.io.IOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Checks made before the server starts, so that a folder it cannot use stops it with one sentence instead of
 * failing every later request with a stack trace in the log.
 */
public final class StartupChecks {
    static final String PROBE_PREFIX = ".write-probe-";

    private StartupChecks() {}

    /**
     * Creates {@code dir} if needed, then writes and removes a probe file in it.
     *
     * @param what what the folder is for and the option that names it, e.g. {@code "models folder (--models)"}
     * @throws FolderNotUsableException naming the folder and the problem
     */
    public static void requireWritable(Path dir, String what) throws FolderNotUsableException {
        Path abs = dir.toAbsolutePath().normalize();
        try {
            if (Files.exists(abs) && !Files.isDirectory(abs)) {
                throw new FolderNotUsableException("the " + what + " " + abs + " is a file, not a folder");
            }
            Files.createDirectories(abs);
            Path probe = Files.createTempFile(abs, PROBE_PREFIX, ".tmp");
            try {
                Files.write(probe, new byte[] {1});
            } finally {
                Files.deleteIfExists(probe);
            }
        } catch (FolderNotUsableException e) {
            throw e;
        } catch (IOException e) {
            throw new FolderNotUsableException("the server cannot write to the " + what + " " + abs + ": " + why(e));
        }
    }

    /** The reason an I/O call failed, in words, without a class name. */
    static String why(IOException e) {
        if (e instanceof AccessDeniedException a) {
            return "permission denied" + (a.getFile() != null ? " on " + a.getFile() : "");
        }
        if (e instanceof FileSystemException f && f.getReason() != null) {
            return f.getReason().toLowerCase(java.util.Locale.ROOT)
                    + (f.getFile() != null ? " (" + f.getFile() + ")" : "");
        }
        return e.getMessage() != null ? e.getMessage() : e.getClass().getSimpleName();
    }

    /** A folder the server needs cannot be used; the message says which and why. */
    public static final class FolderNotUsableException extends IOException {
        public FolderNotUsableException(String message) {
            super(message);
        }
    }
}
