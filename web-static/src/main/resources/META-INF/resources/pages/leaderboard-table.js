// The leaderboard table, shared by the leaderboard, city and home pages.

import { t, formatNumber, cityName } from '../i18n.js';
import { h, table, notice } from '../ui.js';

export function leaderboardTable(page, { caption, showCity = true } = {}) {
  if (!page.items || !page.items.length) return notice(t('leaderboard.empty'));
  const cols = [
    { label: t('leaderboard.rank'), class: 'num', cell: (e) => formatNumber(e.rank) },
    { label: t('leaderboard.member'), rowHeader: false, cell: (e) => [h('a', { href: `#/members/${encodeURIComponent(e.handle)}` }, e.displayName), ' ', h('span', { class: 'muted handle' }, `@${e.handle}`)] },
  ];
  if (showCity) cols.push({ label: t('leaderboard.city'), cell: (e) => (e.homeCity ? h('a', { href: `#/cities/${e.homeCity.id}` }, cityName(e.homeCity)) : '–') });
  cols.push({ label: t('leaderboard.level'), class: 'hide-narrow', cell: (e) => (e.level ? t('level.short', { number: e.level.number, name: e.level.name }) : '–') });
  cols.push({ label: t('leaderboard.points'), class: 'num', cell: (e) => formatNumber(e.points) });
  return table(cols, page.items, { caption, className: 'data leaderboard' });
}
