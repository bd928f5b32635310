// Shared by the meetups pages: API calls (bearer token, problem+json), English and 简体中文 strings, DOM helpers,
// times in the meetup city's time zone, the page header and a small city picker. No build step, no dependencies.

import { SHARED_STRINGS } from './meetups-strings.js';

export const API = '/api/plugins/meetups/';
const TOKEN_KEY = 'popcorn.token';
const LANG_KEY = 'popcorn.lang';
export const LANGUAGES = [['en', 'English'], ['zh-CN', '简体中文']];

// ---- session and language ----

function stored(key) {
  try {
    return localStorage.getItem(key);
  } catch {
    return null;
  }
}

export function token() {
  return stored(TOKEN_KEY);
}

export const lang = (() => {
  const v = stored(LANG_KEY);
  if (LANGUAGES.some(([code]) => code === v)) return v;
  return (navigator.language || '').toLowerCase().startsWith('zh') ? 'zh-CN' : 'en';
})();

// ---- strings ----

const STRINGS = { en: { ...SHARED_STRINGS.en }, 'zh-CN': { ...SHARED_STRINGS['zh-CN'] } };

/** Adds a page's own strings: {en: {...}, 'zh-CN': {...}}. */
export function addStrings(more) {
  for (const [code, map] of Object.entries(more)) Object.assign(STRINGS[code] || (STRINGS[code] = {}), map);
}

/**
 * The string for a key in the current language (English when missing), {name} placeholders filled. A value may be
 * {one, other} plural forms, chosen by params.count.
 */
export function t(key, params = {}) {
  let s = STRINGS[lang][key] ?? STRINGS.en[key];
  if (s == null) return key;
  if (typeof s === 'object') s = s[new Intl.PluralRules(lang).select(Number(params.count ?? 0))] ?? s.other;
  return s.replace(/\{(\w+)\}/g, (all, name) => (name in params ? String(params[name]) : all));
}

/** Translates the static markup: data-t (text), data-t-label (aria-label), data-t-placeholder, data-t-alt. */
export function translate(root = document) {
  root.querySelectorAll('[data-t]').forEach((e) => { e.textContent = t(e.dataset.t); });
  root.querySelectorAll('[data-t-label]').forEach((e) => e.setAttribute('aria-label', t(e.dataset.tLabel)));
  root.querySelectorAll('[data-t-placeholder]').forEach((e) => e.setAttribute('placeholder', t(e.dataset.tPlaceholder)));
  root.querySelectorAll('[data-t-alt]').forEach((e) => e.setAttribute('alt', t(e.dataset.tAlt)));
}

// ---- DOM ----

/** h('a', {href, class, onclick, dataset: {testid}}, child...): text children are always text, never HTML. */
export function h(tag, props, ...children) {
  const el = document.createElement(tag);
  for (const [k, v] of Object.entries(props || {})) {
    if (v === undefined || v === null || v === false) continue;
    if (k === 'class') el.className = v;
    else if (k === 'dataset') Object.assign(el.dataset, v);
    else if (k.startsWith('on') && typeof v === 'function') el.addEventListener(k.slice(2), v);
    else if (['value', 'checked', 'selected', 'disabled', 'hidden'].includes(k)) el[k] = v;
    else el.setAttribute(k, v === true ? '' : v);
  }
  add(el, children);
  return el;
}

function add(el, children) {
  for (const c of children) {
    if (c === null || c === undefined || c === false) continue;
    if (Array.isArray(c)) add(el, c);
    else el.append(c instanceof Node ? c : document.createTextNode(String(c)));
  }
}

export function clear(el, ...children) {
  el.replaceChildren();
  add(el, children);
  return el;
}

export const $ = (id) => document.getElementById(id);

/** A link to the main app's login page. */
export function loginLink() {
  return h('a', { href: '/#/login', dataset: { testid: 'login-link' } }, t('common.login'));
}

/** "Log in to …": the login link, then the rest of the sentence (no space before Chinese text). */
export function loginPrompt(rest) {
  return [loginLink(), lang === 'en' ? ' ' : '', rest];
}

// ---- API ----

/**
 * An error answer (problem+json) or a network failure (status 0). Outside English its message is looked up by the
 * problem's stable code: the plugin's own codes in messages/<lang>.json ("problems.<what>"), the core's (sign-ups,
 * log-in, input checks) in the app's catalogue ("problem.<code>"); English readers get the server's detail.
 */
export class ApiError extends Error {
  constructor(status, problem = {}, catalogue = {}) {
    const code = problem.code || null;
    const local = code && lang !== 'en'
      ? catalogue[`problem.${code}`] ?? (code.startsWith('meetups.') ? catalogue[`problems.${code.slice('meetups.'.length)}`] : null)
      : null;
    const detail = local || problem.detail || '';
    super(detail || problem.title || (status === 0 ? t('common.network') : t('common.failed', { status })));
    this.status = status;
    this.code = code;
    this.detail = detail;
    this.field = problem.field || null;
    this.errors = Array.isArray(problem.errors) ? problem.errors : [];
  }
}

let problemCatalogue = null;

/** The problem messages in the reader's language: the core's and this plugin's, fetched once (empty in English). */
function problemMessages() {
  if (lang === 'en') return Promise.resolve({});
  if (!problemCatalogue) {
    const load = (url) => fetch(url, { headers: { Accept: 'application/json' } }).then((r) => (r.ok ? r.json() : {})).catch(() => ({}));
    problemCatalogue = Promise.all([load(`/messages/${lang}.json`), load(new URL(`messages/${lang}.json`, import.meta.url))])
      .then(([core, own]) => ({ ...core, ...own }));
  }
  return problemCatalogue;
}

/** A path under the plugin's API (or an absolute one), with the query's empty values left out. */
export function path(p, query = {}) {
  const url = new URL(p.startsWith('/') ? p : API + p, location.origin);
  for (const [k, v] of Object.entries(query)) {
    if (v !== undefined && v !== null && v !== '' && v !== false) url.searchParams.set(k, v);
  }
  return url.pathname + url.search;
}

async function send(method, p, body, accept = 'application/json') {
  const headers = { Accept: accept, 'Accept-Language': lang };
  const tk = token();
  if (tk) headers.Authorization = `Bearer ${tk}`;
  if (body !== undefined) headers['Content-Type'] = 'application/json';
  let res;
  try {
    res = await fetch(path(p), { method, headers, body: body === undefined ? undefined : JSON.stringify(body) });
  } catch {
    throw new ApiError(0);
  }
  if (!res.ok) {
    let problem = {};
    if ((res.headers.get('Content-Type') || '').includes('json')) problem = await res.json().catch(() => ({}));
    throw new ApiError(res.status, problem, await problemMessages());
  }
  return res;
}

/** JSON call: call('GET', 'meetups/1'), call('PUT', 'meetups/1/rsvp', {guests: 1}). Answers null for 204. */
export async function call(method, p, body) {
  const res = await send(method, p, body);
  const text = res.status === 204 ? '' : await res.text();
  return text ? JSON.parse(text) : null;
}

export const api = {
  get: (p, query) => call('GET', path(p, query)),
  post: (p, body) => call('POST', p, body),
  put: (p, body) => call('PUT', p, body),
  patch: (p, body) => call('PATCH', p, body),
  del: (p) => call('DELETE', p),
  /** A binary answer (the QR code) as a Blob, fetched with the Authorization header. */
  blob: async (p) => (await send('GET', p, undefined, 'image/png,*/*')).blob(),
};

/** The items of a list answer, whether {items: [...]} or a bare array. */
export function items(answer) {
  if (Array.isArray(answer)) return answer;
  return (answer && Array.isArray(answer.items)) ? answer.items : [];
}

/** The error's sentence for people; a 401 (or no token at all) adds a link to the login page. */
export function errorContent(err) {
  const text = err instanceof ApiError ? err.message : t('common.failed', { status: '?' });
  if (err && err.status === 401) return [token() ? t('common.loginExpired') : t('common.loginFirst'), lang === 'en' ? ' ' : '', loginLink()];
  return [text];
}

/** Shows a message in a live region element. kind: info | success | error | warn. Empty text hides it. */
export function say(box, content, kind = 'info') {
  clear(box, content);
  box.className = `alert ${kind}`;
  box.hidden = !content || (Array.isArray(content) && content.length === 0);
}

/** Shows an error in a box; with a form, marks the offending field (problem+json `field`) and focuses it. */
export function sayError(box, err, form) {
  if (form) {
    form.querySelectorAll('[aria-invalid]').forEach((c) => c.removeAttribute('aria-invalid'));
    form.querySelectorAll('.field-error').forEach((p) => p.remove());
    // each field at fault gets its message next to it (the problem's field, and every field of a validation answer)
    const faults = [...(err && err.errors ? err.errors : [])];
    if (err && err.field && !faults.some((f) => f.field === err.field)) faults.push({ field: err.field, message: err.detail || err.message });
    if (err && err.field && lang !== 'en') faults.forEach((f) => { if (f.field === err.field) f.message = err.detail || f.message; });
    let first = null;
    let placed = 0;
    for (const f of faults) {
      const control = form.querySelector(`[data-field="${CSS.escape(f.field)}"], [name="${CSS.escape(f.field)}"]`);
      if (!control) continue;
      const id = `${control.id || f.field}-error`;
      const p = h('p', { class: 'field-error', id, dataset: { testid: `field-error-${f.field}` } }, f.message);
      (control.closest('.field') || control.parentElement).append(p);
      control.setAttribute('aria-invalid', 'true');
      const ids = (control.getAttribute('aria-describedby') || '').split(' ').filter((x) => x && x !== id);
      control.setAttribute('aria-describedby', [...ids, id].join(' '));
      first = first || control;
      placed++;
    }
    if (first) first.focus();
    if (placed && placed === faults.length) {
      say(box, t('common.checkFields'), 'error');
      return;
    }
  }
  say(box, errorContent(err), 'error');
}

let mePromise = null;
/** The signed-in member from /api/me, or null when logged out (or the token no longer works). */
export function loadMe() {
  if (!token()) return Promise.resolve(null);
  if (!mePromise) {
    mePromise = api.get('/api/me').catch((e) => {
      if (e.status === 401) return null;
      throw e;
    });
  }
  return mePromise;
}

export function organises(me, cityId) {
  return !!me && (me.admin || (me.organiserOf || []).some((c) => Number(c.id) === Number(cityId)));
}

// ---- times ----

function zoneOrUndefined(zone) {
  if (!zone) return undefined;
  try {
    new Intl.DateTimeFormat('en', { timeZone: zone });
    return zone;
  } catch {
    return undefined;
  }
}

export const viewerZone = Intl.DateTimeFormat().resolvedOptions().timeZone;

/** "Thu, 24 Dec 2026, 19:00 GMT+8" in a zone (the viewer's when none). */
export function formatTime(iso, zone, withZoneName = true) {
  if (!iso) return '–';
  const d = new Date(iso);
  if (Number.isNaN(d.getTime())) return String(iso);
  return new Intl.DateTimeFormat(lang, {
    weekday: 'short', year: 'numeric', month: 'short', day: 'numeric', hour: 'numeric', minute: '2-digit',
    timeZone: zoneOrUndefined(zone), timeZoneName: withZoneName ? 'short' : undefined,
  }).format(d);
}

/** Hours and minutes only ("19:05"), in a zone. */
export function formatClock(iso, zone) {
  if (!iso) return '';
  return new Intl.DateTimeFormat(lang, { hour: 'numeric', minute: '2-digit', timeZone: zoneOrUndefined(zone) }).format(new Date(iso));
}

/** Whether an instant reads the same on the wall clock in the city's zone and the viewer's. */
export function sameWallTime(iso, zone) {
  const f = (z) => new Intl.DateTimeFormat('en', {
    timeZone: zoneOrUndefined(z), year: 'numeric', month: 'numeric', day: 'numeric', hour: 'numeric', minute: 'numeric',
  }).format(new Date(iso));
  return f(zone) === f(viewerZone);
}

/**
 * An instant shown in the meetup city's time zone (with the zone's name), and the viewer's own time after it when the
 * wall clocks differ.
 */
export function timeEl(iso, zone, testid) {
  if (!iso) return h('span', null, '–');
  return h('span', { class: 'mu-time', dataset: testid ? { testid } : undefined },
    h('time', { datetime: iso, title: zone ? t('common.zone', { zone }) : null }, formatTime(iso, zone)),
    zone && !sameWallTime(iso, zone)
      ? h('span', { class: 'muted mu-yours' }, ` (${t('common.yourTime', { time: formatTime(iso, viewerZone) })})`) : null);
}

/** Offset of a zone at an instant, in minutes (UTC+8 = 480). */
function zoneOffset(ms, zone) {
  const parts = new Intl.DateTimeFormat('en-US', {
    timeZone: zone, hourCycle: 'h23', year: 'numeric', month: 'numeric', day: 'numeric',
    hour: 'numeric', minute: 'numeric', second: 'numeric',
  }).formatToParts(new Date(ms));
  const get = (type) => Number(parts.find((p) => p.type === type).value);
  return Math.round((Date.UTC(get('year'), get('month') - 1, get('day'), get('hour'), get('minute'), get('second')) - ms) / 60000);
}

/** ISO instant → "2026-12-24T19:00" on the wall clock of zone (for datetime-local inputs). */
export function instantToLocal(iso, zone) {
  if (!iso) return '';
  const d = new Date(iso);
  if (Number.isNaN(d.getTime())) return '';
  const z = zoneOrUndefined(zone) || viewerZone;
  return new Date(d.getTime() + zoneOffset(d.getTime(), z) * 60000).toISOString().slice(0, 16);
}

/** Today's date (YYYY-MM-DD) on the viewer's clock. */
export function today() {
  return instantToLocal(new Date().toISOString(), viewerZone).slice(0, 10);
}

// ---- meetup bits shared by the pages ----

const STATUS_CLASS = {
  PUBLISHED: 'state-open', DRAFT: 'state-draft', PROPOSED: 'state-nominating', FINISHED: 'state-closed',
  CANCELLED: 'state-cancelled', REJECTED: 'state-cancelled',
};

export function statusBadge(status) {
  return h('span', { class: `badge ${STATUS_CLASS[status] || ''}`, dataset: { testid: 'meetup-status', status } }, t(`status.${status}`));
}

export function kindBadge(kind) {
  return kind ? h('span', { class: 'badge' }, t(`kind.${kind}`)) : null;
}

export function seatsText(m) {
  const parts = [t('seats.taken', { taken: m.taken ?? 0, capacity: m.capacity ?? 0 })];
  if (m.waitingParties) parts.push(t('seats.waiting', { count: m.waitingParties }));
  return parts.join(' · ');
}

/** My ticket of a meetup View, or null (a ticket left behind after leaving says NONE). */
export function activeTicket(ticket) {
  return ticket && ticket.status && ticket.status !== 'NONE' ? ticket : null;
}

/** Whether a meetup is over: finished by its hosts, or past its end. */
export function isOver(m) {
  return !!m && (m.status === 'FINISHED' || (m.endsAt && new Date(m.endsAt).getTime() <= Date.now()));
}

/**
 * "You are going", "You are #3 on the waiting list", … for a Ticket (null for none); once the meetup is over, what
 * happened: "You went", "You missed it", "You did not get a seat".
 */
export function ticketText(ticket, meetup = null) {
  if (!activeTicket(ticket)) return null;
  if (isOver(meetup)) {
    if (ticket.status !== 'CONFIRMED') return t('ticket.noSeat');
    return ticket.checkedInAt ? t('ticket.went') : t('ticket.missed');
  }
  if (ticket.status === 'CONFIRMED') {
    const guests = Math.max(0, (ticket.partySize || 1) - 1);
    const s = guests ? t('ticket.CONFIRMED.party', { guests }) : t('ticket.CONFIRMED');
    return ticket.checkedInAt ? `${s} · ${t('ticket.checkedIn')}` : s;
  }
  if (ticket.status === 'WAITING') return t('ticket.WAITING', { position: ticket.waitingPosition ?? '?' });
  return t(`ticket.${ticket.status}`);
}

export function tagList(tags) {
  if (!tags || !tags.length) return null;
  return h('ul', { class: 'tags mu-tags', 'aria-label': 'Tags' }, tags.map((tag) => h('li', { class: 'badge' }, `#${tag}`)));
}

/** Only http(s) addresses become links or images. */
export function safeUrl(u) {
  if (typeof u !== 'string') return null;
  const v = u.trim();
  // an http(s) address, or a path on this server (the demo's own pictures), never javascript: or //other-host
  return /^https?:\/\//i.test(v) || (v.startsWith('/') && !v.startsWith('//')) ? v : null;
}

/** Previous / next buttons for a list answer {page, size, total}; go(page) loads another page. */
export function pager(answer, go) {
  const page = answer.page || 0;
  const pages = Math.max(1, Math.ceil((answer.total || 0) / (answer.size || 20)));
  if (pages <= 1) return null;
  return h('nav', { class: 'pager', 'aria-label': t('common.pager') },
    h('button', { type: 'button', class: 'small', disabled: page <= 0, onclick: () => go(page - 1), dataset: { testid: 'page-prev' } }, t('common.prev')),
    h('span', null, t('common.page', { page: page + 1, pages })),
    h('button', { type: 'button', class: 'small', disabled: page + 1 >= pages, onclick: () => go(page + 1), dataset: { testid: 'page-next' } }, t('common.next')));
}

export function copyButton(text, live) {
  return h('button', {
    type: 'button', class: 'small',
    onclick: async () => {
      try {
        await navigator.clipboard.writeText(text);
        if (live) say(live, t('common.copied'), 'success');
      } catch {
        /* the text stays selectable in its field */
      }
    },
  }, t('common.copy'));
}

// ---- page header ----

/**
 * Fills <header id="site-header"> (brand, the meetups links, the language choice) and translates the static markup.
 * current: 'browse' | 'host' | null.
 */
export function initPage(current) {
  document.documentElement.lang = lang;
  const header = $('site-header');
  if (header) {
    const link = (key, href) => h('li', null, h('a', { href, 'aria-current': current === key ? 'page' : null, dataset: { testid: `nav-${key}` } }, t(`nav.${key}`)));
    const select = h('select', {
      id: 'lang-select',
      onchange: (e) => {
        try { localStorage.setItem(LANG_KEY, e.target.value); } catch { /* this page only */ }
        location.reload();
      },
    }, LANGUAGES.map(([code, name]) => h('option', { value: code, selected: code === lang }, name)));
    header.className = 'site-header';
    clear(header, h('div', { class: 'bar mu-bar' },
      h('a', { class: 'brand', href: '/' }, h('span', { 'aria-hidden': 'true' }, '🍿 '), t('nav.home')),
      h('nav', { class: 'mu-nav', 'aria-label': t('nav.label') }, h('ul', null, link('browse', 'index.html'), link('host', 'host.html'))),
      h('div', { class: 'lang-switch' }, h('label', { for: 'lang-select' }, t('nav.language')), select)));
    if (token()) showPendingProposals();
  }
  translate();
}

/** For organisers: how many proposals wait for them, beside "Host" on every meetups page (nothing for others). */
export async function showPendingProposals(count) {
  let n = count;
  if (n === undefined) {
    try {
      const page = await call('GET', path('proposals', { size: 1 }));
      n = page && typeof page.total === 'number' ? page.total : 0;
    } catch {
      return; // not an organiser, or logged out
    }
  }
  const link = document.querySelector('[data-testid=nav-host]');
  if (!link) return;
  clear(link, t('nav.host'), n > 0 ? [' ', h('span', { class: 'badge', dataset: { testid: 'pending-count' }, 'aria-label': t('nav.pending', { count: n }) }, String(n))] : null);
}

// ---- city picker ----

/**
 * A <select> of cities: the preset ones first (home city, cities I organise), then what the search box finds.
 * Answers {city (the chosen city object), cityId, setPreset(cities), select(id)}.
 */
export function cityPicker({ select, search, preset = [], onChange, searchable = true }) {
  const known = new Map();
  let presetList = [];
  let found = [];

  function render(keepId) {
    const opt = (c) => h('option', { value: c.id, selected: String(c.id) === String(keepId) }, c.label || c.name);
    const groups = [];
    if (presetList.length) groups.push(h('optgroup', { label: t('city.mine') }, presetList.map(opt)));
    const extra = found.filter((c) => !presetList.some((p) => p.id === c.id));
    if (extra.length) groups.push(h('optgroup', { label: t('city.found') }, extra.map(opt)));
    clear(select, groups);
    if (keepId != null && !select.value) select.value = String(keepId);
  }

  function remember(list) {
    list.forEach((c) => known.set(String(c.id), { ...(known.get(String(c.id)) || {}), ...c }));
  }

  const picker = {
    get cityId() { return select.value ? Number(select.value) : null; },
    get city() { return known.get(select.value) || null; },
    setPreset(list) {
      presetList = list;
      remember(list);
      render(select.value || (list[0] && list[0].id));
    },
    setFound(list) {
      found = list;
      remember(list);
      render(select.value || (list[0] && list[0].id));
    },
    select(id) {
      if (!known.has(String(id))) return false;
      render(id);
      return true;
    },
  };

  select.addEventListener('change', () => onChange && onChange(picker.city));
  if (search) {
    search.hidden = !searchable;
    const wrap = search.closest('.field');
    if (wrap) wrap.hidden = !searchable;
    let timer = null;
    let seq = 0;
    search.addEventListener('input', () => {
      clearTimeout(timer);
      timer = setTimeout(async () => {
        const q = search.value.trim();
        if (!q) return;
        const mine = ++seq;
        try {
          const answer = await api.get('/api/cities', { q, size: 10 });
          if (mine !== seq) return;
          const before = select.value;
          picker.setFound(items(answer));
          const first = found.find((c) => !presetList.some((p) => p.id === c.id));
          if (first) {
            select.value = String(first.id);
            if (select.value !== before && onChange) onChange(picker.city);
          }
        } catch {
          /* keep the list as it is */
        }
      }, 300);
    });
  }
  picker.setPreset(preset);
  return picker;
}

/** Home city first, then the cities I organise, labelled. */
export function myCities(me) {
  if (!me) return [];
  const out = [];
  if (me.homeCity) out.push({ ...me.homeCity, label: `${me.homeCity.name} (${t('city.home')})` });
  for (const c of me.organiserOf || []) {
    const at = out.findIndex((x) => x.id === c.id);
    if (at >= 0) out[at].label = `${c.name} (${t('city.home')}, ${t('city.organiser')})`;
    else out.push({ ...c, label: `${c.name} (${t('city.organiser')})` });
  }
  return out;
}
