package digitlab.app.worker;

import org.teavm.jso.JSBody;
import org.teavm.jso.JSObject;
import org.teavm.jso.JSProperty;
import org.teavm.jso.core.JSArray;
import org.teavm.jso.core.JSString;
import org.teavm.jso.typedarrays.ArrayBuffer;

/**
 * Downloads shards in the background and delivers each, as an {@link Arrival} and in the order given,
 * into the worker's inbox (see {@link WorkerPort}), so training starts on the first shard while the
 * others load.
 */
public final class ShardStream {
    /** The inbox message type of an arrived (or failed) shard. */
    public static final String TYPE = "shard";

    private ShardStream() {}

    /** One downloaded shard: its position in the list given to {@link #start}, its bytes or an error. */
    public interface Arrival extends JSObject {
        @JSProperty
        int getIndex();

        @JSProperty
        ArrayBuffer getBuffer();

        @JSProperty
        String getError();
    }

    /**
     * Starts downloading {@code urls}: the first {@code first} alone, then the others together;
     * {@link WorkerPort#listen()} must have run.
     */
    public static void start(String[] urls, int first) {
        JSArray<JSString> list = new JSArray<>();
        for (String url : urls) {
            list.push(JSString.valueOf(url));
        }
        fetchInOrder(list, first);
    }

    @JSBody(
            params = {"shardUrls", "shardsFirst"},
            script =
                    ""
                            + "var shardInbox = self.digitLabInbox;"
                            + "var shardNext = 0; var shardDone = [];"
                            + "function shardFlush() {"
                            + "  while (shardNext < shardUrls.length && shardDone[shardNext]) {"
                            + "    shardInbox.deliver(shardDone[shardNext]); shardDone[shardNext] = true; shardNext++;"
                            + "  }"
                            + "}"
                            + "function shardFetch(shardIndex) {"
                            + "  var shardUrl = shardUrls[shardIndex];"
                            + "  return fetch(shardUrl).then(function(shardResponse) {"
                            + "    if (!shardResponse.ok) { throw new Error(shardUrl + ': HTTP ' + shardResponse.status); }"
                            + "    return shardResponse.arrayBuffer();"
                            + "  }).then(function(shardBytes) {"
                            + "    shardDone[shardIndex] = { type: 'shard', index: shardIndex, buffer: shardBytes, error: null };"
                            + "    shardFlush();"
                            + "  }).catch(function(shardFailure) {"
                            + "    shardDone[shardIndex] = { type: 'shard', index: shardIndex, buffer: null,"
                            + "        error: String(shardFailure) };"
                            + "    shardFlush();"
                            + "  });"
                            + "}"
                            // The first few alone, so they are not slowed down by the rest; then all others at once
                            // (the
                            // browser caps parallel connections). Delivered in list order either way.
                            + "var shardHead = [];"
                            + "for (var shardI = 0; shardI < Math.min(shardsFirst, shardUrls.length); shardI++) {"
                            + "  shardHead.push(shardFetch(shardI)); }"
                            + "Promise.all(shardHead).then(function() {"
                            + "  for (var shardJ = shardsFirst; shardJ < shardUrls.length; shardJ++) { shardFetch(shardJ); } });")
    private static native void fetchInOrder(JSArray<JSString> shardUrls, int shardsFirst);
}
