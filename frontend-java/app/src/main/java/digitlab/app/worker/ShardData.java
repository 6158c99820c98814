package digitlab.app.worker;

import digitlab.app.data.ShardLoader;
import digitlab.core.data.Digits;
import digitlab.core.data.InputFrame;
import digitlab.core.data.ShardOrder;
import digitlab.core.train.HeldOut;
import java.util.ArrayList;
import java.util.List;
import org.teavm.jso.typedarrays.Int8Array;

/**
 * The MNIST images as they stream in: the manifest, the downloads in {@link ShardOrder}, and each arrived
 * shard decoded into the test set or the training set. Training shards queue up until
 * {@link #absorbTraining} joins them in one copy, so the worker decides when the training set grows. The
 * last validation-size training images are held out of training ({@link HeldOut}); they are the last
 * training shard.
 */
final class ShardData {
    private ShardLoader manifest;
    private ShardOrder order;
    /** The MNIST training images joined so far: the first shards of the manifest, in its order. */
    private Digits train;
    /** Training shards that arrived but are not in {@link #train} yet. */
    private final List<Digits> pendingTrain = new ArrayList<>();

    private Digits test;
    /** {@link #train} and {@link #test} as a 20x20 network reads them, converted as they arrive. */
    private final FramedImages framedTrain = new FramedImages();

    private final FramedImages framedTest = new FramedImages();
    private int loaded;
    private int trainShardsIn;
    private int testShardsIn;

    /** Reads the manifest (waits for it); first of all. */
    void open() {
        manifest = ShardLoader.open(ShardLoader.FROM_WORKER);
        order = new ShardOrder(manifest.trainShards(), manifest.testShards());
    }

    /** Starts downloading every shard; each arrives in the worker's inbox as a {@link ShardStream.Arrival}. */
    void startDownloads() {
        String[] urls = new String[order.size()];
        for (int place = 0; place < urls.length; place++) {
            int shard = order.shard(place);
            urls[place] = order.isTrain(place) ? manifest.trainUrl(shard) : manifest.testUrl(shard);
        }
        ShardStream.start(urls, order.head()); // one training and one test shard first: enough to start
    }

    /**
     * Decodes a downloaded shard into the test set, or into the queue of training shards.
     *
     * @throws IllegalStateException if it holds another number of images than the manifest says
     */
    void accept(ShardStream.Arrival arrival) {
        int place = arrival.getIndex();
        byte[] bytes = new Int8Array(arrival.getBuffer()).copyToJavaArray();
        int shard = order.shard(place);
        if (order.isTrain(place)) {
            pendingTrain.add(ShardLoader.decode(bytes, manifest.trainCount(shard), manifest.trainUrl(shard)));
            trainShardsIn++;
        } else {
            Digits digits = ShardLoader.decode(bytes, manifest.testCount(shard), manifest.testUrl(shard));
            test = test == null ? digits : test.concat(digits);
            testShardsIn++;
        }
        loaded++;
    }

    /** Joins the training shards that arrived since the last call to the training set; false if none had. */
    boolean absorbTraining() {
        if (pendingTrain.isEmpty()) {
            return false;
        }
        List<Digits> parts = new ArrayList<>();
        if (train != null) {
            parts.add(train);
        }
        parts.addAll(pendingTrain);
        pendingTrain.clear();
        train = Digits.join(parts);
        return true;
    }

    /**
     * The MNIST training images so far as downloaded (28x28), held-out ones included; null before the first
     * shard is joined.
     */
    Digits train() {
        return train;
    }

    /** {@link #train()} as the pictures {@code frame} reads. */
    Digits train(InputFrame frame) {
        return framedTrain.of(train, frame);
    }

    /** The test images so far as downloaded (28x28); null before the first test shard. */
    Digits test() {
        return test;
    }

    /** {@link #test()} as the pictures {@code frame} reads. */
    Digits test(InputFrame frame) {
        return framedTest.of(test, frame);
    }

    /** Sizes of the MNIST parts that train, in manifest order, less the last {@code validationSize} images. */
    int[] trainingParts(int validationSize) {
        int[] sizes = new int[manifest.trainShards()];
        for (int i = 0; i < sizes.length; i++) {
            sizes[i] = manifest.trainCount(i);
        }
        return HeldOut.trainingParts(sizes, validationSize);
    }

    /**
     * The MNIST images here so far that train, as {@code frame}'s pictures: those before the
     * {@code validationSize} held-out ones.
     */
    Digits trainingImages(int validationSize, InputFrame frame) {
        return HeldOut.training(train(frame), mnistTrainCount(), validationSize);
    }

    /**
     * The {@code validationSize} held-out images as {@code frame}'s pictures, once all training shards are
     * in; else (or for none) null.
     */
    Digits validationImages(int validationSize, InputFrame frame) {
        return trainComplete() ? HeldOut.validation(train(frame), mnistTrainCount(), validationSize) : null;
    }

    int loaded() {
        return loaded;
    }

    int total() {
        return order.size();
    }

    boolean allLoaded() {
        return loaded == order.size();
    }

    boolean trainComplete() {
        return trainShardsIn == manifest.trainShards();
    }

    boolean testComplete() {
        return testShardsIn == manifest.testShards();
    }

    /** MNIST's training images, as the manifest lists them. */
    private int mnistTrainCount() {
        int total = 0;
        for (int i = 0; i < manifest.trainShards(); i++) {
            total += manifest.trainCount(i);
        }
        return total;
    }
}
