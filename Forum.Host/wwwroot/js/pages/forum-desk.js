// The secretariat's forum desk: members, co-chairs, sessions.
import { get, post, idFromPath, signInIfNeeded } from '../api.js';
import { t } from '../i18n.js';
import { $, el, render, showProblem, note, busy, label, when, groups, isoFromLocal } from '../ui.js';

const forumId = idFromPath('forums');
$('#forum-link').href = `/forums/${forumId}`;
render($('#m-group'), groups.map((g) => el('option', { value: g }, label('group', g))));
render($('#m-role'), ['Member', 'Observer'].map((r) => el('option', { value: r }, label('memberRole', r))));
render($('#s-mode'), ['Hybrid', 'InPerson', 'Online'].map((m) => el('option', { value: m }, label('mode', m))));

let languageChosen = false;

async function load() {
  try {
    const [forum, sessions] = await Promise.all([get(`/api/forums/${forumId}`), get(`/api/forums/${forumId}/sessions`)]);
    document.title = `${t('desk.title')} — ${forum.name}`;
    $('#forum-name').textContent = forum.name;
    // A session speaks its forum's language unless the secretariat chooses another.
    if (!languageChosen) { $('#s-language').value = forum.language; languageChosen = true; }
    $('#secretariat').textContent = (forum.secretariat || []).join(', ');
    render($('#roster'), groups.map((g) => el('section', {},
      el('h3', {}, label('group', g)),
      el('ul', { class: 'plain' }, forum.members.filter((m) => m.group === g).map((m) => el('li', {},
        el('strong', {}, m.name), ' ', el('span', { class: 'muted' }, [m.organisation, m.email].filter(Boolean).join(' · ')), ' ',
        m.role === 'Observer' ? el('span', { class: 'badge' }, label('memberRole', m.role)) : null,
        m.coChair ? el('span', { class: 'badge' }, t('role.coChair'))
          : m.role === 'Member' && g !== 'Other' ? el('button', { type: 'button', class: 'secondary', 'data-key': `co-chair-${m.memberId}`,
            'aria-label': t('desk.appointNamed', { name: m.name }),
            on: { click: (e) => busy(e.target, $('#roster-alert'), () => post(`/api/forums/${forumId}/co-chairs`, { memberId: m.memberId })).then(load) } },
          t('desk.appoint')) : null))))));
    render($('#sessions'), sessions.length ? sessions.map((s) => el('li', {},
      el('a', { href: `/sessions/${s.sessionId}/desk` }, s.title), ' ', el('span', { class: 'muted' }, when(s.startsAt)), ' ',
      el('span', { class: `badge status-${s.status}` }, label('status', s.status))))
      : el('li', { class: 'muted' }, t('forum.noSessions')));
  } catch (err) {
    if (!signInIfNeeded(err)) showProblem($('#page-alert'), err);
  }
}

$('#member-form').addEventListener('submit', (e) => {
  e.preventDefault();
  const name = $('#m-name').value;
  busy($('#add-member'), $('#member-alert'), async () => {
    await post(`/api/forums/${forumId}/members`, {
      name, email: $('#m-email').value, organisation: $('#m-org').value, group: $('#m-group').value, role: $('#m-role').value,
    });
    note($('#member-note'), t('desk.admitted', { name }));
    $('#member-form').reset();
    await load();
  });
});

$('#schedule-form').addEventListener('submit', (e) => {
  e.preventDefault();
  busy($('#schedule'), $('#schedule-alert'), async () => {
    const created = await post(`/api/forums/${forumId}/sessions`, {
      title: $('#s-title').value, startsAt: isoFromLocal($('#s-starts').value), endsAt: isoFromLocal($('#s-ends').value),
      mode: $('#s-mode').value, venue: $('#s-venue').value, onlineUrl: $('#s-url').value, language: $('#s-language').value,
    });
    location.assign(`/sessions/${created.sessionId}/desk`);
  });
});

$('#secretariat-form').addEventListener('submit', (e) => {
  e.preventDefault();
  busy($('#assign'), $('#secretariat-alert'), async () => {
    await post(`/api/forums/${forumId}/secretariat`, { email: $('#sec-email').value });
    $('#sec-email').value = '';
    await load();
  });
});

load();
