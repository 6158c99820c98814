package digitlab.server;

import static digitlab.server.ModelRoutes.MAX_VERIFIED;
import static digitlab.server.ModelRoutes.META_CACHE;
import static digitlab.server.ModelRoutes.NO_SUCH_MODEL;

import com.fasterxml.jackson.databind.ObjectMapper;
import digitlab.core.model.Model;
import digitlab.core.model.ModelFormatException;
import digitlab.core.model.TrainingMetadata;
import digitlab.core.nn.Activation;
import digitlab.core.nn.Architecture;
import digitlab.core.nn.LayerGrammar;
import digitlab.server.models.ModelStore;
import digitlab.server.models.ModelStore.ModelInfo;
import digitlab.server.models.ModelStore.StoredModel;
import io.javalin.http.ContentType;
import io.javalin.http.Context;
import io.javalin.http.Header;
import io.javalin.http.HttpResponseException;
import io.javalin.http.HttpStatus;
import io.javalin.http.NotFoundResponse;
import java.io.IOException;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code GET} and {@code HEAD /api/models/{id}/meta}: what the file says about itself, as JSON. The JSON is built
 * once per stored version and kept (a few hundred bytes), so many requests for a big model's meta read and parse it
 * once; like downloads, it runs on the download pool.
 */
final class ModelMeta {
    private static final Logger LOG = LoggerFactory.getLogger(ModelMeta.class);
    private static final ObjectMapper JSON = new ObjectMapper();

    private final ModelStore store;
    private final VerifiedModels verified;
    /** id -> its meta JSON, for one stored version. */
    private final Map<String, Cached> cache = new ConcurrentHashMap<>();

    /** A stored version's meta JSON. */
    private record Cached(String version, byte[] json) {}

    ModelMeta(ModelStore store, VerifiedModels verified) {
        this.store = store;
        this.verified = verified;
    }

    /** Runs on the download pool (see {@link ModelRoutes}). */
    void send(Context ctx, String id, boolean head) throws IOException {
        ModelInfo info = store.stat(id).orElseThrow(() -> new NotFoundResponse(NO_SUCH_MODEL));
        Cached cached = cache.get(id);
        byte[] json;
        if (cached != null && cached.version().equals(info.version())) {
            json = cached.json();
        } else {
            json = JSON.writeValueAsBytes(metaJson(id));
            if (cache.size() >= MAX_VERIFIED) {
                cache.clear();
            }
            cache.put(id, new Cached(info.version(), json));
        }
        ctx.header(Header.CACHE_CONTROL, META_CACHE);
        // As the manifest: sent as it is, so the declared length holds (see ShardRoutes.manifest).
        ctx.disableCompression();
        ctx.contentType(ContentType.APPLICATION_JSON);
        ctx.res().setContentLength(json.length);
        if (!head) {
            ctx.result(json);
        }
    }

    private Map<String, Object> metaJson(String id) throws IOException {
        StoredModel stored = verified.load(id);
        Model model;
        try {
            model = Model.fromBytes(stored.bytes());
        } catch (ModelFormatException e) {
            // Validated before it was stored and checked against its hash just now: the decoder itself changed.
            LOG.error("stored model {} no longer decodes: {}", id, e.getMessage());
            throw new HttpResponseException(HttpStatus.INTERNAL_SERVER_ERROR.getCode(), "stored model cannot be read");
        }
        Architecture arch = model.architecture();
        List<String> activations = new ArrayList<>();
        for (Activation a : arch.hiddenActivations()) {
            activations.add(a.id());
        }
        TrainingMetadata training = model.metadata();
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("id", id);
        // Values per layer, input first (for a dense net its widths); spec and shapes say what the layers are.
        json.put("layers", arch.sizes());
        json.put("spec", LayerGrammar.format(arch.layers(), ','));
        List<String> shapes = new ArrayList<>();
        for (int l = 0; l < arch.layerCount(); l++) {
            shapes.add(arch.shape(l).toString());
        }
        json.put("shapes", shapes);
        json.put("activations", activations);
        json.put("loss", arch.loss().id());
        json.put("parameters", arch.parameterCount());
        json.put("epochs", training == null ? null : training.epochs());
        json.put("examplesSeen", training == null ? null : training.examplesSeen());
        json.put(
                "testAccuracy",
                training == null || Float.isNaN(training.testAccuracy()) ? null : training.testAccuracy());
        // The run that trained it (null for files from before settings were saved, or settings this version
        // cannot read), and what of the file's settings was not used.
        json.put("config", model.config() == null ? null : model.config().toQuery());
        json.put("settingsIssue", model.settingsIssue());
        json.put("bytes", stored.bytes().length);
        json.put("created", stored.created().truncatedTo(ChronoUnit.MILLIS).toString());
        return json;
    }
}
