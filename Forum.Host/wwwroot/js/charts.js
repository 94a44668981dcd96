// Charts drawn as inline SVG, built here (no chart library): what people would rather look at than read as a table.
// Labels and figures are HTML text beside each bar, so they wrap on a phone and a screen reader reads them; the bar
// itself is a small SVG stretched to the row's width (a viewBox of 0..100, so every figure is a share of the scale).
import { el } from './ui.js';

const NS = 'http://www.w3.org/2000/svg';

/** An SVG element (SVG needs its namespace; ui.js el() makes HTML elements). */
export function svg(tag, attrs = {}, ...children) {
  const node = document.createElementNS(NS, tag);
  for (const [key, value] of Object.entries(attrs)) if (value !== null && value !== undefined) node.setAttribute(key, String(value));
  for (const child of children.flat()) if (child !== null && child !== undefined && child !== false) node.append(child instanceof Node ? child : String(child));
  return node;
}

/**
 * One bar, split into segments [{ value, kind }] measured against max; kind names a CSS class (bar-{kind}) for its colour.
 * The figures are in the row's text, so the bar is hidden from screen readers.
 */
export function bar(segments, max) {
  let x = 0;
  const scale = max > 0 ? 100 / max : 0;
  return svg('svg', { class: 'bar', viewBox: '0 0 100 10', preserveAspectRatio: 'none', 'aria-hidden': 'true', focusable: 'false' },
    svg('rect', { class: 'bar-track', x: 0, y: 0, width: 100, height: 10 }),
    segments.filter((s) => s.value > 0).map((s) => {
      const width = s.value * scale;
      const rect = svg('rect', { class: `bar-${s.kind}`, x, y: 0, width, height: 10, 'data-value': s.value });
      x += width;
      return rect;
    }));
}

/**
 * A bar chart by row: rows [{ key, label, text, segments }], every bar against the same max (the largest row total when
 * not given). The figure is named by caption; each row carries data-key for tests and styling.
 */
export function barChart({ id, caption, rows, max, legend }) {
  const scale = max ?? Math.max(0, ...rows.map((r) => r.segments.reduce((n, s) => n + s.value, 0)));
  return el('figure', { class: 'chart', id },
    el('figcaption', {}, caption),
    legend ? el('p', { class: 'chart-legend' }, legend.map((l) => el('span', { class: 'legend-item' }, el('span', { class: `swatch bar-${l.kind}` }), l.label))) : null,
    el('ul', { class: 'plain chart-rows' }, rows.map((r) => el('li', { class: 'chart-row', 'data-key': r.key },
      el('span', { class: 'chart-label' }, el('strong', {}, r.label), r.text ? [': ', el('span', { class: 'chart-figures' }, r.text)] : null),
      bar(r.segments, scale)))));
}
