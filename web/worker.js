// The Web Worker: holds the jixiao Session (wasm) and does all the work off the page's thread.
// Built into the page by scripts/build-web.sh after the wasm-bindgen glue (`wasm_bindgen`) and
// `WASM_BASE64`, the module's bytes: the page makes no request, not even for its own wasm.
'use strict';

function decode(base64) {
  const text = atob(base64);
  const bytes = new Uint8Array(text.length);
  for (let i = 0; i < text.length; i++) bytes[i] = text.charCodeAt(i);
  return bytes;
}

wasm_bindgen.initSync({ module: decode(WASM_BASE64) });
const api = wasm_bindgen;
let session = new api.Session();

async function bytesOf(file) {
  return new Uint8Array(await file.arrayBuffer());
}

const handlers = {
  version: () => api.version(),
  offices: () => JSON.parse(api.offices()),
  rules: () => JSON.parse(api.rules()),
  reset: () => {
    session.free();
    session = new api.Session();
    return true;
  },
  // Reads files one by one, reporting each, so 500 workbooks show progress and never block.
  add: async ({ files }, progress) => {
    const started = performance.now();
    const results = [];
    for (let i = 0; i < files.length; i++) {
      const f = files[i];
      const result = JSON.parse(session.add(f.name, await bytesOf(f.file)));
      results.push(result);
      progress({ done: i + 1, total: files.length, name: f.name });
    }
    const tables = session.finish_tables();
    if (tables) results.push(JSON.parse(tables));
    const readMs = performance.now() - started;
    const checkStarted = performance.now();
    const report = JSON.parse(session.check());
    return { results, report, readMs, checkMs: performance.now() - checkStarted };
  },
  check: () => JSON.parse(session.check()),
  convert: ({ to }) => timed(() => session.convert(to)),
  score: ({ to }) => timed(() => session.score(to)),
  selfeval: () => timed(() => session.self_evaluations()),
  html: ({ index, cell }) => session.form_html(index, cell || ''),
  template: async ({ office, name, file, year }) => {
    const bytes = await bytesOf(file);
    return timed(() => api.template_from_list(office, name, bytes, year));
  },
  diff: async ({ old, neu }) =>
    api.diff(old.name, await bytesOf(old.file), neu.name, await bytesOf(neu.file)),
};

function timed(make) {
  const started = performance.now();
  const bytes = make();
  return { bytes, ms: performance.now() - started };
}

self.onmessage = async (event) => {
  const { id, type, args } = event.data;
  const progress = (p) => self.postMessage({ id, progress: p });
  try {
    const result = await handlers[type](args || {}, progress);
    const transfer = result && result.bytes instanceof Uint8Array ? [result.bytes.buffer] : [];
    self.postMessage({ id, ok: true, result }, transfer);
  } catch (e) {
    self.postMessage({ id, ok: false, error: String(e && e.message ? e.message : e) });
  }
};
self.postMessage({ ready: true });
