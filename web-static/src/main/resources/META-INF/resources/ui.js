// Small DOM helpers shared by the pages. Text is always set as text (never parsed as HTML).

import { t, formatNumber } from './i18n.js';

/** h('a', {href, class, onclick, dataset: {testid}}, child...) */
export function h(tag, props, ...children) {
  const el = document.createElement(tag);
  if (props) {
    for (const [k, v] of Object.entries(props)) {
      if (v === undefined || v === null || v === false) continue;
      if (k === 'class') el.className = v;
      else if (k === 'dataset') Object.assign(el.dataset, v);
      else if (k === 'style' && typeof v === 'object') Object.assign(el.style, v);
      else if (k.startsWith('on') && typeof v === 'function') el.addEventListener(k.slice(2), v);
      else if (k === 'value' || k === 'checked' || k === 'selected' || k === 'disabled' || k === 'hidden') el[k] = v;
      else if (v === true) el.setAttribute(k, '');
      else el.setAttribute(k, v);
    }
  }
  append(el, children);
  return el;
}

function append(el, children) {
  for (const c of children) {
    if (c === null || c === undefined || c === false) continue;
    if (Array.isArray(c)) append(el, c);
    else el.append(c instanceof Node ? c : document.createTextNode(String(c)));
  }
}

export function clear(el, ...children) {
  el.replaceChildren();
  append(el, children);
  return el;
}

let idSeq = 0;
export function uid(prefix = 'f') {
  idSeq += 1;
  return `${prefix}-${idSeq}`;
}

/** A labelled form field. kind: input type, 'textarea' or 'select' (options: [{value,label}]). */
export function field({ id, name, label, type = 'text', value, hint, required, options, attrs = {}, kind }) {
  id = id || uid(name || 'f');
  const hintId = hint ? `${id}-hint` : null;
  let control;
  if (kind === 'textarea') {
    control = h('textarea', { id, name, required, ...attrs }, value ?? '');
  } else if (kind === 'select') {
    control = h('select', { id, name, required, ...attrs },
      (options || []).map((o) => h('option', { value: o.value, selected: String(o.value) === String(value ?? '') }, o.label)));
  } else if (type === 'checkbox') {
    control = h('input', { id, name, type, checked: !!value, ...attrs });
  } else {
    control = h('input', { id, name, type, value: value ?? '', required, ...attrs });
  }
  control.dataset.field = name || id;
  if (hintId) control.setAttribute('aria-describedby', hintId);
  const lab = h('label', { for: id }, label, required ? h('span', { class: 'req', 'aria-hidden': 'true' }, ' *') : null);
  const parts = type === 'checkbox'
    ? [h('div', { class: 'check' }, control, lab)]
    : [lab, control];
  return h('div', { class: 'field' }, parts, hint ? h('p', { class: 'hint', id: hintId }, hint) : null);
}

/** A form-level error box: role=alert, empty until used. */
export function alertBox() {
  return h('div', { class: 'alert error', role: 'alert', hidden: true });
}

/** Remove the messages left by showProblem. */
export function clearErrors(form) {
  form.querySelectorAll('.field-error').forEach((e) => e.remove());
  form.querySelectorAll('[aria-invalid]').forEach((c) => {
    c.removeAttribute('aria-invalid');
    const ids = (c.getAttribute('aria-describedby') || '').split(' ').filter((x) => x && !x.endsWith('-error'));
    if (ids.length) c.setAttribute('aria-describedby', ids.join(' '));
    else c.removeAttribute('aria-describedby');
  });
  form.querySelectorAll('.alert.error').forEach((a) => { a.hidden = true; a.textContent = ''; });
}

/** Show an ApiError in a form: field errors next to their fields, the rest in the form's alert box. */
export function showProblem(form, err, box = form.querySelector('.alert.error')) {
  clearErrors(form);
  const fieldErrors = [...(err.errors || [])];
  if (err.field && !fieldErrors.some((e) => e.field === err.field)) {
    fieldErrors.push({ field: err.field, message: err.fieldMessage || err.detail });
  }
  const unplaced = [];
  let first = null;
  for (const fe of fieldErrors) {
    const control = form.querySelector(`[data-field="${CSS.escape(fe.field || '')}"]`);
    if (!control) {
      unplaced.push(fe.message);
      continue;
    }
    const errId = `${control.id}-error`;
    let p = form.querySelector(`#${CSS.escape(errId)}`);
    if (!p) {
      p = h('p', { class: 'field-error', id: errId });
      const wrap = control.closest('.field') || control.parentElement;
      wrap.append(p);
    }
    p.textContent = p.textContent ? `${p.textContent} ${fe.message}` : fe.message;
    control.setAttribute('aria-invalid', 'true');
    const ids = (control.getAttribute('aria-describedby') || '').split(' ').filter(Boolean);
    if (!ids.includes(errId)) ids.push(errId);
    control.setAttribute('aria-describedby', ids.join(' '));
    first = first || control;
  }
  if (box) {
    const onlyFields = fieldErrors.length > 0 && unplaced.length === 0;
    box.textContent = onlyFields ? t('error.checkFields') : (unplaced.length ? unplaced.join(' ') : err.userMessage);
    if (err.status === 429 || err.status === 0 || err.status >= 500) box.textContent = err.userMessage;
    box.hidden = false;
  }
  if (first) first.focus();
}

/** Show a plain error message in an alert box. */
export function showAlert(box, message) {
  box.textContent = message;
  box.hidden = !message;
}

/** An error panel for a whole page or section. */
export function errorPanel(err, extra) {
  return h('div', { class: 'alert error', role: 'alert' }, err.userMessage || String(err), extra || null);
}

export function loading(label = t('common.loading')) {
  return h('p', { class: 'loading', role: 'status' }, label);
}

export function notice(text, cls = 'info') {
  return h('p', { class: `alert ${cls}` }, text);
}

/** Previous / next links for a paginated answer {page, size, total}. hrefFor(page) gives each link. */
export function pager(pageObj, hrefFor) {
  const { page = 0, size = 20, total = 0 } = pageObj || {};
  const pages = Math.max(1, Math.ceil(total / size));
  if (pages <= 1) return null;
  return h('nav', { class: 'pager', 'aria-label': t('pager.label') },
    page > 0 ? h('a', { href: hrefFor(page - 1), rel: 'prev' }, `← ${t('pager.prev')}`) : h('span', { class: 'disabled' }, `← ${t('pager.prev')}`),
    h('span', { class: 'pager-pos' }, t('pager.position', { page: page + 1, pages })),
    page + 1 < pages ? h('a', { href: hrefFor(page + 1), rel: 'next' }, `${t('pager.next')} →`) : h('span', { class: 'disabled' }, `${t('pager.next')} →`));
}

/** Build a hash link with query parameters, dropping empty ones. */
export function hashLink(path, query = {}) {
  const q = new URLSearchParams();
  for (const [k, v] of Object.entries(query)) {
    if (v !== undefined && v !== null && v !== '' && !(k === 'page' && Number(v) === 0)) q.set(k, v);
  }
  const s = q.toString();
  return `#${path}${s ? `?${s}` : ''}`;
}

/** Polite announcement in the page's live region. */
export function announce(message) {
  const region = document.getElementById('status');
  if (!region) return;
  region.textContent = '';
  clearTimeout(announce.timer);
  setTimeout(() => { region.textContent = message; }, 50);
  announce.timer = setTimeout(() => { region.textContent = ''; }, 7000);
}

/** A modal confirm step. Resolves true when confirmed. */
export function confirmDialog({ title, body, confirmLabel, danger = false }) {
  return new Promise((resolve) => {
    const titleId = uid('dlg');
    const yes = h('button', { type: 'button', class: danger ? 'danger' : 'primary', id: 'confirm-yes', dataset: { testid: 'confirm-yes' } }, confirmLabel || t('common.confirm'));
    const no = h('button', { type: 'button', id: 'confirm-no', dataset: { testid: 'confirm-no' } }, t('common.back'));
    const dlg = h('dialog', { class: 'confirm', 'aria-labelledby': titleId },
      h('h2', { id: titleId }, title),
      body ? (body instanceof Node ? body : h('p', null, body)) : null,
      h('div', { class: 'actions' }, no, yes));
    const done = (v) => { dlg.close(); dlg.remove(); resolve(v); };
    yes.addEventListener('click', () => done(true));
    no.addEventListener('click', () => done(false));
    dlg.addEventListener('cancel', (e) => { e.preventDefault(); done(false); });
    document.body.append(dlg);
    dlg.showModal();
    no.focus();
  });
}

/** A button copying text to the clipboard, announcing the result. */
export function copyButton(text, label = t('common.copy')) {
  return h('button', {
    type: 'button',
    class: 'small',
    onclick: async () => {
      try {
        await navigator.clipboard.writeText(text);
        announce(t('common.copied'));
      } catch {
        announce(t('common.copyFailed'));
      }
    },
  }, label);
}

export function avatar(profile, size = 48) {
  if (profile && profile.avatarUrl && /^https?:\/\//.test(profile.avatarUrl)) {
    return h('img', { class: 'avatar', src: profile.avatarUrl, alt: '', width: size, height: size, referrerpolicy: 'no-referrer' });
  }
  const initial = ((profile && (profile.displayName || profile.handle)) || '?').trim().charAt(0).toUpperCase();
  return h('span', { class: 'avatar placeholder', 'aria-hidden': 'true', style: { width: `${size}px`, height: `${size}px` } }, initial);
}

/** A progress bar towards the next level. */
export function levelProgress(points, level, nextLevel) {
  if (!nextLevel) return h('p', { class: 'muted' }, t('level.top'));
  const from = level ? level.minPoints : 0;
  const span = Math.max(1, nextLevel.minPoints - from);
  const done = Math.min(span, Math.max(0, points - from));
  const togo = nextLevel.pointsToGo ?? (nextLevel.minPoints - points);
  const label = t('level.toGo', { points: togo, level: nextLevel.name, number: nextLevel.number });
  return h('div', { class: 'progress-wrap' },
    h('progress', { max: span, value: done, 'aria-label': label }),
    h('p', { class: 'muted' }, label));
}

export function stateBadge(state) {
  return h('span', { class: `badge state-${String(state || '').toLowerCase()}` }, t(`round.state.${state}`));
}

export function num(n) {
  return formatNumber(n);
}

/** A simple table: columns [{label, cell(row) → node|text, class}] */
export function table(columns, rows, { caption, className = 'data' } = {}) {
  return h('div', { class: 'table-wrap' },
    h('table', { class: className },
      caption ? h('caption', null, caption) : null,
      h('thead', null, h('tr', null, columns.map((c) => h('th', { scope: 'col', class: c.class }, c.label)))),
      h('tbody', null, rows.map((r) => h('tr', null, columns.map((c, i) => (i === 0 && c.rowHeader
        ? h('th', { scope: 'row', class: c.class }, c.cell(r))
        : h('td', { class: c.class }, c.cell(r)))))))));
}

/** A row of section tabs: items [[key, href, label]]. */
export function tabs(items, current, label) {
  return h('nav', { class: 'tabs', 'aria-label': label }, h('ul', null, items.map(([k, href, text]) =>
    h('li', null, h('a', { href, 'aria-current': k === current ? 'page' : null, dataset: { testid: `tab-${k}` } }, text)))));
}

/** The tabs of "my" pages: profile, points, notifications, settings. */
export function meTabs(current) {
  return tabs([
    ['me', '#/me', t('me.tabProfile')],
    ['points', '#/me/points', t('me.tabPoints')],
    ['notifications', '#/me/notifications', t('me.tabNotifications')],
    ['settings', '#/me/settings', t('me.tabSettings')],
  ], current, t('me.tabsLabel'));
}

export function adminTabs(current) {
  return tabs([
    ['admin-members', '#/admin', t('admin.tabMembers')],
    ['admin-cities', '#/admin/cities', t('admin.tabCities')],
    ['admin-plugins', '#/admin/plugins', t('admin.tabPlugins')],
    ['admin-backups', '#/admin/backups', t('admin.tabBackups')],
  ], current, t('admin.tabsLabel'));
}

/** Badges held by a member, with their names and descriptions. */
export function badgeList(badges) {
  if (!badges || !badges.length) return h('p', { class: 'muted' }, t('badges.none'));
  return h('ul', { class: 'badge-list' }, badges.map((b) => h('li', { class: 'badge-card' },
    h('span', { class: 'badge-icon', 'aria-hidden': 'true' }, BADGE_ICONS[b.icon] || '🏅'),
    h('span', null, h('strong', null, b.name), h('br'), h('span', { class: 'muted' }, b.description)))));
}

export const BADGE_ICONS = {
  popcorn: '🍿', ballot: '🗳️', handshake: '🤝', star: '⭐', heart: '❤️', megaphone: '📣', trophy: '🏆', calendar: '📅',
};
