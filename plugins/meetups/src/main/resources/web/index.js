// Browse meetups: city, dates, kind, tag, "near this city"; my meetups and calendar links.
import {
  $, addStrings, api, cityPicker, clear, copyButton, errorContent, h, initPage, items, kindBadge, loadMe, loginPrompt,
  myCities, pager, path, safeUrl, say, sayError, seatsText, statusBadge, t, tagList, ticketText, timeEl, today,
} from './meetups.js';

addStrings({
  en: {
    'browse.pageTitle': 'Meetups · Popcorn',
    'browse.title': 'Meetups',
    'browse.host': 'Host a meetup',
    'browse.lead': 'Meet fans near you: find a meetup, RSVP, and check in on the day.',
    'browse.filters': 'Find meetups',
    'browse.filtersJump': 'Filters',
    'browse.from': 'From',
    'browse.to': 'To',
    'browse.kind': 'Kind',
    'browse.kindAll': 'All meetups',
    'browse.tag': 'Tag',
    'browse.near': 'Also near this city',
    'browse.radius': 'Distance (km)',
    'browse.show': 'Show meetups',
    'browse.listTitle': 'Meetups',
    'browse.listIn': 'Meetups in {city}',
    'browse.listNear': 'Meetups within {km} km of {city}',
    'browse.cityCalendar': 'Calendar feed for this city (.ics)',
    'browse.none': 'No meetups match. Try other dates or another city.',
    'browse.nearestTitle': 'Nothing in {city} yet — meetups within 1,000 km',
    'browse.nearestWiden': 'Show all meetups within 1,000 km',
    'browse.found': { one: '{count} meetup found.', other: '{count} meetups found.' },
    'browse.mine': 'My meetups',
    'browse.mineNone': 'You have no RSVPs yet.',
    'browse.myCalendar': 'My calendar',
    'browse.myCalendarHint': 'A private address for your calendar app: it lists the meetups you are going to.',
    'browse.myCalendarShow': 'Subscribe to my calendar',
    'browse.myCalendarUrl': 'Subscription address (keep it private)',
    'browse.myCalendarOpen': 'Open in my calendar app',
    'browse.myCalendarReset': 'Make a new address',
    'browse.myCalendarResetDone': 'A new address is ready; the old one no longer works.',
    'browse.loginHint': 'to RSVP, see your meetups and subscribe to your calendar.',
    'browse.venue': 'Where',
  },
  'zh-CN': {
    'browse.pageTitle': '聚会 · Popcorn',
    'browse.title': '聚会',
    'browse.host': '组织聚会',
    'browse.lead': '和附近的粉丝见面：找到聚会、报名，当天签到。',
    'browse.filters': '查找聚会',
    'browse.filtersJump': '筛选',
    'browse.from': '开始日期',
    'browse.to': '结束日期',
    'browse.kind': '类型',
    'browse.kindAll': '全部聚会',
    'browse.tag': '标签',
    'browse.near': '包括这座城市附近',
    'browse.radius': '距离（公里）',
    'browse.show': '显示聚会',
    'browse.listTitle': '聚会',
    'browse.listIn': '{city}的聚会',
    'browse.listNear': '{city} {km} 公里内的聚会',
    'browse.cityCalendar': '这座城市的日历订阅（.ics）',
    'browse.none': '没有符合条件的聚会。换个日期或城市试试。',
    'browse.nearestTitle': '{city}暂时没有聚会——1000 公里内的聚会',
    'browse.nearestWiden': '显示 1000 公里内的所有聚会',
    'browse.found': '找到 {count} 场聚会。',
    'browse.mine': '我的聚会',
    'browse.mineNone': '你还没有报名任何聚会。',
    'browse.myCalendar': '我的日历',
    'browse.myCalendarHint': '给日历应用用的私人地址：列出你报名的聚会。',
    'browse.myCalendarShow': '订阅我的日历',
    'browse.myCalendarUrl': '订阅地址（请勿公开）',
    'browse.myCalendarOpen': '在日历应用中打开',
    'browse.myCalendarReset': '生成新地址',
    'browse.myCalendarResetDone': '新地址已生成，旧地址已失效。',
    'browse.loginHint': '后即可报名、查看我的聚会和订阅日历。',
    'browse.venue': '地点',
  },
});

// Old notification links pointed at index.html#<id>: send them to the meetup's page.
if (/^#\d+$/.test(location.hash)) location.replace(`meetup.html${location.hash}`);

initPage('browse');

const PAGE_SIZE = 12;
const message = $('message');
const form = $('filters');
let me = null;
let page = 0;

const picker = cityPicker({ select: $('city'), search: $('city-search'), onChange: () => { page = 0; load(); } });

/** The filters as the hash keeps them, so a reload or a shared link shows the same list. */
function readHash() {
  const q = new URLSearchParams(location.hash.slice(1));
  return Object.fromEntries(q.entries());
}

function writeHash() {
  const q = new URLSearchParams();
  const f = filters();
  for (const [k, v] of Object.entries({ ...f, page: page || '' })) if (v !== '' && v != null && v !== false) q.set(k, v);
  history.replaceState(null, '', `#${q.toString()}`);
}

function filters() {
  const cityId = picker.cityId;
  const near = $('near').checked;
  return {
    city: cityId ?? '',
    near: near ? 'true' : '',
    radiusKm: near ? $('radius').value : '',
    from: $('from').value,
    to: $('to').value,
    kind: $('kind').value,
    tag: $('tag').value.trim(),
  };
}

/** The API's query: "near" takes the city's id (and a radius) instead of "city". */
function query(f) {
  const q = { from: f.from, to: f.to, kind: f.kind, tag: f.tag, page, size: PAGE_SIZE };
  if (f.near) Object.assign(q, { near: f.city, radiusKm: f.radiusKm });
  else q.city = f.city;
  return q;
}

/** A meetup's card; its title is an h3 in a list under an h2, an h4 among the suggestions under their own h3. */
function card(m, ticket, heading = 'h3') {
  const cover = safeUrl(m.coverImageUrl);
  const mine = ticketText(ticket, m);
  return h('li', { class: 'card mu-card', dataset: { testid: `meetup-card-${m.id}`, meetupId: m.id } },
    cover ? h('img', { class: 'mu-cover', src: cover, alt: '', loading: 'lazy', referrerpolicy: 'no-referrer' }) : null,
    h('div', { class: 'mu-card-body' },
      h(heading, null, h('a', { href: `meetup.html#${m.id}`, dataset: { testid: 'meetup-link' } }, m.title)),
      h('div', { class: 'mu-badges' }, statusBadge(m.status), kindBadge(m.kind)),
      h('p', null, timeEl(m.startsAt, m.timeZone)),
      h('p', null, h('span', { class: 'sr-only' }, `${t('browse.venue')}: `), m.venueName || '',
        m.venueAddress ? h('span', { class: 'muted' }, ` · ${m.venueAddress}`) : null,
        m.cityName ? h('span', { class: 'muted' }, ` · ${m.cityName}`) : null),
      h('p', { class: 'muted' }, seatsText(m)),
      mine ? h('p', { class: 'alert success', dataset: { testid: 'my-ticket' } }, mine) : null,
      m.status === 'CANCELLED' && m.cancelReason ? h('p', { class: 'alert error' }, m.cancelReason) : null,
      tagList(m.tags)));
}

async function load() {
  const f = filters();
  writeHash();
  const list = $('list');
  const city = picker.city;
  $('list-title').textContent = city
    ? t(f.near ? 'browse.listNear' : 'browse.listIn', { city: city.name, km: f.radiusKm || 100 }) : t('browse.listTitle');
  const feed = $('city-calendar');
  feed.hidden = !city;
  if (city) feed.href = path(`cities/${city.id}/calendar.ics`);
  if (!f.city) {
    clear(list);
    return;
  }
  clear(list, h('p', { class: 'loading' }, t('common.loading')));
  try {
    const answer = await api.get('meetups', query(f));
    const found = items(answer);
    $('list-count').textContent = t('browse.found', { count: answer.total ?? found.length });
    clear(list, found.length
      ? h('ul', { class: 'mu-cards', id: 'meetup-list' }, found.map((m) => card(m, m.myTicket)))
      : h('p', { class: 'muted', dataset: { testid: 'no-meetups' } }, t('browse.none')),
    pager(answer, (p) => { page = p; load(); }));
    if (!found.length && !f.near && !f.kind && !f.tag) suggestNearest(city, f, list);
  } catch (e) {
    clear(list, h('p', { class: 'alert error', role: 'alert' }, errorContent(e)));
  }
}

/** A city with no meetups: the soonest meetups in the nearest cities that have some (within 1,000 km). */
async function suggestNearest(city, f, list) {
  try {
    const near = items(await api.get('meetups', { near: city.id, radiusKm: 1000, from: f.from, to: f.to, size: 50 }))
      .filter((m) => Number(m.cityId) !== Number(city.id));
    if (!near.length) return;
    list.append(h('section', { class: 'mu-nearest', dataset: { testid: 'nearest' }, 'aria-labelledby': 'nearest-title' },
      h('h3', { id: 'nearest-title' }, t('browse.nearestTitle', { city: city.name })),
      h('ul', { class: 'mu-cards' }, near.slice(0, 6).map((m) => card(m, m.myTicket, 'h4'))),
      h('p', null, h('button', {
        type: 'button', class: 'small', id: 'nearest-widen',
        onclick: () => { $('near').checked = true; $('radius').disabled = false; $('radius').value = '1000'; page = 0; load(); },
      }, t('browse.nearestWiden')))));
  } catch {
    // a suggestion only: the empty list above already says what to do
  }
}

async function loadMine() {
  const box = $('my-list');
  try {
    const answer = await api.get('my/meetups', { page: 0, size: 20 });
    // Each item is {meetup: View (with myTicket)}.
    const list = items(answer).map((it) => ({ m: it.meetup || it, ticket: it.ticket || (it.meetup || it).myTicket }));
    clear(box, list.length
      ? h('ul', { class: 'mu-cards', id: 'my-meetups' }, list.map(({ m, ticket }) => card(m, ticket)))
      : h('p', { class: 'muted' }, t('browse.mineNone')));
  } catch (e) {
    clear(box, h('p', { class: 'alert error', role: 'alert' }, errorContent(e)));
  }
}

function showCalendar(url) {
  $('my-calendar').hidden = false;
  $('my-calendar-url').value = url;
  const live = message;
  clear($('my-calendar-actions'),
    copyButton(url, live),
    h('a', { class: 'button small', href: url.replace(/^https?:/i, 'webcal:'), id: 'my-calendar-webcal' }, t('browse.myCalendarOpen')),
    h('button', {
      type: 'button', class: 'small', id: 'my-calendar-reset',
      onclick: async () => {
        try {
          const answer = await api.post('my/calendar/reset');
          showCalendar(answer.url);
          say(message, t('browse.myCalendarResetDone'), 'success');
        } catch (e) {
          sayError(message, e);
        }
      },
    }, t('browse.myCalendarReset')));
}

$('my-calendar-show').addEventListener('click', async () => {
  try {
    showCalendar((await api.get('my/calendar')).url);
    $('my-calendar-url').select();
  } catch (e) {
    sayError(message, e);
  }
});

/** Moves focus to a heading (tabindex=-1) and scrolls its box (the heading itself, or the card around it) to the top. */
function goTo(heading, box = heading) {
  box.scrollIntoView({ block: 'start' });
  heading.focus({ preventScroll: true });
}

// On a phone the form comes after the list: the "Filters" link above the list leads to it (the address keeps the
// filters, so the link does not change it); after "Show meetups" the reader is taken back to the list when it is out
// of view. On a wide screen the form stands beside the list and focus stays where it is.
$('filters-jump').addEventListener('click', (e) => {
  e.preventDefault();
  goTo($('filters-title'), form);
});

$('near').addEventListener('change', () => { $('radius').disabled = !$('near').checked; });
form.addEventListener('submit', (e) => {
  e.preventDefault();
  page = 0;
  load();
  const list = $('list-title').getBoundingClientRect();
  if (list.top < 0 || list.bottom > window.innerHeight) goTo($('list-title'));
});

async function init() {
  const saved = readHash();
  $('from').value = saved.from ?? today();
  $('to').value = saved.to || '';
  $('kind').value = saved.kind || '';
  $('tag').value = saved.tag || '';
  $('near').checked = saved.near === 'true';
  $('radius').disabled = !$('near').checked;
  if (saved.radiusKm) $('radius').value = saved.radiusKm;
  page = Number(saved.page || 0);

  try {
    me = await loadMe();
  } catch (e) {
    sayError(message, e);
  }
  const mine = myCities(me);
  picker.setPreset(mine);
  if (!mine.length) {
    try {
      picker.setFound(items(await api.get('/api/cities', { size: 20 })));
    } catch (e) {
      sayError(message, e);
    }
  }
  if (saved.city && !picker.select(saved.city)) {
    try {
      const city = await api.get(`/api/cities/${encodeURIComponent(saved.city)}`);
      picker.setFound([city]);
      picker.select(city.id);
    } catch {
      /* an unknown city: keep the default */
    }
  }

  if (me) {
    $('mine').hidden = false;
    loadMine();
  } else {
    const hint = $('login-hint');
    clear(hint, loginPrompt(t('browse.loginHint')));
    hint.hidden = false;
  }
  load();
}

init();
