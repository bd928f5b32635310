// Charity campaigns, newest first: #/p/charity/campaigns (?page=n).

import { pluginApi, t, h, clear, notice, pager, hashLink, formatDate, formatNumber } from '/kit.js';

const api = pluginApi('charity');
const c = (key, params) => t(`charity.${key}`, params);
const SIZE = 20;

/** An ISO date (2027-05-01) in the reader's language; dates have no zone, so read them as UTC. */
const day = (iso) => formatDate(iso, 'UTC');

function campaignItem(cp) {
  return h('li', { class: 'card round-item', dataset: { testid: `campaign-${cp.id}` } },
    h('h2', null, h('a', { href: `#/p/charity/campaign/${cp.id}` }, cp.name)),
    h('p', null, c('campaign.dates', { from: day(cp.startsOn), to: day(cp.endsOn) })),
    h('p', { class: 'muted' }, c('campaign.goal', { hours: formatNumber(cp.hoursGoal) })),
    (cp.cities || []).length ? h('p', { class: 'muted small' }, c('campaign.cityCount', { count: cp.cities.length })) : null);
}

export default {
  async render({ view, query, me, isOrganiser, isCurrent }) {
    const page = Math.max(0, Number(query.page) || 0);
    const result = await api.get('campaigns', { page, size: SIZE });
    if (!isCurrent()) return;
    const items = result.items || [];
    clear(view,
      h('div', { class: 'title-row' },
        h('h1', null, c('campaigns.title')),
        me && me.admin ? h('a', { class: 'button primary', href: '#/p/charity/new-campaign', dataset: { testid: 'campaign-new' } }, c('campaigns.new')) : null),
      h('p', { class: 'lead' }, c('campaigns.intro')),
      me ? h('div', { class: 'toolbar' },
        h('a', { class: 'button', href: '#/p/charity/mine', dataset: { testid: 'charity-mine' } }, c('mine.link')),
        isOrganiser() ? h('a', { class: 'button', href: '#/p/charity/proposals', dataset: { testid: 'charity-proposals' } }, c('proposals.link')) : null) : null,
      h('p', { class: 'muted', role: 'status' }, c('campaigns.count', { count: result.total || 0 })),
      items.length ? h('ul', { class: 'round-list' }, items.map(campaignItem)) : notice(c('campaigns.none')),
      pager(result, (p) => hashLink('/p/charity/campaigns', { page: p })));
  },
};
