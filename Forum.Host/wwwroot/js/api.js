// The HTTP API as the pages use it: JSON in and out, problem details (RFC 9457) turned into a Problem error.
let bearer = null;

/** Room displays send a personal API token instead of a cookie. */
export function useToken(token) { bearer = token; }
export function token() { return bearer; }

export class Problem extends Error {
  constructor(status, body) {
    super((body && (body.detail || body.title)) || `HTTP ${status}`);
    this.status = status;
    this.body = body || {};
    this.rule = this.body.rule || null;
    this.field = this.body.field || null;
  }
}

export async function api(method, url, body, headers = {}) {
  const init = { method, credentials: 'same-origin', headers: { Accept: 'application/json', ...headers } };
  if (bearer) init.headers.Authorization = 'Bearer ' + bearer;
  if (body !== undefined) { init.headers['Content-Type'] = 'application/json'; init.body = JSON.stringify(body); }
  let res;
  try { res = await fetch(url, init); }
  catch { throw new Problem(0, { rule: 'network', detail: null }); }
  const text = await res.text();
  let data = null;
  if (text) { try { data = JSON.parse(text); } catch { data = { detail: text }; } }
  if (!res.ok) throw new Problem(res.status, data);
  return data;
}

export const get = (url) => api('GET', url);
/** A text resource (minutes as Markdown or HTML); a refusal still arrives as problem details. */
export async function getText(url) {
  const init = { credentials: 'same-origin', headers: bearer ? { Authorization: 'Bearer ' + bearer } : {} };
  let res;
  try { res = await fetch(url, init); }
  catch { throw new Problem(0, { rule: 'network', detail: null }); }
  const text = await res.text();
  if (!res.ok) {
    let body = null;
    try { body = JSON.parse(text); } catch { body = { detail: text }; }
    throw new Problem(res.status, body);
  }
  return text;
}

export const post = (url, body = {}, headers) => api('POST', url, body, headers);
export const put = (url, body = {}) => api('PUT', url, body);
export const del = (url) => api('DELETE', url);

/** A page that needs a signed-in person sends an anonymous visitor to the sign-in page, and back here afterwards. */
export function signInIfNeeded(err) {
  if (err instanceof Problem && err.status === 401 && !bearer) {
    location.assign('/sign-in?returnUrl=' + encodeURIComponent(location.pathname + location.search));
    return true;
  }
  return false;
}

/** The id in /sessions/{id}/..., /forums/{id}/..., /display/{id}. */
export function idFromPath(segment) {
  const parts = location.pathname.split('/').filter(Boolean);
  const i = parts.indexOf(segment);
  return i >= 0 ? decodeURIComponent(parts[i + 1] || '') : '';
}
