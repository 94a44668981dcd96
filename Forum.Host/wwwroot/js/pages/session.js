// The participant's view: agenda, the current item and proposal, one's own position and hand, everyone's positions live.
import { post, idFromPath, signInIfNeeded, Problem } from '../api.js';
import { t } from '../i18n.js';
import { $, el, render, showProblem, note, busy, label, stances } from '../ui.js';
import { currentItem, takesPositions } from '../board.js';
import * as view from '../sessionview.js';
import * as mins from '../minutes.js';
import { votePanel } from '../vote.js';
import { speakingChart } from '../speaking.js';

const sessionId = idFromPath('sessions');
let ctx = null;
const minutes = mins.approvalPanel($('#minutes-card'), sessionId);
let sent = null; // the submission waiting to show on the board

render($('#stances'), el('legend', {}, t('position.legend')), stances.map((s) => el('label', {},
  el('input', { type: 'radio', name: 'stance', value: s }), label('stance', s))));

function draw(board, change, context) {
  ctx = context;
  const forum = context.forum;
  const me = forum?.yourMemberId;
  document.title = board.title;
  render($('#heading'), view.heading(board), board.status === 'Open' || board.status === 'Closed'
    ? el('p', { class: 'row' }, el('a', { href: `/sessions/${sessionId}/replay`, id: 'replay-link' }, t('replay.link'))) : null);
  render($('#current'), view.current(board));
  render($('#check-in'), view.checkIn(board, forum, $('#position-alert')));
  render($('#floor'), view.floor(board), board.floor && board.floor.memberId === me ? el('p', { class: 'note' }, t('session.youHaveFloor')) : null);
  render($('#agenda'), view.agenda(board));
  const item = currentItem(board);
  render($('#positions'), item && takesPositions(item) ? view.positions(item, me) : el('p', { class: 'muted' }, t('session.noPositionsItem')));
  render($('#rsvp'), view.rsvp(board));
  // Once the session is closed: its minutes, live, and a co-chair's approval (forum.yourRole says who may approve).
  minutes.draw(board, forum, change);
  render($('#vote'), votePanel(board, item, { sessionId, forum, alert: $('#vote-alert'), after: () => draw(ctx.board, null, ctx) }));
  render($('#speaking'), speakingChart(board));
  render($('#tallies-region'), item && takesPositions(item) ? view.tallies(item) : el('p', { class: 'muted' }, t('session.noPositionsItem')));

  // What I may do now, and why not.
  const here = me && board.attendees?.[me];
  const voting = forum?.yourRole === 'Member' || forum?.yourRole === 'CoChair';
  const why = !me ? t('position.notMember') : !voting ? t('position.observer') : board.status !== 'Open' ? t('position.notOpen')
    : !item ? t('session.noCurrent') : !takesPositions(item) ? t('position.information') : item.decision ? t('position.decided')
    : !here ? t('position.checkInFirst') : null;
  $('#position-form').hidden = !!why;
  $('#position-unavailable').hidden = !why;
  $('#position-unavailable').textContent = why || '';
  const mine = item?.positions?.[me];
  $('#submit-position').textContent = mine ? t('position.revise') : t('position.submit');
  if (mine && !document.querySelector('input[name=stance]:checked')) {
    document.querySelector(`input[name=stance][value="${mine.stance}"]`).checked = true;
  }
  if (sent && mine && mine.stance === sent.stance && mine.statement === sent.statement) {
    note($('#position-note'), t('position.recorded', { stance: label('stance', mine.stance) }));
    sent = null;
  }
  const raised = !!(me && board.hands.some((h) => h.memberId === me));
  const hand = $('#hand');
  hand.setAttribute('aria-pressed', String(raised));
  hand.textContent = raised ? t('hand.lower') : t('hand.raise');
  hand.disabled = !here || board.status !== 'Open';
}

$('#position-form').addEventListener('submit', (e) => {
  e.preventDefault();
  const item = currentItem(ctx.board);
  const stance = document.querySelector('input[name=stance]:checked')?.value;
  const statement = $('#statement').value.trim();
  if (!stance) { showProblem($('#position-alert'), new Error(t('position.chooseStance'))); return; }
  note($('#position-note'), '');
  busy($('#submit-position'), $('#position-alert'), async () => {
    // One key per press: a retried request (a flaky network) does not submit twice.
    await post(`/api/sessions/${sessionId}/items/${item.itemId}/positions`, { stance, statement }, { 'Idempotency-Key': crypto.randomUUID() });
    sent = { stance, statement };
    note($('#position-note'), t('position.accepted'));
    draw(ctx.board, null, ctx);
  });
});

$('#hand').addEventListener('click', (e) => {
  const raised = e.target.getAttribute('aria-pressed') === 'true';
  busy(e.target, $('#hand-alert'), () => post(`/api/sessions/${sessionId}/hands`, { raised: !raised })).then(() => draw(ctx.board, null, ctx));
});

view.tickTimers();
view.openSession(sessionId, {
  onBoard: draw,
  onMinutes: () => minutes.minutes(),
  onRefused: (submissionId, problem) => { sent = null; note($('#position-note'), ''); showProblem($('#position-alert'), new Problem(problem.status || 409, problem)); },
  onError: (message) => {
    if (message.startsWith('sign-in-required')) signInIfNeeded(new Problem(401, {}));
    else showProblem($('#page-alert'), new Error(message));
  },
});
