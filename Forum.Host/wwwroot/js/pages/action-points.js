// My action points, from every decision in every forum I belong to: what is overdue first, and marking one done.
import { get, post, signInIfNeeded } from '../api.js';
import { t } from '../i18n.js';
import { $, el, render, showProblem, note, busy } from '../ui.js';

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
      p.commitmentId ? [' · ', el('a', { href: `/commitments/${p.commitmentId}` }, t('actionPoints.commitment'))] : null),
    p.done ? (p.completionNote ? el('p', { class: 'muted' }, p.completionNote) : null) : form);
}

export async function load() {
  try {
    const mine = await get('/api/me/action-points');
    $('#points-summary').textContent = t('actionPoints.summary', { open: mine.open, overdue: mine.overdue });
    render($('#points'), mine.actionPoints.length ? mine.actionPoints.map(point) : el('li', { class: 'muted' }, t('actionPoints.none')));
  } catch (err) {
    if (!signInIfNeeded(err)) showProblem($('#page-alert'), err);
  }
}

load();
