// The session desk's invitations: invite all, chosen members or a guest; each invitee's answer and what became of their
// mail, asked again while mail is on its way (less and less often).
import { get, post, signInIfNeeded } from '../api.js';
import { t, lang } from '../i18n.js';
import { $, el, render, showProblem, note, busy, label, badge, when, announce } from '../ui.js';

const settled = new Set(['Sent', 'Failed', 'Unconfirmed']);

export function invitationsPanel(sessionId) {
  let board = null;
  let forum = null;
  let invitations = null;
  let asked = false;
  let timer = null;
  let rounds = 0;
  let membersDrawn = '';

  async function load(fresh = false) {
    clearTimeout(timer);
    if (fresh) rounds = 0;
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
    if (changed) { drawList(); drawMemberChoice(); }
    // Mail goes out a moment after the invitation commits: look again while some are on their way.
    const inFlight = list.invitations.some((i) => !settled.has(i.delivery.status));
    if (wasInFlight && !inFlight) {
      const sent = list.invitations.filter((i) => i.delivery.status === 'Sent').length;
      announce(t('invite.settled', { sent, trouble: list.invitations.length - sent }));
    }
    if (inFlight && rounds < 60) {
      rounds++;
      timer = setTimeout(load, Math.min(400 + rounds * 200, 3000));
    }
  }

  function drawList() {
    const rows = invitations?.invitations || [];
    const status = board?.status;
    const mayResend = status === 'Scheduled' || status === 'Cancelled';
    if (!rows.length) { render($('#invitations'), el('p', { class: 'muted' }, t('desk.noInvitations'))); return; }
    render($('#invitations'), el('table', { id: 'invitations-table' },
      el('caption', {}, t('invite.invitees', { count: rows.length })),
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
            d.attempts > 1 ? el('span', { class: 'muted' }, ` ${t('invite.attempts', { count: d.attempts })}`) : null,
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
                await load(true);
              }),
            },
          }, t('invite.resend')) : null));
      }))));
  }

  /** A checkbox per member not invited yet; what was ticked stays ticked across redraws. */
  function drawMemberChoice() {
    const members = forum?.members;
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
      note($('#invite-note'), answer.invited.length ? t('invite.sentTo', { count: answer.invited.length }) : t('invite.nobodyNew'));
      await load(true);
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
  $('#invitations-refresh').addEventListener('click', () => load(true));

  return {
    draw(b, context) {
      board = b;
      forum = context.forum;
      const scheduled = board.status === 'Scheduled';
      $('#invite-forms').hidden = !scheduled;
      $('#invite-closed').hidden = scheduled;
      $('#invite-closed').textContent = scheduled ? '' : t('invite.onlyScheduled', { status: label('status', board.status).toLocaleLowerCase(lang()) });
      drawMemberChoice();
      if (invitations) drawList();
      if (!asked) { asked = true; load(true); }
    },
  };
}
