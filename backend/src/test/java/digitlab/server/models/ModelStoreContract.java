package digitlab.server.models;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import digitlab.server.models.ModelStore.PutResult;
import digitlab.server.models.ModelStore.StoredModel;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** What every {@link ModelStore} promises; one subclass per implementation. */
abstract class ModelStoreContract {
    /** A new, empty store for one test. */
    abstract ModelStore newStore() throws Exception;

    /** Overwrites the stored model {@code id} with {@code bytes} behind the store's back (bit rot, a bad copy). */
    abstract void damage(String id, byte[] bytes) throws Exception;

    ModelStore store;

    @BeforeEach
    void openStore() throws Exception {
        store = newStore();
    }

    @AfterEach
    void closeStore() {
        store.close();
    }

    @Test
    void statAndOpenDescribeAndStreamTheStoredBytes() throws Exception {
        byte[] model = TestModels.mnist(41);
        String id = store.put(model).id();
        ModelStore.ModelInfo info = store.stat(id).orElseThrow();
        assertEquals(model.length, info.size());
        assertEquals(store.created(id).orElseThrow(), info.created());
        try (java.io.InputStream in = store.open(id).orElseThrow()) {
            assertArrayEquals(model, in.readAllBytes());
        }
        String unknown = ModelId.of(new byte[] {41});
        assertTrue(store.stat(unknown).isEmpty());
        assertTrue(store.open(unknown).isEmpty());
    }

    @Test
    void aPutOfTheOriginalReplacesADamagedModel() throws Exception {
        byte[] model = TestModels.mnist(42);
        String id = store.put(model).id();
        String intactVersion = store.stat(id).orElseThrow().version();
        byte[] damaged = model.clone();
        damaged[damaged.length / 2] ^= 1;
        damage(id, damaged);
        assertNotEquals(intactVersion, store.stat(id).orElseThrow().version(), "a rewrite is a new version");
        PutResult again = store.put(model);
        assertTrue(again.created(), "the damaged copy was replaced");
        assertArrayEquals(model, store.get(id).orElseThrow().bytes());
        assertFalse(store.put(model).created(), "an intact copy is left alone");
    }

    @Test
    void putThenGetGivesTheSameBytesUnderTheContentHash() throws Exception {
        byte[] model = TestModels.mnist(1);
        Instant before = Instant.now().minusSeconds(2);
        PutResult r = store.put(model);
        assertEquals(ModelId.of(model), r.id());
        assertTrue(ModelId.isValid(r.id()), r.id());
        assertTrue(r.created());
        StoredModel got = store.get(r.id()).orElseThrow();
        assertArrayEquals(model, got.bytes());
        assertTrue(store.exists(r.id()));
        Instant created = store.created(r.id()).orElseThrow();
        assertEquals(got.created(), created);
        // S3 times have whole seconds; allow for that and for clocks of a separate server.
        assertTrue(!created.isBefore(before) && created.isBefore(Instant.now().plusSeconds(2)), created.toString());
    }

    @Test
    void putIsIdempotent() throws Exception {
        byte[] model = TestModels.small(2);
        PutResult first = store.put(model);
        Instant created = store.created(first.id()).orElseThrow();
        PutResult again = store.put(model.clone());
        assertEquals(first.id(), again.id());
        assertTrue(first.created());
        assertFalse(again.created(), "the second put finds the model already stored");
        assertEquals(created, store.created(first.id()).orElseThrow(), "a repeated put does not rewrite");
        assertArrayEquals(model, store.get(first.id()).orElseThrow().bytes());
    }

    @Test
    void differentModelsGetDifferentIds() throws Exception {
        Set<String> ids = new HashSet<>();
        for (int seed = 0; seed < 5; seed++) {
            ids.add(store.put(TestModels.small(seed)).id());
        }
        assertEquals(5, ids.size());
        for (int seed = 0; seed < 5; seed++) {
            byte[] model = TestModels.small(seed);
            assertArrayEquals(model, store.get(ModelId.of(model)).orElseThrow().bytes());
        }
    }

    @Test
    void unknownIdIsAbsent() throws Exception {
        String unknown = ModelId.of(new byte[] {1, 2, 3});
        assertTrue(store.get(unknown).isEmpty());
        assertFalse(store.exists(unknown));
        assertTrue(store.created(unknown).isEmpty());
        store.put(TestModels.small(3));
        assertTrue(store.get(unknown).isEmpty(), "still absent next to a stored model");
    }

    @Test
    void malformedIdsAreRefusedBeforeAnyLookup() {
        for (String bad : new String[] {
            "",
            "..",
            "../../etc/passwd",
            "..%2f..%2fetc%2fpasswd",
            "a".repeat(21),
            "a".repeat(23),
            "aaaaaaaaaa.aaaaaaaaaaa",
            "aaaaaaaaaa/aaaaaaaaaaa",
            "aaaaaaaaaa\\aaaaaaaaaaa",
            "aaaaaaaaaaaaaaaaaaaaa=",
            "aaaaaaaaaaaaaaaaaaaaa+",
            "aaaaaaaaaaaaaaaaaaaaa\u0000",
            "ääääääääääääääääääääää",
            "a".repeat(4000)
        }) {
            assertThrows(IllegalArgumentException.class, () -> store.get(bad), bad);
            assertThrows(IllegalArgumentException.class, () -> store.exists(bad), bad);
            assertThrows(IllegalArgumentException.class, () -> store.created(bad), bad);
        }
        assertThrows(IllegalArgumentException.class, () -> store.get(null));
    }

    @Test
    void concurrentPutsOfTheSameModelStoreItOnce() throws Exception {
        byte[] model = TestModels.mnist(4);
        int threads = 8;
        CyclicBarrier start = new CyclicBarrier(threads);
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            List<Future<PutResult>> results = new ArrayList<>();
            for (int t = 0; t < threads; t++) {
                results.add(pool.submit(() -> {
                    start.await(10, TimeUnit.SECONDS);
                    return store.put(model.clone());
                }));
            }
            int created = 0;
            for (Future<PutResult> f : results) {
                PutResult r = f.get(30, TimeUnit.SECONDS);
                assertEquals(ModelId.of(model), r.id());
                created += r.created() ? 1 : 0;
            }
            // Racing first puts may each report created (documented); at least one must.
            assertTrue(created >= 1, "created " + created);
        } finally {
            pool.shutdownNow();
        }
        assertArrayEquals(model, store.get(ModelId.of(model)).orElseThrow().bytes());
        assertFalse(store.put(model).created());
    }

    @Test
    void concurrentPutsOfDifferentModels() throws Exception {
        int threads = 6;
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            List<Future<PutResult>> results = new ArrayList<>();
            for (int t = 0; t < threads; t++) {
                long seed = 100 + t;
                results.add(pool.submit(() -> store.put(TestModels.mnist(seed))));
            }
            for (Future<PutResult> f : results) {
                assertTrue(f.get(30, TimeUnit.SECONDS).created());
            }
        } finally {
            pool.shutdownNow();
        }
        for (int t = 0; t < threads; t++) {
            byte[] model = TestModels.mnist(100 + t);
            assertArrayEquals(model, store.get(ModelId.of(model)).orElseThrow().bytes());
        }
    }

    @Test
    void idsAreTheFirst16BytesOfSha256InBase64Url() {
        // SHA-256("") = e3b0c442 98fc1c14 9afbf4c8 996fb924 ...
        assertEquals("47DEQpj8HBSa-_TImW-5JA", ModelId.of(new byte[0]));
        String id = ModelId.of(TestModels.small(5));
        assertEquals(22, id.length());
        assertNotEquals(id, ModelId.of(TestModels.small(6)));
    }
}
