// The session desk's minutes: drafted when the session closes; the secretariat revises (Markdown, with the server's
// preview), both co-chairs approve (each approval shows as it is given, pushed over the hub), the secretariat publishes;
// then downloads and verification. Minutes in two languages (ADR 0023) have two texts: the secretariat picks which one
// to revise; one approval covers both.
import { getText, post } from '../api.js';
import { t } from '../i18n.js';
import { $, el, render, showProblem, note, busy, label } from '../ui.js';
import * as mins from '../minutes.js';

export function minutesPanel(sessionId) {
  let minutes = null;
  let markdownOf = null; // the revision and language the text box was filled from
  // Read again whenever the hub says the minutes changed (or after a rejoin, which may have missed a push): no polling.
  const follower = mins.follow(sessionId, (m) => show(m), (err) => showProblem($('#minutes-alert'), err));
  const reload = follower.reload;

  /** The document being revised: the one picked, else the first. */
  const chosen = (m) => {
    const docs = mins.documentsOf(m);
    return docs.find((d) => d.language === $('#minutes-language').value) || docs[0];
  };

  function languages(m) {
    const docs = mins.documentsOf(m);
    $('#minutes-language-row').hidden = docs.length < 2;
    const select = $('#minutes-language');
    if (docs.length > 1 && select.options.length !== docs.length) {
      render(select, docs.map((d) => el('option', { value: d.language, lang: d.language }, d.name)));
    }
  }

  async function show(m) {
    minutes = m;
    const draft = m.status === 'Draft';
    render($('#minutes'), mins.summary(m), mins.bothTexts(m), draft ? mins.documents(m, 'verify-minutes') : null);
    $('#minutes-work').hidden = !draft;
    if (draft) {
      const waiting = m.awaitingApproval.map((g) => label('group', g));
      $('#publish-help').textContent = waiting.length
        ? t('minutes.publishWaits', { groups: waiting.join(', ') }) : t('minutes.publishReady');
      languages(m);
      const doc = chosen(m);
      if (markdownOf !== `${m.revision}/${doc.language}`) {
        try { $('#minutes-markdown').value = await getText(doc.links.markdown); markdownOf = `${m.revision}/${doc.language}`; }
        catch (err) { showProblem($('#minutes-alert'), err); }
      }
      $('#minutes-markdown').lang = doc.language;
      let frame = $('#minutes-preview');
      if (!frame) { frame = mins.previewFrame('minutes-preview'); render($('#minutes-preview-region'), frame); }
      await mins.fillPreview(frame, { links: doc.links }, $('#minutes-alert'));
      render($('#minutes-published'));
    } else {
      render($('#minutes-published'), mins.documents(m, 'verify-minutes'));
    }
  }

  $('#revise-form').addEventListener('submit', (e) => {
    e.preventDefault();
    busy($('#save-minutes'), $('#minutes-alert'), async () => {
      note($('#minutes-note'), '');
      await post(`/api/minutes/${minutes.minutesId}/revise`, { markdown: $('#minutes-markdown').value, language: chosen(minutes).language });
      markdownOf = null;
      await reload();
      note($('#minutes-note'), t('minutes.saved', { n: minutes.revision }));
    });
  });
  $('#publish-minutes').addEventListener('click', (e) => busy(e.target, $('#minutes-alert'), async () => {
    note($('#minutes-note'), '');
    await post(`/api/minutes/${minutes.minutesId}/publish`);
    await reload();
    note($('#minutes-note'), t('minutes.publishedNote'));
  }));
  $('#minutes-language').addEventListener('change', () => show(minutes).catch((err) => showProblem($('#minutes-alert'), err)));

  return {
    draw(board, context, change) {
      if (board.status === 'Closed' && !follower.watching) render($('#minutes'), el('p', { class: 'muted' }, t('minutes.drafting')));
      follower.draw(board, change);
    },
    minutes: follower.minutes,
  };
}
