// DOM helpers. Everything a person typed reaches the page as text (textContent), never as HTML.
import { t, locale } from './i18n.js';
import { Problem } from './api.js';

export const groups = ['Government', 'CivilSociety', 'Other'];
export const stances = ['Support', 'SupportWithReservations', 'Abstain', 'Object', 'Block'];

/** el('button', { class: 'x', on: { click } , 'aria-label': '...' }, 'text', child, [more]) */
export function el(tag, props = {}, ...children) {
  const node = document.createElement(tag);
  for (const [key, value] of Object.entries(props || {})) {
    if (value === undefined || value === null || value === false) continue;
    if (key === 'on') for (const [event, handler] of Object.entries(value)) node.addEventListener(event, handler);
    else if (key === 'class') node.className = value;
    else if (key === 'text') node.textContent = value;
    else if (key === 'value') node.value = value;
    else if (key in node && typeof value !== 'string') node[key] = value;
    else node.setAttribute(key, value === true ? '' : value);
  }
  append(node, children);
  return node;
}

function append(node, children) {
  for (const child of children.flat(Infinity)) {
    if (child === null || child === undefined || child === false) continue;
    node.append(child instanceof Node ? child : document.createTextNode(String(child)));
  }
}

export const $ = (selector, root = document) => root.querySelector(selector);

/**
 * Replaces a region's content, keeping keyboard focus on the control with the same data-key
 * (a live update must not throw a keyboard user out of the list they are working in).
 */
export function render(container, ...children) {
  const focused = document.activeElement;
  const key = focused && container.contains(focused) ? focused.getAttribute('data-key') : null;
  container.replaceChildren();
  append(container, children);
  if (key) container.querySelector(`[data-key="${CSS.escape(key)}"]`)?.focus();
}

export const label = (kind, value) => t(`${kind}.${value}`);

export function badge(kind, value) {
  return el('span', { class: `badge ${kind}-${value}` }, label(kind, value));
}

export function when(iso) {
  if (!iso) return '';
  return new Intl.DateTimeFormat(locale(), { dateStyle: 'medium', timeStyle: 'short' }).format(new Date(iso));
}

export function clock(seconds) {
  const s = Math.max(0, Math.floor(seconds));
  const mm = String(Math.floor(s / 60)).padStart(2, '0'), ss = String(s % 60).padStart(2, '0');
  return s >= 3600 ? `${Math.floor(s / 3600)}:${mm.slice(-2)}:${ss}` : `${mm}:${ss}`;
}

/** Shows what went wrong in a role=alert region, in the words of the problem details the API answered. */
export function showProblem(region, err) {
  if (!region) return;
  if (!err) { region.textContent = ''; return; }
  const detail = err instanceof Problem
    ? (err.status === 0 ? t('common.networkError') : err.body.detail || err.body.title || err.message)
    : String(err.message || err);
  region.textContent = detail;
}

export function note(region, text) { if (region) region.textContent = text || ''; }

/** A polite screen-reader announcement of something that arrived live. */
export function announce(text) {
  const region = document.getElementById('announce');
  if (!region) return;
  region.textContent = '';
  requestAnimationFrame(() => { region.textContent = text; });
}

/** Disables a form's button while its request runs; shows a problem or clears it. */
export async function busy(button, alertRegion, action) {
  button.disabled = true;
  showProblem(alertRegion, null);
  try { return await action(); }
  catch (err) { showProblem(alertRegion, err); return undefined; }
  finally { button.disabled = false; }
}

/** A datetime-local input's value as an ISO 8601 instant (the browser's time zone). */
export function isoFromLocal(value) { return value ? new Date(value).toISOString() : null; }

/** An ISO 8601 instant as a datetime-local input's value, in the browser's time zone. */
export function localFromIso(iso) {
  if (!iso) return '';
  const d = new Date(iso);
  const two = (n) => String(n).padStart(2, '0');
  return `${d.getFullYear()}-${two(d.getMonth() + 1)}-${two(d.getDate())}T${two(d.getHours())}:${two(d.getMinutes())}`;
}

/**
 * Asks before something that cannot be undone: a modal dialog in the page's language, the action named on its button.
 * With reasonLabel it also asks why (required when reasonRequired). Resolves to { reason } when confirmed, else null.
 */
export function confirmAction({ message, confirm, reasonLabel, reasonRequired = false }) {
  return new Promise((resolve) => {
    const reason = reasonLabel ? el('textarea', { id: 'confirm-reason', maxlength: '4000', required: reasonRequired }) : null;
    const dialog = el('dialog', { class: 'confirm', 'aria-labelledby': 'confirm-message' },
      el('form', { method: 'dialog' },
        el('p', { id: 'confirm-message' }, message),
        reason ? [el('label', { for: 'confirm-reason' }, reasonLabel, reasonRequired ? ` (${t('common.required')})` : ''), reason] : null,
        el('div', { class: 'row' },
          el('button', { type: 'submit', value: 'yes', class: 'danger', id: 'confirm-yes' }, confirm),
          el('button', { type: 'submit', value: 'no', class: 'secondary', formnovalidate: true }, t('common.keep')))));
    dialog.addEventListener('close', () => {
      dialog.remove();
      resolve(dialog.returnValue === 'yes' ? { reason: reason ? reason.value : '' } : null);
    });
    document.body.append(dialog);
    dialog.showModal();
  });
}
