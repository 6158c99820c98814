// Benchmark worker (c) for a CNN: the hand-written JavaScript CNN of cnn.js on the same shards as the app's
// worker (page.js starts it instead of baseline-worker.js when the query has conv/pool layers). Answers
// {type: 'benchmark', query} like the Digit Lab worker: one epoch, flat out, then the test accuracy; with
// maxSeconds > 0 the run is time-boxed (BenchTimeBox, cnn-common.js): it stops after the first batch that
// ends later and reports the examples it trained.
'use strict';
importScripts('shards.js', 'cnn-common.js', 'mlp.js', 'cnn.js');

self.onmessage = async (event) => {
  const { type, query, maxSeconds } = event.data;
  try {
    if (type !== 'benchmark') throw new Error(`unknown command '${type}'`);
    const config = BenchShards.parseQuery(query);
    if (!config.convolutional) throw new Error(`not a CNN: ${query} (baseline-worker.js trains MLPs)`);
    const { train, test } = await BenchShards.load();
    const network = new BenchCnn.Cnn(config.net, config.activation, config.init, config.seed);
    const box = maxSeconds > 0 ? new BenchTimeBox(maxSeconds, train.count) : null;
    const start = box ? box.start() : performance.now();
    const { loss, examples } = network.trainEpoch(train, config.batchSize, config.learningRate, box);
    const seconds = (performance.now() - start) / 1000;
    const scored = box ? box.testSet(test) : test;
    postMessage({
      type: 'benchmark', query, examplesPerSecond: box ? box.examplesPerSecond(seconds) : examples / seconds,
      examplesSeen: examples, accuracy: network.accuracy(scored), loss,
      engine: 'hand-written JS CNN, Float32Array, direct loops', ...(box ? box.report(scored) : {}),
    });
  } catch (error) {
    postMessage({ type: 'error', message: `CNN baseline worker: ${error && error.stack || error}` });
  }
};
