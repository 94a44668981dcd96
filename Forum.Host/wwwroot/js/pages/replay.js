// A session replayed for its members (ADR 0018): the track is GET /timeline (its length and landmarks), each moment's label
// comes from GET /moments, and what the room saw at a version is the board GET /api/sessions/{id}?version=. A link may
// start at a version (?version=, as the minutes' "what the room saw when this was decided" does).
import { get, idFromPath, signInIfNeeded } from '../api.js';
import { t, has } from '../i18n.js';
import { $, el, render, showProblem, label, badge, when } from '../ui.js';
import { currentItem, takesPositions } from '../board.js';
import * as view from '../sessionview.js';

const sessionId = idFromPath('sessions');
const scrubber = $('#scrubber');
let timeline = null;
let shown = 0;
let wanted = 0;
let loading = false;

const kind = (k) => (has(`replay.kind.${k}`) ? t(`replay.kind.${k}`) : t('replay.kind.other'));

function describe(m) {
  const who = m.name ? ` — ${m.name}` : '';
  const what = m.kind === 'PositionSubmitted' ? `: ${label('stance', m.value)}`
    : m.kind === 'DecisionRecorded' ? `: ${label('outcome', m.value)}`
    : m.kind === 'AgendaItemOpened' || m.kind === 'AgendaItemClosed' || m.kind === 'AgendaItemAdded' ? `: ${m.value || ''}` : '';
  return `${kind(m.kind)}${what}${who}`;
}

async function momentAt(version) {
  const page = await get(`/api/sessions/${sessionId}/moments?after=${version - 1}&limit=1`);
  return page.moments[0] || null;
}

/** Loads one version at a time; a scrub that moves on meanwhile loads where it ended, not every step in between. */
async function show(version) {
  wanted = version;
  if (loading) return;
  loading = true;
  try {
    while (shown !== wanted) {
      const v = wanted;
      const [board, moment] = await Promise.all([get(`/api/sessions/${sessionId}?version=${v}`), momentAt(v)]);
      shown = v;
      draw(board, moment, v);
    }
  } catch (err) {
    showProblem($('#page-alert'), err);
  } finally {
    loading = false;
  }
}

function draw(board, moment, version) {
  scrubber.value = String(version);
  scrubber.setAttribute('aria-valuetext', t('replay.at', { version, count: timeline.version }));
  render($('#moment'), el('strong', {}, t('replay.at', { version, count: timeline.version })), ' · ',
    moment ? [when(moment.at), ' · ', el('span', { id: 'moment-kind', 'data-kind': moment.kind }, describe(moment))] : null);
  $('#step-back').disabled = version <= 1;
  $('#step-forward').disabled = version >= timeline.version;
  const item = currentItem(board);
  render($('#board-status'), badge('status', board.status), ' ', view.quorumLine(board.quorum || { votingMembers: 0 }));
  render($('#item'), view.current(board));
  render($('#floor'), board.floor ? el('p', { class: 'speaker', id: 'floor-holder' }, t('session.hasFloor', { name: board.floor.name }), ` (${label('group', board.floor.group)})`)
    : el('p', { class: 'muted' }, t('session.floorFree')));
  render($('#positions'), item && takesPositions(item) ? view.positions(item, null) : el('p', { class: 'muted' }, t('session.noPositionsItem')));
  render($('#tallies-region'), item && takesPositions(item) ? view.tallies(item) : el('p', { class: 'muted' }, t('session.noPositionsItem')));
  render($('#agenda'), view.agenda(board));
  const url = new URL(location.href);
  url.searchParams.set('version', String(version));
  history.replaceState(null, '', url);
}

function landmark(direction) {
  const versions = timeline.landmarks.map((l) => l.version);
  const target = direction < 0 ? versions.filter((v) => v < shown).pop() : versions.find((v) => v > shown);
  if (target) show(target);
}

async function load() {
  try {
    timeline = await get(`/api/sessions/${sessionId}/timeline`);
    document.title = `${t('replay.title')} — ${timeline.title}`;
    $('#replay-title').textContent = `${t('replay.title')}: ${timeline.title}`;
    render($('#replay-meta'), badge('status', timeline.status), ' ', el('a', { href: `/sessions/${sessionId}` }, t('replay.toSession')));
    if (!timeline.version) { showProblem($('#page-alert'), new Error(t('replay.empty'))); return; }
    scrubber.max = String(timeline.version);
    render($('#landmarks'), timeline.landmarks.map((l) => el('li', {},
      el('button', { type: 'button', class: 'secondary', 'data-version': l.version, 'data-key': `landmark-${l.version}`, on: { click: () => show(l.version) } },
        `${when(l.at)} · ${describe(l)}`))));
    const start = Number(new URL(location.href).searchParams.get('version'));
    show(start >= 1 && start <= timeline.version ? Math.floor(start) : timeline.version);
  } catch (err) {
    if (!signInIfNeeded(err)) showProblem($('#page-alert'), err);
  }
}

scrubber.addEventListener('input', () => show(Number(scrubber.value)));
$('#step-back').addEventListener('click', () => show(Math.max(1, shown - 1)));
$('#step-forward').addEventListener('click', () => show(Math.min(timeline.version, shown + 1)));
$('#prev-landmark').addEventListener('click', () => landmark(-1));
$('#next-landmark').addEventListener('click', () => landmark(1));

load();
