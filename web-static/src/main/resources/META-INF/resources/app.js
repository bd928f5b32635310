// The shell: header, navigation (core + plugin entries), language switch, hash router.

import { initI18n, setLocale, getLocale, chosenLanguage, t, addMessages, LANGUAGES } from './i18n.js';
import { api, getToken, loadMe, currentMe, updateMe, onMeChange, onUnauthorized, logout, isOrganiser } from './api.js';
import { h, clear, errorPanel, loading, announce } from './ui.js';

const routes = [
  ['/', () => import('./pages/home.js')],
  ['/login', () => import('./pages/login.js')],
  ['/signup', () => import('./pages/signup.js')],
  ['/me', () => import('./pages/me.js')],
  ['/me/points', () => import('./pages/points.js')],
  ['/me/notifications', () => import('./pages/notifications.js')],
  ['/me/settings', () => import('./pages/settings.js')],
  ['/members/:handle', () => import('./pages/member.js')],
  ['/cities', () => import('./pages/cities.js')],
  ['/cities/:id', () => import('./pages/city.js')],
  ['/leaderboard', () => import('./pages/leaderboard.js')],
  ['/rewards', () => import('./pages/rewards.js')],
  ['/rounds', () => import('./pages/rounds.js')],
  ['/rounds/new', () => import('./pages/round-edit.js')],
  ['/rounds/:id', () => import('./pages/round.js')],
  ['/rounds/:id/edit', () => import('./pages/round-edit.js')],
  ['/admin', () => import('./pages/admin-members.js')],
  ['/admin/members/:handle', () => import('./pages/admin-member.js')],
  ['/admin/cities', () => import('./pages/admin-cities.js')],
  ['/admin/plugins', () => import('./pages/admin-plugins.js')],
  ['/admin/backups', () => import('./pages/admin-backups.js')],
  ['/api-reference', () => import('./pages/api-reference.js')],
].map(([pattern, load]) => ({
  pattern,
  load,
  regex: new RegExp(`^${pattern.replace(/:(\w+)/g, '(?<$1>[^/]+)')}/?$`),
}));

// Plugin pages: #/p/<plugin>/<page> and #/p/<plugin>/<page>/<arg>, from /plugins/<plugin>/pages/<page>.js.
const PLUGIN_ROUTE = /^\/p\/([a-z0-9-]+)\/([a-z0-9-]+)(?:\/([^/]+))?\/?$/;
const appBase = new URL('./', import.meta.url);

const main = document.getElementById('main');
let pluginEntries = [];
let pluginsLoading = null;
const catalogues = new Map();
let currentPage = null;
let renderSeq = 0;
let firstRender = true;

function parseHash() {
  const raw = location.hash.replace(/^#/, '') || '/';
  const [path, qs = ''] = raw.split('?');
  return { path: path || '/', query: Object.fromEntries(new URLSearchParams(qs)) };
}

export function navigate(hash) {
  if (location.hash === hash) route();
  else location.hash = hash;
}

function goLogin() {
  const here = location.hash || '#/';
  if (here.startsWith('#/login')) return;
  navigate(`#/login?next=${encodeURIComponent(here)}`);
}

// ---- header ----

function navLink(name, href, label, extra) {
  return h('li', null, h('a', { href, dataset: { testid: `nav-${name}` } }, label, extra || null));
}

/** What awaits the member in a plugin (e.g. proposals for an organiser), filled in beside its entry when above 0. */
function awaitingCount(p) {
  const slot = h('span', { dataset: { testid: `nav-count-${p.pluginId}` } });
  api.get(p.countUrl).then((page) => {
    const n = page && typeof page.total === 'number' ? page.total : 0;
    if (n > 0) {
      clear(slot, ' ', h('span', { class: 'count' }, h('span', { 'aria-hidden': 'true' }, n > 99 ? '99+' : String(n)),
        h('span', { class: 'sr-only' }, t('nav.awaiting', { count: n }))));
    }
  }).catch(() => { /* not for this member (e.g. only organisers review proposals) */ });
  return slot;
}

function renderNav() {
  const me = currentMe();
  const mainList = document.getElementById('nav-main');
  clear(mainList,
    navLink('home', '#/', t('nav.home')),
    navLink('rounds', '#/rounds', t('nav.rounds')),
    navLink('cities', '#/cities', t('nav.cities')),
    navLink('leaderboard', '#/leaderboard', t('nav.leaderboard')),
    navLink('rewards', '#/rewards', t('nav.rewards')),
    pluginEntries.map((p) => h('li', null, h('a', { href: p.href, dataset: { testid: `nav-plugin-${p.pluginId}` } },
      p.icon && /[^\x00-\x7F]/.test(p.icon) && p.icon.length <= 4 ? h('span', { 'aria-hidden': 'true', class: 'nav-icon' }, `${p.icon} `) : null,
      pluginLabel(p), me && p.countUrl ? awaitingCount(p) : null))));
  const account = document.getElementById('nav-account');
  if (me) {
    const unread = Number(me.unreadNotifications || 0);
    clear(account,
      navLink('notifications', '#/me/notifications', t('nav.notifications'),
        unread > 0 ? h('span', { class: 'count', dataset: { testid: 'unread-count' } },
          h('span', { 'aria-hidden': 'true' }, unread > 99 ? '99+' : String(unread)),
          h('span', { class: 'sr-only' }, t('nav.unread', { count: unread }))) : null),
      navLink('me', '#/me', t('nav.me')),
      me.admin ? navLink('admin', '#/admin', t('nav.admin')) : null,
      h('li', null, h('button', { type: 'button', class: 'linklike', dataset: { testid: 'nav-logout' }, onclick: doLogout }, t('nav.logout'))));
  } else {
    clear(account,
      navLink('login', '#/login', t('nav.login')),
      navLink('signup', '#/signup', t('nav.signup')));
  }
  markCurrent();
}

function pluginLabel(p) {
  const l = p.label;
  if (!l || typeof l === 'string') return l || p.pluginId;
  const loc = getLocale();
  return l[loc] || l[loc.split('-')[0]] || l.en || Object.values(l)[0] || p.pluginId;
}

function markCurrent() {
  const { path } = parseHash();
  const links = [...document.querySelectorAll('#site-nav a')].filter((a) => (a.getAttribute('href') || '').startsWith('#'));
  const isOn = (p) => (p === '/' ? path === '/' : (path === p || (path.startsWith(`${p}/`) && !(p === '/me' && path !== '/me'))));
  const on = new Set(links.filter((a) => isOn(a.getAttribute('href').slice(1))));
  // On any page of a plugin, its first entry is current unless one of its entries matches exactly.
  const plugin = /^\/p\/([a-z0-9-]+)\//.exec(path);
  if (plugin && on.size === 0) {
    const first = links.find((a) => a.getAttribute('href').startsWith(`#/p/${plugin[1]}/`));
    if (first) on.add(first);
  }
  links.forEach((a) => {
    if (on.has(a)) a.setAttribute('aria-current', 'page');
    else a.removeAttribute('aria-current');
  });
}

/** Fetch the plugin navigation entries again (after a plugin is enabled, disabled or rescanned). */
export function refreshPluginNavigation() {
  return loadPlugins();
}

function loadPlugins() {
  pluginsLoading = fetchPlugins();
  return pluginsLoading;
}

async function fetchPlugins() {
  try {
    const list = await api.get('/api/ui/navigation');
    pluginEntries = Array.isArray(list) ? list.filter((p) => p && p.pluginId && p.href && /^(\/|https?:|#\/p\/)/.test(p.href)) : [];
  } catch {
    pluginEntries = [];
  }
  renderNav();
}

// ---- plugin pages ----

function pluginActive(id) {
  return pluginEntries.some((p) => p.pluginId === id);
}

async function fetchCatalogue(plugin, code) {
  try {
    const res = await fetch(new URL(`plugins/${plugin}/messages/${code}.json`, appBase), { headers: { Accept: 'application/json' } });
    if (!res.ok) return null;
    const map = await res.json();
    return map && typeof map === 'object' && !Array.isArray(map) ? map : null;
  } catch {
    return null;
  }
}

/** Loads a plugin's messages for the current language (English under it), once per plugin and language. */
function loadCatalogue(plugin) {
  const code = getLocale();
  const key = `${plugin} ${code}`;
  if (!catalogues.has(key)) {
    catalogues.set(key, (async () => {
      const [en, local] = await Promise.all([fetchCatalogue(plugin, 'en'), code === 'en' ? null : fetchCatalogue(plugin, code)]);
      if (en) addMessages('en', en, plugin);
      if (local) addMessages(code, local, plugin);
    })());
  }
  return catalogues.get(key);
}

/** The page module of a plugin, or {reason: 'inactive' | 'failed'}. */
async function loadPluginPage(plugin, pageName) {
  if (!pluginsLoading) loadPlugins();
  await pluginsLoading;
  if (!pluginActive(plugin)) {
    // It may have been enabled since the navigation was fetched.
    await loadPlugins();
    if (!pluginActive(plugin)) return { reason: 'inactive' };
  }
  await loadCatalogue(plugin);
  try {
    const page = (await import(new URL(`plugins/${plugin}/pages/${pageName}.js`, appBase).href)).default;
    if (!page || typeof page.render !== 'function') return { reason: 'failed' };
    return { page };
  } catch (e) {
    console.error(e);
    return { reason: 'failed' };
  }
}

function pluginName(id) {
  const entry = pluginEntries.find((p) => p.pluginId === id);
  return entry ? pluginLabel(entry) : id;
}

/** A page inside the shell when a plugin page cannot be shown: never a bare 404. */
function pluginUnavailable(view, plugin, reason) {
  clear(view, h('div', { dataset: { testid: 'plugin-unavailable' } },
    h('h1', { tabindex: '-1' }, t('plugin.unavailable.title')),
    h('p', null, reason === 'inactive'
      ? t('plugin.unavailable.text', { plugin: pluginName(plugin) })
      : t('plugin.unavailable.failed', { plugin: pluginName(plugin) })),
    h('p', null, h('a', { href: '#/' }, t('plugin.unavailable.home')))));
}

function decodeSegment(s) {
  try {
    return decodeURIComponent(s);
  } catch {
    return null;
  }
}

async function doLogout() {
  await logout();
  announce(t('auth.loggedOut'));
  navigate('#/');
}

function renderStatic() {
  const langSelect = document.getElementById('lang-select');
  document.getElementById('lang-label').textContent = t('nav.language');
  clear(langSelect, LANGUAGES.map((l) => h('option', { value: l.code, lang: l.code, selected: l.code === getLocale() }, l.name)));
  document.getElementById('menu-toggle').textContent = t('nav.menu');
  document.getElementById('skip-link').textContent = t('nav.skip');
  document.getElementById('site-nav').setAttribute('aria-label', t('nav.label'));
  clear(document.getElementById('site-footer'),
    h('p', null, t('footer.text')),
    h('p', null, h('a', { href: '#/api-reference', dataset: { testid: 'footer-api' } }, t('footer.api'))));
  renderNav();
}

function setMenu(open) {
  const toggle = document.getElementById('menu-toggle');
  toggle.setAttribute('aria-expanded', String(open));
  document.getElementById('site-nav').classList.toggle('open', open);
}

// ---- router ----

async function route() {
  const seq = ++renderSeq;
  const { path, query } = parseHash();
  setMenu(false);
  markCurrent();
  if (path === '/' && !firstRender) loadPlugins();
  const pm = PLUGIN_ROUTE.exec(path);
  const found = pm ? null : routes.map((r) => ({ r, m: r.regex.exec(path) })).find((x) => x.m);
  const view = h('div', { class: 'view' });
  const arg = pm && pm[3] !== undefined ? decodeSegment(pm[3]) : null;
  const groups = found ? Object.entries(found.m.groups || {}).map(([k, v]) => [k, decodeSegment(v)]) : [];
  if ((!pm && !found) || (pm && pm[3] !== undefined && arg === null) || groups.some(([, v]) => v === null)) {
    clear(main, view);
    view.append(h('h1', { tabindex: '-1' }, t('notFound.title')), h('p', null, t('notFound.text')), h('p', null, h('a', { href: '#/' }, t('notFound.home'))));
    finish(view);
    return;
  }
  let params;
  let page;
  if (pm) {
    params = { plugin: pm[1], page: pm[2], arg };
    const loaded = await loadPluginPage(params.plugin, params.page);
    if (seq !== renderSeq) return;
    if (!loaded.page) {
      currentPage = null;
      clear(main, view);
      pluginUnavailable(view, params.plugin, loaded.reason);
      finish(view);
      return;
    }
    page = loaded.page;
  } else {
    params = Object.fromEntries(groups);
    try {
      page = (await found.r.load()).default;
    } catch {
      clear(main, errorPanel({ userMessage: t('error.loadPage') }));
      return;
    }
  }
  if (seq !== renderSeq) return;
  currentPage = page;
  if (page.auth && !getToken()) {
    goLogin();
    return;
  }
  if (getToken()) await loadMe();
  if (seq !== renderSeq) return;
  const me = currentMe();
  if (page.auth && !me) {
    goLogin();
    return;
  }
  clear(main, view);
  const spinner = loading();
  view.append(spinner);
  const ctx = {
    view, params, query, me, path,
    navigate,
    refreshMe: loadMe,
    isCurrent: () => seq === renderSeq,
    isOrganiser: () => isOrganiser(currentMe()),
  };
  if ((page.admin && !(me && me.admin)) || (page.organiser && !isOrganiser(me))) {
    clear(view, h('h1', { tabindex: '-1' }, t('forbidden.title')), h('p', null, page.admin ? t('forbidden.adminText') : t('forbidden.text')));
    finish(view);
    return;
  }
  try {
    await page.render(ctx);
  } catch (e) {
    if (seq !== renderSeq) return;
    if (e && e.status === 401) {
      goLogin();
      return;
    }
    clear(view, h('h1', { tabindex: '-1' }, t('error.title')), errorPanel(e && e.userMessage ? e : { userMessage: t('error.unexpected') }));
    if (!(e && e.userMessage)) console.error(e);
  }
  spinner.remove();
  if (seq === renderSeq) finish(view);
}

function finish(view) {
  const h1 = view.querySelector('h1');
  document.title = h1 ? `${h1.textContent} · Popcorn` : 'Popcorn';
  if (!firstRender && h1) {
    h1.setAttribute('tabindex', '-1');
    h1.focus({ preventScroll: false });
  }
  firstRender = false;
}

// ---- the member's language: notifications and e-mails are written in it ----

/** A device's own choice wins and is remembered for the member; a device without one reads in the member's language. */
async function followMembersLanguage(me) {
  if (!me || !me.language) return;
  if (chosenLanguage()) {
    rememberLanguage(me);
  } else if (me.language !== getLocale()) {
    await setLocale(me.language);
    renderStatic();
    await route();
  }
}

function rememberLanguage(me) {
  const code = getLocale();
  if (!me || me.language === code) return;
  api.patch('/api/me', { language: code }).then(updateMe).catch(() => { /* the next change of member tries again */ });
}

// ---- start ----

async function start() {
  await initI18n();
  renderStatic();
  onMeChange(renderNav);
  onMeChange(followMembersLanguage);
  onUnauthorized(() => {
    renderNav();
    if (currentPage && currentPage.auth) goLogin();
  });
  document.getElementById('lang-select').addEventListener('change', async (e) => {
    await setLocale(e.target.value);
    rememberLanguage(currentMe());
    renderStatic();
    await route();
    announce(t('nav.languageChanged'));
    document.getElementById('lang-select').focus();
  });
  document.getElementById('menu-toggle').addEventListener('click', () => {
    setMenu(document.getElementById('menu-toggle').getAttribute('aria-expanded') !== 'true');
  });
  document.addEventListener('keydown', (e) => {
    if (e.key === 'Escape' && document.getElementById('site-nav').classList.contains('open')) {
      setMenu(false);
      document.getElementById('menu-toggle').focus();
    }
  });
  document.getElementById('skip-link').addEventListener('click', (e) => {
    e.preventDefault();
    main.focus();
  });
  window.addEventListener('hashchange', route);
  // Pages fire this (without importing the shell) when plugin navigation may have changed.
  window.addEventListener('popcorn:plugins-changed', () => {
    catalogues.clear();
    loadPlugins();
  });
  loadPlugins();
  await route();
}

start();
