import { post } from '../api.js';
import { t } from '../i18n.js';
import { $, busy } from '../ui.js';

const form = $('#sign-in-form'), sent = $('#sent');
const returnUrl = new URLSearchParams(location.search).get('returnUrl');

form.addEventListener('submit', (e) => {
  e.preventDefault();
  const email = $('#email').value.trim();
  if (!email) { $('#sign-in-alert').textContent = t('signIn.emailRequired'); $('#email').focus(); return; }
  busy($('#send-link'), $('#sign-in-alert'), async () => {
    await post('/api/auth/magic-link', { email, returnUrl: returnUrl && returnUrl.startsWith('/') ? returnUrl : null });
    $('#sent-text').textContent = t('signIn.sentTo', { email });
    form.hidden = true;
    sent.hidden = false;
    sent.focus();
  });
});

$('#again').addEventListener('click', () => { sent.hidden = true; form.hidden = false; $('#email').focus(); });
