// The secretariat's session desk: agenda, check-in, positions recorded for people in the room, the room display link,
// invitations with each delivery's status, and the minutes: revise, preview, publish, download, verify.
import { get, getText, post, idFromPath, signInIfNeeded, Problem } from '../api.js';
import { t, lang } from '../i18n.js';
import { $, el, render, setupPage, showProblem, note, busy, label, badge, when, announce, stances, groups } from '../ui.js';
import * as mins from '../minutes.js';
import { currentItem, takesPositions } from '../board.js';
import * as view from '../sessionview.js';

setupPage();
const sessionId = idFromPath('sessions');
let ctx = null;
render($('#a-kind'), ['Decision', 'Discussion', 'Information'].map((k) => el('option', { value: k }, label('kind', k))));
render($('#r-stance'), stances.map((s) => el('option', { value: s }, label('stance', s))));
render($('#links'),
  el('a', { href: `/sessions/${sessionId}` }, t('desk.participantView')),
  el('a', { href: `/sessions/${sessionId}/console` }, t('forum.console')));

function draw(board, change, context) {
  ctx = context;
  const forum = context.forum;
  document.title = `${t('desk.sessionTitleDesk')} — ${board.title}`;
  render($('#heading'), view.heading(board));
  render($('#agenda'), view.agenda(board));
  $('#agenda-form').hidden = board.status === 'Closed' || board.status === 'Cancelled';
  drawAttendance(board, forum);

  const item = currentItem(board);
  const inRoom = Object.values(board.attendees).filter((a) => a.presence === 'InRoom' && a.role === 'Member')
    .sort((a, b) => groups.indexOf(a.group) - groups.indexOf(b.group) || a.name.localeCompare(b.name));
  const why = board.status !== 'Open' ? t('position.notOpen') : !item ? t('session.noCurrent') : !takesPositions(item) ? t('position.information')
    : item.decision ? t('position.decided') : !inRoom.length ? t('desk.nobodyInRoom') : null;
  $('#record-form').hidden = !!why;
  $('#record-unavailable').hidden = !why;
  $('#record-unavailable').textContent = why || '';
  const chosen = $('#r-member').value;
  render($('#r-member'), inRoom.map((a) => el('option', { value: a.memberId, selected: a.memberId === chosen }, `${a.name} (${label('group', a.group)})`)));
  render($('#positions'), item && takesPositions(item) ? view.positions(item) : el('p', { class: 'muted' }, t('session.noPositionsItem')));
  drawInvitePanel(board);
  if (!invitationsAsked) { invitationsAsked = true; loadInvitations(true); }
  watchMinutes(board);
}

function drawAttendance(board, forum) {
  if (!forum) return;
  const open = board.status === 'Open';
  render($('#attendance'), el('table', { id: 'attendance-table' },
    el('caption', {}, t('desk.attendance')),
    el('thead', {}, el('tr', {}, [t('desk.member'), t('session.group'), t('desk.presence'), ''].map((h) => el('th', { scope: 'col' }, h)))),
    el('tbody', {}, forum.members.map((m) => {
      const here = board.attendees[m.memberId];
      const button = (presence) => el('button', {
        type: 'button', class: 'secondary', 'data-key': `${presence}-${m.memberId}`, disabled: !open || here?.presence === presence,
        'aria-label': t('desk.checkInNamed', { name: m.name, presence: label('presence', presence) }),
        on: { click: (e) => busy(e.target, $('#checkin-alert'), () => post(`/api/sessions/${sessionId}/check-in`, { presence, memberId: m.memberId })).then(() => draw(ctx.board, null, ctx)) },
      }, label('presence', presence));
      return el('tr', { 'data-member': m.memberId },
        el('th', { scope: 'row' }, m.name), el('td', {}, label('group', m.group)),
        el('td', {}, here ? label('presence', here.presence) : t('desk.absent')),
        el('td', {}, el('span', { class: 'row' }, button('InRoom'), button('Online'))));
    }))));
}

$('#agenda-form').addEventListener('submit', (e) => {
  e.preventDefault();
  busy($('#add-item'), $('#agenda-alert'), async () => {
    await post(`/api/sessions/${sessionId}/agenda`, {
      title: $('#a-title').value, description: $('#a-description').value, kind: $('#a-kind').value,
      presenter: $('#a-presenter').value, minutes: Number($('#a-minutes').value),
    });
    $('#agenda-form').reset();
  });
});

$('#record-form').addEventListener('submit', (e) => {
  e.preventDefault();
  const item = currentItem(ctx.board);
  const member = ctx.board.attendees[$('#r-member').value];
  busy($('#record-position'), $('#record-alert'), async () => {
    await post(`/api/sessions/${sessionId}/items/${item.itemId}/positions`,
      { stance: $('#r-stance').value, statement: $('#r-statement').value, onBehalfOf: member.memberId },
      { 'Idempotency-Key': crypto.randomUUID() });
    note($('#record-note'), t('desk.recordedFor', { name: member.name }));
    $('#r-statement').value = '';
  }).then(() => draw(ctx.board, null, ctx));
});

$('#make-display').addEventListener('click', (e) => busy(e.target, $('#display-alert'), async () => {
  // A token that only reads this session's board (POST .../display-tokens), never the secretariat's own powers.
  const made = await post(`/api/sessions/${sessionId}/display-tokens`);
  const url = `${location.origin}/display/${sessionId}?token=${encodeURIComponent(made.token)}`;
  render($('#display-link'),
    el('label', { for: 'display-url' }, t('desk.displayLink')),
    el('input', { id: 'display-url', type: 'text', readonly: true, value: url }),
    el('p', {}, el('a', { href: url, target: '_blank', rel: 'noopener' }, t('desk.openDisplay'))));
}));

// Invitations: invite all, chosen members or a guest; each invitee's answer and what became of their mail.
const settled = new Set(['Sent', 'Failed', 'Unconfirmed']);
let invitations = null;
let invitationsAsked = false;
let invitationsTimer = null;
let invitationsRounds = 0;
let membersDrawn = '';

async function loadInvitations(fresh = false) {
  clearTimeout(invitationsTimer);
  if (fresh) invitationsRounds = 0;
  let list;
  try {
    list = await get(`/api/sessions/${sessionId}/invitations`);
  } catch (err) {
    if (!signInIfNeeded(err)) showProblem($('#invite-alert'), err);
    return;
  }
  const wasInFlight = invitations && invitations.invitations.some((i) => !settled.has(i.delivery.status));
  const changed = JSON.stringify(list) !== JSON.stringify(invitations);
  invitations = list;
  if (changed) { drawInvitations(); drawMemberChoice(); }
  // Mail goes out a moment after the invitation commits: look again while some are on their way (less and less often).
  const inFlight = list.invitations.some((i) => !settled.has(i.delivery.status));
  if (wasInFlight && !inFlight) {
    const sent = list.invitations.filter((i) => i.delivery.status === 'Sent').length;
    announce(t('invite.settled', { sent, trouble: list.invitations.length - sent }));
  }
  if (inFlight && invitationsRounds < 60) {
    invitationsRounds++;
    invitationsTimer = setTimeout(loadInvitations, Math.min(400 + invitationsRounds * 200, 3000));
  }
}

function drawInvitations() {
  const rows = invitations?.invitations || [];
  const status = ctx?.board?.status;
  const mayResend = status === 'Scheduled' || status === 'Cancelled';
  if (!rows.length) { render($('#invitations'), el('p', { class: 'muted' }, t('desk.noInvitations'))); return; }
  render($('#invitations'), el('table', { id: 'invitations-table' },
    el('caption', {}, t('invite.invitees', { n: rows.length })),
    el('thead', {}, el('tr', {}, [t('desk.member'), t('session.group'), t('invite.answer'), t('invite.delivery'), ''].map((h) => el('th', { scope: 'col' }, h)))),
    el('tbody', {}, rows.map((i) => {
      const d = i.delivery;
      const trouble = ['Retrying', 'Failed', 'Unconfirmed'].includes(d.status);
      return el('tr', { 'data-invitation': i.invitationId, 'data-member': i.memberId || null },
        el('th', { scope: 'row' }, i.name, i.guest ? [' ', el('span', { class: 'badge' }, t('invite.guestBadge'))] : null,
          el('span', { class: 'muted email' }, i.email)),
        el('td', {}, label('group', i.group)),
        el('td', { class: 'answer' }, i.answer ? label('rsvp', i.answer) : el('span', { class: 'muted' }, t('rsvp.none'))),
        el('td', { class: 'delivery' }, badge('delivery', d.status),
          d.attempts > 1 ? el('span', { class: 'muted' }, ` ${t('invite.attempts', { n: d.attempts })}`) : null,
          d.sentAt && d.status === 'Sent' ? el('span', { class: 'muted' }, ` ${when(d.sentAt)}`) : null,
          trouble && d.lastError ? el('span', { class: 'delivery-error' }, d.lastError) : null,
          d.status === 'Unconfirmed' ? el('span', { class: 'delivery-error' }, t('invite.unconfirmedHelp')) : null),
        el('td', {}, mayResend ? el('button', {
          type: 'button', class: trouble ? '' : 'secondary', 'data-key': `resend-${i.invitationId}`,
          'aria-label': t('invite.resendTo', { name: i.name }),
          on: {
            click: (e) => busy(e.target, $('#invite-alert'), async () => {
              await post(`/api/sessions/${sessionId}/invitations/${i.invitationId}/resend`);
              note($('#invite-note'), t('invite.resent', { name: i.name }));
              await loadInvitations(true);
            }),
          },
        }, t('invite.resend')) : null));
    }))));
}

/** A checkbox per member not invited yet; what was ticked stays ticked across redraws. */
function drawMemberChoice() {
  const members = ctx?.forum?.members;
  if (!members) return;
  const invited = new Set((invitations?.invitations || []).map((i) => i.memberId).filter(Boolean));
  const key = members.map((m) => `${m.memberId}:${invited.has(m.memberId)}`).join(',');
  if (key === membersDrawn) return;
  membersDrawn = key;
  const ticked = new Set([...document.querySelectorAll('#invite-members input:checked')].map((x) => x.value));
  render($('#invite-members'), el('legend', {}, t('invite.choose')), members.map((m) => el('label', {},
    el('input', { type: 'checkbox', name: 'invite-member', value: m.memberId, checked: ticked.has(m.memberId) && !invited.has(m.memberId), disabled: invited.has(m.memberId) }),
    `${m.name} (${label('group', m.group)})`, invited.has(m.memberId) ? el('span', { class: 'muted' }, ` — ${t('invite.already')}`) : null)));
}

async function invite(button, body) {
  return busy(button, $('#invite-alert'), async () => {
    note($('#invite-note'), '');
    const answer = await post(`/api/sessions/${sessionId}/invitations`, body);
    note($('#invite-note'), answer.invited.length ? t('invite.sentTo', { n: answer.invited.length }) : t('invite.nobodyNew'));
    await loadInvitations(true);
    return answer;
  });
}

$('#invite-all').addEventListener('click', (e) => invite(e.target, { all: true }));
$('#invite-chosen-form').addEventListener('submit', (e) => {
  e.preventDefault();
  const memberIds = [...document.querySelectorAll('#invite-members input:checked')].map((x) => x.value);
  if (!memberIds.length) { showProblem($('#invite-alert'), new Error(t('invite.chooseFirst'))); return; }
  invite($('#invite-chosen'), { memberIds });
});
$('#invite-guest-form').addEventListener('submit', (e) => {
  e.preventDefault();
  invite($('#invite-guest'), { guests: [{ name: $('#g-name').value, email: $('#g-email').value }] })
    .then((answer) => { if (answer) $('#invite-guest-form').reset(); });
});
$('#invitations-refresh').addEventListener('click', () => loadInvitations(true));

function drawInvitePanel(board) {
  const scheduled = board.status === 'Scheduled';
  $('#invite-forms').hidden = !scheduled;
  $('#invite-closed').hidden = scheduled;
  $('#invite-closed').textContent = scheduled ? '' : t('invite.onlyScheduled', { status: label('status', board.status).toLocaleLowerCase(lang()) });
  drawMemberChoice();
  if (invitations) drawInvitations();
}

// Minutes: drafted when the session closes; the secretariat revises, both co-chairs approve, the secretariat publishes.
let minutes = null;
let watching = null;
let markdownOf = null; // the revision the text box was filled from

function watchMinutes(board) {
  if (board.status !== 'Closed' || watching) return;
  render($('#minutes'), el('p', { class: 'muted' }, t('minutes.drafting')));
  watching = mins.whenDrafted(sessionId, showMinutes, (err) => showProblem($('#minutes-alert'), err));
}

async function reloadMinutes() {
  const m = await mins.load(sessionId);
  if (m) await showMinutes(m);
}

async function showMinutes(m) {
  minutes = m;
  const draft = m.status === 'Draft';
  render($('#minutes'), mins.summary(m), draft ? mins.downloads(m) : null);
  $('#minutes-work').hidden = !draft;
  if (draft) {
    const waiting = m.awaitingApproval.map((g) => label('group', g));
    $('#publish-help').textContent = waiting.length
      ? t('minutes.publishWaits', { groups: waiting.join(', ') }) : t('minutes.publishReady');
    if (markdownOf !== m.revision) {
      try { $('#minutes-markdown').value = await getText(m.links.markdown); markdownOf = m.revision; }
      catch (err) { showProblem($('#minutes-alert'), err); }
    }
    let frame = $('#minutes-preview');
    if (!frame) { frame = mins.previewFrame('minutes-preview'); render($('#minutes-preview-region'), frame); }
    await mins.fillPreview(frame, m, $('#minutes-alert'));
    render($('#minutes-published'));
  } else {
    render($('#minutes-published'), mins.downloads(m), mins.verifier(m, 'verify-minutes'));
  }
}

$('#revise-form').addEventListener('submit', (e) => {
  e.preventDefault();
  busy($('#save-minutes'), $('#minutes-alert'), async () => {
    note($('#minutes-note'), '');
    await post(`/api/minutes/${minutes.minutesId}/revise`, { markdown: $('#minutes-markdown').value });
    markdownOf = null;
    await reloadMinutes();
    note($('#minutes-note'), t('minutes.saved', { n: minutes.revision }));
  });
});
$('#publish-minutes').addEventListener('click', (e) => busy(e.target, $('#minutes-alert'), async () => {
  note($('#minutes-note'), '');
  await post(`/api/minutes/${minutes.minutesId}/publish`);
  await reloadMinutes();
  note($('#minutes-note'), t('minutes.publishedNote'));
}));
$('#minutes-refresh').addEventListener('click', (e) => busy(e.target, $('#minutes-alert'), reloadMinutes));

view.openSession(sessionId, {
  attendees: true,
  onBoard: draw,
  onError: (message) => {
    if (message.startsWith('sign-in-required')) signInIfNeeded(new Problem(401, {}));
    else showProblem($('#page-alert'), new Error(message));
  },
});
