// The SessionBoard as a page holds it, and how a BoardChange pushed by the hub is applied to it (see Live/BoardChange.cs).
import { groups, stances } from './ui.js';

/**
 * Applies a change in version order. 'stale': already seen (toVersion <= board.version), ignored.
 * 'gap': the change starts after this board's version (a push was missed), so the caller joins again.
 * 'applied': the board is now at change.toVersion. A change spans [fromVersion, toVersion) and applying it is
 * idempotent, so any board version inside that range may take it.
 */
export function applyChange(board, change) {
  if (change.toVersion <= board.version) return 'stale';
  if (change.fromVersion > board.version) return 'gap';

  for (const key of ['status', 'currentItemId', 'title', 'startsAt', 'endsAt', 'venue', 'onlineUrl', 'cancelReason',
    'attendance', 'quorum', 'hands', 'floor', 'speakingSeconds', 'rsvp', 'rsvpPending']) board[key] = change[key];

  const byId = new Map(board.agenda.map((i) => [i.itemId, i]));
  for (const item of change.items) {
    // Item headers travel without their positions; those come one by one below.
    const before = byId.get(item.itemId);
    byId.set(item.itemId, { ...item, positions: before ? before.positions : {} });
  }
  board.agenda = change.agendaOrder.map((id) => byId.get(id)).filter(Boolean);

  for (const p of change.positions) {
    const item = board.agenda.find((i) => i.itemId === p.itemId);
    if (!item) continue;
    if (p.position) item.positions[p.memberId] = p.position; else delete item.positions[p.memberId];
  }
  for (const a of change.attendees) {
    if (a.attendee) board.attendees[a.memberId] = a.attendee; else delete board.attendees[a.memberId];
  }
  board.version = change.toVersion;
  return 'applied';
}

export const currentItem = (board) => board.agenda.find((i) => i.itemId === board.currentItemId) || null;

export const takesPositions = (item) => !!item && item.kind !== 'Information';

export function positionsByGroup(item) {
  const result = Object.fromEntries(groups.map((g) => [g, []]));
  for (const p of Object.values(item?.positions || {})) (result[p.group] ||= []).push(p);
  for (const g of Object.keys(result)) result[g].sort((a, b) => a.name.localeCompare(b.name));
  return result;
}

export function count(item, group, stance) {
  const byGroup = item?.tallyByGroup?.[group];
  return (byGroup && byGroup[stance]) || 0;
}

/** Voting members present, by group (the people whose positions a co-chair is waiting for). */
export function presentVoting(board) {
  const result = Object.fromEntries(groups.map((g) => [g, 0]));
  for (const a of Object.values(board.attendees || {})) if (a.role === 'Member') result[a.group] = (result[a.group] || 0) + 1;
  return result;
}

/**
 * The consensus gap by group: each group's share of support (Support and SupportWithReservations) among the positions
 * it took, who is still unheard, and the widest difference in support between two groups that took positions.
 */
export function consensusGap(board, item) {
  const present = presentVoting(board);
  const rows = groups.map((group) => {
    const taken = stances.reduce((n, s) => n + count(item, group, s), 0);
    const support = count(item, group, 'Support') + count(item, group, 'SupportWithReservations');
    return {
      group, taken, present: present[group], unheard: Math.max(0, present[group] - taken),
      support, objections: count(item, group, 'Object'), blocks: count(item, group, 'Block'),
      share: taken ? support / taken : null,
    };
  });
  const shares = rows.filter((r) => r.share !== null);
  const widest = shares.length > 1 ? Math.max(...shares.map((r) => r.share)) - Math.min(...shares.map((r) => r.share)) : 0;
  const high = shares.length ? shares.reduce((a, b) => (b.share > a.share ? b : a)) : null;
  const low = shares.length ? shares.reduce((a, b) => (b.share < a.share ? b : a)) : null;
  return { rows, gap: Math.round(widest * 100), high, low, blocks: rows.reduce((n, r) => n + r.blocks, 0), objections: rows.reduce((n, r) => n + r.objections, 0) };
}
