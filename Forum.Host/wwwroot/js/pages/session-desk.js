// The secretariat's session desk: one panel module per card, each owning its state (js/desk/*.js), all drawn from the
// live board.
import { idFromPath, signInIfNeeded, Problem } from '../api.js';
import { t } from '../i18n.js';
import { $, el, render, showProblem } from '../ui.js';
import * as view from '../sessionview.js';
import { agendaPanel } from '../desk/agenda.js';
import { schedulePanel } from '../desk/schedule.js';
import { attendancePanel } from '../desk/attendance.js';
import { recordingPanel } from '../desk/recording.js';
import { roomDisplayPanel } from '../desk/room-display.js';
import { invitationsPanel } from '../desk/invitations.js';
import { minutesPanel } from '../desk/minutes.js';

const sessionId = idFromPath('sessions');
const panels = [agendaPanel, schedulePanel, attendancePanel, recordingPanel, roomDisplayPanel, invitationsPanel, minutesPanel].map((panel) => panel(sessionId));
render($('#links'),
  el('a', { href: `/sessions/${sessionId}` }, t('desk.participantView')),
  el('a', { href: `/sessions/${sessionId}/console` }, t('forum.console')));

view.openSession(sessionId, {
  attendees: true,
  onBoard: (board, change, context) => {
    document.title = `${t('desk.sessionTitleDesk')} — ${board.title}`;
    render($('#heading'), view.heading(board));
    for (const panel of panels) panel.draw(board, context, change);
  },
  // Minutes change outside the board (drafted, revised, approved, published): pushed on the same connection.
  onMinutes: (change) => { for (const panel of panels) panel.minutes?.(change); },
  onError: (message) => {
    if (message.startsWith('sign-in-required')) signInIfNeeded(new Problem(401, {}));
    else showProblem($('#page-alert'), new Error(message));
  },
});
