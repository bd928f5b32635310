// One city: names, region, local time, its voting rounds, what plugins list there (panels), its leaderboard;
// admins may retire/reinstate it.

import { api } from '../api.js';
import { t, formatNumber, formatDateTime, countryName, cityName } from '../i18n.js';
import { h, clear, pager, hashLink, notice, alertBox, announce, confirmDialog, stateBadge } from '../ui.js';
import { leaderboardTable } from './leaderboard-table.js';
import { pluginPanels } from '../panels.js';

const SIZE = 20;

function retireButton(city, box, onDone) {
  const btn = h('button', { type: 'button', class: city.retired ? '' : 'danger', id: 'city-retire' },
    city.retired ? t('city.reinstate') : t('city.retire'));
  btn.addEventListener('click', async () => {
    const ok = await confirmDialog({
      title: city.retired ? t('city.reinstateTitle', { city: cityName(city) }) : t('city.retireTitle', { city: cityName(city) }),
      body: city.retired ? t('city.reinstateText') : t('city.retireText'),
      confirmLabel: city.retired ? t('city.reinstate') : t('city.retire'),
      danger: !city.retired,
    });
    if (!ok) return;
    try {
      const updated = await api.put(`/api/admin/cities/${city.id}/retired`, { retired: !city.retired });
      announce(updated.retired ? t('city.retiredDone') : t('city.reinstatedDone'));
      onDone();
    } catch (err) {
      box.textContent = err.userMessage;
      box.hidden = false;
    }
  });
  return btn;
}

async function roundsSection(cityId) {
  try {
    const rounds = await api.get('/api/rounds', { city: cityId, size: 5 });
    if (!rounds.items || !rounds.items.length) return null;
    return h('section', { 'aria-labelledby': 'city-rounds-h' },
      h('h2', { id: 'city-rounds-h' }, t('city.rounds')),
      h('ul', { class: 'plain' }, rounds.items.map((r) => h('li', null, h('a', { href: `#/rounds/${r.id}` }, r.title), ' ', stateBadge(r.state)))));
  } catch {
    return null;
  }
}

export default {
  async render({ view, params, query, me, navigate }) {
    const id = Number(params.id);
    const page = Math.max(0, Number(query.page) || 0);
    let city;
    try {
      city = await api.get(`/api/cities/${id}`);
    } catch (e) {
      if (e.status !== 404 && e.status !== 400) throw e;
      clear(view, h('h1', null, t('city.notFoundTitle')), notice(t('city.notFound')), h('p', null, h('a', { href: '#/cities' }, t('cities.title'))));
      return;
    }
    const [board, rounds, panels] = await Promise.all([
      api.get('/api/leaderboard', { city: id, page, size: SIZE }),
      roundsSection(id),
      pluginPanels('city', { cityId: id }),
    ]);
    const names = [city.name, ...(city.otherNames || [])].filter((n, i, a) => a.indexOf(n) === i && n !== cityName(city));
    const box = alertBox();
    clear(view,
      h('p', { class: 'crumbs' }, h('a', { href: '#/cities' }, t('cities.title'))),
      h('h1', null, cityName(city), city.retired ? [' ', h('span', { class: 'badge' }, t('city.retired'))] : null),
      names.length ? h('p', { class: 'muted' }, t('city.alsoKnown', { names: names.join(' · ') })) : null,
      box,
      h('dl', { class: 'pairs card' },
        h('dt', null, t('city.country')), h('dd', null, countryName(city.countryCode)),
        city.region ? [h('dt', null, t('city.region')), h('dd', null, city.region)] : null,
        city.population ? [h('dt', null, t('city.population')), h('dd', null, formatNumber(city.population))] : null,
        h('dt', null, t('city.timeZone')), h('dd', null, city.timeZone),
        h('dt', null, t('city.localTime')), h('dd', null, formatDateTime(new Date().toISOString(), city.timeZone))),
      me && me.admin ? h('p', null, retireButton(city, box, () => navigate(location.hash))) : null,
      rounds,
      panels.length ? h('div', { class: 'grid' }, panels) : null,
      h('section', { 'aria-labelledby': 'city-lb-h' },
        h('h2', { id: 'city-lb-h' }, t('city.leaderboard')),
        leaderboardTable(board, { showCity: false, caption: t('leaderboard.caption', { count: board.total, total: board.total }) }),
        pager(board, (p) => hashLink(`/cities/${id}`, { page: p }))));
  },
};
