// My points: balance, lifetime points, level, next level, and the ledger (paginated).

import { api } from '../api.js';
import { t, formatNumber, formatDateTime } from '../i18n.js';
import { h, clear, meTabs, pager, hashLink, levelProgress, table, notice } from '../ui.js';

const SIZE = 20;

export default {
  auth: true,
  async render({ view, query }) {
    const page = Math.max(0, Number(query.page) || 0);
    const data = await api.get('/api/me/points', { page, size: SIZE });
    const ledger = data.ledger || { items: [], page, size: SIZE, total: 0 };
    clear(view,
      meTabs('points'),
      h('h1', null, t('points.title')),
      h('div', { class: 'grid' },
        h('section', { class: 'card', 'aria-labelledby': 'bal-h' },
          h('h2', { id: 'bal-h' }, t('points.balance')),
          h('p', { class: 'big', dataset: { testid: 'points-balance' } }, formatNumber(data.balance)),
          h('p', { class: 'muted' }, t('points.lifetime', { points: data.lifetimePoints ?? 0 }))),
        h('section', { class: 'card', 'aria-labelledby': 'lvl-h' },
          h('h2', { id: 'lvl-h' }, t('profile.level')),
          h('p', { class: 'big' }, data.level ? t('level.name', { number: data.level.number, name: data.level.name }) : '–'),
          levelProgress(data.lifetimePoints ?? data.balance ?? 0, data.level, data.nextLevel))),
      h('section', { 'aria-labelledby': 'ledger-h' },
        h('h2', { id: 'ledger-h' }, t('points.ledger')),
        ledger.items.length ? table([
          { label: t('points.when'), cell: (e) => formatDateTime(e.createdAt) },
          { label: t('points.reason'), cell: (e) => e.reason },
          { label: t('points.source'), cell: (e) => (e.source === 'core' ? t('points.sourceCore') : e.source) },
          { label: t('points.amount'), class: 'num', cell: (e) => h('span', { class: e.amount < 0 ? 'neg' : 'pos' }, `${e.amount > 0 ? '+' : ''}${formatNumber(e.amount)}`) },
        ], ledger.items, { caption: t('points.ledgerCaption', { count: ledger.total, total: ledger.total }) })
          : notice(t('points.empty')),
        pager(ledger, (p) => hashLink('/me/points', { page: p }))));
  },
};
