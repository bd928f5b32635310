// Admin: find members by handle or display name.

import { api } from '../api.js';
import { t, formatNumber, cityName } from '../i18n.js';
import { h, clear, pager, hashLink, table, notice, adminTabs } from '../ui.js';

const SIZE = 25;

export default {
  auth: true,
  admin: true,
  async render({ view, query, navigate }) {
    const q = query.q || '';
    const page = Math.max(0, Number(query.page) || 0);
    const result = await api.get('/api/admin/members', { q, page, size: SIZE });
    const form = h('form', { class: 'search-form', role: 'search' },
      h('label', { for: 'admin-q' }, t('admin.searchMembers')),
      h('div', { class: 'inline' },
        h('input', { id: 'admin-q', name: 'q', type: 'search', value: q, autocomplete: 'off' }),
        h('button', { type: 'submit', class: 'primary', id: 'admin-search' }, t('common.search'))));
    form.addEventListener('submit', (e) => {
      e.preventDefault();
      navigate(hashLink('/admin', { q: form.q.value.trim() }));
    });
    clear(view,
      adminTabs('admin-members'),
      h('h1', null, t('admin.membersTitle')),
      form,
      result.items.length ? table([
        { label: t('admin.member'), cell: (m) => h('a', { href: `#/admin/members/${encodeURIComponent(m.handle)}`, dataset: { testid: 'admin-member-link' } }, m.displayName, h('span', { class: 'muted' }, ` @${m.handle}`)) },
        { label: t('admin.email'), cell: (m) => m.email },
        { label: t('leaderboard.city'), cell: (m) => (m.homeCity ? cityName(m.homeCity) : '–') },
        { label: t('admin.roles'), cell: (m) => [m.admin ? t('profile.admin') : null, m.organiserOf && m.organiserOf.length ? t('admin.organiserOfList', { cities: m.organiserOf.map(cityName).join(', ') }) : null].filter(Boolean).join(' · ') || '–' },
        { label: t('leaderboard.points'), class: 'num', cell: (m) => formatNumber(m.points) },
      ], result.items, { caption: t('admin.membersCaption', { count: result.total, total: result.total }) }) : notice(t('admin.noMembers')),
      pager(result, (p) => hashLink('/admin', { q, page: p })));
  },
};
