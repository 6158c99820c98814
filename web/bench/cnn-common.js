// The pieces the CNN runs of the benchmark share (issue 13): the layer grammar and the time box. A classic
// worker script: shards.js loads it (importScripts) the first time a query's layers are not all dense; the
// gradient check (cnn.test.mjs) loads it in node. It defines two globals, BenchLayers and BenchTimeBox.
'use strict';

self.BenchLayers = (() => {
  /**
   * A layer list in Digit Lab's grammar (issue 13), e.g. `784,c8k5,p2,c16k5,p3,10`: the first number is the
   * input (784 = 28x28x1, any n*n = n x n x 1); a number is a dense layer of that many units;
   * `c<filters>k<size>` a convolution, stride 1, "same" padding, with optional `s<stride>` and `v` for
   * "valid" padding; `p<size>` a max-pool of size x size, stride = size unless `s<stride>`. Returns the
   * layers with every shape inferred: [{type: 'input', out}, {type: 'conv', filters, size, stride, padding,
   * padTop, padLeft, in, out}, {type: 'pool', size, stride, in, out}, {type: 'dense', units, in, out}], where in/out
   * are {channels, height, width} (a dense layer's are 1 x 1 x units). Flattening before a dense layer is
   * implicit (channel-major: c, y, x). `input` ({channels, height, width}) overrides the input's shape (the
   * gradient check's multi-channel inputs); its size must be the first number.
   */
  function parse(text, input = null) {
    const tokens = text.split(',').map((t) => t.trim());
    const inputSize = Number(tokens[0]);
    const side = Math.round(Math.sqrt(inputSize));
    if (!Number.isInteger(inputSize) || inputSize < 1) throw new Error(`layers: bad input size '${tokens[0]}'`);
    let shape = side * side === inputSize ? { channels: 1, height: side, width: side }
      : { channels: inputSize, height: 1, width: 1 };
    if (input) {
      if (input.channels * input.height * input.width !== inputSize) {
        throw new Error(`layers: the input shape is not ${inputSize} values`);
      }
      shape = { ...input };
    }
    const layers = [{ type: 'input', out: shape }];
    const bad = (token, why) => new Error(`layers: '${token}' ${why} (in ${text})`);
    for (const token of tokens.slice(1)) {
      const conv = token.match(/^c(\d+)k(\d+)((?:s\d+|v)*)$/);
      const pool = token.match(/^p(\d+)(?:s(\d+))?$/);
      let layer;
      if (/^\d+$/.test(token)) {
        const units = Number(token);
        if (units < 1) throw bad(token, 'has no units');
        layer = { type: 'dense', units, out: { channels: units, height: 1, width: 1 } };
      } else if (conv) {
        const filters = Number(conv[1]);
        const size = Number(conv[2]);
        const strideMatch = conv[3].match(/s(\d+)/);
        const stride = strideMatch ? Number(strideMatch[1]) : 1;
        const valid = conv[3].includes('v');
        if (filters < 1 || size < 1 || stride < 1) throw bad(token, 'needs filters, size and stride >= 1');
        const along = (n) => {
          if (valid) {
            if (size > n) throw bad(token, `has a kernel larger than its ${n}-pixel input`);
            return { out: Math.floor((n - size) / stride) + 1, pad: 0 };
          }
          // "same" as TensorFlow pads: out = ceil(n / stride), the odd pixel of padding after.
          const out = Math.ceil(n / stride);
          return { out, pad: Math.floor(Math.max((out - 1) * stride + size - n, 0) / 2) };
        };
        const y = along(shape.height);
        const x = along(shape.width);
        layer = { type: 'conv', filters, size, stride, padding: valid ? 'valid' : 'same', padTop: y.pad, padLeft: x.pad,
          out: { channels: filters, height: y.out, width: x.out } };
      } else if (pool) {
        const size = Number(pool[1]);
        const stride = pool[2] ? Number(pool[2]) : size;
        if (size < 1 || stride < 1) throw bad(token, 'needs size and stride >= 1');
        if (size > shape.height || size > shape.width) throw bad(token, 'pools more than its input');
        const along = (n) => Math.floor((n - size) / stride) + 1;
        layer = { type: 'pool', size, stride,
          out: { channels: shape.channels, height: along(shape.height), width: along(shape.width) } };
      } else {
        throw bad(token, 'is not a layer (784, 128, c8k5, c16k3v, c32k3s2, p2, p3s2)');
      }
      layer.in = shape;
      shape = layer.out;
      layers.push(layer);
    }
    if (layers.length < 2 || layers[layers.length - 1].type !== 'dense') {
      throw new Error(`layers: the last layer must be dense (the classes), in ${text}`);
    }
    return layers;
  }

  return { parse };
})();

/**
 * The time box of a CNN baseline run (run.mjs --time-box): training stops after the first batch that ends
 * more than `seconds` after it began. A run cut short reports its examples/s over the batches after the
 * first (the first one pays for JIT, shader compilation or buffer allocation once, which a full epoch
 * would spread over 1,875 batches), and is scored on the first TEST_IMAGES test images only: its accuracy
 * is that of a part of an epoch anyway, and scoring 10,000 images takes the slowest baselines minutes.
 */
self.BenchTimeBox = class TimeBox {
  /** The test images a run cut short is scored on: the first of the test set. */
  static TEST_IMAGES = 2000;

  constructor(seconds, epochExamples) {
    this.seconds = seconds;
    this.epochExamples = epochExamples;
    this.examples = 0;
    this.firstBatch = null; // {examples, ms} at the end of the first batch
  }

  start() {
    this.started = performance.now();
    return this.started;
  }

  /** Counts a finished batch; true when the box is over. */
  batchDone(size) {
    this.examples += size;
    this.lastMs = performance.now();
    if (this.firstBatch === null) this.firstBatch = { examples: this.examples, ms: this.lastMs };
    return this.lastMs - this.started > this.seconds * 1000;
  }

  get cut() {
    return this.examples < this.epochExamples;
  }

  /**
   * examples/s: after a whole epoch, examples / `seconds` (the worker's epoch time, as without a box); when
   * cut short, that of the batches after the first.
   */
  examplesPerSecond(seconds) {
    const { firstBatch } = this;
    if (!this.cut || !firstBatch || firstBatch.examples === this.examples) return this.examples / seconds;
    return (this.examples - firstBatch.examples) / ((this.lastMs - firstBatch.ms) / 1000);
  }

  /** The test set to score: all of it after a whole epoch, else its first TEST_IMAGES images. */
  testSet(test) {
    if (!this.cut) return test;
    const count = Math.min(TimeBox.TEST_IMAGES, test.count);
    return { ...test, count, labels: test.labels.subarray(0, count),
      pixels: test.pixels.subarray(0, count * test.imageSize) };
  }

  /** Fields for the worker's answer. */
  report(scored) {
    return { timeBox: this.seconds, testImages: scored.count };
  }
};
