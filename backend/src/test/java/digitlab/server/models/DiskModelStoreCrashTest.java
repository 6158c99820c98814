package digitlab.server.models;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import digitlab.core.model.Model;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Kills a process that is writing models (SIGKILL, no shutdown hooks) and checks that the folder holds only whole,
 * valid models under their own content hash, and that the store shows nothing else.
 */
class DiskModelStoreCrashTest {
    @TempDir
    Path dir;

    @Test
    void killMinus9WhileWritingNeverLeavesAPartialModelVisible() throws Exception {
        Path models = dir.resolve("models");
        int rounds = 3;
        for (int round = 0; round < rounds; round++) {
            Process child = new ProcessBuilder(
                            Path.of(System.getProperty("java.home"), "bin", "java")
                                    .toString(),
                            "-Xmx256m",
                            "-XX:TieredStopAtLevel=1",
                            "-cp",
                            System.getProperty("java.class.path"),
                            CrashWriter.class.getName(),
                            models.toString(),
                            Long.toString(round * 1_000_000L))
                    .redirectError(ProcessBuilder.Redirect.DISCARD)
                    .start();
            try {
                BufferedReader out =
                        new BufferedReader(new InputStreamReader(child.getInputStream(), StandardCharsets.UTF_8));
                assertEquals("ready", out.readLine(), "the writer started");
                // Let it write for a while, at a different moment each round.
                Thread.sleep(150 + 100L * round);
            } finally {
                child.destroyForcibly();
                assertTrue(child.waitFor(10, TimeUnit.SECONDS));
            }
            assertEquals(137, child.exitValue(), "killed by SIGKILL, not exited");
            long partial = regularFiles(models).stream()
                    .filter(DiskModelStore::isTempFile)
                    .count();
            int whole = checkEveryVisibleModel(models);
            System.out.printf(
                    "crash round %d: %d whole models, %d unfinished temp files in total%n", round, whole, partial);
        }

        // Whatever the kills left behind, a reopened store reads every model and cleans up the temp files.
        DiskModelStore reopened = new DiskModelStore(models);
        reopened.removeStaleTempFiles(Instant.now().plusSeconds(1));
        List<Path> files = regularFiles(models);
        assertTrue(files.size() >= 3 * 4, "the writer stored models before each kill: " + files.size());
        for (Path f : files) {
            assertFalse(DiskModelStore.isTempFile(f), "temp file left after cleanup: " + f);
            String id = f.getFileName().toString().replace(".dlnn", "");
            assertArrayEquals(
                    Files.readAllBytes(f), reopened.get(id).orElseThrow().bytes());
        }
    }

    /** Every model file decodes and is named by its hash; temp files are not reachable through the store. */
    private static int checkEveryVisibleModel(Path models) throws Exception {
        DiskModelStore store = new DiskModelStore(models);
        int seen = 0;
        for (Path f : regularFiles(models)) {
            String name = f.getFileName().toString();
            if (DiskModelStore.isTempFile(f)) {
                continue;
            }
            assertTrue(name.endsWith(".dlnn"), name);
            String id = name.substring(0, name.length() - ".dlnn".length());
            byte[] bytes = Files.readAllBytes(f);
            Model.fromBytes(bytes); // throws on a partial or corrupt file
            assertEquals(id, ModelId.of(bytes), "named by its content hash");
            assertEquals(id.substring(0, 2), f.getParent().getFileName().toString());
            assertArrayEquals(bytes, store.get(id).orElseThrow().bytes());
            seen++;
        }
        assertTrue(seen >= 4, "models written before the kill: " + seen);
        return seen;
    }

    private static List<Path> regularFiles(Path root) throws Exception {
        try (Stream<Path> s = Files.walk(root)) {
            return s.filter(Files::isRegularFile).toList();
        }
    }
}
