// Public: every forum on this platform (GET /api/forums/public), each with its public page and OGP standards report.
import { get } from '../api.js';
import { t } from '../i18n.js';
import { $, el, render, showProblem, label, groups } from '../ui.js';

async function load() {
  try {
    const forums = await get('/api/forums/public');
    render($('#forum-list'), forums.length ? forums.map((f) => el('li', { class: 'card forum-entry', 'data-forum': f.forumId },
      el('h2', {}, el('a', { href: `/forums/${f.forumId}/public` }, f.name)),
      el('p', { class: 'meta' }, f.country),
      f.description ? el('p', {}, f.description) : null,
      el('p', { class: 'muted' }, groups.map((g) => `${label('group', g)}: ${f.members[g] ?? 0}`).join(' · ')),
      el('p', { class: 'row' }, el('a', { href: `/forums/${f.forumId}/ogp-report` }, t('ogp.title')))))
      : el('li', { class: 'muted' }, t('forums.none')));
  } catch (err) {
    showProblem($('#page-alert'), err);
  }
}

load();
