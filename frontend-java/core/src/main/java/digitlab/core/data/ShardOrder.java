package digitlab.core.data;

/**
 * The order the browser downloads the manifest's shards in, and the way back from a place in that order to
 * the shard: the first training shard, the first test shard, then the other training shards, then the other
 * test shards, each kind in manifest order. The first two come first so that training and measuring can
 * start early. Both directions live here, so the order is written down once.
 *
 * <pre>
 * place:  0        1       2        3        …  train          train+1  …
 * shard:  train 0  test 0  train 1  train 2  …  train (n - 1)  test 1   …
 * </pre>
 */
public final class ShardOrder {
    private final int trainShards;
    private final int testShards;
    /** Training shards, then test shards, at the head of the order (1 and 1 unless a kind has none). */
    private final int headTrain;

    private final int head;

    public ShardOrder(int trainShards, int testShards) {
        if (trainShards < 0 || testShards < 0) {
            throw new IllegalArgumentException("shard counts must not be negative: " + trainShards + ", " + testShards);
        }
        this.trainShards = trainShards;
        this.testShards = testShards;
        this.headTrain = Math.min(1, trainShards);
        this.head = headTrain + Math.min(1, testShards);
    }

    /** Every shard of both kinds. */
    public int size() {
        return trainShards + testShards;
    }

    /** The places at the head of the order (one training and one test shard): enough to start. */
    public int head() {
        return head;
    }

    /** True if the shard at {@code place} is a training shard, false for a test shard. */
    public boolean isTrain(int place) {
        check(place);
        return place < headTrain || (place >= head && place < head + trainShards - headTrain);
    }

    /** The index among its own kind (training or test shards, manifest order) of the shard at {@code place}. */
    public int shard(int place) {
        check(place);
        if (place < head) {
            return 0;
        }
        int restTrain = trainShards - headTrain;
        return place < head + restTrain ? place - head + headTrain : place - head - restTrain + (head - headTrain);
    }

    private void check(int place) {
        if (place < 0 || place >= size()) {
            throw new IllegalArgumentException("no shard at place " + place + " of " + size());
        }
    }
}
