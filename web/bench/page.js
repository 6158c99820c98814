// The benchmark page: starts one worker for one variant, sends it one benchmark command and publishes the
// answer as window.benchResult (or window.benchError). run.mjs opens it once per run in a fresh context.
'use strict';

const VARIANTS = {
  'teavm-js': { script: '/js/worker-js.js' },
  'teavm-wasm': { script: '/js/worker-wasm.js' },
  // The same workers training data-parallel with a second (replica) worker over a SharedArrayBuffer.
  'teavm-js-2': { script: '/js/worker-js.js', workers: 2 },
  'teavm-wasm-2': { script: '/js/worker-wasm.js', workers: 2 },
  // The hand-written baseline: mlp.js for a dense network, cnn.js for a CNN (a query with conv/pool layers).
  baseline: { script: '/bench/baseline-worker.js', cnnScript: '/bench/cnn-worker.js' },
  'tfjs-cpu': { script: '/bench/tfjs-worker.js', backend: 'cpu', threads: 0 },
  'tfjs-wasm': { script: '/bench/tfjs-worker.js', backend: 'wasm', threads: 1 },
  // The threaded build, asked for one thread per core (run.mjs: off by default, see there).
  'tfjs-wasm-mt': { script: '/bench/tfjs-worker.js', backend: 'wasm', threads: navigator.hardwareConcurrency },
  // With --disable-gpu, Chromium's WebGL is SwiftShader (a GPU emulated on the CPU); WebGPU has no adapter.
  'tfjs-webgl': { script: '/bench/tfjs-worker.js', backend: 'webgl', threads: 0 },
  'tfjs-webgpu': { script: '/bench/tfjs-worker.js', backend: 'webgpu', threads: 0 },
  convnetjs: { script: '/bench/convnetjs-worker.js' },
};

(function run() {
  const params = new URLSearchParams(location.search);
  const name = params.get('variant');
  const query = params.get('query');
  const maxSeconds = Number(params.get('maxSeconds') ?? 0);
  const log = (text) => { document.getElementById('log').textContent += `${text}\n`; };
  const fail = (message) => {
    window.benchError = message;
    log(`error: ${message}`);
  };
  const variant = VARIANTS[name];
  if (!variant || !query) return fail(`unknown variant '${name}' or no query`);

  const started = performance.now();
  let firstMessageMs = null;
  const cnn = !/^\s*\d+(\s*,\s*\d+)*\s*$/.test(new URLSearchParams(query).get('layers') ?? '784,128,10');
  const worker = new Worker(cnn && variant.cnnScript ? variant.cnnScript : variant.script);
  window.benchWorker = worker;
  worker.onerror = (event) => fail(`worker error: ${event.message || 'script failed to load'}`);
  worker.onmessage = (event) => {
    const message = event.data;
    if (firstMessageMs === null) firstMessageMs = performance.now() - started;
    if (message.type === 'error') {
      fail(message.message);
    } else if (message.type === 'unavailable') {
      window.benchUnavailable = message.reason; // the backend cannot run in this browser
      log(`unavailable: ${message.reason}`);
    } else if (message.type === 'benchmark') {
      window.benchResult = {
        examplesPerSecond: message.examplesPerSecond, examplesSeen: message.examplesSeen,
        accuracy: message.accuracy, loss: message.loss, query: message.query, engine: message.engine ?? null,
        workers: message.workers ?? 1, timeBox: message.timeBox ?? null, testImages: message.testImages ?? null,
        firstMessageMs, wallMs: performance.now() - started, crossOriginIsolated: self.crossOriginIsolated,
      };
      log(JSON.stringify(window.benchResult));
    }
  };
  // The Digit Lab workers read {type, query, workers} (Command.Benchmark); the baselines also backend, threads
  // and maxSeconds (a time box, given for the CNN baselines).
  worker.postMessage({
    type: 'benchmark', query, workers: variant.workers ?? 1,
    backend: variant.backend ?? null, threads: variant.threads ?? 0,
    ...(maxSeconds > 0 ? { maxSeconds } : {}),
  });
  log(`${name}: ${query}`);
}());
