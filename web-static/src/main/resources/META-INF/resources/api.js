// JSON client for the Popcorn API: bearer token, problem+json errors, the signed-in member.

import { t, has, getLocale } from './i18n.js';

const TOKEN_KEY = 'popcorn.token';
const base = new URL('./', import.meta.url);

/** An error answer (RFC 9457 problem) or a network failure (status 0). */
export class ApiError extends Error {
  constructor(status, problem = {}, retryAfter = null) {
    super(problem.detail || problem.title || `HTTP ${status}`);
    this.status = status;
    this.title = problem.title || '';
    this.detail = problem.detail || '';
    this.field = problem.field || null;
    this.errors = Array.isArray(problem.errors) ? problem.errors : [];
    this.code = problem.code || null;
    this.retryAfter = retryAfter;
  }

  /**
   * The problem in the reader's language, looked up by its stable code: core codes in the core catalogue
   * ("problem.<code>"), a plugin's ("<plugin>.<what>") in that plugin's ("<plugin>.problems.<what>"). English readers
   * get the server's own detail, which names the exact values; null when no translation is known.
   */
  get translated() {
    if (!this.code || getLocale() === 'en') return null;
    if (has(`problem.${this.code}`)) return t(`problem.${this.code}`);
    const dot = this.code.indexOf('.');
    const key = `${this.code.slice(0, dot)}.problems.${this.code.slice(dot + 1)}`;
    return dot > 0 && has(key) ? t(key) : null;
  }

  /** What to say about the field at fault (translated when possible). */
  get fieldMessage() {
    return this.translated || this.detail;
  }

  /** A sentence for people: never raw JSON. */
  get userMessage() {
    if (this.status === 0) return t('error.network');
    const translated = this.translated;
    if (this.status === 429) {
      const base = translated || this.detail || t('error.tooMany');
      if (this.retryAfter == null || (!translated && this.detail && this.detail.includes(String(this.retryAfter)))) return base;
      return `${base} ${t('error.retryAfter', { seconds: this.retryAfter })}`;
    }
    if (this.status >= 500) return getLocale() === 'en' ? this.detail || t('error.server') : t('error.server');
    return translated || this.detail || this.title || t('error.generic', { status: this.status });
  }
}

export function getToken() {
  try {
    return localStorage.getItem(TOKEN_KEY);
  } catch {
    return null;
  }
}

export function setToken(token) {
  try {
    if (token) localStorage.setItem(TOKEN_KEY, token);
    else localStorage.removeItem(TOKEN_KEY);
  } catch {
    /* storage unavailable */
  }
}

function url(path, query) {
  const u = new URL(path.replace(/^\//, ''), base);
  for (const [k, v] of Object.entries(query || {})) {
    if (v !== undefined && v !== null && v !== '') u.searchParams.set(k, v);
  }
  return u;
}

let unauthorizedHandler = null;
/** Called when a request that carried a token answers 401 (expired or ended session). */
export function onUnauthorized(fn) {
  unauthorizedHandler = fn;
}

async function send(method, path, { query, body, raw = false, withStatus = false } = {}) {
  // the server names cities (and more) in the language the member chose, not the browser's
  const headers = { Accept: raw ? '*/*' : 'application/json', 'Accept-Language': getLocale() };
  const token = getToken();
  if (token) headers.Authorization = `Bearer ${token}`;
  if (body !== undefined) headers['Content-Type'] = 'application/json';
  let res;
  try {
    res = await fetch(url(path, query), { method, headers, body: body === undefined ? undefined : JSON.stringify(body) });
  } catch {
    throw new ApiError(0);
  }
  if (!res.ok) {
    let problem = {};
    const type = res.headers.get('Content-Type') || '';
    if (type.includes('json')) {
      try {
        problem = await res.json();
      } catch {
        problem = {};
      }
    }
    const ra = res.headers.get('Retry-After');
    const err = new ApiError(res.status, problem, ra != null && /^\d+$/.test(ra) ? Number(ra) : null);
    if (res.status === 401 && token) {
      setToken(null);
      if (unauthorizedHandler) unauthorizedHandler(err);
    }
    throw err;
  }
  if (raw) return res;
  const text = res.status === 204 ? '' : await res.text();
  const data = text ? JSON.parse(text) : null;
  return withStatus ? { status: res.status, data } : data;
}

export const api = {
  get: (path, query) => send('GET', path, { query }),
  post: (path, body) => send('POST', path, { body }),
  put: (path, body) => send('PUT', path, { body }),
  patch: (path, body) => send('PATCH', path, { body }),
  del: (path, body) => send('DELETE', path, { body }),
  /** GET returning the raw Response (for downloads). */
  raw: (path, query) => send('GET', path, { query, raw: true }),
};

/** POST answering {status, data}: for idempotent calls that say 201 (created) or 200 (already there). */
export const postWithStatus = (path, body) => send('POST', path, { body, withStatus: true });

// ---- the signed-in member ----

let me = null;
let mePromise = null;
const listeners = new Set();

export function currentMe() {
  return me;
}

export function onMeChange(fn) {
  listeners.add(fn);
}

function setMe(value) {
  me = value;
  listeners.forEach((fn) => fn(me));
}

/** Loads /api/me once per call when logged in (null when logged out). */
export async function loadMe() {
  if (!getToken()) {
    setMe(null);
    return null;
  }
  if (!mePromise) {
    mePromise = api.get('/api/me')
      .then((m) => { setMe(m); return m; })
      .catch((e) => {
        if (e.status === 401) setMe(null);
        return e.status === 401 ? null : me;
      })
      .finally(() => { mePromise = null; });
  }
  return mePromise;
}

export function updateMe(value) {
  setMe(value);
}

export async function login(loginName, password) {
  const session = await api.post('/api/auth/login', { login: loginName, password });
  setToken(session.token);
  await loadMe();
  return session;
}

export async function logout() {
  try {
    if (getToken()) await api.post('/api/auth/logout');
  } catch {
    /* the session may already be gone */
  }
  setToken(null);
  setMe(null);
}

export function clearSession() {
  setToken(null);
  setMe(null);
}

export function isOrganiser(m = me) {
  return !!m && (m.admin || (Array.isArray(m.organiserOf) && m.organiserOf.length > 0));
}
