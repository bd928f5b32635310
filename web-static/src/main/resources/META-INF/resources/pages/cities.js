// Browse and search cities (names in any language), paginated.

import { api } from '../api.js';
import { t, formatNumber, countryName } from '../i18n.js';
import { h, clear, pager, hashLink, notice } from '../ui.js';
import { cityLabel } from '../city-picker.js';

const SIZE = 24;

export default {
  async render({ view, query, navigate }) {
    const q = query.q || '';
    const page = Math.max(0, Number(query.page) || 0);
    const result = await api.get('/api/cities', { q, page, size: SIZE });
    const form = h('form', { class: 'search-form', role: 'search' },
      h('label', { for: 'cities-q' }, t('cities.search')),
      h('div', { class: 'inline' },
        h('input', { id: 'cities-q', name: 'q', type: 'search', value: q, placeholder: t('city.searchPlaceholder') }),
        h('button', { type: 'submit', class: 'primary' }, t('common.search'))));
    form.addEventListener('submit', (e) => {
      e.preventDefault();
      navigate(hashLink('/cities', { q: form.q.value.trim() }));
    });
    clear(view,
      h('h1', null, t('cities.title')),
      form,
      h('p', { class: 'muted', role: 'status' }, t('cities.count', { count: result.total, total: result.total })),
      result.items.length ? h('ul', { class: 'city-grid' }, result.items.map((c) => h('li', { class: 'card city-card' },
        h('a', { href: `#/cities/${c.id}`, class: 'city-link' }, cityLabel(c)),
        h('p', { class: 'muted' }, [c.region, countryName(c.countryCode)].filter(Boolean).join(', ')),
        c.population ? h('p', { class: 'muted small' }, t('cities.population', { count: c.population, population: formatNumber(c.population) })) : null,
        c.retired ? h('span', { class: 'badge' }, t('city.retired')) : null)))
        : notice(t('city.noMatch')),
      pager(result, (p) => hashLink('/cities', { q, page: p })));
  },
};
