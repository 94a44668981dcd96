// The console's action points of a decision: as many as the decision needs, each with an owner present and a due
// date. Rows survive live redraws (they are kept here, not rebuilt from the board).
import { t } from '../i18n.js';
import { $, el, render, label } from '../ui.js';

export function actionPointsEditor() {
  const rows = [];
  let owners = [];
  let next = 0;

  function row() {
    const n = next++;
    const description = el('textarea', { id: `action-description-${n}`, 'data-key': `action-description-${n}`, maxlength: '20000' });
    const owner = el('select', { id: `action-owner-${n}`, 'data-key': `action-owner-${n}` });
    const due = el('input', { id: `action-due-${n}`, 'data-key': `action-due-${n}`, type: 'date' });
    const entry = { description, owner, due, node: null };
    entry.node = el('fieldset', { class: 'action-point-row' },
      el('legend', {}),
      el('label', { for: description.id }, t('console.actionWhat')), description,
      el('label', { for: owner.id }, t('console.actionOwner')), owner,
      el('label', { for: due.id }, t('console.actionDue')), due,
      el('div', { class: 'row' }, el('button', { type: 'button', class: 'secondary', 'data-key': `action-remove-${n}`, on: { click: () => remove(entry) } }, '')));
    fillOwners(entry);
    return entry;
  }

  function fillOwners(entry) {
    const chosen = entry.owner.value;
    render(entry.owner, owners.map((a) => el('option', { value: a.memberId }, `${a.name} (${label('group', a.group)})`)));
    if (chosen && owners.some((a) => a.memberId === chosen)) entry.owner.value = chosen;
  }

  function draw() {
    rows.forEach((r, i) => {
      r.node.querySelector('legend').textContent = t('console.actionPointNumbered', { n: i + 1 });
      const remove = r.node.querySelector('.row button');
      remove.textContent = t('console.removeActionPoint');
      remove.setAttribute('aria-label', t('console.removeActionPointNumbered', { n: i + 1 }));
    });
    render($('#action-point-rows'), rows.map((r) => r.node));
  }

  function add() { rows.push(row()); draw(); }
  function remove(entry) { rows.splice(rows.indexOf(entry), 1); draw(); }

  $('#add-action-point').addEventListener('click', () => { add(); rows.at(-1).description.focus(); });
  add();

  return {
    /** The owner of an action point is someone present: the choice of each row follows who is checked in. */
    owners(board) {
      owners = Object.values(board.attendees || {}).sort((a, b) => a.name.localeCompare(b.name));
      rows.forEach(fillOwners);
    },
    /** Rows with anything typed in; an incomplete one goes too, so that the rule says what it lacks. */
    collect: () => rows.filter((r) => r.description.value.trim() || r.due.value)
      .map((r) => ({ description: r.description.value.trim(), ownerMemberId: r.owner.value || null, due: r.due.value || null })),
    clear() { rows.splice(0); add(); },
  };
}
