// The action plan in public (the tracker): commitments, progress by government and by civil society with the assessment
// gap, the milestones on a timeline with what is overdue, filters; the secretariat drafts commitments and closes the plan here.
import { get, post, idFromPath } from '../api.js';
import { t } from '../i18n.js';
import { $, el, render, showProblem, busy, badge, label, confirmAction } from '../ui.js';
import { viewer, progressChart, timeline, commitmentForm, gapText, level } from '../actionplans.js';

const planId = idFromPath('action-plans');
let tracker = null;

function filtered() {
  const lead = $('#f-lead').value, status = $('#f-status').value;
  return tracker.commitments.filter((c) => (!lead || c.leadInstitution === lead) && (!status || c.status === status));
}

function draw() {
  const shown = filtered();
  render($('#chart'), progressChart(shown));
  render($('#timeline'), timeline(tracker.startsOn, tracker.endsOn, shown));
  const overdue = shown.reduce((n, c) => n + c.overdueMilestones, 0);
  $('#overdue-summary').textContent = t('plan.overdueCount', { n: overdue });
  render($('#commitments'), shown.length ? shown.map((c) => el('li', { 'data-commitment': c.commitmentId },
    el('a', { href: `/commitments/${c.commitmentId}` }, `${c.number}. ${c.title}`), ' ', badge('commitmentStatus', c.status), el('br'),
    el('span', { class: 'meta' }, `${c.leadInstitution} · ${c.startsOn} – ${c.endsOn} · ${c.values.map((v) => label('ogpValue', v)).join(', ')}`), el('br'),
    el('span', {}, `${t('group.Government')}: ${level(c.government)} · ${t('group.CivilSociety')}: ${level(c.civilSociety)} · ${t('plan.gap')}: ${gapText(c.gap)}`),
    c.overdueMilestones ? [' ', el('span', { class: 'badge overdue' }, t('plan.overdueCount', { n: c.overdueMilestones }))] : null))
    : el('li', { class: 'muted' }, t('plan.noCommitments')));
}

function filters() {
  const keep = (select, options) => {
    const was = select.value;
    render(select, el('option', { value: '' }, t('plan.all')), options.map(([v, text]) => el('option', { value: v }, text)));
    select.value = options.some(([v]) => v === was) ? was : '';
  };
  keep($('#f-lead'), [...new Set(tracker.commitments.map((c) => c.leadInstitution))].sort().map((l) => [l, l]));
  keep($('#f-status'), ['Draft', 'Adopted'].map((s) => [s, label('commitmentStatus', s)]));
}

async function load() {
  try {
    tracker = await get(`/api/action-plans/${planId}`);
    const [forum, who] = await Promise.all([get(`/api/forums/${tracker.forumId}/public`), viewer(tracker.forumId)]);
    document.title = tracker.title;
    $('#plan-title').textContent = tracker.title;
    render($('#plan-forum'), el('a', { href: `/forums/${tracker.forumId}/action-plans` }, forum.name));
    render($('#plan-meta'), `${tracker.startsOn} – ${tracker.endsOn} · `, badge('planStatus', tracker.status), ' · ',
      tracker.proposalsOpen ? t('plans.proposalsOpenUntil', { date: tracker.proposalsCloseOn }) : t('plans.proposalsClosed'), ' · ',
      t('plan.proposalsAnswered', { answered: tracker.proposals.answered, received: tracker.proposals.received }));
    render($('#plan-links'),
      el('a', { href: `/action-plans/${planId}/proposals` }, t('plan.proposalsLink')),
      el('a', { href: `/api/action-plans/${planId}.csv`, id: 'csv-link', download: '' }, t('plan.csv')),
      el('a', { href: `/api/action-plans/${planId}.json` }, t('plan.json')),
      el('a', { href: `/api/action-plans/${planId}/milestones.ics` }, t('plan.ics')));
    filters();
    draw();
    const closed = tracker.status === 'Closed';
    // Everyone learns why the forms are gone: a closed plan's record no longer changes.
    $('#plan-closed').hidden = !closed;
    $('#close').hidden = !who.secretariat || closed;
    const draft = $('#draft');
    draft.hidden = !who.secretariat || closed;
    if (!draft.hidden && !$('#draft-form').firstChild)
      render($('#draft-form'), commitmentForm('draft-commitment', who.forum.members, null, t('plan.draftButton'), (body, button, alert) =>
        busy(button, alert, async () => {
          const drafted = await post(`/api/action-plans/${planId}/commitments`, body);
          location.assign(`/commitments/${drafted.commitmentId}`);
        })));
  } catch (err) {
    showProblem($('#page-alert'), err);
  }
}

$('#close-button').addEventListener('click', async () => {
  showProblem($('#close-alert'), null);
  const answer = await confirmAction({ message: t('plan.closeConfirm', { title: tracker.title }), confirm: t('plan.closeButton'), reasonLabel: t('plan.closeNote') });
  if (answer) await busy($('#close-button'), $('#close-alert'), async () => {
    await post(`/api/action-plans/${planId}/close`, { note: answer.reason || null });
    await load();
  });
});
$('#f-lead').addEventListener('change', draw);
$('#f-status').addEventListener('change', draw);
load();
