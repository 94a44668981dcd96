// The co-chairs' console: open the session and items, table and revise the proposal, hands and floor with a speaking
// timer, tallies and the consensus gap by group, the decision with a response to each Object and Block, close.
import { post, idFromPath, signInIfNeeded, Problem } from '../api.js';
import { t, percent } from '../i18n.js';
import { $, el, render, showProblem, busy, label, groups } from '../ui.js';
import { currentItem, takesPositions, consensusGap } from '../board.js';
import * as view from '../sessionview.js';
import * as mins from '../minutes.js';
import { actionPointsEditor } from '../console/action-points.js';
import { votePanel } from '../vote.js';
import { speakingChart } from '../speaking.js';

const sessionId = idFromPath('sessions');
const outcomes = ['ConsensusReached', 'ConsensusWithReservations', 'NoConsensus', 'Deferred', 'VoteCarried', 'VoteFailed'];
const responses = {}; // typed responses by member id survive live redraws
let ctx = null;
const minutes = mins.approvalPanel($('#minutes-card'), sessionId);
let proposalFor = null; // the item and revision the proposal box was filled from
let decisionFor = null;
let outcomeFor = null; // the item whose vote result chose the outcome

render($('#outcome'), outcomes.map((o) => el('option', { value: o }, label('outcome', o))));
const actionPoints = actionPointsEditor();

const act = (button, region, url, body) => busy(button, region, () => post(url, body)).then(() => draw(ctx.board, null, ctx));

function draw(board, change, context) {
  ctx = context;
  const forum = context.forum;
  document.title = `${t('console.title')} — ${board.title}`;
  render($('#heading'), view.heading(board));
  if (forum && forum.yourRole !== 'CoChair') showProblem($('#page-alert'), new Error(t('console.notCoChair')));
  const item = currentItem(board);
  const alert = $('#page-alert');

  render($('#session-controls'),
    board.status === 'Scheduled' ? el('button', { type: 'button', 'data-key': 'open-session', on: { click: (e) => act(e.target, alert, `/api/sessions/${sessionId}/open`) } }, t('console.openSession')) : null,
    board.status === 'Open' ? el('button', {
      type: 'button', class: 'danger', 'data-key': 'close-session', disabled: !!item,
      title: item ? t('console.closeItemFirst') : null,
      on: { click: (e) => act(e.target, alert, `/api/sessions/${sessionId}/close`) },
    }, t('console.closeSession')) : null);
  render($('#check-in'), view.checkIn(board, forum, alert));

  render($('#agenda'), view.agenda(board, (i) => {
    if (board.status !== 'Open') return null;
    if (i.status === 'Pending' && !item) {
      return [' ', el('button', { type: 'button', class: 'secondary', 'data-key': `open-${i.itemId}`, 'aria-label': t('console.openItemNamed', { title: i.title }),
        on: { click: (e) => act(e.target, alert, `/api/sessions/${sessionId}/items/${i.itemId}/open`) } }, t('console.openItem'))];
    }
    if (i.itemId === board.currentItemId) {
      return [' ', el('button', { type: 'button', 'data-key': `close-${i.itemId}`, 'aria-label': t('console.closeItemNamed', { title: i.title }),
        on: { click: (e) => act(e.target, alert, `/api/sessions/${sessionId}/items/${i.itemId}/close`) } }, t('console.closeItem'))];
    }
    return null;
  }));

  render($('#current'), view.current(board));
  const proposalForm = $('#proposal-form');
  proposalForm.hidden = !item || item.decision || board.status !== 'Open';
  if (item) {
    const key = `${item.itemId}/${item.proposalRevision}/${item.proposal ?? ''}`;
    if (proposalFor !== key && document.activeElement !== $('#proposal')) { $('#proposal').value = item.proposal || ''; proposalFor = key; }
    $('#table-proposal').textContent = item.proposal ? t('console.revise') : t('console.table');
  }

  render($('#floor'), view.floor(board));
  render($('#floor-controls'), board.floor ? el('button', { type: 'button', class: 'secondary', 'data-key': 'take-floor',
    on: { click: (e) => act(e.target, $('#floor-alert'), `/api/sessions/${sessionId}/floor`, {}) } }, t('console.takeFloor')) : null);
  render($('#hands'), board.hands.length
    ? el('ol', { class: 'plain' }, board.hands.map((h, n) => el('li', {},
      `${n + 1}. `, el('strong', {}, h.name), ` (${label('group', h.group)}) `,
      el('button', { type: 'button', 'data-key': `floor-${h.memberId}`, 'aria-label': t('console.giveFloorTo', { name: h.name }),
        on: { click: (e) => act(e.target, $('#floor-alert'), `/api/sessions/${sessionId}/floor`, { memberId: h.memberId }) } }, t('console.giveFloor')))))
    : el('p', { class: 'muted' }, t('console.noHands')));

  render($('#rsvp'), view.rsvp(board));
  // Once the session is closed: its minutes, live, and a co-chair's approval (forum.yourRole says who may approve).
  minutes.draw(board, forum, change);
  render($('#gap'), item && takesPositions(item) ? gap(board, item) : el('p', { class: 'muted' }, t('session.noPositionsItem')));
  render($('#positions'), item && takesPositions(item) ? view.positions(item, forum?.yourMemberId) : el('p', { class: 'muted' }, t('session.noPositionsItem')));
  drawDecision(board, item);
  drawVote(board, item);
}

function drawVote(board, item) {
  render($('#vote'), votePanel(board, item, { sessionId, chair: true, forum: ctx.forum, alert: $('#vote-alert'), after: () => draw(ctx.board, null, ctx) }));
  render($('#speaking'), speakingChart(board));
  // Once the vote is closed, the decision to record is the vote's result (the rules refuse any other).
  const result = item?.vote?.result;
  if (result && !item.decision && outcomeFor !== item.itemId) {
    $('#outcome').value = result.carried ? 'VoteCarried' : 'VoteFailed';
    outcomeFor = item.itemId;
  }
}

function gap(board, item) {
  const g = consensusGap(board, item);
  const pct = (share) => (share === null ? '—' : percent(share));
  return [
    view.tallies(item),
    el('div', { class: 'table-wrap' }, el('table', { id: 'gap-table' },
      el('caption', {}, t('console.gapByGroup')),
      el('thead', {}, el('tr', {}, [t('session.group'), t('console.taken'), t('console.unheard'), t('console.supportShare'), label('stance', 'Object'), label('stance', 'Block')]
        .map((h) => el('th', { scope: 'col' }, h)))),
      el('tbody', {}, g.rows.map((r) => el('tr', { 'data-group': r.group }, el('th', { scope: 'row' }, label('group', r.group)),
        el('td', {}, `${r.taken} / ${r.present}`), el('td', {}, String(r.unheard)), el('td', {}, pct(r.share)),
        el('td', {}, String(r.objections)), el('td', {}, String(r.blocks))))))),
    el('p', { id: 'gap-summary' }, g.high && g.low && g.high !== g.low && g.gap > 0
      ? t('console.gapSummary', { count: g.gap, high: label('group', g.high.group), low: label('group', g.low.group) })
      : t('console.noGap')),
    g.blocks ? el('p', { class: 'alert' }, t('console.blocksStand', { count: g.blocks })) : null,
  ];
}

function drawDecision(board, item) {
  const form = $('#decision-form');
  const open = item && takesPositions(item) && !item.decision && board.status === 'Open';
  form.hidden = !open;
  render($('#decision-done'), item?.decision ? view.decision(item.decision, item.actionPoints) : !open ? el('p', { class: 'muted' }, t('console.noDecisionNow')) : null);
  if (!open) return;
  const key = `${item.itemId}/${item.proposalRevision}/${item.proposal ?? ''}`;
  if (decisionFor !== key && document.activeElement !== $('#decision-text')) {
    $('#decision-text').value = item.proposal || '';
    decisionFor = key;
  }
  actionPoints.owners(board);
  // A reasoned response for each position not followed: required for Object and Block, welcome for reservations.
  const answerable = Object.values(item.positions).filter((p) => ['Object', 'Block', 'SupportWithReservations'].includes(p.stance))
    .sort((a, b) => groups.indexOf(a.group) - groups.indexOf(b.group) || a.name.localeCompare(b.name));
  render($('#responses'), answerable.length ? el('fieldset', {}, el('legend', {}, t('console.responses')), answerable.map((p) => {
    const id = `response-${p.memberId}`;
    const required = p.stance !== 'SupportWithReservations';
    return el('div', {},
      el('label', { for: id }, t('console.responseTo', { name: p.name, stance: label('stance', p.stance) }), required ? ` (${t('common.required')})` : ''),
      el('p', { class: 'muted statement' }, p.statement ? `“${p.statement}”` : ''),
      el('textarea', { id, 'data-key': id, 'data-member': p.memberId, required, maxlength: '4000', value: responses[p.memberId] || '',
        on: { input: (e) => { responses[p.memberId] = e.target.value; } } }));
  })) : null);
}

$('#proposal-form').addEventListener('submit', (e) => {
  e.preventDefault();
  const item = currentItem(ctx.board);
  busy($('#table-proposal'), $('#proposal-alert'), () => post(`/api/sessions/${sessionId}/items/${item.itemId}/proposal`, { text: $('#proposal').value }))
    .then(() => draw(ctx.board, null, ctx));
});

$('#decision-form').addEventListener('submit', (e) => {
  e.preventDefault();
  const item = currentItem(ctx.board);
  const given = Object.entries(responses).filter(([id, text]) => text.trim() && item.positions[id]).map(([memberId, response]) => ({ memberId, response }));
  busy($('#record-decision'), $('#decision-alert'), async () => {
    await post(`/api/sessions/${sessionId}/items/${item.itemId}/decision`, {
      outcome: $('#outcome').value, text: $('#decision-text').value, responses: given, actionPoints: actionPoints.collect(),
    });
    actionPoints.clear();
  }).then(() => draw(ctx.board, null, ctx));
});

view.tickTimers();
view.openSession(sessionId, {
  attendees: true,
  onBoard: draw,
  onMinutes: () => minutes.minutes(),
  onError: (message) => {
    if (message.startsWith('sign-in-required')) signInIfNeeded(new Problem(401, {}));
    else showProblem($('#page-alert'), new Error(message));
  },
});
