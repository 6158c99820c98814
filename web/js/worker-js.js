// Starts the training worker's JavaScript build. A classic worker script: importScripts needs no module support.
'use strict';
try {
  importScripts('worker.js');
  main([]);
} catch (error) {
  postMessage({ type: 'error', message: `The JavaScript worker did not start: ${error}`, state: null, query: null });
}
