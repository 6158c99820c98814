package digitlab.app.data;

import org.teavm.jso.JSObject;
import org.teavm.jso.JSProperty;
import org.teavm.jso.core.JSArrayReader;

/** The server's {@code data/manifest.json}: which shards hold the training and test images. */
public interface ManifestJs extends JSObject {
    @JSProperty
    int getFormat();

    @JSProperty
    String getDataset();

    @JSProperty
    JSArrayReader<ShardEntryJs> getTrain();

    @JSProperty
    JSArrayReader<ShardEntryJs> getTest();

    /** One shard: its URL name under {@code data/shards/} and how many images it holds. */
    interface ShardEntryJs extends JSObject {
        @JSProperty
        String getFile();

        @JSProperty
        int getCount();
    }
}
