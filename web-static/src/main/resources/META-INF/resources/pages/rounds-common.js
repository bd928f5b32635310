// Shared round helpers: list items, times shown in city zones and the viewer's zone, "not available yet" notice.

import { api } from '../api.js';
import { t, formatDateTime, viewerZone, sameWallTime, cityName } from '../i18n.js';
import { h, clear, notice, stateBadge } from '../ui.js';

/** The message when the voting API is not deployed yet (404 on /api/rounds...). */
export function votingUnavailable() {
  return notice(t('rounds.unavailable'), 'info');
}

/** A round answered 404: say whether that round is missing or the whole voting API is not deployed yet. */
export async function showRoundMissing(view) {
  let apiThere = true;
  try {
    await api.get('/api/rounds', { size: 1 });
  } catch (e) {
    apiThere = e.status !== 404;
  }
  clear(view,
    h('h1', null, apiThere ? t('round.notFoundTitle') : t('rounds.title')),
    apiThere ? notice(t('round.notFound')) : votingUnavailable(),
    h('p', null, h('a', { href: '#/rounds' }, t('rounds.title'))));
}

/** Zones of the round's cities, grouped: [{zone, cities: [names]}] (owner city first). */
export function roundZones(round) {
  const groups = new Map();
  const add = (c) => {
    if (!c || !c.timeZone) return;
    if (!groups.has(c.timeZone)) groups.set(c.timeZone, []);
    const name = cityName(c);
    if (!groups.get(c.timeZone).includes(name)) groups.get(c.timeZone).push(name);
  };
  add(round.ownerCity);
  (round.candidates || []).forEach(add);
  return [...groups].map(([zone, cities]) => ({ zone, cities }));
}

/** An instant shown in each of the round's city zones and, when different, the viewer's zone. */
export function timeInZones(iso, zones) {
  if (!iso) return h('span', { class: 'muted' }, t('rounds.notSet'));
  const mine = viewerZone();
  const lines = zones.map((z) => h('li', null,
    h('time', { datetime: iso }, formatDateTime(iso, z.zone)), ' ',
    h('span', { class: 'muted' }, `(${z.cities.join(', ')})`)));
  if (!zones.length || zones.every((z) => !sameWallTime(iso, z.zone, mine))) {
    lines.push(h('li', null, h('time', { datetime: iso }, formatDateTime(iso, mine)), ' ', h('span', { class: 'muted' }, `(${t('rounds.yourTime')})`)));
  } else if (!zones.some((z) => z.zone === mine)) {
    lines.push(h('li', { class: 'muted small' }, t('rounds.sameAsYours')));
  }
  return h('ul', { class: 'times' }, lines);
}

/** The key date of a round for a list: when it closes / opens next. */
export function keyDate(round) {
  const zone = round.ownerCity ? round.ownerCity.timeZone : (round.candidates && round.candidates[0] && round.candidates[0].timeZone);
  const dual = (iso) => {
    if (!iso) return t('rounds.notSet');
    const there = formatDateTime(iso, zone);
    return zone && !sameWallTime(iso, zone, viewerZone()) ? t('rounds.dual', { there, mine: formatDateTime(iso, viewerZone()) }) : there;
  };
  switch (round.state) {
    case 'NOMINATING': return t('rounds.nominationsClose', { date: dual(round.nominationClosesAt) });
    case 'OPEN': return t('rounds.votingCloses', { date: dual(round.closesAt) });
    case 'CLOSED': return t('rounds.closedOn', { date: dual(round.closesAt) });
    case 'DRAFT': return round.opensAt ? t('rounds.opensOn', { date: dual(round.opensAt) }) : t('rounds.draft');
    default: return '';
  }
}

/** A round in a list: its title is an h3 under a section's h2 (home), or an h2 right under the page's h1 (rounds). */
export function roundItem(round, heading = 'h3') {
  const cities = (round.candidates || []).map(cityName);
  return h('li', { class: 'card round-item', dataset: { testid: 'round-item' } },
    h(heading === 'h2' ? 'h2' : 'h3', { class: 'round-title' }, h('a', { href: `#/rounds/${round.id}` }, round.title)),
    h('p', null, stateBadge(round.state), ' ', round.ownerCity ? h('span', { class: 'muted' }, cityName(round.ownerCity)) : null),
    h('p', { class: 'muted small' }, keyDate(round)),
    cities.length ? h('p', { class: 'small' }, t('rounds.candidatesList', { cities: cities.slice(0, 6).join(', ') + (cities.length > 6 ? '…' : '') })) : null);
}
