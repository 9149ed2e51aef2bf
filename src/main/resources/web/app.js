// refheap's time-travel heap page. Plain JS + SVG, no libraries, nothing fetched but this
// server's /api. A run is recorded once on the server (docs/trace-format.md); stepping, back and
// forth, only replays that record. Object positions are computed once per record, in step order,
// so an object keeps its place for its whole life and the picture never reshuffles.
"use strict";

const $ = (id) => document.getElementById(id);
const SVG = "http://www.w3.org/2000/svg";
const BOX_W = 158, BOX_H = 66, ROW_H = 80, COL_W = 196, FRAME_W = 180, OBJ_X = 230;

const state = {
  examples: [], record: null, step: 0, pos: new Map(), selected: null,
  series: null, cellOffsets: [],
};

const PHASES = {
  start: "a collection starts: the younger generations are merged into the one collected",
  update_refs: "update_refs: each object's gc_refs := its refcount",
  subtract_refs: "subtract_refs: every reference from inside the generation is subtracted; gc_refs > 0 means held from outside",
  unreachable: "move_unreachable: what nothing outside reaches is tentatively unreachable (red, dashed)",
  weakrefs: "handle_weakrefs: weakrefs to unreachable objects are cleared and their callbacks run",
  finalize: "finalize_garbage: __del__ methods run, once per object",
  clear: "delete_garbage: tp_clear breaks the cycles, the refcounts fall to 0",
  stop: "the collection ends: the objects it freed are greyed and crossed out at this step",
};

// ---- examples and the editor ------------------------------------------------------------------

async function loadExamples() {
  const r = await fetch("/api/examples");
  state.examples = await r.json();
  const sel = $("example-select");
  sel.innerHTML = "";
  state.examples.forEach((ex, i) => {
    const o = document.createElement("option");
    o.value = String(i);
    o.textContent = ex.name;
    sel.appendChild(o);
  });
  if (state.examples.length) loadExample(0);
}

function loadExample(i) {
  const ex = state.examples[i];
  if (!ex) return;
  $("editor").value = ex.kind === "notebook"
    ? ex.cells.map((c, k) => "# %% cell " + (k + 1) + "\n" + c.replace(/\n+$/, "")).join("\n")
    : ex.cells[0];
  showEditor();
  updateGutter();
  status("loaded " + ex.name);
}

function editorCells() {
  const text = $("editor").value;
  const lines = text.split("\n");
  if (!lines.some((l) => /^# %%/.test(l))) return { kind: "script", cells: [text] };
  const cells = [];
  let cur = null;
  for (const l of lines) {
    if (/^# %%/.test(l)) { if (cur !== null) cells.push(cur.join("\n")); cur = []; continue; }
    if (cur === null) { if (l.trim() === "") continue; cur = []; }
    cur.push(l);
  }
  if (cur !== null) cells.push(cur.join("\n"));
  return { kind: "notebook", cells: cells.map((c) => c.replace(/\n+$/, "") + "\n") };
}

function updateGutter() {
  const n = $("editor").value.split("\n").length;
  let s = "";
  for (let i = 1; i <= n; i++) s += i + "\n";
  $("gutter").textContent = s;
  $("gutter").scrollTop = $("editor").scrollTop;
}

function showEditor() {
  $("editor-wrap").hidden = false;
  $("code-view").hidden = true;
  $("edit").hidden = true;
}

function status(t) { $("status").textContent = t; }

// ---- running --------------------------------------------------------------------------------

async function run() {
  const { kind, cells } = editorCells();
  const ex = state.examples[Number($("example-select").value)];
  const name = kind === "notebook" ? (ex && ex.kind === "notebook" ? ex.name : "program.ipynb") : "program.py";
  status("running…");
  $("run").disabled = true;
  try {
    const r = await fetch("/api/run", {
      method: "POST", headers: { "Content-Type": "application/json" },
      body: JSON.stringify({ name, kind, cells }),
    });
    if (!r.ok) { status("refused: " + (await r.text())); return; }
    setRecord(await r.json());
  } catch (e) {
    status("failed: " + e);
  } finally {
    $("run").disabled = false;
  }
}

function setRecord(rec) {
  state.record = rec;
  state.selected = null;
  window.refheapRecord = rec;
  const steps = rec.steps;
  $("slider").max = String(Math.max(0, steps.length - 1));
  layout(rec);
  state.series = series(rec);
  renderCode(rec);
  const end = rec.ended;
  status(steps.length + " steps recorded" + (end.reason === "finished" ? "" : end.reason === "error" ? "; the program raised an error (last step)" : "; " + end.message));
  $("details").innerHTML = '<p class="hint">Click an object (or Tab to it and press Enter) to see who holds it.</p>';
  goTo(0);
  $("code-view").focus();
}

// ---- layout: once per record, in step order ---------------------------------------------------

function layout(rec) {
  state.pos = new Map();
  const colRows = [];
  for (const st of rec.steps) {
    if (!st.objects) continue;
    const byS = new Map(st.objects.map((o) => [o.serial, o]));
    const depth = new Map();
    const q = [];
    for (const f of st.frames) for (const v of f.locals) if (!depth.has(v.ref)) { depth.set(v.ref, 0); q.push(v.ref); }
    while (q.length) {
      const s = q.shift();
      const o = byS.get(s);
      if (!o) continue;
      for (const r of o.refs) if (!depth.has(r.to)) { depth.set(r.to, depth.get(s) + 1); q.push(r.to); }
    }
    for (const o of st.objects) {
      if (state.pos.has(o.serial)) continue;
      let col = depth.has(o.serial) ? Math.min(depth.get(o.serial), 5) : 0;
      // an object first seen as somebody's referent goes right of it
      for (const p of st.objects) {
        if (p.refs.some((r) => r.to === o.serial) && state.pos.has(p.serial)) col = Math.max(col, Math.min(5, state.pos.get(p.serial).col + 1));
      }
      // a full column spills into the next ones (positions never change once given)
      while ((colRows[col] || 0) >= 7 && col < 11) col++;
      colRows[col] = colRows[col] || 0;
      state.pos.set(o.serial, { col, row: colRows[col]++ });
    }
  }
}

function xy(serial) {
  const p = state.pos.get(serial) || { col: 0, row: 0 };
  return { x: OBJ_X + p.col * COL_W, y: 10 + p.row * ROW_H };
}

// ---- the code view ----------------------------------------------------------------------------

function renderCode(rec) {
  const view = $("code-view");
  view.innerHTML = "";
  rec.cells.forEach((c, ci) => {
    const cell = document.createElement("div");
    cell.className = "cell";
    cell.id = "cell-" + ci;
    if (rec.cells.length > 1) {
      const t = document.createElement("div");
      t.className = "cell-title";
      t.textContent = "cell " + (ci + 1);
      cell.appendChild(t);
    }
    c.source.replace(/\n$/, "").split("\n").forEach((line, li) => {
      const d = document.createElement("div");
      d.className = "ln";
      d.id = "L-" + ci + "-" + (li + 1);
      const no = document.createElement("span"); no.className = "no"; no.textContent = String(li + 1);
      const mk = document.createElement("span"); mk.className = "mark";
      const tx = document.createElement("span"); tx.className = "tx"; tx.textContent = line;
      d.append(no, mk, tx);
      cell.appendChild(d);
    });
    view.appendChild(cell);
  });
  $("editor-wrap").hidden = true;
  view.hidden = false;
  $("edit").hidden = false;
}

function sourceLine(cell, line) {
  const c = state.record.cells[cell];
  if (!c || line < 1) return "";
  return (c.source.split("\n")[line - 1] || "").trim();
}

// ---- stepping -----------------------------------------------------------------------------------

function goTo(i) {
  const rec = state.record;
  if (!rec || !rec.steps.length) return;
  i = Math.max(0, Math.min(rec.steps.length - 1, i));
  state.step = i;
  $("slider").value = String(i);
  const st = rec.steps[i];
  renderMarks(st);
  renderInfo(st, i);
  renderOutput(st, i);
  renderHeap(st);
  renderGenerations(st);
  renderPlots(i);
  renderArenas(i);
  renderDetails();
}

function renderMarks(st) {
  document.querySelectorAll(".ln.next, .ln.prev").forEach((e) => e.classList.remove("next", "prev"));
  document.querySelectorAll(".cell.current").forEach((e) => e.classList.remove("current"));
  const prev = document.getElementById("L-" + st.prevCell + "-" + st.prevLine);
  if (prev) prev.classList.add("prev");
  if (st.kind === "line") {
    const next = document.getElementById("L-" + st.cell + "-" + st.line);
    if (next) { next.classList.add("next"); reveal(next); }
  } else if (prev) reveal(prev);
  const cell = document.getElementById("cell-" + st.cell);
  if (cell) cell.classList.add("current");
}

/** Scrolls the code view (only it, never the page) so that line element e is visible. */
function reveal(e) {
  const view = $("code-view");
  const top = e.offsetTop - view.offsetTop, h = view.clientHeight;
  if (top < view.scrollTop + 20 || top > view.scrollTop + h - 40) view.scrollTop = Math.max(0, top - h / 3);
}

function renderInfo(st, i) {
  const n = state.record.steps.length;
  const info = $("step-info");
  const cellTxt = state.record.cells.length > 1 ? "cell " + (st.cell + 1) + ", " : "";
  const prevSrc = st.prevLine > 0 ? sourceLine(st.prevCell, st.prevLine) : "";
  let html = "<b>Step " + (i + 1) + " of " + n + "</b> · ";
  if (st.kind === "line") {
    html += cellTxt + "line " + st.line + " runs next: <span class='src'>" + esc(sourceLine(st.cell, st.line)) + "</span>";
    if (prevSrc) html += "<br>just ran: <span class='src'>" + esc(prevSrc) + "</span>";
  } else if (st.kind === "gc") {
    html += "collector, generation " + st.generation + " (collection #" + st.collection + "): <b>" + st.phase + "</b> — " + esc(PHASES[st.phase] || "");
    if (st.phase === "unreachable") html += " (" + st.phaseCount + " objects)";
    if (st.phase === "stop") html += " (" + st.phaseCount + " collected)";
  } else {
    html += "end of " + (state.record.cells.length > 1 ? "cell " + (st.cell + 1) : "the program") + (prevSrc ? "; last ran: <span class='src'>" + esc(prevSrc) + "</span>" : "");
  }
  if (st.note) html += "<br><i>" + esc(st.note) + "</i>";
  info.innerHTML = html;
  info.dataset.kind = st.kind;
  info.dataset.phase = st.phase || "";
  info.dataset.prevSrc = prevSrc;
  info.dataset.cell = String(st.cell);
  info.dataset.step = String(i);
}

function renderOutput(st, i) {
  const rec = state.record;
  const bytes = new TextEncoder().encode(rec.stdout);
  $("output").textContent = new TextDecoder().decode(bytes.slice(0, st.out));
  $("output").scrollTop = 1e9;
  const last = i === rec.steps.length - 1;
  const err = st.error || (last && rec.ended.error) || (last && rec.ended.reason === "limit" ? rec.ended.message : null);
  $("error").hidden = !err;
  $("error").textContent = err || "";
}

// ---- the heap -----------------------------------------------------------------------------------

function el(tag, attrs, parent) {
  const e = document.createElementNS(SVG, tag);
  for (const k in attrs) e.setAttribute(k, attrs[k]);
  if (parent) parent.appendChild(e);
  return e;
}

function text(parent, x, y, s, cls) {
  const t = el("text", { x, y }, parent);
  if (cls) t.setAttribute("class", cls);
  t.textContent = s;
  return t;
}

function renderHeap(st) {
  const svg = $("heap");
  svg.innerHTML = "";
  const defs = el("defs", {}, svg);
  const m = el("marker", { id: "arrow", viewBox: "0 0 10 10", refX: "9", refY: "5", markerWidth: "7", markerHeight: "7", orient: "auto-start-reverse" }, defs);
  el("path", { d: "M0,0 L10,5 L0,10 z", fill: "#52606d" }, m);
  const mb = el("marker", { id: "arrow-blue", viewBox: "0 0 10 10", refX: "9", refY: "5", markerWidth: "7", markerHeight: "7", orient: "auto-start-reverse" }, defs);
  el("path", { d: "M0,0 L10,5 L0,10 z", fill: "#2563eb" }, mb);
  const edges = el("g", {}, svg);
  const nodes = el("g", {}, svg);
  let maxX = 800, maxY = 400;
  const objs = st.objects || [];
  const byS = new Map(objs.map((o) => [o.serial, o]));
  const allocated = new Set((st.changes.allocatedObjects || []).map((a) => a.serial));
  // frames, outermost at the top
  let fy = 10;
  const varPos = [];
  for (const f of st.frames) {
    const h = 24 + 18 * Math.max(1, f.locals.length);
    const g = el("g", { class: "frame" }, nodes);
    el("rect", { class: "box", x: 8, y: fy, width: FRAME_W, height: h, rx: 5 }, g);
    text(g, 16, fy + 16, f.name + (f.line > 0 ? "  line " + f.line : ""), "title");
    f.locals.forEach((v, k) => {
      const y = fy + 34 + 18 * k;
      text(g, 16, y, v.name + (v.cell ? " (cell)" : ""), "var");
      el("circle", { cx: FRAME_W - 4, cy: y - 4, r: 3, fill: "#2563eb" }, g);
      varPos.push({ x: FRAME_W - 4, y: y - 4, to: v.ref, name: v.name });
    });
    fy += h + 10;
    maxY = Math.max(maxY, fy);
  }
  for (const o of objs) {
    const p = xy(o.serial);
    maxX = Math.max(maxX, p.x + BOX_W + 20);
    maxY = Math.max(maxY, p.y + BOX_H + 20);
    const cls = ["obj", o.state];
    if (o.shared) cls.push("shared");
    if (allocated.has(o.serial)) cls.push("new");
    if (state.selected === o.serial) cls.push("selected");
    const g = el("g", {
      class: cls.join(" "), tabindex: "0", role: "button",
      "data-serial": o.serial, "data-type": o.type, "data-refcount": o.refcount, "data-state": o.state,
      "aria-label": o.type + " #" + o.serial + ", refcount " + o.refcount + (o.state !== "live" ? ", " + o.state : "")
        + (o.generation !== undefined ? ", " + GEN_LONG[o.generation] : ""),
      "data-generation": o.generation === undefined ? "" : o.generation,
    }, nodes);
    el("rect", { class: "box", x: p.x, y: p.y, width: BOX_W, height: BOX_H, rx: 4 }, g);
    text(g, p.x + 6, p.y + 14, o.type + "  #" + o.serial + (o.shared ? "  (shared)" : ""), "head");
    text(g, p.x + 6, p.y + 28, "id " + o.id);
    if (o.generation !== undefined) text(g, p.x + BOX_W - 6, p.y + 14, GEN_NAMES[o.generation], "gen-tag");
    text(g, p.x + 6, p.y + 42, "refcount " + (o.refcount > 99999999 ? o.refcount.toLocaleString("en-US") : o.refcount), "rc");
    if (o.gcRefs !== undefined) text(g, p.x + 96, p.y + 42, "gc_refs " + o.gcRefs, "gcrefs");
    text(g, p.x + 6, p.y + 57, clip(o.state === "freed" ? "freed: " + o.value : o.value, 24));
    if (o.state === "freed") {
      el("line", { class: "cross", x1: p.x, y1: p.y, x2: p.x + BOX_W, y2: p.y + BOX_H }, g);
      el("line", { class: "cross", x1: p.x + BOX_W, y1: p.y, x2: p.x, y2: p.y + BOX_H }, g);
    }
    g.addEventListener("click", () => select(o.serial));
    g.addEventListener("keydown", (e) => { if (e.key === "Enter" || e.key === " ") { e.preventDefault(); select(o.serial); } });
    for (const r of o.refs) {
      if (!byS.has(r.to)) continue;
      const q = xy(r.to);
      const x1 = p.x + BOX_W, y1 = p.y + BOX_H / 2;
      let x2 = q.x, y2 = q.y + BOX_H / 2;
      if (r.to === o.serial) { x2 = p.x + BOX_W - 30; y2 = p.y; }
      const bend = Math.max(40, Math.abs(x2 - x1) / 2);
      const d = q.x > p.x
        ? `M${x1},${y1} C${x1 + bend},${y1} ${x2 - bend},${y2} ${x2},${y2}`
        : `M${x1},${y1} C${x1 + 80},${y1 - 60} ${x2 - 80},${y2 - 60} ${x2},${y2}`;
      el("path", { class: "ref", d, "marker-end": "url(#arrow)" }, edges);
      const mx = (x1 + x2) / 2 + (q.x > p.x ? 0 : 0), my = (y1 + y2) / 2 - (q.x > p.x ? 4 : 40);
      text(edges, mx - 14, my, r.label, "edge");
    }
  }
  for (const v of varPos) {
    if (!byS.has(v.to)) continue;
    const q = xy(v.to);
    const y2 = q.y + BOX_H / 2;
    el("path", { class: "var-ref", d: `M${v.x},${v.y} C${v.x + 30},${v.y} ${q.x - 30},${y2} ${q.x},${y2}`, "marker-end": "url(#arrow-blue)" }, edges);
  }
  if (!st.objects) text(nodes, OBJ_X, 30, st.note || "no snapshot at this step");
  svg.setAttribute("width", String(maxX));
  svg.setAttribute("height", String(maxY));
}

const GEN_NAMES = ["gen 0", "gen 1", "gen 2", "permanent"];
const GEN_LONG = ["generation 0 (young)", "generation 1", "generation 2 (old)", "the permanent generation (gc.freeze)"];

function clip(s, n) { s = String(s); return s.length > n ? s.slice(0, n - 1) + "…" : s; }
function esc(s) { return String(s).replace(/[&<>"']/g, (c) => ({ "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" }[c])); }

// ---- details of the selected object ---------------------------------------------------------------

function select(serial) {
  state.selected = serial;
  document.querySelectorAll(".obj.selected").forEach((e) => e.classList.remove("selected"));
  const g = document.querySelector('.obj[data-serial="' + serial + '"]');
  if (g) g.classList.add("selected");
  renderDetails();
}

function renderDetails() {
  const d = $("details");
  if (state.selected == null || !state.record) return;
  const st = state.record.steps[state.step];
  const o = (st.objects || []).find((x) => x.serial === state.selected);
  if (!o) { d.innerHTML = "<h3>#" + state.selected + "</h3><p class='hint'>not shown at this step (not yet allocated, or freed earlier).</p>"; return; }
  let h = "<h3>" + esc(o.type) + " #" + o.serial + " at " + esc(o.id) + "</h3>";
  if (o.state === "freed") h += "<p class='note'>freed at this step: its memory went back to the allocator (or a free list). Its address may be reused by a new object, which gets a new serial number.</p>";
  if (o.state === "unreachable") h += "<p class='note'>the collector found it unreachable: nothing outside the generation refers to it.</p>";
  h += "<p>refcount <b>" + o.refcount.toLocaleString("en-US") + "</b>. <span class='hint'>sys.getrefcount(obj) would say " + (o.refcount + 1).toLocaleString("en-US") + ": its own argument adds one.</span></p>";
  h += "<p>" + (o.generation !== undefined ? "on the collector's list of <b>" + GEN_LONG[o.generation] + "</b>"
    : o.state === "live" ? "<span class='hint'>not tracked by the collector (it cannot be part of a cycle" + (o.type === "dict" || o.type === "tuple" ? ", or was untracked as holding only atoms" : "") + ")</span>" : "") + "</p>";
  if (o.gcRefs !== undefined) h += "<p>gc_refs <b>" + o.gcRefs + "</b> (" + (st.phase === "update_refs" ? "a copy of the refcount" : "references from outside the generation") + ")</p>";
  if (o.holders) {
    h += "<b>Held by</b> (refheap.holders):<ul id='holders'>";
    for (const [desc, n] of o.holders) h += "<li class='holder'>" + (n === 1 ? "" : n.toLocaleString("en-US") + " × ") + esc(desc) + "</li>";
    h += "</ul>";
  }
  if (o.why) h += "<b>Why alive</b> (refheap.why_alive):<div class='why' id='why'>" + esc(o.why) + "</div>";
  if (o.refChanges) {
    h += "<b>Refcount changes at this step</b> <span class='hint'>(+" + o.refChanges[0] + " increfs, −" + o.refChanges[1] + " decrefs; each with the instruction that made it and its holder)</span><ol id='changes'>";
    for (const e of o.refEvents || []) {
      h += "<li class='change'><b class='" + (e.delta > 0 ? "inc" : "dec") + "'>" + (e.delta > 0 ? "+1" : "−1") + "</b> "
        + (e.allocated ? "<i>allocated</i> " : "") + "<code>" + esc(e.at) + "</code>" + (e.phase ? " <i>(collector: " + esc(e.phase) + ")</i>" : "")
        + ": " + esc(e.holder) + "</li>";
    }
    h += "</ol>";
    if (o.refEventsMore) {
      const n = o.refEventsMore.reduce((a, m) => a + m.count, 0);
      h += "<div id='more-changes'>and <b>" + n.toLocaleString("en-US") + "</b> more, by place:<ul>";
      for (const m of o.refEventsMore) {
        h += "<li class='change'><b class='" + (m.delta > 0 ? "inc" : "dec") + "'>" + (m.delta > 0 ? "+" : "−") + m.count.toLocaleString("en-US") + "</b> <code>"
          + esc(m.at) + "</code>" + (m.phase ? " <i>(collector: " + esc(m.phase) + ")</i>" : "") + "</li>";
      }
      h += "</ul></div>";
    }
  }
  d.innerHTML = h;
}

// ---- the collector's generations, plots, arenas ----------------------------------------------------

function renderGenerations(st) {
  const g = st.gc;
  let h = "<div class='plot-title'>Generations</div>";
  for (let k = 0; k < 3; k++) {
    const pct = Math.min(100, (100 * g.count[k]) / Math.max(1, g.threshold[k]));
    h += "<div class='gen'><span>gen " + k + "</span><div class='bar' title='count " + g.count[k] + " of threshold " + g.threshold[k] + "'><div style='width:" + pct + "%'></div></div>"
      + "<span>" + g.count[k] + " / " + g.threshold[k] + (g.size ? " · " + g.size[k] + " obj" : "") + "</span></div>";
  }
  h += "<div class='hint'>count / threshold" + (g.size ? " · tracked objects" : "") + "; bytes in use " + st.bytes.toLocaleString("en-US") + "</div>";
  // the objects shown at this step, by the generation list they are on
  const by = [[], [], [], []];
  for (const o of st.objects || []) if (o.generation !== undefined && o.state !== "freed") by[o.generation].push(o);
  for (let k = 0; k < 4; k++) {
    if (k === 3 && by[3].length === 0) continue;
    h += "<div class='gen-objs' data-gen='" + k + "'><span>" + GEN_NAMES[k] + ":</span> ";
    if (by[k].length === 0) h += "<span class='hint'>none shown</span>";
    for (const o of by[k]) {
      h += "<button type='button' class='chip" + (o.state === "unreachable" ? " unreachable" : "") + "' data-serial='" + o.serial + "' title='" + esc(o.type + " " + o.id) + "'>"
        + esc(o.type) + " #" + o.serial + "</button>";
    }
    h += "</div>";
  }
  $("gen-panel").innerHTML = h;
  for (const b of $("gen-panel").querySelectorAll(".chip")) b.addEventListener("click", () => select(Number(b.dataset.serial)));
}

function series(rec) {
  const n = rec.steps.length;
  const stride = Math.max(1, Math.ceil(n / 400));
  const idx = [];
  for (let i = 0; i < n; i += stride) idx.push(i);
  if (idx[idx.length - 1] !== n - 1) idx.push(n - 1);
  const maxByType = {};
  for (const i of idx) for (const [t, c] of Object.entries(rec.steps[i].liveByType)) maxByType[t] = Math.max(maxByType[t] || 0, c);
  const types = Object.entries(maxByType).filter(([t]) => ["dict", "list", "tuple", "str", "int", "function", "float", "cell"].includes(t)).sort((a, b) => b[1] - a[1]).slice(0, 4).map(([t]) => t);
  return { idx, types };
}

function plot(title, lines, i, n) {
  const W = 200, H = 54;
  let maxV = 1;
  for (const l of lines) for (const [, v] of l.pts) maxV = Math.max(maxV, v);
  let s = "<div class='plot-title'>" + esc(title) + "</div><svg width='" + W + "' height='" + (H + 12) + "' role='img' aria-label='" + esc(title) + "'>";
  for (const l of lines) {
    const pts = l.pts.map(([x, v]) => ((x / Math.max(1, n - 1)) * W).toFixed(1) + "," + (H - (v / maxV) * H).toFixed(1)).join(" ");
    s += "<polyline fill='none' stroke='" + l.color + "' stroke-width='1.3' " + (l.dash ? "stroke-dasharray='3 2' " : "") + "points='" + pts + "'/>";
  }
  const cx = ((i / Math.max(1, n - 1)) * W).toFixed(1);
  s += "<line x1='" + cx + "' x2='" + cx + "' y1='0' y2='" + H + "' stroke='#f0a500' stroke-width='1.5'/>";
  s += "<text x='0' y='" + (H + 11) + "' font-size='9'>" + lines.map((l) => l.name).join(" · ") + " (max " + maxV.toLocaleString("en-US") + ")</text></svg>";
  return s;
}

function renderPlots(i) {
  const rec = state.record, { idx, types } = state.series, n = rec.steps.length;
  const pick = (f) => idx.map((k) => [k, f(rec.steps[k])]);
  const colors = ["#2563eb", "#16a34a", "#c2410c", "#7c3aed"];
  // each generation's count against its own threshold (700 allocations, 10 and 10 collections):
  // as a percentage, so the three share one scale; 100% is where that generation is collected
  const pct = (k) => pick((s) => Math.round((100 * s.gc.count[k]) / Math.max(1, s.gc.threshold[k])));
  let h = plot("GC count / threshold (%)", [
    { name: "c0", color: "#2563eb", pts: pct(0) },
    { name: "c1", color: "#16a34a", pts: pct(1) },
    { name: "c2", color: "#7c3aed", pts: pct(2) },
    { name: "100%", color: "#c81e1e", dash: true, pts: pick(() => 100) },
  ], i, n);
  h += plot("bytes in use", [{ name: "bytes", color: "#0f766e", pts: pick((s) => s.bytes) }], i, n);
  h += plot("live objects per type", types.map((t, k) => ({ name: t, color: colors[k], pts: pick((s) => s.liveByType[t] || 0) })), i, n);
  $("plots").innerHTML = h;
}

function renderArenas(i) {
  let a = null;
  for (let k = i; k >= 0; k--) if (state.record.steps[k].arenas) { a = state.record.steps[k].arenas; break; }
  let h = "<div class='plot-title'>Arenas and pools</div><div class='hint'>one square per 16 KiB pool: darker = more blocks used, light = free</div>";
  if (a) {
    for (const part of a.split("|")) {
      const [addr, pools] = part.split(":");
      h += "<div class='hint'>arena 0x" + esc(addr) + "</div><div class='arena'>";
      for (const c of pools) {
        const fill = c === "." ? "#eef1f4" : "hsl(210, 70%, " + (88 - 6 * Number(c)) + "%)";
        h += "<div class='pool' style='background:" + fill + "' title='" + (c === "." ? "free pool" : "used: " + c + "0-" + c + "9%") + "'></div>";
      }
      h += "</div>";
    }
  }
  $("arenas").innerHTML = h;
}

// ---- wiring -------------------------------------------------------------------------------------

function step(delta) { if (state.record) goTo(state.step + delta); }

/** Shift+→ / Shift+←: to the first step of the next (previous) cell: a notebook cell by cell. */
function nextCell(dir) {
  const steps = state.record ? state.record.steps : [];
  if (!steps.length) return;
  const here = steps[state.step].cell;
  let i = state.step;
  if (dir > 0) { while (i < steps.length - 1 && steps[i].cell === here) i++; }
  else {
    while (i > 0 && steps[i].cell === here) i--;
    const c = steps[i].cell;
    while (i > 0 && steps[i - 1].cell === c) i--;
  }
  goTo(i);
}

document.addEventListener("keydown", (e) => {
  const t = e.target;
  if (t && (t.tagName === "TEXTAREA" || t.tagName === "SELECT" || (t.tagName === "INPUT" && t.type !== "range"))) {
    if (t.id === "editor" && e.key === "Enter" && (e.ctrlKey || e.metaKey)) { e.preventDefault(); run(); }
    return;
  }
  if (t && t.id === "slider") return;  // the slider moves itself
  if (e.key === "ArrowRight" && e.shiftKey) { e.preventDefault(); nextCell(1); }
  else if (e.key === "ArrowLeft" && e.shiftKey) { e.preventDefault(); nextCell(-1); }
  else if (e.key === "ArrowRight") { e.preventDefault(); step(1); }
  else if (e.key === "ArrowLeft") { e.preventDefault(); step(-1); }
  else if (e.key === "Home") { e.preventDefault(); goTo(0); }
  else if (e.key === "End") { e.preventDefault(); goTo(1e9); }
});

$("slider").addEventListener("input", () => goTo(Number($("slider").value)));
$("next").addEventListener("click", () => step(1));
$("prev").addEventListener("click", () => step(-1));
$("first").addEventListener("click", () => goTo(0));
$("last").addEventListener("click", () => goTo(1e9));
$("run").addEventListener("click", run);
$("load").addEventListener("click", () => loadExample(Number($("example-select").value)));
$("edit").addEventListener("click", showEditor);
$("editor").addEventListener("input", updateGutter);
$("editor").addEventListener("scroll", () => { $("gutter").scrollTop = $("editor").scrollTop; });
$("editor").addEventListener("keydown", (e) => {
  if (e.key === "Tab" && !e.shiftKey && !e.ctrlKey) {  // a tab inserts four spaces; Esc then Tab leaves the editor
    if (state.escaped) { state.escaped = false; return; }
    e.preventDefault();
    const ta = e.target, s = ta.selectionStart;
    ta.value = ta.value.slice(0, s) + "    " + ta.value.slice(ta.selectionEnd);
    ta.selectionStart = ta.selectionEnd = s + 4;
    updateGutter();
  } else if (e.key === "Escape") state.escaped = true;
});

loadExamples();
