// Home: welcome, rounds to vote in, my points and level, the top of the leaderboard.

import { api } from '../api.js';
import { t } from '../i18n.js';
import { h, clear, levelProgress, notice, errorPanel } from '../ui.js';
import { leaderboardTable } from './leaderboard-table.js';
import { roundItem, votingUnavailable } from './rounds-common.js';

async function roundsSection() {
  const wrap = h('section', { class: 'home-rounds', 'aria-labelledby': 'home-rounds-h' },
    h('h2', { id: 'home-rounds-h' }, t('home.openRounds')));
  try {
    const [open, nominating] = await Promise.all([
      api.get('/api/rounds', { state: 'OPEN', size: 6 }),
      api.get('/api/rounds', { state: 'NOMINATING', size: 3 }).catch(() => ({ items: [] })),
    ]);
    const items = [...(open.items || []), ...(nominating.items || [])];
    wrap.append(items.length ? h('ul', { class: 'round-list' }, items.map((r) => roundItem(r))) : notice(t('home.noOpenRounds')));
    wrap.append(h('p', null, h('a', { href: '#/rounds' }, t('home.allRounds'))));
  } catch (e) {
    wrap.append(e.status === 404 ? votingUnavailable() : errorPanel(e));
  }
  return wrap;
}

function mySection(me) {
  return h('section', { class: 'card', 'aria-labelledby': 'home-me-h' },
    h('h2', { id: 'home-me-h' }, t('home.myProgress')),
    h('p', { class: 'big' }, t('profile.points', { count: me.points ?? 0, points: me.points ?? 0 })),
    me.level ? h('p', null, t('level.name', { number: me.level.number, name: me.level.name })) : null,
    levelProgress(me.lifetimePoints ?? me.points ?? 0, me.level, me.nextLevel),
    me.unreadNotifications ? h('p', null, h('a', { href: '#/me/notifications' }, t('nav.unread', { count: me.unreadNotifications }))) : null,
    h('p', null, h('a', { href: '#/me/points' }, t('home.seePoints'))));
}

async function leaderSection() {
  const wrap = h('section', { 'aria-labelledby': 'home-lb-h' }, h('h2', { id: 'home-lb-h' }, t('home.topFans')));
  try {
    const board = await api.get('/api/leaderboard', { size: 5 });
    wrap.append(leaderboardTable(board), h('p', null, h('a', { href: '#/leaderboard' }, t('home.fullLeaderboard'))));
  } catch (e) {
    wrap.append(errorPanel(e));
  }
  return wrap;
}

export default {
  async render({ view, me }) {
    const [rounds, leaders] = await Promise.all([roundsSection(), leaderSection()]);
    clear(view,
      h('section', { class: 'hero' },
        h('h1', null, me ? t('home.welcomeBack', { name: me.displayName }) : t('home.welcome')),
        h('p', { class: 'lead' }, t('home.intro')),
        me ? null : h('p', { class: 'actions' },
          h('a', { class: 'button primary', href: '#/signup' }, t('nav.signup')),
          h('a', { class: 'button', href: '#/login' }, t('nav.login')))),
      h('div', { class: 'home-grid' },
        rounds,
        me ? mySection(me) : h('section', { class: 'card', 'aria-labelledby': 'home-why-h' },
          h('h2', { id: 'home-why-h' }, t('home.whyJoin')),
          h('ul', null, h('li', null, t('home.why1')), h('li', null, t('home.why2')), h('li', null, t('home.why3'))),
          h('p', null, h('a', { href: '#/rewards' }, t('home.seeRewards'))))),
      leaders);
  },
};
