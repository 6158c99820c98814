// The in-browser training benchmark (issue 7): `npm run bench` (after `mvn -B package -DskipTests`).
//
// Starts the packaged server (test/support/server.mjs), launches Debian's Chromium headless through
// playwright-core, and serves this folder plus the TF.js files from node_modules at /bench/** on the
// server's own origin by intercepting those requests (context.route; dedicated workers' script loads,
// importScripts and fetches are intercepted too). For every network shape and every variant it opens
// bench/index.html in a fresh browser context (cold cache, its own renderer process), which starts one
// worker and sends it one `benchmark` command: one epoch of the 60,000 MNIST training images, flat out,
// then the test accuracy on 10,000 images. Variants, in rounds so that a busy moment hits all alike:
//   teavm-js / teavm-wasm   the app's own worker (js/worker-js.js, js/worker-wasm.js), TeaVM builds
//   teavm-js-2 / -wasm-2    the same with a second (replica) worker: data-parallel over a SharedArrayBuffer
//   baseline                bench/mlp.js: a textbook dense JavaScript MLP on Float32Array (CNNs: bench/cnn.js)
//   convnetjs               ConvNetJS (npm convnetjs), the library of the ConvNetJS MNIST demo (CNN models)
//   tfjs-cpu / tfjs-wasm    TensorFlow.js layers + model.fit (wasm: the single-threaded SIMD build)
//   tfjs-webgl / -webgpu    (CNN models) webgl runs on SwiftShader here (--disable-gpu); webgpu has no adapter
// Then the real app page (/) cold: navigation to the first training step and bytes downloaded.
// Round r trains with seed=r in every variant, so the accuracy column is a median over seeds.
// Options: --runs N (3), --models a,b (also cnn-convnetjs, cnn-tfjs), --variants id,... (tfjs-wasm-mt is
// extra), --time-box S (CNN models: a run other than TeaVM's stops after S seconds of training, 30 by
// default; 0 = full epochs), --no-app, --jvm (also `java -jar digit-lab.jar bench`), --quick (= --runs 1
// --models a without TF.js cpu: ~2 min). TF.js cpu trains ~1,000 examples/s, so the full default takes
// ~20 minutes on 2 busy cores; `--models cnn-convnetjs,cnn-tfjs --runs 1 --no-app` about 10.
// A variant that cannot train a model here is skipped with the reason, not an error: the TeaVM workers when
// the app answers a CNN's `layers=` with an error (the app has no conv layers yet), a TF.js backend that
// cannot start in this headless Chromium (webgpu) or lacks a kernel the network needs (wasm has no
// Conv2DBackpropFilter). Exits non-zero on any other error. Not part of `npm test`.
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { gzipSync } from 'node:zlib';
import { chromium } from 'playwright-core';
import { jarPath, mnistDir, startServer } from '../test/support/server.mjs';

const benchDir = path.dirname(fileURLToPath(import.meta.url));
const modulesDir = path.resolve(benchDir, '../node_modules');

/** The same browser and flags as test/support/browser.mjs, but launched so each run gets a fresh context. */
const CHROMIUM = process.env.CHROMIUM ?? '/usr/bin/chromium';
const FLAGS = ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
  '--disable-background-networking', '--disable-component-update', '--disable-sync'];

const MODELS = {
  a: { name: '784-128-10, sigmoid hidden, softmax CE, SGD lr 0.1, batch 32, uniform init',
    query: 'layers=784,128,10&act=sigmoid&loss=softmax&opt=sgd&lr=0.1&batch=32&init=uniform&seed=1' },
  b: { name: '784-256-128-10, ReLU hidden, softmax CE, SGD lr 0.05, batch 64, He init',
    query: 'layers=784,256,128,10&act=relu&loss=softmax&opt=sgd&lr=0.05&batch=64&init=he&seed=1' },
  // Issue 13's CNNs, in the app's layer grammar (c<filters>k<size>[v]: conv, "same" padding unless v; p<size>).
  'cnn-convnetjs': { cnn: true,
    name: 'CNN, the ConvNetJS MNIST demo network on 28x28: conv 8@5x5 pad 2, max-pool 2, conv 16@5x5 pad 2, '
      + 'max-pool 3, softmax 10; ReLU, SGD lr 0.1, batch 32, He init',
    query: 'layers=784,c8k5,p2,c16k5,p3,10&act=relu&loss=softmax&opt=sgd&lr=0.1&batch=32&init=he&seed=1' },
  'cnn-tfjs': { cnn: true,
    name: 'CNN, the TensorFlow.js MNIST example network: conv 16@3x3, max-pool 2, conv 32@3x3, max-pool 2, '
      + 'conv 32@3x3 (valid padding), dense 64, softmax 10; ReLU, SGD lr 0.1, batch 32, He init',
    query: 'layers=784,c16k3v,p2,c32k3v,p2,c32k3v,64,10&act=relu&loss=softmax&opt=sgd&lr=0.1&batch=32&init=he&seed=1' },
};

const VARIANTS = [
  { id: 'teavm-js', label: '(a) TeaVM JavaScript', teavm: true },
  { id: 'teavm-wasm', label: '(b) TeaVM Wasm GC', teavm: true },
  { id: 'teavm-js-2', label: '(a) TeaVM JavaScript, 2 workers', teavm: true, workers: 2, single: 'teavm-js' },
  { id: 'teavm-wasm-2', label: '(b) TeaVM Wasm GC, 2 workers', teavm: true, workers: 2, single: 'teavm-wasm' },
  { id: 'baseline', label: '(c) hand-written JS', baseline: true },
  { id: 'tfjs-cpu', label: '(d) TF.js cpu', tfjs: true },
  { id: 'tfjs-wasm', label: '(d) TF.js wasm, 1 thread', tfjs: true },
  // Off by default: inside a worker TF.js 4.22's threaded build still runs 1 thread (getThreadsCount() = 1
  // after setThreadsCount(2); tensorflow/tfjs#6081) and measured slower than the single-threaded build.
  { id: 'tfjs-wasm-mt', label: '(d) TF.js wasm, threaded build', tfjs: true, optional: true },
  // CNN models only by default. webgl: with --disable-gpu, Chromium's WebGL2 is SwiftShader, a GPU emulated
  // on the CPU, and TF.js takes it (the row's engine says so); webgpu: navigator.gpu gives no adapter here,
  // and the row says so (the worker checks; it does not load @tensorflow/tfjs-backend-webgpu).
  { id: 'tfjs-webgl', label: '(d) TF.js webgl', tfjs: true, cnnOnly: true },
  { id: 'tfjs-webgpu', label: '(d) TF.js webgpu', tfjs: true, cnnOnly: true },
  { id: 'convnetjs', label: '(e) ConvNetJS', convnetjs: true, cnnOnly: true },
];
const DEFAULT_VARIANTS = VARIANTS.filter((v) => !v.optional && !v.cnnOnly).map((v) => v.id).join(',');
const QUICK_VARIANTS = 'teavm-js,teavm-wasm,teavm-js-2,teavm-wasm-2,baseline,tfjs-wasm';
const CNN_VARIANTS = 'teavm-js,teavm-wasm,teavm-js-2,teavm-wasm-2,baseline,convnetjs,tfjs-cpu,tfjs-wasm,tfjs-webgl,'
  + 'tfjs-webgpu';
/** Training seconds after which a CNN run other than TeaVM's stops and reports its examples/s (--time-box). */
const CNN_TIME_BOX = 30;

const CONTENT_TYPES = { '.html': 'text/html; charset=utf-8', '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8', '.wasm': 'application/wasm', '.map': 'application/json' };

/** Headers of the responses we fulfil: cross-origin isolated like the app, and TF.js may compile wasm. */
const BENCH_HEADERS = {
  'Cross-Origin-Opener-Policy': 'same-origin',
  'Cross-Origin-Embedder-Policy': 'require-corp',
  'Cross-Origin-Resource-Policy': 'same-origin',
  'Content-Security-Policy': "default-src 'self'; script-src 'self' blob: 'unsafe-eval' 'wasm-unsafe-eval'; "
    + "connect-src 'self'; worker-src 'self' blob:; object-src 'none'; base-uri 'none'",
  'X-Content-Type-Options': 'nosniff',
  'Cache-Control': 'no-store',
};

/** The local file behind a /bench/ URL: this folder's files, a TF.js dist/ or ConvNetJS build/ file; else null. */
function benchFile(pathname) {
  const vendor = pathname.match(
    /^\/bench\/node_modules\/((?:@tensorflow\/[a-z0-9-]+\/dist|convnetjs\/build)\/[A-Za-z0-9._-]+)$/);
  if (vendor) return path.join(modulesDir, vendor[1]);
  const own = pathname.match(/^\/bench\/([A-Za-z0-9_-]+\.(?:html|js))$/);
  return own ? path.join(benchDir, own[1]) : null;
}

async function serveBench(route) {
  const { pathname } = new URL(route.request().url());
  const file = benchFile(pathname === '/bench/' ? '/bench/index.html' : pathname);
  if (!file || !existsSync(file)) {
    await route.fulfill({ status: 404, headers: BENCH_HEADERS, body: 'not found' });
    return;
  }
  const type = CONTENT_TYPES[path.extname(file)] ?? 'application/octet-stream';
  await route.fulfill({ status: 200, headers: { ...BENCH_HEADERS, 'Content-Type': type }, body: await readFile(file) });
}

// ------------------------------------------------------------------ measuring one run

/** CPU seconds per renderer process of our browser (CDP SystemInfo), to find the one that ran the worker. */
async function rendererCpu(cdp) {
  const { processInfo } = await cdp.send('SystemInfo.getProcessInfo');
  return new Map(processInfo.filter((p) => p.type === 'renderer').map((p) => [p.id, p.cpuTime]));
}

/** Peak resident memory (VmHWM) of a process, in bytes; null if unreadable. */
function peakRss(pid) {
  try {
    const match = readFileSync(`/proc/${pid}/status`, 'utf8').match(/VmHWM:\s+(\d+) kB/);
    return match ? Number(match[1]) * 1024 : null;
  } catch {
    return null;
  }
}

/** The renderer that used the most CPU between two snapshots: the one hosting the page and its worker. */
function busiestRenderer(before, after) {
  let best = null;
  for (const [pid, cpu] of after) {
    const used = cpu - (before.get(pid) ?? 0);
    if (!best || used > best.used) best = { pid, used };
  }
  return best;
}

/** Resource-timing entries of the page and its dedicated workers (sizes as the browser saw them). */
async function resources(page) {
  const read = () => [...performance.getEntriesByType('navigation'), ...performance.getEntriesByType('resource')]
    .map((e) => ({ url: e.name, transfer: e.transferSize, encoded: e.encodedBodySize, decoded: e.decodedBodySize }));
  const all = await page.evaluate(read);
  for (const worker of page.workers()) all.push(...await worker.evaluate(read));
  return all;
}

/** The bench page itself (the same for every variant): left out of a variant's code bytes. */
const BENCH_PAGE = new Set(['/bench/index.html', '/bench/page.js']);

/**
 * Sums resource entries into data (/data/) and code (everything else but the bench page): `transfer` as
 * the browser counted it (headers included), `wire` = body bytes sent, `decoded` = body after decoding.
 * Our route sends /bench/ files uncompressed, so for those `wire` is what gzip would make of them.
 */
function sizes(entries) {
  const total = { codeTransfer: 0, codeWire: 0, codeDecoded: 0, dataTransfer: 0, dataWire: 0, dataDecoded: 0 };
  for (const e of entries) {
    const { pathname } = new URL(e.url);
    if (BENCH_PAGE.has(pathname)) continue;
    const kind = pathname.startsWith('/data/') ? 'data' : 'code';
    const file = pathname.startsWith('/bench/') ? benchFile(pathname) : null;
    total[`${kind}Transfer`] += e.transfer;
    total[`${kind}Wire`] += file && existsSync(file) ? gzipSync(readFileSync(file)).length : e.encoded;
    total[`${kind}Decoded`] += e.decoded;
  }
  return total;
}

async function newContext(browser) {
  const context = await browser.newContext();
  await context.route('**/bench/**', serveBench);
  const page = await context.newPage();
  const problems = [];
  page.on('console', (m) => { if (m.type() === 'error') problems.push(`console: ${m.text()}`); });
  page.on('pageerror', (e) => problems.push(`page error: ${e.message}`));
  return { context, page, problems };
}

/**
 * Whether `error`, the answer of `variant`'s worker to `model`, says the variant cannot train that model
 * (rather than that something broke): the app's worker rejecting a CNN's layer spec, which it does while
 * the app has no conv/pool layers (TrainingConfig.fromQuery: "layers must be whole numbers ..."). Returns the
 * reason or null. Dense models never qualify: an error there is an error.
 */
function notAvailable(variant, model, error) {
  if (variant.teavm && model.cnn && /^layers\b/.test(error)) {
    return `the app's worker rejects this layer spec: ${error}`;
  }
  return null;
}

/**
 * One variant, one epoch, in a fresh context; resolves to the worker's answer plus sizes and memory, or to
 * {unavailable: reason} when the variant cannot train this model in this browser. `maxSeconds` > 0 time-boxes
 * the baselines' training (the TeaVM workers ignore it).
 */
async function runOnce(browser, cdp, server, variant, model, query, maxSeconds = 0) {
  const { context, page, problems } = await newContext(browser);
  try {
    const before = await rendererCpu(cdp);
    const url = `${server.url}bench/index.html?variant=${variant.id}&query=${encodeURIComponent(query)}`
      + (maxSeconds > 0 ? `&maxSeconds=${maxSeconds}` : '');
    await page.goto(url);
    await page.waitForFunction(() => window.benchResult || window.benchError || window.benchUnavailable, null,
      { timeout: 15 * 60_000, polling: 250 });
    const { result, error, unavailable } = await page.evaluate(() => ({ result: window.benchResult,
      error: window.benchError, unavailable: window.benchUnavailable }));
    if (unavailable) return { unavailable };
    if (error && notAvailable(variant, model, error)) return { unavailable: notAvailable(variant, model, error) };
    if (error) throw new Error(`${variant.id}: ${error}`);
    if (problems.length) throw new Error(`${variant.id}: ${problems.join('; ')}`);
    if (!result.crossOriginIsolated) throw new Error('the bench page is not cross-origin isolated');
    if (!(result.examplesSeen >= 60_000 || (result.timeBox && result.examplesSeen > 0))) {
      throw new Error(`${variant.id}: ${result.examplesSeen} examples`);
    }
    if ((variant.workers ?? 1) !== result.workers) {
      throw new Error(`${variant.id}: trained on ${result.workers} workers, not ${variant.workers ?? 1}`);
    }
    // A time-boxed run may have trained a few hundred examples only: 50% from 5,000 examples on, else no bar.
    const least = result.examplesSeen >= 60_000 ? 0.8 : result.examplesSeen >= 5_000 ? 0.5 : 0;
    if (!(result.accuracy > least)) {
      throw new Error(`${variant.id}: test accuracy ${result.accuracy} after ${result.examplesSeen} examples: `
        + 'something is wrong');
    }
    const renderer = busiestRenderer(before, await rendererCpu(cdp));
    return { ...result, sizes: sizes(await resources(page)), peakRss: renderer ? peakRss(renderer.pid) : null,
      rendererCpuSeconds: renderer ? renderer.used : null };
  } finally {
    await context.close();
  }
}

/** Peak RSS of a renderer showing the bench page without any worker: the floor under every run's figure. */
async function idleRendererPeak(browser, cdp, server) {
  const { context, page } = await newContext(browser);
  try {
    const before = await rendererCpu(cdp);
    await page.goto(`${server.url}bench/index.html`);
    await page.waitForFunction(() => window.benchError);
    await page.waitForTimeout(500);
    const renderer = busiestRenderer(before, await rendererCpu(cdp));
    return renderer ? peakRss(renderer.pid) : null;
  } finally {
    await context.close();
  }
}

/** The real app, cold: navigation -> #train enabled -> first step shown in #steps; and every byte loaded. */
async function appColdStart(browser, server, target, query) {
  const { context, page, problems } = await newContext(browser);
  try {
    await page.addInitScript(() => {
      window.coldStart = {};
      document.addEventListener('DOMContentLoaded', () => {
        const train = document.getElementById('train');
        const steps = document.getElementById('steps');
        const mark = (key, done) => { if (!window.coldStart[key] && done()) window.coldStart[key] = performance.now(); };
        new MutationObserver(() => mark('trainEnabledMs', () => !train.disabled))
          .observe(train, { attributes: true });
        new MutationObserver(() => mark('firstStepShownMs', () => Number(steps.textContent) > 0))
          .observe(steps, { childList: true, characterData: true, subtree: true });
      });
    });
    await page.goto(`${server.url}?${query}&target=${target}`);
    await page.waitForSelector('#train:not([disabled])', { timeout: 120_000 });
    await page.click('#train');
    await page.waitForFunction(() => window.coldStart.firstStepShownMs, null, { timeout: 120_000 });
    const times = await page.evaluate(() => ({ ...window.coldStart,
      domContentLoadedMs: performance.getEntriesByType('navigation')[0].domContentLoadedEventEnd }));
    // Every shard is fetched in the background: wait for all of them before adding up the bytes.
    const manifest = await (await fetch(`${server.url}data/manifest.json`)).json();
    const shards = manifest.train.length + manifest.test.length;
    const deadline = Date.now() + 120_000;
    let entries = await resources(page);
    while (entries.filter((e) => e.url.includes('/data/shards/')).length < shards) {
      if (Date.now() > deadline) throw new Error(`app (${target}): not all ${shards} shards were loaded`);
      await page.waitForTimeout(250);
      entries = await resources(page);
    }
    if (problems.length) throw new Error(`app (${target}): ${problems.join('; ')}`);
    return { ...times, sizes: sizes(entries), requests: entries.length };
  } finally {
    await context.close();
  }
}

// ------------------------------------------------------------------ printing

const median = (values) => {
  const sorted = [...values].sort((x, y) => x - y);
  const mid = sorted.length >> 1;
  return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
};
const fmt = (n, digits = 0) => n.toLocaleString('en-US', { minimumFractionDigits: digits, maximumFractionDigits: digits });
const kb = (bytes) => `${fmt(bytes / 1024)} KB`;
const mb = (bytes) => (bytes == null ? 'n/a' : `${fmt(bytes / 1048576)} MB`);

function table(headers, rows) {
  const widths = headers.map((h, c) => Math.max(h.length, ...rows.map((r) => String(r[c]).length)));
  const line = (cells) => `| ${cells.map((cell, c) => (c === 0 ? String(cell).padEnd(widths[c])
    : String(cell).padStart(widths[c]))).join(' | ')} |`;
  return [line(headers), `|${widths.map((w, c) => (c === 0 ? ':' : '-') + '-'.repeat(w) + (c === 0 ? '-' : ':')).join('|')}|`,
    ...rows.map(line)].join('\n');
}

function summarise(variant, runs) {
  const speeds = runs.map((r) => r.examplesPerSecond);
  const speed = median(speeds);
  return {
    variant, runs, speed, min: Math.min(...speeds), max: Math.max(...speeds),
    seconds: median(runs.map((r) => r.examplesSeen / r.examplesPerSecond)),
    accuracy: median(runs.map((r) => r.accuracy)), accMin: Math.min(...runs.map((r) => r.accuracy)),
    accMax: Math.max(...runs.map((r) => r.accuracy)), loss: median(runs.map((r) => r.loss)),
    peakRss: median(runs.map((r) => r.peakRss ?? NaN)), sizes: runs[0].sizes, engine: runs[0].engine,
    examples: median(runs.map((r) => r.examplesSeen)), boxed: runs.some((r) => r.examplesSeen < 60_000),
    timeBox: runs[0].timeBox, testImages: Math.min(...runs.map((r) => r.testImages ?? 10_000)),
  };
}

/** The variants that did not run on a model, with the reason: printed under its table. */
function printNotRun(unavailable) {
  if (!unavailable.size) return;
  console.log('\nnot run here:');
  for (const [variant, reason] of unavailable) console.log(`  ${variant.label} (${variant.id}): ${reason}`);
}

/**
 * A CNN model's table: as the dense models', plus the examples each row trained (slow baselines are
 * time-boxed: their examples/s is measured on part of the epoch and the epoch time extrapolated), the speed
 * against ConvNetJS, and issue 13's targets once TeaVM rows exist.
 */
function printCnnTable(model, summaries, idlePeak, unavailable) {
  const baseline = summaries.find((s) => s.variant.baseline);
  const convnetjs = summaries.find((s) => s.variant.convnetjs);
  const tfjs = summaries.filter((s) => s.variant.tfjs);
  const bestTf = tfjs.length ? tfjs.reduce((a, b) => (b.speed > a.speed ? b : a)) : null;
  const runs = Math.max(...summaries.map((s) => s.runs.length), 0);
  console.log(`\n## ${model.name}\nquery: ${model.query.replace(/seed=\d+/, `seed=1..${runs}`)}\n`);
  if (summaries.length) {
    const ratio = (s, of) => (of ? fmt(s.speed / of.speed, 2) : 'n/a');
    console.log(table(
      ['variant', `examples/s (median of ${runs})`, 'min-max', 'epoch s', 'examples trained', 'test acc %',
        'acc min-max', 'loss', 'x (c)', 'x ConvNetJS', 'x best TF.js', 'peak renderer RSS', 'worker code: wire / raw'],
      summaries.map((s) => [s.variant.label, `${fmt(s.speed)}${s.boxed ? ' *' : ''}`, `${fmt(s.min)}-${fmt(s.max)}`,
        `${s.boxed ? '~' : ''}${fmt(60_000 / s.speed, 1)}`,
        s.boxed ? `${fmt(s.examples)} (${s.timeBox} s box)` : fmt(s.examples),
        `${fmt(s.accuracy * 100, 2)}${s.testImages < 10_000 ? ' *' : ''}`,
        `${fmt(s.accMin * 100, 2)}-${fmt(s.accMax * 100, 2)}`, fmt(s.loss, 3),
        ratio(s, baseline), ratio(s, convnetjs), ratio(s, bestTf), mb(s.peakRss),
        `${kb(s.sizes.codeWire)} / ${kb(s.sizes.codeDecoded)}`]),
    ));
    console.log(`\nbest TF.js backend: ${bestTf ? bestTf.variant.label : 'n/a'}; engines: `
      + summaries.filter((s) => s.engine).map((s) => `${s.variant.id} = ${s.engine}`).join('; '));
    const boxed = summaries.filter((s) => s.boxed);
    if (boxed.length) {
      console.log(`* time-boxed (--time-box ${boxed[0].timeBox}): the run stopped after the first batch that ended `
        + `more than ${boxed[0].timeBox} s into training; its examples/s is that of the batches after the first (which `
        + 'pays for JIT, shader compilation, allocation once), epoch s = 60,000 / that (~: extrapolated); its test '
        + `accuracy is on the first ${fmt(Math.min(...boxed.map((s) => s.testImages)))} test images and, like its `
        + 'loss, after the examples trained only: not an epoch\'s.');
    }
    if (summaries.some((s) => /SwiftShader/.test(s.engine ?? ''))) {
      console.log('TF.js webgl runs on SwiftShader: with --disable-gpu, Chromium\'s WebGL2 is a GPU emulated on '
        + 'the CPU.');
    }
    console.log(`peak renderer RSS = VmHWM of the renderer process hosting the bench page and its worker (idle bench `
      + `page: ${mb(idlePeak)}; a time-boxed run's peak is that of its part of the epoch). Worker code = scripts and `
      + `wasm the worker loads (gzip on the wire; our route's files: their gzip size) / decoded. Every worker also `
      + `loads the shards: ${kb(summaries[0].sizes.dataWire)} gzip on the wire, `
      + `${kb(summaries[0].sizes.dataDecoded)} decoded.`);
  }
  printNotRun(unavailable);

  const verdict = (ok) => (ok ? 'MET' : 'NOT MET');
  const teavm = summaries.filter((s) => s.variant.teavm && !s.variant.single);
  if (!teavm.length) {
    console.log('\ntargets (issue 13: the faster TeaVM build in 1 worker >= 10x ConvNetJS and >= 5x the fastest TF.js '
      + 'backend; 2 workers faster still): no TeaVM row yet, checked once the app trains this network.');
    return;
  }
  const fastest = teavm.reduce((a, b) => (b.speed > a.speed ? b : a));
  console.log('\ntargets (issue 13):');
  if (convnetjs) {
    console.log(`  faster TeaVM build (${fastest.variant.label}) >= 10x ConvNetJS: `
      + `${fmt(fastest.speed / convnetjs.speed, 2)}x -> ${verdict(fastest.speed >= 10 * convnetjs.speed)}`);
  }
  if (bestTf) {
    console.log(`  faster TeaVM build (${fastest.variant.label}) >= 5x fastest TF.js (${bestTf.variant.label}): `
      + `${fmt(fastest.speed / bestTf.speed, 2)}x -> ${verdict(fastest.speed >= 5 * bestTf.speed)}`);
  }
  for (const p of summaries.filter((s) => s.variant.single)) {
    const single = summaries.find((o) => o.variant.id === p.variant.single);
    if (!single) continue;
    const points = (p.accuracy - single.accuracy) * 100;
    console.log(`  ${p.variant.label} faster than 1 worker: ${fmt(p.speed / single.speed, 2)}x -> `
      + `${verdict(p.speed > single.speed)} (test accuracy ${points >= 0 ? '+' : ''}${fmt(points, 2)} points)`);
  }
  if (baseline) {
    for (const t of teavm) {
      const points = (t.accuracy - baseline.accuracy) * 100;
      console.log(`  ${t.variant.label} test accuracy against (c)${baseline.boxed ? ' (time-boxed)' : ''}: `
        + `${points >= 0 ? '+' : ''}${fmt(points, 2)} points (not a target: different initial weights)`);
    }
  }
}

function printModelTable(model, summaries, idlePeak) {
  const baseline = summaries.find((s) => s.variant.baseline);
  const tfjs = summaries.filter((s) => s.variant.tfjs);
  const bestTf = tfjs.length ? tfjs.reduce((a, b) => (b.speed > a.speed ? b : a)) : null;
  const singleTf = tfjs.filter((s) => s.variant.id !== 'tfjs-wasm-mt');
  const bestSingleTf = singleTf.length ? singleTf.reduce((a, b) => (b.speed > a.speed ? b : a)) : null;
  const runs = summaries[0].runs.length;
  console.log(`\n## ${model.name}\nquery: ${model.query.replace(/seed=\d+/, `seed=1..${runs}`)}\n`);
  console.log(table(
    ['variant', `examples/s (median of ${runs})`, 'min-max', 'epoch s', 'test acc %', 'acc min-max', 'loss', 'x (c)',
      'x best TF.js', 'peak renderer RSS', 'worker code: wire / raw'],
    summaries.map((s) => [s.variant.label, fmt(s.speed), `${fmt(s.min)}-${fmt(s.max)}`, fmt(s.seconds, 1),
      fmt(s.accuracy * 100, 2), `${fmt(s.accMin * 100, 2)}-${fmt(s.accMax * 100, 2)}`, fmt(s.loss, 3), baseline ? fmt(s.speed / baseline.speed, 2) : 'n/a',
      bestTf ? fmt(s.speed / bestTf.speed, 2) : 'n/a', mb(s.peakRss),
      `${kb(s.sizes.codeWire)} / ${kb(s.sizes.codeDecoded)}`]),
  ));
  console.log(`\nbest TF.js backend: ${bestTf ? bestTf.variant.label : 'n/a'}; engines: `
    + summaries.filter((s) => s.engine).map((s) => `${s.variant.id} = ${s.engine}`).join('; '));
  console.log(`peak renderer RSS = VmHWM of the renderer process hosting the bench page and its worker (idle bench `
    + `page: ${mb(idlePeak)}). Worker code = scripts and wasm the worker loads, body bytes on the wire (gzip; for `
    + `TF.js files served by this script uncompressed: their gzip size) / decoded. Every worker also loads the `
    + `shards: ${kb(summaries[0].sizes.dataWire)} gzip on the wire, ${kb(summaries[0].sizes.dataDecoded)} decoded.`);

  const verdict = (ok) => (ok ? 'MET' : 'NOT MET');
  const parallel = summaries.filter((s) => s.variant.single && summaries.some((o) => o.variant.id === s.variant.single));
  if (parallel.length) console.log('\ndata-parallel (the same build on 1 and on 2 workers, same seeds):');
  for (const p of parallel) {
    const single = summaries.find((o) => o.variant.id === p.variant.single);
    const points = (p.accuracy - single.accuracy) * 100;
    console.log(`  ${p.variant.label}: ${fmt(p.speed / single.speed, 2)}x the examples/s of 1 worker; test accuracy `
      + `${points >= 0 ? '+' : ''}${fmt(points, 2)} points`);
  }
  const teavm = summaries.filter((s) => s.variant.teavm && !s.variant.single);
  if (!baseline || !teavm.length) return;
  console.log('\ntargets:');
  for (const t of teavm) {
    console.log(`  ${t.variant.label} >= (c): ${fmt(t.speed / baseline.speed, 2)}x -> ${verdict(t.speed >= baseline.speed)}`);
  }
  const fastest = teavm.reduce((a, b) => (b.speed > a.speed ? b : a));
  if (bestTf) {
    console.log(`  faster TeaVM build (${fastest.variant.label}) >= 2x fastest TF.js (${bestTf.variant.label}): `
      + `${fmt(fastest.speed / bestTf.speed, 2)}x -> ${verdict(fastest.speed >= 2 * bestTf.speed)}`);
  }
  if (bestSingleTf && bestSingleTf !== bestTf) {
    console.log(`    (against the fastest single-threaded TF.js, ${bestSingleTf.variant.label}: `
      + `${fmt(fastest.speed / bestSingleTf.speed, 2)}x)`);
  }
  for (const t of teavm) {
    const points = (t.accuracy - baseline.accuracy) * 100;
    console.log(`  ${t.variant.label} accuracy within 0.5 points of (c): ${points >= 0 ? '+' : ''}${fmt(points, 2)} `
      + `points${points > 0.5 ? ' (higher than (c))' : ''} -> ${verdict(Math.abs(points) <= 0.5)}`);
  }
}

function printAppTable(results) {
  console.log('\n## The app page (/), cold cache (fresh context): navigation to the first training step\n');
  console.log(table(
    ['build', 'DOMContentLoaded ms', '#train enabled ms', 'first step shown ms', 'code transfer', 'code decoded',
      'data transfer', 'data decoded', 'requests'],
    results.map((r) => [r.target, fmt(r.domContentLoadedMs), fmt(r.trainEnabledMs), fmt(r.firstStepShownMs),
      kb(r.sizes.codeTransfer), kb(r.sizes.codeDecoded), kb(r.sizes.dataTransfer), kb(r.sizes.dataDecoded),
      r.requests]),
  ));
  console.log('\nTimes from navigation start (page performance.now()); "first step shown" = #steps first > 0, '
    + 'which the worker reports within ~100 ms of the step; #train is clicked as soon as it is enabled. '
    + 'Bytes: resource timing of the page and its worker (transferSize incl. headers; decoded = after gzip).');
}

// ------------------------------------------------------------------ main

function jvmBench() {
  console.log('\n## JVM (java -jar digit-lab.jar bench --repeats 3)\n');
  const run = spawnSync('java', ['-jar', jarPath, 'bench', '--mnist', mnistDir, '--repeats', '3'],
    { encoding: 'utf8' });
  process.stdout.write(run.stdout);
  if (run.status !== 0) throw new Error(`java -jar ... bench exited with ${run.status}:\n${run.stderr}`);
}

async function main() {
  const { values } = parseArgs({ options: {
    runs: { type: 'string', default: '3' }, models: { type: 'string', default: 'a,b' },
    variants: { type: 'string' }, quick: { type: 'boolean', default: false },
    'time-box': { type: 'string', default: String(CNN_TIME_BOX) },
    'no-app': { type: 'boolean', default: false }, jvm: { type: 'boolean', default: false },
  } });
  if (values.quick) {
    values.runs = '1';
    values.models = 'a';
  }
  const runs = Number(values.runs);
  if (!(runs >= 1)) throw new Error('--runs must be a positive number');
  const timeBox = Number(values['time-box']);
  if (!(timeBox >= 0)) throw new Error('--time-box must be a number of seconds (0: full epochs)');
  const models = values.models.split(',').map((key) => MODELS[key]
    ?? fail(`unknown model '${key}' (${Object.keys(MODELS).join(', ')})`));
  const variantList = (ids) => ids.split(',').map((id) => VARIANTS.find((v) => v.id === id)
    ?? fail(`unknown variant '${id}' (${VARIANTS.map((v) => v.id).join(', ')})`));
  // --variants applies to every model; else dense models get the MLP rows, CNN models the CNN rows.
  const variantsOf = (model) => variantList(values.variants
    ?? (values.quick ? QUICK_VARIANTS : model.cnn ? CNN_VARIANTS : DEFAULT_VARIANTS));
  models.forEach(variantsOf);
  if (!existsSync(CHROMIUM)) throw new Error(`${CHROMIUM} is missing: install Debian's chromium`);
  if (models.some((m) => m.cnn)) cnnGradientCheck();

  const started = Date.now();
  const server = await startServer();
  const browser = await chromium.launch({ executablePath: CHROMIUM, headless: true, args: FLAGS });
  try {
    const cdp = await browser.newBrowserCDPSession();
    const cpus = os.cpus();
    console.log('# Digit Lab in-browser training benchmark');
    console.log(`browser: Chromium ${browser.version()} (${CHROMIUM}, headless); playwright-core; server ${jarPath}`);
    console.log(`machine: ${cpus.length} cores (${cpus[0]?.model ?? 'unknown CPU'}), ${fmt(os.totalmem() / 2 ** 30, 1)} GB, `
      + `load average at start ${os.loadavg().map((l) => l.toFixed(2)).join(' ')}; node ${process.version}`);
    console.log(`each run: fresh browser context, one worker, one epoch of 60,000 images; ${runs} runs per variant, `
      + 'interleaved in rounds; round r uses seed=r (accuracy and loss: medians over those seeds)');
    if (models.some((m) => m.cnn)) {
      console.log(`CNN baselines: ConvNetJS ${packageVersion('convnetjs')} (npm convnetjs), TF.js `
        + `${packageVersion('@tensorflow/tfjs')}; CNN runs other than TeaVM's are time-boxed to `
        + `${timeBox ? `${timeBox} s of training` : 'none (full epochs)'} (--time-box)`);
    }
    const idlePeak = await idleRendererPeak(browser, cdp, server);

    for (const model of models) {
      const variants = variantsOf(model);
      const results = new Map(variants.map((v) => [v.id, []]));
      const unavailable = new Map(); // variant -> why it cannot train this model here
      const maxSeconds = (variant) => (model.cnn && !variant.teavm ? timeBox : 0);
      for (let round = 1; round <= runs; round++) {
        for (const variant of variants.filter((v) => !unavailable.has(v))) {
          const query = model.query.replace(/seed=\d+/, `seed=${round}`);
          const result = await runOnce(browser, cdp, server, variant, model, query, maxSeconds(variant));
          const tag = `  [${model.query.split('&')[0]}] round ${round}/${runs} ${variant.id}`;
          if (result.unavailable) {
            unavailable.set(variant, result.unavailable);
            process.stderr.write(`${tag}: not run: ${result.unavailable}\n`);
            continue;
          }
          results.get(variant.id).push(result);
          process.stderr.write(`${tag}: ${fmt(result.examplesPerSecond)} examples/s, test `
            + `${fmt(result.accuracy * 100, 2)}%${result.examplesSeen < 60_000 ? ` after ${fmt(result.examplesSeen)} `
              + `examples (${result.timeBox} s time box)` : ''}`
            // CPU seconds of the renderer (page, worker, replicas) for the whole run, loading and testing
            // included: a figure that a busy machine stretches much less than the wall clock.
            + `${result.rendererCpuSeconds != null ? `, renderer CPU ${fmt(result.rendererCpuSeconds, 1)} s` : ''}\n`);
        }
      }
      const summaries = variants.filter((v) => results.get(v.id).length).map((v) => summarise(v, results.get(v.id)));
      if (model.cnn) {
        printCnnTable(model, summaries, idlePeak, unavailable);
      } else {
        if (summaries.length) printModelTable(model, summaries, idlePeak);
        printNotRun(unavailable);
      }
      console.log(`load average now: ${os.loadavg().map((l) => l.toFixed(2)).join(' ')}`);
    }

    if (!values['no-app']) {
      const app = [];
      for (const target of ['js', 'wasm']) {
        app.push({ target, ...await appColdStart(browser, server, target, MODELS.a.query) });
      }
      printAppTable(app);
    }
    if (values.jvm) jvmBench();
    console.log(`\ntotal time ${fmt((Date.now() - started) / 1000)} s; load average at the end `
      + `${os.loadavg().map((l) => l.toFixed(2)).join(' ')}`);
  } finally {
    await browser.close();
    await server.stop();
  }
}

function fail(message) {
  throw new Error(message);
}

/** The installed version of an npm package of web/. */
function packageVersion(name) {
  return JSON.parse(readFileSync(path.join(modulesDir, name, 'package.json'), 'utf8')).version;
}

/** bench/cnn.test.mjs (the hand-written CNN's numerical gradient check) before any CNN row. */
function cnnGradientCheck() {
  const check = spawnSync(process.execPath, ['--test', '--test-reporter=dot', path.join(benchDir, 'cnn.test.mjs')],
    { encoding: 'utf8' });
  if (check.status !== 0) throw new Error(`bench/cnn.test.mjs failed:\n${check.stdout}${check.stderr}`);
}

main().catch((error) => {
  console.error(`bench failed: ${error.stack ?? error}`);
  process.exitCode = 1;
});
