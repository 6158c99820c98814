package digitlab.server;

import static digitlab.server.ModelRoutes.MAX_VERIFIED;
import static digitlab.server.ModelRoutes.NO_SUCH_MODEL;

import digitlab.server.models.ModelId;
import digitlab.server.models.ModelStore;
import digitlab.server.models.ModelStore.ModelInfo;
import digitlab.server.models.ModelStore.StoredModel;
import io.javalin.http.HttpResponseException;
import io.javalin.http.HttpStatus;
import io.javalin.http.NotFoundResponse;
import java.io.IOException;
import java.io.InputStream;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Stored models checked against their ids (their content hash), so a damaged file or object is never served.
 * Each stored version is hashed once: on upload, or by the first request that asks for it; a damaged one is 500
 * until a re-upload of the original replaces it (which gives it a new version).
 */
final class VerifiedModels {
    private static final Logger LOG = LoggerFactory.getLogger(VerifiedModels.class);

    private final ModelStore store;
    /** id -> the store's version of it whose content was hashed and matched the id. */
    private final Map<String, String> verified = new ConcurrentHashMap<>();
    /** One hash of a model at a time: 200 first requests for a new model hash it once, not 200 times. */
    private final Object[] verifyLocks = new Object[64];

    VerifiedModels(ModelStore store) {
        this.store = store;
        for (int i = 0; i < verifyLocks.length; i++) {
            verifyLocks[i] = new Object();
        }
    }

    /** The stored model's size and version after its content was checked against its id. */
    ModelInfo info(String id) throws IOException {
        ModelInfo info = store.stat(id).orElseThrow(() -> new NotFoundResponse(NO_SUCH_MODEL));
        if (info.version().equals(verified.get(id))) {
            return info;
        }
        synchronized (verifyLocks[Math.floorMod(id.hashCode(), verifyLocks.length)]) {
            info = store.stat(id).orElseThrow(() -> new NotFoundResponse(NO_SUCH_MODEL));
            if (info.version().equals(verified.get(id))) {
                return info;
            }
            String actual;
            try (InputStream in = store.open(id).orElseThrow(() -> new NotFoundResponse(NO_SUCH_MODEL))) {
                actual = ModelId.of(in);
            }
            if (!actual.equals(id)) {
                verified.remove(id);
                throw damaged(id);
            }
            remember(id, info);
            return info;
        }
    }

    /** The whole stored model, hashed again here since its bytes are in memory anyway. */
    StoredModel load(String id) throws IOException {
        StoredModel model = store.get(id).orElseThrow(() -> new NotFoundResponse(NO_SUCH_MODEL));
        if (!ModelId.of(model.bytes()).equals(id)) {
            verified.remove(id);
            throw damaged(id);
        }
        return model;
    }

    /** Records that this version of {@code id} matched its hash (an upload has just hashed it). */
    void remember(String id, ModelInfo info) {
        if (verified.size() >= MAX_VERIFIED) {
            verified.clear();
        }
        verified.put(id, info.version());
    }

    private HttpResponseException damaged(String id) {
        LOG.error(
                "stored model {} in {} does not match its hash: damaged (an upload of the original repairs it)",
                id,
                store.describe());
        return new HttpResponseException(HttpStatus.INTERNAL_SERVER_ERROR.getCode(), "stored model is damaged");
    }
}
