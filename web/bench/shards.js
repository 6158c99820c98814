// Loads the MNIST shards the Digit Lab server serves (GET /data/manifest.json, /data/shards/<name>),
// for the benchmark's own workers. A classic worker script (importScripts), so it defines a global.
// The format is frontend-java/core/src/main/java/digitlab/core/data/Shard.java: a 24-byte little-endian
// header ("DLSH", version 1, header size 24, count, rows, cols, reserved), count labels, then the pixels.
'use strict';

self.BenchShards = (() => {
  const HEADER_SIZE = 24;

  /** Checks one shard's bytes and returns { count, labels, pixels } (views into the buffer). */
  function decode(buffer, expectedCount, name) {
    const view = new DataView(buffer);
    const magic = String.fromCharCode(...new Uint8Array(buffer, 0, 4));
    if (buffer.byteLength < HEADER_SIZE || magic !== 'DLSH') throw new Error(`${name}: not a Digit Lab shard`);
    const version = view.getUint16(4, true);
    const headerSize = view.getUint16(6, true);
    if (version !== 1 || headerSize !== HEADER_SIZE) throw new Error(`${name}: shard version ${version} unsupported`);
    const count = view.getInt32(8, true);
    const size = view.getInt32(12, true) * view.getInt32(16, true);
    if (count !== expectedCount) throw new Error(`${name}: ${count} images, the manifest says ${expectedCount}`);
    if (buffer.byteLength !== HEADER_SIZE + count + count * size) throw new Error(`${name}: wrong length`);
    return {
      count,
      labels: new Uint8Array(buffer, HEADER_SIZE, count),
      pixels: new Uint8Array(buffer, HEADER_SIZE + count, count * size),
    };
  }

  async function download(url) {
    const response = await fetch(url);
    if (!response.ok) throw new Error(`GET ${url}: HTTP ${response.status}`);
    return response.arrayBuffer();
  }

  /** All shards of one set (train or test), downloaded in parallel and joined in manifest order. */
  async function loadSet(base, entries, imageSize) {
    const buffers = await Promise.all(entries.map((entry) => download(`${base}shards/${entry.file}`)));
    const parts = buffers.map((buffer, i) => decode(buffer, entries[i].count, entries[i].file));
    const count = parts.reduce((sum, part) => sum + part.count, 0);
    const labels = new Uint8Array(count);
    const pixels = new Uint8Array(count * imageSize);
    let at = 0;
    for (const part of parts) {
      labels.set(part.labels, at);
      pixels.set(part.pixels, at * imageSize);
      at += part.count;
    }
    return { count, imageSize, labels, pixels };
  }

  /** Resolves to { train, test }, each { count, imageSize, labels: Uint8Array, pixels: Uint8Array (0-255) }. */
  async function load(base = '/data/') {
    const manifest = await (await fetch(`${base}manifest.json`)).json();
    if (manifest.format !== 1) throw new Error(`data manifest format ${manifest.format}, expected 1`);
    const imageSize = manifest.rows * manifest.cols;
    const [train, test] = await Promise.all([
      loadSet(base, manifest.train, imageSize), loadSet(base, manifest.test, imageSize)]);
    return { train, test };
  }

  /** The benchmark's run configuration from a Digit Lab query (the subset the benchmark uses). */
  function parseQuery(query) {
    const params = new URLSearchParams(query);
    const layerText = params.get('layers') ?? '784,128,10';
    // Dense networks: `layers` = the sizes. Anything else (conv/pool layers, issue 13's grammar): `net` = the
    // layers parsed by cnn-common.js, which only the CNN runs load (so the MLP runs load what they always did).
    const convolutional = !/^\s*\d+(\s*,\s*\d+)*\s*$/.test(layerText);
    if (convolutional && !self.BenchLayers) importScripts('cnn-common.js');
    const config = {
      layers: convolutional ? null : layerText.split(',').map(Number),
      net: convolutional ? BenchLayers.parse(layerText) : null,
      convolutional,
      activation: params.get('act') ?? 'sigmoid',
      loss: params.get('loss') ?? 'softmax',
      optimizer: params.get('opt') ?? 'sgd',
      learningRate: Number(params.get('lr') ?? 0.1),
      batchSize: Number(params.get('batch') ?? 32),
      init: params.get('init') ?? 'uniform',
      seed: Number(params.get('seed') ?? 1),
    };
    if (config.loss !== 'softmax' || config.optimizer !== 'sgd') {
      throw new Error(`the benchmark's own workers only do loss=softmax&opt=sgd, not ${query}`);
    }
    if (!['sigmoid', 'relu'].includes(config.activation)) throw new Error(`act=${config.activation} unsupported`);
    if (!['uniform', 'he'].includes(config.init)) throw new Error(`init=${config.init} unsupported`);
    return config;
  }

  return { load, parseQuery };
})();
