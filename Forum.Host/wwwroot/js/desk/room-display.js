// The session desk's room display: a link for the big screen, carrying a token that only reads this session's board.
import { post } from '../api.js';
import { t } from '../i18n.js';
import { $, el, render, busy } from '../ui.js';

export function roomDisplayPanel(sessionId) {
  $('#make-display').addEventListener('click', (e) => busy(e.target, $('#display-alert'), async () => {
    // A token that only reads this session's board (POST .../display-tokens), never the secretariat's own powers.
    const made = await post(`/api/sessions/${sessionId}/display-tokens`);
    const url = `${location.origin}/display/${sessionId}?token=${encodeURIComponent(made.token)}`;
    render($('#display-link'),
      el('label', { for: 'display-url' }, t('desk.displayLink')),
      el('input', { id: 'display-url', type: 'text', readonly: true, value: url }),
      el('p', {}, el('a', { href: url, target: '_blank', rel: 'noopener' }, t('desk.openDisplay'))));
  }));
  return { draw() {} };
}
