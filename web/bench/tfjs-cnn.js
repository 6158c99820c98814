// The CNN half of the TF.js benchmark worker (tfjs-worker.js loads it for a CNN query, after TF.js): the
// network as the TF.js MNIST example builds it (conv2d with the activation fused, maxPooling2d, a flatten
// before the first dense layer after a map, dense, softmax output), its input tensors, and the time box as a
// model.fit callback. Defines the global BenchTfjsCnn.
'use strict';

self.BenchTfjsCnn = (() => {
  /** Images as a float tensor [count, height, width, channels] (TF.js's channels-last) of pixel / 255; one-hot labels. */
  function tensors(data, config) {
    const x = new Float32Array(data.pixels.length);
    for (let k = 0; k < x.length; k++) x[k] = data.pixels[k] / 255; // (y, x) order = channels-last for 1 channel
    const input = config.net[0].out;
    return [
      tf.tensor4d(x, [data.count, input.height, input.width, input.channels]),
      tf.tidy(() => tf.oneHot(tf.tensor1d(data.labels, 'int32'), 10).toFloat()),
    ];
  }

  /** The query's CNN (BenchLayers.parse): hidden sigmoid/relu, softmax output; Glorot-uniform or He init. */
  function buildModel(config) {
    const kernelInitializer = (seed) => (config.init === 'he'
      ? tf.initializers.heNormal({ seed }) : tf.initializers.glorotUniform({ seed }));
    const model = tf.sequential();
    const input = config.net[0].out;
    let map = true; // the previous layer's output is a map (not yet flattened)
    config.net.slice(1).forEach((spec, i) => {
      const l = i + 1;
      const inputShape = l === 1 ? { inputShape: [input.height, input.width, input.channels] } : {};
      if (spec.type === 'conv') {
        model.add(tf.layers.conv2d({
          filters: spec.filters, kernelSize: spec.size, strides: spec.stride,
          padding: spec.padding, // TF.js pads "same" as BenchLayers.parse does: the odd pixel after
          activation: config.activation, kernelInitializer: kernelInitializer(config.seed + l),
          biasInitializer: 'zeros', ...inputShape,
        }));
      } else if (spec.type === 'pool') {
        model.add(tf.layers.maxPooling2d({
          poolSize: spec.size, strides: spec.stride, padding: 'valid', ...inputShape,
        }));
      } else {
        if (map) model.add(tf.layers.flatten(inputShape));
        map = false;
        const last = l === config.net.length - 1;
        model.add(tf.layers.dense({
          units: spec.units, activation: last ? 'softmax' : config.activation,
          kernelInitializer: kernelInitializer(config.seed + l), biasInitializer: 'zeros',
        }));
      }
    });
    model.compile({ optimizer: tf.train.sgd(config.learningRate), loss: 'categoricalCrossentropy' });
    return model;
  }

  /**
   * A BenchTimeBox as a model.fit callback: stops the epoch after the batch that ends past the box. It waits
   * for every batch's loss, so that on webgl (whose kernels run asynchronously) the clock sees the work done,
   * not the work queued; on cpu the loss is already there.
   */
  class TimeBoxCallback extends tf.Callback {
    constructor(box) {
      super();
      this.box = box;
    }

    async onTrainBegin() {
      this.box.start();
    }

    async onBatchEnd(batch, logs) {
      if (logs.loss instanceof tf.Tensor) await logs.loss.data();
      if (this.box.batchDone(logs.size)) this.model.stopTraining = true;
    }
  }

  return { tensors, buildModel, TimeBoxCallback };
})();
