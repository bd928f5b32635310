// Pieces shared by my profile and public profiles.

import { t, has, formatDate, formatNumber, cityName } from '../i18n.js';
import { h, avatar, levelProgress, badgeList } from '../ui.js';

export function stageLabel(stage) {
  if (!stage) return '';
  return has(`stage.${stage.code}`) ? t(`stage.${stage.code}`) : stage.label || stage.code;
}

export function activityLabel(kind) {
  return has(`activity.${kind}`) ? t(`activity.${kind}`) : kind.replace(/[_-]+/g, ' ');
}

export function profileHeader(p, { mine = false } = {}) {
  return h('section', { class: 'card profile-head', 'aria-labelledby': 'profile-name' },
    avatar(p, 72),
    h('div', null,
      h('h1', { id: 'profile-name' }, p.displayName),
      h('p', { class: 'muted' }, `@${p.handle}`,
        p.homeCity ? [' · ', h('a', { href: `#/cities/${p.homeCity.id}` }, cityName(p.homeCity))] : null,
        p.joinedAt ? ` · ${t('profile.joined', { date: formatDate(p.joinedAt) })}` : null),
      h('p', { class: 'tags' },
        p.admin ? h('span', { class: 'badge' }, t('profile.admin')) : null,
        p.organiser ? h('span', { class: 'badge' }, t('profile.organiser')) : null,
        p.stage ? h('span', { class: 'badge stage' }, stageLabel(p.stage)) : null),
      p.bio ? h('p', { class: 'bio' }, p.bio) : null,
      mine ? h('p', null, h('a', { href: `#/members/${encodeURIComponent(p.handle)}` }, t('me.publicLink'))) : null));
}

export function levelCard(p) {
  return h('section', { class: 'card', 'aria-labelledby': 'level-h' },
    h('h2', { id: 'level-h' }, t('profile.level')),
    h('p', { class: 'big' }, p.level ? t('level.name', { number: p.level.number, name: p.level.name }) : '–'),
    h('p', null, t('profile.points', { count: p.points ?? 0, points: p.points ?? 0 })),
    p.nextLevel !== undefined ? levelProgress(p.lifetimePoints ?? p.points ?? 0, p.level, p.nextLevel) : null);
}

export function stageCard(p) {
  if (!p.stage) return null;
  return h('section', { class: 'card', 'aria-labelledby': 'stage-h' },
    h('h2', { id: 'stage-h' }, t('profile.stage')),
    h('p', { class: 'big' }, stageLabel(p.stage)),
    p.stage.nextStep ? h('p', null, h('strong', null, `${t('profile.nextStep')} `), p.stage.nextStep) : null);
}

export function badgesCard(p) {
  return h('section', { class: 'card wide', 'aria-labelledby': 'badges-h' },
    h('h2', { id: 'badges-h' }, t('profile.badges')),
    badgeList(p.badges));
}

export function activityCard(p) {
  const entries = Object.entries(p.activity || {});
  return h('section', { class: 'card', 'aria-labelledby': 'activity-h' },
    h('h2', { id: 'activity-h' }, t('profile.activity')),
    entries.length ? h('dl', { class: 'pairs' }, entries.map(([k, v]) => [h('dt', null, activityLabel(k)), h('dd', null, formatNumber(v))]))
      : h('p', { class: 'muted' }, t('profile.noActivity')));
}
