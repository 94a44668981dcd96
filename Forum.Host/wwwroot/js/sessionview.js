// Parts every live session page shows: the heading, agenda, current item, positions by group, tallies, check-in.
import { get, post } from './api.js';
import { t, lang } from './i18n.js';
import { el, render, label, badge, when, clock, groups, stances, showProblem, busy, announce } from './ui.js';
import { currentItem, positionsByGroup, count } from './board.js';
import { LiveSession } from './live.js';

/**
 * Joins the session live and loads its forum (for the caller's role and member id).
 * onBoard(board, change) runs on the first board and on every change applied.
 */
export async function openSession(sessionId, { onBoard, onRefused, onMinutes, onError, token, attendees }) {
  const context = { sessionId, forum: null, board: null, live: null };
  context.live = new LiveSession({
    sessionId, token, attendees,
    onBoard: async (board, change) => {
      context.board = board;
      if (!context.forum) context.forum = await get(`/api/forums/${board.forumId}`).catch(() => null);
      if (change) announceChange(board, change);
      onBoard(board, change, context);
    },
    onRefused, onMinutes, onError,
  });
  await context.live.start();
  return context;
}

/** Short spoken notes for what arrived: a position, the floor, a proposal. */
function announceChange(board, change) {
  for (const p of change.positions) {
    if (!p.withdrawn) announce(t('live.positionArrived', { name: p.name, stance: label('stance', p.stance) }));
  }
}

export function heading(board) {
  return [
    el('h1', {}, board.title),
    el('p', { class: 'meta' },
      badge('status', board.status), ' ',
      `${when(board.startsAt)} – ${when(board.endsAt)} · ${label('mode', board.mode)}`,
      board.venue ? ` · ${board.venue}` : '',
      board.onlineUrl ? [' · ', el('a', { href: board.onlineUrl, rel: 'noopener noreferrer', target: '_blank' }, t('session.onlineLink'))] : null),
    board.quorum ? el('p', { class: 'meta', id: 'quorum-line' }, board.quorum.met ? t('session.quorumMet') : t('session.quorumNotMet'), ' — ', quorumLine(board.quorum)) : null,
    board.status === 'Cancelled' ? el('p', { class: 'alert' }, t('session.cancelled'), ' ', board.cancelReason || '') : null,
  ];
}

/** The quorum in words, from its figures (the board's own explanation is English). */
export function quorumLine(q) {
  if (!q.votingMembers) return t('session.quorumNoMembers');
  return [t('session.quorumPresent', { present: q.present, count: q.votingMembers }), t('session.quorumRequired', { count: q.required }),
    q.parityRequired ? t(q.parityMet ? 'session.parityHolds' : 'session.parityFails') : null].filter(Boolean).join(' ');
}

/** actions(item) may add buttons for a co-chair. */
export function agenda(board, actions) {
  if (!board.agenda.length) return el('p', { class: 'muted' }, t('session.noAgenda'));
  return el('ol', { class: 'plain agenda' }, board.agenda.map((item) => el('li', { 'aria-current': item.itemId === board.currentItemId ? 'true' : null },
    el('span', {}, item.title), ' ', el('span', { class: 'muted' }, `${label('kind', item.kind)} · ${item.minutes} ${t('session.min')}`), ' ',
    badge('status', item.status),
    item.decision ? [' ', el('span', { class: 'badge' }, label('outcome', item.decision.outcome))] : null,
    actions ? actions(item) : null)));
}

export function current(board) {
  const item = currentItem(board);
  if (!item) {
    return el('p', { class: 'muted' }, board.status === 'Open' ? t('session.noCurrent') : board.status === 'Scheduled' ? t('session.notOpenYet') : t('session.over'));
  }
  return [
    el('h2', { id: 'current-title' }, item.title),
    el('p', { class: 'meta' }, label('kind', item.kind), item.presenter ? ` · ${t('session.presenter')}: ${item.presenter}` : ''),
    item.description ? el('p', {}, item.description) : null,
    el('h3', {}, t('session.proposal'), item.proposalRevision ? ` (${t('session.revision', { n: item.proposalRevision })})` : ''),
    item.proposal ? el('p', { class: 'proposal', id: 'proposal-text' }, item.proposal) : el('p', { class: 'muted' }, t('session.noProposal')),
    item.decision ? decision(item.decision, item.actionPoints) : null,
  ];
}

export function decision(d, actionPoints = []) {
  return el('div', { class: 'note', id: 'decision' },
    el('strong', {}, t('session.decision'), ': ', label('outcome', d.outcome)), el('br'),
    el('span', {}, d.text),
    d.objections.length ? el('ul', {}, d.objections.map((o) => el('li', {}, `${o.name} (${label('stance', o.stance)}): `, o.response))) : null,
    actionPoints.length ? el('ul', { class: 'action-points', 'aria-label': t('session.actionPoints') },
      actionPoints.map((a) => el('li', {}, `${t('session.actionPoint')}: ${a.description} — ${a.ownerName}, ${a.due}`))) : null);
}

export function positions(item, me) {
  const byGroup = positionsByGroup(item);
  return groups.map((g) => el('section', { class: 'positions-group', 'data-group': g },
    el('h3', {}, `${label('group', g)} (${byGroup[g].length})`),
    byGroup[g].length
      ? el('ul', { class: 'plain' }, byGroup[g].map((p) => el('li', { class: 'position', 'data-member': p.memberId },
        el('strong', {}, p.name), p.memberId === me ? ` (${t('session.you')})` : '', ' ', badge('stance', p.stance),
        p.revision ? el('span', { class: 'muted' }, ` ${t('session.revised')}`) : null,
        p.recordedBySecretariat ? el('span', { class: 'muted' }, ` ${t('session.recordedBySecretariat')}`) : null,
        p.statement ? el('span', { class: 'statement' }, p.statement) : null)))
      : el('p', { class: 'muted' }, t('session.noPositions'))));
}

export function tallies(item, extraRows) {
  return el('div', { class: 'table-wrap' }, el('table', { id: 'tallies' },
    el('caption', {}, t('session.talliesByGroup')),
    el('thead', {}, el('tr', {}, el('th', { scope: 'col' }, t('session.group')), stances.map((s) => el('th', { scope: 'col', class: `stance-${s}` }, label('stance', s))),
      el('th', { scope: 'col' }, t('session.total')))),
    el('tbody', {}, groups.map((g) => el('tr', { 'data-group': g }, el('th', { scope: 'row' }, label('group', g)),
      stances.map((s) => el('td', { 'data-stance': s }, String(count(item, g, s)))),
      el('td', {}, String(stances.reduce((n, s) => n + count(item, g, s), 0))))),
    el('tr', { 'data-group': 'all' }, el('th', { scope: 'row' }, t('session.total')),
      stances.map((s) => el('td', { 'data-stance': s }, String(item?.tally?.[s] || 0))),
      el('td', {}, String(Object.values(item?.tally || {}).reduce((a, b) => a + b, 0))))),
    extraRows || null));
}

export function floor(board) {
  if (!board.floor) return el('p', { class: 'muted' }, t('session.floorFree'));
  return el('p', { class: 'speaker' }, t('session.hasFloor', { name: board.floor.name }), ` (${label('group', board.floor.group)}) `,
    el('span', { class: 'timer', role: 'timer', 'aria-label': t('session.speakingTime'), 'data-since': board.floor.since }, clock((Date.now() - Date.parse(board.floor.since)) / 1000)));
}

/** Speaking timers tick once a second from the floor's start; they are not live regions (that would be noisy). */
export function tickTimers() {
  setInterval(() => {
    for (const timer of document.querySelectorAll('.timer[data-since]')) timer.textContent = clock((Date.now() - Date.parse(timer.dataset.since)) / 1000);
  }, 1000);
}

/** A member checks themself in, in the room or online. */
export function checkIn(board, forum, alertRegion) {
  const me = forum?.yourMemberId;
  if (!me || board.status !== 'Open') return null;
  const here = board.attendees?.[me];
  const button = (presence) => el('button', {
    type: 'button', class: here ? 'secondary' : '', 'data-key': `check-in-${presence}`,
    on: { click: (e) => busy(e.target, alertRegion, () => post(`/api/sessions/${board.id}/check-in`, { presence })) },
  }, t(`checkIn.${presence}`));
  return [
    el('p', { id: 'presence' }, here ? t('checkIn.youAre', { presence: label('presence', here.presence) }) : t('checkIn.notYet')),
    el('div', { class: 'row' }, here?.presence === 'InRoom' ? null : button('InRoom'), here?.presence === 'Online' ? null : button('Online'),
      here ? leave(board, alertRegion) : null),
  ];
}

/** Leaving ends one's presence: quorum counts who is really present, a held floor is yielded, a raised hand comes down. */
function leave(board, alertRegion) {
  return el('button', {
    type: 'button', class: 'secondary', 'data-key': 'leave',
    on: { click: (e) => busy(e.target, alertRegion, () => post(`/api/sessions/${board.id}/leave`, {})) },
  }, t('checkIn.leave'));
}

/** Answers to the invitation by group (on Join and GET; live changes may not carry them yet). Null when nobody is invited. */
export function rsvp(board) {
  const invited = board.invited || 0;
  if (!invited || !board.rsvp) return null;
  const answers = ['InRoom', 'Online', 'Decline'];
  return [
    el('h3', {}, t('rsvp.heading')),
    el('div', { class: 'table-wrap' }, el('table', { id: 'rsvp-table' },
      el('caption', {}, t('rsvp.byGroup', { n: invited })),
      el('thead', {}, el('tr', {}, el('th', { scope: 'col' }, t('session.group')),
        answers.map((a) => el('th', { scope: 'col' }, capital(label('rsvp', a)))), el('th', { scope: 'col' }, t('rsvp.none')))),
      el('tbody', {}, groups.map((g) => el('tr', { 'data-group': g }, el('th', { scope: 'row' }, label('group', g)),
        answers.map((a) => el('td', { 'data-answer': a }, String(board.rsvp[g]?.[a] ?? 0))),
        el('td', { 'data-answer': 'none' }, String(board.rsvpPending?.[g] ?? 0))))))),
  ];
}

const capital = (text) => text.charAt(0).toLocaleUpperCase(lang()) + text.slice(1);

export { render, showProblem };
