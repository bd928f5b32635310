// Messages, locale choice and Intl formatting.
// Adding a language: add messages/<code>.json and one entry to LANGUAGES.

export const LANGUAGES = [
  { code: 'en', name: 'English' },
  { code: 'zh-CN', name: '简体中文' },
];

const STORE_KEY = 'popcorn.lang';
let locale = 'en';
let messages = {};
let fallback = {};
// Messages added at run time (plugin catalogues), per language: {code: {key: message}}. Core keys win over them.
const added = {};

async function loadMessages(code) {
  const res = await fetch(new URL(`./messages/${code}.json`, import.meta.url));
  if (!res.ok) throw new Error(`messages ${code}: ${res.status}`);
  return res.json();
}

/** The best supported language for a list of BCP 47 tags (exact, then same base language), else English. */
export function matchLanguage(tags) {
  const codes = LANGUAGES.map((l) => l.code);
  for (const tag of tags || []) {
    if (!tag) continue;
    const exact = codes.find((c) => c.toLowerCase() === tag.toLowerCase());
    if (exact) return exact;
    const base = tag.split('-')[0].toLowerCase();
    const sameBase = codes.find((c) => c.split('-')[0].toLowerCase() === base);
    if (sameBase) return sameBase;
  }
  return 'en';
}

function storedLanguage() {
  try {
    const v = localStorage.getItem(STORE_KEY);
    return LANGUAGES.some((l) => l.code === v) ? v : null;
  } catch {
    return null;
  }
}

/** The language chosen on this device, or null when the app follows the browser. */
export function chosenLanguage() {
  return storedLanguage();
}

export async function initI18n() {
  const wanted = storedLanguage() || matchLanguage(navigator.languages || [navigator.language]);
  fallback = await loadMessages('en');
  await applyLocale(wanted);
}

async function applyLocale(code) {
  try {
    messages = code === 'en' ? fallback : await loadMessages(code);
    locale = code;
  } catch {
    messages = fallback;
    locale = 'en';
  }
  document.documentElement.lang = locale;
}

/** Switch language and remember the choice. */
export async function setLocale(code) {
  try {
    localStorage.setItem(STORE_KEY, code);
  } catch {
    /* private mode: the choice lasts this page only */
  }
  await applyLocale(code);
}

/**
 * Adds messages for a language (a plugin's catalogue). With a prefix, each key is stored as `<prefix>.<key>`.
 * A later call replaces the same keys. Keys the core defines keep the core's message.
 */
export function addMessages(code, map, prefix = '') {
  if (!code || !map || typeof map !== 'object') return;
  const into = added[code] || (added[code] = {});
  for (const [k, v] of Object.entries(map)) {
    if (typeof v === 'string' || (v && typeof v === 'object' && !Array.isArray(v))) into[prefix ? `${prefix}.${k}` : k] = v;
  }
}

function lookup(key) {
  return messages[key] ?? added[locale]?.[key] ?? fallback[key] ?? added.en?.[key];
}

export function getLocale() {
  return locale;
}

/**
 * The message for a key, with {name} placeholders filled. A message may be an object of plural forms
 * ({"one": ..., "other": ...}) chosen by params.count. Missing keys fall back to English, then to the key.
 */
export function t(key, params = {}) {
  let m = lookup(key);
  if (m == null) return key;
  if (typeof m === 'object') {
    const cat = new Intl.PluralRules(locale).select(Number(params.count ?? 0));
    m = m[cat] ?? m.other ?? '';
  }
  if (typeof m !== 'string') m = String(m);
  return m.replace(/\{(\w+)\}/g, (all, name) => {
    if (!(name in params)) return all;
    const v = params[name];
    return typeof v === 'number' ? formatNumber(v) : String(v);
  });
}

/** True when the key has a message (used for optional translations of server codes). */
export function has(key) {
  return lookup(key) != null;
}

export function formatNumber(n, opts) {
  if (n == null || Number.isNaN(Number(n))) return '–';
  return new Intl.NumberFormat(locale, opts).format(n);
}

export function formatPercent(x) {
  return formatNumber(x, { style: 'percent', maximumFractionDigits: 1 });
}

export function viewerZone() {
  return Intl.DateTimeFormat().resolvedOptions().timeZone;
}

function validZone(zone) {
  if (!zone) return undefined;
  try {
    new Intl.DateTimeFormat('en', { timeZone: zone });
    return zone;
  } catch {
    return undefined;
  }
}

/** Date and time of an ISO instant, in a time zone (the viewer's by default), with the zone's short name. */
export function formatDateTime(iso, zone, { withZone = true, style = 'medium' } = {}) {
  if (!iso) return '–';
  const d = new Date(iso);
  if (Number.isNaN(d.getTime())) return String(iso);
  const opts = { dateStyle: style, timeStyle: 'short', timeZone: validZone(zone) };
  if (!withZone) return new Intl.DateTimeFormat(locale, opts).format(d);
  // dateStyle cannot be combined with timeZoneName: build it from parts.
  const date = new Intl.DateTimeFormat(locale, opts).format(d);
  const tzName = new Intl.DateTimeFormat(locale, { timeZone: validZone(zone), timeZoneName: 'short' })
    .formatToParts(d).find((p) => p.type === 'timeZoneName');
  return tzName ? `${date} ${tzName.value}` : date;
}

/** Short label for a chart axis: day and month over long spans, else hour and minute. */
export function formatAxis(iso, zone, longSpan) {
  const d = new Date(iso);
  if (Number.isNaN(d.getTime())) return String(iso);
  const opts = longSpan ? { month: 'short', day: 'numeric' } : { hour: 'numeric', minute: '2-digit' };
  return new Intl.DateTimeFormat(locale, { ...opts, timeZone: validZone(zone) }).format(d);
}

export function formatDate(iso, zone) {
  if (!iso) return '–';
  const d = new Date(iso);
  if (Number.isNaN(d.getTime())) return String(iso);
  return new Intl.DateTimeFormat(locale, { dateStyle: 'medium', timeZone: validZone(zone) }).format(d);
}

/** Whether an instant reads the same on the wall clock in two zones. */
export function sameWallTime(iso, zoneA, zoneB) {
  const d = new Date(iso);
  const f = (z) => new Intl.DateTimeFormat('en', {
    timeZone: validZone(z), year: 'numeric', month: 'numeric', day: 'numeric', hour: 'numeric', minute: 'numeric',
  }).format(d);
  return f(zoneA) === f(zoneB);
}

/** Offset in minutes of a zone at an instant (UTC+8 = 480). */
function zoneOffset(ms, zone) {
  const parts = new Intl.DateTimeFormat('en-US', {
    timeZone: zone, hourCycle: 'h23', year: 'numeric', month: 'numeric', day: 'numeric',
    hour: 'numeric', minute: 'numeric', second: 'numeric',
  }).formatToParts(new Date(ms));
  const get = (t) => Number(parts.find((p) => p.type === t).value);
  const asUtc = Date.UTC(get('year'), get('month') - 1, get('day'), get('hour'), get('minute'), get('second'));
  return Math.round((asUtc - ms) / 60000);
}

/** "2026-03-12T19:00" read as wall time in zone → ISO instant. */
export function wallTimeToInstant(local, zone) {
  if (!local) return null;
  const [date, time = '00:00'] = local.split('T');
  const [y, mo, d] = date.split('-').map(Number);
  const [h, mi] = time.split(':').map(Number);
  const guess = Date.UTC(y, mo - 1, d, h, mi);
  const z = validZone(zone) || viewerZone();
  let ms = guess - zoneOffset(guess, z) * 60000;
  ms = guess - zoneOffset(ms, z) * 60000;
  return new Date(ms).toISOString();
}

/** ISO instant → "2026-03-12T19:00" wall time in zone (for datetime-local inputs). */
export function instantToWallTime(iso, zone) {
  if (!iso) return '';
  const d = new Date(iso);
  if (Number.isNaN(d.getTime())) return '';
  const z = validZone(zone) || viewerZone();
  const local = new Date(d.getTime() + zoneOffset(d.getTime(), z) * 60000);
  return local.toISOString().slice(0, 16);
}

/** City name in the current language when the city lists one (Chinese names among otherNames). */
export function cityName(city) {
  if (!city) return '';
  if (locale.startsWith('zh') && Array.isArray(city.otherNames)) {
    const zh = city.otherNames.find((n) => /[\u4e00-\u9fff]/.test(n));
    if (zh) return zh;
  }
  return city.name;
}

export function countryName(code) {
  if (!code) return '';
  try {
    return new Intl.DisplayNames([locale], { type: 'region' }).of(code) || code;
  } catch {
    return code;
  }
}
