// Benchmark worker (e): the network in ConvNetJS (npm `convnetjs`, MIT; Karpathy's library behind the
// ConvNetJS MNIST demo), served from node_modules like TF.js. Its own layers (conv, pool, fc, relu/sigmoid,
// softmax), Vols of Float64Array, and its Trainer with method 'sgd', momentum 0, no weight decay: plain SGD,
// gradients summed over the batch and divided by its size. Its own initialisation (Math.random, not seeded;
// conv/fc biases 0.1 before a ReLU, as ConvNetJS does); the epoch visits the examples in the app's shuffled
// order for the seed (mlp.js's Rng). Answers {type: 'benchmark', query} like the Digit Lab worker; a run may
// be time-boxed (maxSeconds > 0, BenchTimeBox): it stops after the first batch that ends later.
'use strict';
// convnetjs 0.3.0's build ends with `window.jsfeat = lib` when there is no `module`: a worker has no window.
self.window = self;
importScripts('/bench/node_modules/convnetjs/build/convnet.js', 'shards.js', 'cnn-common.js', 'mlp.js');

self.onmessage = async (event) => {
  const { type, query, maxSeconds } = event.data;
  try {
    if (type !== 'benchmark') throw new Error(`unknown command '${type}'`);
    const config = BenchShards.parseQuery(query);
    const { train, test } = await BenchShards.load();
    config.net ??= BenchLayers.parse(config.layers.join(',')); // a dense network: the same grammar
    const net = new convnetjs.Net();
    net.makeLayers(layerDefs(config));
    const trainer = new convnetjs.Trainer(net, {
      method: 'sgd', learning_rate: config.learningRate, batch_size: config.batchSize, momentum: 0, l2_decay: 0,
    });
    const input = config.net[0].out;
    const x = new convnetjs.Vol(input.width, input.height, input.channels, 0.0);
    const load = (data, index) => {
      const size = data.imageSize;
      for (let i = 0; i < size; i++) x.w[i] = data.pixels[index * size + i] / 255; // (y * width + x) * 1 + 0
    };

    const order = BenchMlp.shuffledOrder(train.count, new BenchMlp.Rng(config.seed));
    const box = maxSeconds > 0 ? new BenchTimeBox(maxSeconds, train.count) : null;
    const start = box ? box.start() : performance.now();
    let cost = 0;
    let examples = 0;
    for (let e = 0; e < train.count; e++) {
      load(train, order[e]);
      cost += trainer.train(x, train.labels[order[e]]).cost_loss;
      examples++;
      // The trainer updates the weights after every batch_size-th example: a batch ends there.
      if (examples % config.batchSize === 0 || examples === train.count) {
        if (!Number.isFinite(cost)) throw new Error(`training diverged at example ${e}`);
        if (box && box.batchDone(examples % config.batchSize || config.batchSize)) break;
      }
    }
    const seconds = (performance.now() - start) / 1000;

    const scored = box ? box.testSet(test) : test;
    let right = 0;
    for (let e = 0; e < scored.count; e++) {
      load(scored, e);
      net.forward(x, false);
      if (net.getPrediction() === scored.labels[e]) right++;
    }
    postMessage({
      type: 'benchmark', query, examplesPerSecond: box ? box.examplesPerSecond(seconds) : examples / seconds,
      examplesSeen: examples, accuracy: right / scored.count, loss: cost / examples,
      engine: `ConvNetJS (REVISION ${convnetjs.REVISION}), Float64Array Vols, its own init, Trainer sgd momentum 0`,
      ...(box ? box.report(scored) : {}),
    });
  } catch (error) {
    postMessage({ type: 'error', message: `ConvNetJS worker: ${error && error.stack || error}` });
  }
};

/** ConvNetJS layer definitions for the query's network; ConvNetJS pads both sides alike. */
function layerDefs(config) {
  const input = config.net[0].out;
  const defs = [{ type: 'input', out_sx: input.width, out_sy: input.height, out_depth: input.channels }];
  const layers = config.net.slice(1);
  layers.forEach((spec, i) => {
    if (spec.type === 'conv') {
      const pad = spec.padTop;
      const out = (n) => Math.floor((n + 2 * pad - spec.size) / spec.stride + 1);
      if (spec.padLeft !== pad || out(spec.in.height) !== spec.out.height || out(spec.in.width) !== spec.out.width) {
        throw new Error(`ConvNetJS pads symmetrically: cannot make '${spec.padding}' padding of a ${spec.size}-wide `
          + `kernel with stride ${spec.stride} on ${spec.in.width} pixels`);
      }
      defs.push({ type: 'conv', sx: spec.size, filters: spec.filters, stride: spec.stride, pad,
        activation: config.activation });
    } else if (spec.type === 'pool') {
      defs.push({ type: 'pool', sx: spec.size, stride: spec.stride });
    } else if (i < layers.length - 1) {
      defs.push({ type: 'fc', num_neurons: spec.units, activation: config.activation });
    } else {
      defs.push({ type: 'softmax', num_classes: spec.units }); // ConvNetJS puts an fc layer before it
    }
  });
  return defs;
}
