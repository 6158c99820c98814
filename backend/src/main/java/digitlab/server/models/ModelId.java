package digitlab.server.models;

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
        MessageDigest sha;
        try {
            sha = MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime has SHA-256", e);
        }
        byte[] digest = sha.digest(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(Arrays.copyOf(digest, 16));
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
