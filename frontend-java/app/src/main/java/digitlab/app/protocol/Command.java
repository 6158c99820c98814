package digitlab.app.protocol;

import org.teavm.jso.JSObject;
import org.teavm.jso.JSProperty;
import org.teavm.jso.typedarrays.ArrayBuffer;
import org.teavm.jso.typedarrays.Float32Array;
import org.teavm.jso.typedarrays.Int32Array;

/**
 * A message from the page to the training worker, built by {@link Commands}. {@link #getType()} says which
 * command; a command with fields has its own interface below, one field per meaning: the page sets them all
 * (so none is ever undefined) and the worker casts to the interface of the type it got. The benchmark page
 * (web/bench/page.js) sends {@link Benchmark} commands too.
 */
public interface Command extends JSObject {
    /** (Re)builds the network from a run configuration; the weights start afresh: {@link Configure}. */
    String CONFIGURE = "configure";
    /** Trains continuously until paused or stopped. */
    String TRAIN = "train";
    /** Stops after the current chunk of steps. */
    String PAUSE = "pause";
    /** Exactly one training step (one mini-batch). */
    String STEP = "step";
    /** Changes the learning rate without touching the weights: {@link SetLearningRate}. */
    String SET_LEARNING_RATE = "set-lr";
    /** Changes the planned epochs without touching the weights (a finished run can go on): {@link SetEpochs}. */
    String SET_EPOCHS = "set-epochs";
    /** Asks for the activations of every layer for one test image: {@link Inspect}. */
    String INSPECT = "inspect";
    /** Asks for a full evaluation on the test set now. */
    String EVALUATE = "evaluate";
    /** Replaces the network with a model file; training can continue from it: {@link LoadModel}. */
    String LOAD_MODEL = "load-model";
    /** Asks for the current network as a model file (answered by {@link Report.ModelFile}). */
    String EXPORT_MODEL = "export-model";
    /**
     * Once all data is in, trains a separate network for one epoch flat out (no reports on the way) and
     * answers with {@link Report.Benchmark}: {@link Benchmark}.
     */
    String BENCHMARK = "benchmark";
    /** Asks what the network makes of a drawn digit: {@link PredictDrawing}. */
    String PREDICT_DRAWING = "predict-drawing";
    /**
     * The person's own labelled digits to mix into training; they join the running network's training set,
     * and a later Reset builds with the current set: {@link SetPersonalDigits}.
     */
    String SET_PERSONAL_DIGITS = "set-personal-digits";
    /**
     * How many workers train. More than one needs a cross-origin isolated page; elsewhere training stays in
     * one worker: {@link SetWorkers}.
     */
    String SET_WORKERS = "set-workers";
    /** Asks for the network's predicted digit for some training images: {@link ClassifyTraining}. */
    String CLASSIFY_TRAINING = "classify-training";
    /**
     * Asks for the weights around one node of the network diagram (answered by {@link Report.NodeWeights}):
     * {@link NodeWeights}.
     */
    String NODE_WEIGHTS = "node-weights";

    @JSProperty
    String getType();

    /** {@link #CONFIGURE}. */
    interface Configure extends Command {
        /** The run configuration, {@code TrainingConfig.toQuery()}. */
        @JSProperty
        String getQuery();

        @JSProperty
        void setQuery(String value);
    }

    /** {@link #SET_LEARNING_RATE}. */
    interface SetLearningRate extends Command {
        @JSProperty
        double getLearningRate();

        @JSProperty
        void setLearningRate(double value);
    }

    /** {@link #SET_EPOCHS}. */
    interface SetEpochs extends Command {
        /** Epochs (iterations for the full-batch methods) the run plans. */
        @JSProperty
        int getEpochs();

        @JSProperty
        void setEpochs(int value);
    }

    /** {@link #SET_WORKERS}. */
    interface SetWorkers extends Command {
        /** Workers that train, the training worker included; 0 = automatic. */
        @JSProperty
        int getWorkers();

        @JSProperty
        void setWorkers(int value);
    }

    /** {@link #INSPECT}. */
    interface Inspect extends Command {
        /** Index of the test image. */
        @JSProperty
        int getImage();

        @JSProperty
        void setImage(int value);
    }

    /** {@link #NODE_WEIGHTS}. */
    interface NodeWeights extends Command {
        /** The node's layer, 0 = the input. */
        @JSProperty
        int getLayer();

        @JSProperty
        void setLayer(int value);

        /** The node within its layer: a pixel, a unit or a channel ({@code DiagramNodes}). */
        @JSProperty
        int getNode();

        @JSProperty
        void setNode(int value);
    }

    /** {@link #LOAD_MODEL}. */
    interface LoadModel extends Command {
        /** The model file's bytes (transferred). */
        @JSProperty
        ArrayBuffer getModelFile();

        @JSProperty
        void setModelFile(ArrayBuffer value);
    }

    /** {@link #BENCHMARK}. */
    interface Benchmark extends Command {
        /** The run configuration to measure. */
        @JSProperty
        String getQuery();

        @JSProperty
        void setQuery(String value);

        /** Workers to train on; 0 or 1: one. */
        @JSProperty
        int getWorkers();

        @JSProperty
        void setWorkers(int value);
    }

    /** {@link #PREDICT_DRAWING}. */
    interface PredictDrawing extends Command {
        /** The drawing, preprocessed: the network's 784 inputs in [0, 1]. */
        @JSProperty
        Float32Array getInput();

        @JSProperty
        void setInput(Float32Array value);
    }

    /** {@link #SET_PERSONAL_DIGITS}. */
    interface SetPersonalDigits extends Command {
        /** The digits in the shard format. */
        @JSProperty
        ArrayBuffer getDigitsFile();

        @JSProperty
        void setDigitsFile(ArrayBuffer value);
    }

    /** {@link #CLASSIFY_TRAINING}. */
    interface ClassifyTraining extends Command {
        /** Indices of the training images. */
        @JSProperty
        Int32Array getImages();

        @JSProperty
        void setImages(Int32Array value);
    }
}
