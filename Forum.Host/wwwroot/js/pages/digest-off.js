// The "turn off" link of a weekly digest mail: shows whether the digest is on and turns it off on the button only (a mail
// scanner opening the link turns nothing off). It signs no one in.
import { get, post, idFromPath } from '../api.js';
import { t } from '../i18n.js';
import { $, showProblem, note, busy } from '../ui.js';

const url = `/api/digest/off/${encodeURIComponent(idFromPath('off'))}`;

function show(digest) {
  $('#digest-off-state').textContent = t(digest === 'Weekly' ? 'digestOff.on' : 'digestOff.off');
  $('#digest-off-button').hidden = digest !== 'Weekly';
}

$('#digest-off-button').addEventListener('click', (e) => busy(e.target, $('#digest-off-alert'), async () => {
  show((await post(url, {})).digest);
  note($('#digest-off-note'), t('digestOff.done'));
}));

get(url).then((s) => show(s.digest), (err) => {
  $('#digest-off-state').textContent = '';
  showProblem($('#digest-off-alert'), err);
});
