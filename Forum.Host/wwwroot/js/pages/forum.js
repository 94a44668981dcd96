import { get, idFromPath, signInIfNeeded } from '../api.js';
import { t } from '../i18n.js';
import { $, el, render, showProblem, label, badge, when, groups } from '../ui.js';

const forumId = idFromPath('forums');

export function rosterByGroup(forum) {
  return groups.map((g) => {
    const members = forum.members.filter((m) => m.group === g);
    return el('section', { 'aria-label': label('group', g) },
      el('h3', {}, `${label('group', g)} (${members.length})`),
      el('ul', { class: 'plain' }, members.map((m) => el('li', {},
        el('span', { lang: '' }, m.name), ' ',
        el('span', { class: 'muted' }, m.organisation), ' ',
        m.coChair ? el('span', { class: 'badge' }, t('role.coChair')) : null, ' ',
        m.role === 'Observer' ? el('span', { class: 'badge' }, label('memberRole', m.role)) : null))));
  });
}

async function load() {
  try {
    const [forum, sessions] = await Promise.all([get(`/api/forums/${forumId}`), get(`/api/forums/${forumId}/sessions`)]);
    document.title = forum.name;
    $('#forum-name').textContent = forum.name;
    $('#forum-meta').textContent = `${forum.country} · ${t('forum.yourRole')}: ${label('forumRole', forum.yourRole)}`;
    $('#forum-description').textContent = forum.description;
    const secretariat = forum.yourRole === 'Secretariat', coChair = forum.yourRole === 'CoChair';
    render($('#forum-links'),
      secretariat ? el('a', { href: `/forums/${forumId}/desk` }, t('forum.desk')) : null,
      el('a', { href: `/forums/${forumId}/minutes` }, t('forum.archive')),
      el('a', { href: `/forums/${forumId}/action-plans` }, t('plans.title')));
    render($('#sessions'), sessions.length ? sessions.map((s) => el('li', {},
      el('strong', {}, s.title), ' ', badge('status', s.status), el('br'),
      el('span', { class: 'muted' }, `${when(s.startsAt)} · ${label('mode', s.mode)}${s.venue ? ' · ' + s.venue : ''}`), el('br'),
      el('span', { class: 'row' },
        el('a', { href: `/sessions/${s.sessionId}` }, t('forum.takePart')),
        coChair ? el('a', { href: `/sessions/${s.sessionId}/console` }, t('forum.console')) : null,
        secretariat ? el('a', { href: `/sessions/${s.sessionId}/desk` }, t('forum.sessionDesk')) : null)))
      : el('li', { class: 'muted' }, t('forum.noSessions')));
    render($('#roster'), rosterByGroup(forum));
  } catch (err) {
    if (!signInIfNeeded(err)) showProblem($('#page-alert'), err);
  }
}

load();
