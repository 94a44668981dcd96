// Personal API tokens on the home page: make one (its secret shown this once, never again), list them, revoke one.
import { get, post, del } from './api.js';
import { t } from './i18n.js';
import { $, el, render, busy, when, confirmAction, showProblem } from './ui.js';

export function tokensPanel() {
  const alert = $('#token-alert');

  async function load() {
    try {
      const tokens = await get('/api/me/tokens');
      render($('#tokens'), tokens.length ? tokens.map((k) => el('li', { class: 'token', 'data-token': k.tokenId },
        el('strong', {}, k.name), ' ', el('span', { class: 'muted' }, t('tokens.createdAt', { at: when(k.createdAt) })), ' ',
        el('button', {
          type: 'button', class: 'danger', 'data-key': `revoke-${k.tokenId}`, 'aria-label': t('tokens.revokeNamed', { name: k.name }),
          on: { click: (e) => revoke(k, e.target) },
        }, t('tokens.revoke'))))
        : el('li', { class: 'muted' }, t('tokens.none')));
    } catch (err) { showProblem(alert, err); }
  }

  async function revoke(k, button) {
    showProblem(alert, null);
    if (!await confirmAction({ message: t('tokens.revokeConfirm', { name: k.name }), confirm: t('tokens.revoke') })) return;
    await busy(button, alert, () => del(`/api/me/tokens/${k.tokenId}`));
    render($('#token-created'));
    await load();
  }

  $('#token-form').addEventListener('submit', (e) => {
    e.preventDefault();
    busy($('#create-token'), alert, async () => {
      const made = await post('/api/me/tokens', { name: $('#token-name').value });
      $('#token-form').reset();
      render($('#token-created'), el('div', { class: 'note' },
        el('p', {}, t('tokens.shownOnce', { name: made.name })),
        el('label', { for: 'token-secret' }, t('tokens.secret')),
        el('input', { id: 'token-secret', class: 'token-secret', type: 'text', readonly: true, value: made.token, on: { focus: (f) => f.target.select() } })));
      await load();
    });
  });

  return { load };
}
