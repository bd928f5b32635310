// My booth slots: #/p/booths/mine. Coming up first (with the phone page of each confirmed slot), then past ones.

import { pluginApi, t, h, clear, notice, formatDateTime, getLocale } from '/kit.js';

const api = pluginApi('booths');
const b = (key, params) => t(`booths.${key}`, params);
const items = (x) => (Array.isArray(x) ? x : (x && x.items) || []);

function label(prefix, code) {
  const key = `booths.${prefix}.${code}`;
  const text = t(key);
  return text === key ? code : text;
}

function timeOnly(iso, zone) {
  try {
    return new Intl.DateTimeFormat(getLocale(), { timeStyle: 'short', timeZone: zone }).format(new Date(iso));
  } catch {
    return formatDateTime(iso, zone);
  }
}

function placeText(s) {
  if (s.status === 'WAITING') return b('place.WAITING', { position: s.waitingPosition ?? '?' });
  return label('place', s.status);
}

function slotItem(s, past) {
  const slotId = s.slotId ?? s.id;
  const gone = s.boothStatus === 'CANCELLED' || s.boothStatus === 'REJECTED';
  return h('li', { class: 'card', dataset: { testid: `my-slot-${slotId}` } },
    h('h3', null, h('a', { href: `#/p/booths/booth/${s.boothId}` }, s.compound || b('booth.untitled'))),
    h('p', null,
      h('time', { datetime: s.startsAt }, formatDateTime(s.startsAt, s.zone)), ' – ',
      h('time', { datetime: s.endsAt }, timeOnly(s.endsAt, s.zone)),
      s.cityName ? h('span', { class: 'muted' }, ` · ${s.cityName}`) : null),
    s.address ? h('p', { class: 'muted small' }, s.address) : null,
    h('p', null, label('role', s.role), ' · ', h('strong', { dataset: { testid: `my-status-${slotId}` } }, placeText(s))),
    gone ? notice(b('mine.boothGone', { status: label('status', s.boothStatus) }), 'warn') : null,
    !past && !gone && s.status === 'CONFIRMED'
      ? h('p', null, h('a', { class: 'button', href: `#/p/booths/at/${slotId}?booth=${s.boothId}`, dataset: { testid: `my-at-${slotId}` } }, b('slot.phonePage')))
      : null);
}

export default {
  auth: true,
  async render({ view, isCurrent }) {
    const all = items(await api.get('my/slots'));
    if (!isCurrent()) return;
    const now = Date.now();
    const upcoming = all.filter((s) => new Date(s.endsAt).getTime() > now)
      .sort((x, y) => new Date(x.startsAt) - new Date(y.startsAt));
    const past = all.filter((s) => new Date(s.endsAt).getTime() <= now)
      .sort((x, y) => new Date(y.startsAt) - new Date(x.startsAt));
    clear(view,
      h('p', { class: 'crumbs' }, h('a', { href: '#/p/booths/booths' }, b('list.title'))),
      h('h1', null, b('mine.title')),
      h('section', { 'aria-labelledby': 'mine-up-h' },
        h('h2', { id: 'mine-up-h' }, b('mine.upcoming')),
        upcoming.length ? h('ul', { class: 'plain' }, upcoming.map((s) => slotItem(s, false)))
          : [notice(b('mine.noUpcoming')), h('p', null, h('a', { href: '#/p/booths/booths' }, b('mine.find')))]),
      h('section', { 'aria-labelledby': 'mine-past-h' },
        h('h2', { id: 'mine-past-h' }, b('mine.past')),
        past.length ? h('ul', { class: 'plain' }, past.map((s) => slotItem(s, true))) : h('p', { class: 'muted' }, b('mine.noPast'))));
  },
};
