package digitlab.core.run;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import digitlab.core.data.InputFrame;
import digitlab.core.nn.LayerGrammar;
import digitlab.core.nn.Loss;
import digitlab.core.nn.optim.OptimizerKind;
import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;

class PresetsTest {
    @Test
    void everyPresetIsAValidRunWithItsOwnIdAndAReason() {
        Set<String> ids = new HashSet<>();
        for (Preset preset : Presets.ALL) {
            assertTrue(ids.add(preset.id()), preset.id());
            assertTrue(preset.why().endsWith("."), preset.why());
            TrainingConfig config = preset.config();
            assertEquals(preset, Presets.matching(config), preset.id());
            assertEquals(preset, Presets.byId(preset.id()));
        }
        assertNull(Presets.matching(TrainingConfig.defaults().with(RunSettings.SEED, 9)));
    }

    @Test
    void theClassicTutorialIsNgsExercise() {
        TrainingConfig classic = Presets.byId("classic").config();
        assertEquals("784-25-10 sigmoid logistic", classic.architecture().toString());
        assertEquals(Loss.SIGMOID_CROSS_ENTROPY, classic.loss());
        assertEquals(OptimizerKind.LBFGS, classic.optimizer());
        assertEquals(1f, classic.lambda());
    }

    @Test
    void theTwentyByTwentyTutorialReadsTheDigitBox() {
        TrainingConfig classic = Presets.byId("classic").config();
        TrainingConfig boxed = Presets.byId("classic-20").config();
        assertEquals("400-25-10 sigmoid logistic", boxed.architecture().toString());
        assertEquals(InputFrame.DIGIT_BOX, InputFrame.of(boxed.architecture()));
        assertEquals(
                classic.with(RunSettings.LAYERS, LayerGrammar.parse("400,25,10")), boxed, "only the input differs");
    }

    @Test
    void theCnnPresetsAreConvolutionalNetworks() {
        TrainingConfig convnetjs = Presets.byId("convnetjs").config();
        assertEquals("784,c8k5,p2,c16k5,p3,10", convnetjs.layers().toString());
        assertEquals(5994, convnetjs.layers().parameterCount());
        assertEquals(OptimizerKind.ADAM, convnetjs.optimizer());
        TrainingConfig best = Presets.byId("best-cnn").config();
        assertTrue(best.layers().toString().contains(",c"), best.layers().toString());
        assertEquals(Loss.SOFTMAX_CROSS_ENTROPY, best.loss());
    }
}
