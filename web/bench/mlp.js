// The baseline: a textbook fully-connected network in plain JavaScript on Float32Array. Dense loops over
// every input (no skipping of zero pixels, no unrolling, no transposed copies), one example at a time
// inside a mini-batch, gradients averaged over the batch, plain SGD. A classic worker script: it defines
// a global. It is what a careful developer writes first; it is the yardstick, so it is not tuned.
'use strict';

self.BenchMlp = (() => {
  /**
   * The app's Rng (frontend-java core, digitlab.core.nn.Rng) in JavaScript: xoshiro128** seeded by
   * SplitMix32. Same seed, same numbers, so the baseline starts from the app's initial weights and visits
   * the examples in the app's order: the benchmark compares the arithmetic, not two random draws.
   */
  class Rng {
    constructor(seed) {
      let x = seed | 0;
      const mix = (v) => {
        let z = v;
        z = Math.imul(z ^ (z >>> 16), 0x85EBCA6B);
        z = Math.imul(z ^ (z >>> 13), 0xC2B2AE35);
        return z ^ (z >>> 16);
      };
      x = (x + 0x9E3779B9) | 0; this.s0 = mix(x);
      x = (x + 0x9E3779B9) | 0; this.s1 = mix(x);
      x = (x + 0x9E3779B9) | 0; this.s2 = mix(x);
      x = (x + 0x9E3779B9) | 0; this.s3 = mix(x);
      if ((this.s0 | this.s1 | this.s2 | this.s3) === 0) this.s0 = 1;
    }

    /** The next 32 random bits, as a signed int. */
    nextInt() {
      const rotl = (v, k) => (v << k) | (v >>> (32 - k));
      const result = Math.imul(rotl(Math.imul(this.s1, 5), 7), 9);
      const t = this.s1 << 9;
      this.s2 ^= this.s0;
      this.s3 ^= this.s1;
      this.s1 ^= this.s2;
      this.s0 ^= this.s3;
      this.s2 ^= t;
      this.s3 = rotl(this.s3, 11);
      return result;
    }

    /** Uniform in [0, bound), by rejection on 31 bits like the Java version. */
    nextBelow(bound) {
      const max = 0x7fffffff;
      const limit = max - ((max % bound) + 1) % bound;
      let r;
      do {
        r = this.nextInt() >>> 1;
      } while (r > limit);
      return r % bound;
    }

    /** Uniform in [0, 1) with 24 random bits. */
    nextFloat() {
      return (this.nextInt() >>> 8) * 2 ** -24;
    }

    /** Approximately standard normal: 12 uniforms minus 6 (as in the app). */
    nextGaussian() {
      let sum = 0;
      for (let i = 0; i < 12; i++) sum += this.nextFloat();
      return sum - 6;
    }
  }

  /** Fisher-Yates shuffle of 0..n-1, drawing like the app's Rng.shuffle. */
  function shuffledOrder(n, rng) {
    const order = new Int32Array(n);
    for (let i = 0; i < n; i++) order[i] = i;
    for (let i = n - 1; i > 0; i--) {
      const j = rng.nextBelow(i + 1);
      const t = order[i];
      order[i] = order[j];
      order[j] = t;
    }
    return order;
  }

  /** The hidden activations, each with its derivative written in terms of z. */
  const ACTIVATIONS = {
    sigmoid: {
      output: (z) => 1 / (1 + Math.exp(-z)),
      derivative: (z, a) => a * (1 - a),
    },
    relu: {
      output: (z) => (z > 0 ? z : 0),
      derivative: (z) => (z > 0 ? 1 : 0),
    },
  };

  class Mlp {
    /**
     * @param sizes layer sizes, inputs first (e.g. [784, 128, 10]); the last layer is softmax
     * @param activation 'sigmoid' or 'relu' for every hidden layer
     * @param init 'uniform' (+-sqrt(6)/sqrt(fanIn+fanOut)) or 'he' (normal, sd sqrt(2/fanIn)); biases 0
     * @param seed the app's seed: the same initial weights and first shuffle as the app's Trainer
     */
    constructor(sizes, activation, init, seed) {
      this.sizes = sizes;
      this.activation = ACTIVATIONS[activation];
      const rng = new Rng(seed);
      this.weights = []; // weights[l]: sizes[l+1] rows of sizes[l] floats, W[j][i] at j * inputs + i
      this.biases = [];
      this.weightGrads = [];
      this.biasGrads = [];
      this.z = [null]; // per layer, for one example
      this.a = [new Float32Array(sizes[0])];
      this.delta = [null];
      for (let l = 0; l + 1 < sizes.length; l++) {
        const inputs = sizes[l];
        const outputs = sizes[l + 1];
        const w = new Float32Array(inputs * outputs);
        const eps = Math.sqrt(6) / Math.sqrt(inputs + outputs);
        const sd = Math.sqrt(2 / inputs);
        // Drawn in the app's parameter order (input-major: W[i][j]), stored in this layout (W[j][i]).
        for (let i = 0; i < inputs; i++) {
          for (let j = 0; j < outputs; j++) {
            w[j * inputs + i] = init === 'he' ? rng.nextGaussian() * sd : (rng.nextFloat() * 2 - 1) * eps;
          }
        }
        this.weights.push(w);
        this.biases.push(new Float32Array(outputs));
        this.weightGrads.push(new Float32Array(inputs * outputs));
        this.biasGrads.push(new Float32Array(outputs));
        this.z.push(new Float32Array(outputs));
        this.a.push(new Float32Array(outputs));
        this.delta.push(new Float32Array(outputs));
      }
      this.rng = rng;
    }

    /** Loads image `index` as input (pixel / 255) and runs the forward pass; returns the output layer. */
    forward(pixels, index) {
      const input = this.a[0];
      const size = input.length;
      for (let i = 0; i < size; i++) input[i] = pixels[index * size + i] / 255;
      const last = this.sizes.length - 1;
      for (let l = 1; l <= last; l++) {
        const w = this.weights[l - 1];
        const b = this.biases[l - 1];
        const x = this.a[l - 1];
        const z = this.z[l];
        const a = this.a[l];
        const inputs = x.length;
        for (let j = 0; j < z.length; j++) {
          let sum = b[j];
          const row = j * inputs;
          for (let i = 0; i < inputs; i++) sum += w[row + i] * x[i];
          z[j] = sum;
        }
        if (l < last) {
          for (let j = 0; j < z.length; j++) a[j] = this.activation.output(z[j]);
        } else {
          softmax(z, a);
        }
      }
      return this.a[last];
    }

    /**
     * Backward pass for the example of the last forward pass: adds dCost/dW and dCost/db to the gradients.
     * Softmax with cross-entropy: dCost/dz of the output layer is (output - one-hot label).
     */
    backward(label) {
      const last = this.sizes.length - 1;
      const out = this.a[last];
      const deltaOut = this.delta[last];
      for (let j = 0; j < out.length; j++) deltaOut[j] = out[j] - (j === label ? 1 : 0);
      for (let l = last; l >= 1; l--) {
        const delta = this.delta[l];
        const x = this.a[l - 1];
        const w = this.weights[l - 1];
        const gw = this.weightGrads[l - 1];
        const gb = this.biasGrads[l - 1];
        const inputs = x.length;
        for (let j = 0; j < delta.length; j++) {
          const d = delta[j];
          const row = j * inputs;
          gb[j] += d;
          for (let i = 0; i < inputs; i++) gw[row + i] += d * x[i];
        }
        if (l > 1) {
          // delta of the layer below = (W^T delta) * activation'(z)
          const below = this.delta[l - 1];
          below.fill(0);
          for (let j = 0; j < delta.length; j++) {
            const d = delta[j];
            const row = j * inputs;
            for (let i = 0; i < inputs; i++) below[i] += w[row + i] * d;
          }
          const z = this.z[l - 1];
          for (let i = 0; i < inputs; i++) below[i] *= this.activation.derivative(z[i], x[i]);
        }
      }
    }

    /** One mini-batch: examples order[from .. from+count) of `data`; returns the batch's summed cost. */
    trainBatch(data, order, from, count, learningRate) {
      for (const g of this.weightGrads) g.fill(0);
      for (const g of this.biasGrads) g.fill(0);
      let cost = 0;
      const last = this.sizes.length - 1;
      for (let e = from; e < from + count; e++) {
        const index = order[e];
        const label = data.labels[index];
        this.forward(data.pixels, index);
        cost += crossEntropy(this.z[last], label);
        this.backward(label);
      }
      const step = learningRate / count;
      for (let l = 0; l < this.weights.length; l++) {
        const w = this.weights[l];
        const gw = this.weightGrads[l];
        for (let k = 0; k < w.length; k++) w[k] -= step * gw[k];
        const b = this.biases[l];
        const gb = this.biasGrads[l];
        for (let k = 0; k < b.length; k++) b[k] -= step * gb[k];
      }
      return cost;
    }

    /** One epoch in a fresh shuffled order; returns the mean cost over the epoch's examples. */
    trainEpoch(data, batchSize, learningRate) {
      const order = shuffledOrder(data.count, this.rng);
      let cost = 0;
      for (let from = 0; from < data.count; from += batchSize) {
        const count = Math.min(batchSize, data.count - from);
        cost += this.trainBatch(data, order, from, count, learningRate);
        if (!Number.isFinite(cost)) throw new Error(`training diverged at example ${from}`);
      }
      return cost / data.count;
    }

    /** Fraction of `data` classified correctly. */
    accuracy(data) {
      let right = 0;
      for (let e = 0; e < data.count; e++) {
        const out = this.forward(data.pixels, e);
        let best = 0;
        for (let j = 1; j < out.length; j++) if (out[j] > out[best]) best = j;
        if (best === data.labels[e]) right++;
      }
      return right / data.count;
    }
  }

  /** a = softmax(z), shifted by max(z) so exp() cannot overflow. */
  function softmax(z, a) {
    let max = z[0];
    for (let j = 1; j < z.length; j++) if (z[j] > max) max = z[j];
    let sum = 0;
    for (let j = 0; j < z.length; j++) {
      a[j] = Math.exp(z[j] - max);
      sum += a[j];
    }
    for (let j = 0; j < z.length; j++) a[j] /= sum;
  }

  /** -log softmax(z)[label], computed from z (log-sum-exp) so log(0) never happens. */
  function crossEntropy(z, label) {
    let max = z[0];
    for (let j = 1; j < z.length; j++) if (z[j] > max) max = z[j];
    let sum = 0;
    for (let j = 0; j < z.length; j++) sum += Math.exp(z[j] - max);
    return max + Math.log(sum) - z[label];
  }

  return { Mlp, Rng, shuffledOrder, softmax, crossEntropy };
})();
