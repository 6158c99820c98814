// Starts the training worker's JavaScript build. A classic worker script: importScripts needs no module support.
'use strict';
// Keep the page's first messages until the Java side listens (the module loads asynchronously).
self.digitLabEarlyMessages = [];
self.onmessage = (event) => self.digitLabEarlyMessages.push(event.data);
try {
  importScripts('worker.js');
  main([]);
} catch (error) {
  postMessage({ type: 'error', message: `The JavaScript worker did not start: ${error}` }); // a Report.Failure
}
