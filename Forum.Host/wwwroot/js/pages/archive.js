// Public: the forum's published minutes, without signing in (GET /api/forums/{id}/minutes), each with its signed PDF,
// the other files, its number in the forum's chain, and verification, for each language it is written in; and the whole archive verified as one chain
// (GET /api/forums/{id}/minutes/verify, ADR 0015).
import { get, idFromPath } from '../api.js';
import { t } from '../i18n.js';
import { $, el, render, showProblem, when, busy } from '../ui.js';
import * as mins from '../minutes.js';

const forumId = idFromPath('forums');

async function load() {
  try {
    const archive = await get(`/api/forums/${forumId}/minutes`);
    document.title = `${t('archive.title')} — ${archive.name}`;
    $('#forum-name').textContent = `${archive.name} · ${archive.country}`;
    render($('#minutes'), archive.minutes.length
      ? el('ul', { class: 'plain', id: 'archive-list' }, archive.minutes.map((m) => el('li', { class: 'archive-entry', 'data-minutes': m.minutesId },
        el('h3', {}, m.sessionTitle),
        el('p', { class: 'meta' }, t('archive.held', { at: when(m.sessionStartsAt) }), ' · ', t('minutes.publishedAt', { at: when(m.publishedAt) }),
          mins.documentsOf(m).length === 1 && m.sequence ? ` · ${t('archive.number', { n: m.sequence })}` : ''),
        // Each language's signed PDF is its own link in the chain (ADR 0023): its number and hash beside its files.
        mins.documents(m, `verify-${m.minutesId}`, (d) => [
          mins.documentsOf(m).length > 1 && d.sequence ? el('p', { class: 'meta' }, t('archive.number', { n: d.sequence })) : null,
          el('p', { class: 'muted hash' }, t('archive.documentHash'), ' ', el('code', {}, d.documentSha256))]))))
      : el('p', { class: 'muted' }, t('archive.none')),
      archive.head ? chainVerifier(archive) : null);
  } catch (err) {
    showProblem($('#page-alert'), err);
  }
}

/** The whole archive as one chain: intact, or each minutes removed, replaced or out of order named, and each one's own problems. */
function chainVerifier(archive) {
  const result = el('div', { class: 'verify-result', id: 'archive-verify-result', role: 'status', 'aria-live': 'polite' });
  const alert = el('div', { class: 'alert', role: 'alert' });
  const button = el('button', {
    type: 'button', class: 'secondary',
    on: {
      click: (e) => busy(e.target, alert, async () => {
        render(result);
        const v = await get(archive.verify);
        render(result,
          el('p', { class: v.intact ? 'verify-ok' : 'verify-bad' }, el('span', { 'aria-hidden': 'true' }, v.intact ? '✓ ' : '✗ '),
            el('strong', {}, v.intact ? t('archive.chainIntact', { n: v.chain.length }) : t('archive.chainBroken'))),
          v.problems.length ? el('ul', { class: 'muted' }, v.problems.map((p) => el('li', {}, p))) : null,
          v.chain.head ? el('p', { class: 'muted hash' }, t('archive.head', { n: v.chain.head.sequence }), ' ', el('code', {}, v.chain.head.recordSha256)) : null);
      }),
    },
  }, t('archive.verifyAll'));
  return el('div', { class: 'verifier', id: 'archive-verifier' }, el('div', { class: 'row' }, button), alert, result);
}

load();
