// The header every page shares (Pages/Templates/shell.html.sbn): the language picker and signing out.
import { setLang } from './i18n.js';

document.getElementById('lang-select')?.addEventListener('change', (e) => setLang(e.target.value));

document.getElementById('sign-out')?.addEventListener('click', async () => {
  try { await fetch('/api/auth/sign-out', { method: 'POST', credentials: 'same-origin' }); } finally { location.assign('/sign-in'); }
});

// Signing in from any page comes back to it.
const signIn = document.getElementById('sign-in-link');
if (signIn) signIn.href = '/sign-in?returnUrl=' + encodeURIComponent(location.pathname + location.search);
