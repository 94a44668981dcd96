// The session desk's agenda: the items as they stand; while the session is not over, add one, move items up and down,
// and amend or withdraw an item not yet taken up.
import { post, put } from '../api.js';
import { t } from '../i18n.js';
import { $, el, render, busy, label, confirmAction, showProblem } from '../ui.js';
import * as view from '../sessionview.js';

const kinds = ['Decision', 'Discussion', 'Information'];

export function agendaPanel(sessionId) {
  let board = null;
  let editing = null; // { itemId, form }: one item amended at a time; the same form survives live redraws
  const alert = $('#agenda-alert');

  render($('#a-kind'), kinds.map((k) => el('option', { value: k }, label('kind', k))));
  $('#agenda-form').addEventListener('submit', (e) => {
    e.preventDefault();
    busy($('#add-item'), alert, async () => {
      await post(`/api/sessions/${sessionId}/agenda`, {
        title: $('#a-title').value, description: $('#a-description').value, kind: $('#a-kind').value,
        presenter: $('#a-presenter').value, minutes: Number($('#a-minutes').value),
      });
      $('#agenda-form').reset();
    });
  });

  const redraw = () => { if (board) draw(board); };

  function move(item, by, button) {
    const order = board.agenda.filter((i) => i.status !== 'Withdrawn').map((i) => i.itemId);
    const at = order.indexOf(item.itemId);
    [order[at], order[at + by]] = [order[at + by], order[at]];
    return busy(button, alert, () => put(`/api/sessions/${sessionId}/agenda`, { itemIds: order }));
  }

  async function withdraw(item, button) {
    showProblem(alert, null);
    const answer = await confirmAction({ message: t('desk.withdrawConfirm', { title: item.title }), confirm: t('desk.withdraw'), reasonLabel: t('desk.withdrawReason') });
    if (answer) await busy(button, alert, () => post(`/api/sessions/${sessionId}/agenda/${item.itemId}/withdraw`, { reason: answer.reason }));
  }

  function amendForm(item) {
    const field = (id, text, input) => [el('label', { for: id }, text), input];
    const kind = el('select', { id: 'amend-kind', 'data-key': 'amend-kind' }, kinds.map((k) => el('option', { value: k, selected: k === item.kind }, label('kind', k))));
    const form = el('form', { class: 'amend', novalidate: true },
      field('amend-title', t('desk.sessionTitle'), el('input', { id: 'amend-title', 'data-key': 'amend-title', type: 'text', value: item.title })),
      field('amend-description', t('forum.description'), el('textarea', { id: 'amend-description', 'data-key': 'amend-description', value: item.description || '' })),
      field('amend-kind', t('desk.kind'), kind),
      field('amend-presenter', t('session.presenter'), el('input', { id: 'amend-presenter', 'data-key': 'amend-presenter', type: 'text', value: item.presenter || '' })),
      field('amend-minutes', t('desk.minutes'), el('input', { id: 'amend-minutes', 'data-key': 'amend-minutes', type: 'number', min: '1', max: '600', value: String(item.minutes) })),
      el('div', { class: 'row' },
        el('button', { type: 'submit', id: 'amend-save', 'data-key': 'amend-save' }, t('desk.saveItem')),
        el('button', { type: 'button', class: 'secondary', 'data-key': 'amend-cancel', on: { click: () => { editing = null; redraw(); } } }, t('desk.keepItem'))));
    form.addEventListener('submit', (e) => {
      e.preventDefault();
      busy($('#amend-save', form), alert, async () => {
        await put(`/api/sessions/${sessionId}/agenda/${item.itemId}`, {
          title: $('#amend-title', form).value, description: $('#amend-description', form).value, kind: kind.value,
          presenter: $('#amend-presenter', form).value, minutes: Number($('#amend-minutes', form).value),
        });
        editing = null;
        redraw();
      });
    });
    return form;
  }

  function actions(item, open, order) {
    if (item.status === 'Withdrawn') return item.withdrawnReason ? el('span', { class: 'muted withdrawn-reason' }, t('desk.withdrawnBecause', { reason: item.withdrawnReason })) : null;
    if (!open) return null;
    const at = order.indexOf(item.itemId);
    const button = (key, text, named, onClick, cls = 'secondary') => el('button', {
      type: 'button', class: cls, 'data-key': `${key}-${item.itemId}`, 'aria-label': t(named, { title: item.title }), on: { click: (e) => onClick(e.target) },
    }, text);
    const pending = item.status === 'Pending';
    return [
      el('span', { class: 'item-actions' },
        at > 0 ? button('up', '↑', 'desk.moveUpNamed', (b) => move(item, -1, b)) : null,
        at < order.length - 1 ? button('down', '↓', 'desk.moveDownNamed', (b) => move(item, 1, b)) : null,
        pending ? button('amend', t('desk.amend'), 'desk.amendNamed', () => { editing = { itemId: item.itemId, form: amendForm(item) }; redraw(); $('#amend-title').focus(); }) : null,
        pending ? button('withdraw', t('desk.withdraw'), 'desk.withdrawNamed', (b) => withdraw(item, b), 'danger') : null),
      editing?.itemId === item.itemId && pending ? editing.form : null,
    ];
  }

  function draw(b) {
    board = b;
    const open = b.status !== 'Closed' && b.status !== 'Cancelled';
    const order = b.agenda.filter((i) => i.status !== 'Withdrawn').map((i) => i.itemId);
    render($('#agenda'), view.agenda(b, (item) => actions(item, open, order)));
    $('#agenda-form').hidden = !open;
  }

  return { draw };
}
