package digitlab.server;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Set;

/**
 * Writes a file so that readers see either no file (or the old one) or the whole new one, never a part,
 * even if the process is killed mid-write: temp file in the same folder, fsync, atomic rename, fsync of
 * the folder. Used for shards, the manifest and stored models.
 *
 * <p>Everything written here is served, so files are readable by all ({@code rw-r--r--}): a temp file is created
 * {@code rw-------}, and a server run later as another user would otherwise fail on files it cannot read.
 */
public final class AtomicFiles {
    /** {@code rw-r--r--}: written by the server's user, read by any user a server may run as. */
    static final Set<PosixFilePermission> SERVED = PosixFilePermissions.fromString("rw-r--r--");

    private AtomicFiles() {}

    public static void write(Path target, byte[] bytes) throws IOException {
        write(target, bytes, "." + target.getFileName(), ".tmp");
    }

    /** As {@link #write(Path, byte[])}, with temp files named {@code tempPrefix...tempSuffix} (for clean-up). */
    public static void write(Path target, byte[] bytes, String tempPrefix, String tempSuffix) throws IOException {
        Path dir = target.toAbsolutePath().getParent();
        // The temp file lives in the target folder so the move is a rename on the same file system.
        Path tmp = Files.createTempFile(dir, tempPrefix, tempSuffix);
        try {
            if (Files.getFileStore(tmp).supportsFileAttributeView("posix")) {
                Files.setPosixFilePermissions(tmp, SERVED);
            }
            try (FileChannel ch = FileChannel.open(tmp, StandardOpenOption.WRITE)) {
                ByteBuffer buf = ByteBuffer.wrap(bytes);
                while (buf.hasRemaining()) {
                    ch.write(buf);
                }
                ch.force(true);
            }
            try {
                Files.move(tmp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING);
            }
        } finally {
            Files.deleteIfExists(tmp);
        }
        forceDirectory(dir);
    }

    /** Makes the rename itself durable. Not every platform can open a directory (Windows cannot): best effort. */
    public static void forceDirectory(Path dir) {
        try (FileChannel ch = FileChannel.open(dir, StandardOpenOption.READ)) {
            ch.force(true);
        } catch (IOException | UnsupportedOperationException e) {
            // The data is already flushed; only the directory entry's durability is left to the OS.
        }
    }
}
