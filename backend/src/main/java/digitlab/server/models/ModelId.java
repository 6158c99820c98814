package digitlab.server.models;

import java.io.IOException;
import java.io.InputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;
import java.util.Base64;
import java.util.regex.Pattern;

/**
 * A model's id is its content hash: base64url without padding of the first 16 bytes of SHA-256 of the model
 * file, 22 characters. The same file always gets the same id, so uploads are idempotent and a stored model
 * can never change under its id.
 */
public final class ModelId {
    /** Every id matches this; anything else is refused before a file or object is looked at. */
    public static final Pattern PATTERN = Pattern.compile("[A-Za-z0-9_-]{22}");

    public static final int LENGTH = 22;

    private ModelId() {}

    /** The id of these model bytes. */
    public static String of(byte[] bytes) {
        return encode(sha256().digest(bytes));
    }

    private static String encode(byte[] digest) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(Arrays.copyOf(digest, 16));
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime has SHA-256", e);
        }
    }

    /** The id of the bytes {@code in} gives until its end; reads in 64 KB steps and does not close it. */
    public static String of(InputStream in) throws IOException {
        MessageDigest sha = sha256();
        byte[] buf = new byte[64 * 1024];
        for (int n; (n = in.read(buf)) != -1; ) {
            sha.update(buf, 0, n);
        }
        return encode(sha.digest());
    }

    /** True if {@code id} has the form of an id (it may still name no stored model). */
    public static boolean isValid(String id) {
        return id != null && id.length() == LENGTH && PATTERN.matcher(id).matches();
    }

    /**
     * Guards the stores: routes check ids first, a store checks again so that no caller can turn an id into a
     * path or object key outside the store.
     *
     * @throws IllegalArgumentException if {@code id} is not of the form of an id
     */
    static String require(String id) {
        if (!isValid(id)) {
            throw new IllegalArgumentException("malformed model id");
        }
        return id;
    }
}
