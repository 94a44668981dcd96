// My action points, from every decision in every forum I belong to: what is overdue first, and marking one done. The
// secretariat also sees every action point of its forums and links each to a commitment (and a milestone) of their plans.
import { get, post, put, signInIfNeeded } from '../api.js';
import { t } from '../i18n.js';
import { $, el, render, showProblem, note, busy } from '../ui.js';

const numbered = (c) => `${c.number}. ${c.title}`;

function point(p) {
  const alert = el('div', { class: 'alert', role: 'alert' });
  const noteInput = el('input', { type: 'text', id: `n-${p.actionPointId}` });
  const button = el('button', { type: 'submit' }, t('actionPoints.complete'));
  const form = el('form', { novalidate: true, 'aria-label': t('actionPoints.completeFor', { description: p.description }) },
    el('label', { for: `n-${p.actionPointId}` }, t('actionPoints.note')), noteInput, alert, el('div', { class: 'row' }, button));
  form.addEventListener('submit', (e) => {
    e.preventDefault();
    busy(button, alert, async () => {
      await post(`/api/action-points/${p.actionPointId}/complete`, { note: noteInput.value || null });
      note($('#points-note'), t('actionPoints.completed', { description: p.description }));
      await load();
    });
  });
  return el('li', { class: p.overdue ? 'action-point overdue' : 'action-point', 'data-action-point': p.actionPointId },
    el('strong', {}, p.description), ' ',
    p.done ? el('span', { class: 'badge' }, t('actionPoints.done'))
      : p.overdue ? el('span', { class: 'badge overdue' }, t('actionPoints.overdueBy', { n: p.daysOverdue })) : null, el('br'),
    el('span', { class: 'meta' }, t('actionPoints.due', { date: p.due }), ' · ', el('a', { href: `/sessions/${p.sessionId}` }, t('actionPoints.session')),
      p.commitmentId ? [' · ', el('a', { href: `/commitments/${p.commitmentId}` }, p.commitment ? numbered(p.commitment) : t('actionPoints.commitment'))] : null),
    p.done ? (p.completionNote ? el('p', { class: 'muted' }, p.completionNote) : null) : form);
}

/** One of the forum's action points: what it is linked to now, and the form that links it (commitment, then milestone). */
function linkable(p, commitments) {
  const id = p.actionPointId;
  const current = commitments.find((c) => c.commitmentId === p.commitmentId);
  const alert = el('div', { class: 'alert', role: 'alert' });
  const button = el('button', { type: 'submit' }, t('actionPoints.linkButton'));
  const commitment = el('select', { id: `lc-${id}` }, el('option', { value: '' }, t('actionPoints.chooseCommitment')),
    [...new Set(commitments.map((c) => c.actionPlanId))].map((planId) => el('optgroup', { label: commitments.find((c) => c.actionPlanId === planId).planTitle },
      commitments.filter((c) => c.actionPlanId === planId).map((c) => el('option', { value: c.commitmentId, selected: c.commitmentId === p.commitmentId }, numbered(c))))));
  const milestone = el('select', { id: `lm-${id}` });
  const milestones = () => {
    const chosen = commitments.find((c) => c.commitmentId === commitment.value);
    render(milestone, el('option', { value: '' }, t('commitment.wholeCommitment')),
      (chosen?.milestones || []).map((m) => el('option', { value: m.milestoneId, selected: m.milestoneId === p.milestoneId }, m.title)));
  };
  milestones();
  commitment.addEventListener('change', milestones);
  const form = el('form', { class: 'link-form', novalidate: true, 'aria-label': t('actionPoints.linkFor', { description: p.description }) },
    el('label', { for: `lc-${id}` }, t('actionPoints.commitment')), commitment,
    el('label', { for: `lm-${id}` }, t('actionPoints.linkMilestone')), milestone,
    alert, el('div', { class: 'row' }, button));
  form.addEventListener('submit', (e) => {
    e.preventDefault();
    busy(button, alert, async () => {
      await put(`/api/action-points/${id}/link`, { commitmentId: commitment.value || null, milestoneId: milestone.value || null });
      note($('#link-note'), t('actionPoints.linked', { description: p.description, commitment: commitment.selectedOptions[0]?.textContent || '' }));
      await load();
    });
  });
  const milestoneTitle = current?.milestones.find((m) => m.milestoneId === p.milestoneId)?.title;
  return el('li', { class: 'action-point', 'data-action-point': id },
    el('strong', {}, p.description), p.done ? [' ', el('span', { class: 'badge' }, t('actionPoints.done'))] : null, el('br'),
    el('span', { class: 'meta' }, `${p.ownerName} · `, t('actionPoints.due', { date: p.due }), ' · ', el('a', { href: `/sessions/${p.sessionId}` }, t('actionPoints.session'))),
    el('p', { class: 'linked-to' }, current
      ? [`${t('actionPoints.commitment')}: `, el('a', { href: `/commitments/${current.commitmentId}` }, numbered(current)), milestoneTitle ? ` · ${milestoneTitle}` : null]
      : el('span', { class: 'muted' }, t('actionPoints.notLinked'))),
    commitments.length ? form : null);
}

async function loadForums() {
  const forums = await get('/api/me/forum-action-points');
  $('#link-card').hidden = !forums.length;
  render($('#forum-points'), forums.map((f) => el('div', { 'data-forum': f.forumId },
    el('h3', {}, f.name),
    f.commitments.length ? null : el('p', { class: 'muted' }, t('actionPoints.noCommitments')),
    el('ul', { class: 'plain' }, f.actionPoints.length ? f.actionPoints.map((p) => linkable(p, f.commitments)) : el('li', { class: 'muted' }, t('actionPoints.forumNone'))))));
}

export async function load() {
  try {
    const mine = await get('/api/me/action-points');
    $('#points-summary').textContent = t('actionPoints.summary', { open: mine.open, overdue: mine.overdue });
    render($('#points'), mine.actionPoints.length ? mine.actionPoints.map(point) : el('li', { class: 'muted' }, t('actionPoints.none')));
    await loadForums();
  } catch (err) {
    if (!signInIfNeeded(err)) showProblem($('#page-alert'), err);
  }
}

load();
