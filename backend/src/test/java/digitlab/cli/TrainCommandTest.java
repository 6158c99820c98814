package digitlab.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import digitlab.core.model.Model;
import digitlab.core.run.TrainingConfig;
import digitlab.server.data.SyntheticMnist;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** train on small synthetic MNIST files. */
class TrainCommandTest {
    @TempDir
    Path tmp;

    private final Console console = new Console();

    @Test
    void trainOnSeveralThreads() throws Exception {
        SyntheticMnist.write(tmp.resolve("mnist"), 3000, 200);
        String mnist = tmp.resolve("mnist").toString();
        assertEquals(
                0,
                console.run(
                        Map.of(),
                        "train",
                        "--mnist",
                        mnist,
                        "--layers",
                        "784,16,10",
                        "--optimizer",
                        "sgd",
                        "--epochs",
                        "1",
                        "--workers",
                        "2",
                        "--valid",
                        "500"),
                console.err());
        assertTrue(console.out().contains("with 2 threads"), console.out());
        assertTrue(
                console.out().contains("on 2500 examples"), console.out()); // the last 500 are held out for validation
        assertTrue(console.out().matches("(?s).*epoch 1 .* val_acc=0\\.\\d{4} test_acc=.*"), console.out());
        String[] lines = console.out().trim().split("\n");
        assertTrue(
                lines[lines.length - 1].matches("test_accuracy=\\d\\.\\d{4} examples_per_second=\\d+"), console.out());
        assertEquals(2, console.run(Map.of(), "train", "--mnist", mnist, "--optimizer", "lbfgs", "--workers", "2"));
        assertTrue(console.err().contains("lbfgs trains in one worker"), console.err());
        assertEquals(2, console.run(Map.of(), "train", "--mnist", mnist, "--workers", "0"));
    }

    @Test
    void trainSavesTheRunSettingsInTheModelFile() throws Exception {
        SyntheticMnist.write(tmp.resolve("mnist"), 1000, 100);
        Path file = tmp.resolve("run.dlnn");
        assertEquals(
                0,
                console.run(
                        Map.of(),
                        "train",
                        "--mnist",
                        tmp.resolve("mnist").toString(),
                        "--layers",
                        "784,16,10",
                        "--optimizer",
                        "momentum",
                        "--lr",
                        "0.05",
                        "--seed",
                        "7",
                        "--batch",
                        "64",
                        "--epochs",
                        "1",
                        "--valid",
                        "200",
                        "--out",
                        file.toString()),
                console.err());
        Model saved = Model.fromBytes(Files.readAllBytes(file));
        assertEquals(
                TrainingConfig.fromQuery("layers=784,16,10&opt=momentum&lr=0.05&seed=7&batch=64&epochs=1&valid=200"),
                saved.config());
    }

    @Test
    void trainsAConvolutionalNetworkOnTwoThreadsAndSavesIt() throws Exception {
        SyntheticMnist.write(tmp.resolve("mnist"), 1000, 100);
        String mnist = tmp.resolve("mnist").toString();
        assertEquals(
                0,
                console.run(
                        Map.of(),
                        "train",
                        "--mnist",
                        mnist,
                        "--layers",
                        "784,c4k5,p4,10",
                        "--optimizer",
                        "sgd",
                        "--lr",
                        "0.05",
                        "--epochs",
                        "1",
                        "--valid",
                        "200",
                        "--workers",
                        "2"),
                console.err());
        assertTrue(
                console.out().contains("training 784-c4k5-p4-10 relu softmax on 800 examples with 2 threads"),
                console.out());
        assertTrue(console.out().contains("layers=784,c4k5,p4,10&"), console.out());

        Path file = tmp.resolve("cnn.dlnn");
        assertEquals(
                0,
                console.run(
                        Map.of(),
                        "train",
                        "--mnist",
                        mnist,
                        "--layers",
                        "784,c4k5,p4,10",
                        "--epochs",
                        "1",
                        "--valid",
                        "200",
                        "--out",
                        file.toString()),
                console.err());
        Model saved = Model.fromBytes(Files.readAllBytes(file));
        assertEquals("784-c4k5-p4-10 relu softmax", saved.architecture().toString());
        assertEquals(3, Files.readAllBytes(file)[4], "a network with convolutions is a version 3 file");
        assertEquals(TrainingConfig.fromQuery("layers=784,c4k5,p4,10&epochs=1&valid=200"), saved.config());
    }

    @Test
    void aLayerThatDoesNotFitIsABadOption() {
        assertEquals(2, console.run(Map.of(), "train", "--layers", "784,c8k5,p2,c8k15,10"));
        assertTrue(
                console.err()
                        .contains("'c8k15' (layer 3) on 8x14x14: a 15x15 kernel is larger than its 14x14 input maps"),
                console.err());
    }

    @Test
    void aTwentyByTwentyNetworkTrainsOnTheDigitBoxes() throws Exception {
        SyntheticMnist.write(tmp.resolve("mnist"), 1000, 100);
        String mnist = tmp.resolve("mnist").toString();
        assertEquals(
                0,
                console.run(
                        Map.of(),
                        "train",
                        "--mnist",
                        mnist,
                        "--layers",
                        "400,25,10",
                        "--act",
                        "sigmoid",
                        "--loss",
                        "logistic",
                        "--opt",
                        "lbfgs",
                        "--iters",
                        "3",
                        "--valid",
                        "100"),
                console.err());
        assertTrue(console.out().contains("training 400-25-10 sigmoid logistic on 900 examples"), console.out());
        assertTrue(console.out().contains("iteration 3 "), console.out());
    }

    @Test
    void anInputThatIsNoDigitPictureIsABadOption() {
        assertEquals(2, console.run(Map.of(), "train", "--layers", "401,25,10"));
        assertTrue(
                console.err()
                        .contains("it takes 401 inputs, but a digit is 28x28 = 784 pixels (the MNIST image as it is)"
                                + " or 20x20 = 400 pixels"),
                console.err());
    }
}
