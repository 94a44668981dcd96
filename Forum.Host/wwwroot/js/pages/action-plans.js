// A forum's action plans, in public; the secretariat opens the next one here.
import { get, post, idFromPath } from '../api.js';
import { t } from '../i18n.js';
import { $, el, render, showProblem, busy, badge } from '../ui.js';
import { viewer } from '../actionplans.js';

const forumId = idFromPath('forums');

async function load() {
  try {
    const [forum, plans, who] = await Promise.all([get(`/api/forums/${forumId}/public`), get(`/api/forums/${forumId}/action-plans`), viewer(forumId)]);
    document.title = `${t('plans.title')} — ${forum.name}`;
    render($('#plans-forum'), who.forum ? el('a', { href: `/forums/${forumId}` }, forum.name) : forum.name);
    render($('#plans'), plans.length ? plans.map((p) => el('li', { 'data-plan': p.actionPlanId },
      el('a', { href: `/action-plans/${p.actionPlanId}` }, p.title), ' ', badge('planStatus', p.status), el('br'),
      el('span', { class: 'meta' }, `${p.startsOn} – ${p.endsOn} · ${t('plans.commitmentCount', { n: p.commitments })} · `,
        p.proposalsOpen ? t('plans.proposalsOpenUntil', { date: p.proposalsCloseOn }) : t('plans.proposalsClosed')), ' ',
      el('a', { href: `/action-plans/${p.actionPlanId}/proposals` }, t('plan.proposalsLink'))))
      : el('li', { class: 'muted' }, t('plans.none')));
    $('#open-plan').hidden = !who.secretariat;
  } catch (err) {
    showProblem($('#page-alert'), err);
  }
}

$('#open-form').addEventListener('submit', (e) => {
  e.preventDefault();
  busy($('#open-button'), $('#open-alert'), async () => {
    const opened = await post(`/api/forums/${forumId}/action-plans`, {
      title: $('#p-title').value, startsOn: $('#p-starts').value || null, endsOn: $('#p-ends').value || null, proposalsCloseOn: $('#p-close').value || null,
    });
    location.assign(`/action-plans/${opened.actionPlanId}`);
  });
});

load();
