/**
 * The Popcorn UI kit for plugin pages (stable for SDK 0.2: within 0.2 exports are only added, never changed or removed).
 *
 * A plugin page lives in its jar at `web/pages/<page>.js`, opens at `#/p/<plugin>/<page>` or
 * `#/p/<plugin>/<page>/<arg>` inside the app shell (header, navigation, language switch), and imports only this file:
 *
 *   import { pluginApi, t, h, clear } from '/kit.js';
 *   const api = pluginApi('quiz');
 *   export default {
 *     auth: true,                       // optional: log in first; also `admin: true`, `organiser: true`
 *     async render(ctx) {               // ctx: {view, params: {plugin, page, arg}, query, me, path, navigate,
 *       const items = await api.get('answers', { page: 0 });   //       refreshMe, isCurrent, isOrganiser}
 *       clear(ctx.view, h('h1', null, t('quiz.title')));
 *     },
 *   };
 *
 * `render` fills `ctx.view`, with one h1 and headings that never skip a level (an h2 before any h3; `h3.look-h2` and
 * `h2.look-h4` in /style.css give a heading another level's look). An ApiError it throws is shown as the page's error
 * (401: the login page).
 * Messages: the jar's `web/messages/<locale>.json` (en.json and zh-CN.json), keys written without the plugin
 * prefix; the shell loads them before the page and `t('<plugin>.<key>')` finds them (English when a key is missing).
 * These are the shell's own modules (same URLs, same instances): the session, language and helpers are shared.
 */

import { api } from './api.js';

export { api, ApiError, currentMe, isOrganiser, getToken } from './api.js';
export {
  t, getLocale, formatDateTime, formatDate, formatNumber, cityName, wallTimeToInstant, instantToWallTime, viewerZone,
} from './i18n.js';
export {
  h, clear, field, alertBox, clearErrors, showProblem, showAlert, errorPanel, loading, notice, pager, hashLink, announce,
  confirmDialog, table, num, uid,
} from './ui.js';
export { cityPicker, cityLabel } from './city-picker.js';

/**
 * The API of one plugin, under `/api/plugins/<pluginId>/`: paths are relative to it (a leading '/' is ignored).
 * Like `api`: get(path, query) with empty query values left out, post/put/patch/del(path, body); each answers the
 * JSON body (null for 204) or throws an ApiError (problem+json: status, detail, field, userMessage).
 */
export function pluginApi(pluginId) {
  if (!/^[a-z0-9-]+$/.test(String(pluginId))) throw new Error(`not a plugin id: ${pluginId}`);
  const at = (path = '') => `/api/plugins/${pluginId}/${String(path).replace(/^\/+/, '')}`;
  return Object.freeze({
    get: (path, query) => api.get(at(path), query),
    post: (path, body) => api.post(at(path), body),
    put: (path, body) => api.put(at(path), body),
    patch: (path, body) => api.patch(at(path), body),
    del: (path, body) => api.del(at(path), body),
  });
}
