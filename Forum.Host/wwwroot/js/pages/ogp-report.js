// Public: the forum's OGP standards report (GET /api/forums/{id}/ogp-report, ADR 0018). Rows are translated by their id and
// figures by their name (the API's summaries are English); the meetings on a timeline against the six-month limit and
// parity per session are drawn as inline SVG.
import { get, idFromPath } from '../api.js';
import { t, has, number, percent, locale } from '../i18n.js';
import { $, el, render, showProblem, groups } from '../ui.js';
import { svg } from '../charts.js';

const forumId = idFromPath('forums');
const DAY = 86_400_000;
const LIMIT_DAYS = 183; // six calendar months, about; each gap's own verdict comes from the report
const colours = { Government: '#1f5fa8', CivilSociety: '#c2571a', Other: '#6b7a89' };

const day = (iso) => (iso ? new Intl.DateTimeFormat(locale(), { dateStyle: 'medium', timeZone: 'UTC' }).format(new Date(iso)) : '');
const text = (key, fallback) => (has(key) ? t(key) : fallback);


function value(f) {
  if (f.unit === 'date') return f.date ? day(f.date) : t('ogp.never');
  if (f.value === null || f.value === undefined) return '—';
  if (f.unit === 'share') return percent(f.value);
  return f.unit === 'days' || f.unit === 'meetings' ? t(`ogp.unit.${f.unit}`, { count: f.value }) : number(f.value);
}

const figureName = (f) => text(`ogp.figure.${f.name}`, f.name);

function status(s) {
  return el('span', { class: `badge ogp-${s}`, 'data-status': s }, el('span', { 'aria-hidden': 'true' }, s === 'Met' ? '✓ ' : s === 'NotMet' ? '✗ ' : '… '), t(`ogp.status.${s}`));
}

function evidenceLabel(href) {
  if (/\/api\/minutes\/.*\.pdf$/.test(href)) return t('ogp.evidence.minutes');
  if (/\/past-meetings\/.*\/minutes$/.test(href)) return t('ogp.evidence.file');
  if (/\/proposals$/.test(href)) return t('ogp.evidence.proposals');
  if (/\/public$/.test(href)) return t('ogp.evidence.page');
  return t('ogp.evidence.record');
}

/** Evidence that names one meeting carries its title (the names people typed are not translated). */
function evidence(row) {
  const subjects = new Map(row.details.filter((d) => d.href).map((d) => [d.href, d.subject]));
  return el('ul', { class: 'plain evidence' }, row.evidence.slice(0, 12).map((e) => el('li', {},
    el('a', { href: e.href }, evidenceLabel(e.href)), subjects.get(e.href) ? el('span', { class: 'muted' }, ` — ${subjects.get(e.href)}`) : null)),
    row.evidence.length > 12 ? el('li', { class: 'muted' }, t('ogp.moreEvidence', { count: row.evidence.length - 12 })) : null);
}

function requirements(report) {
  return [
    el('caption', {}, t('ogp.requirementsCaption')),
    el('thead', {}, el('tr', {}, ['ogp.col.requirement', 'ogp.col.status', 'ogp.col.figures', 'ogp.col.evidence'].map((k) => el('th', { scope: 'col' }, t(k))))),
    el('tbody', {}, report.rows.map((r) => el('tr', { 'data-row': r.id, 'data-status': r.status },
      el('th', { scope: 'row' }, el('span', { class: 'muted' }, r.requirement), el('br'), text(`ogp.row.${r.id}`, r.title)),
      el('td', {}, status(r.status)),
      el('td', {}, r.figures.length ? el('ul', { class: 'plain' }, r.figures.map((f) => el('li', { 'data-figure': f.name }, `${figureName(f)}: `, el('strong', {}, value(f)))))
        : el('span', { class: 'muted' }, t(r.status === 'Pending' ? 'ogp.nothingYet' : 'ogp.noFigures'))),
      el('td', {}, r.evidence.length ? evidence(r) : el('span', { class: 'muted' }, '—'))))),
  ];
}

/** Each gap between meetings as a bar as long as it lasted and as tall as its days; the six-month limit a dashed line; gaps over it in red. */
function timeline(report) {
  const gaps = report.rows.find((r) => r.id === 'mr-1.1-meetings')?.details || [];
  if (!gaps.length) return el('p', { class: 'muted' }, t('ogp.noMeetings'));
  const start = Date.parse(report.foundedAt), end = Date.parse(report.generatedAt);
  const W = 640, H = 220, left = 44, right = 10, top = 14, bottom = 34;
  const maxDays = Math.max(LIMIT_DAYS * 1.25, ...gaps.map((g) => g.value || 0));
  const x = (ms) => left + ((ms - start) / Math.max(end - start, DAY)) * (W - left - right);
  const y = (days) => top + (1 - days / maxDays) * (H - top - bottom);
  const bars = gaps.map((g) => {
    const from = Date.parse(g.date), to = from + (g.value || 0) * DAY;
    const over = g.met === false;
    return svg('rect', {
      x: x(from) + 0.5, y: y(g.value || 0), width: Math.max(1, x(to) - x(from) - 1), height: y(0) - y(g.value || 0),
      fill: over ? '#c0392b' : '#7fa7d6', class: over ? 'gap gap-over' : 'gap', 'data-days': g.value,
    }, svg('title', {}, `${g.subject}: ${t('ogp.unit.days', { count: g.value })}${over ? ' — ' + t('ogp.overLimit') : ''}`));
  });
  const meetings = report.meetings.map((m) => svg(m.kind === 'Session' ? 'circle' : 'rect', m.kind === 'Session'
    ? { cx: x(Date.parse(m.heldAt)), cy: y(0), r: 4.5, fill: '#0d2a4a', class: 'meeting' }
    : { x: x(Date.parse(m.heldAt)) - 4, y: y(0) - 4, width: 8, height: 8, fill: '#fff', stroke: '#0d2a4a', 'stroke-width': 2, class: 'meeting' },
  svg('title', {}, `${m.title} — ${day(m.heldAt)}`)));
  const years = [];
  for (let yr = new Date(start).getUTCFullYear() + 1; yr <= new Date(end).getUTCFullYear(); yr++) {
    const at = Date.UTC(yr, 0, 1);
    years.push(svg('line', { x1: x(at), x2: x(at), y1: y(0), y2: y(0) + 5, stroke: '#556' }), svg('text', { x: x(at), y: H - 16, 'text-anchor': 'middle', 'font-size': 11 }, yr));
  }
  return svg('svg', { viewBox: `0 0 ${W} ${H}`, role: 'img', 'aria-labelledby': 'timeline-desc', id: 'timeline-svg', width: '100%' },
    svg('desc', { id: 'timeline-desc' }, t('ogp.timelineDesc', { count: report.meetings.length, over: gaps.filter((g) => g.met === false).length })),
    svg('line', { x1: left, x2: W - right, y1: y(0), y2: y(0), stroke: '#556' }),
    bars,
    svg('line', { x1: left, x2: W - right, y1: y(LIMIT_DAYS), y2: y(LIMIT_DAYS), stroke: '#c0392b', 'stroke-dasharray': '6 4', class: 'limit' }),
    svg('text', { x: left + 4, y: y(LIMIT_DAYS) - 4, 'font-size': 11, fill: '#a02a1f' }, t('ogp.sixMonthLimit')),
    svg('text', { x: 4, y: y(0), 'font-size': 10 }, '0'),
    svg('text', { x: 4, y: y(LIMIT_DAYS) + 4, 'font-size': 10 }, number(LIMIT_DAYS)),
    meetings, years,
    svg('text', { x: left, y: H - 2, 'font-size': 11 }, day(report.foundedAt)),
    svg('text', { x: W - right, y: H - 2, 'font-size': 11, 'text-anchor': 'end' }, t('ogp.today')));
}

/** Per session, two stacked bars: each group's share of attendance, and of speaking time. */
function parity(report) {
  const byMeeting = new Map();
  for (const [rowId, kind] of [['parity-attendance', 'attendance'], ['parity-speaking', 'speaking']]) {
    for (const d of report.rows.find((r) => r.id === rowId)?.details || []) {
      const key = `${d.date}|${d.subject}`;
      const entry = byMeeting.get(key) || { subject: d.subject, date: d.date, attendance: null, speaking: null };
      entry[kind] ||= {};
      entry[kind][{ governmentShare: 'Government', civilSocietyShare: 'CivilSociety', otherShare: 'Other' }[d.name]] = d.value;
      entry[`${kind}Met`] = d.met;
      byMeeting.set(key, entry);
    }
  }
  const meetings = [...byMeeting.values()].sort((a, b) => Date.parse(a.date) - Date.parse(b.date));
  if (!meetings.length) return el('p', { class: 'muted' }, t('ogp.noParity'));
  const W = 640, rowH = 46, labelW = 0, H = meetings.length * rowH + 26;
  const barW = W - labelW - 10;
  const bar = (shares, yTop, kind, met) => {
    let at = labelW;
    return svg('g', { class: `bar bar-${kind}`, 'data-met': String(met) }, groups.map((g) => {
      const w = (shares?.[g] || 0) * barW;
      const r = svg('rect', { x: at, y: yTop, width: w, height: 14, fill: colours[g], 'data-group': g, 'data-share': shares?.[g] ?? 0 },
        svg('title', {}, `${t(`group.${g}`)}: ${percent(shares?.[g] || 0)}`));
      at += w;
      return r;
    }), svg('text', { x: labelW + barW, y: yTop + 11, 'text-anchor': 'end', 'font-size': 10, fill: '#fff' }, t(`ogp.${kind}`)));
  };
  return [
    svg('svg', { viewBox: `0 0 ${W} ${H}`, role: 'img', 'aria-labelledby': 'parity-desc', id: 'parity-svg', width: '100%' },
      svg('desc', { id: 'parity-desc' }, t('ogp.parityDesc', { count: meetings.length })),
      meetings.map((m, i) => svg('g', { class: 'parity-meeting', transform: `translate(0 ${i * rowH})` },
        svg('text', { x: 0, y: 10, 'font-size': 11 }, `${m.subject} · ${day(m.date)}`),
        m.attendance ? bar(m.attendance, 14, 'attendance', m.attendanceMet) : null,
        m.speaking ? bar(m.speaking, 30, 'speaking', m.speakingMet) : null)),
      svg('line', { x1: labelW + barW / 2, x2: labelW + barW / 2, y1: 12, y2: H - 24, stroke: '#111', 'stroke-dasharray': '2 3' })),
    el('p', { class: 'legend' }, groups.map((g) => el('span', { class: 'legend-item' },
      el('span', { class: 'swatch', style: `background:${colours[g]}` }), ' ', t(`group.${g}`), ' '))),
  ];
}

function details(report) {
  return report.rows.filter((r) => r.details.length).map((r) => el('details', { 'data-row': r.id },
    el('summary', {}, `${r.requirement} · ${text(`ogp.row.${r.id}`, r.title)} (${r.details.length})`),
    el('div', { class: 'table-wrap' }, el('table', { class: 'ogp-details' },
      el('thead', {}, el('tr', {}, ['ogp.col.subject', 'ogp.col.date', 'ogp.col.figure', 'ogp.col.value', 'ogp.col.met'].map((k) => el('th', { scope: 'col' }, t(k))))),
      el('tbody', {}, r.details.map((d) => el('tr', {},
        el('td', {}, d.href ? el('a', { href: d.href }, d.subject || '—') : d.subject || '—'),
        el('td', {}, day(d.date)), el('td', {}, figureName(d)), el('td', {}, value(d)),
        el('td', {}, d.met === true ? t('ogp.status.Met') : d.met === false ? t('ogp.status.NotMet') : '—'))))))));
}

async function load() {
  try {
    const report = await get(`/api/forums/${forumId}/ogp-report`);
    document.title = `${t('ogp.title')} — ${report.forumName}`;
    $('#report-title').textContent = `${t('ogp.title')}: ${report.forumName}`;
    $('#report-meta').textContent = t('ogp.meta', { founded: day(report.foundedAt), generated: day(report.generatedAt) });
    render($('#report-links'),
      el('a', { href: `/api/forums/${forumId}/ogp-report.pdf`, download: '', id: 'report-pdf' }, t('ogp.pdf')),
      el('a', { href: `/api/forums/${forumId}/ogp-report.csv`, download: '', id: 'report-csv' }, t('ogp.csv')),
      el('a', { href: `/forums/${forumId}/public` }, t('public.title')));
    render($('#requirements'), requirements(report));
    render($('#timeline-chart'), timeline(report));
    render($('#parity-chart'), parity(report));
    render($('#details'), details(report));
  } catch (err) {
    showProblem($('#page-alert'), err);
  }
}

load();
