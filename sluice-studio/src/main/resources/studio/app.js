'use strict';
// Sluice Studio UI: vanilla JS, no build. All data reaches the DOM through textContent (never innerHTML).
const S = { schema: null, table: null, page: null, sort: null, filters: [], cursors: [], offset: 0, edits: new Map(), inserts: [], deletes: new Set() };
const $ = (sel) => document.querySelector(sel);
function el(tag, attrs, ...kids) {
  const e = document.createElementNS(tag.startsWith('svg:') ? 'http://www.w3.org/2000/svg' : 'http://www.w3.org/1999/xhtml', tag.replace('svg:', ''));
  for (const [k, v] of Object.entries(attrs || {})) {
    if (k.startsWith('on')) e.addEventListener(k.slice(2), v);
    else if (k === 'text') e.textContent = v;
    else if (v !== null && v !== undefined && v !== false) e.setAttribute(k, v === true ? '' : v);
  }
  for (const k of kids.flat()) if (k !== null && k !== undefined) e.append(k instanceof Node ? k : String(k));
  return e;
}
// The API token arrives once in the start URL's fragment (#token=...); it stays in this tab's sessionStorage and
// goes out only in the X-Sluice-Token header. The cookie the start URL sets only unlocks these static files.
const TOKEN = (() => {
  const m = /^#token=([0-9a-f]+)$/.exec(location.hash);
  if (m) {
    sessionStorage.setItem('sluiceToken', m[1]);
    history.replaceState(null, '', location.pathname + location.search);
  }
  return sessionStorage.getItem('sluiceToken') || '';
})();
async function api(route, body) {
  const headers = { 'X-Sluice-Token': TOKEN };
  if (body !== undefined) headers['Content-Type'] = 'application/json';
  const res = await fetch('/api/' + route, body === undefined ? { credentials: 'omit', headers } :
    { method: 'POST', credentials: 'omit', headers, body: JSON.stringify(body) });
  const data = await res.json().catch(() => ({ error: res.status + ' ' + res.statusText }));
  if (!res.ok) { const e = new Error(data.error || data.message || res.statusText); e.data = data; throw e; }
  return data;
}
function toast(msg) { const t = $('#toast'); t.textContent = msg; t.style.display = 'block'; clearTimeout(toast.h); toast.h = setTimeout(() => t.style.display = 'none', 2600); }
const key = (s, n) => (s || 'public') + '.' + n;
const tableOf = (s, n) => S.schema.tables.find(t => key(t.schema, t.name) === key(s, n));
const isNum = (t) => /^(smallint|integer|bigint|numeric|real|double precision|decimal|serial|bigserial|smallserial)/.test(t);
const isText = (t) => /^(text|character|varchar|citext|name|uuid)/.test(t) || /^public\.citext/.test(t);
const isJson = (t) => /^jsonb?$/.test(t);
const isArray = (t) => t.endsWith('[]');
const enumValues = (t) => S.schema.enumValues[t] || S.schema.enumValues[t.replace(/^public\./, '')];

// ---------- tabs, sidebar ----------
function showTab(name) {
  document.querySelectorAll('#tabs button').forEach(b => b.classList.toggle('active', b.dataset.tab === name));
  document.querySelectorAll('.tab').forEach(s => s.classList.toggle('active', s.id === 'tab-' + name));
  if (name === 'diagram') renderDiagram();
  if (name === 'structure') renderStructure();
  if (name === 'migrations') renderMigrations();
  if (name === 'sql') renderSql();
}
function renderSidebar() {
  const q = $('#tableFilter').value.toLowerCase();
  const list = $('#tableList'); list.replaceChildren();
  const bySchema = {};
  for (const t of S.schema.tables) (bySchema[t.schema || 'public'] ||= []).push(t);
  for (const [schema, tables] of Object.entries(bySchema)) {
    const shown = tables.filter(t => t.name.toLowerCase().includes(q)).sort((a, b) => a.name.localeCompare(b.name));
    if (!shown.length) continue;
    list.append(el('div', { class: 'schema', text: schema }));
    for (const t of shown) {
      const est = S.schema.rowEstimates[key(t.schema, t.name)];
      list.append(el('div', { class: 'tbl' + (S.table === t ? ' active' : ''), 'data-table': t.name, onclick: () => openTable(t) },
        el('span', { text: t.name }), el('span', { class: 'n', text: est >= 0 ? fmt(est) : '' })));
    }
  }
}
const fmt = (n) => n >= 1e6 ? (n / 1e6).toFixed(1) + 'M' : n >= 1e4 ? Math.round(n / 1e3) + 'k' : String(n);

// ---------- data grid ----------
function openTable(t, filters) {
  S.table = t; S.sort = null; S.filters = filters || []; S.cursors = []; S.offset = 0; resetEdits();
  renderSidebar(); showTab('data'); buildDataTab(); loadPage();
}
function resetEdits() { S.edits = new Map(); S.inserts = []; S.deletes = new Set(); }
function buildDataTab() {
  const t = S.table, tab = $('#tab-data');
  const ro = S.schema.readOnly, noPk = !t.primaryKey;
  tab.replaceChildren(
    el('div', { class: 'toolbar' },
      el('h2', { text: t.name }), el('span', { id: 'count', class: 'muted' }),
      el('button', { class: 'btn', id: 'addFilter', onclick: addFilter, text: '+ Filter' }),
      el('button', { class: 'btn', id: 'addRow', disabled: ro || null, onclick: addRow, text: '+ Row' }),
      el('button', { class: 'btn primary', id: 'save', disabled: true, onclick: save, text: 'Save changes' }),
      el('button', { class: 'btn', id: 'discard', disabled: true, onclick: () => { resetEdits(); renderGrid(); }, text: 'Discard' }),
      noPk ? el('span', { class: 'muted', text: 'no primary key: read-only grid' }) : null,
      el('div', { class: 'pager' },
        el('button', { class: 'btn', id: 'prev', onclick: prevPage, text: '‹ Prev' }),
        el('span', { id: 'pageinfo', class: 'muted' }),
        el('button', { class: 'btn', id: 'next', onclick: nextPage, text: 'Next ›' }))),
    el('div', { class: 'filters', id: 'filters' }),
    el('div', { class: 'gridwrap' }, el('table', { class: 'grid', id: 'grid' })),
    el('div', { id: 'relations' }));
  renderFilters();
}
function opsFor(type) {
  const ops = [['eq', '='], ['ne', '<>']];
  if (!isJson(type) && !isArray(type) && type !== 'boolean') ops.push(['lt', '<'], ['gt', '>'], ['le', '<='], ['ge', '>=']);
  if (isText(type) || isJson(type) || isArray(type) || enumValues(type)) ops.unshift(['contains', 'contains']);
  ops.push(['isnull', 'is null'], ['notnull', 'is not null']);
  return ops;
}
function addFilter() { S.filters.push({ column: S.table.columns[0].name, op: 'eq', value: '' }); renderFilters(); }
function renderFilters() {
  const box = $('#filters'); box.replaceChildren();
  S.filters.forEach((f, i) => {
    const col = S.table.columns.find(c => c.name === f.column);
    const ops = opsFor(col.type);
    if (!ops.some(o => o[0] === f.op)) f.op = ops[0][0];
    const colSel = el('select', { class: 'fcol', onchange: (e) => { f.column = e.target.value; renderFilters(); } },
      S.table.columns.map(c => el('option', { value: c.name, selected: c.name === f.column || null, text: c.name })));
    const opSel = el('select', { class: 'fop', onchange: (e) => { f.op = e.target.value; renderFilters(); } },
      ops.map(([v, l]) => el('option', { value: v, selected: v === f.op || null, text: l })));
    const needsValue = f.op !== 'isnull' && f.op !== 'notnull';
    const val = needsValue ? valueInput(col.type, f.value, (v) => f.value = v, true) : null;
    if (val) val.classList.add('fval');
    if (val) val.addEventListener('keydown', (e) => { if (e.key === 'Enter') applyFilters(); });
    box.append(el('div', { class: 'filter' }, 'where', colSel, opSel, val,
      el('button', { class: 'btn', onclick: applyFilters, text: 'Apply' }),
      el('button', { class: 'btn', title: 'remove filter', onclick: () => { S.filters.splice(i, 1); renderFilters(); applyFilters(); }, text: '✕' })));
  });
}
function applyFilters() { S.cursors = []; S.offset = 0; loadPage(); }
function request(extra) {
  return Object.assign({ schema: S.table.schema || 'public', table: S.table.name, sort: S.sort, limit: 50,
    filters: S.filters.filter(f => f.op === 'isnull' || f.op === 'notnull' || f.value !== '') }, extra);
}
async function loadPage() {
  const after = S.cursors[S.cursors.length - 1];
  try {
    S.page = await api('rows', request({ after: after || null, offset: S.offset }));
  } catch (e) { $('#grid').replaceChildren(el('tr', {}, el('td', { class: 'err', text: e.message }))); return; }
  renderGrid();
}
function nextPage() {
  if (!S.page || !S.page.hasMore) return;
  if (S.page.mode === 'keyset') S.cursors.push(S.page.nextCursor); else S.offset += S.page.rows.length;
  loadPage();
}
function prevPage() {
  if (S.page.mode === 'keyset') S.cursors.pop(); else S.offset = Math.max(0, S.offset - 50);
  loadPage();
}
function rowKey(row) { const k = {}; for (const c of S.page.primaryKey) k[c] = row[S.page.columns.findIndex(x => x.name === c)]; return k; }
const keyStr = (k) => JSON.stringify(k);
function cellView(value, type) {
  if (value === null || value === undefined) return el('span', { class: 'null', text: 'NULL' });
  if (value === '') return el('span', { class: 'empty', text: "''" });
  if ((isJson(type) || isArray(type)) && value.length > 0) {
    const pre = el('pre', { class: 'cellpre', hidden: true });
    const btn = el('button', { class: 'expand', title: 'expand', text: isArray(type) ? '[…]' : '{…}', onclick: (e) => {
      e.stopPropagation();
      if (pre.hidden) { let txt = value; if (isJson(type)) { try { txt = JSON.stringify(JSON.parse(value), null, 2); } catch (_) {} } pre.textContent = txt; }
      pre.hidden = !pre.hidden;
    } });
    return el('span', { class: 'json' }, btn, el('span', { text: value }), pre);
  }
  return document.createTextNode(value);
}
function renderGrid() {
  const p = S.page, t = S.table, grid = $('#grid');
  const editable = !S.schema.readOnly && p.primaryKey.length > 0;
  const head = el('tr', {}, el('th', { text: '' }), p.columns.map(c => el('th', { 'data-col': c.name, onclick: () => {
    S.sort = S.sort && S.sort.column === c.name ? (S.sort.desc ? null : { column: c.name, desc: true }) : { column: c.name, desc: false };
    S.cursors = []; S.offset = 0; loadPage();
  } }, c.name + (S.sort && S.sort.column === c.name ? (S.sort.desc ? ' ▼' : ' ▲') : ''), el('span', { class: 't', text: c.type }))));
  const body = [];
  S.inserts.forEach((ins, i) => body.push(el('tr', { class: 'new', 'data-insert': i },
    el('td', { class: 'actions' }, el('button', { title: 'remove new row', onclick: () => { S.inserts.splice(i, 1); renderGrid(); }, text: '✕' })),
    p.columns.map(c => editableCell(c, ins.values[c.name], c.name in ins.values, (v) => { ins.values[c.name] = v; })))));
  for (const row of p.rows) {
    const k = rowKey(row), ks = keyStr(k), ed = S.edits.get(ks);
    const tr = el('tr', { class: S.deletes.has(ks) ? 'deleted' : null, 'data-key': ks });
    tr.append(el('td', { class: 'actions' },
      editable ? el('button', { title: 'delete row', class: 'del', onclick: () => { S.deletes.has(ks) ? S.deletes.delete(ks) : S.deletes.add(ks); renderGrid(); }, text: '×' }) : null,
      p.primaryKey.length ? el('button', { title: 'relations', class: 'rel', onclick: () => showRelations(t, k), text: '⇄' }) : null));
    p.columns.forEach((c, i) => {
      const edited = ed && c.name in ed.values;
      const td = el('td', { class: (isNum(c.type) ? 'num' : '') + (edited ? ' edited' : ''), 'data-col': c.name },
        cellView(edited ? ed.values[c.name] : row[i], c.type));
      if (editable) td.addEventListener('dblclick', () => {
        const cur = edited ? ed.values[c.name] : row[i];
        td.replaceChildren(editor(c, cur, (v) => {
          const e = S.edits.get(ks) || { key: k, values: {} }; e.values[c.name] = v; S.edits.set(ks, e); renderGrid();
        }, () => renderGrid()));
        const f = td.querySelector('input,select,textarea'); if (f) f.focus();
      });
      tr.append(td);
    });
    body.push(tr);
  }
  grid.replaceChildren(el('thead', {}, head), el('tbody', {}, body));
  const total = p.total === undefined ? '' : (p.totalEstimated ? '≈ ' : '') + p.total.toLocaleString() + (p.totalAtLeast ? '+' : '') + ' rows';
  $('#count').textContent = total + ' · ' + p.ms + ' ms';
  const first = p.mode === 'keyset' ? S.cursors.length * 50 : S.offset;
  $('#pageinfo').textContent = p.rows.length ? (first + 1) + '–' + (first + p.rows.length) : 'no rows';
  $('#prev').disabled = p.mode === 'keyset' ? S.cursors.length === 0 : S.offset === 0;
  $('#next').disabled = !p.hasMore;
  const n = S.edits.size + S.inserts.length + S.deletes.size;
  $('#save').disabled = n === 0; $('#discard').disabled = n === 0;
  $('#save').textContent = n ? 'Save ' + n + ' change' + (n > 1 ? 's' : '') : 'Save changes';
}
function editableCell(col, value, set, onSet) {
  const td = el('td', { 'data-col': col.name });
  td.append(editor(col, set ? value : undefined, (v) => { onSet(v); }, null, true));
  return td;
}
function valueInput(type, value, onChange, forFilter) {
  const ev = enumValues(type);
  let input;
  if (ev) input = el('select', {}, el('option', { value: '', text: '' }), ev.map(v => el('option', { value: v, selected: v === value || null, text: v })));
  else if (type === 'boolean') input = el('select', {}, ['', 'true', 'false'].map(v => el('option', { value: v, selected: v === value || null, text: v })));
  else if (isJson(type) && !forFilter) input = el('textarea', {});
  else if (isNum(type)) input = el('input', { type: 'number', step: 'any' });
  else if (type === 'date') input = el('input', { type: 'date' });
  else input = el('input', { type: 'text', placeholder: /^timestamp/.test(type) ? 'YYYY-MM-DD hh:mm:ss' : type });
  if (input.tagName !== 'SELECT' && value !== null && value !== undefined) {
    input.value = isJson(type) && !forFilter ? (() => { try { return JSON.stringify(JSON.parse(value), null, 2); } catch (_) { return value; } })() : value;
  }
  input.addEventListener('input', () => onChange(input.value));
  input.addEventListener('change', () => onChange(input.value));
  return input;
}
function editor(col, value, commit, cancel, live) {
  let current = value === undefined ? '' : value;
  const input = valueInput(col.type, value, (v) => { current = v; if (live) commit(v); }, false);
  input.classList.add('cell-input');
  const box = el('div', { class: 'editor' }, input);
  if (!live) {
    input.addEventListener('keydown', (e) => {
      if (e.key === 'Enter' && input.tagName !== 'TEXTAREA') commit(current);
      if (e.key === 'Escape') cancel();
    });
    box.append(el('button', { class: 'btn ok', title: 'set', onclick: () => commit(current), text: '✓' }));
  }
  box.append(el('button', { class: 'btn setnull', title: 'set NULL', onclick: () => commit(null), text: 'NULL' }));
  const fk = S.table.foreignKeys.find(f => f.columns.length === 1 && f.columns[0] === col.name);
  if (fk) box.append(el('button', { class: 'btn fkpick', title: 'pick from ' + fk.refTable, onclick: () => fkPicker(fk, (v) => { input.value = v; current = v; commit(v); }), text: '…' }));
  return box;
}
async function fkPicker(fk, pick) {
  const ref = tableOf(fk.refSchema, fk.refTable);
  const label = ref.columns.find(c => isText(c.type) && !fk.refColumns.includes(c.name)) || ref.columns[0];
  const results = el('div', {});
  const search = el('input', { type: 'text', placeholder: 'search ' + ref.name + '.' + label.name, class: 'fksearch' });
  const dlg = el('dialog', {}, el('h3', { text: 'Pick ' + ref.name }), search, results,
    el('div', {}, el('button', { class: 'btn', onclick: () => dlg.close(), text: 'Cancel' })));
  document.body.append(dlg);
  dlg.addEventListener('close', () => dlg.remove());
  const run = async () => {
    const filters = search.value ? [{ column: label.name, op: 'contains', value: search.value }] : [];
    const page = await api('rows', { schema: ref.schema || 'public', table: ref.name, filters, limit: 20 });
    const ki = page.columns.findIndex(c => c.name === fk.refColumns[0]), li = page.columns.findIndex(c => c.name === label.name);
    results.replaceChildren(el('table', { class: 'grid' }, el('tbody', {}, page.rows.map(r => el('tr', { class: 'fkrow', onclick: () => { pick(r[ki]); dlg.close(); } },
      el('td', { text: r[ki] }), el('td', { text: r[li] ?? 'NULL' }))))));
  };
  search.addEventListener('input', () => { clearTimeout(run.h); run.h = setTimeout(run, 200); });
  dlg.showModal(); run();
}
function addRow() { S.inserts.unshift({ values: {} }); renderGrid(); }
async function save() {
  const ops = [], rowsForOp = [];
  S.inserts.forEach((ins, i) => { ops.push({ op: 'insert', values: ins.values }); rowsForOp.push('tr[data-insert="' + i + '"]'); });
  for (const [ks, e] of S.edits) if (!S.deletes.has(ks)) { ops.push({ op: 'update', key: e.key, values: e.values }); rowsForOp.push(ks); }
  for (const ks of S.deletes) { ops.push({ op: 'delete', key: JSON.parse(ks) }); rowsForOp.push(ks); }
  const res = await api('edit', { schema: S.table.schema || 'public', table: S.table.name, ops }).catch(e => e.data || { ok: false, index: -1, message: e.message });
  document.querySelectorAll('tr.error').forEach(r => r.remove());
  if (res.ok) { toast('Saved ' + res.applied + ' change(s) in one transaction'); resetEdits(); loadPage(); return; }
  const target = rowsForOp[res.index];
  let tr = target && target.startsWith('tr[') ? document.querySelector(target) : [...document.querySelectorAll('#grid tr[data-key]')].find(r => r.dataset.key === target);
  const msg = (res.constraint ? 'constraint ' + res.constraint + ': ' : '') + res.message + (res.detail ? ' — ' + res.detail : '') + ' (nothing was saved)';
  const errRow = el('tr', { class: 'error' }, el('td', { colspan: S.page.columns.length + 1, text: '⚠ ' + msg }));
  if (tr) tr.after(errRow); else $('#grid tbody').prepend(errRow);
}
async function showRelations(t, k) {
  const box = $('#relations');
  const r = await api('relations', { schema: t.schema || 'public', table: t.name, key: k });
  const section = (title, list, incoming) => [el('h3', { text: title }), list.length ? list.map(rel => el('div', { class: 'rel' },
    el('div', { class: 'head' }, el('button', { class: 'link', text: rel.table, onclick: () => openTable(tableOf(rel.schema, rel.table), incoming ? rel.via.map((c, i) => ({ column: rel.to[i], op: 'eq', value: k[c] ?? '' })) : []) }),
      el('span', { class: 'muted', text: ' via ' + rel.constraint + ' (' + (incoming ? rel.to : rel.via).join(', ') + ')' + (rel.more ? ' · first ' + rel.rows.length : '') })),
    rel.rows.length ? miniTable(rel) : el('div', { class: 'muted', text: incoming ? 'no rows reference it' : 'NULL reference' }))) : el('div', { class: 'muted', text: 'none' })];
  box.replaceChildren(el('div', { class: 'toolbar' }, el('b', { text: 'Relations of ' + t.name + ' ' + Object.values(k).join(', ') }),
    el('button', { class: 'btn', onclick: () => box.replaceChildren(), text: 'Close' })),
    ...section('References (outgoing)', r.outgoing, false).flat(), ...section('Referenced by (incoming)', r.incoming, true).flat());
}
function miniTable(rel) {
  const tt = tableOf(rel.schema, rel.table);
  return el('table', { class: 'grid' }, el('thead', {}, el('tr', {}, rel.columns.map(c => el('th', { text: c.name })))),
    el('tbody', {}, rel.rows.map(row => el('tr', { class: 'relrow', onclick: () => {
      const filters = rel.primaryKey.map(pk => ({ column: pk, op: 'eq', value: row[rel.columns.findIndex(c => c.name === pk)] }));
      openTable(tt, filters);
    } }, row.map((v, i) => el('td', {}, cellView(v, rel.columns[i].type)))))));
}

// ---------- structure ----------
function renderStructure() {
  const tab = $('#tab-structure'), t = S.table;
  const box = el('div', { class: 'struct' });
  const grid = (heads, rows) => el('table', { class: 'grid' }, el('thead', {}, el('tr', {}, heads.map(h => el('th', { text: h })))),
    el('tbody', {}, rows.map(r => el('tr', {}, r.map(v => el('td', {}, v === null || v === undefined ? el('span', { class: 'null', text: '—' }) : String(v)))))));
  if (t) {
    box.append(el('h2', { text: (t.schema ? t.schema + '.' : '') + t.name }));
    box.append(el('h3', { text: 'Columns' }), grid(['name', 'type', 'nullable', 'default', 'key'], t.columns.map(c => [c.name, c.type, c.notNull ? 'not null' : 'null',
      c.defaultExpr || (c.identity ? 'identity' : null), (t.primaryKey && t.primaryKey.columns.includes(c.name) ? 'PK ' : '') + (t.foreignKeys.some(f => f.columns.includes(c.name)) ? 'FK' : '')])));
    if (t.primaryKey) box.append(el('h3', { text: 'Primary key' }), grid(['name', 'columns'], [[t.primaryKey.name, t.primaryKey.columns.join(', ')]]));
    if (t.foreignKeys.length) box.append(el('h3', { text: 'Foreign keys' }), grid(['name', 'columns', 'references', 'on delete'], t.foreignKeys.map(f => [f.name, f.columns.join(', '), f.refTable + '(' + f.refColumns.join(', ') + ')', f.onDelete])));
    if (t.uniques.length) box.append(el('h3', { text: 'Unique constraints' }), grid(['name', 'columns'], t.uniques.map(u => [u.name, u.columns.join(', ')])));
    if (t.checks.length) box.append(el('h3', { text: 'Check constraints' }), grid(['name', 'expression'], t.checks.map(c => [c.name, c.expression])));
    if (t.indexes.length) box.append(el('h3', { text: 'Indexes' }), grid(['name', 'unique', 'method', 'elements', 'where'], t.indexes.map(i => [i.name, i.unique ? 'yes' : '', i.method, i.elements.map(e => e.expression).join(', '), i.where])));
    if (t.policies.length || t.rlsEnabled) box.append(el('h3', { text: 'Row-level security: ' + (t.rlsEnabled ? 'enabled' : 'disabled') }), grid(['policy', 'command', 'roles', 'using', 'with check'], t.policies.map(p => [p.name, p.command, p.roles.join(', '), p.using, p.withCheck])));
  } else box.append(el('div', { class: 'blank', text: 'Pick a table on the left.' }));
  if (S.schema.enums.length) box.append(el('h3', { text: 'Enums' }), grid(['name', 'values'], S.schema.enums.map(e => [(e.schema ? e.schema + '.' : '') + e.name, e.values.join(', ')])));
  if (S.schema.views.length) box.append(el('h3', { text: 'Views' }), grid(['name', 'kind', 'query'], S.schema.views.map(v => [(v.schema ? v.schema + '.' : '') + v.name, v.materialized ? 'materialized' : 'view', v.query])));
  tab.replaceChildren(box);
}

// ---------- ER diagram ----------
function renderDiagram() {
  const tab = $('#tab-diagram');
  const tables = S.schema.tables, W = 230, RH = 18, HH = 26, GAP = 70;
  const cols = Math.max(1, Math.ceil(Math.sqrt(tables.length)));
  const pos = new Map(); const colY = new Array(cols).fill(20);
  tables.forEach((t, i) => {
    const c = i % cols, h = HH + RH * t.columns.length + 6;
    pos.set(key(t.schema, t.name), { x: 20 + c * (W + GAP), y: colY[c], h, t });
    colY[c] += h + GAP / 2;
  });
  const root = el('svg:g', { id: 'er-root' });
  const edges = el('svg:g', {});
  root.append(edges);
  for (const { x, y, h, t } of pos.values()) {
    const pk = t.primaryKey ? t.primaryKey.columns : [];
    const g = el('svg:g', { class: 'er-box', 'data-table': t.name, transform: 'translate(' + x + ',' + y + ')' },
      el('svg:rect', { class: 'body', width: W, height: h, rx: 6 }),
      el('svg:rect', { class: 'head', width: W, height: HH, rx: 6, onclick: () => openTable(t) }),
      el('svg:text', { class: 'title', x: 10, y: 17, onclick: () => openTable(t), text: t.name }));
    t.columns.forEach((c, i) => {
      const cy = HH + RH * i + 14;
      g.append(el('svg:text', { x: 10, y: cy, class: pk.includes(c.name) ? 'pk' : null, text: (pk.includes(c.name) ? '◆ ' : '') + c.name }),
        el('svg:text', { x: W - 8, y: cy, class: 'type', 'text-anchor': 'end', text: c.type.length > 18 ? c.type.slice(0, 17) + '…' : c.type }));
    });
    root.append(g);
  }
  for (const { x, y, t } of pos.values()) for (const f of t.foreignKeys) {
    const to = pos.get(key(f.refSchema, f.refTable)); if (!to) continue;
    const fi = t.columns.findIndex(c => c.name === f.columns[0]), ti = to.t.columns.findIndex(c => c.name === f.refColumns[0]);
    const y1 = y + HH + RH * fi + 10, y2 = to.y + HH + RH * ti + 10;
    const right = to.x > x; const x1 = right ? x + W : x, x2 = right ? to.x : to.x + W;
    const bend = to === pos.get(key(t.schema, t.name)) ? 60 : Math.max(40, Math.abs(x2 - x1) / 2);
    const d = 'M' + x1 + ',' + y1 + ' C' + (x1 + (right ? bend : -bend)) + ',' + y1 + ' ' + (x2 + (right ? -bend : bend)) + ',' + y2 + ' ' + x2 + ',' + y2;
    edges.append(el('svg:path', { class: 'er-edge', d, 'data-fk': f.name }), el('svg:circle', { cx: x2, cy: y2, r: 3, fill: '#2563eb' }));
  }
  const svg = el('svg:svg', { id: 'diagram', width: '100%', height: '100%' }, root);
  const view = { x: 0, y: 0, k: 1 };
  const apply = () => root.setAttribute('transform', 'translate(' + view.x + ',' + view.y + ') scale(' + view.k + ')');
  let drag = null;
  svg.addEventListener('mousedown', (e) => { drag = { x: e.clientX - view.x, y: e.clientY - view.y }; });
  window.addEventListener('mousemove', (e) => { if (drag) { view.x = e.clientX - drag.x; view.y = e.clientY - drag.y; apply(); } });
  window.addEventListener('mouseup', () => drag = null);
  svg.addEventListener('wheel', (e) => {
    e.preventDefault();
    const r = svg.getBoundingClientRect(), mx = e.clientX - r.left, my = e.clientY - r.top;
    const k = Math.min(3, Math.max(0.2, view.k * (e.deltaY < 0 ? 1.1 : 1 / 1.1)));
    view.x = mx - (mx - view.x) * k / view.k; view.y = my - (my - view.y) * k / view.k; view.k = k; apply();
  }, { passive: false });
  tab.replaceChildren(el('div', { class: 'toolbar' }, el('b', { text: 'ER diagram' }), el('span', { class: 'muted', text: tables.length + ' tables · drag to pan, wheel to zoom, click a table to open it' })), svg);
}

// ---------- SQL console ----------
const HISTORY = 'sluice.studio.history';
function renderSql() {
  const tab = $('#tab-sql');
  if (tab.dataset.built) { renderHistory(); return; }
  tab.dataset.built = '1';
  const ta = el('textarea', { id: 'sqlText', spellcheck: 'false', placeholder: 'select * from …   (Ctrl+Enter to run)' });
  ta.addEventListener('keydown', (e) => { if (e.key === 'Enter' && (e.ctrlKey || e.metaKey)) runSql(false); });
  tab.replaceChildren(el('div', { class: 'sqlbox' }, ta,
    el('div', { class: 'toolbar', style: null }, el('button', { class: 'btn primary', id: 'runSql', onclick: () => runSql(false), text: 'Run' }),
      el('button', { class: 'btn', id: 'explainSql', onclick: () => runSql(true), text: 'Explain analyze' }),
      el('span', { class: 'muted', text: S.schema.readOnly ? 'read-only transaction · 30 s timeout' : 'one transaction per run · 30 s timeout · EXPLAIN ANALYZE is rolled back' })),
    el('div', { class: 'history', id: 'history' })), el('div', { class: 'sqlout', id: 'sqlOut' }));
  renderHistory();
}
function renderHistory() {
  const h = JSON.parse(localStorage.getItem(HISTORY) || '[]');
  $('#history').replaceChildren(...(h.length ? [el('span', { class: 'muted', text: 'History:' })] : []),
    ...h.map(q => el('button', { class: 'btn', title: q, onclick: () => $('#sqlText').value = q, text: q })));
}
async function runSql(explain) {
  const sql = $('#sqlText').value, out = $('#sqlOut');
  const h = JSON.parse(localStorage.getItem(HISTORY) || '[]').filter(q => q !== sql); h.unshift(sql);
  localStorage.setItem(HISTORY, JSON.stringify(h.slice(0, 30))); renderHistory();
  out.replaceChildren(el('div', { class: 'muted', text: 'running…' }));
  try {
    const r = await api('sql', { sql, explain });
    if (explain) { out.replaceChildren(planTree(r.plan[0])); return; }
    if (r.columns) out.replaceChildren(el('div', { class: 'muted', text: r.rows.length + (r.truncated ? '+ rows (first ' + r.rows.length + ')' : ' rows') + ' · ' + r.ms + ' ms' }),
      el('table', { class: 'grid', id: 'sqlResult' }, el('thead', {}, el('tr', {}, r.columns.map(c => el('th', {}, c.name, el('span', { class: 't', text: c.type }))))),
        el('tbody', {}, r.rows.map(row => el('tr', {}, row.map((v, i) => el('td', {}, cellView(v, r.columns[i].type))))))));
    else out.replaceChildren(el('div', { class: 'muted', text: r.updateCount + ' row(s) affected · ' + r.ms + ' ms' }));
  } catch (e) {
    const d = e.data || {};
    out.replaceChildren(el('div', { class: 'err' }, (d.sqlState ? '[' + d.sqlState + '] ' : '') + e.message + (d.detail ? '\n' + d.detail : '')));
  }
}
function planTree(p) {
  const total = p.Plan['Actual Total Time'] || 1;
  const node = (n) => {
    const self = n['Actual Total Time'] - (n.Plans || []).reduce((s, c) => s + (c['Actual Total Time'] || 0) * 1, 0);
    const bits = [];
    if (n['Relation Name']) bits.push('on ' + n['Relation Name'] + (n.Alias && n.Alias !== n['Relation Name'] ? ' ' + n.Alias : ''));
    if (n['Index Name']) bits.push('using ' + n['Index Name']);
    const meta = 'rows ' + n['Actual Rows'] + ' (est. ' + n['Plan Rows'] + ') · ' + (n['Actual Total Time'] ?? 0).toFixed(3) + ' ms · loops ' + n['Actual Loops']
      + (n['Shared Hit Blocks'] !== undefined ? ' · buffers hit ' + n['Shared Hit Blocks'] + ' read ' + n['Shared Read Blocks'] : '');
    const cond = n['Filter'] || n['Index Cond'] || n['Hash Cond'] || n['Join Filter'] || n['Merge Cond'];
    return el('li', {}, el('div', { class: 'node' }, el('span', { class: 'nt', text: n['Node Type'] }), ' ', bits.join(' '),
      el('span', { class: 'meta' + (self > total * 0.5 ? ' hot' : ''), text: meta }), cond ? el('div', { class: 'meta', text: cond }) : null),
      n.Plans ? el('ul', {}, n.Plans.map(node)) : null);
  };
  return el('div', { class: 'plan', id: 'planTree' }, el('div', { class: 'muted', text: 'Planning ' + p['Planning Time'].toFixed(3) + ' ms · execution ' + p['Execution Time'].toFixed(3) + ' ms (rolled back)' }),
    el('ul', {}, node(p.Plan)));
}

// ---------- migrations ----------
async function renderMigrations() {
  const tab = $('#tab-migrations');
  const m = await api('migrations');
  tab.replaceChildren(el('div', { class: 'struct' }, el('h2', { text: 'Migrations' }),
    el('div', { class: 'muted', text: m.folder ? 'folder ' + m.folder + ' and history table sluice.migrations' : 'history table sluice.migrations (start with --migrations DIR to see pending ones)' }),
    m.migrations.length ? el('table', { class: 'grid' }, el('thead', {}, el('tr', {}, ['version', 'name', 'state', 'applied at'].map(h => el('th', { text: h })))),
      el('tbody', {}, m.migrations.map(r => el('tr', {}, el('td', { text: r.version }), el('td', { text: r.name }), el('td', {}, el('span', { class: 'pill', text: r.state })), el('td', { text: r.appliedAt || '' })))))
      : el('div', { class: 'blank', text: 'No migrations recorded.' })));
}

// ---------- boot ----------
async function boot() {
  document.querySelectorAll('#tabs button').forEach(b => b.addEventListener('click', () => showTab(b.dataset.tab)));
  $('#tableFilter').addEventListener('input', renderSidebar);
  S.schema = await api('schema');
  $('#mode').replaceChildren(el('span', { class: 'badge' + (S.schema.readOnly ? ' ro' : ''), text: S.schema.readOnly ? 'read-only' : 'read-write' }));
  renderSidebar();
  const first = S.schema.tables.slice().sort((a, b) => a.name.localeCompare(b.name))[0];
  if (first) openTable(first); else $('#tab-data').replaceChildren(el('div', { class: 'blank', text: 'This database has no tables yet.' }));
}
boot().catch(e => { document.body.append(el('div', { class: 'err', text: 'Studio failed to load: ' + e.message })); });
