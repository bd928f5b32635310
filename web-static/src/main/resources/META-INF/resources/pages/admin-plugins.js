// Admin: installed plugins — state, capability manifest, enable/disable, repair, settings, failed event deliveries, rescan.

import { api } from '../api.js';
import { t, getLocale, formatDateTime } from '../i18n.js';
import { h, clear, field, alertBox, showProblem, clearErrors, showAlert, announce, errorPanel, loading, notice, table, adminTabs } from '../ui.js';

const STATES = ['STARTED', 'DISABLED', 'FAILED'];

/** Tell the shell to fetch its plugin navigation entries again. */
function refreshNavigation() {
  window.dispatchEvent(new CustomEvent('popcorn:plugins-changed'));
}

function enc(id) {
  return encodeURIComponent(id);
}

function stateBadge(p) {
  const state = STATES.includes(p.state) ? p.state : 'FAILED';
  return h('span', {
    class: `badge plugin-state plugin-${state.toLowerCase()}`,
    dataset: { testid: `plugin-state-${p.id}`, state: p.state },
  }, t(`plugins.state.${state}`));
}

function navLabel(n) {
  const l = n.label;
  if (!l || typeof l === 'string') return l || n.href;
  const loc = getLocale();
  return l[loc] || l[loc.split('-')[0]] || l.en || Object.values(l)[0] || n.href;
}

/** One line of the manifest: a label and its items as code, or "none". */
function manifestRow(label, items, render = (x) => h('code', null, x)) {
  const list = Array.isArray(items) ? items : [];
  return [
    h('dt', null, label, ' ', h('span', { class: 'muted' }, `(${list.length})`)),
    h('dd', null, list.length
      ? h('ul', { class: 'plain plugin-items' }, list.map((x) => h('li', null, render(x))))
      : h('span', { class: 'muted' }, t('plugins.nothing'))),
  ];
}

function manifestDetails(p) {
  const m = p.manifest;
  if (!m) return h('p', { class: 'muted' }, t('plugins.noManifest'));
  return h('details', { class: 'plugin-manifest', dataset: { testid: `plugin-manifest-${p.id}` } },
    h('summary', null, t('plugins.manifest')),
    h('dl', { class: 'pairs' },
      manifestRow(t('plugins.routes'), m.routes),
      manifestRow(t('plugins.tables'), m.tables),
      manifestRow(t('plugins.events'), m.events),
      manifestRow(t('plugins.badges'), m.badges),
      manifestRow(t('plugins.pages'), m.navigation, (n) => [
        n.icon && n.icon.length <= 4 && !/[/.]/.test(n.icon) ? h('span', { 'aria-hidden': 'true' }, `${n.icon} `) : null,
        navLabel(n), ' ', h('code', null, n.href)]),
      manifestRow(t('plugins.notificationKinds'), m.notificationKinds)));
}

function settingsForm(p) {
  const settings = (p.manifest && p.manifest.settings) || [];
  const box = alertBox();
  const done = h('p', { class: 'alert success', role: 'status', hidden: true });
  const submit = h('button', { type: 'submit', class: 'primary', dataset: { testid: `plugin-settings-save-${p.id}` } }, t('plugins.saveSettings'));
  const fields = settings.map((s) => {
    const value = s.value ?? s.defaultValue ?? '';
    const id = `plugin-${p.id}-setting-${s.key}`.replace(/[^A-Za-z0-9_-]/g, '_');
    const hint = [s.description, s.defaultValue != null && s.defaultValue !== '' ? t('plugins.settingDefault', { value: s.defaultValue }) : null]
      .filter(Boolean).join(' ');
    const common = { id, name: s.key, label: s.label || s.key, hint: hint || null };
    if (s.type === 'BOOLEAN') return field({ ...common, type: 'checkbox', value: String(value).toLowerCase() === 'true' });
    if (s.type === 'INTEGER') return field({ ...common, type: 'number', value, attrs: { step: 1, inputmode: 'numeric' } });
    return field({ ...common, type: 'text', value });
  });
  const form = h('form', { class: 'stack', novalidate: true, dataset: { testid: `plugin-settings-${p.id}` } },
    box, done, fields, h('div', { class: 'actions' }, submit));
  form.addEventListener('submit', async (e) => {
    e.preventDefault();
    clearErrors(form);
    done.hidden = true;
    const body = {};
    const errors = [];
    for (const s of settings) {
      const control = form.querySelector(`[data-field="${CSS.escape(s.key)}"]`);
      if (!control) continue;
      if (s.type === 'BOOLEAN') body[s.key] = control.checked ? 'true' : 'false';
      else body[s.key] = control.value.trim();
      if (s.type === 'INTEGER' && !/^-?\d+$/.test(body[s.key])) errors.push({ field: s.key, message: t('plugins.integerInvalid') });
    }
    if (errors.length) {
      showProblem(form, { errors });
      return;
    }
    submit.disabled = true;
    try {
      await api.put(`/api/admin/plugins/${enc(p.id)}/settings`, body);
      done.textContent = t('plugins.settingsSaved', { id: p.id });
      done.hidden = false;
      announce(done.textContent);
    } catch (err) {
      showProblem(form, err);
    } finally {
      submit.disabled = false;
    }
  });
  return h('section', { class: 'plugin-settings', 'aria-labelledby': `${form.dataset.testid}-h` },
    h('h3', { id: `${form.dataset.testid}-h` }, t('plugins.settings')), form);
}

/** "Deliver again": the failed event goes to the plugin's listener once more, with the same event id. */
function replayButton(p, f) {
  const box = h('span', { role: 'status' });
  const b = h('button', { type: 'button', dataset: { testid: `plugin-replay-${f.id}` } }, t('plugins.replay'));
  b.addEventListener('click', async () => {
    b.disabled = true;
    try {
      await api.post(`/api/admin/plugins/${enc(p.id)}/failures/${f.id}/replay`);
      clear(box, t('plugins.replayed'));
      announce(t('plugins.replayed'));
    } catch (err) {
      b.disabled = false;
      clear(box, err.detail || err.message || String(err));
    }
  });
  return h('span', null, h('strong', null, t('plugins.gaveUp')), ' ', b, ' ', box);
}

function failuresDetails(p) {
  const body = h('div', { class: 'plugin-failures-body' });
  let loaded = false;
  const details = h('details', { class: 'plugin-failures', dataset: { testid: `plugin-failures-${p.id}` } },
    h('summary', null, t('plugins.showFailures')), body);
  details.addEventListener('toggle', async () => {
    if (!details.open || loaded) return;
    loaded = true;
    clear(body, loading());
    try {
      const rows = await api.get(`/api/admin/plugins/${enc(p.id)}/failures`);
      const list = Array.isArray(rows) ? rows : [];
      clear(body, list.length ? table([
        { label: t('plugins.failedAt'), cell: (f) => h('time', { datetime: f.failedAt }, formatDateTime(f.failedAt)) },
        { label: t('plugins.eventType'), cell: (f) => h('code', null, f.eventType || '–') },
        { label: t('plugins.eventId'), class: 'num', cell: (f) => String(f.eventId ?? '–') },
        { label: t('plugins.error'), cell: (f) => h('span', { class: 'plugin-error' }, f.error || '–') },
        { label: t('plugins.attempts'), class: 'num', cell: (f) => String(f.attempts ?? '–') },
        { label: t('plugins.deliveryStatus'), cell: (f) => (f.status === 'FAILED'
          ? replayButton(p, f)
          : h('span', null, t('plugins.retryingAt'), ' ', h('time', { datetime: f.nextAttemptAt }, formatDateTime(f.nextAttemptAt)))) },
      ], list, { caption: t('plugins.failuresCaption', { count: list.length }) }) : notice(t('plugins.noFailures')));
    } catch (err) {
      loaded = false;
      clear(body, errorPanel(err));
    }
  });
  return details;
}

function pluginCard(p, onToggle, onRepair) {
  const headingId = `plugin-${p.id}-h`.replace(/[^A-Za-z0-9_-]/g, '_');
  const failed = p.state === 'FAILED';
  const disabled = p.state === 'DISABLED';
  let toggle = null;
  if (!failed) {
    toggle = h('button', {
      type: 'button',
      class: disabled ? 'primary' : 'danger',
      'aria-label': t(disabled ? 'plugins.enableLabel' : 'plugins.disableLabel', { id: p.id }),
      dataset: { testid: `plugin-toggle-${p.id}` },
    }, t(disabled ? 'plugins.enable' : 'plugins.disable'));
    toggle.addEventListener('click', () => onToggle(p, toggle));
  } else {
    toggle = h('button', {
      type: 'button',
      class: 'primary',
      'aria-label': t('plugins.repairLabel', { id: p.id }),
      dataset: { testid: `plugin-repair-${p.id}` },
    }, t('plugins.repair'));
    toggle.addEventListener('click', () => onRepair(p, toggle));
  }
  const hasSettings = !failed && p.manifest && Array.isArray(p.manifest.settings) && p.manifest.settings.length > 0;
  return h('section', { class: `card plugin-card plugin-${String(p.state).toLowerCase()}`, 'aria-labelledby': headingId, dataset: { testid: `plugin-${p.id}` } },
    h('h2', { id: headingId }, h('code', null, p.id), ' ', h('span', { class: 'muted' }, p.version || ''), ' ', stateBadge(p)),
    p.description ? h('p', null, p.description) : null,
    h('dl', { class: 'pairs' },
      h('dt', null, t('plugins.provider')), h('dd', null, p.provider || '–'),
      h('dt', null, t('plugins.version')), h('dd', null, p.version || '–'),
      h('dt', null, t('plugins.requires')), h('dd', null, p.requires ? h('code', null, p.requires) : '–')),
    failed ? h('div', { class: 'alert error', dataset: { testid: `plugin-reason-${p.id}` } },
      h('strong', null, t('plugins.failedTitle')), ' ', p.reason || t('plugins.noReason')) : null,
    disabled ? h('p', { class: 'alert warn', dataset: { testid: `plugin-reason-${p.id}` } },
      h('strong', null, t('plugins.disabledTitle')), ' ', p.reason || t('plugins.noReason')) : null,
    toggle ? h('div', { class: 'actions' }, toggle, failed ? h('span', { class: 'muted' }, ' ', t('plugins.repairHint')) : null) : null,
    manifestDetails(p),
    hasSettings ? settingsForm(p) : null,
    failed ? null : failuresDetails(p));
}

export default {
  auth: true,
  admin: true,
  async render({ view, isCurrent }) {
    let plugins = await api.get('/api/plugins');
    const box = alertBox();
    const list = h('div', { class: 'plugin-list' });
    const summary = h('p', { class: 'muted', dataset: { testid: 'plugin-count' } });

    const draw = (focusTestId) => {
      const items = Array.isArray(plugins) ? plugins : [];
      summary.textContent = t('plugins.count', { count: items.length });
      clear(list, items.length ? items.map((p) => pluginCard(p, onToggle, onRepair)) : notice(t('plugins.none')));
      if (focusTestId) {
        const el = list.querySelector(`[data-testid="${CSS.escape(focusTestId)}"]`);
        if (el) el.focus();
      }
    };

    async function onToggle(p, button) {
      const enable = p.state === 'DISABLED';
      button.disabled = true;
      showAlert(box, '');
      try {
        await api.put(`/api/admin/plugins/${enc(p.id)}`, { enabled: enable });
        plugins = await api.get('/api/plugins');
        if (!isCurrent()) return;
        draw(`plugin-toggle-${p.id}`);
        refreshNavigation();
        announce(t(enable ? 'plugins.enabledDone' : 'plugins.disabledDone', { id: p.id }));
      } catch (err) {
        showAlert(box, err.userMessage);
        button.disabled = false;
      }
    }

    async function onRepair(p, button) {
      button.disabled = true;
      showAlert(box, '');
      try {
        const repaired = await api.post(`/api/admin/plugins/${enc(p.id)}/repair`);
        plugins = await api.get('/api/plugins');
        if (!isCurrent()) return;
        draw(repaired.state === 'FAILED' ? `plugin-repair-${p.id}` : `plugin-toggle-${p.id}`);
        refreshNavigation();
        announce(t(repaired.state === 'FAILED' ? 'plugins.repairStillFailed' : 'plugins.repairedDone', { id: p.id }));
      } catch (err) {
        showAlert(box, err.userMessage);
        button.disabled = false;
      }
    }

    const rescan = h('button', { type: 'button', dataset: { testid: 'plugin-rescan' } }, t('plugins.rescan'));
    rescan.addEventListener('click', async () => {
      rescan.disabled = true;
      showAlert(box, '');
      try {
        const fresh = await api.post('/api/admin/plugins/rescan');
        plugins = Array.isArray(fresh) ? fresh : await api.get('/api/plugins');
        if (!isCurrent()) return;
        draw();
        refreshNavigation();
        announce(t('plugins.rescanned', { count: plugins.length }));
      } catch (err) {
        showAlert(box, err.userMessage);
      } finally {
        rescan.disabled = false;
        rescan.focus();
      }
    });

    clear(view,
      adminTabs('admin-plugins'),
      h('h1', null, t('plugins.title')),
      h('p', null, t('plugins.intro')),
      h('div', { class: 'actions' }, rescan),
      summary,
      box,
      list);
    draw();
  },
};
