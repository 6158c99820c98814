// Benchmark worker (d): the same network in TensorFlow.js (layers API, model.fit), `cpu`, `wasm` or `webgl`
// backend; a CNN query loads tfjs-cnn.js (conv2d, maxPooling2d, flatten, dense, as the TF.js MNIST example).
// Message: {type: 'benchmark', query, backend: 'cpu' | 'wasm' | 'webgl' | 'webgpu', threads: wasm threads (1 =
// the single-threaded SIMD build, more = the threaded SIMD build, which needs cross-origin isolation),
// maxSeconds: a time box (BenchTimeBox in cnn-common.js; 0: none)}. Answers like the Digit Lab worker, plus
// the backend's actual settings; {type: 'unavailable', reason} when the backend cannot start here or lacks a
// kernel the network needs.
'use strict';
const TFJS = '/bench/node_modules/@tensorflow/';
importScripts(`${TFJS}tfjs/dist/tf.min.js`, `${TFJS}tfjs-backend-wasm/dist/tf-backend-wasm.min.js`, 'shards.js');

self.onmessage = async (event) => {
  const { type, query, backend, threads, maxSeconds } = event.data;
  try {
    if (type !== 'benchmark') throw new Error(`unknown command '${type}'`);
    const config = BenchShards.parseQuery(query);
    if (backend === 'wasm') {
      tf.wasm.setWasmPaths(`${TFJS}tfjs-backend-wasm/dist/`);
      // 1 = the single-threaded SIMD binary; otherwise the threaded one (needs cross-origin isolation).
      if (threads === 1) tf.env().set('WASM_HAS_MULTITHREAD_SUPPORT', false);
      else if (threads > 1) tf.wasm.setThreadsCount(threads);
    }
    if (backend === 'webgpu') {
      // This page does not load @tensorflow/tfjs-backend-webgpu: say what the browser offers instead.
      const adapter = self.navigator.gpu ? await self.navigator.gpu.requestAdapter() : null;
      postMessage({ type: 'unavailable', reason: !self.navigator.gpu
        ? 'navigator.gpu is undefined in the worker (no WebGPU in this Chromium with --disable-gpu)'
        : adapter ? 'a WebGPU adapter exists, but the benchmark does not load @tensorflow/tfjs-backend-webgpu'
          : 'navigator.gpu.requestAdapter() gave no adapter' });
      return;
    }
    if (!(await tf.setBackend(backend))) {
      if (backend === 'webgl') {
        postMessage({ type: 'unavailable', reason: 'TF.js webgl did not initialise (WebGL2 in this worker: '
          + `${glRenderer() ?? 'none'})` });
        return;
      }
      throw new Error(`TF.js backend ${backend} did not initialise`);
    }
    await tf.ready();
    const { train, test } = await BenchShards.load();
    if (config.convolutional || maxSeconds > 0) importScripts('cnn-common.js', 'tfjs-cnn.js');
    const make = config.convolutional ? BenchTfjsCnn : { tensors, buildModel };
    const [xs, ys] = make.tensors(train, config);
    const model = make.buildModel(config);

    // Time-boxed runs (the CNNs): a callback that ends the epoch once the box is over.
    const timeBox = maxSeconds > 0 ? new BenchTfjsCnn.TimeBoxCallback(new BenchTimeBox(maxSeconds, train.count)) : null;
    const start = performance.now();
    const history = await model.fit(xs, ys, {
      batchSize: config.batchSize, epochs: 1, shuffle: true, verbose: 0,
      yieldEvery: 'never', // like the other workers: no pauses for the event loop during the epoch
      ...(timeBox ? { callbacks: [timeBox] } : {}),
    });
    const seconds = (performance.now() - start) / 1000;
    const examples = timeBox ? timeBox.box.examples : train.count;

    // A run cut short by its time box is scored on the first images of the test set only (TimeBox).
    const scored = timeBox ? timeBox.box.testSet(test) : test;
    const accuracy = tf.tidy(() => {
      const [testXs] = make.tensors(scored, config);
      const predicted = model.predict(testXs, { batchSize: 1000 }).argMax(-1);
      return predicted.equal(tf.tensor1d(scored.labels, 'int32')).sum().dataSync()[0] / scored.count;
    });
    let settings = '';
    if (backend === 'wasm') {
      settings = `, ${tf.wasm.getThreadsCount()} thread(s), SIMD ${await tf.env().getAsync('WASM_HAS_SIMD_SUPPORT')}, `
        + `threaded build ${await tf.env().getAsync('WASM_HAS_MULTITHREAD_SUPPORT')}`;
    } else if (backend === 'webgl') {
      settings = ` on ${glRenderer()}, WebGL ${tf.env().getNumber('WEBGL_VERSION')}`;
    }
    postMessage({
      type: 'benchmark', query,
      examplesPerSecond: timeBox ? timeBox.box.examplesPerSecond(seconds) : examples / seconds,
      examplesSeen: examples, accuracy, loss: history.history.loss[0],
      engine: `TF.js ${tf.version.tfjs} ${tf.getBackend()}${settings}`, ...(timeBox ? timeBox.box.report(scored) : {}),
    });
  } catch (error) {
    // A backend without a kernel the network needs (tfjs-backend-wasm 4.22 has no Conv2DBackpropFilter, so it
    // cannot train a conv2d: tensorflow/tfjs#8474) cannot train this network: not a failure of the benchmark.
    const missing = String(error && error.message).match(/Kernel '(\w+)' not registered for backend '(\w+)'/);
    if (missing) {
      postMessage({ type: 'unavailable', reason: `TF.js ${tf.version.tfjs} ${missing[2]} has no ${missing[1]} kernel, `
        + 'so it cannot train this network (training fails on the first batch)' });
      return;
    }
    postMessage({ type: 'error', message: `TF.js worker (${backend}): ${error && error.stack || error}` });
  }
};

/** The WebGL2 renderer string of an OffscreenCanvas in this worker, null if none. */
function glRenderer() {
  try {
    const gl = new OffscreenCanvas(1, 1).getContext('webgl2');
    if (!gl) return null;
    const info = gl.getExtension('WEBGL_debug_renderer_info');
    return info ? gl.getParameter(info.UNMASKED_RENDERER_WEBGL) : gl.getParameter(gl.RENDERER);
  } catch {
    return null;
  }
}

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
