package digitlab.core.text;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import digitlab.core.run.RunSettings;
import digitlab.core.run.Setting;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class GlossaryTest {
    /** The jargon issue 14 names: each must be explained. */
    private static final List<String> NAMED_IN_THE_ISSUE = List.of(
            "epoch",
            "loss",
            "learning-rate",
            "batch",
            "lambda",
            "init",
            "momentum",
            "nesterov",
            "adam",
            "lbfgs",
            "cosine",
            "test-set",
            "hidden-unit",
            "activation");

    @Test
    void everyTermHasOneOrTwoPlainSentences() {
        for (Glossary.Term term : Glossary.ALL) {
            assertFalse(term.term().isBlank(), term.id());
            String text = term.text().trim();
            assertTrue(text.length() >= 40 && text.length() <= 240, term.id() + ": " + text.length() + " chars");
            assertTrue(text.endsWith("."), term.id() + " ends a sentence");
            int sentences = text.split("[.!?](\\s|$)").length;
            assertTrue(sentences <= 2, term.id() + " has " + sentences + " sentences");
            assertFalse(text.contains("<"), term.id() + " is plain text, never markup");
        }
    }

    @Test
    void idsAreUniqueAndTheIssuesJargonIsThere() {
        Set<String> ids = new HashSet<>();
        for (Glossary.Term term : Glossary.ALL) {
            assertTrue(term.id().matches("[a-z][a-z-]*"), term.id());
            assertTrue(ids.add(term.id()), "repeated " + term.id());
        }
        for (String id : NAMED_IN_THE_ISSUE) {
            assertNotNull(Glossary.byId(id), id);
        }
        assertNull(Glossary.byId("no-such-term"));
    }

    @Test
    void termsNameRealSettingsAndTheMainControlsAreExplained() {
        for (Glossary.Term term : Glossary.ALL) {
            for (String key : term.settings()) {
                Setting<?> setting = RunSettings.byKey(key);
                assertNotNull(setting, term.id() + " names " + key);
                assertNotNull(setting.formLabel(), key + " has a control to put the term beside");
            }
        }
        for (String key : List.of("loss", "opt", "lr", "sched", "batch", "lambda", "init", "epochs", "momentum")) {
            assertFalse(Glossary.forSetting(key).isEmpty(), key);
        }
        assertEquals(
                List.of("sgd", "momentum", "nesterov", "adam", "lbfgs"),
                Glossary.forSetting("opt").stream().map(Glossary.Term::id).toList());
        assertTrue(Glossary.forSetting("train").isEmpty());
    }
}
