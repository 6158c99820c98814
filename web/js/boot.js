// Picks the build of the Java app to run (Wasm GC where the browser supports it, JavaScript otherwise;
// `?target=js|wasm` forces one) and starts it. Kept as a file, not inline, for the Content-Security-Policy.
'use strict';

(function boot() {
  const BUILDS = {
    wasm: { label: 'Wasm GC', start: startWasm },
    js: { label: 'JavaScript', start: startJs },
  };

  // The smallest module that declares a GC struct type: only a browser with Wasm GC validates it.
  const GC_PROBE = new Uint8Array([0, 97, 115, 109, 1, 0, 0, 0, 1, 3, 1, 0x5f, 0]);
  const wasmGc = typeof WebAssembly === 'object' && WebAssembly.validate(GC_PROBE);

  const requested = new URLSearchParams(location.search).get('target');
  const status = document.getElementById('status');
  const badge = document.getElementById('build');

  let target = wasmGc ? 'wasm' : 'js';
  if (requested !== null) {
    if (!(requested in BUILDS)) {
      return fail(`Unknown ?target=${requested}: use js or wasm.`);
    }
    if (requested === 'wasm' && !wasmGc) {
      return fail('This browser has no WebAssembly GC support: open the page with ?target=js.');
    }
    target = requested;
  }

  document.documentElement.dataset.target = target;
  badge.textContent = BUILDS[target].label;
  badge.title = `The Java code runs as ${BUILDS[target].label}` + (requested ? ' (chosen by ?target)' : '');
  BUILDS[target].start().catch((error) => fail(`Could not start the ${BUILDS[target].label} build: ${error}`));

  function startJs() {
    return loadScript('js/page.js').then(() => main([]));
  }

  function startWasm() {
    return loadScript('wasm/teavm-runtime.js')
      .then(() => TeaVM.wasmGC.load('wasm/page.wasm'))
      .then((teavm) => teavm.exports.main([]));
  }

  function loadScript(src) {
    return new Promise((resolve, reject) => {
      const script = document.createElement('script');
      script.src = src;
      script.onload = resolve;
      script.onerror = () => reject(new Error(`${src} did not load`));
      document.head.appendChild(script);
    });
  }

  function fail(message) {
    badge.textContent = 'not running';
    status.dataset.state = 'error';
    status.textContent = message;
  }
})();
