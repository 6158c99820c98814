package digitlab.app.data;

import digitlab.app.browser.Fetch;
import digitlab.core.data.Digits;
import digitlab.core.data.Shard;

/** Fetches the manifest and shards from the server and decodes them with the core's shard format. */
public final class ShardLoader {
    /** Where the data lives, relative to the page, so the app also works under a path prefix. */
    private static final String DATA = "data/";

    private final ManifestJs manifest;

    private ShardLoader(ManifestJs manifest) {
        this.manifest = manifest;
    }

    public static ShardLoader open() {
        ManifestJs manifest = Fetch.json(DATA + "manifest.json");
        if (manifest.getFormat() != 1) {
            throw new IllegalStateException("data/manifest.json has format " + manifest.getFormat()
                    + "; this app reads format 1");
        }
        return new ShardLoader(manifest);
    }

    public int trainShards() {
        return manifest.getTrain().getLength();
    }

    public int testShards() {
        return manifest.getTest().getLength();
    }

    public Digits trainShard(int index) {
        return load(manifest.getTrain().get(index));
    }

    public Digits testShard(int index) {
        return load(manifest.getTest().get(index));
    }

    private static Digits load(ManifestJs.ShardEntryJs entry) {
        Digits digits = Shard.decode(Fetch.bytes(DATA + "shards/" + entry.getFile()));
        if (digits.count() != entry.getCount()) {
            throw new IllegalStateException(entry.getFile() + " holds " + digits.count()
                    + " images, the manifest says " + entry.getCount());
        }
        return digits;
    }
}
