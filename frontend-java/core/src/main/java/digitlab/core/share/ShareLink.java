package digitlab.core.share;

import digitlab.core.run.QueryString;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The link Share hands out: the page's address and the model's id, nothing else (the model file carries its
 * architecture, its run settings and its weights), plus a {@link Lesson}'s parameters when the sharer set
 * any. The long links of older versions
 * ({@code ?model=ID&layers=...&lr=...}) still open: the page reads them as before.
 */
public final class ShareLink {
    /** The page parameter naming a shared model. */
    public static final String MODEL = "model";

    /** Model ids are 22 characters of base64url (a content hash; see the server's model store). */
    public static final int MODEL_ID_LENGTH = 22;

    private ShareLink() {}

    /** The query of the link to model {@code modelId} with {@code lesson} ({@link Lesson#NONE} for none). */
    public static String query(String modelId, Lesson lesson) {
        if (!isModelId(modelId)) {
            throw new IllegalArgumentException("'" + modelId + "' is not a model id");
        }
        Map<String, String> params = new LinkedHashMap<>();
        params.put(MODEL, modelId);
        params.putAll(lesson.toParams());
        return QueryString.format(params);
    }

    /** The whole link: {@code pageAddress} (no query, e.g. {@code https://host/lab/}) and {@link #query}. */
    public static String url(String pageAddress, String modelId, Lesson lesson) {
        return pageAddress + "?" + query(modelId, lesson);
    }

    /** Whether {@code id} can name a model; anything else is not worth a request. */
    public static boolean isModelId(String id) {
        if (id == null || id.length() != MODEL_ID_LENGTH) {
            return false;
        }
        for (int i = 0; i < id.length(); i++) {
            char c = id.charAt(i);
            boolean ok = c >= 'A' && c <= 'Z' || c >= 'a' && c <= 'z' || c >= '0' && c <= '9' || c == '_' || c == '-';
            if (!ok) {
                return false;
            }
        }
        return true;
    }
}
