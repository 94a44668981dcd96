// The session desk's check-in: every member, where they are, and a button to check them in the room or online.
import { post } from '../api.js';
import { t } from '../i18n.js';
import { $, el, render, busy, label } from '../ui.js';

export function attendancePanel(sessionId) {
  let board = null;
  let forum = null;

  function draw() {
    if (!forum) return;
    const open = board.status === 'Open';
    render($('#attendance'), el('table', { id: 'attendance-table' },
      el('caption', {}, t('desk.attendance')),
      el('thead', {}, el('tr', {}, [t('desk.member'), t('session.group'), t('desk.presence'), ''].map((h) => el('th', { scope: 'col' }, h)))),
      el('tbody', {}, forum.members.map((m) => {
        const here = board.attendees?.[m.memberId];
        const button = (presence) => el('button', {
          type: 'button', class: 'secondary', 'data-key': `${presence}-${m.memberId}`, disabled: !open || here?.presence === presence,
          'aria-label': t('desk.checkInNamed', { name: m.name, presence: label('presence', presence) }),
          on: { click: (e) => busy(e.target, $('#checkin-alert'), () => post(`/api/sessions/${sessionId}/check-in`, { presence, memberId: m.memberId })).then(draw) },
        }, label('presence', presence));
        // The secretariat records someone leaving the room (ParticipantLeft, recorded by them): quorum follows.
        const leftButton = (member) => el('button', {
          type: 'button', class: 'secondary', 'data-key': `left-${member.memberId}`, disabled: !open,
          'aria-label': t('desk.leftNamed', { name: member.name }),
          on: { click: (e) => busy(e.target, $('#checkin-alert'), () => post(`/api/sessions/${sessionId}/leave`, { memberId: member.memberId })).then(draw) },
        }, t('desk.left'));
        return el('tr', { 'data-member': m.memberId },
          el('th', { scope: 'row' }, m.name), el('td', {}, label('group', m.group)),
          el('td', {}, here ? label('presence', here.presence) : t('desk.absent')),
          el('td', {}, el('span', { class: 'row' }, button('InRoom'), button('Online'), here ? leftButton(m) : null)));
      }))));
  }

  return { draw(b, context) { board = b; forum = context.forum; draw(); } };
}
