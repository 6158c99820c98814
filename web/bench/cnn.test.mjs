// Checks bench/cnn.js, the hand-written CNN baseline: its backward pass against central differences of the
// cost, on small networks in Float64Array (conv stride 1 and 2, "same" and "valid" padding, several
// channels, pooling, dense after conv, ReLU and sigmoid), the pooling tie rule, and the layer grammar's
// shapes. Not part of `npm test` (web/test): run `node --test bench/` in web/. run.mjs runs it too before
// any CNN row.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { test } from 'node:test';
import { fileURLToPath } from 'node:url';
import vm from 'node:vm';

// The worker scripts define globals on `self`: load them as the worker does, in order.
globalThis.self = globalThis;
const here = path.dirname(fileURLToPath(import.meta.url));
for (const file of ['shards.js', 'cnn-common.js', 'mlp.js', 'cnn.js']) {
  vm.runInThisContext(readFileSync(path.join(here, file), 'utf8'), { filename: file });
}
const { BenchShards, BenchLayers, BenchCnn } = globalThis;

/** A network on an input of channels x side x side: layer tokens after the input, as in the grammar. */
function network(channels, side, tokens, activation = 'relu', Float = Float64Array, seed = 7) {
  const text = [channels * side * side, ...tokens].join(',');
  const net = BenchLayers.parse(text, { channels, height: side, width: side });
  return new BenchCnn.Cnn(net, activation, 'he', seed, Float);
}

/** Random input in [0, 1) and biases in +-0.1 (so ReLU kinks are not at exactly 0), from a fixed LCG. */
function randomise(cnn, seed = 1) {
  let s = seed;
  const next = () => {
    s = (Math.imul(s, 1664525) + 1013904223) >>> 0;
    return s / 2 ** 32;
  };
  for (let i = 0; i < cnn.input.length; i++) cnn.input[i] = next();
  for (const layer of cnn.layers) {
    if (!layer.biases) continue;
    for (let k = 0; k < layer.biases.length; k++) layer.biases[k] = (next() - 0.5) * 0.2;
  }
  return next;
}

/** Max relative difference between backward() and central differences over every parameter. */
function gradientError(cnn, labels) {
  const costOf = () => labels.reduce((sum, label) => {
    cnn.forward();
    return sum + cnn.cost(label);
  }, 0);
  const params = cnn.parameters();
  for (const p of params) p.grads.fill(0);
  for (const label of labels) {
    cnn.forward();
    cnn.backward(label);
  }
  const h = 1e-6;
  let worst = 0;
  let checked = 0;
  for (const { values, grads } of params) {
    for (let k = 0; k < values.length; k++) {
      const keep = values[k];
      values[k] = keep + h;
      const plus = costOf();
      values[k] = keep - h;
      const minus = costOf();
      values[k] = keep;
      const numeric = (plus - minus) / (2 * h);
      const scale = Math.max(Math.abs(numeric) + Math.abs(grads[k]), 1e-6);
      worst = Math.max(worst, Math.abs(numeric - grads[k]) / scale);
      checked++;
    }
  }
  return { worst, checked };
}

// [name, input channels, input side, layer tokens after the input]
const CASES = [
  ['conv same stride 1, pool 2, dense', 1, 8, ['c3k3', 'p2', '10']],
  ['conv same stride 2 (odd padding), several channels in', 2, 7, ['c3k3s2', '5']],
  ['conv valid, conv valid stride 2, dense hidden, dense', 1, 9, ['c4k3v', 'c3k2vs2', '6', '4']],
  ['ConvNetJS shape in small: c k5 pad 2, p2, c k5, p3', 1, 12, ['c2k5', 'p2', 'c3k5', 'p3', '10']],
  ['TF.js shape in small: c3v, p2, c3v, p2s1, c3v, dense, dense', 1, 14,
    ['c2k3v', 'p2', 'c3k3v', 'p2s1', 'c2k3v', '5', '10']],
  ['pool first, overlapping windows', 3, 6, ['p3s2', 'c2k2', '3']],
];

for (const [name, channels, side, tokens] of CASES) {
  for (const activation of ['relu', 'sigmoid']) {
    test(`gradient check: ${name}, ${activation}`, () => {
      const cnn = network(channels, side, tokens, activation);
      randomise(cnn);
      const classes = cnn.probs.length;
      const { worst, checked } = gradientError(cnn, [0, classes - 1]);
      assert.ok(checked > 10);
      assert.ok(worst < 1e-5, `max relative gradient error ${worst} over ${checked} parameters`);
    });
  }
}

test('pooling with ties: the whole gradient goes to the first maximum of the window', () => {
  const cnn = network(1, 4, ['p2', '2']);
  cnn.input.fill(0.5); // every window a four-way tie
  cnn.forward();
  const pool = cnn.layers[0];
  assert.deepEqual([...pool.argmax], [0, 2, 8, 10]);
  const dx = new Float64Array(16);
  pool.backward(cnn.input, Float64Array.from([1, 2, 3, 4]), dx);
  assert.deepEqual([...dx], [1, 0, 2, 0, 0, 0, 0, 0, 3, 0, 4, 0, 0, 0, 0, 0]);
});

test('Float32 and Float64 networks agree (same seed, same input)', () => {
  const wide = network(1, 28, ['c8k5', 'p2', 'c16k5', 'p3', '10'], 'relu', Float64Array, 3);
  const narrow = network(1, 28, ['c8k5', 'p2', 'c16k5', 'p3', '10'], 'relu', Float32Array, 3);
  for (let i = 0; i < 784; i++) wide.input[i] = narrow.input[i] = ((i * 37) % 101) / 100;
  const a = wide.forward();
  const b = narrow.forward();
  for (let j = 0; j < 10; j++) assert.ok(Math.abs(a[j] - b[j]) < 1e-5, `class ${j}: ${a[j]} vs ${b[j]}`);
});

test('the benchmark networks: shapes and parameter counts', () => {
  const convnetjs = BenchLayers.parse('784,c8k5,p2,c16k5,p3,10');
  assert.deepEqual(convnetjs.map((l) => [l.out.channels, l.out.height, l.out.width]),
    [[1, 28, 28], [8, 28, 28], [8, 14, 14], [16, 14, 14], [16, 4, 4], [10, 1, 1]]);
  const tfjs = BenchLayers.parse('784,c16k3v,p2,c32k3v,p2,c32k3v,64,10');
  assert.deepEqual(tfjs.map((l) => [l.out.channels, l.out.height, l.out.width]),
    [[1, 28, 28], [16, 26, 26], [16, 13, 13], [32, 11, 11], [32, 5, 5], [32, 3, 3], [64, 1, 1], [10, 1, 1]]);
  const count = (net) => new BenchCnn.Cnn(net, 'relu', 'he', 1).parameters().reduce((n, p) => n + p.values.length, 0);
  assert.equal(count(convnetjs), 8 * 25 + 8 + 16 * 8 * 25 + 16 + 256 * 10 + 10); // 6,194
  assert.equal(count(tfjs), 16 * 9 + 16 + 32 * 16 * 9 + 32 + 32 * 32 * 9 + 32 + 288 * 64 + 64 + 64 * 10 + 10); // 33,194
});

test('grammar errors name the layer', () => {
  assert.throws(() => BenchLayers.parse('784,c8k30v,10'), /kernel larger than its 28-pixel input/);
  assert.throws(() => BenchLayers.parse('784,c0k3,10'), /needs filters/);
  assert.throws(() => BenchLayers.parse('784,p2,p2,p2,p2,p2,10'), /pools more than its input/);
  assert.throws(() => BenchLayers.parse('784,x3,10'), /is not a layer/);
});
