package digitlab.core.share;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import digitlab.core.run.RunQuery;
import digitlab.core.run.RunSettings;
import digitlab.core.run.TrainingConfig;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class LessonTest {
    private static final String ID = "Ab3_-xYz0123456789ABCD";

    @Test
    void aLessonLinkRoundTripsThroughTheAddress() {
        Lesson lesson =
                Lesson.of(List.of(LessonControl.SETTINGS, LessonControl.LAYERS), "Train twice: <b>why</b> 98%?");
        String query = ShareLink.query(ID, lesson);
        assertEquals(
                "model=" + ID + "&hide=layers,settings&note=Train%20twice%3A%20%3Cb%3Ewhy%3C%2Fb%3E%2098%25%3F", query);
        List<String> problems = new ArrayList<>();
        assertEquals(lesson, Lesson.read(new RunQuery(query), problems));
        assertEquals(List.of(), problems);
        assertEquals(ID, new RunQuery(query).pageParam(ShareLink.MODEL));
    }

    @Test
    void noLessonAddsNothingToTheLink() {
        assertEquals("model=" + ID, ShareLink.query(ID, Lesson.NONE));
        assertEquals(Lesson.NONE, Lesson.of(List.of(), "  \n "));
        assertTrue(Lesson.read(new RunQuery("layers=784,10"), new ArrayList<>()).isEmpty());
    }

    @Test
    void theLessonParametersAreThePagesNotTheRunsAndStayInTheAddress() {
        for (String key : new String[] {Lesson.HIDE, Lesson.NOTE, ShareLink.MODEL}) {
            assertNull(RunSettings.byKey(key), key);
        }
        RunQuery query = new RunQuery("model=" + ID + "&hide=layers&note=Hello%20class");
        String rewritten = query.with(TrainingConfig.defaults().with(RunSettings.SEED, 3));
        assertTrue(rewritten.endsWith("&model=" + ID + "&hide=layers&note=Hello%20class"), rewritten);
    }

    @Test
    void unknownNamesAreIgnoredAndNamed() {
        List<String> problems = new ArrayList<>();
        Lesson lesson = Lesson.read(" Layers ,,fancy,settings,<script>", null, problems);
        assertEquals(List.of(LessonControl.LAYERS, LessonControl.SETTINGS), lesson.hidden());
        assertEquals(
                List.of("The lesson link hides 'fancy', '<script>', which this page does not have: ignored (it can"
                        + " hide network, presets, layers, settings, teach, share)."),
                problems);
    }

    @Test
    void aLongNoteIsCutWithAMessageAndNeverSplitsACharacter() {
        List<String> problems = new ArrayList<>();
        String note = "a".repeat(Lesson.MAX_NOTE - 1) + "\uD83D\uDE00 and more";
        Lesson lesson = Lesson.read(null, note, problems);
        assertEquals("a".repeat(Lesson.MAX_NOTE - 1), lesson.note());
        assertEquals(List.of("The lesson note is 290 characters long: only its first 280 are shown."), problems);
        assertThrows(IllegalArgumentException.class, () -> Lesson.of(List.of(), "b".repeat(Lesson.MAX_NOTE + 1)));
        assertEquals(
                Lesson.MAX_NOTE,
                Lesson.of(List.of(), "b".repeat(Lesson.MAX_NOTE)).note().length());
    }

    @Test
    void theNoteIsPlainTextWithItsLineBreaks() {
        Lesson lesson = Lesson.read(null, "  Step 1\r\nStep 2\u0007\n", new ArrayList<>());
        assertEquals("Step 1\nStep 2", lesson.note());
        assertEquals(Map.of(Lesson.NOTE, "Step 1\nStep 2"), lesson.toParams());
        assertEquals(
                "Step 1\nStep 2",
                Lesson.read(new RunQuery(ShareLink.query(ID, lesson)), new ArrayList<>())
                        .note());
    }

    @Test
    void everyControlHasANameALabelAndASelector() {
        for (LessonControl control : LessonControl.values()) {
            assertEquals(control, LessonControl.byId(control.id()));
            assertTrue(control.id().matches("[a-z]+"), control.id());
            assertFalse(control.label().isEmpty());
            assertFalse(control.selector().isEmpty());
        }
        assertTrue(Lesson.of(List.of(LessonControl.SHARE), "").hides(LessonControl.SHARE));
    }
}
