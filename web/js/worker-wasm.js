// Starts the training worker's WebAssembly GC build (TeaVM's runtime loads and links the module).
'use strict';
// Keep the page's first messages until the Java side listens (the module loads asynchronously).
self.digitLabEarlyMessages = [];
self.onmessage = (event) => self.digitLabEarlyMessages.push(event.data);
importScripts('../wasm/teavm-runtime.js');
TeaVM.wasmGC.load('../wasm/worker.wasm')
  .then((teavm) => teavm.exports.main([]))
  .catch((error) => postMessage({ type: 'error', message: `The Wasm GC worker did not start: ${error}` })); // a Report.Failure
