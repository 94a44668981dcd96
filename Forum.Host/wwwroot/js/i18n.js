// The pages' wording: Localisation/Strings/{lang}.json, the same file the server renders pages, mail and minutes from
// (ADR 0014). The server chose the language (the page's lang): ?lang=, the account's preference, the last choice, the
// browser's, the forum's. Names and other text people typed are never translated; they are shown as typed.
const root = document.documentElement;
const current = root.lang || 'en';
const formats = root.dataset.locale || current;

async function load(code) {
  try {
    const res = await fetch(`/i18n/${code}.json`, { credentials: 'same-origin' });
    if (res.ok) return await res.json();
  } catch { /* offline: keys show, and the page says the server could not be reached */ }
  return {};
}

const strings = await load(current);
const plurals = new Intl.PluralRules(formats);
const numbers = new Intl.NumberFormat(formats);

export const lang = () => current;
export const locale = () => formats;
export const has = (key) => key in strings || `${key}_other` in strings;

/**
 * The text of a key with {name} arguments filled in. A key with plural forms (key_one, key_few, key_many, key_other:
 * the CLDR categories of the language) is chosen by vars.count through Intl.PluralRules. A missing key shows as itself.
 */
export function t(key, vars = {}) {
  let text = strings[key];
  if (text === undefined && 'count' in vars) text = strings[`${key}_${plurals.select(vars.count)}`] ?? strings[`${key}_other`];
  if (text === undefined) return key;
  return text.replace(/\{(\w+)\}/g, (whole, name) => {
    if (!(name in vars)) return whole;
    const value = vars[name];
    return typeof value === 'number' ? numbers.format(value) : String(value);
  });
}

export const number = (n) => numbers.format(n);
export const percent = (share) => new Intl.NumberFormat(formats, { style: 'percent', maximumFractionDigits: 0 }).format(share);

/** Switching language: the account keeps it (when signed in), and the page reloads in it. A form being typed is not kept. */
export async function setLang(code) {
  if (document.getElementById('sign-out')) {
    try {
      await fetch('/api/me/preferences', {
        method: 'PUT', credentials: 'same-origin', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify({ language: code }),
      });
    } catch { /* the address below still switches this visit */ }
  }
  const url = new URL(location.href);
  url.searchParams.set('lang', code);
  location.assign(url.toString());
}
