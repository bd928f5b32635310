// The rewards catalogue: levels, badges and privileges.

import { api } from '../api.js';
import { t, formatNumber, has } from '../i18n.js';
import { h, clear, table, badgeList } from '../ui.js';

export default {
  async render({ view, me }) {
    const [levels, badges, privileges] = await Promise.all([
      api.get('/api/rewards/levels'),
      api.get('/api/rewards/badges'),
      api.get('/api/rewards/privileges'),
    ]);
    const mine = me ? (me.privileges || []).flat() : [];
    clear(view,
      h('h1', null, t('rewards.title')),
      h('p', { class: 'lead' }, t('rewards.intro')),
      h('section', { 'aria-labelledby': 'levels-h' },
        h('h2', { id: 'levels-h' }, t('rewards.levels')),
        table([
          { label: t('rewards.levelNumber'), class: 'num', cell: (l) => formatNumber(l.number) },
          { label: t('rewards.levelName'), cell: (l) => h('span', null, l.name, me && me.level && me.level.number === l.number ? [' ', h('span', { class: 'badge' }, t('rewards.you'))] : null) },
          { label: t('rewards.minPoints'), class: 'num', cell: (l) => formatNumber(l.minPoints) },
        ], levels)),
      h('section', { 'aria-labelledby': 'badges-h' },
        h('h2', { id: 'badges-h' }, t('rewards.badges')),
        badgeList(badges.map((b) => ({
          ...b,
          description: [b.description, b.threshold && b.activityKind
            ? t('rewards.badgeRule', { count: b.threshold, threshold: b.threshold, kind: has(`activity.${b.activityKind}`) ? t(`activity.${b.activityKind}`) : b.activityKind })
            : null].filter(Boolean).join(' '),
        })))),
      h('section', { 'aria-labelledby': 'priv-h' },
        h('h2', { id: 'priv-h' }, t('rewards.privileges')),
        table([
          { label: t('rewards.privilege'), cell: (p) => h('span', null, h('strong', null, p.name), mine.includes(p.code) ? [' ', h('span', { class: 'badge' }, t('rewards.youHave'))] : null) },
          { label: t('rewards.description'), cell: (p) => p.description },
          { label: t('rewards.fromLevel'), class: 'num', cell: (p) => (p.minLevel == null ? t('rewards.grantOnly') : formatNumber(p.minLevel)) },
          { label: t('rewards.from'), cell: (p) => (p.source === 'core' ? t('rewards.fromCore') : h('code', null, p.source)) },
        ], privileges)));
  },
};
