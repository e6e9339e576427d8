// gilsim's HTML report: draws the embedded Chrome trace(s) as SVG lane timelines (zoom with
// the wheel or the buttons, drag to pan, hover or click a slice for its details), with the
// --stats table, the program's source with per-line counts, and for explore the outcomes.
// Everything is in this file and the page: no network, no library.
(function () {
  "use strict";
  const SVG = "http://www.w3.org/2000/svg";
  const data = JSON.parse(document.getElementById("gilsim-data").textContent);
  const tooltip = document.getElementById("tooltip");
  const sourceLines = data.source ? data.source.lines : [];

  function el(tag, attrs, text) {
    const e = document.createElement(tag);
    for (const [k, v] of Object.entries(attrs || {})) e.setAttribute(k, v);
    if (text !== undefined) e.textContent = text;
    return e;
  }

  function svgEl(tag, attrs) {
    const e = document.createElementNS(SVG, tag);
    for (const [k, v] of Object.entries(attrs || {})) e.setAttribute(k, v);
    return e;
  }

  // Microseconds as a reader wants them.
  function fmt(us) {
    if (us >= 1e6) return (us / 1e6).toFixed(3) + " s";
    if (us >= 1e3) return (us / 1e3).toFixed(3) + " ms";
    return us.toFixed(us < 10 ? 3 : 1) + " µs";
  }

  // The trace's lanes: GIL tracks and threads, by process, in their sort order.
  function lanesOf(trace) {
    const lanes = new Map();
    const processes = new Map();
    const lane = (pid, tid) => {
      const key = pid + ":" + tid;
      if (!lanes.has(key)) {
        lanes.set(key, { key, pid, tid, name: "thread " + tid, sort: tid, slices: [], marks: [] });
      }
      return lanes.get(key);
    };
    let end = 0;
    for (const e of trace.traceEvents) {
      if (e.ph === "M" && e.name === "process_name") processes.set(e.pid, e.args.name);
      else if (e.ph === "M" && e.name === "thread_name") lane(e.pid, e.tid).name = e.args.name;
      else if (e.ph === "M" && e.name === "thread_sort_index") lane(e.pid, e.tid).sort = e.args.sort_index;
      else if (e.ph === "X") {
        lane(e.pid, e.tid).slices.push(e);
        end = Math.max(end, e.ts + e.dur);
      } else if (e.ph === "i") {
        lane(e.pid, e.tid).marks.push(e);
        end = Math.max(end, e.ts);
      }
    }
    const list = Array.from(lanes.values());
    list.sort((a, b) => a.pid - b.pid || a.sort - b.sort);
    for (const l of list) {
      l.kind = l.name === "GIL" ? "gil" : "thread";
      if (processes.size > 1) l.label = "[" + (processes.get(l.pid) || l.pid) + "] " + l.name;
      else l.label = l.name;
    }
    return { lanes: list, end };
  }

  // The GIL track tells holders apart: one hue per thread name, the same in every timeline.
  const hues = new Map();
  function holderColour(name) {
    if (!hues.has(name)) hues.set(name, (hues.size * 67 + 210) % 360);
    return "hsl(" + hues.get(name) + ", 55%, 55%)";
  }

  function sliceClass(e) {
    if (e.cat === "gil") return "gil";
    if (e.cat === "running" || e.cat === "waiting" || e.cat === "blocked") return e.cat;
    return "blocked";
  }

  function describe(lane, e) {
    const rows = [["thread", lane.kind === "gil" ? "GIL (held by " + e.name + ")" : lane.label]];
    if (e.ph === "X") {
      rows.push(["state", lane.kind === "gil" ? "holds the GIL" : e.name]);
      rows.push(["duration", fmt(e.dur)]);
      rows.push(["from", fmt(e.ts) + " to " + fmt(e.ts + e.dur)]);
    } else {
      rows.push(["mark", e.name]);
      rows.push(["at", fmt(e.ts)]);
    }
    const args = e.args || {};
    if (args["waiting for"]) rows.push(["waiting for", args["waiting for"]]);
    if (args.line) {
      const text = (sourceLines[args.line - 1] || "").trim();
      rows.push(["line", args.line + (text ? ": " + text : "")]);
    }
    return rows;
  }

  function showRows(target, rows) {
    target.textContent = "";
    for (const [k, v] of rows) {
      const line = el("div");
      line.appendChild(el("b", {}, k + ": "));
      line.appendChild(document.createTextNode(v));
      target.appendChild(line);
    }
  }

  // One zoomable timeline of `trace` in `host`; `scaleEnd` (µs) aligns several on one scale.
  function timeline(host, trace, scaleEnd) {
    const model = lanesOf(trace);
    const end = Math.max(scaleEnd || model.end, 1);
    const controls = el("div", { class: "controls" });
    const buttons = {};
    for (const [name, label] of [["in", "zoom in"], ["out", "zoom out"], ["reset", "whole run"]]) {
      buttons[name] = el("button", { type: "button", "data-zoom": name }, label);
      controls.appendChild(buttons[name]);
    }
    const hint = el("span", { class: "sub" }, "wheel: zoom · drag: pan · hover or click a slice");
    controls.appendChild(hint);
    const box = el("div", { class: "timeline" });
    const details = el("div", { class: "details" }, "Click a slice to keep its details here.");
    host.appendChild(controls);
    host.appendChild(box);
    host.appendChild(details);

    const laneH = 22, labelW = 190, axisH = 22;
    const height = axisH + model.lanes.length * laneH + 6;
    const svg = svgEl("svg", { height: String(height), role: "img" });
    box.appendChild(svg);
    let view = { t0: 0, t1: end };
    let drawn = [];
    let selected = null;

    function width() {
      return Math.max(box.clientWidth || 1200, labelW + 200);
    }

    function x(t, w) {
      return labelW + ((t - view.t0) / (view.t1 - view.t0)) * (w - labelW - 8);
    }

    function render() {
      const w = width();
      svg.setAttribute("width", String(w));
      svg.setAttribute("viewBox", "0 0 " + w + " " + height);
      svg.textContent = "";
      drawn = [];
      const axis = svgEl("g", { class: "axis" });
      for (let i = 0; i <= 6; i++) {
        const t = view.t0 + ((view.t1 - view.t0) * i) / 6;
        const px = x(t, w);
        axis.appendChild(svgEl("line", { x1: px, x2: px, y1: axisH - 4, y2: height }));
        // The last label ends at its tick, so it stays inside the chart.
        const label = svgEl("text", { x: i === 6 ? px - 2 : px + 2, y: 13, "text-anchor": i === 6 ? "end" : "start" });
        label.textContent = fmt(t);
        axis.appendChild(label);
      }
      svg.appendChild(axis);
      model.lanes.forEach((lane, n) => {
        const y = axisH + n * laneH;
        const g = svgEl("g", { class: "lane", "data-kind": lane.kind, "data-name": lane.name });
        const label = svgEl("text", { x: 6, y: y + 15 });
        label.textContent = lane.label.length > 26 ? lane.label.slice(0, 25) + "…" : lane.label;
        g.appendChild(label);
        for (const e of lane.slices) {
          if (e.ts + e.dur < view.t0 || e.ts > view.t1) continue;
          const x0 = Math.max(x(e.ts, w), labelW);
          const x1 = Math.min(x(e.ts + e.dur, w), w - 8);
          const rect = svgEl("rect", {
            class: "slice " + sliceClass(e), x: x0, y: y + 3,
            width: Math.max(x1 - x0, 0.5), height: laneH - 6, "data-i": drawn.length,
          });
          if (lane.kind === "gil") rect.style.fill = holderColour(e.name);
          if (selected === e) rect.classList.add("selected");
          drawn.push([lane, e]);
          g.appendChild(rect);
        }
        for (const m of lane.marks) {
          if (m.ts < view.t0 || m.ts > view.t1) continue;
          const px = x(m.ts, w);
          const path = svgEl("path", {
            class: "mark " + (m.cat || ""), d: `M${px - 4},${y} L${px + 4},${y} L${px},${y + 7} Z`,
            "data-i": drawn.length,
          });
          drawn.push([lane, m]);
          g.appendChild(path);
        }
        svg.appendChild(g);
      });
    }

    let pending = false;
    function schedule() {
      if (pending) return;
      pending = true;
      requestAnimationFrame(() => { pending = false; render(); });
    }

    function zoom(factor, at) {
      const span = view.t1 - view.t0;
      const pivot = at === undefined ? view.t0 + span / 2 : at;
      let s = Math.min(Math.max(span * factor, 0.01), end);
      let t0 = pivot - ((pivot - view.t0) / span) * s;
      t0 = Math.min(Math.max(t0, 0), end - s);
      view = { t0, t1: t0 + s };
      schedule();
    }

    function timeAt(clientX) {
      const r = svg.getBoundingClientRect();
      const w = width();
      const frac = (clientX - r.left - labelW) / (w - labelW - 8);
      return view.t0 + Math.min(Math.max(frac, 0), 1) * (view.t1 - view.t0);
    }

    buttons.in.addEventListener("click", () => zoom(0.5));
    buttons.out.addEventListener("click", () => zoom(2));
    buttons.reset.addEventListener("click", () => { view = { t0: 0, t1: end }; schedule(); });
    svg.addEventListener("wheel", (ev) => {
      ev.preventDefault();
      zoom(ev.deltaY < 0 ? 0.8 : 1.25, timeAt(ev.clientX));
    }, { passive: false });

    let drag = null;
    svg.addEventListener("mousedown", (ev) => {
      drag = { x: ev.clientX, view: Object.assign({}, view), moved: false };
    });
    window.addEventListener("mousemove", (ev) => {
      if (!drag) return;
      const dx = ev.clientX - drag.x;
      if (Math.abs(dx) > 3) {
        drag.moved = true;
        box.classList.add("dragging");
      }
      if (!drag.moved) return;
      const span = drag.view.t1 - drag.view.t0;
      let t0 = drag.view.t0 - (dx / (width() - labelW - 8)) * span;
      t0 = Math.min(Math.max(t0, 0), end - span);
      view = { t0, t1: t0 + span };
      schedule();
    });
    window.addEventListener("mouseup", (ev) => {
      const wasDrag = drag && drag.moved;
      drag = null;
      box.classList.remove("dragging");
      if (wasDrag) return;
      const i = ev.target && ev.target.getAttribute && ev.target.getAttribute("data-i");
      if (i === null || i === undefined || !svg.contains(ev.target)) return;
      const [lane, e] = drawn[Number(i)];
      selected = e;
      showRows(details, describe(lane, e));
      schedule();
    });
    svg.addEventListener("mousemove", (ev) => {
      const i = ev.target.getAttribute && ev.target.getAttribute("data-i");
      if (i === null || i === undefined || drag) {
        tooltip.style.display = "none";
        return;
      }
      const [lane, e] = drawn[Number(i)];
      showRows(tooltip, describe(lane, e));
      tooltip.style.display = "block";
      tooltip.style.left = Math.min(ev.clientX + 14, window.innerWidth - 380) + "px";
      tooltip.style.top = ev.clientY + 14 + "px";
    });
    svg.addEventListener("mouseleave", () => { tooltip.style.display = "none"; });
    // Redrawn whenever its box changes width: a window resize, or the page's scrollbar
    // appearing once the sections below it are added.
    if (window.ResizeObserver) new ResizeObserver(schedule).observe(box);
    else window.addEventListener("resize", schedule);
    render();
  }

  function legend(host) {
    const l = el("div", { class: "legend sub" });
    for (const [cls, text] of [["running", "running (holds the GIL, or a core)"],
      ["waiting", "waiting for the GIL"], ["blocked", "blocked (sleep, lock, queue, join, I/O)"],
      ["gil", "GIL track: who holds it (a colour per thread)"]]) {
      const s = el("span");
      s.appendChild(el("i", { class: "swatch", style: "background: var(--" + (cls === "gil" ? "accent" : cls) + ")" }));
      s.appendChild(document.createTextNode(text));
      l.appendChild(s);
    }
    const m = el("span", {}, "▼ drop request / forced switch / failed wake-up (red), explored preemption (purple)");
    l.appendChild(m);
    host.appendChild(l);
  }

  function sourceTable(host, run) {
    if (!data.source) return;
    const counts = run.line_counts || {};
    const threads = Object.keys(counts);
    host.appendChild(el("h2", {}, "Source (" + data.source.file + ")" +
      (threads.length ? ": lines entered, per thread" : "")));
    if (!threads.length && run.trace.otherData && run.trace.otherData.clock === "wall") {
      host.appendChild(el("div", { class: "sub" }, "Per-line counts are collected in " +
        "simulated runs (--sim or --seed N): counting every line would slow a real run."));
    }
    const t = el("table", { class: "source" });
    const head = el("tr");
    head.appendChild(el("th", { class: "num" }, "#"));
    head.appendChild(el("th", {}, "code"));
    for (const name of threads) head.appendChild(el("th", { class: "num" }, name));
    t.appendChild(head);
    sourceLines.forEach((text, i) => {
      const tr = el("tr");
      tr.appendChild(el("td", { class: "ln" }, String(i + 1)));
      tr.appendChild(el("td", { class: "code" }, text));
      let hot = false;
      for (const name of threads) {
        const n = counts[name][String(i + 1)] || 0;
        hot = hot || n > 0;
        tr.appendChild(el("td", { class: "num" }, n ? String(n) : ""));
      }
      if (hot) tr.classList.add("hot");
      t.appendChild(tr);
    });
    host.appendChild(t);
  }

  function runPage(main) {
    const run = data.runs[0];
    legend(main);
    timeline(main, run.trace);
    if (run.stats) {
      main.appendChild(el("h2", {}, "GIL statistics (--stats)"));
      main.appendChild(el("pre", {}, run.stats));
    }
    sourceTable(main, run);
  }

  function explorePage(main) {
    main.appendChild(el("h2", {}, "Outcomes"));
    const t = el("table");
    const head = el("tr");
    for (const h of ["outcome", "schedules", "share", "exit status", "stdout"]) head.appendChild(el("th", {}, h));
    t.appendChild(head);
    data.runs.forEach((run, i) => {
      const tr = el("tr");
      tr.appendChild(el("td", {}, String(i + 1)));
      tr.appendChild(el("td", { class: "num" }, String(run.schedules)));
      tr.appendChild(el("td", { class: "num" }, run.share));
      tr.appendChild(el("td", { class: "num" }, String(run.exit_code)));
      tr.appendChild(el("td", {}, run.stdout.trim().split("\n").slice(-3).join(" ⏎ ")));
      t.appendChild(tr);
    });
    main.appendChild(t);
    legend(main);
    const end = Math.max(...data.runs.map((r) => lanesOf(r.trace).end));
    data.runs.forEach((run, i) => {
      const section = el("section", { class: "outcome" });
      section.appendChild(el("h2", {}, "Outcome " + (i + 1) + ": its witness"));
      section.appendChild(el("code", { class: "replay" }, run.replay));
      timeline(section, run.trace, end);
      main.appendChild(section);
    });
  }

  function comparePage(main) {
    main.appendChild(el("pre", {}, data.table));
    legend(main);
    const end = Math.max(...data.runs.map((r) => lanesOf(r.trace).end));
    for (const run of data.runs) {
      const section = el("section", { class: "model" });
      section.appendChild(el("h2", {}, run.label));
      timeline(section, run.trace, end);
      main.appendChild(section);
    }
  }

  document.getElementById("theme").addEventListener("click", () => {
    const dark = document.body.classList.contains("dark") ||
      (!document.body.classList.contains("light") && matchMedia("(prefers-color-scheme: dark)").matches);
    document.body.classList.toggle("dark", !dark);
    document.body.classList.toggle("light", dark);
  });
  const main = document.getElementById("main");
  ({ run: runPage, explore: explorePage, compare: comparePage })[data.kind](main);
  window.gilsimReady = true;
})();
