package digitlab.core.data;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The browser's download order of the shards, and the way back from a place in it to the shard. */
class ShardOrderTest {
    /** The order as "train 0", "test 0", ... */
    private static List<String> names(ShardOrder order) {
        List<String> names = new ArrayList<>();
        for (int place = 0; place < order.size(); place++) {
            names.add((order.isTrain(place) ? "train " : "test ") + order.shard(place));
        }
        return names;
    }

    @Test
    void theFirstTrainingAndTestShardsComeFirstThenTheOtherTrainingThenTheOtherTestShards() {
        ShardOrder order = new ShardOrder(4, 3);
        assertEquals(7, order.size());
        assertEquals(2, order.head());
        assertEquals(List.of("train 0", "test 0", "train 1", "train 2", "train 3", "test 1", "test 2"), names(order));
    }

    @Test
    void mnistAsTheServerShardsIt() {
        // 60,000 training and 10,000 test images in shards of 5,000.
        ShardOrder order = new ShardOrder(12, 2);
        List<String> expected = new ArrayList<>(List.of("train 0", "test 0"));
        for (int i = 1; i < 12; i++) {
            expected.add("train " + i);
        }
        expected.add("test 1");
        assertEquals(expected, names(order));
    }

    @Test
    void everyShardHasExactlyOnePlace() {
        for (int train = 0; train <= 5; train++) {
            for (int test = 0; test <= 5; test++) {
                ShardOrder order = new ShardOrder(train, test);
                boolean[] trainSeen = new boolean[train];
                boolean[] testSeen = new boolean[test];
                for (int place = 0; place < order.size(); place++) {
                    boolean[] seen = order.isTrain(place) ? trainSeen : testSeen;
                    int shard = order.shard(place);
                    assertEquals(false, seen[shard], train + "/" + test + ": shard " + shard + " twice");
                    seen[shard] = true;
                }
                for (boolean seen : trainSeen) {
                    assertEquals(true, seen, train + "/" + test);
                }
                for (boolean seen : testSeen) {
                    assertEquals(true, seen, train + "/" + test);
                }
                assertEquals(Math.min(1, train) + Math.min(1, test), order.head());
            }
        }
    }

    @Test
    void eachKindKeepsManifestOrder() {
        ShardOrder order = new ShardOrder(6, 4);
        int lastTrain = -1;
        int lastTest = -1;
        for (int place = 0; place < order.size(); place++) {
            if (order.isTrain(place)) {
                assertEquals(lastTrain + 1, order.shard(place));
                lastTrain = order.shard(place);
            } else {
                assertEquals(lastTest + 1, order.shard(place));
                lastTest = order.shard(place);
            }
        }
    }

    @Test
    void aKindWithoutShards() {
        assertEquals(List.of("test 0", "test 1"), names(new ShardOrder(0, 2)));
        assertEquals(List.of("train 0", "train 1"), names(new ShardOrder(2, 0)));
    }

    @Test
    void placesOutsideTheOrderAreRefused() {
        ShardOrder order = new ShardOrder(2, 1);
        assertThrows(IllegalArgumentException.class, () -> order.isTrain(3));
        assertThrows(IllegalArgumentException.class, () -> order.shard(-1));
        assertThrows(IllegalArgumentException.class, () -> new ShardOrder(-1, 1));
    }
}
