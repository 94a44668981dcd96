// The session desk's schedule: move a session still to come (the invitees are mailed the new details) or cancel it
// (they are mailed a cancellation). Both only while the session is scheduled.
import { put, post } from '../api.js';
import { t } from '../i18n.js';
import { $, note, busy, isoFromLocal, localFromIso, confirmAction, showProblem } from '../ui.js';

export function schedulePanel(sessionId) {
  let board = null;
  let filledFrom = null; // the schedule the form was filled from: a live change refills it unless someone is typing

  $('#reschedule-form').addEventListener('submit', (e) => {
    e.preventDefault();
    busy($('#reschedule'), $('#schedule-alert'), async () => {
      note($('#schedule-note'), '');
      await put(`/api/sessions/${sessionId}/schedule`, {
        startsAt: isoFromLocal($('#r-starts').value), endsAt: isoFromLocal($('#r-ends').value),
        venue: $('#r-venue').value, onlineUrl: $('#r-url').value,
      });
      filledFrom = null;
      note($('#schedule-note'), t('desk.rescheduled'));
    });
  });

  $('#cancel-session').addEventListener('click', async (e) => {
    showProblem($('#schedule-alert'), null);
    const answer = await confirmAction({
      message: t('desk.cancelConfirm', { title: board.title }), confirm: t('desk.cancelSession'),
      reasonLabel: t('desk.cancelReason'), reasonRequired: true,
    });
    if (!answer) return;
    await busy(e.target, $('#schedule-alert'), async () => {
      await post(`/api/sessions/${sessionId}/cancel`, { reason: answer.reason });
      note($('#schedule-note'), t('desk.cancelledNote'));
    });
  });

  return {
    draw(b) {
      board = b;
      const scheduled = b.status === 'Scheduled';
      $('#schedule-card').hidden = !scheduled && !$('#schedule-note').textContent;
      $('#schedule-work').hidden = !scheduled;
      $('#r-venue-box').hidden = b.mode === 'Online';
      $('#r-url-box').hidden = b.mode === 'InPerson';
      const key = `${b.startsAt}/${b.endsAt}/${b.venue}/${b.onlineUrl}`;
      if (filledFrom !== key && !$('#reschedule-form').contains(document.activeElement)) {
        $('#r-starts').value = localFromIso(b.startsAt);
        $('#r-ends').value = localFromIso(b.endsAt);
        $('#r-venue').value = b.venue || '';
        $('#r-url').value = b.onlineUrl || '';
        filledFrom = key;
      }
    },
  };
}
