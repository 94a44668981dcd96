// The SessionBoard as a page holds it, and how a BoardChange pushed by the hub is applied to it (see Live/BoardChange.cs).
import { groups, stances } from './ui.js';

/**
 * Applies a change in version order (ADR 0013). 'stale': already seen (toVersion <= board.version), ignored.
 * 'gap': the change starts after this board's version (a push was missed), so the caller joins again.
 * 'applied': the board is now at change.toVersion. A change spans [fromVersion, toVersion) and applying it is
 * idempotent, so any board version inside that range may take it. It carries only what changed: the board's own small
 * parts (header) when any of them did, the touched item headers, tallies, positions and attendees; each record carries
 * the version it changed at, and the newer wins (pages fetched on demand merge the same way).
 */
export function applyChange(board, change) {
  if (change.toVersion <= board.version) return 'stale';
  if (change.fromVersion > board.version) return 'gap';

  if (change.header) {
    for (const [key, value] of Object.entries(change.header)) if (!['agenda', 'attendees', 'version', 'id', 'forumId'].includes(key)) board[key] = value;
  }
  const byId = new Map(board.agenda.map((i) => [i.itemId, i]));
  for (const item of change.items) {
    // Item headers travel without their positions; those come one by one below.
    const before = byId.get(item.itemId);
    byId.set(item.itemId, { ...item, positions: before ? before.positions : {} });
  }
  if (change.agendaOrder) board.agenda = change.agendaOrder.map((id) => byId.get(id)).filter(Boolean);
  else board.agenda = board.agenda.map((i) => byId.get(i.itemId));
  for (const tally of change.tallies) {
    const item = board.agenda.find((i) => i.itemId === tally.itemId);
    if (item) { item.tally = sumOfGroups(tally.tallyByGroup); item.tallyByGroup = tally.tallyByGroup; item.vote = tally.vote ?? null; }
  }
  mergePositions(board, change.positions);
  mergeAttendees(board, change.attendees);
  board.version = change.toVersion;
  return 'applied';
}

/** An item's tally from its tally by group (a push carries only that, ADR 0032): each stance's count over the groups. */
function sumOfGroups(byGroup) {
  const tally = {};
  for (const counts of Object.values(byGroup || {})) for (const [stance, n] of Object.entries(counts)) tally[stance] = (tally[stance] || 0) + n;
  return tally;
}

/**
 * Positions from a push or a page: the newer version of each member's position wins; a withdrawn one leaves. A pushed
 * position leaves out flags and counts at their defaults (withdrawn, revision, recordedBySecretariat: ADR 0032).
 */
export function mergePositions(board, positions) {
  for (const p of positions) {
    const item = board.agenda.find((i) => i.itemId === p.itemId);
    if (!item) continue;
    const held = item.positions[p.memberId];
    if (held && held.version >= p.version) continue;
    if (p.withdrawn) delete item.positions[p.memberId]; else item.positions[p.memberId] = p;
  }
}

/** Attendees from a push or a page: the newer wins; someone who left leaves the list. */
export function mergeAttendees(board, attendees) {
  board.attendees ||= {};
  for (const a of attendees) {
    const held = board.attendees[a.memberId];
    if (held && held.version >= a.version) continue;
    if (a.present) board.attendees[a.memberId] = a; else delete board.attendees[a.memberId];
  }
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

/** Voting members present, by group (the people whose positions a co-chair is waiting for): counted on the board. */
export function presentVoting(board) {
  return Object.fromEntries(groups.map((g) => [g, board.votingPresent?.[g] || 0]));
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
