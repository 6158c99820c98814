package digitlab.app.protocol;

import digitlab.core.session.RunPhase;
import digitlab.core.train.Divergence;
import digitlab.core.train.TrainingStatus;
import org.teavm.jso.JSObject;
import org.teavm.jso.JSProperty;
import org.teavm.jso.typedarrays.ArrayBuffer;
import org.teavm.jso.typedarrays.Float32Array;
import org.teavm.jso.typedarrays.Int32Array;

/**
 * A message from the training worker to the page. {@link #getType()} says which kind; each kind has its
 * own interface below, one field per meaning: the worker creates a report with {@link Reports#create}, sets
 * every field of its kind (so none is ever undefined, which the JS build would read as the text
 * "undefined"), and the page casts to the interface of the type it got. Typed arrays are transferred, not
 * copied.
 *
 * <p>Longer than most classes here because it is the whole worker-to-page protocol on one page: each field
 * has a getter (the page reads) and a setter (the worker writes), so its name is written once.
 */
public interface Report extends JSObject {
    /** The type of a {@link Data} report. */
    String DATA = "data";
    /** The type of a {@link Configured} report. */
    String CONFIGURED = "configured";
    /** The type of a {@link Progress} report. */
    String PROGRESS = "progress";
    /** The type of a {@link Weights} report. */
    String WEIGHTS = "weights";
    /** The type of a {@link Filters} report. */
    String FILTERS = "filters";
    /** The type of a {@link Evaluation} report. */
    String EVALUATION = "evaluation";
    /** The type of a {@link Inspection} report. */
    String INSPECTION = "inspection";
    /** The type of a {@link ModelFile} report. */
    String MODEL = "model";
    /** The type of a {@link Predictions} report. */
    String PREDICTIONS = "predictions";
    /** The type of a {@link Benchmark} report. */
    String BENCHMARK = "benchmark";
    /** The type of a {@link Drawing} report. */
    String DRAWING = "drawing";
    /** The type of a {@link NodeWeights} report. */
    String NODE_WEIGHTS = "node-weights";
    /** The type of a {@link Failure} report. */
    String ERROR = "error";

    @JSProperty
    String getType();

    /** {@link #DATA}: shard loading. */
    interface Data extends Report {
        /** Shards downloaded so far. */
        @JSProperty
        int getLoaded();

        @JSProperty
        void setLoaded(int value);

        /** Shards in the manifest. */
        @JSProperty
        int getTotal();

        @JSProperty
        void setTotal(int value);

        /** Training images in so far. */
        @JSProperty
        int getTrainCount();

        @JSProperty
        void setTrainCount(int value);

        /** Test images in so far. */
        @JSProperty
        int getTestCount();

        @JSProperty
        void setTestCount(int value);
    }

    /** {@link #CONFIGURED}: the network was (re)built. */
    interface Configured extends Report {
        /** The run configuration, normalised ({@code TrainingConfig.toQuery()}). */
        @JSProperty
        String getQuery();

        @JSProperty
        void setQuery(String value);

        /** Weights and biases of the network. */
        @JSProperty
        int getParameters();

        @JSProperty
        void setParameters(int value);

        /** Null for fresh weights, else a description of the model file they came from. */
        @JSProperty
        String getLoadedFrom();

        @JSProperty
        void setLoadedFrom(String value);

        /** Null, or a sentence on the loaded file's run settings that did not (all) apply. */
        @JSProperty
        String getNote();

        @JSProperty
        void setNote(String value);
    }

    /**
     * {@link #PROGRESS}: training progress, several times a second while training and once after every
     * command, once there is a network (until then the page shows {@link RunPhase#LOADING}).
     */
    interface Progress extends Report {
        /** {@link RunPhase} by name: written and read by {@link EnumWire}, as are the next two. */
        @JSProperty
        String getPhase();

        @JSProperty
        void setPhase(String value);

        /** The trainer's {@link TrainingStatus} by name: why a {@link RunPhase#STOPPED} run stopped. */
        @JSProperty
        String getStatus();

        @JSProperty
        void setStatus(String value);

        /** A diverged run's {@link Divergence} by name, else null. */
        @JSProperty
        String getDivergence();

        @JSProperty
        void setDivergence(String value);

        /** Epochs done (iterations for the full-batch methods). */
        @JSProperty
        int getEpoch();

        @JSProperty
        void setEpoch(int value);

        /** Fraction of the current epoch done, 0..1. */
        @JSProperty
        double getEpochProgress();

        @JSProperty
        void setEpochProgress(double value);

        /** Weight updates so far. */
        @JSProperty
        int getSteps();

        @JSProperty
        void setSteps(int value);

        @JSProperty
        double getExamplesSeen();

        @JSProperty
        void setExamplesSeen(double value);

        /** Cost of the last step's mini-batch. */
        @JSProperty
        double getLoss();

        @JSProperty
        void setLoss(double value);

        /** Accuracy on the last step's mini-batch. */
        @JSProperty
        double getBatchAccuracy();

        @JSProperty
        void setBatchAccuracy(double value);

        /** Accuracy on the validation images (held out of training), NaN until measured. */
        @JSProperty
        double getValidationAccuracy();

        @JSProperty
        void setValidationAccuracy(double value);

        /** Examples seen when the validation accuracy was measured. */
        @JSProperty
        double getValidationSeen();

        @JSProperty
        void setValidationSeen(double value);

        /** Validation images (0 when the run holds none out). */
        @JSProperty
        int getValidationImages();

        @JSProperty
        void setValidationImages(int value);

        /** Accuracy on the whole test set after the last full evaluation, NaN until then. */
        @JSProperty
        double getTestAccuracy();

        @JSProperty
        void setTestAccuracy(double value);

        /** Examples seen when the test accuracy was measured. */
        @JSProperty
        double getTestSeen();

        @JSProperty
        void setTestSeen(double value);

        /** Images the test accuracy was measured on: the whole test set. */
        @JSProperty
        int getTestImages();

        @JSProperty
        void setTestImages(int value);

        @JSProperty
        double getExamplesPerSecond();

        @JSProperty
        void setExamplesPerSecond(double value);

        @JSProperty
        double getLearningRate();

        @JSProperty
        void setLearningRate(double value);

        /** Workers training in parallel (1 without data parallelism). */
        @JSProperty
        int getWorkers();

        @JSProperty
        void setWorkers(int value);
    }

    /**
     * {@link #WEIGHTS}: the first layer's weights. A dense unit's row is a picture of the input; a
     * convolution's filter is {@code channels} pictures of {@code kernel x kernel}.
     */
    interface Weights extends Report {
        /** Rows: the first hidden layer's units (a convolution's filters). */
        @JSProperty
        int getUnits();

        @JSProperty
        void setUnits(int value);

        /** Floats per row: the inputs of a dense unit, {@code channels * kernel * kernel} for a filter. */
        @JSProperty
        int getInputs();

        @JSProperty
        void setInputs(int value);

        /** 0 for a dense first layer, else the side of the convolution's square filters. */
        @JSProperty
        int getKernel();

        @JSProperty
        void setKernel(int value);

        /** Input channels of each filter: 1 for a dense first layer. */
        @JSProperty
        int getChannels();

        @JSProperty
        void setChannels(int value);

        /** {@code units} rows of {@code inputs} floats (transferred). */
        @JSProperty
        Float32Array getWeights();

        @JSProperty
        void setWeights(Float32Array value);
    }

    /**
     * {@link #FILTERS}: the filters of every convolution, sent with each {@link Weights} report (no layers
     * for a network without convolutions).
     */
    interface Filters extends Report {
        /**
         * Four ints per convolution, bottom up: its layer (1 = first above the input), filters, input
         * channels and kernel side (transferred).
         */
        @JSProperty
        Int32Array getFilterShapes();

        @JSProperty
        void setFilterShapes(Int32Array value);

        /**
         * The convolutions' weights one after another, each filter by filter, a filter channel by channel,
         * a channel a row-major {@code kernel x kernel} picture (transferred).
         */
        @JSProperty
        Float32Array getWeights();

        @JSProperty
        void setWeights(Float32Array value);
    }

    /** {@link #EVALUATION}: a test-set evaluation. */
    interface Evaluation extends Report {
        @JSProperty
        double getAccuracy();

        @JSProperty
        void setAccuracy(double value);

        /** Classes of the network's output: the confusion matrix is {@code classes} by {@code classes}. */
        @JSProperty
        int getClasses();

        @JSProperty
        void setClasses(int value);

        /** The confusion counts row by row: row = true class, column = predicted (transferred). */
        @JSProperty
        Int32Array getConfusion();

        @JSProperty
        void setConfusion(Int32Array value);

        /** Test-set indices of the misclassified images, ascending (transferred). */
        @JSProperty
        Int32Array getMistakes();

        @JSProperty
        void setMistakes(Int32Array value);

        /** The network's outputs for mistake {@code i} at {@code [i * classes ..]} (transferred). */
        @JSProperty
        Float32Array getMistakeOutputs();

        @JSProperty
        void setMistakeOutputs(Float32Array value);
    }

    /** What the network computed for one image, layer by layer: the body of an inspection and a drawing. */
    interface LayerActivations extends Report {
        /** Units per layer, the input first (transferred). */
        @JSProperty
        Int32Array getLayerSizes();

        @JSProperty
        void setLayerSizes(Int32Array value);

        /** The layers as the {@code layers} setting writes them, e.g. {@code 784,c8k5,p2,10}: their kinds. */
        @JSProperty
        String getLayers();

        @JSProperty
        void setLayers(String value);

        /**
         * Each layer's shape, the input first: channels, height, width ({@code LayerOutline.shapeInts})
         * (transferred).
         */
        @JSProperty
        Int32Array getLayerShapes();

        @JSProperty
        void setLayerShapes(Int32Array value);

        /** Every layer's activations, the input first, the output last (transferred). */
        @JSProperty
        Float32Array getActivations();

        @JSProperty
        void setActivations(Float32Array value);
    }

    /** {@link #INSPECTION}: every layer's activations for one test image. */
    interface Inspection extends LayerActivations {
        /** Index of the test image. */
        @JSProperty
        int getImage();

        @JSProperty
        void setImage(int value);

        /** Its true digit. */
        @JSProperty
        int getLabel();

        @JSProperty
        void setLabel(int value);
    }

    /** {@link #MODEL}: the network as a model file. */
    interface ModelFile extends Report {
        /** The file's bytes (transferred). */
        @JSProperty
        ArrayBuffer getModelFile();

        @JSProperty
        void setModelFile(ArrayBuffer value);

        /** The run configuration it was trained with. */
        @JSProperty
        String getQuery();

        @JSProperty
        void setQuery(String value);

        /** Its test accuracy, NaN if not measured. */
        @JSProperty
        double getAccuracy();

        @JSProperty
        void setAccuracy(double value);
    }

    /** {@link #PREDICTIONS}: predicted digits for training images. */
    interface Predictions extends Report {
        /** One class per requested training image, in request order (transferred). */
        @JSProperty
        Int32Array getPredicted();

        @JSProperty
        void setPredicted(Int32Array value);
    }

    /** {@link #BENCHMARK}: a benchmark epoch; the benchmark page (web/bench/page.js) reads these fields. */
    interface Benchmark extends Report {
        /** The run configuration measured. */
        @JSProperty
        String getQuery();

        @JSProperty
        void setQuery(String value);

        @JSProperty
        double getExamplesPerSecond();

        @JSProperty
        void setExamplesPerSecond(double value);

        @JSProperty
        double getExamplesSeen();

        @JSProperty
        void setExamplesSeen(double value);

        /** On the test set, after the epoch. */
        @JSProperty
        double getAccuracy();

        @JSProperty
        void setAccuracy(double value);

        /** The epoch's mean cost. */
        @JSProperty
        double getLoss();

        @JSProperty
        void setLoss(double value);

        /** Workers that trained. */
        @JSProperty
        int getWorkers();

        @JSProperty
        void setWorkers(int value);
    }

    /** {@link #DRAWING}: what the network makes of a drawn digit. */
    interface Drawing extends LayerActivations {}

    /** {@link #NODE_WEIGHTS}: the weights around one node of the network diagram ({@code UnitLinks}). */
    interface NodeWeights extends Report {
        /** The network's layers ({@code 784,128,10}), so the page can tell an answer about an older network. */
        @JSProperty
        String getLayers();

        @JSProperty
        void setLayers(String value);

        @JSProperty
        int getLayer();

        @JSProperty
        void setLayer(int value);

        @JSProperty
        int getNode();

        @JSProperty
        void setNode(int value);

        /** The node's own incoming weights; empty for the input and a pool (transferred). */
        @JSProperty
        Float32Array getIncoming();

        @JSProperty
        void setIncoming(Float32Array value);

        /** One weight to each node of the next layer; empty out of the output or into a pool (transferred). */
        @JSProperty
        Float32Array getOutgoing();

        @JSProperty
        void setOutgoing(Float32Array value);
    }

    /** {@link #ERROR}: something failed; the worker boot scripts (web/js/worker-*.js) send these too. */
    interface Failure extends Report {
        /** What failed, as a sentence for the page. */
        @JSProperty
        String getMessage();

        @JSProperty
        void setMessage(String value);
    }
}
