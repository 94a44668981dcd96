// The session desk's agenda: the items as they stand, and a form to add one while the session is not over.
import { post } from '../api.js';
import { $, el, render, busy, label } from '../ui.js';
import * as view from '../sessionview.js';

export function agendaPanel(sessionId) {
  render($('#a-kind'), ['Decision', 'Discussion', 'Information'].map((k) => el('option', { value: k }, label('kind', k))));
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
  return {
    draw(board) {
      render($('#agenda'), view.agenda(board));
      $('#agenda-form').hidden = board.status === 'Closed' || board.status === 'Cancelled';
    },
  };
}
