// Waivers on an activity's roles, for the activity page (not a page of its own): a role's waiver in the reader's
// language, with the checkbox a volunteer ticks before signing up, and the organisers' editor. One waiver per role of
// the activity: it holds for that role in every shift, so the editor lists each role code once.

import { h, field, alertBox, showAlert, showProblem, clearErrors, announce } from '/kit.js';

/**
 * A role's waiver in a shift card. With {@code ask} (the reader may sign up and has not accepted this version) it is
 * shown open with the checkbox ({@code tick}, which the sign-up button reads); else folded, saying whether the reader
 * accepted it. The text is the reader's language when the organiser gave it, else English.
 */
export function waiverText(shift, role, c, locale, ask) {
  const w = role.waiver;
  const key = `${shift.id}-${role.code}`;
  const own = w.texts && w.texts[locale];
  const textId = `waiver-text-${key}`;
  const body = h('p', { class: 'waiver-text description', id: textId, lang: own ? locale : 'en' }, own || w.text); // keeps its line breaks
  const title = c('waiver.title', { role: role.name, version: w.version });
  if (!ask) {
    return {
      el: h('details', { class: 'waiver', dataset: { testid: `waiver-${key}` } },
        h('summary', null, title, w.accepted ? [' · ', c('waiver.accepted')] : null), body),
    };
  }
  const tick = h('input', { type: 'checkbox', id: `waiver-accept-${key}`, 'aria-describedby': textId, dataset: { testid: `waiver-accept-${key}` } });
  return {
    tick,
    el: h('section', { class: 'waiver', 'aria-labelledby': `waiver-h-${key}`, dataset: { testid: `waiver-${key}` } },
      h('h4', { id: `waiver-h-${key}` }, title),
      body,
      h('div', { class: 'check' }, tick, h('label', { for: tick.id }, c('waiver.accept')))),
  };
}

/** The activity's roles, each code once (with the name of its first shift), and the waiver it has. */
function rolesOf(a) {
  const out = new Map();
  for (const s of a.shifts || []) {
    for (const r of s.roles || []) {
      if (!out.has(r.code)) out.set(r.code, { code: r.code, name: r.name, waiver: r.waiver });
    }
  }
  return [...out.values()];
}

/**
 * For the organisers of the activity's city: each role's waiver, to set (a changed text becomes a new version, which
 * sign-ups from then on accept) or remove. {@code redraw} draws the activity the server answered.
 */
export function waiverEditor(a, api, c, redraw) {
  const roles = rolesOf(a);
  if (!roles.length) return null;
  const row = (role) => {
    const key = `waiver-edit-${role.code}`;
    const w = role.waiver;
    const box = alertBox();
    const save = h('button', { type: 'submit', class: 'primary small', dataset: { testid: `waiver-save-${role.code}` } }, c('waiver.save'));
    const remove = w ? h('button', { type: 'button', class: 'danger small', dataset: { testid: `waiver-remove-${role.code}` } }, c('waiver.remove')) : null;
    const form = h('form', { class: 'stack', novalidate: true },
      box,
      field({ id: `${key}-en`, name: 'en', label: c('form.waiverEn'), kind: 'textarea', required: true, value: w ? w.texts.en : '',
        attrs: { rows: 4, maxlength: 4000, 'data-testid': `waiver-en-${role.code}` } }),
      field({ id: `${key}-zh`, name: 'zh-CN', label: c('form.waiverZh'), kind: 'textarea', value: w && w.texts['zh-CN'] ? w.texts['zh-CN'] : '',
        attrs: { rows: 4, maxlength: 4000, lang: 'zh-CN', 'data-testid': `waiver-zh-${role.code}` } }),
      h('div', { class: 'actions' }, save, remove));
    const path = `activities/${a.id}/roles/${encodeURIComponent(role.code)}/waiver`;
    form.addEventListener('submit', async (e) => {
      e.preventDefault();
      clearErrors(form);
      const en = form.querySelector('[data-field="en"]').value.trim();
      const zh = form.querySelector('[data-field="zh-CN"]').value.trim();
      if (!en) {
        showProblem(form, { errors: [{ field: 'en', message: c('form.waiverEnMissing') }] });
        return;
      }
      save.disabled = true;
      try {
        const fresh = await api.put(path, zh ? { en, 'zh-CN': zh } : { en });
        const now = rolesOf(fresh).find((r) => r.code === role.code);
        announce(c('waiver.saved', { role: role.name, version: now && now.waiver ? now.waiver.version : '?' }));
        redraw(fresh);
      } catch (err) {
        save.disabled = false;
        showProblem(form, err);
      }
    });
    if (remove) {
      remove.addEventListener('click', async () => {
        remove.disabled = true;
        showAlert(box, '');
        try {
          const fresh = await api.del(path);
          announce(c('waiver.removed', { role: role.name }));
          redraw(fresh);
        } catch (err) {
          remove.disabled = false;
          showAlert(box, err.userMessage);
        }
      });
    }
    return h('details', { class: 'waiver-edit', dataset: { testid: `waiver-edit-${role.code}` } },
      h('summary', null, `${role.name} (${role.code}): `, w ? c('waiver.version', { version: w.version }) : c('waiver.none')),
      form);
  };
  return h('section', { class: 'card manage', 'aria-labelledby': 'waiver-editor-h', dataset: { testid: 'waiver-editor' } },
    h('h2', { id: 'waiver-editor-h', tabindex: '-1' }, c('waiver.editTitle')),
    h('p', { class: 'hint' }, c('waiver.editIntro')),
    roles.map(row));
}
