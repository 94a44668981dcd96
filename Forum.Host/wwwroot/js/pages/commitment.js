// One commitment: OGP's template, progress (government beside civil society, the gap), milestones, reports with their
// evidence, assessments, and every change — as it stands, or as it stood at a moment (?at=). The reporters report, civil
// society assesses, the secretariat amends, adds milestones and puts the commitment on a session's agenda.
import { get, post, put, idFromPath, Problem } from '../api.js';
import { t } from '../i18n.js';
import { $, el, render, showProblem, note, busy, badge, label, when } from '../ui.js';
import { viewer, progressChart, timeline, commitmentForm, completions, level } from '../actionplans.js';

const commitmentId = idFromPath('commitments');
const at = new URLSearchParams(location.search).get('at');
let c = null, who = null;

const evidenceLinks = (list) => list.length ? el('ul', { class: 'plain evidence' }, list.map((e) => el('li', {},
  el('a', { href: e.url, rel: 'noopener' }, e.title), e.sha256 ? [' ', el('span', { class: 'muted hash' }, `SHA-256 ${e.sha256.slice(0, 16)}…`)] : null))) : null;

const milestoneTitle = (id) => (id ? c.milestones.find((m) => m.milestoneId === id)?.title : null) || t('commitment.wholeCommitment');

function entry(kind, r, person) {
  return el('li', { class: `${kind}-entry`, 'data-id': r.reportId || r.assessmentId },
    el('p', {}, badge('completion', r.completion), ' ', el('strong', {}, milestoneTitle(r.milestoneId))),
    el('p', { class: 'meta' }, `${person} · ${when(r.at)}`),
    r.note ? el('p', {}, r.note) : null, evidenceLinks(r.evidence));
}

function terms() {
  const row = (key, value) => value ? [el('dt', {}, t(key)), el('dd', {}, value)] : null;
  const actors = (g) => c.supportingActors.filter((a) => a.group === g).map((a) => a.name).join(', ');
  render($('#terms'),
    row('commitment.problem', c.problem), row('commitment.description', c.description), row('commitment.solution', c.solution),
    row('commitment.values', c.values.map((v) => label('ogpValue', v)).join(', ')), row('commitment.leadInstitution', c.leadInstitution),
    row('commitment.supportingGovernment', actors('Government')), row('commitment.supportingCivilSociety', actors('CivilSociety')),
    row('commitment.period', `${c.startsOn} – ${c.endsOn}`), row('commitment.reporters', c.reporters.map((r) => r.name).join(', ')));
}

/** Progress and assessment share a form: a level on the IRM scale, a note, links, files uploaded first (multipart). */
function levelForm(id, submitText, route, done) {
  const f = (n) => `${id}-${n}`;
  const alert = el('div', { class: 'alert', role: 'alert' }), button = el('button', { type: 'submit', id: f('submit') }, submitText);
  const form = el('form', { id, novalidate: true },
    el('label', { for: f('milestone') }, t('commitment.onMilestone')),
    el('select', { id: f('milestone') }, el('option', { value: '' }, t('commitment.wholeCommitment')), c.milestones.map((m) => el('option', { value: m.milestoneId }, m.title))),
    el('label', { for: f('completion') }, t('commitment.completion')),
    el('select', { id: f('completion') }, completions.map((x) => el('option', { value: x }, label('completion', x)))),
    el('label', { for: f('note') }, t('commitment.note')), el('textarea', { id: f('note') }),
    el('label', { for: f('links') }, t('commitment.evidenceLinks')), el('textarea', { id: f('links'), placeholder: 'https://' }),
    el('label', { for: f('files') }, t('commitment.evidenceFiles')),
    el('input', { id: f('files'), type: 'file', multiple: true, accept: '.pdf,.png,.jpg,.jpeg,.gif,.webp,.doc,.docx,.odt,.xls,.xlsx,.ods,.ppt,.pptx,.odp' }),
    el('p', { class: 'meta' }, t('commitment.evidenceHelp')),
    alert, el('div', { class: 'row' }, button));
  form.addEventListener('submit', (e) => {
    e.preventDefault();
    busy(button, alert, async () => {
      const evidence = form.querySelector('#' + f('links')).value.split('\n').map((s) => s.trim()).filter(Boolean).map((url) => ({ title: url, url }));
      for (const file of form.querySelector('#' + f('files')).files) {
        const body = new FormData();
        body.append('file', file);
        const res = await fetch(`/api/commitments/${commitmentId}/evidence`, { method: 'POST', body, credentials: 'same-origin', headers: { Accept: 'application/json' } });
        const data = await res.json().catch(() => ({}));
        if (!res.ok) throw new Problem(res.status, data);
        evidence.push({ title: file.name, evidenceId: data.evidenceId });
      }
      await post(`/api/commitments/${commitmentId}/${route}`, {
        milestoneId: form.querySelector('#' + f('milestone')).value || null, completion: form.querySelector('#' + f('completion')).value,
        note: form.querySelector('#' + f('note')).value, evidence,
      });
      form.reset();
      await done();
    });
  });
  return form;
}

function milestoneChoice() {
  const which = $('#ms-which');
  const was = which.value;
  render(which, el('option', { value: '' }, t('commitment.milestoneNew')), c.milestones.map((m) => el('option', { value: m.milestoneId }, m.title)));
  which.value = c.milestones.some((m) => m.milestoneId === was) ? was : '';
}

async function secretariatForms() {
  milestoneChoice();
  render($('#amend-form'), commitmentForm('amend-commitment', who.forum.members, c, t('commitment.amendButton'), (body, button, alert) =>
    busy(button, alert, async () => { await put(`/api/commitments/${commitmentId}`, body); await load(); })));
  const sessions = (await get(`/api/forums/${c.forumId}/sessions`)).filter((s) => s.status === 'Scheduled' || s.status === 'Open');
  render($('#ag-session'), sessions.length ? sessions.map((s) => el('option', { value: s.sessionId }, `${s.title} · ${when(s.startsAt)}`))
    : el('option', { value: '' }, t('commitment.noSessions')));
  if (!$('#ag-title').value) $('#ag-title').value = t('commitment.itemDefault', { number: c.number, title: c.title });
}

function draw() {
  document.title = `${c.number}. ${c.title}`;
  $('#commitment-title').textContent = `${t('commitment.numbered', { number: c.number })}: ${c.title}`;
  render($('#commitment-meta'), badge('commitmentStatus', c.status), ' ',
    c.adoption ? t('commitment.adoptedOn', { date: when(c.adoption.at), outcome: label('outcome', c.adoption.outcome) }) : t('commitment.notAdopted'));
  terms();
  render($('#chart'), progressChart([{ ...c, commitmentId: c.commitmentId }]));
  render($('#timeline'), timeline(c.startsOn, c.endsOn, [c], at ? at.slice(0, 10) : undefined));
  render($('#reports'), c.reports.length ? [...c.reports].reverse().map((r) => entry('report', r, r.reporter.name)) : el('li', { class: 'muted' }, t('commitment.noReports')));
  render($('#assessments'), c.assessments.length ? [...c.assessments].reverse().map((a) => entry('assessment', a, `${a.assessor.name} (${a.assessor.organisation})`))
    : el('li', { class: 'muted' }, t('commitment.noAssessments')));
  // A change's own time is taken before it is stored, so the commitment "as it stood after it" is read just before the next one.
  const after = (i) => (i + 1 < c.history.length ? new Date(Date.parse(c.history[i + 1].at) - 1).toISOString() : null);
  render($('#history'), c.history.map((h, i) => el('li', { 'data-version': h.version, 'data-change': h.change },
    el('strong', {}, t(`commitment.change.${h.change}`)), ' ', el('span', { class: 'muted' }, when(h.at)), ' ',
    after(i) ? el('a', { href: `/commitments/${commitmentId}?at=${encodeURIComponent(after(i))}` }, t('commitment.asItStood')) : null)).reverse());
}

async function load() {
  try {
    c = await get(`/api/commitments/${commitmentId}${at ? '?at=' + encodeURIComponent(at) : ''}`);
    const plan = await get(`/api/action-plans/${c.actionPlanId}`);
    $('#plan-link').textContent = plan.title;
    $('#plan-link').href = `/action-plans/${c.actionPlanId}`;
    if (at) {
      render($('#as-of'), t('commitment.asOf', { date: when(at) }), ' ', el('a', { href: `/commitments/${commitmentId}` }, t('commitment.now')));
      $('#as-of').hidden = false;
    }
    draw();
    who ??= await viewer(c.forumId);
    // Forms act on the commitment as it is now, never on a past version.
    const live = !at && plan.status !== 'Closed';
    $('#plan-closed').hidden = plan.status !== 'Closed';
    const me = who.me;
    const reporter = Boolean(me && c.reporters.some((r) => r.memberId === me.memberId));
    const assessor = Boolean(me && me.role === 'Member' && (me.group === 'CivilSociety' || me.group === 'Other') && !reporter);
    $('#report-card').hidden = !(live && reporter && c.status === 'Adopted');
    $('#assess-card').hidden = !(live && assessor && c.status === 'Adopted');
    if (!$('#report-card').hidden && !$('#report-form').firstChild)
      render($('#report-form'), levelForm('progress-form', t('commitment.reportButton'), 'progress', load));
    if (!$('#assess-card').hidden && !$('#assess-form').firstChild)
      render($('#assess-form'), levelForm('assessment-form', t('commitment.assessButton'), 'assessments', load));
    $('#secretariat').hidden = !(live && who.secretariat);
    if (!$('#secretariat').hidden) await secretariatForms();
  } catch (err) {
    showProblem($('#page-alert'), err);
  }
}

$('#ms-which').addEventListener('change', () => {
  const m = c.milestones.find((x) => x.milestoneId === $('#ms-which').value);
  $('#ms-title').value = m?.title || ''; $('#ms-output').value = m?.output || ''; $('#ms-starts').value = m?.startsOn || ''; $('#ms-ends').value = m?.endsOn || '';
});
$('#milestone-form').addEventListener('submit', (e) => {
  e.preventDefault();
  busy($('#milestone-button'), $('#milestone-alert'), async () => {
    const body = { title: $('#ms-title').value, output: $('#ms-output').value, startsOn: $('#ms-starts').value || null, endsOn: $('#ms-ends').value || null };
    const which = $('#ms-which').value;
    if (which) await put(`/api/commitments/${commitmentId}/milestones/${which}`, body);
    else await post(`/api/commitments/${commitmentId}/milestones`, body);
    $('#milestone-form').reset();
    await load();
  });
});
$('#agenda-form').addEventListener('submit', (e) => {
  e.preventDefault();
  busy($('#agenda-button'), $('#agenda-alert'), async () => {
    const sessionId = $('#ag-session').value;
    // A decision item about this commitment: a consensus or carried vote on it adopts the commitment (ADR 0017).
    await post(`/api/sessions/${sessionId}/agenda`, { title: $('#ag-title').value, kind: 'Decision', minutes: 20, commitmentId });
    note($('#agenda-note'), t('commitment.onAgenda', { session: $('#ag-session').selectedOptions[0]?.textContent || '' }));
  });
});

load();
