// What the action plan pages share: who is looking (from the forum's roster, when they may see it), the IRM scale, the
// progress chart and the milestone timeline (inline SVG, drawn here: no chart library), and the commitment form.
import { get, Problem } from './api.js';
import { t } from './i18n.js';
import { el, label } from './ui.js';
import { svg } from './charts.js';

export const completions = ['NoEvidence', 'NotStarted', 'Limited', 'Substantial', 'Complete'];
export const outcomes = ['Adopted', 'Merged', 'NotAdopted', 'Deferred'];
export const values = ['Transparency', 'CivicParticipation', 'PublicAccountability'];
/** Steps of the IRM scale as the tracker counts them (ADR 0017): "no evidence" is no progress. */
export const rank = (level) => ({ Limited: 1, Substantial: 2, Complete: 3 })[level] ?? 0;

/**
 * The person looking, as the forum knows them: role, member (group, organisation), or nobody. The public reads every action
 * plan page; a member's forms show only where their rule lets them act (the API decides in the end).
 */
export async function viewer(forumId) {
  try {
    const forum = await get(`/api/forums/${forumId}`);
    const me = forum.members.find((m) => m.memberId === forum.yourMemberId) || null;
    return { forum, role: forum.yourRole, me, secretariat: forum.yourRole === 'Secretariat', signedIn: true };
  } catch (err) {
    if (err instanceof Problem && (err.status === 401 || err.status === 403)) return { forum: null, role: null, me: null, secretariat: false, signedIn: err.status === 403 };
    throw err;
  }
}

/** A day (YYYY-MM-DD) stays ISO, unambiguous in every language (ADR 0014). */
export const day = (d) => d || '';
export const level = (l) => (l ? label('completion', l.level) : t('plan.noReport'));

/** The gap in words: government minus civil society, in steps of the IRM scale. */
export function gapText(gap) {
  if (gap === null || gap === undefined) return t('plan.gapNone');
  if (gap === 0) return t('plan.gapAgree');
  return gap > 0 ? t('plan.gapGovernmentAhead', { steps: gap }) : t('plan.gapCivilSocietyAhead', { steps: -gap });
}


/**
 * The drawings below have no viewBox: x runs in percent of the real width and y in CSS px, so the text keeps its CSS size
 * (12 px) on a phone and on a wide screen alike, where a scaled viewBox grew it with the window. A label longer than a phone
 * line is cut with an ellipsis; the list beside each drawing has it whole.
 */
const pct = (n) => `${n.toFixed(2)}%`;
const short = (text, n = 46) => (text.length > n ? text.slice(0, n - 1) + '…' : text);

/**
 * Per commitment, two bars on the IRM scale (government, civil society) and the gap between them. The figure is an image
 * with a text alternative; the numbers are in the list beside it for a screen reader.
 */
export function progressChart(commitments) {
  if (!commitments.length) return el('p', { class: 'muted' }, t('plan.noCommitments'));
  const rowH = 64, left = 1, scaleW = 98, top = 24;
  const x = (r) => left + (scaleW * r) / 3;
  const height = top + rowH * commitments.length + 8;
  const chart = svg('svg', { width: '100%', height, role: 'img', 'aria-labelledby': 'chart-title', class: 'chart' },
    svg('title', { id: 'chart-title' }, t('plan.chartTitle')),
    [1, 2, 3].map((r) => svg('line', { x1: pct(x(r)), x2: pct(x(r)), y1: top - 6, y2: height - 8, class: 'grid-line' })),
    ['NotStarted', 'Limited', 'Substantial', 'Complete'].map((c, i) => svg('text', { x: pct(x(i)), y: 14, 'text-anchor': i === 0 ? 'start' : i === 3 ? 'end' : 'middle', class: 'axis' }, label('completion', c))),
    commitments.map((c, i) => {
      const y = top + i * rowH;
      const gov = c.government ? rank(c.government.level) : null, cso = c.civilSociety ? rank(c.civilSociety.level) : null;
      const bar = (value, dy, cls) => value === null ? null : svg('rect', { x: pct(left), y: y + dy, width: pct(Math.max(1, x(value) - left)), height: 14, class: cls, rx: 2 });
      const gap = c.gap ? svg('line', { x1: pct(x(Math.min(gov, cso))), x2: pct(x(Math.max(gov, cso))), y1: y + 50, y2: y + 50, class: 'gap-line' }) : null;
      return svg('g', { 'data-commitment': c.commitmentId },
        svg('text', { x: pct(left), y: y + 10, class: 'label' }, short(`${c.number}. ${c.title}`)),
        bar(gov, 16, 'bar-government'), bar(cso, 32, 'bar-civil-society'), gap);
    }));
  const legend = el('p', { class: 'legend' },
    el('span', { class: 'key key-government' }), ` ${t('group.Government')} `,
    el('span', { class: 'key key-civil-society' }), ` ${t('group.CivilSociety')} `,
    el('span', { class: 'key key-gap' }), ` ${t('plan.gap')}`);
  const list = el('ul', { class: 'plain gap-list' }, commitments.map((c) => el('li', { 'data-commitment': c.commitmentId },
    el('a', { href: `/commitments/${c.commitmentId}` }, `${c.number}. ${c.title}`), el('br'),
    el('span', { class: 'meta' }, `${t('group.Government')}: ${level(c.government)} · ${t('group.CivilSociety')}: ${level(c.civilSociety)} · `),
    el('strong', { class: 'gap-text' }, `${t('plan.gap')}: ${gapText(c.gap)}`))));
  return el('div', {}, el('div', { class: 'chart-wrap' }, chart), legend, list);
}

/** Milestones on one time axis from the plan's start to its end, today marked, overdue ones drawn apart and named so. */
export function timeline(startsOn, endsOn, commitments, today = new Date().toISOString().slice(0, 10)) {
  const milestones = commitments.flatMap((c) => c.milestones.map((m) => ({ ...m, number: c.number })));
  if (!milestones.length) return el('p', { class: 'muted' }, t('plan.noMilestones'));
  const t0 = Date.parse(startsOn), t1 = Math.max(Date.parse(endsOn), t0 + 86400000);
  const left = 1, right = 1, rowH = 34, top = 34;
  const x = (d) => left + ((100 - left - right) * Math.min(Math.max(Date.parse(d) - t0, 0), t1 - t0)) / (t1 - t0);
  const height = top + rowH * milestones.length + 8;
  const chart = svg('svg', { width: '100%', height, role: 'img', 'aria-labelledby': 'timeline-title', class: 'chart timeline' },
    svg('title', { id: 'timeline-title' }, t('plan.timelineTitle')),
    svg('text', { x: pct(left), y: 12, class: 'axis' }, startsOn), svg('text', { x: pct(100 - right), y: 12, 'text-anchor': 'end', class: 'axis' }, endsOn),
    svg('line', { x1: pct(x(today)), x2: pct(x(today)), y1: 16, y2: height - 4, class: 'today' }),
    svg('text', { x: pct(x(today)), y: 24, 'text-anchor': 'middle', class: 'axis' }, t('plan.today')),
    milestones.map((m, i) => {
      const y = top + i * rowH;
      return svg('g', { class: m.overdue ? 'milestone overdue' : 'milestone', 'data-milestone': m.milestoneId },
        svg('text', { x: pct(left), y: y + 10, class: 'label' }, short(`${m.number}. ${m.title}`, m.overdue ? 34 : 46) + (m.overdue ? ' — ' + t('plan.overdue') : '')),
        svg('rect', { x: pct(x(m.startsOn)), y: y + 15, width: pct(Math.max(0.5, x(m.endsOn) - x(m.startsOn))), height: 12, rx: 2 }));
    }));
  const list = el('ul', { class: 'plain milestone-list' }, milestones.map((m) => el('li', { class: m.overdue ? 'overdue' : '', 'data-milestone': m.milestoneId },
    `${m.number}. ${m.title} · ${day(m.startsOn)} – ${day(m.endsOn)} · ${level(m.government)}`, m.overdue ? [' ', el('span', { class: 'badge overdue' }, t('plan.overdue'))] : null)));
  return el('div', {}, el('div', { class: 'chart-wrap' }, chart), list);
}

const lines = (text) => text.split('\n').map((s) => s.trim()).filter(Boolean);

/**
 * OGP's commitment template as a form (drafting on the plan page, amending on the commitment's): the reporters are the
 * forum's members, shown with their organisation, for they must be of the lead institution.
 */
export function commitmentForm(id, members, terms, submitText, onSubmit) {
  const f = (name) => `${id}-${name}`;
  const text = (name, key, value, area = false) => [el('label', { for: f(name) }, t(key)),
    area ? el('textarea', { id: f(name), value: value || '' }) : el('input', { id: f(name), type: 'text', value: value || '' })];
  const actors = (group) => (terms?.supportingActors || []).filter((a) => a.group === group).map((a) => a.name).join('\n');
  const reporterIds = new Set((terms?.reporters || []).map((r) => r.memberId));
  const alert = el('div', { class: 'alert', role: 'alert', id: f('alert') });
  const button = el('button', { type: 'submit', id: f('submit') }, submitText);
  const form = el('form', { id, novalidate: true },
    text('title', 'commitment.title', terms?.title), text('problem', 'commitment.problem', terms?.problem, true),
    text('description', 'commitment.description', terms?.description, true), text('solution', 'commitment.solution', terms?.solution, true),
    el('fieldset', {}, el('legend', {}, t('commitment.values')), values.map((v) => el('label', {},
      el('input', { type: 'checkbox', name: f('value'), value: v, checked: terms?.values?.includes(v) }), ' ', label('ogpValue', v)))),
    text('lead', 'commitment.leadInstitution', terms?.leadInstitution),
    text('actors-gov', 'commitment.supportingGovernment', actors('Government'), true),
    text('actors-cso', 'commitment.supportingCivilSociety', actors('CivilSociety'), true),
    el('div', { class: 'grid' },
      el('div', {}, el('label', { for: f('starts') }, t('plan.startsOn')), el('input', { id: f('starts'), type: 'date', value: terms?.startsOn || '' })),
      el('div', {}, el('label', { for: f('ends') }, t('plan.endsOn')), el('input', { id: f('ends'), type: 'date', value: terms?.endsOn || '' }))),
    el('fieldset', {}, el('legend', {}, t('commitment.reporters')), members.filter((m) => m.role !== 'Observer').map((m) => el('label', {},
      el('input', { type: 'checkbox', name: f('reporter'), value: m.memberId, checked: reporterIds.has(m.memberId) }), ' ', `${m.name} (${m.organisation})`))),
    alert, el('div', { class: 'row' }, button));
  form.addEventListener('submit', (e) => {
    e.preventDefault();
    const val = (name) => form.querySelector('#' + f(name)).value;
    const checked = (name) => [...form.querySelectorAll(`input[name="${f(name)}"]:checked`)].map((i) => i.value);
    onSubmit({
      title: val('title'), problem: val('problem'), description: val('description'), solution: val('solution'), values: checked('value'),
      leadInstitution: val('lead'),
      supportingActors: [...lines(val('actors-gov')).map((name) => ({ name, group: 'Government' })), ...lines(val('actors-cso')).map((name) => ({ name, group: 'CivilSociety' }))],
      startsOn: val('starts') || null, endsOn: val('ends') || null, reporterMemberIds: checked('reporter'),
    }, button, alert);
  });
  return form;
}
