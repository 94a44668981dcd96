// Public: published minutes need no sign-in. GET /api/forums/{id}/minutes is being built by another engineer;
// until it answers, the page says so.
import { get, idFromPath, Problem } from '../api.js';
import { t } from '../i18n.js';
import { $, el, render, setupPage, showProblem, when } from '../ui.js';

setupPage({ signOut: false });
const forumId = idFromPath('forums');

async function load() {
  try {
    const answer = await get(`/api/forums/${forumId}/minutes`);
    const list = Array.isArray(answer) ? answer : (answer?.minutes || answer?.items || []);
    render($('#minutes'), list.length
      ? el('ul', { class: 'plain' }, list.map((m) => {
        const id = m.minutesId || m.id;
        return el('li', {},
          el('strong', {}, m.title || m.sessionTitle || t('archive.untitled')), ' ',
          el('span', { class: 'muted' }, when(m.publishedAt || m.startsAt || m.at)), el('br'),
          id ? el('span', { class: 'row' },
            el('a', { href: `/api/minutes/${id}.pdf` }, 'PDF'),
            el('a', { href: `/api/minutes/${id}.html` }, 'HTML'),
            el('a', { href: `/api/minutes/${id}/verify` }, t('archive.verify'))) : null);
      }))
      : el('p', { class: 'muted' }, t('archive.none')));
  } catch (err) {
    if (err instanceof Problem && err.status === 404) render($('#minutes'), el('p', { class: 'placeholder card' }, t('common.notAvailable')));
    else showProblem($('#page-alert'), err);
  }
}

load();
