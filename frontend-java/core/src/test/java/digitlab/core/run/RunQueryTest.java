package digitlab.core.run;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class RunQueryTest {
    @Test
    void readsTheConfigurationAndIgnoresPageParameters() {
        RunQuery query = new RunQuery("layers=784,64,10&target=wasm&opt=sgd&lr=0.1&model=abc");
        TrainingConfig config = query.config();
        assertEquals("784,64,10", config.toMap().get("layers"));
        assertEquals("sgd", config.toMap().get("opt"));
        assertEquals(0.1f, config.learningRate());
    }

    @Test
    void layersThatReadNoDigitPictureTakeTheDefaultAndTheRestApplies() {
        List<String> problems = new ArrayList<>();
        TrainingConfig config = new RunQuery("layers=401,25,10&seed=5&act=sigmoid").config(problems);
        assertEquals(TrainingConfig.defaults().layers(), config.layers());
        assertEquals(5, config.seed());
        assertEquals(1, problems.size(), problems.toString());
        assertTrue(
                problems.get(0).startsWith("layers '401,25,10': it takes 401 inputs, but a digit is 28x28 = 784"),
                problems.get(0));

        problems.clear();
        TrainingConfig boxed = new RunQuery("layers=400,25,10&act=sigmoid&loss=logistic").config(problems);
        assertEquals(List.of(), problems);
        assertEquals("400,25,10", boxed.toMap().get("layers"));
    }

    @Test
    void emptyQueryGivesTheDefaults() {
        assertEquals(TrainingConfig.defaults(), new RunQuery("").config());
    }

    @Test
    void rewritingKeepsThePageParametersAndRoundTrips() {
        RunQuery query = new RunQuery("target=js&layers=784,32,10");
        TrainingConfig next = TrainingConfig.defaults().with(RunSettings.SEED, 7);
        String rewritten = query.with(next);
        assertTrue(rewritten.endsWith("&target=js"), rewritten);
        assertEquals(next, new RunQuery(rewritten).config());
    }

    @Test
    void badValuesAreReportedByName() {
        IllegalArgumentException e =
                assertThrows(IllegalArgumentException.class, () -> new RunQuery("batch=zero").config());
        assertTrue(e.getMessage().contains("batch"), e.getMessage());
    }

    @Test
    void pageParametersCanBeReadSetAndRemoved() {
        RunQuery query = new RunQuery("model=abc&layers=784,32,10");
        assertEquals("abc", query.pageParam("model"));
        query.setPageParam("model", null);
        TrainingConfig config = query.config();
        assertEquals(config.toQuery(), query.with(config));
        query.setPageParam("target", "js");
        assertTrue(query.with(config).endsWith("&target=js"));
        assertThrows(IllegalArgumentException.class, () -> query.setPageParam("layers", "1"));
    }

    @Test
    void workersAreAutomaticOrACount() {
        assertEquals(0, new RunQuery("layers=784,10").workers());
        assertEquals(0, new RunQuery("workers=auto").workers());
        assertEquals(2, new RunQuery("workers=2&layers=784,10").workers());
        assertEquals(8, new RunQuery("workers=8").workers());
        for (String bad : new String[] {"0", "9", "-1", "two", "", "1e1", "002x", "100"}) {
            IllegalArgumentException e =
                    assertThrows(IllegalArgumentException.class, () -> new RunQuery("workers=" + bad).workers(), bad);
            assertTrue(e.getMessage().contains("workers must be auto or 1 to 8"), e.getMessage());
        }
    }
}
