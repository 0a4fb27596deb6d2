// The page: files in, the worker does the work, results shown and downloaded. No request to
// any host: the worker's code (with the wasm inline) comes from this very page.
'use strict';

const $ = (sel) => document.querySelector(sel);
const worker = new Worker(URL.createObjectURL(new Blob([$('#worker-src').textContent], { type: 'text/javascript' })));

let nextId = 1;
const pending = new Map();
let ready;
const readyPromise = new Promise((resolve) => { ready = resolve; });
worker.onmessage = (event) => {
  const msg = event.data;
  if (msg.ready) { ready(); return; }
  const p = pending.get(msg.id);
  if (!p) return;
  if (msg.progress) { p.onProgress && p.onProgress(msg.progress); return; }
  pending.delete(msg.id);
  if (msg.ok) p.resolve(msg.result); else p.reject(new Error(msg.error));
};
worker.onerror = (e) => showStatus('#status', '出错了：' + (e.message || e), true);

async function call(type, args, onProgress) {
  await readyPromise;
  const id = nextId++;
  return new Promise((resolve, reject) => {
    pending.set(id, { resolve, reject, onProgress });
    worker.postMessage({ id, type, args });
  });
}

const state = { forms: [], report: null, files: 0, busy: false, rules: {} };
// For the test script and the closing note: the last timings, in milliseconds.
window.jixiaoTimings = {};

function showStatus(sel, text, isError) {
  const el = $(sel);
  el.textContent = text;
  el.classList.toggle('error', !!isError);
}

function esc(text) {
  return String(text == null ? '' : text).replace(/[&<>"]/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;' })[c]);
}

const SEVERITY = { error: '错误', warning: '警告', info: '提示' };

// ---- reading ---------------------------------------------------------------------------

const INPUT = /\.(xlsx|xlsm|xls|ods|json|csv)$/i;

async function addFiles(fileList) {
  const files = Array.from(fileList)
    .filter((f) => INPUT.test(f.name) && !f.name.startsWith('~$'))
    .map((f) => ({ name: f.webkitRelativePath || f.name, file: f }));
  if (!files.length) {
    showStatus('#status', '没有可读的文件：请选择 .xlsx、.xls、.ods、.json 或平表 .csv 文件。', true);
    return;
  }
  state.busy = true;
  $('#progress').hidden = false;
  $('#bar').max = files.length;
  $('#bar').value = 0;
  showStatus('#status', '');
  try {
    const out = await call('add', { files }, (p) => {
      $('#bar').value = p.done;
      $('#progress-text').textContent = `已读 ${p.done} / ${p.total} 个文件：${p.name}`;
    });
    state.files += files.length;
    for (const r of out.results) {
      if (r.pending) continue;
      if (r.error) addUnreadable(r.error);
      state.forms.push(...r.forms);
    }
    state.report = out.report;
    shownRows.forms = shownRows.findings = PAGE_ROWS;
    window.jixiaoTimings.read = out.readMs;
    window.jixiaoTimings.check = out.checkMs;
    render();
    showStatus('#status', `已读 ${state.files} 个文件，找到 ${state.forms.length} 张表，用时 ${(out.readMs / 1000).toFixed(2)} 秒。`);
  } catch (e) {
    showStatus('#status', '读取失败：' + e.message, true);
  } finally {
    state.busy = false;
    $('#progress-text').textContent = '';
    $('#progress').hidden = true;
    $('#clear').disabled = false;
  }
}

function addUnreadable(text) {
  const li = document.createElement('li');
  li.textContent = '未能读取：' + text;
  $('#unreadable').appendChild(li);
}

// Long lists are shown a page at a time: 4,000 forms or 10,000 findings in the DOM at once
// would freeze the page for seconds.
const PAGE_ROWS = 300;
const shownRows = { forms: PAGE_ROWS, findings: PAGE_ROWS };

function render() {
  $('#results').hidden = false;
  const rows = state.forms.slice(0, shownRows.forms).map((f) => {
    const full = f.cells > 0 && f.mapped === f.cells;
    const mapped = f.cells > 0
      ? `<span class="mapped ${full ? 'full' : 'part'}">${f.cells} 个单元格中已识别 ${f.mapped} 个</span>`
      : '<span class="hint">来自 JSON 或平表</span>';
    return `<tr data-index="${f.index}"><td>${esc(f.file)}</td><td>${esc(f.sheet)}</td><td>${esc(f.kind)}</td>` +
      `<td>${esc(f.project)}</td><td>${esc(f.year)}</td><td>${mapped}</td><td><button class="secondary view">查看</button></td></tr>`;
  });
  $('#forms tbody').innerHTML = rows.join('') + more('forms', state.forms.length, 7);
  const partial = state.forms.filter((f) => f.cells > f.mapped).length;
  $('#forms-count').textContent = `共 ${state.forms.length} 张` + (partial ? `，其中 ${partial} 张有未识别的单元格` : '');
  renderFindings();
}

// The "show more" row of a long list.
function more(list, total, columns) {
  const left = total - shownRows[list];
  if (left <= 0) return '';
  return `<tr class="more"><td colspan="${columns}"><button class="secondary" data-more="${list}">再显示 ${Math.min(left, PAGE_ROWS * 3)} 条（还有 ${left} 条）</button></td></tr>`;
}

function visibleFindings() {
  const showInfo = $('#show-info').checked;
  return state.report.findings.filter((d) => showInfo || d.severity !== 'info');
}

function renderFindings() {
  const report = state.report;
  if (!report) return;
  const list = visibleFindings();
  const rows = list.slice(0, shownRows.findings).map((d, i) => {
    const at = d.at || {};
    let detail = '';
    if (d.expected) detail += `应为 ${d.expected}`;
    if (d.found) detail += `${detail ? '，' : ''}实为 ${d.found}`;
    if (d.hint) detail += `${detail ? '。' : ''}提示：${d.hint}`;
    return `<tr data-finding="${i}" data-cell="${esc(at.cell || '')}" data-rule="${esc(d.rule)}">` +
      `<td>${esc(at.file)}</td><td>${esc(at.sheet)}</td><td class="cell">${esc(at.cell)}</td>` +
      `<td class="rule">${esc(state.rules[d.rule] || '')}<code>${esc(d.rule)}</code></td>` +
      `<td><span class="sev ${d.severity}">${SEVERITY[d.severity]}</span>${esc(d.message)}` +
      (detail ? `<span class="detail">${esc(detail)}</span>` : '') + '</td></tr>';
  });
  $('#findings tbody').innerHTML = rows.join('') + more('findings', list.length, 5);
  const c = report.counts;
  $('#counts').textContent = `错误 ${c.errors} 处，警告 ${c.warnings} 处，提示 ${c.infos} 处` +
    ($('#show-info').checked ? '' : '（提示已隐藏）') + (list.length ? '' : ' · 没有需要处理的问题');
}

// One listener per table (not one per row): a click on a row opens its form.
$('#forms tbody').addEventListener('click', (e) => {
  const tr = e.target.closest('tr');
  if (tr && tr.dataset.index !== undefined) showForm(Number(tr.dataset.index), '', tr);
});
$('#findings tbody').addEventListener('click', (e) => {
  const tr = e.target.closest('tr');
  if (!tr || tr.dataset.finding === undefined) return;
  const d = visibleFindings()[Number(tr.dataset.finding)];
  const at = d.at || {};
  const form = formAt(at);
  if (form) showForm(form.index, at.cell || '', tr);
  else showStatus('#status', '这条结果没有对应的工作表可显示。');
});
document.addEventListener('click', (e) => {
  const list = e.target.dataset && e.target.dataset.more;
  if (!list) return;
  shownRows[list] += PAGE_ROWS * 3;
  if (list === 'forms') render(); else renderFindings();
});

// A1 → [row, col], 0-based.
function parseCell(a1) {
  const m = /^([A-Z]+)(\d+)$/.exec(a1 || '');
  if (!m) return null;
  let col = 0;
  for (const ch of m[1]) col = col * 26 + (ch.charCodeAt(0) - 64);
  return [parseInt(m[2], 10) - 1, col - 1];
}

function parseArea(text) {
  const [a, b] = String(text || '').split(':');
  const first = parseCell(a);
  if (!first) return null;
  return [first, parseCell(b) || first];
}

// The form a finding points into: same file and sheet, and the cell inside its range.
function formAt(at) {
  const candidates = state.forms.filter((f) => f.file === at.file && f.sheet === at.sheet);
  const cell = parseArea(at.cell);
  if (cell) {
    for (const f of candidates) {
      const r = parseArea(f.range);
      if (r && cell[0][0] >= r[0][0] && cell[0][0] <= r[1][0]) return f;
    }
  }
  return candidates[0];
}

async function showForm(index, cell, row) {
  document.querySelectorAll('tr.selected').forEach((tr) => tr.classList.remove('selected'));
  if (row) row.classList.add('selected');
  const f = state.forms[index];
  const html = await call('html', { index, cell });
  $('#viewer').hidden = false;
  $('#viewer-title').textContent = `${f.kind} · ${f.project || '（未填项目名称）'}`;
  $('#viewer-note').innerHTML = `${esc(f.file)} · 工作表“${esc(f.sheet)}”` +
    (cell ? ` · 黄色框为 <b>${esc(cell)}</b>` : '') +
    (f.cells > f.mapped ? ' · 粉色为未识别的单元格' : '');
  $('#viewer-body').innerHTML = html;
  const hit = $('#viewer-body td.hit');
  $('#viewer').scrollIntoView({ behavior: 'auto', block: 'start' });
  if (hit) hit.scrollIntoView({ block: 'center', inline: 'center' });
}

// ---- downloads -------------------------------------------------------------------------

function save(bytes, name) {
  const type = name.endsWith('.json') ? 'application/json' : 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
  const url = URL.createObjectURL(new Blob([bytes], { type }));
  const a = document.createElement('a');
  a.href = url;
  a.download = name;
  document.body.appendChild(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 60000);
}

document.querySelectorAll('[data-download]').forEach((button) => {
  button.addEventListener('click', async () => {
    const { download, to, file } = button.dataset;
    button.disabled = true;
    try {
      const out = await call(download, { to });
      window.jixiaoTimings[download + (to ? ':' + to : '')] = out.ms;
      save(out.bytes, file);
      showStatus('#status', `已生成“${file}”（用时 ${(out.ms / 1000).toFixed(2)} 秒），请在浏览器的下载中查看。`);
    } catch (e) {
      showStatus('#status', e.message, true);
    } finally {
      button.disabled = false;
    }
  });
});

// ---- wiring ----------------------------------------------------------------------------

$('#files').addEventListener('change', (e) => { addFiles(e.target.files); e.target.value = ''; });
$('#folder').addEventListener('change', (e) => { addFiles(e.target.files); e.target.value = ''; });
$('#show-info').addEventListener('change', () => { shownRows.findings = PAGE_ROWS; renderFindings(); });
$('#clear').addEventListener('click', async () => {
  await call('reset');
  Object.assign(state, { forms: [], report: null, files: 0 });
  $('#results').hidden = true;
  $('#viewer').hidden = true;
  $('#unreadable').innerHTML = '';
  $('#clear').disabled = true;
  showStatus('#status', '已清空。');
});
$('#viewer-close').addEventListener('click', () => { $('#viewer').hidden = true; });

const drop = $('#drop');
['dragenter', 'dragover'].forEach((t) => drop.addEventListener(t, (e) => { e.preventDefault(); drop.classList.add('over'); }));
['dragleave', 'drop'].forEach((t) => drop.addEventListener(t, (e) => { e.preventDefault(); drop.classList.remove('over'); }));
drop.addEventListener('drop', (e) => addFiles(e.dataTransfer.files));
// A file dropped beside the zone must not replace the page.
window.addEventListener('dragover', (e) => e.preventDefault());
window.addEventListener('drop', (e) => e.preventDefault());

document.querySelectorAll('.tab').forEach((tab) => tab.addEventListener('click', () => {
  document.querySelectorAll('.tab').forEach((t) => t.classList.toggle('active', t === tab));
  document.querySelectorAll('.panel').forEach((p) => { p.hidden = p.id !== 'tab-' + tab.dataset.tab; });
}));

$('#make-template').addEventListener('click', async () => {
  const file = $('#projects').files[0];
  if (!file) { showStatus('#template-status', '请先选择项目清单。', true); return; }
  const year = parseInt($('#year').value, 10);
  try {
    const out = await call('template', { office: $('#office').value, name: file.name, file, year });
    save(out.bytes, `${year}年度申报表（空白）.xlsx`);
    showStatus('#template-status', `已生成“${year}年度申报表（空白）.xlsx”。`);
  } catch (e) {
    showStatus('#template-status', e.message, true);
  }
});

$('#run-diff').addEventListener('click', async () => {
  const a = $('#diff-old').files[0];
  const b = $('#diff-new').files[0];
  if (!a || !b) { showStatus('#diff-status', '请选择旧版本和新版本两个文件。', true); return; }
  try {
    const text = await call('diff', { old: { name: a.name, file: a }, neu: { name: b.name, file: b } });
    $('#diff-out').hidden = !text;
    $('#diff-out').textContent = text;
    showStatus('#diff-status', text ? '以下是两个版本的不同之处：' : '两个版本的表内容相同。');
  } catch (e) {
    $('#diff-out').hidden = true;
    showStatus('#diff-status', e.message, true);
  }
});

(async () => {
  $('#version').textContent = await call('version');
  state.rules = await call('rules');
  const offices = await call('offices');
  $('#office').innerHTML = offices.map((o) => `<option value="${esc(o.id)}">${esc(o.unit)}（${esc(o.department)}）</option>`).join('');
  document.body.dataset.ready = 'true';
})();
