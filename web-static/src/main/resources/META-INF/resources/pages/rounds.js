// Voting rounds: filter by state and city, paginated; organisers and admins can start a new one.

import { api } from '../api.js';
import { t } from '../i18n.js';
import { h, clear, pager, hashLink, notice, field } from '../ui.js';
import { cityPicker } from '../city-picker.js';
import { roundItem, votingUnavailable } from './rounds-common.js';

const SIZE = 12;
const STATES = ['NOMINATING', 'OPEN', 'CLOSED', 'DRAFT', 'CANCELLED'];

export default {
  async render({ view, query, navigate, isOrganiser }) {
    const page = Math.max(0, Number(query.page) || 0);
    const state = STATES.includes(query.state) ? query.state : '';
    const cityId = query.city ? Number(query.city) : null;
    const city = cityId ? await api.get(`/api/cities/${cityId}`).catch(() => null) : null;
    const go = (over) => navigate(hashLink('/rounds', { state, city: cityId || '', ...over, page: 0 }));

    const stateField = field({
      id: 'rounds-state', name: 'state', label: t('rounds.filterState'), kind: 'select', value: state,
      options: [{ value: '', label: t('rounds.allStates') }, ...STATES.map((s) => ({ value: s, label: t(`round.state.${s}`) }))],
    });
    stateField.querySelector('select').addEventListener('change', (e) => go({ state: e.target.value }));
    const picker = cityPicker({ id: 'rounds-city', name: 'city', label: t('rounds.filterCity'), value: city, onChange: (c) => go({ city: c ? c.id : '' }) });

    const header = [
      h('div', { class: 'title-row' },
        h('h1', null, t('rounds.title')),
        isOrganiser() ? h('a', { class: 'button primary', href: '#/rounds/new', dataset: { testid: 'round-new' } }, t('rounds.new')) : null),
      h('p', { class: 'lead' }, t('rounds.intro')),
      h('div', { class: 'filters' }, stateField, picker.el,
        city ? h('p', null, h('a', { href: hashLink('/rounds', { state }) }, t('rounds.anyCity'))) : null),
    ];

    let result;
    try {
      result = await api.get('/api/rounds', { state, city: cityId, page, size: SIZE });
    } catch (e) {
      if (e.status === 404) {
        clear(view, header, votingUnavailable());
        return;
      }
      throw e;
    }
    clear(view, header,
      h('p', { class: 'muted', role: 'status' }, t('rounds.count', { count: result.total || 0 })),
      result.items && result.items.length ? h('ul', { class: 'round-list' }, result.items.map((r) => roundItem(r, 'h2'))) : notice(t('rounds.none')),
      pager(result, (p) => hashLink('/rounds', { state, city: cityId || '', page: p })));
  },
};
