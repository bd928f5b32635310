// Leaderboards: overall, or for one city (?city=id).

import { api } from '../api.js';
import { t, cityName } from '../i18n.js';
import { h, clear, pager, hashLink } from '../ui.js';
import { cityPicker } from '../city-picker.js';
import { leaderboardTable } from './leaderboard-table.js';

const SIZE = 25;

export default {
  async render({ view, query, navigate }) {
    const page = Math.max(0, Number(query.page) || 0);
    const cityId = query.city ? Number(query.city) : null;
    const [board, city] = await Promise.all([
      api.get('/api/leaderboard', { city: cityId, page, size: SIZE }),
      cityId ? api.get(`/api/cities/${cityId}`).catch(() => null) : null,
    ]);
    const picker = cityPicker({
      id: 'leaderboard-city', name: 'city', label: t('leaderboard.filterCity'), value: city,
      onChange: (c) => navigate(hashLink('/leaderboard', { city: c ? c.id : '' })),
    });
    clear(view,
      h('h1', null, city ? t('leaderboard.titleCity', { city: cityName(city) }) : t('leaderboard.title')),
      h('div', { class: 'filters' }, picker.el,
        city ? h('p', null, h('a', { href: '#/leaderboard' }, t('leaderboard.overall'))) : null),
      leaderboardTable(board, { caption: t('leaderboard.caption', { count: board.total, total: board.total }) }),
      pager(board, (p) => hashLink('/leaderboard', { city: cityId || '', page: p })));
  },
};
