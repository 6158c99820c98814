package digitlab.core.run;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import digitlab.core.nn.optim.OptimizerKind;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;

class RunSettingsTest {
    @Test
    void everySettingIsDescribedAndNamedOnce() {
        Set<String> names = new HashSet<>();
        for (Setting<?> s : RunSettings.ALL) {
            assertTrue(names.add(s.key()), s.key());
            if (s.cliAlias() != null) {
                assertTrue(names.add(s.cliAlias()), s.cliAlias());
            }
            assertFalse(s.help().isEmpty(), s.key());
            assertNotNull(s.defaultText(), s.key());
            assertEquals(s, RunSettings.byKey(s.key()));
            assertEquals(s, RunSettings.byCliName(s.cliAlias() != null ? s.cliAlias() : s.key()));
        }
        for (String pageParameter : new String[] {"target", "model", "workers"}) {
            assertNull(RunSettings.byKey(pageParameter), pageParameter + " belongs to the page");
        }
    }

    @Test
    void aFixedDefaultReadsBackAsTheDefaultsValue() {
        TrainingConfig defaults = TrainingConfig.defaults();
        for (Setting<?> s : RunSettings.ALL) {
            if (!s.defaultDerived()) {
                assertEquals(s.defaultText(), defaults.toMap().get(s.key()), s.key());
            }
        }
    }

    @Test
    void rangesGiveTheCheckTheMessageAndTheFormBounds() {
        assertEquals("1", RunSettings.BATCH.inputMin());
        assertEquals(Integer.toString(RunSettings.MAX_BATCH), RunSettings.BATCH.inputMax());
        assertNull(RunSettings.SEED.inputMin());
        assertEquals("0", RunSettings.LR.inputMin());
        assertEquals("any", RunSettings.LR.inputStep());
        assertEquals(16, (int) RunSettings.BATCH.read(" 16 "));
        assertBad(RunSettings.BATCH, "0", "batch must be a whole number from 1 to 8192, got 0");
        assertBad(RunSettings.BATCH, "1.5", "batch must be a whole number from 1 to 8192, got '1.5'");
        assertBad(RunSettings.MOMENTUM, "1", "momentum must be in [0, 1), got 1");
        assertBad(RunSettings.LR, "0", "lr must be above 0, got 0");
        assertBad(RunSettings.LAMBDA, "-1", "lambda must be 0 or more, got -1");
        assertBad(
                RunSettings.OPT,
                "rmsprop",
                "opt must be one of sgd, momentum, nesterov, adam, gd, lbfgs, got 'rmsprop'");
    }

    private static void assertBad(Setting<?> s, String text, String message) {
        assertEquals(
                message,
                assertThrows(IllegalArgumentException.class, () -> s.read(text)).getMessage());
    }

    @Test
    void eachSettingAppliesWhereItHasAnEffect() {
        assertFalse(RunSettings.LR.appliesTo(OptimizerKind.LBFGS));
        assertTrue(RunSettings.LR.appliesTo(OptimizerKind.GD));
        assertFalse(RunSettings.BATCH.appliesTo(OptimizerKind.GD));
        assertFalse(RunSettings.EPOCHS.appliesTo(OptimizerKind.LBFGS));
        assertTrue(RunSettings.ITERS.appliesTo(OptimizerKind.LBFGS));
        assertFalse(RunSettings.ITERS.appliesTo(OptimizerKind.ADAM));
        assertTrue(RunSettings.MOMENTUM.appliesTo(OptimizerKind.NESTEROV));
        assertFalse(RunSettings.MOMENTUM.appliesTo(OptimizerKind.ADAM));
        assertTrue(RunSettings.MEMORY.appliesTo(OptimizerKind.LBFGS));
        assertFalse(RunSettings.MEMORY.appliesTo(OptimizerKind.SGD));
        assertTrue(RunSettings.SEED.appliesTo(OptimizerKind.LBFGS));
    }

    @Test
    void theCliHelpNamesEveryOptionWithinItsWidth() {
        String help = SettingsHelp.cliOptions();
        for (Setting<?> s : RunSettings.ALL) {
            assertTrue(help.contains("--" + s.key() + (s.cliAlias() == null ? " " : ", ")), s.key());
        }
        assertTrue(help.contains("--batch 32"), help);
        assertTrue(help.contains("--opt, --optimizer adam"), help);
        for (String line : help.split("\n")) {
            assertTrue(line.length() <= 100, line);
        }
    }

    /**
     * The README's table of settings is generated from the table; when a setting changes, run this test with
     * {@code -Ddocs.write=true} to rewrite it.
     */
    @Test
    void theReadmeListsTheSettingsAsTheTableDoes() throws IOException {
        Path readme = Path.of("../../README.md");
        String text = Files.readString(readme, StandardCharsets.UTF_8);
        String start = "<!-- run settings: generated from RunSettings by RunSettingsTest -->\n";
        String end = "<!-- end of run settings -->";
        int from = text.indexOf(start);
        int to = text.indexOf(end);
        assertTrue(from >= 0 && to > from, "README.md needs the markers " + start.trim() + " and " + end);
        String current = text.substring(from + start.length(), to);
        String wanted = SettingsHelp.markdownTable();
        if (!current.equals(wanted) && Boolean.getBoolean("docs.write")) {
            Files.writeString(readme, text.substring(0, from + start.length()) + wanted + text.substring(to));
            return;
        }
        assertEquals(
                wanted,
                current,
                "README.md's table of settings is out of date: mvn -pl frontend-java/core test"
                        + " -Dtest=RunSettingsTest -Ddocs.write=true");
    }
}
