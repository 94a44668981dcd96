// Public, no sign-in (GET /api/forums/{id}/public, ADR 0018): the forum's description, rules and when they were set,
// members by group with their organisation, sessions coming and past, meetings from before Forum, published minutes and
// action plans. A secretariat signed in also gets the form to record a past meeting with its minutes file.
import { get, idFromPath, Problem } from '../api.js';
import { t, percent } from '../i18n.js';
import { $, el, render, showProblem, note, busy, label, badge, when, groups } from '../ui.js';

const forumId = idFromPath('forums');
const day = (iso) => (iso ? new Intl.DateTimeFormat(document.documentElement.dataset.locale || 'en', { dateStyle: 'medium', timeZone: 'UTC' })
  .format(new Date(iso.length === 10 ? iso + 'T00:00:00Z' : iso)) : '');

function rules(r) {
  const decision = r.voteFallback ? t('public.ruleVote', { share: percent(r.voteThreshold) }) : t('public.ruleConsensus');
  return [
    el('dl', { class: 'facts' },
      el('dt', {}, t('public.quorum')), el('dd', { id: 'rule-quorum' }, percent(r.quorumShare)),
      el('dt', {}, t('public.parity')), el('dd', { id: 'rule-parity' }, r.parityRequired ? t('public.parityRequired') : t('public.parityNotRequired')),
      el('dt', {}, t('public.decisionRule')), el('dd', { id: 'rule-decision' }, decision)),
    el('p', { class: 'muted', id: 'rules-set' }, r.setAt ? t('public.rulesSetAt', { at: when(r.setAt) }) : t('public.rulesDefault')),
  ];
}

function members(forum) {
  return groups.map((g) => {
    const list = forum.members[g] || [];
    return el('section', { 'aria-label': label('group', g), 'data-group': g },
      el('h3', {}, `${label('group', g)} (${list.length})`),
      list.length ? el('ul', { class: 'plain' }, list.map((m) => el('li', { class: 'member' },
        el('span', {}, m.name), ' ', el('span', { class: 'muted' }, m.organisation), ' ',
        m.coChair ? el('span', { class: 'badge' }, t('role.coChair')) : null, ' ',
        m.role === 'Observer' ? el('span', { class: 'badge' }, label('memberRole', m.role)) : null)))
        : el('p', { class: 'muted' }, t('public.noMembers')));
  });
}

const session = (s) => el('li', { class: 'session-entry', 'data-session': s.sessionId },
  el('strong', {}, s.title), ' ', badge('status', s.status), el('br'),
  el('span', { class: 'muted' }, `${when(s.heldAt || s.startsAt)} · ${label('mode', s.mode)}`),
  s.minutes ? [el('br'), el('a', { href: s.minutes.links.pdf || s.minutes.links.html }, t('public.minutesOf'))] : null);

function attendance(a) {
  return groups.map((g) => `${label('group', g)}: ${a[g] ?? 0}`).join(' · ');
}

const pastMeeting = (p) => el('li', { class: 'past-meeting', 'data-past-meeting': p.pastMeetingId },
  el('strong', {}, p.title), ' ', el('span', { class: 'muted' }, day(p.heldOn)), el('br'),
  el('span', { class: 'muted' }, attendance(p.attendance)),
  p.minutes ? el('p', { class: 'hash' },
    el('a', { href: p.minutes.href, download: p.minutes.fileName }, p.minutes.fileName), ' ',
    el('span', { class: 'muted' }, 'SHA-256 '), el('code', {}, p.minutes.sha256)) : el('p', { class: 'muted' }, t('public.noFile')));

const plan = (f, p) => el('li', { class: 'plan-entry', 'data-plan': p.actionPlanId },
  el('a', { href: p.links.page }, p.title), ' ', badge('planStatus', p.status), el('br'),
  el('span', { class: 'muted' }, `${day(p.startsOn)} – ${day(p.endsOn)} · ${t('public.commitments', { count: p.commitments })} · `
    + t('public.proposalsAnswered', { answered: p.proposals.answered, received: p.proposals.received })), ' ',
  el('a', { href: p.links.csv, download: '' }, 'CSV'));

async function load() {
  try {
    const f = await get(`/api/forums/${forumId}/public`);
    document.title = `${f.name} — ${t('public.title')}`;
    $('#forum-name').textContent = f.name;
    $('#forum-meta').textContent = `${f.country} · ${t('public.established', { at: day(f.establishedAt) })}`;
    $('#forum-description').textContent = f.description || '';
    render($('#forum-links'),
      el('a', { href: `/forums/${forumId}/ogp-report`, id: 'report-link' }, t('ogp.title')),
      el('a', { href: `/forums/${forumId}/minutes` }, t('forum.archive')),
      el('a', { href: '/forums' }, t('forums.title')));
    render($('#rules'), rules(f.rules));
    render($('#members'), members(f));
    render($('#coming'), f.sessions.coming.length ? f.sessions.coming.map(session) : el('li', { class: 'muted' }, t('public.noComing')));
    render($('#past'), f.sessions.past.length ? f.sessions.past.map(session) : el('li', { class: 'muted' }, t('forum.noSessions')));
    render($('#minutes'), f.minutes.length ? f.minutes.map((m) => el('li', { class: 'minutes-entry' },
      el('strong', {}, m.sessionTitle), ' ', el('span', { class: 'muted' }, t('minutes.publishedAt', { at: when(m.publishedAt) })), el('br'),
      el('a', { href: m.links.pdf }, t('minutes.pdf')), ' ', el('a', { href: m.links.html }, t('minutes.html')),
      el('p', { class: 'muted hash' }, t('archive.documentHash'), ' ', el('code', {}, m.documentSha256))))
      : el('li', { class: 'muted' }, t('archive.none')));
    render($('#plans'), f.actionPlans.length ? f.actionPlans.map((p) => plan(f, p)) : el('li', { class: 'muted' }, t('public.noPlans')));
    render($('#past-meetings'), f.pastMeetings.length ? f.pastMeetings.map(pastMeeting) : el('li', { class: 'muted' }, t('public.noPastMeetings')));
  } catch (err) {
    showProblem($('#page-alert'), err);
  }
}

/** Only the forum's secretariat records past meetings; anyone else never sees the form (the API refuses them too). */
async function offerRecording() {
  if (!document.getElementById('sign-out')) return;
  const forum = await get(`/api/forums/${forumId}`).catch(() => null);
  if (forum?.yourRole !== 'Secretariat') return;
  $('#record-card').hidden = false;
}

$('#record-form').addEventListener('submit', (e) => {
  e.preventDefault();
  note($('#record-note'), '');
  busy($('#record-button'), $('#record-alert'), async () => {
    const form = new FormData(e.target);
    if (!$('#pm-file').files.length) form.delete('minutes');
    if (!form.get('minutesPublishedOn')) form.delete('minutesPublishedOn');
    let res;
    try { res = await fetch(`/api/forums/${forumId}/past-meetings`, { method: 'POST', body: form, credentials: 'same-origin', headers: { Accept: 'application/json' } }); }
    catch { throw new Problem(0, { rule: 'network' }); }
    const body = await res.json().catch(() => ({}));
    if (!res.ok) throw new Problem(res.status, body);
    note($('#record-note'), body.minutes ? t('pastMeeting.recordedWithFile', { name: body.minutes.fileName, sha: body.minutes.sha256 }) : t('pastMeeting.recorded'));
    e.target.reset();
    await load();
  });
});

load();
offerRecording();
