package digitlab.core.train;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import digitlab.core.bench.Benchmark;
import digitlab.core.data.Digits;
import digitlab.core.nn.TestDigits;
import digitlab.core.run.TrainingConfig;
import digitlab.core.train.parallel.InlineReplica;
import org.junit.jupiter.api.Test;

/**
 * Learning on the real MNIST files (installed by {@code npm ci} in web/; the tests fail, not skip, if they
 * are missing). Each run takes a few seconds on one core.
 */
class MnistLearningTest {
    @Test
    void reluNetworkWithMomentumReaches975PercentInThreeEpochs() {
        Digits train = TestDigits.mnistTrain();
        Digits test = TestDigits.mnistTest();
        assertEquals(60000, train.count());
        assertEquals(10000, test.count());
        TrainingConfig config = TrainingConfig.fromQuery("layers=784,128,10&act=relu&loss=softmax&opt=momentum"
                + "&lr=0.05&momentum=0.9&sched=cosine&batch=32&init=he&seed=1&epochs=3");
        Trainer trainer = new Trainer(config, train, null);
        while (!trainer.status().stopped()) {
            trainer.runEpoch();
        }
        assertEquals(TrainingStatus.FINISHED, trainer.status());
        assertEquals(3, trainer.epoch());
        double accuracy = trainer.evaluate(test).accuracy();
        assertTrue(accuracy >= 0.975, "test accuracy " + accuracy);
    }

    @Test
    void smallConvolutionalNetworkReaches95PercentOnAThirdOfAnEpoch() {
        // One convolution of 8 5x5 filters, a 2x2 max-pool, softmax: 96.1% measured after 20,000 examples.
        TrainingConfig config = TrainingConfig.fromQuery(
                "layers=784,c8k5,p2,10&act=relu&opt=adam&lr=0.002&seed=1&train=20000&valid=0&epochs=1");
        Trainer trainer = new Trainer(config, TestDigits.mnistTrain(), null);
        trainer.runEpoch();
        assertEquals(20000, trainer.examplesSeen());
        double accuracy = trainer.evaluate(TestDigits.mnistTest()).accuracy();
        assertTrue(accuracy >= 0.95, "test accuracy " + accuracy);
    }

    @Test
    void tutorialNetworkWithLogisticCostAndLbfgsReaches93Percent() {
        // The classic tutorial set-up (ex4): 25 sigmoid hidden units, sigmoid outputs with the logistic
        // cost, lambda = 1, the tutorial's uniform initialisation, L-BFGS on a subset of the training set.
        TrainingConfig config = TrainingConfig.fromQuery("layers=784,25,10&act=sigmoid&loss=logistic&opt=lbfgs"
                + "&lambda=1&init=uniform&seed=1&train=20000&epochs=60");
        Trainer trainer = new Trainer(config, TestDigits.mnistTrain(), null);
        double firstCost = Double.NaN;
        while (!trainer.status().stopped()) {
            trainer.trainRound();
            if (trainer.epoch() == 1) {
                firstCost = trainer.lastLoss();
            }
        }
        assertEquals(TrainingStatus.FINISHED, trainer.status());
        assertTrue(trainer.lastLoss() < firstCost / 5, "cost " + firstCost + " -> " + trainer.lastLoss());
        double accuracy = trainer.evaluate(TestDigits.mnistTest()).accuracy();
        assertTrue(accuracy >= 0.93, "test accuracy " + accuracy);
    }

    @Test
    void twoWorkersLearnAsMuchPerEpochAsOne() {
        // Data-parallel rounds add the replicas' changes (not averages of copies), so one epoch over two
        // workers should reach the single worker's accuracy; averaging measured about 1.4 points lower.
        TrainingConfig config = TrainingConfig.fromQuery(Benchmark.QUERY);
        Trainer single = new Trainer(config, TestDigits.mnistTrain(), null);
        single.runEpoch();
        Trainer pair = new Trainer(config, TestDigits.mnistTrain(), null);
        pair.useReplicas(java.util.List.of(new InlineReplica(config)));
        pair.runEpoch();
        double one = single.evaluate(TestDigits.mnistTest()).accuracy();
        double two = pair.evaluate(TestDigits.mnistTest()).accuracy();
        assertEquals(60000, pair.examplesSeen());
        assertTrue(Math.abs(one - two) <= 0.005, "one worker " + one + ", two workers " + two);
    }
}
