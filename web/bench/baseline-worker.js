// Benchmark worker (c): the hand-written JavaScript MLP of mlp.js on the same shards as the app's worker.
// Answers {type: 'benchmark', query} like the Digit Lab worker: one epoch, flat out, then the test accuracy.
'use strict';
importScripts('shards.js', 'mlp.js');

self.onmessage = async (event) => {
  const { type, query } = event.data;
  try {
    if (type !== 'benchmark') throw new Error(`unknown command '${type}'`);
    const config = BenchShards.parseQuery(query);
    const { train, test } = await BenchShards.load();
    const network = new BenchMlp.Mlp(config.layers, config.activation, config.init, config.seed);
    const start = performance.now();
    const loss = network.trainEpoch(train, config.batchSize, config.learningRate);
    const seconds = (performance.now() - start) / 1000;
    postMessage({
      type: 'benchmark', query, examplesPerSecond: train.count / seconds, examplesSeen: train.count,
      accuracy: network.accuracy(test), loss, engine: 'hand-written JS, Float32Array, dense loops',
    });
  } catch (error) {
    postMessage({ type: 'error', message: `baseline worker: ${error && error.stack || error}` });
  }
};
