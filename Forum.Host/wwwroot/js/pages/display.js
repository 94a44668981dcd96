// The room display: no personal sign-in, a display token (?token=, kept for this tab only and taken out of the
// address bar) for the API (bearer) and the hub (access_token).
import { useToken, idFromPath } from '../api.js';
import { t } from '../i18n.js';
import { $, el, render, showProblem, label, when } from '../ui.js';
import { currentItem, takesPositions } from '../board.js';
import * as view from '../sessionview.js';
import { voteSummary } from '../vote.js';
import { speakingChart } from '../speaking.js';

const sessionId = idFromPath('display');
const params = new URLSearchParams(location.search);
const key = `forum-display-token:${sessionId}`;
const token = params.get('token') || sessionStorage.getItem(key);
if (params.has('token')) {
  sessionStorage.setItem(key, token);
  params.delete('token');
  history.replaceState(null, '', location.pathname + (params.toString() ? `?${params}` : ''));
}

function draw(board) {
  document.title = `${board.title} — ${t('display.title')}`;
  render($('#heading'), el('h1', {}, board.title), el('p', { class: 'meta' }, label('status', board.status), ' · ', when(board.startsAt), board.venue ? ` · ${board.venue}` : ''));
  const item = currentItem(board);
  render($('#now'), item
    ? [el('p', { class: 'current', id: 'display-item' }, item.title),
      item.proposal ? el('p', { class: 'proposal', id: 'display-proposal' }, item.proposal) : null,
      item.decision ? el('p', { class: 'current', id: 'display-decision' }, `${t('session.decision')}: ${label('outcome', item.decision.outcome)}`) : null,
      voteSummary(board, item)]
    : el('p', { class: 'current muted' }, board.status === 'Open' ? t('session.noCurrent') : board.status === 'Scheduled' ? t('session.notOpenYet') : t('session.over')));
  render($('#speaker'), view.floor(board), board.status === 'Open' ? speakingChart(board) : null);
  render($('#quorum'), board.quorum ? `${board.quorum.met ? t('session.quorumMet') : t('session.quorumNotMet')} — ${board.quorum.present} / ${board.quorum.votingMembers}` : '');
  render($('#tallies'), item && takesPositions(item) ? view.tallies(item) : el('p', { class: 'muted' }, t('session.noPositionsItem')));
}

if (!token) {
  showProblem($('#display-alert'), new Error(t('display.needsToken')));
  render($('#heading'), el('h1', {}, t('display.title')));
} else {
  useToken(token);
  view.tickTimers();
  view.openSession(sessionId, { token, onBoard: draw, onError: (message) => showProblem($('#display-alert'), new Error(message)) });
}
