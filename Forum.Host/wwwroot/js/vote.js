// A vote round on the item in front of the room (Sessions/Voting): a co-chair opens it where the forum's rules allow a
// vote and closes it; voting members present vote Yes, No or Abstain and may change their vote while it is open. The
// board carries the running count by group (never who voted what), and the result once closed.
import { post } from './api.js';
import { t, percent } from './i18n.js';
import { el, busy, label, groups } from './ui.js';
import { barChart } from './charts.js';
import { quorumLine } from './sessionview.js';

export const choices = ['Yes', 'No', 'Abstain'];

const counts = (byGroup, g) => Object.fromEntries(choices.map((c) => [c, byGroup?.[g]?.[c] || 0]));
const figures = (c) => t('minutes.doc.voteCounts', { yes: c.Yes, no: c.No, abstain: c.Abstain });

/** The votes by group as stacked bars; each group's bar measured against its voting members present (or its votes). */
export function voteChart(board, vote) {
  const byGroup = vote.result?.byGroup || vote.byGroup;
  const rows = groups.map((g) => {
    const c = counts(byGroup, g);
    return {
      key: g, label: label('group', g), text: figures(c),
      segments: choices.map((choice) => ({ value: c[choice], kind: `vote-${choice}` })),
    };
  });
  const max = Math.max(1, ...groups.map((g) => Math.max(board.votingPresent?.[g] || 0, choices.reduce((n, c) => n + counts(byGroup, g)[c], 0))));
  return barChart({ id: 'vote-chart', caption: t('vote.byGroup'), rows, max, legend: choices.map((c) => ({ kind: `vote-${c}`, label: t(`vote.choice.${c}`) })) });
}

function result(board, vote) {
  const r = vote.result;
  return el('div', { id: 'vote-result', class: r.carried ? 'note' : 'alert-soft' },
    el('strong', { id: 'vote-outcome' }, t(r.carried ? 'minutes.doc.voteCarried' : 'minutes.doc.voteFailed')), ': ',
    el('span', { id: 'vote-counts' }, t('minutes.doc.voteCounts', { yes: r.yes, no: r.no, abstain: r.abstain })), el('br'),
    el('span', { class: 'muted' }, t('vote.threshold', { threshold: percent(r.threshold) }), ' ', quorumLine(r.quorum)));
}

/** What the room sees of an item's vote, read only (the room display): the question, the result once closed, the bars. */
export function voteSummary(board, item) {
  const vote = item?.vote;
  if (!vote) return null;
  return [el('p', { id: 'vote-question' }, t('minutes.doc.voteQuestion', { question: vote.question })),
    vote.open ? null : result(board, vote), voteChart(board, vote)];
}

/**
 * The vote card. chair: a co-chair's console (open and close). Otherwise the participant's view: the ballot buttons for a
 * voting member present. alert: where a refusal is shown (the rule's own words); after: redraws once an action is done.
 */
export function votePanel(board, item, { sessionId, chair, forum, alert, after }) {
  if (!item || item.kind !== 'Decision') return el('p', { class: 'muted' }, t('vote.noItem'));
  const vote = item.vote;
  const url = `/api/sessions/${sessionId}/items/${item.itemId}/vote`;
  // done runs when the API accepted the action, before the redraw.
  const act = (button, path, body, done) => busy(button, alert, async () => { await post(url + path, body); done?.(); }).then(() => after?.());
  if (!vote) {
    if (!board.rules?.voteFallback) return el('p', { class: 'muted', id: 'vote-none' }, t('problems.consensus-only.detail'));
    if (!chair || item.decision || board.status !== 'Open') return el('p', { class: 'muted', id: 'vote-none' }, t('vote.notOpen'));
    return [
      el('p', { class: 'muted' }, t('vote.help', { threshold: percent(board.rules.voteThreshold) })),
      el('div', { class: 'row' }, el('button', { type: 'button', id: 'open-vote', 'data-key': 'open-vote', on: { click: (e) => act(e.target, '', {}) } }, t('vote.open'))),
    ];
  }
  const question = el('p', { id: 'vote-question' }, t('minutes.doc.voteQuestion', { question: vote.question }));
  if (!vote.open) return voteSummary(board, item);

  const present = groups.reduce((n, g) => n + (board.votingPresent?.[g] || 0), 0);
  const tally = el('p', { id: 'vote-cast', role: 'status' }, t('vote.cast', { cast: vote.cast, present }));
  // A co-chair is a voting member too, and votes from the console.
  if (chair) {
    return [question, ballot(board, item, forum, act), tally, voteChart(board, vote),
      el('div', { class: 'row' }, el('button', { type: 'button', class: 'danger', id: 'close-vote', 'data-key': 'close-vote',
        on: { click: (e) => act(e.target, '/close', {}) } }, t('vote.close')))];
  }
  return [question, ballot(board, item, forum, act), tally, voteChart(board, vote)];
}

function ballot(board, item, forum, act) {
  const me = forum?.yourMemberId;
  const voting = forum?.yourRole === 'Member' || forum?.yourRole === 'CoChair';
  const why = !me ? t('vote.notMember') : !voting ? t('vote.observer') : !board.attendees?.[me] ? t('vote.checkInFirst') : null;
  if (why) return el('p', { class: 'muted', id: 'vote-unavailable' }, why);
  // One's own vote: told by the join (board.yourBallot, live.js), then as accepted in this page; the board shows counts only.
  const chosen = board.yourBallot?.itemId === item.itemId ? board.yourBallot.choice : null;
  return el('div', { role: 'group', 'aria-label': t('vote.yourVote') },
    el('div', { class: 'row' }, choices.map((c) => el('button', {
      type: 'button', class: chosen === c ? '' : 'secondary', 'aria-pressed': String(chosen === c), 'data-key': `vote-${c}`,
      on: { click: (e) => act(e.target, '/ballots', { choice: c }, () => { board.yourBallot = { itemId: item.itemId, choice: c }; }) },
    }, t(`vote.choice.${c}`)))),
    chosen ? el('p', { class: 'note', id: 'vote-mine', role: 'status' }, t('vote.yours', { choice: t(`vote.choice.${chosen}`) })) : null);
}
