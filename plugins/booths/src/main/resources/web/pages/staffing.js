// Staffing, for organisers: #/p/booths/staffing (?city=<cityId>). The city's slots that are short of volunteers or
// have no demo lead, soonest first, each with an "ask for help" button that tells the city's members who are free.

import {
  pluginApi, api as core, t, h, clear, field, notice, alertBox, showAlert, announce, formatDateTime, getLocale, hashLink,
  cityPicker,
} from '/kit.js';

const api = pluginApi('booths');
const b = (key, params) => t(`booths.${key}`, params);
const items = (x) => (Array.isArray(x) ? x : (x && x.items) || []);

function timeOnly(iso, zone) {
  try {
    return new Intl.DateTimeFormat(getLocale(), { timeStyle: 'short', timeZone: zone }).format(new Date(iso));
  } catch {
    return formatDateTime(iso, zone);
  }
}

export default {
  auth: true,
  organiser: true,
  async render({ view, query, me, navigate, isCurrent }) {
    const here = '/p/booths/staffing';
    const mine = (me.organiserOf || []).map((c) => ({ id: String(c.id ?? c.cityId), name: c.name }));
    let cityId = query.city && /^\d+$/.test(query.city) ? query.city : '';
    if (!cityId) cityId = mine.length ? mine[0].id : (me.homeCity ? String(me.homeCity.id) : '');

    let cityControl;
    if (me.admin || (cityId && !mine.some((c) => c.id === cityId))) {
      const known = mine.find((c) => c.id === cityId) || (me.homeCity && String(me.homeCity.id) === cityId ? me.homeCity : null);
      const city = known || (cityId ? await core.get(`/api/cities/${cityId}`).catch(() => null) : null);
      if (!isCurrent()) return;
      cityControl = cityPicker({
        id: 'staffing-city', name: 'city', label: b('list.city'), value: city,
        onChange: (c) => { if (c) navigate(hashLink(here, { city: c.id })); },
      }).el;
    } else {
      cityControl = field({
        id: 'staffing-city', name: 'city', label: b('list.city'), kind: 'select', value: cityId,
        options: mine.map((c) => ({ value: c.id, label: c.name })),
      });
      cityControl.querySelector('select').addEventListener('change', (e) => navigate(hashLink(here, { city: e.target.value })));
    }

    if (!cityId) {
      clear(view, h('h1', null, b('staffing.title')), h('div', { class: 'filters' }, cityControl), notice(b('staffing.pickCity')));
      return;
    }
    const slots = items(await api.get('staffing', { city: cityId }));
    if (!isCurrent()) return;

    const slotItem = (s) => {
      const slotId = s.slotId ?? s.id;
      const box = alertBox();
      const short = s.short ?? s.missing ?? Math.max(0, (s.volunteers ?? 0) - (s.taken ?? 0));
      const asked = h('p', { class: 'muted small', dataset: { testid: `asked-${slotId}` }, 'aria-live': 'polite' },
        s.askedAt ? b('staffing.askedAt', { time: formatDateTime(s.askedAt, s.zone) }) : '');
      const ask = h('button', { type: 'button', class: 'primary', dataset: { testid: `ask-${slotId}` } }, b('staffing.ask'));
      ask.addEventListener('click', async () => {
        ask.disabled = true;
        showAlert(box, '');
        try {
          const r = await api.post(`slots/${slotId}/ask`);
          const count = Number(r && r.asked) || 0;
          asked.textContent = b('staffing.asked', { count });
          asked.dataset.count = String(count);
          announce(b('staffing.asked', { count }));
        } catch (e) {
          ask.disabled = false;
          showAlert(box, e.status === 409 ? (e.detail || b('staffing.askedRecently')) : e.userMessage);
        }
      });
      return h('li', { class: 'card', dataset: { testid: `short-${slotId}` } },
        h('h2', null, h('a', { href: `#/p/booths/booth/${s.boothId}` }, s.compound || b('booth.untitled'))),
        h('p', null,
          h('time', { datetime: s.startsAt }, formatDateTime(s.startsAt, s.zone)), ' – ',
          h('time', { datetime: s.endsAt }, timeOnly(s.endsAt, s.zone))),
        h('p', null,
          s.volunteers != null ? b('slot.taken', { taken: s.taken ?? 0, needed: s.volunteers }) : null,
          short > 0 ? [' · ', h('strong', null, b('staffing.short', { count: short }))] : null,
          s.leadMissing ? [' · ', h('strong', null, b('staffing.leadMissing'))] : null),
        box,
        h('div', { class: 'actions' }, ask),
        asked);
    };

    const cityName = (mine.find((c) => c.id === cityId) || {}).name;
    clear(view,
      h('p', { class: 'crumbs' }, h('a', { href: '#/p/booths/booths' }, b('list.title'))),
      h('h1', null, b('staffing.title')),
      h('p', { class: 'lead' }, b('staffing.intro')),
      h('div', { class: 'filters' }, cityControl),
      h('p', { class: 'muted', role: 'status' }, cityName
        ? b('staffing.countIn', { count: slots.length, city: cityName })
        : b('staffing.count', { count: slots.length })),
      slots.length ? h('ul', { class: 'plain' }, slots.map(slotItem)) : notice(b('staffing.none')),
      h('p', null, h('a', { href: `#/p/booths/report/city-${cityId}`, dataset: { testid: 'staffing-city-report' } }, b('staffing.cityReport'))));
  },
};
