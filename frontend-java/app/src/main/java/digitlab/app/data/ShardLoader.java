package digitlab.app.data;

import digitlab.app.browser.Fetch;
import digitlab.core.data.Digits;
import digitlab.core.data.Shard;

/** Fetches the manifest and shards from the server and decodes them with the core's shard format. */
public final class ShardLoader {
    /** Where the data lives relative to the page, so the app also works under a path prefix. */
    public static final String FROM_PAGE = "data/";
    /** The same place seen from the worker scripts in js/ and wasm/. */
    public static final String FROM_WORKER = "../data/";

    private final String base;
    private final ManifestJs manifest;

    private ShardLoader(String base, ManifestJs manifest) {
        this.base = base;
        this.manifest = manifest;
    }

    /** Reads {@code base + "manifest.json"}. */
    public static ShardLoader open(String base) {
        ManifestJs manifest = Fetch.json(base + "manifest.json");
        if (manifest.getFormat() != 1) {
            throw new IllegalStateException(
                    "data/manifest.json has format " + manifest.getFormat() + "; this app reads format 1");
        }
        return new ShardLoader(base, manifest);
    }

    public int trainShards() {
        return manifest.getTrain().getLength();
    }

    public int testShards() {
        return manifest.getTest().getLength();
    }

    public String trainUrl(int index) {
        return url(manifest.getTrain().get(index));
    }

    public String testUrl(int index) {
        return url(manifest.getTest().get(index));
    }

    /** Images the manifest promises for training shard {@code index}. */
    public int trainCount(int index) {
        return manifest.getTrain().get(index).getCount();
    }

    public int testCount(int index) {
        return manifest.getTest().get(index).getCount();
    }

    public Digits trainShard(int index) {
        return decode(Fetch.bytes(trainUrl(index)), trainCount(index), trainUrl(index));
    }

    /** Every test shard joined in manifest order: the worker's test set, index for index. */
    public Digits testSet() {
        Digits all = null;
        for (int i = 0; i < testShards(); i++) {
            Digits shard = decode(Fetch.bytes(testUrl(i)), testCount(i), testUrl(i));
            all = all == null ? shard : all.concat(shard);
        }
        return all;
    }

    /** Decodes a downloaded shard and checks it holds as many images as the manifest says. */
    public static Digits decode(byte[] bytes, int expectedCount, String url) {
        Digits digits = Shard.decode(bytes);
        if (digits.count() != expectedCount) {
            throw new IllegalStateException(
                    url + " holds " + digits.count() + " images, the manifest says " + expectedCount);
        }
        return digits;
    }

    private String url(ManifestJs.ShardEntryJs entry) {
        return base + "shards/" + entry.getFile();
    }
}
