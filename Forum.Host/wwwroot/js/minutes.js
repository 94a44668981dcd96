// Minutes as the desk, the console, the participant page and the archive show them (ADR 0005): status, approvals by
// co-chair, a preview, downloads and verification. The preview is the server's HTML (participants' text escaped there)
// in a sandboxed frame without scripts; nothing from the minutes is inserted into the page as HTML.
import { get, getText, post, Problem } from './api.js';
import { t } from './i18n.js';
import { el, render, label, badge, when, busy, showProblem } from './ui.js';

export const approvingGroups = ['Government', 'CivilSociety'];

/** The session's minutes, or null while none are drafted (404 minutes-not-found). */
export async function load(sessionId) {
  try { return await get(`/api/sessions/${sessionId}/minutes`); }
  catch (err) {
    if (err instanceof Problem && err.status === 404 && err.rule === 'minutes-not-found') return null;
    throw err;
  }
}

/**
 * Follows a closed session's minutes without polling (ADR 0020): reads them when the session is first seen closed, on
 * each MinutesChanged push and after each rejoin (a push may have been missed while disconnected), and hands them to
 * show(m). Until the server has drafted them there is nothing to show; the push that says "drafted" brings them.
 * draw(board, change) goes in the page's onBoard, minutes() in its onMinutes.
 */
export function follow(sessionId, show, onError) {
  let watching = false;
  const reload = async () => {
    try {
      const m = await load(sessionId);
      if (m) await show(m);
    } catch (err) { onError(err); }
  };
  return {
    reload,
    get watching() { return watching; },
    draw(board, change) {
      if (board.status !== 'Closed') return;
      if (!watching) { watching = true; reload(); } else if (!change) reload();
    },
    minutes() { if (watching) reload(); },
  };
}

/** Status, revision and who approved; the caller's own approval is named as theirs. */
export function summary(m, me) {
  return el('div', { class: 'minutes-summary' },
    el('p', { id: 'minutes-status' }, `${t('minutes.status')}: `, badge('minutesStatus', m.status),
      m.status === 'Draft' ? ` ${t('minutes.revision', { n: m.revision })}` : '',
      m.publishedAt ? ` · ${t('minutes.publishedAt', { at: when(m.publishedAt) })}` : ''),
    el('ul', { class: 'plain', id: 'minutes-approvals', 'aria-label': t('minutes.approvals') }, approvingGroups.map((g) => {
      const a = m.approvals.find((x) => x.group === g);
      return el('li', { 'data-group': g },
        a ? [el('span', { class: 'ok-mark', 'aria-hidden': 'true' }, '✓ '),
          t('minutes.approvedBy', { group: label('group', g), name: a.name, at: when(a.at) }), a.memberId === me ? ` (${t('session.you')})` : '']
          : m.status === 'Published' ? t('minutes.approvedGroup', { group: label('group', g) })
            : t('minutes.awaiting', { group: label('group', g) }));
    })));
}

/** Links to the files: the draft's Markdown and HTML; once published also the signed PDF and its signature record. */
export function downloads(m, language = null) {
  const id = language ? `${m.minutesId}-${language}` : m.minutesId;
  const link = (href, text, name) => el('a', { href, download: name || null, target: name ? null : '_blank', rel: 'noopener' }, text);
  return el('p', { class: 'row downloads', id: language ? `minutes-downloads-${language}` : 'minutes-downloads' },
    m.links.pdf ? link(m.links.pdf, t('minutes.pdf'), `minutes-${id}.pdf`) : null,
    link(m.links.html, t('minutes.html')),
    link(m.links.markdown, t('minutes.markdown'), `minutes-${id}.md`),
    m.links.signature ? link(m.links.signature, t('minutes.signature'), `minutes-${id}.sig.json`) : null);
}

/** The minutes' documents, one per language (ADR 0023): the session's language first, then English. */
export function documentsOf(m) {
  return m.documents?.length ? m.documents : [{ language: m.language, name: m.language, documentSha256: m.documentSha256, sequence: m.sequence, links: m.links }];
}

/**
 * Each document's files and, once published, its own verification. One document shows as before; two are each headed
 * by their language's name, written in that language. `extra(document)` adds lines of the caller's (a hash, a number).
 */
export function documents(m, key, extra = () => null) {
  const docs = documentsOf(m);
  if (docs.length === 1) return [downloads(m), extra(docs[0]), m.links.verify ? verifier(m, key) : null];
  return docs.map((d, i) => {
    const doc = { ...m, links: d.links };
    const suffix = i ? d.language : null;
    return el('div', { class: 'minutes-document', 'data-language': d.language },
      el('h4', { lang: d.language }, d.name),
      downloads(doc, suffix),
      extra(d),
      d.links.verify ? verifier(doc, suffix ? `${key}-${suffix}` : key, d) : null);
  });
}

/** "One approval covers both texts", when there are two. */
export function bothTexts(m) {
  const docs = documentsOf(m);
  return docs.length > 1 ? el('p', { class: 'muted', id: 'minutes-both' }, t('minutes.bothTexts', { languages: docs.map((d) => d.name).join(', ') })) : null;
}

/** A frame that shows the minutes as the server renders them; no scripts, no same-origin access. */
export function previewFrame(id) {
  return el('iframe', { id, class: 'minutes-preview', sandbox: '', title: t('minutes.previewTitle'), referrerpolicy: 'no-referrer' });
}

export async function fillPreview(frame, m, alertRegion) {
  try { frame.srcdoc = await getText(m.links.html); }
  catch (err) { showProblem(alertRegion, err); }
}

/** "Verify" and its result: the document, the record of events, the signature, each said in words. */
export function verifier(m, key, doc = null) {
  const result = el('div', { class: 'verify-result', role: 'status', 'aria-live': 'polite' });
  const alert = el('div', { class: 'alert', role: 'alert' });
  const button = el('button', {
    type: 'button', class: 'secondary', 'data-key': key, 'aria-label': doc ? t('minutes.verifyNamedIn', { title: m.sessionTitle, language: doc.name }) : t('minutes.verifyNamed', { title: m.sessionTitle }),
    on: {
      click: (e) => busy(e.target, alert, async () => {
        render(result);
        const v = await get(m.links.verify);
        const line = (ok, yes, no) => el('li', { class: ok ? 'verify-ok' : 'verify-bad' }, el('span', { 'aria-hidden': 'true' }, ok ? '✓ ' : '✗ '), ok ? yes : no);
        render(result,
          el('p', {}, el('strong', {}, v.valid ? t('minutes.verifiedValid') : t('minutes.verifiedInvalid'))),
          el('ul', { class: 'plain' },
            line(v.documentIntact, t('minutes.documentIntact'), t('minutes.documentChanged')),
            line(v.eventsIntact, t('minutes.eventsIntact'), t('minutes.eventsChanged')),
            line(v.signatureValid, t('minutes.signatureValid'), t('minutes.signatureInvalid')),
            v.timestamp ? line(v.timestamp.valid, t('minutes.timestamped', { at: when(v.timestamp.at), authority: v.timestamp.authority }), t('minutes.signatureInvalid')) : null),
          v.problems?.length ? el('ul', { class: 'muted' }, v.problems.map((p) => el('li', {}, p))) : null);
      }),
    },
  }, t('minutes.verify'));
  return el('div', { class: 'verifier' }, el('div', { class: 'row' }, button), alert, result);
}

/**
 * The minutes on the console and the participant page, shown to the forum's members once the session is closed:
 * status, approvals, a preview and the files, following each change live as the desk does; a co-chair who has not
 * approved this revision gets "Approve the minutes". draw(board, forum, change) goes in the page's onBoard, minutes()
 * in its onMinutes.
 */
export function approvalPanel(region, sessionId) {
  let follower = null;
  return {
    draw(board, forum, change) {
      if (!follower && board.status === 'Closed' && forum && forum.yourRole !== 'None') {
        region.hidden = false;
        follower = approvals(region, sessionId, { me: forum.yourMemberId, mayApprove: forum.yourRole === 'CoChair' });
      }
      follower?.draw(board, change);
    },
    minutes() { follower?.minutes(); },
  };
}

function approvals(region, sessionId, { me, mayApprove }) {
  const body = el('div', { id: 'minutes', 'aria-live': 'polite' }, el('p', { class: 'muted' }, t('minutes.drafting')));
  const alert = el('div', { id: 'minutes-alert', class: 'alert', role: 'alert' });
  const done = el('div', { id: 'minutes-note', class: 'note', role: 'status' });
  const frame = previewFrame('minutes-preview');
  const previewBox = el('details', { class: 'preview-box' }, el('summary', {}, t('minutes.preview')), frame);
  previewBox.hidden = true;
  render(region, el('h2', { id: 'minutes-heading' }, t('desk.minutesHeading')), body, alert, done, previewBox);
  let revision = null;

  const show = (m) => {
    const mine = m.approvals.some((a) => a.memberId === me);
    const draft = m.status === 'Draft';
    const approving = draft && mayApprove && !mine;
    render(body, summary(m, me),
      draft && mayApprove && mine ? el('p', { class: 'muted' }, t('minutes.youApproved')) : null,
      approving ? el('p', { class: 'muted' }, t('minutes.approveHelp')) : null,
      approving ? el('div', { class: 'row' }, el('button', {
        type: 'button', id: 'approve-minutes', 'data-key': 'approve-minutes',
        on: {
          click: (e) => busy(e.target, alert, async () => {
            await post(`/api/minutes/${m.minutesId}/approve`);
            done.textContent = t('minutes.approvedNote', { n: m.revision });
            await follower.reload();
          }),
        },
      }, t('minutes.approve'))) : null,
      bothTexts(m),
      documents(m, 'verify-minutes'));
    previewBox.hidden = false;
    if (revision !== `${m.status}/${m.revision}`) { revision = `${m.status}/${m.revision}`; fillPreview(frame, m, alert); }
  };
  const follower = follow(sessionId, show, (err) => showProblem(alert, err));
  return follower;
}
