// Speaking time by group, as the board counts it (SessionBoard.SpeakingSeconds: each floor's time, added when it is
// yielded), drawn as bars: the share of the time at the floor each group held, the figure parity is judged by.
import { t, percent } from './i18n.js';
import { el, label, clock, groups } from './ui.js';
import { barChart } from './charts.js';

export function speakingChart(board) {
  const seconds = Object.fromEntries(groups.map((g) => [g, board.speakingSeconds?.[g] || 0]));
  const total = Object.values(seconds).reduce((a, b) => a + b, 0);
  if (!total) return el('p', { class: 'muted', id: 'speaking-none' }, t('speaking.none'));
  return [
    barChart({
      id: 'speaking-chart', caption: t('speaking.caption', { time: clock(total) }), max: total,
      rows: groups.map((g) => ({
        key: g, label: label('group', g), text: t('speaking.figures', { time: clock(seconds[g]), share: percent(seconds[g] / total) }),
        segments: [{ value: seconds[g], kind: 'time' }],
      })),
    }),
    el('p', { class: 'muted' }, t('speaking.help')),
  ];
}
