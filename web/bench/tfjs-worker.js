// Benchmark worker (d): the same network in TensorFlow.js (layers API, model.fit), `cpu` or `wasm` backend.
// Message: {type: 'benchmark', query, backend: 'cpu' | 'wasm', threads: wasm threads (1 = the single-threaded
// SIMD build, more = the threaded SIMD build, which needs cross-origin isolation)}. Answers like the Digit Lab worker, plus the backend's actual settings.
'use strict';
const TFJS = '/bench/node_modules/@tensorflow/';
importScripts(`${TFJS}tfjs/dist/tf.min.js`, `${TFJS}tfjs-backend-wasm/dist/tf-backend-wasm.min.js`, 'shards.js');

self.onmessage = async (event) => {
  const { type, query, backend, threads } = event.data;
  try {
    if (type !== 'benchmark') throw new Error(`unknown command '${type}'`);
    const config = BenchShards.parseQuery(query);
    if (backend === 'wasm') {
      tf.wasm.setWasmPaths(`${TFJS}tfjs-backend-wasm/dist/`);
      // 1 = the single-threaded SIMD binary; otherwise the threaded one (needs cross-origin isolation).
      if (threads === 1) tf.env().set('WASM_HAS_MULTITHREAD_SUPPORT', false);
      else if (threads > 1) tf.wasm.setThreadsCount(threads);
    }
    if (!(await tf.setBackend(backend))) throw new Error(`TF.js backend ${backend} did not initialise`);
    await tf.ready();
    const { train, test } = await BenchShards.load();
    const [xs, ys] = tensors(train);
    const model = buildModel(config);

    const start = performance.now();
    const history = await model.fit(xs, ys, {
      batchSize: config.batchSize, epochs: 1, shuffle: true, verbose: 0,
      yieldEvery: 'never', // like the other workers: no pauses for the event loop during the epoch
    });
    const seconds = (performance.now() - start) / 1000;

    const accuracy = tf.tidy(() => {
      const [testXs] = tensors(test);
      const predicted = model.predict(testXs, { batchSize: 1000 }).argMax(-1);
      return predicted.equal(tf.tensor1d(test.labels, 'int32')).sum().dataSync()[0] / test.count;
    });
    const settings = backend === 'wasm'
      ? `, ${tf.wasm.getThreadsCount()} thread(s), SIMD ${await tf.env().getAsync('WASM_HAS_SIMD_SUPPORT')}, `
        + `threaded build ${await tf.env().getAsync('WASM_HAS_MULTITHREAD_SUPPORT')}` : '';
    postMessage({
      type: 'benchmark', query, examplesPerSecond: train.count / seconds, examplesSeen: train.count, accuracy,
      loss: history.history.loss[0], engine: `TF.js ${tf.version.tfjs} ${tf.getBackend()}${settings}`,
    });
  } catch (error) {
    postMessage({ type: 'error', message: `TF.js worker (${backend}): ${error && error.stack || error}` });
  }
};

/** Images as a float tensor [count, pixels] of pixel / 255, labels one-hot [count, 10]. */
function tensors(data) {
  const x = new Float32Array(data.pixels.length);
  for (let k = 0; k < x.length; k++) x[k] = data.pixels[k] / 255;
  return [
    tf.tensor2d(x, [data.count, data.imageSize]),
    tf.tidy(() => tf.oneHot(tf.tensor1d(data.labels, 'int32'), 10).toFloat()),
  ];
}

/** Dense layers as in the query: hidden sigmoid/relu, softmax output; Glorot-uniform (= `uniform`) or He init. */
function buildModel(config) {
  const kernelInitializer = (seed) => (config.init === 'he'
    ? tf.initializers.heNormal({ seed }) : tf.initializers.glorotUniform({ seed }));
  const model = tf.sequential();
  const sizes = config.layers;
  for (let l = 1; l < sizes.length; l++) {
    const last = l === sizes.length - 1;
    model.add(tf.layers.dense({
      units: sizes[l], activation: last ? 'softmax' : config.activation,
      kernelInitializer: kernelInitializer(config.seed + l), biasInitializer: 'zeros',
      ...(l === 1 ? { inputShape: [sizes[0]] } : {}),
    }));
  }
  model.compile({ optimizer: tf.train.sgd(config.learningRate), loss: 'categoricalCrossentropy' });
  return model;
}
