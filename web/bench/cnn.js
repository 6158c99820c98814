// The CNN baseline: a textbook convolutional network in plain JavaScript on Float32Array, the counterpart of
// mlp.js for the benchmark's CNN rows (issue 13). Direct loops over every output pixel, input channel and
// kernel tap (no im2col, no skipping of zero inputs, no unrolling), one example at a time inside a
// mini-batch, gradients averaged over the batch, plain SGD. Layers as BenchLayers.parse (cnn-common.js)
// gives them: convolution (stride, "same"/"valid" padding, the hidden activation fused), max-pool, dense;
// the last dense layer is the softmax output. Maps are stored channel-major (c, y, x); a dense layer after a
// map reads them flattened in that order. A classic worker script (after mlp.js, whose Rng, shuffle, softmax
// and cross-entropy it reuses): it defines a global. Checked by bench/cnn.test.mjs (numerical gradients).
'use strict';

self.BenchCnn = (() => {
  const { Rng, shuffledOrder, softmax, crossEntropy } = self.BenchMlp;

  /** The hidden activations, each with its derivative in terms of z and a; identity for the output. */
  const ACTIVATIONS = {
    sigmoid: { output: (z) => 1 / (1 + Math.exp(-z)), derivative: (z, a) => a * (1 - a) },
    relu: { output: (z) => (z > 0 ? z : 0), derivative: (z) => (z > 0 ? 1 : 0) },
    identity: { output: (z) => z, derivative: () => 1 },
  };

  const sizeOf = (shape) => shape.channels * shape.height * shape.width;

  /** A convolution: filters x (channels x size x size) weights, one bias per filter, then the activation. */
  class Conv {
    constructor(spec, activation, Float) {
      this.spec = spec;
      this.activation = activation;
      const { in: input, filters, size } = spec;
      this.fanIn = input.channels * size * size;
      this.fanOut = filters * size * size;
      this.weights = new Float(filters * this.fanIn); // W[o][c][ky][kx] at ((o * C + c) * K + ky) * K + kx
      this.biases = new Float(filters);
      this.weightGrads = new Float(this.weights.length);
      this.biasGrads = new Float(filters);
      this.z = new Float(sizeOf(spec.out));
      this.a = new Float(sizeOf(spec.out));
      this.dz = new Float(sizeOf(spec.out));
    }

    forward(x) {
      const { in: input, out, size: K, stride: S, padTop, padLeft } = this.spec;
      const C = input.channels;
      const H = input.height;
      const W = input.width;
      const w = this.weights;
      for (let o = 0; o < out.channels; o++) {
        for (let oy = 0; oy < out.height; oy++) {
          for (let ox = 0; ox < out.width; ox++) {
            let sum = this.biases[o];
            for (let c = 0; c < C; c++) {
              for (let ky = 0; ky < K; ky++) {
                const iy = oy * S - padTop + ky;
                if (iy < 0 || iy >= H) continue; // zero padding
                const wRow = ((o * C + c) * K + ky) * K;
                const xRow = (c * H + iy) * W;
                for (let kx = 0; kx < K; kx++) {
                  const ix = ox * S - padLeft + kx;
                  if (ix < 0 || ix >= W) continue;
                  sum += w[wRow + kx] * x[xRow + ix];
                }
              }
            }
            const k = (o * out.height + oy) * out.width + ox;
            this.z[k] = sum;
            this.a[k] = this.activation.output(sum);
          }
        }
      }
      return this.a;
    }

    /** da = dCost/d(output): adds dCost/dW and dCost/db; writes dCost/dx into dx unless dx is null. */
    backward(x, da, dx) {
      const { in: input, out, size: K, stride: S, padTop, padLeft } = this.spec;
      const C = input.channels;
      const H = input.height;
      const W = input.width;
      const w = this.weights;
      const gw = this.weightGrads;
      const dz = this.dz;
      for (let k = 0; k < dz.length; k++) dz[k] = da[k] * this.activation.derivative(this.z[k], this.a[k]);
      const needDx = dx !== null;
      if (needDx) dx.fill(0);
      for (let o = 0; o < out.channels; o++) {
        for (let oy = 0; oy < out.height; oy++) {
          for (let ox = 0; ox < out.width; ox++) {
            const d = dz[(o * out.height + oy) * out.width + ox];
            this.biasGrads[o] += d;
            for (let c = 0; c < C; c++) {
              for (let ky = 0; ky < K; ky++) {
                const iy = oy * S - padTop + ky;
                if (iy < 0 || iy >= H) continue;
                const wRow = ((o * C + c) * K + ky) * K;
                const xRow = (c * H + iy) * W;
                for (let kx = 0; kx < K; kx++) {
                  const ix = ox * S - padLeft + kx;
                  if (ix < 0 || ix >= W) continue;
                  const wi = wRow + kx;
                  const xi = xRow + ix;
                  gw[wi] += d * x[xi];
                  if (needDx) dx[xi] += w[wi] * d;
                }
              }
            }
          }
        }
      }
    }
  }

  /** Max-pooling over size x size windows (valid: no padding); the gradient goes to the first maximum. */
  class Pool {
    constructor(spec, Float) {
      this.spec = spec;
      this.a = new Float(sizeOf(spec.out));
      this.argmax = new Int32Array(sizeOf(spec.out));
    }

    forward(x) {
      const { in: input, out, size, stride } = this.spec;
      for (let c = 0; c < out.channels; c++) {
        for (let oy = 0; oy < out.height; oy++) {
          for (let ox = 0; ox < out.width; ox++) {
            let best = -Infinity;
            let arg = -1;
            for (let ky = 0; ky < size; ky++) {
              for (let kx = 0; kx < size; kx++) {
                const i = (c * input.height + oy * stride + ky) * input.width + ox * stride + kx;
                if (x[i] > best) {
                  best = x[i];
                  arg = i;
                }
              }
            }
            const k = (c * out.height + oy) * out.width + ox;
            this.a[k] = best;
            this.argmax[k] = arg;
          }
        }
      }
      return this.a;
    }

    backward(x, da, dx) {
      if (dx === null) return;
      dx.fill(0);
      for (let k = 0; k < da.length; k++) dx[this.argmax[k]] += da[k];
    }
  }

  /** A dense layer on the flattened input, as in mlp.js: W[j][i] at j * inputs + i. */
  class Dense {
    constructor(spec, activation, Float) {
      this.spec = spec;
      this.activation = activation;
      this.inputs = sizeOf(spec.in);
      this.fanIn = this.inputs;
      this.fanOut = spec.units;
      this.weights = new Float(spec.units * this.inputs);
      this.biases = new Float(spec.units);
      this.weightGrads = new Float(this.weights.length);
      this.biasGrads = new Float(spec.units);
      this.z = new Float(spec.units);
      this.a = new Float(spec.units);
      this.dz = new Float(spec.units);
    }

    forward(x) {
      const inputs = this.inputs;
      for (let j = 0; j < this.z.length; j++) {
        let sum = this.biases[j];
        const row = j * inputs;
        for (let i = 0; i < inputs; i++) sum += this.weights[row + i] * x[i];
        this.z[j] = sum;
        this.a[j] = this.activation.output(sum);
      }
      return this.a;
    }

    backward(x, da, dx) {
      const inputs = this.inputs;
      const dz = this.dz;
      for (let j = 0; j < dz.length; j++) dz[j] = da[j] * this.activation.derivative(this.z[j], this.a[j]);
      for (let j = 0; j < dz.length; j++) {
        const d = dz[j];
        const row = j * inputs;
        this.biasGrads[j] += d;
        for (let i = 0; i < inputs; i++) this.weightGrads[row + i] += d * x[i];
      }
      if (dx === null) return;
      dx.fill(0);
      for (let j = 0; j < dz.length; j++) {
        const d = dz[j];
        const row = j * inputs;
        for (let i = 0; i < inputs; i++) dx[i] += this.weights[row + i] * d;
      }
    }
  }

  class Cnn {
    /**
     * @param net layers from BenchLayers.parse (input first, dense output last)
     * @param activation 'sigmoid' or 'relu' after every conv and hidden dense layer; softmax output
     * @param init 'uniform' (+-sqrt(6/(fanIn+fanOut)), Glorot as Keras counts a kernel's fans) or 'he' (normal,
     *     sd sqrt(2/fanIn)); biases 0
     * @param seed drawn with the app's Rng (mlp.js): weights layer by layer in storage order, then the shuffles
     * @param Float the array type: Float32Array; the gradient check uses Float64Array
     */
    constructor(net, activation, init, seed, Float = Float32Array) {
      const hidden = ACTIVATIONS[activation];
      if (!hidden || activation === 'identity') throw new Error(`act=${activation} unsupported`);
      this.input = new Float(sizeOf(net[0].out));
      this.layers = net.slice(1).map((spec, l) => {
        const last = l === net.length - 2;
        if (spec.type === 'conv') return new Conv(spec, hidden, Float);
        if (spec.type === 'pool') return new Pool(spec, Float);
        if (spec.type === 'dense') return new Dense(spec, last ? ACTIVATIONS.identity : hidden, Float);
        throw new Error(`layer type ${spec.type} unsupported`);
      });
      const rng = new Rng(seed);
      for (const layer of this.layers) {
        if (!layer.weights) continue;
        const eps = Math.sqrt(6 / (layer.fanIn + layer.fanOut));
        const sd = Math.sqrt(2 / layer.fanIn);
        for (let k = 0; k < layer.weights.length; k++) {
          layer.weights[k] = init === 'he' ? rng.nextGaussian() * sd : (rng.nextFloat() * 2 - 1) * eps;
        }
      }
      // dCost/d(input of layer l), for l >= 1 (nothing needs the gradient of the image itself).
      this.inputGrads = this.layers.map((layer, l) => (l === 0 ? null : new Float(sizeOf(layer.spec.in))));
      this.output = this.layers[this.layers.length - 1];
      this.probs = new Float(this.output.z.length);
      this.outputGrad = new Float(this.output.z.length);
      this.rng = rng;
    }

    /** The layers with weights: [{values, grads}] for weights and biases, in order. */
    parameters() {
      return this.layers.filter((layer) => layer.weights).flatMap((layer) => [
        { values: layer.weights, grads: layer.weightGrads }, { values: layer.biases, grads: layer.biasGrads }]);
    }

    /** Loads image `index` as input (pixel / 255). */
    load(pixels, index) {
      const size = this.input.length;
      for (let i = 0; i < size; i++) this.input[i] = pixels[index * size + i] / 255;
    }

    /** The forward pass of this.input; returns the class probabilities. */
    forward() {
      let x = this.input;
      for (const layer of this.layers) x = layer.forward(x);
      softmax(this.output.z, this.probs);
      return this.probs;
    }

    /** The cost of the last forward pass: -log softmax(z)[label]. */
    cost(label) {
      return crossEntropy(this.output.z, label);
    }

    /** Backward pass for the last forward pass; adds dCost/dparameters to the gradients. */
    backward(label) {
      for (let j = 0; j < this.probs.length; j++) this.outputGrad[j] = this.probs[j] - (j === label ? 1 : 0);
      let da = this.outputGrad;
      for (let l = this.layers.length - 1; l >= 0; l--) {
        const x = l === 0 ? this.input : this.layers[l - 1].a;
        this.layers[l].backward(x, da, this.inputGrads[l]);
        da = this.inputGrads[l];
      }
    }

    /** One mini-batch: examples order[from .. from+count) of `data`; returns the batch's summed cost. */
    trainBatch(data, order, from, count, learningRate) {
      const params = this.parameters();
      for (const p of params) p.grads.fill(0);
      let cost = 0;
      for (let e = from; e < from + count; e++) {
        const index = order[e];
        const label = data.labels[index];
        this.load(data.pixels, index);
        this.forward();
        cost += this.cost(label);
        this.backward(label);
      }
      const step = learningRate / count;
      for (const { values, grads } of params) {
        for (let k = 0; k < values.length; k++) values[k] -= step * grads[k];
      }
      return cost;
    }

    /**
     * One epoch in a fresh shuffled order, or as much of it as its time box (BenchTimeBox, told of
     * every batch; null: none) allows. Returns { loss: mean cost of the examples trained, examples }.
     */
    trainEpoch(data, batchSize, learningRate, box = null) {
      const order = shuffledOrder(data.count, this.rng);
      let cost = 0;
      let examples = 0;
      for (let from = 0; from < data.count; from += batchSize) {
        const count = Math.min(batchSize, data.count - from);
        cost += this.trainBatch(data, order, from, count, learningRate);
        examples += count;
        if (!Number.isFinite(cost)) throw new Error(`training diverged at example ${from}`);
        if (box && box.batchDone(count)) break;
      }
      return { loss: cost / examples, examples };
    }

    /** Fraction of `data` classified correctly. */
    accuracy(data) {
      let right = 0;
      for (let e = 0; e < data.count; e++) {
        this.load(data.pixels, e);
        const out = this.forward();
        let best = 0;
        for (let j = 1; j < out.length; j++) if (out[j] > out[best]) best = j;
        if (best === data.labels[e]) right++;
      }
      return right / data.count;
    }
  }

  return { Cnn };
})();
