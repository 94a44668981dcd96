// Co-creation in public (OGP Standard 4): every proposal with its reasoned response. Anyone signed in (a member, or the
// public by e-mail link) proposes until the closing day; the secretariat answers here.
import { get, post, idFromPath } from '../api.js';
import { t } from '../i18n.js';
import { $, el, render, showProblem, note, busy, badge, when } from '../ui.js';
import { viewer, outcomes } from '../actionplans.js';

const planId = idFromPath('action-plans');
let tracker = null, who = null;

function answerForm(p) {
  const id = p.proposalId;
  const alert = el('div', { class: 'alert', role: 'alert' });
  const button = el('button', { type: 'submit' }, t('proposals.answerButton'));
  const outcome = el('select', { id: `o-${id}` }, outcomes.map((o) => el('option', { value: o, selected: p.response?.outcome === o }, t(`proposalOutcome.${o}`))));
  const commitment = el('select', { id: `c-${id}` }, el('option', { value: '' }, t('proposals.noCommitment')),
    tracker.commitments.map((c) => el('option', { value: c.commitmentId, selected: p.response?.commitmentId === c.commitmentId }, `${c.number}. ${c.title}`)));
  const reason = el('textarea', { id: `r-${id}` });
  const form = el('form', { class: 'answer-form', novalidate: true, 'aria-label': t('proposals.answerFor', { title: p.title }) },
    el('label', { for: `o-${id}` }, t('proposals.outcome')), outcome,
    el('label', { for: `r-${id}` }, t('proposals.reason')), reason,
    el('label', { for: `c-${id}` }, t('proposals.commitment')), commitment,
    alert, el('div', { class: 'row' }, button));
  form.addEventListener('submit', (e) => {
    e.preventDefault();
    busy(button, alert, async () => {
      await post(`/api/proposals/${id}/response`, { outcome: outcome.value, reason: reason.value, commitmentId: commitment.value || null });
      await loadProposals();
    });
  });
  return el('details', { open: !p.response }, el('summary', {}, p.response ? t('proposals.answerAgain') : t('proposals.answer')), form);
}

async function loadProposals() {
  const proposals = await get(`/api/action-plans/${planId}/proposals`);
  const commitments = new Map(tracker.commitments.map((c) => [c.commitmentId, c]));
  render($('#proposals'), proposals.length ? proposals.map((p) => el('li', { class: 'proposal-entry', 'data-proposal': p.proposalId },
    el('h3', {}, p.title),
    el('p', { class: 'meta' }, `${p.publicName || (p.fromMember ? t('proposals.byMember') : t('proposals.byPublic'))} · ${when(p.submittedAt)}`),
    el('p', {}, el('strong', {}, `${t('proposals.problem')}: `), p.problem),
    el('p', {}, el('strong', {}, `${t('proposals.solution')}: `), p.solution),
    p.response
      ? el('div', { class: 'response' }, el('p', {}, `${t('proposals.response')}: `, badge('proposalOutcome', p.response.outcome), ' ', el('span', { class: 'muted' }, when(p.response.at))),
        el('p', { class: 'reason' }, p.response.reason),
        p.response.commitmentId ? el('p', {}, el('a', { href: `/commitments/${p.response.commitmentId}` },
          t('proposals.intoCommitment', { commitment: commitments.has(p.response.commitmentId) ? `${commitments.get(p.response.commitmentId).number}. ${commitments.get(p.response.commitmentId).title}` : '' }))) : null)
      : el('p', { class: 'muted' }, t('proposals.awaiting')),
    who.secretariat && tracker.status !== 'Closed' ? answerForm(p) : null))
    : el('li', { class: 'muted' }, t('proposals.none')));
}

async function load() {
  try {
    tracker = await get(`/api/action-plans/${planId}`);
    who = await viewer(tracker.forumId);
    document.title = `${t('proposals.title')} — ${tracker.title}`;
    $('#plan-link').textContent = tracker.title;
    $('#plan-link').href = `/action-plans/${planId}`;
    $('#proposals-meta').textContent = tracker.proposalsOpen ? t('plans.proposalsOpenUntil', { date: tracker.proposalsCloseOn }) : t('plans.proposalsClosed');
    $('#propose').hidden = !tracker.proposalsOpen;
    $('#plan-closed').hidden = tracker.status !== 'Closed';
    // Anyone with an account may propose; the public signs in by e-mail link and comes back here.
    const signedIn = Boolean(document.getElementById('sign-out'));
    $('#propose-form').hidden = !signedIn;
    $('#propose-sign-in').hidden = signedIn;
    $('#propose-sign-in-link').href = '/sign-in?returnUrl=' + encodeURIComponent(location.pathname);
    await loadProposals();
  } catch (err) {
    showProblem($('#page-alert'), err);
  }
}

$('#pr-consent').addEventListener('change', (e) => { $('#pr-name-field').hidden = !e.target.checked; });
$('#propose-form').addEventListener('submit', (e) => {
  e.preventDefault();
  busy($('#propose-button'), $('#propose-alert'), async () => {
    note($('#propose-note'), '');
    await post(`/api/action-plans/${planId}/proposals`, {
      title: $('#pr-title').value, problem: $('#pr-problem').value, solution: $('#pr-solution').value,
      // The name is public only with consent: without the box ticked, none is sent.
      publicName: $('#pr-consent').checked ? $('#pr-name').value : null,
    });
    $('#propose-form').reset();
    $('#pr-name-field').hidden = true;
    note($('#propose-note'), t('proposals.sent'));
    await loadProposals();
  });
});

load();
