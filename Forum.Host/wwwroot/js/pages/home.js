import { get, post, signInIfNeeded } from '../api.js';
import { t } from '../i18n.js';
import { $, el, render, setupPage, showProblem, busy } from '../ui.js';

setupPage();

async function load() {
  try {
    const me = await get('/api/me');
    $('#who').textContent = t('home.signedInAs', { email: me.email });
    render($('#forums'), me.forums.length
      ? me.forums.map((f) => el('li', {}, el('a', { href: `/forums/${f.forumId}` }, f.name), ' ', el('span', { class: 'muted' }, f.country)))
      : el('li', { class: 'muted' }, t('home.none')));
    $('#create').hidden = !me.isAdministrator;
  } catch (err) {
    if (!signInIfNeeded(err)) showProblem($('#page-alert'), err);
  }
}

$('#create-form').addEventListener('submit', (e) => {
  e.preventDefault();
  busy($('#create-button'), $('#create-alert'), async () => {
    const created = await post('/api/forums', {
      name: $('#f-name').value, country: $('#f-country').value, language: $('#f-language').value, description: $('#f-description').value,
    });
    location.assign(`/forums/${created.forumId}/desk`);
  });
});

load();
