// The secretariat's forum desk: members (admit, change role, remove), co-chairs (appoint, stand down), the forum's
// rules, sessions.
import { get, post, put, del, idFromPath, signInIfNeeded } from '../api.js';
import { t, percent } from '../i18n.js';
import { $, el, render, showProblem, note, busy, label, when, groups, isoFromLocal, confirmAction } from '../ui.js';

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
      el('ul', { class: 'plain' }, forum.members.filter((m) => m.group === g).map((m) => el('li', { 'data-member': m.memberId },
        el('strong', {}, m.name), ' ', el('span', { class: 'muted' }, [m.organisation, m.email].filter(Boolean).join(' · ')), ' ',
        m.role === 'Observer' ? el('span', { class: 'badge' }, label('memberRole', m.role)) : null,
        m.coChair ? el('span', { class: 'badge' }, t('role.coChair'))
          : m.role === 'Member' && g !== 'Other' ? el('button', { type: 'button', class: 'secondary', 'data-key': `co-chair-${m.memberId}`,
            'aria-label': t('desk.appointNamed', { name: m.name }),
            on: { click: (e) => busy(e.target, $('#roster-alert'), () => post(`/api/forums/${forumId}/co-chairs`, { memberId: m.memberId })).then(load) } },
          t('desk.appoint')) : null,
        memberActions(m)))))));
    drawRules(forum.rules);
    render($('#sessions'), sessions.length ? sessions.map((s) => el('li', {},
      el('a', { href: `/sessions/${s.sessionId}/desk` }, s.title), ' ', el('span', { class: 'muted' }, when(s.startsAt)), ' ',
      el('span', { class: `badge status-${s.status}` }, label('status', s.status))))
      : el('li', { class: 'muted' }, t('forum.noSessions')));
  } catch (err) {
    if (!signInIfNeeded(err)) showProblem($('#page-alert'), err);
  }
}

/** Stand down, change role, remove: the last two only for a member who is not a co-chair (the rules say why). */
function memberActions(m) {
  const alert = $('#roster-alert');
  const button = (key, text, named, onClick, cls = 'secondary') => el('button', {
    type: 'button', class: cls, 'data-key': `${key}-${m.memberId}`, 'aria-label': t(named, { name: m.name }), on: { click: (e) => onClick(e.target) },
  }, text);
  const confirmed = async (target, message, confirm, action) => {
    showProblem(alert, null);
    if (await confirmAction({ message, confirm })) await busy(target, alert, action).then(load);
  };
  const otherRole = m.role === 'Member' ? 'Observer' : 'Member';
  return el('span', { class: 'member-actions' },
    m.coChair ? button('stand-down', t('desk.standDown'), 'desk.standDownNamed',
      (b) => confirmed(b, t('desk.standDownConfirm', { name: m.name }), t('desk.standDown'), () => del(`/api/forums/${forumId}/co-chairs/${m.memberId}`))) : null,
    m.coChair ? null : button('role', t(`desk.makeRole.${otherRole}`), `desk.makeRoleNamed.${otherRole}`,
      (b) => busy(b, alert, () => put(`/api/forums/${forumId}/members/${m.memberId}/role`, { role: otherRole })).then(load)),
    m.coChair ? null : button('remove', t('desk.remove'), 'desk.removeNamed',
      (b) => confirmed(b, t('desk.removeConfirm', { name: m.name }), t('desk.remove'), () => del(`/api/forums/${forumId}/members/${m.memberId}`)), 'danger'));
}

// The rules as they stand, and the form filled from them once (a reload after saving must not undo what is typed).
let rulesFilled = false;
function drawRules(rules) {
  if (!rules) return;
  $('#rules-now').textContent = [
    t('desk.rulesQuorum', { share: percent(rules.quorumShare) }),
    rules.parityRequired ? t('desk.rulesParity') : t('desk.rulesNoParity'),
    rules.voteFallback ? t('desk.rulesVote', { share: percent(rules.voteThreshold) }) : t('desk.rulesConsensusOnly'),
  ].join(' ');
  if (rulesFilled) return;
  rulesFilled = true;
  $('#rule-quorum').value = String(rules.quorumShare);
  $('#rule-parity').checked = rules.parityRequired;
  $('#rule-decision').value = rules.voteFallback ? 'Vote' : 'Consensus';
  $('#rule-threshold').value = rules.voteFallback ? String(rules.voteThreshold) : '0.66';
  thresholdShown();
}

function thresholdShown() { $('#rule-threshold-box').hidden = $('#rule-decision').value !== 'Vote'; }
render($('#rule-decision'), ['Consensus', 'Vote'].map((r) => el('option', { value: r }, t(`desk.decisionRule.${r}`))));
$('#rule-decision').addEventListener('change', thresholdShown);

$('#rules-form').addEventListener('submit', (e) => {
  e.preventDefault();
  const number = (id) => ($(id).value === '' ? null : Number($(id).value));
  const vote = $('#rule-decision').value === 'Vote';
  busy($('#save-rules'), $('#rules-alert'), async () => {
    note($('#rules-note'), '');
    await put(`/api/forums/${forumId}/rules`, {
      quorumShare: number('#rule-quorum'), parityRequired: $('#rule-parity').checked, voteFallback: vote, voteThreshold: vote ? number('#rule-threshold') : null,
    });
    note($('#rules-note'), t('desk.rulesSaved'));
    await load();
  });
});

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
