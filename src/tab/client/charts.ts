// Inline SVG charts (no chart library, nothing fetched): stacked bars per month, a histogram,
// horizontal bars against a deadline, and bars per tool. Each has a title and a text summary
// (role="img" with an aria-label) for screen readers; colours come from CSS classes, so the
// themes (light, dark, high contrast) colour them.
import { h, svg } from "./dom";

export interface Series {
  key: string;
  label: string;
}

const W = 520;
const H = 200;
const PAD = { l: 32, r: 8, t: 8, b: 28 };

function frame(title: string, summary: string, body: SVGElement[], legend?: Series[]): HTMLElement {
  const chart = svg("svg", { viewBox: `0 0 ${W} ${H}`, role: "img", "aria-label": summary, class: "chart-svg" }, ...body);
  return h("figure", { class: "chart" },
    h("figcaption", {}, title),
    chart,
    legend ? h("ul", { class: "legend" }, ...legend.map((s) => h("li", {}, h("span", { class: `swatch s-${s.key}`, "aria-hidden": "true" }), s.label))) : null,
  );
}

function axis(max: number): SVGElement[] {
  const out: SVGElement[] = [];
  const steps = Math.min(4, Math.max(1, max));
  for (let i = 0; i <= steps; i++) {
    const v = Math.round((max * i) / steps);
    const y = H - PAD.b - ((H - PAD.t - PAD.b) * i) / steps;
    out.push(svg("line", { x1: PAD.l, x2: W - PAD.r, y1: y, y2: y, class: "grid" }));
    out.push(svg("text", { x: PAD.l - 4, y: y + 4, "text-anchor": "end", class: "tick" }, String(v)));
  }
  return out;
}

/** columns of stacked values: one per label, segments per series */
export function stackedBars(title: string, labels: string[], series: Series[], values: Array<Record<string, number>>, summary: string): HTMLElement {
  const totals = values.map((v) => series.reduce((n, s) => n + (v[s.key] ?? 0), 0));
  const max = Math.max(1, ...totals);
  const plotH = H - PAD.t - PAD.b;
  const bw = (W - PAD.l - PAD.r) / labels.length;
  const body: SVGElement[] = axis(max);
  labels.forEach((label, i) => {
    let y = H - PAD.b;
    for (const s of series) {
      const n = values[i][s.key] ?? 0;
      if (!n) continue;
      const hgt = (n / max) * plotH;
      y -= hgt;
      body.push(svg("rect", { x: PAD.l + i * bw + bw * 0.15, y, width: bw * 0.7, height: hgt, class: `s-${s.key}` }, svg("title", {}, `${label}: ${s.label} ${n}`)));
    }
    body.push(svg("text", { x: PAD.l + i * bw + bw / 2, y: H - 10, "text-anchor": "middle", class: "tick" }, label));
  });
  return frame(title, summary, body, series);
}

/** horizontal bars, one per row, with an optional vertical marker line at `marker` */
export function hBars(title: string, rows: Array<{ label: string; value: number; cls: string }>, summary: string, opts: { min?: number; max?: number; marker?: number; unit?: string } = {}): HTMLElement {
  const rowH = 22;
  const height = Math.max(40, rows.length * rowH + 24);
  const lo = Math.min(opts.min ?? 0, ...rows.map((r) => r.value));
  const hi = Math.max(opts.max ?? 1, ...rows.map((r) => r.value));
  const left = 150;
  const x = (v: number) => left + ((v - lo) / (hi - lo || 1)) * (W - left - 40);
  const body: SVGElement[] = [];
  rows.forEach((r, i) => {
    const y = 8 + i * rowH;
    const x0 = x(Math.min(0, r.value) < lo ? lo : Math.min(0, r.value));
    const x1 = x(Math.max(0, r.value));
    body.push(svg("text", { x: left - 6, y: y + 14, "text-anchor": "end", class: "tick" }, r.label));
    body.push(svg("rect", { x: Math.min(x0, x1), y, width: Math.max(2, Math.abs(x1 - x0)), height: rowH - 6, class: r.cls }, svg("title", {}, `${r.label}: ${r.value}${opts.unit ?? ""}`)));
    body.push(svg("text", { x: Math.max(x0, x1) + 4, y: y + 14, class: "tick" }, `${r.value}${opts.unit ?? ""}`));
  });
  if (opts.marker !== undefined) body.push(svg("line", { x1: x(opts.marker), x2: x(opts.marker), y1: 0, y2: height, class: "marker" }));
  const chart = svg("svg", { viewBox: `0 0 ${W} ${height}`, role: "img", "aria-label": summary, class: "chart-svg" }, ...body);
  return h("figure", { class: "chart" }, h("figcaption", {}, title), chart);
}
