package digitlab.core.share;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import digitlab.core.run.RunQuery;
import digitlab.core.run.TrainingConfig;
import org.junit.jupiter.api.Test;

class ShareLinkTest {
    private static final String ID = "Ab3_-xYz0123456789ABCD";

    @Test
    void theLinkIsThePageAndTheModelIdOnly() {
        assertEquals("http://localhost:8080/?model=" + ID, ShareLink.url("http://localhost:8080/", ID, Lesson.NONE));
        assertTrue(ShareLink.url("https://lab.example.org/digits/", ID, Lesson.NONE)
                        .length()
                < 80);
    }

    @Test
    void theShortLinkNamesTheModelAndNoSettings() {
        RunQuery opened = new RunQuery(ShareLink.query(ID, Lesson.NONE));
        assertEquals(ID, opened.pageParam(ShareLink.MODEL));
        // The page starts from the defaults and takes the settings from the model file when it arrives.
        assertEquals(TrainingConfig.defaults(), opened.config());
    }

    @Test
    void anOldLongLinkStillNamesTheModelAndItsSettings() {
        RunQuery opened = new RunQuery("model=" + ID + "&layers=784,32,10&opt=momentum&lr=0.02&target=js");
        assertEquals(ID, opened.pageParam(ShareLink.MODEL));
        assertEquals("784,32,10", opened.config().toMap().get("layers"));
        assertEquals(0.02f, opened.config().learningRate());
    }

    @Test
    void onlyBase64UrlIdsOfTheRightLengthAreModelIds() {
        assertTrue(ShareLink.isModelId(ID));
        for (String bad : new String[] {"", "abc", ID + "A", ID.substring(1) + "/", ID.substring(1) + "=", null}) {
            assertFalse(ShareLink.isModelId(bad), bad);
        }
        assertThrows(IllegalArgumentException.class, () -> ShareLink.query("../etc/passwd", Lesson.NONE));
    }
}
