// "What changed while you were away" on a member's home (GET /api/me/digest: since the start of the previous visit), and the
// opt-in weekly e-mail of the same (PUT /api/me/preferences). Kept apart from home.js: one card, one module.
import { get, put } from '../api.js';
import { t } from '../i18n.js';
import { $, el, render, showProblem, note, when } from '../ui.js';

const kinds = ['ProposalSubmitted', 'ProposalAnswered', 'CommitmentDrafted', 'CommitmentAdopted', 'ProgressReported', 'AssessmentRecorded',
  'DecisionRecorded', 'MinutesPublished'];

// A decision's or an adoption's outcome is worded as in the room; a completion level or a proposal's answer as the digest's.
const levelOf = (e) => (!e.level ? '' : t(['DecisionRecorded', 'CommitmentAdopted'].includes(e.kind) ? `outcome.${e.level}` : `digest.level.${e.level}`));

function entry(e) {
  const title = e.number ? t('digest.commitment', { number: e.number, title: e.title }) : e.title;
  const level = levelOf(e);
  return el('li', { class: 'digest-entry', 'data-kind': e.kind },
    el('span', { class: `badge digest-${e.kind}` }, t(`digest.kind.${e.kind}`)), ' ',
    el('a', { href: e.page }, title || t(`digest.kind.${e.kind}`)),
    level ? [': ', el('strong', {}, level)] : '',
    e.by ? el('span', { class: 'muted' }, ` (${t('digest.by', { name: e.by })})`) : '',
    el('span', { class: 'meta' }, ` · ${when(e.at)}`));
}

async function load() {
  try {
    const [digest, prefs] = await Promise.all([get('/api/me/digest'), get('/api/me/preferences')]);
    $('#digest-since').textContent = t('home.digest.since', { date: when(digest.since) });
    const counts = kinds.filter((k) => digest.counts[k]).map((k) => `${t(`digest.kind.${k}`)}: ${digest.counts[k]}`);
    $('#digest-counts').textContent = counts.join(' · ');
    render($('#digest-entries'), digest.entries.length ? digest.entries.map(entry) : el('li', { class: 'muted' }, t('home.digest.nothing')));
    $('#digest-weekly').checked = prefs.digest === 'Weekly';
    $('#digest-card').hidden = false;
  } catch {
    // Not signed in: home.js sends the person to sign in; this card stays hidden.
  }
}

$('#digest-weekly').addEventListener('change', async (e) => {
  const box = e.target;
  box.disabled = true;
  try {
    const saved = await put('/api/me/preferences', { digest: box.checked ? 'Weekly' : 'Off' });
    box.checked = saved.digest === 'Weekly';
    note($('#digest-note'), t(box.checked ? 'home.digest.weeklyOn' : 'home.digest.weeklyOff'));
  } catch (err) {
    box.checked = !box.checked;
    showProblem($('#digest-alert'), err);
  } finally {
    box.disabled = false;
  }
});

load();
