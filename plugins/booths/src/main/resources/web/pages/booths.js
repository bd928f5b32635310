// Demo booths, soonest first: #/p/booths/booths (?city=<cityId>|any&status=&page=n). Signed in, the list starts at the
// member's home city and shows the open slots near them.

import {
  pluginApi, api as core, t, h, clear, field, notice, pager, hashLink, formatDateTime, getLocale, cityPicker, cityLabel, errorPanel,
} from '/kit.js';

const api = pluginApi('booths');
const b = (key, params) => t(`booths.${key}`, params);
const SIZE = 20;
const STATUSES = ['PLANNED', 'CONFIRMED', 'DONE', 'PROPOSED', 'CANCELLED', 'REJECTED'];
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

function boothItem(x) {
  const first = x.firstOpensAt || ((x.openings || [])[0] || {}).opensAt;
  const products = (x.products || []).map((p) => (typeof p === 'object' ? p.name : null)).filter(Boolean);
  return h('li', { class: 'card round-item', dataset: { testid: `booth-${x.id}` } },
    h('h3', { class: 'look-h2' }, h('a', { href: `#/p/booths/booth/${x.id}` }, x.compound)),
    h('p', null, h('span', { class: 'badge', dataset: { testid: `booth-status-${x.id}` } }, label('status', x.status)), ' ',
      h('span', { class: 'muted' }, [x.address, x.cityName].filter(Boolean).join(' · '))),
    first ? h('p', { class: 'small' }, b('list.opens'), ' ', h('time', { datetime: first }, formatDateTime(first, x.zone))) : null,
    products.length ? h('p', { class: 'muted small' }, b('list.products', { products: products.join(getLocale().startsWith('zh') ? '、' : ', ') })) : null);
}

function openSlotItem(s) {
  const slotId = s.slotId ?? s.id;
  const free = Math.max(0, (s.volunteers ?? 0) - (s.taken ?? 0));
  return h('li', { class: 'card', dataset: { testid: `open-slot-${slotId}` } },
    h('h3', null, h('a', { href: `#/p/booths/booth/${s.boothId}` }, s.compound || b('booth.untitled'))),
    h('p', null,
      h('time', { datetime: s.startsAt }, formatDateTime(s.startsAt, s.zone)), ' – ',
      h('time', { datetime: s.endsAt }, timeOnly(s.endsAt, s.zone)),
      s.cityName ? h('span', { class: 'muted' }, ` · ${s.cityName}`) : null),
    h('p', null, b('slot.placesFree', { count: free }),
      s.lead && !s.leadTaken ? [' · ', h('strong', null, b('slot.leadWanted'))] : null),
    s.address ? h('p', { class: 'muted small' }, s.address) : null);
}

export default {
  async render({ view, query, me, navigate, isCurrent, isOrganiser }) {
    const page = Math.max(0, Number(query.page) || 0);
    const status = STATUSES.includes(query.status) ? query.status : '';
    const home = me && me.homeCity ? me.homeCity : null;
    let cityId = '';
    if (query.city && /^\d+$/.test(query.city)) cityId = query.city;
    else if (query.city !== 'any' && home) cityId = String(home.id);

    const [list, city, open] = await Promise.all([
      api.get('booths', { city: cityId, status, page, size: SIZE }),
      cityId ? (home && String(home.id) === cityId ? Promise.resolve(home) : core.get(`/api/cities/${cityId}`).catch(() => null)) : Promise.resolve(null),
      me ? api.get('open-slots', { city: cityId }).then((x) => ({ items: items(x) }), (e) => ({ error: e })) : Promise.resolve(null),
    ]);
    if (!isCurrent()) return;
    const here = '/p/booths/booths';
    const picker = cityPicker({
      id: 'booths-city', name: 'city', label: b('list.city'), value: city, clearable: true,
      hint: b('list.cityHint'),
      onChange: (c) => navigate(hashLink(here, { city: c ? c.id : 'any', status })),
    });
    const statusField = field({
      id: 'booths-status', name: 'status', label: b('list.status'), kind: 'select', value: status,
      options: [{ value: '', label: b('list.allStatuses') }, ...STATUSES.map((s) => ({ value: s, label: label('status', s) }))],
    });
    statusField.querySelector('select').addEventListener('change', (e) => navigate(hashLink(here, { city: cityId || 'any', status: e.target.value })));
    const booths = items(list);
    const organiser = isOrganiser();

    clear(view,
      h('div', { class: 'title-row' },
        h('h1', null, b('list.title')),
        me ? h('a', { class: 'button primary', href: '#/p/booths/new-booth', dataset: { testid: 'booth-new' } },
          organiser ? b('list.create') : b('list.propose')) : null),
      h('p', { class: 'lead' }, b('list.intro')),
      h('div', { class: 'toolbar' },
        me ? h('a', { class: 'button', href: '#/p/booths/mine', dataset: { testid: 'booths-mine' } }, b('mine.link')) : null,
        organiser ? h('a', { class: 'button', href: '#/p/booths/staffing', dataset: { testid: 'booths-staffing' } }, b('staffing.link')) : null,
        organiser ? h('a', { class: 'button', href: '#/p/booths/proposals', dataset: { testid: 'booths-proposals' } }, b('proposals.link')) : null,
        h('a', { class: 'button', href: '#/p/booths/products', dataset: { testid: 'booths-products' } }, b('products.link'))),
      me && open ? h('section', { 'aria-labelledby': 'open-slots-h' },
        h('h2', { id: 'open-slots-h' }, b('list.openSlots')),
        open.error ? errorPanel(open.error)
          : (open.items.length ? h('ul', { class: 'plain', dataset: { testid: 'open-slots' } }, open.items.slice(0, 10).map(openSlotItem))
            : h('p', { class: 'muted' }, b('list.noOpenSlots')))) : null,
      h('section', { 'aria-labelledby': 'booths-h' },
        h('h2', { id: 'booths-h' }, city ? b('list.inCity', { city: cityLabel(city) }) : b('list.allCities')),
        h('div', { class: 'filters' }, picker.el, statusField),
        h('p', { class: 'muted', role: 'status' }, b('list.count', { count: list.total ?? booths.length })),
        booths.length ? h('ul', { class: 'round-list' }, booths.map(boothItem)) : notice(b('list.none')),
        pager(list, (p) => hashLink(here, { city: cityId || 'any', status, page: p }))));
  },
};
