// The secretariat's session desk: agenda, check-in, positions recorded for people in the room, the room display link,
// and placeholders for invitations and minutes (other engineers' endpoints; "not available yet" until they answer).
import { get, post, idFromPath, signInIfNeeded, Problem } from '../api.js';
import { t } from '../i18n.js';
import { $, el, render, setupPage, showProblem, note, busy, label, stances, groups } from '../ui.js';
import { currentItem, takesPositions } from '../board.js';
import * as view from '../sessionview.js';

setupPage();
const sessionId = idFromPath('sessions');
let ctx = null;
render($('#a-kind'), ['Decision', 'Discussion', 'Information'].map((k) => el('option', { value: k }, label('kind', k))));
render($('#r-stance'), stances.map((s) => el('option', { value: s }, label('stance', s))));
render($('#links'),
  el('a', { href: `/sessions/${sessionId}` }, t('desk.participantView')),
  el('a', { href: `/sessions/${sessionId}/console` }, t('forum.console')));

function draw(board, change, context) {
  ctx = context;
  const forum = context.forum;
  document.title = `${t('desk.sessionTitleDesk')} — ${board.title}`;
  render($('#heading'), view.heading(board));
  render($('#agenda'), view.agenda(board));
  $('#agenda-form').hidden = board.status === 'Closed' || board.status === 'Cancelled';
  drawAttendance(board, forum);

  const item = currentItem(board);
  const inRoom = Object.values(board.attendees).filter((a) => a.presence === 'InRoom' && a.role === 'Member')
    .sort((a, b) => groups.indexOf(a.group) - groups.indexOf(b.group) || a.name.localeCompare(b.name));
  const why = board.status !== 'Open' ? t('position.notOpen') : !item ? t('session.noCurrent') : !takesPositions(item) ? t('position.information')
    : item.decision ? t('position.decided') : !inRoom.length ? t('desk.nobodyInRoom') : null;
  $('#record-form').hidden = !!why;
  $('#record-unavailable').hidden = !why;
  $('#record-unavailable').textContent = why || '';
  const chosen = $('#r-member').value;
  render($('#r-member'), inRoom.map((a) => el('option', { value: a.memberId, selected: a.memberId === chosen }, `${a.name} (${label('group', a.group)})`)));
  render($('#positions'), item && takesPositions(item) ? view.positions(item) : el('p', { class: 'muted' }, t('session.noPositionsItem')));
}

function drawAttendance(board, forum) {
  if (!forum) return;
  const open = board.status === 'Open';
  render($('#attendance'), el('table', { id: 'attendance-table' },
    el('caption', {}, t('desk.attendance')),
    el('thead', {}, el('tr', {}, [t('desk.member'), t('session.group'), t('desk.presence'), ''].map((h) => el('th', { scope: 'col' }, h)))),
    el('tbody', {}, forum.members.map((m) => {
      const here = board.attendees[m.memberId];
      const button = (presence) => el('button', {
        type: 'button', class: 'secondary', 'data-key': `${presence}-${m.memberId}`, disabled: !open || here?.presence === presence,
        'aria-label': t('desk.checkInNamed', { name: m.name, presence: label('presence', presence) }),
        on: { click: (e) => busy(e.target, $('#checkin-alert'), () => post(`/api/sessions/${sessionId}/check-in`, { presence, memberId: m.memberId })).then(() => draw(ctx.board, null, ctx)) },
      }, label('presence', presence));
      return el('tr', { 'data-member': m.memberId },
        el('th', { scope: 'row' }, m.name), el('td', {}, label('group', m.group)),
        el('td', {}, here ? label('presence', here.presence) : t('desk.absent')),
        el('td', {}, el('span', { class: 'row' }, button('InRoom'), button('Online'))));
    }))));
}

$('#agenda-form').addEventListener('submit', (e) => {
  e.preventDefault();
  busy($('#add-item'), $('#agenda-alert'), async () => {
    await post(`/api/sessions/${sessionId}/agenda`, {
      title: $('#a-title').value, description: $('#a-description').value, kind: $('#a-kind').value,
      presenter: $('#a-presenter').value, minutes: Number($('#a-minutes').value),
    });
    $('#agenda-form').reset();
  });
});

$('#record-form').addEventListener('submit', (e) => {
  e.preventDefault();
  const item = currentItem(ctx.board);
  const member = ctx.board.attendees[$('#r-member').value];
  busy($('#record-position'), $('#record-alert'), async () => {
    await post(`/api/sessions/${sessionId}/items/${item.itemId}/positions`,
      { stance: $('#r-stance').value, statement: $('#r-statement').value, onBehalfOf: member.memberId },
      { 'Idempotency-Key': crypto.randomUUID() });
    note($('#record-note'), t('desk.recordedFor', { name: member.name }));
    $('#r-statement').value = '';
  }).then(() => draw(ctx.board, null, ctx));
});

$('#make-display').addEventListener('click', (e) => busy(e.target, $('#display-alert'), async () => {
  const made = await post('/api/me/tokens', { name: `${t('desk.display')}: ${ctx?.board?.title || sessionId}` });
  const url = `${location.origin}/display/${sessionId}?token=${encodeURIComponent(made.token)}`;
  render($('#display-link'),
    el('label', { for: 'display-url' }, t('desk.displayLink')),
    el('input', { id: 'display-url', type: 'text', readonly: true, value: url }),
    el('p', {}, el('a', { href: url, target: '_blank', rel: 'noopener' }, t('desk.openDisplay'))));
}));

/** Fills a placeholder panel from an endpoint that may not exist yet (404 → "not available yet"). */
async function placeholder(region, url, show) {
  try { render(region, show(await get(url))); region.classList.remove('placeholder'); }
  catch (err) {
    if (err instanceof Problem && err.status === 404) render(region, el('p', {}, t('common.notAvailable')));
    else showProblem(region, err);
  }
}

placeholder($('#invitations'), `/api/sessions/${sessionId}/invitations`, (list) => {
  const rows = Array.isArray(list) ? list : (list?.invitations || []);
  return rows.length ? el('ul', { class: 'plain' }, rows.map((i) => el('li', {},
    el('strong', {}, i.name || i.email || ''), ' ', el('span', { class: 'muted' }, [i.answer, i.delivery || i.deliveryStatus].filter(Boolean).join(' · ')))))
    : el('p', { class: 'muted' }, t('desk.noInvitations'));
});
placeholder($('#minutes'), `/api/sessions/${sessionId}/minutes`, (m) => {
  const id = m.minutesId || m.id;
  return [el('p', {}, `${t('desk.minutesStatus')}: ${m.status || ''}`), id ? el('p', { class: 'row' },
    el('a', { href: `/api/minutes/${id}.pdf` }, 'PDF'), el('a', { href: `/api/minutes/${id}.html` }, 'HTML'), el('a', { href: `/api/minutes/${id}.md` }, 'Markdown')) : null];
});

view.openSession(sessionId, {
  onBoard: draw,
  onError: (message) => {
    if (message.startsWith('sign-in-required')) signInIfNeeded(new Problem(401, {}));
    else showProblem($('#page-alert'), new Error(message));
  },
});
