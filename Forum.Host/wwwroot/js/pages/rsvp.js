// The personal link of an invitation mail: shows the invitation, and answers only when a button is pressed (a mail
// scanner opening the link records nothing). It signs no one in; the sign-in link below asks for the one-time mail.
import { get, post, idFromPath } from '../api.js';
import { t } from '../i18n.js';
import { $, el, render, showProblem, note, busy, label, when } from '../ui.js';

const token = idFromPath('rsvp');
const url = `/api/rsvp/${encodeURIComponent(token)}`;
// The mail's three links each name an answer: that one is offered first, nothing is sent until it is pressed.
const suggested = new URLSearchParams(location.search).get('answer');

async function load() {
  try {
    const s = await get(url);
    document.title = t('rsvp.answerFor', { title: s.title });
    $('#rsvp-heading').textContent = t('rsvp.answerFor', { title: s.title });
    $('#rsvp-session').textContent = [s.forum, `${when(s.startsAt)} – ${when(s.endsAt)}`, label('mode', s.mode), s.venue].filter(Boolean).join(' · ');
    $('#rsvp-current').textContent = s.answer ? t('rsvp.yourAnswer', { answer: label('rsvp', s.answer) }) : t('rsvp.notAnswered');
    $('#rsvp-sign-in').href = `/sign-in?returnUrl=${encodeURIComponent(`/sessions/${s.sessionId}`)}`;
    const answers = [...s.answers].sort((a, b) => (b === suggested) - (a === suggested));
    render($('#rsvp-buttons'), s.canAnswer
      ? answers.map((a) => el('button', {
        type: 'button', class: s.answer === a || (!s.answer && a === suggested) ? '' : 'secondary', 'aria-pressed': String(s.answer === a), 'data-key': `rsvp-${a}`,
        on: {
          click: (e) => busy(e.target, $('#rsvp-alert'), async () => {
            await post(url, { answer: a });
            note($('#rsvp-note'), t('rsvp.saved', { title: s.title, answer: label('rsvp', a) }));
            await load();
          }),
        },
      }, t(`rsvp.button.${a}`)))
      : el('p', { class: 'muted' }, t('rsvp.closed')));
  } catch (err) {
    $('#rsvp-current').textContent = '';
    showProblem($('#rsvp-alert'), err);
  }
}

load();
