// Public: the forum's published minutes, without signing in (GET /api/forums/{id}/minutes), each with its signed PDF,
// the other files, and verification.
import { get, idFromPath } from '../api.js';
import { t } from '../i18n.js';
import { $, el, render, showProblem, when } from '../ui.js';
import * as mins from '../minutes.js';

const forumId = idFromPath('forums');

async function load() {
  try {
    const archive = await get(`/api/forums/${forumId}/minutes`);
    document.title = `${t('archive.title')} — ${archive.name}`;
    $('#forum-name').textContent = `${archive.name} · ${archive.country}`;
    render($('#minutes'), archive.minutes.length
      ? el('ul', { class: 'plain', id: 'archive-list' }, archive.minutes.map((m) => el('li', { class: 'archive-entry', 'data-minutes': m.minutesId },
        el('h3', {}, m.sessionTitle),
        el('p', { class: 'meta' }, t('archive.held', { at: when(m.sessionStartsAt) }), ' · ', t('minutes.publishedAt', { at: when(m.publishedAt) })),
        mins.downloads(m),
        el('p', { class: 'muted hash' }, t('archive.documentHash'), ' ', el('code', {}, m.documentSha256)),
        mins.verifier(m, `verify-${m.minutesId}`))))
      : el('p', { class: 'muted' }, t('archive.none')));
  } catch (err) {
    showProblem($('#page-alert'), err);
  }
}

load();
