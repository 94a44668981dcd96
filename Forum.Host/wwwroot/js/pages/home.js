import { get, post, signInIfNeeded } from '../api.js';
import { t } from '../i18n.js';
import { $, el, render, showProblem, note, busy, label, badge, when } from '../ui.js';
import { tokensPanel } from '../tokens.js';
import './home-digest.js';

const answers = ['InRoom', 'Online', 'Decline'];
const tokens = tokensPanel();

/** My upcoming sessions (GET /api/me/agenda) with my answer, and buttons to give or change it until the start. */
async function loadAgenda() {
  try {
    const agenda = await get('/api/me/agenda');
    render($('#my-agenda'), agenda.sessions.length ? agenda.sessions.map((s) => el('li', { class: 'agenda-entry', 'data-session': s.sessionId },
      el('a', { href: `/sessions/${s.sessionId}` }, s.title), ' ', el('span', { class: 'muted' }, s.forum),
      el('p', { class: 'meta' }, badge('status', s.status), ' ', `${when(s.startsAt)} – ${when(s.endsAt)} · ${label('mode', s.mode)}`, s.venue ? ` · ${s.venue}` : ''),
      el('p', { class: 'my-answer' }, s.answer ? t('rsvp.yourAnswer', { answer: label('rsvp', s.answer) }) : t('rsvp.notAnswered')),
      s.canAnswer ? el('div', { class: 'row', role: 'group', 'aria-label': t('rsvp.answerFor', { title: s.title }) }, answers.map((a) => el('button', {
        type: 'button', class: s.answer === a ? '' : 'secondary', 'aria-pressed': String(s.answer === a), 'data-key': `rsvp-${s.sessionId}-${a}`,
        on: {
          click: (e) => busy(e.target, $('#agenda-alert'), async () => {
            await post(`/api/sessions/${s.sessionId}/rsvp`, { answer: a });
            note($('#agenda-note'), t('rsvp.saved', { title: s.title, answer: label('rsvp', a) }));
            await loadAgenda();
          }),
        },
      }, t(`rsvp.button.${a}`)))) : el('p', { class: 'muted' }, t('rsvp.closed'))))
      : el('li', { class: 'muted' }, t('home.noAgenda')));
  } catch (err) {
    if (!signInIfNeeded(err)) showProblem($('#agenda-alert'), err);
  }
}

async function load() {
  try {
    const me = await get('/api/me');
    $('#who').textContent = t('home.signedInAs', { email: me.email });
    render($('#forums'), me.forums.length
      ? me.forums.map((f) => el('li', {}, el('a', { href: `/forums/${f.forumId}` }, f.name), ' ', el('span', { class: 'muted' }, f.country), ' · ',
        el('a', { href: `/forums/${f.forumId}/action-plans` }, t('plans.title'))))
      : el('li', { class: 'muted' }, t('home.none')));
    $('#create').hidden = !me.isAdministrator;
    await Promise.all([loadAgenda(), tokens.load()]);
    const points = await get('/api/me/action-points');
    $('#points-line').textContent = t('actionPoints.summary', { open: points.open, overdue: points.overdue });
  } catch (err) {
    if (!signInIfNeeded(err)) showProblem($('#page-alert'), err);
  }
}

$('#create-form').addEventListener('submit', (e) => {
  e.preventDefault();
  busy($('#create-button'), $('#create-alert'), async () => {
    const created = await post('/api/forums', {
      name: $('#f-name').value, country: $('#f-country').value, language: $('#f-language').value, description: $('#f-description').value,
    });
    location.assign(`/forums/${created.forumId}/desk`);
  });
});

load();
