package digitlab.app.worker;

import digitlab.app.browser.Clock;
import digitlab.app.parallel.ReplicaPool;
import digitlab.app.protocol.EnumWire;
import digitlab.app.protocol.Report;
import digitlab.app.protocol.Reports;
import digitlab.core.model.Model;
import digitlab.core.nn.Architecture;
import digitlab.core.nn.ConvLayer;
import digitlab.core.nn.LayerGrammar;
import digitlab.core.nn.Network;
import digitlab.core.run.TrainingConfig;
import digitlab.core.session.Pacing;
import digitlab.core.session.RunPhase;
import digitlab.core.session.RunStatus;
import digitlab.core.session.Speedometer;
import digitlab.core.train.Evaluation;
import digitlab.core.train.Trainer;
import digitlab.core.view.LayerOutline;
import org.teavm.jso.JSObject;
import org.teavm.jso.core.JSArray;
import org.teavm.jso.typedarrays.ArrayBufferView;
import org.teavm.jso.typedarrays.Float32Array;
import org.teavm.jso.typedarrays.Int32Array;
import org.teavm.jso.typedarrays.Int8Array;

/**
 * Packs the worker's state into {@link Report}s and posts them to the page. Each kind of report is built
 * by one method here, which sets every field of its interface; typed arrays are copied from Java arrays in
 * one go and moved to the page, not copied again.
 */
final class Reporter {
    private final ShardData data;
    private final CurrentRun run;
    private final TestScore testScore;
    private final Speedometer speed;
    private final ReplicaPool replicas;
    private final Pacing pacing;
    /** The first layer's weights, reused from report to report while the network keeps its shape. */
    private float[] weightBuffer;
    /** Each convolution's filters, reused likewise. */
    private float[][] filterBuffers;

    Reporter(
            ShardData data,
            CurrentRun run,
            TestScore testScore,
            Speedometer speed,
            ReplicaPool replicas,
            Pacing pacing) {
        this.data = data;
        this.run = run;
        this.testScore = testScore;
        this.speed = speed;
        this.replicas = replicas;
        this.pacing = pacing;
    }

    void error(String message) {
        post(Reports.error(message));
    }

    void data() {
        Report.Data report = Reports.create(Report.DATA);
        report.setLoaded(data.loaded());
        report.setTotal(data.total());
        report.setTrainCount(data.train() == null ? 0 : data.train().count());
        report.setTestCount(data.test() == null ? 0 : data.test().count());
        post(report);
    }

    /** The run's network was built, with fresh weights or the starting model's. */
    void configured() {
        TrainingConfig config = run.config();
        Model model = run.startingModel();
        Report.Configured report = Reports.create(Report.CONFIGURED);
        report.setQuery(config.toQuery());
        report.setParameters(config.architecture().parameterCount());
        report.setLoadedFrom(model == null ? null : RunStatus.modelOrigin(model.metadata()));
        report.setNote(model == null ? null : RunStatus.settingsNote(model));
        post(report);
    }

    /** Where training stands; nothing before there is a network. {@code running}: the worker trains on. */
    void progress(boolean running) {
        pacing.progressSent(Clock.nowMillis());
        Trainer trainer = run.trainer();
        if (trainer == null) {
            return; // the page shows "loading" until the network is built
        }
        Report.Progress report = Reports.create(Report.PROGRESS);
        report.setPhase(EnumWire.name(RunPhase.of(trainer.status(), running, trainer.updates())));
        report.setStatus(EnumWire.name(trainer.status()));
        report.setDivergence(EnumWire.name(trainer.divergence()));
        report.setEpoch(trainer.epoch());
        report.setEpochProgress(trainer.trainCount() == 0 ? 0 : (double) trainer.position() / trainer.trainCount());
        report.setSteps((int) trainer.updates());
        report.setExamplesSeen(trainer.examplesSeen());
        report.setLoss(trainer.lastLoss());
        report.setBatchAccuracy(trainer.lastAccuracy());
        report.setValidationAccuracy(trainer.validationAccuracy());
        report.setValidationSeen(trainer.validationSeen());
        report.setValidationImages(run.config().validationSize());
        // The test accuracy is only measured on the whole test set (see TestScore).
        report.setTestAccuracy(testScore.accuracy());
        report.setTestSeen(testScore.seen());
        report.setTestImages(data.test() == null ? 0 : data.test().count());
        report.setExamplesPerSecond(speed.examplesPerSecond());
        report.setLearningRate(trainer.learningRate());
        report.setWorkers(1 + replicas.alive());
        post(report);
    }

    /**
     * The first layer's weights, for the weights picture, then every convolution's filters; nothing before
     * there is a network.
     */
    void weights() {
        Trainer trainer = run.trainer();
        if (trainer == null) {
            return;
        }
        pacing.weightsSent(Clock.nowMillis());
        Network network = trainer.network();
        int units = network.firstLayerUnits(); // 0 when the first layer is a pool: nothing to picture
        int inputs = network.firstLayerWeightsPerUnit();
        if (weightBuffer == null || weightBuffer.length != inputs * units) {
            weightBuffer = new float[inputs * units];
        }
        if (units > 0) {
            network.copyFirstLayerWeights(weightBuffer);
        }
        boolean conv = network.architecture().layers().spec(1) instanceof ConvLayer.Spec;
        int kernel = conv ? ((ConvLayer.Spec) network.architecture().layers().spec(1)).kernel() : 0;
        // A fresh typed array each time: the page takes ownership of its buffer.
        Float32Array weights = floats(weightBuffer);
        Report.Weights report = Reports.create(Report.WEIGHTS);
        report.setUnits(units);
        report.setInputs(inputs);
        report.setKernel(kernel);
        report.setChannels(conv ? network.architecture().shape(0).channels() : 1);
        report.setWeights(weights);
        post(report, weights);
        filters(network);
    }

    /** Every convolution's filters, one after another (see {@link Report.Filters}). */
    private void filters(Network network) {
        Architecture architecture = network.architecture();
        int convolutions = 0;
        int total = 0;
        for (int l = 1; l < architecture.layerCount(); l++) {
            if (architecture.layers().spec(l) instanceof ConvLayer.Spec) {
                convolutions++;
                total += network.units(l) * network.weightsPerUnit(l);
            }
        }
        if (filterBuffers == null || filterBuffers.length != convolutions) {
            filterBuffers = new float[convolutions][];
        }
        int[] shapes = new int[4 * convolutions];
        Float32Array weights = new Float32Array(total);
        int c = 0;
        int at = 0;
        for (int l = 1; l < architecture.layerCount(); l++) {
            if (architecture.layers().spec(l) instanceof ConvLayer.Spec spec) {
                int size = network.units(l) * network.weightsPerUnit(l);
                if (filterBuffers[c] == null || filterBuffers[c].length != size) {
                    filterBuffers[c] = new float[size];
                }
                network.copyWeightsByUnit(l, filterBuffers[c]);
                weights.set(filterBuffers[c], at);
                shapes[4 * c] = l;
                shapes[4 * c + 1] = spec.filters();
                shapes[4 * c + 2] = architecture.shape(l - 1).channels();
                shapes[4 * c + 3] = spec.kernel();
                at += size;
                c++;
            }
        }
        Int32Array shapeArray = ints(shapes);
        Report.Filters report = Reports.create(Report.FILTERS);
        report.setFilterShapes(shapeArray);
        report.setWeights(weights);
        post(report, shapeArray, weights);
    }

    /** A test-set evaluation: the accuracy, the confusion matrix and the mistakes with their outputs. */
    void evaluation(Evaluation evaluation) {
        int[][] confusion = evaluation.confusion();
        int classes = confusion.length;
        int[] counts = new int[classes * classes];
        for (int t = 0; t < classes; t++) {
            System.arraycopy(confusion[t], 0, counts, t * classes, classes);
        }
        int[] wrong = evaluation.misclassified();
        float[] outputs = new float[wrong.length * classes];
        for (int w = 0; w < wrong.length; w++) {
            System.arraycopy(evaluation.misclassifiedOutput(w), 0, outputs, w * classes, classes);
        }
        Int32Array confusionArray = ints(counts);
        Int32Array mistakes = ints(wrong);
        Float32Array mistakeOutputs = floats(outputs);
        Report.Evaluation report = Reports.create(Report.EVALUATION);
        report.setAccuracy(evaluation.accuracy());
        report.setClasses(classes);
        report.setConfusion(confusionArray);
        report.setMistakes(mistakes);
        report.setMistakeOutputs(mistakeOutputs);
        post(report, confusionArray, mistakes, mistakeOutputs);
    }

    /** Every layer's activations (input first) for test image {@code image}. */
    void inspection(int image, int label, Architecture architecture, float[] activations) {
        Int32Array sizes = ints(architecture.sizes());
        Int32Array shapes = ints(LayerOutline.shapeInts(architecture.layers()));
        Float32Array values = floats(activations);
        Report.Inspection report = Reports.create(Report.INSPECTION);
        report.setImage(image);
        report.setLabel(label);
        report.setLayerSizes(sizes);
        report.setLayers(LayerGrammar.format(architecture.layers(), ','));
        report.setLayerShapes(shapes);
        report.setActivations(values);
        post(report, sizes, shapes, values);
    }

    /** What the network makes of a drawing: every layer's activations, the output's probabilities last. */
    void drawing(Architecture architecture, float[] activations) {
        Int32Array sizes = ints(architecture.sizes());
        Int32Array shapes = ints(LayerOutline.shapeInts(architecture.layers()));
        Float32Array values = floats(activations);
        Report.Drawing report = Reports.create(Report.DRAWING);
        report.setLayerSizes(sizes);
        report.setLayers(LayerGrammar.format(architecture.layers(), ','));
        report.setLayerShapes(shapes);
        report.setActivations(values);
        post(report, sizes, shapes, values);
    }

    /** The weights around one node of the network diagram. */
    void nodeWeights(Architecture architecture, int layer, int node, float[] incoming, float[] outgoing) {
        Float32Array in = floats(incoming);
        Float32Array out = floats(outgoing);
        Report.NodeWeights report = Reports.create(Report.NODE_WEIGHTS);
        report.setLayers(LayerGrammar.format(architecture.layers(), ','));
        report.setLayer(layer);
        report.setNode(node);
        report.setIncoming(in);
        report.setOutgoing(out);
        post(report, in, out);
    }

    /** The predicted digit of each training image the page asked about, in its order. */
    void predictions(int[] predicted) {
        Int32Array classes = ints(predicted);
        Report.Predictions report = Reports.create(Report.PREDICTIONS);
        report.setPredicted(classes);
        post(report, classes);
    }

    void benchmark(
            String query, double examplesPerSecond, double examplesSeen, double accuracy, double loss, int workers) {
        Report.Benchmark report = Reports.create(Report.BENCHMARK);
        report.setQuery(query);
        report.setExamplesPerSecond(examplesPerSecond);
        report.setExamplesSeen(examplesSeen);
        report.setAccuracy(accuracy);
        report.setLoss(loss);
        report.setWorkers(workers);
        post(report);
    }

    /** A model file, with the run settings and test accuracy (NaN if not measured) it was saved with. */
    void model(byte[] file, String query, double accuracy) {
        Int8Array bytes = new Int8Array(file.length);
        bytes.set(file);
        Report.ModelFile report = Reports.create(Report.MODEL);
        report.setModelFile(bytes.getBuffer());
        report.setQuery(query);
        report.setAccuracy(accuracy);
        post(report, bytes);
    }

    private static Int32Array ints(int[] values) {
        Int32Array array = new Int32Array(values.length);
        array.set(values);
        return array;
    }

    private static Float32Array floats(float[] values) {
        Float32Array array = new Float32Array(values.length);
        array.set(values);
        return array;
    }

    /** Posts {@code report}, moving the buffers of {@code transfer} to the page. */
    private static void post(Report report, ArrayBufferView... transfer) {
        JSArray<JSObject> buffers = new JSArray<>();
        for (ArrayBufferView view : transfer) {
            buffers.push(view.getBuffer());
        }
        WorkerPort.post(report, buffers);
    }
}
