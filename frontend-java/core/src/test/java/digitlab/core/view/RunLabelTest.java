package digitlab.core.view;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import digitlab.core.run.TrainingConfig;
import org.junit.jupiter.api.Test;

class RunLabelTest {
    private static TrainingConfig run(String query) {
        return TrainingConfig.fromQuery(query);
    }

    @Test
    void namesTheSeedLearningRateAndLayersThatDiffer() {
        TrainingConfig current = run("layers=784,128,10&seed=2&lr=0.001");
        assertEquals("run 1: seed 1", new RunLabel(1, run("layers=784,128,10&seed=1&lr=0.001")).against(current));
        assertEquals("run 2: lr 0.01", new RunLabel(2, run("layers=784,128,10&seed=2&lr=0.01")).against(current));
        assertEquals(
                "run 3: layers 784-64-10, seed 5",
                new RunLabel(3, run("layers=784,64,10&seed=5&lr=0.001")).against(current));
    }

    @Test
    void runsWithTheSameSettingsStillHaveTheirOwnLabel() {
        TrainingConfig same = run("seed=4");
        String first = new RunLabel(1, same).against(same);
        String second = new RunLabel(2, same).against(same);
        assertEquals("run 1: same settings", first);
        assertNotEquals(first, second);
    }

    @Test
    void aLiveChangeOfTheRateIsPartOfTheLabel() {
        RunLabel label = new RunLabel(1, run("lr=0.001"));
        label.rateChanged(0.01f, 12_345);
        label.rateChanged(0.003f, 40_000);
        assertEquals("run 1: lr 0.001 \u2192 0.01 at 12.3k \u2192 0.003 at 40k", label.against(run("lr=0.001")));
    }

    @Test
    void settingsThatNeitherOptimiserUsesAreLeftOut() {
        // momentum applies to neither Adam nor L-BFGS; the optimiser and its learning rate do differ.
        String label = new RunLabel(1, run("opt=adam&momentum=0.5")).against(run("opt=lbfgs&momentum=0.9"));
        assertEquals("run 1: opt adam, lr 0.001", label);
    }

    @Test
    void manyDifferencesAreCountedNotListed() {
        String label = new RunLabel(1, run("layers=784,32,10&act=sigmoid&seed=3&batch=64&lambda=0.5"))
                .against(run("layers=784,64,10"));
        assertEquals("run 1: layers 784-32-10, act sigmoid, batch 64 and 3 more", label);
    }
}
