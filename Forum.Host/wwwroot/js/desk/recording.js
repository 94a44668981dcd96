// The session desk's positions: one recorded for a member in the room without a device, and everyone's on the item.
import { post } from '../api.js';
import { t } from '../i18n.js';
import { $, el, render, note, busy, label, stances, groups } from '../ui.js';
import { currentItem, takesPositions } from '../board.js';
import * as view from '../sessionview.js';

export function recordingPanel(sessionId) {
  let board = null;
  render($('#r-stance'), stances.map((s) => el('option', { value: s }, label('stance', s))));

  function draw() {
    const item = currentItem(board);
    const inRoom = Object.values(board.attendees || {}).filter((a) => a.presence === 'InRoom' && a.role === 'Member')
      .sort((a, b) => groups.indexOf(a.group) - groups.indexOf(b.group) || a.name.localeCompare(b.name));
    const why = board.status !== 'Open' ? t('position.notOpen') : !item ? t('session.noCurrent') : !takesPositions(item) ? t('position.information')
      : item.decision ? t('position.decided') : !inRoom.length ? t('desk.nobodyInRoom') : null;
    $('#record-form').hidden = !!why;
    $('#record-unavailable').hidden = !why;
    $('#record-unavailable').textContent = why || '';
    const chosen = $('#r-member').value;
    render($('#r-member'), inRoom.map((a) => el('option', { value: a.memberId, selected: a.memberId === chosen }, `${a.name} (${label('group', a.group)})`)));
    render($('#positions'), item && takesPositions(item) ? view.positions(item) : el('p', { class: 'muted' }, t('session.noPositionsItem')));
  }

  $('#record-form').addEventListener('submit', (e) => {
    e.preventDefault();
    const item = currentItem(board);
    const member = board.attendees?.[$('#r-member').value];
    busy($('#record-position'), $('#record-alert'), async () => {
      await post(`/api/sessions/${sessionId}/items/${item.itemId}/positions`,
        { stance: $('#r-stance').value, statement: $('#r-statement').value, onBehalfOf: member.memberId },
        { 'Idempotency-Key': crypto.randomUUID() });
      note($('#record-note'), t('desk.recordedFor', { name: member.name }));
      $('#r-statement').value = '';
    }).then(draw);
  });

  return { draw(b) { board = b; draw(); } };
}
