// Account settings: change password; download my data; delete account (with a confirm step).

import { api, clearSession, currentMe } from '../api.js';
import { t } from '../i18n.js';
import { h, clear, field, alertBox, showProblem, clearErrors, announce, meTabs, confirmDialog, showAlert } from '../ui.js';

function passwordForm() {
  const box = alertBox();
  const submit = h('button', { type: 'submit', class: 'primary', id: 'password-submit' }, t('settings.changePassword'));
  const done = h('p', { class: 'alert success', role: 'status', hidden: true });
  const form = h('form', { class: 'stack narrow', novalidate: true },
    box, done,
    field({ id: 'password-current', name: 'currentPassword', label: t('settings.current'), type: 'password', required: true, attrs: { autocomplete: 'current-password' } }),
    field({ id: 'password-new', name: 'newPassword', label: t('settings.new'), type: 'password', hint: t('signup.passwordHint'), required: true, attrs: { autocomplete: 'new-password', minlength: 10, maxlength: 200 } }),
    field({ id: 'password-repeat', name: 'repeat', label: t('settings.repeat'), type: 'password', required: true, attrs: { autocomplete: 'new-password' } }),
    h('div', { class: 'actions' }, submit));
  form.addEventListener('submit', async (e) => {
    e.preventDefault();
    clearErrors(form);
    done.hidden = true;
    const errors = [];
    if (!form.currentPassword.value) errors.push({ field: 'currentPassword', message: t('login.passwordMissing') });
    if (form.newPassword.value.length < 10) errors.push({ field: 'newPassword', message: t('signup.passwordShort') });
    else if (form.newPassword.value !== form.repeat.value) errors.push({ field: 'repeat', message: t('settings.mismatch') });
    if (errors.length) {
      showProblem(form, { errors });
      return;
    }
    submit.disabled = true;
    try {
      await api.post('/api/auth/password', { currentPassword: form.currentPassword.value, newPassword: form.newPassword.value });
      form.reset();
      done.textContent = t('settings.passwordChanged');
      done.hidden = false;
    } catch (err) {
      showProblem(form, err);
    } finally {
      submit.disabled = false;
    }
  });
  return form;
}

function exportPart() {
  const box = alertBox();
  const button = h('button', { type: 'button', id: 'export-data' }, t('settings.exportButton'));
  button.addEventListener('click', async () => {
    button.disabled = true;
    try {
      const res = await api.raw('/api/me/export');
      const href = URL.createObjectURL(await res.blob());
      const a = h('a', { href, download: `popcorn-data-${currentMe()?.handle ?? 'me'}.json`, hidden: true });
      document.body.append(a);
      a.click();
      setTimeout(() => { URL.revokeObjectURL(href); a.remove(); }, 1000);
      announce(t('settings.exportDone'));
    } catch (err) {
      showAlert(box, err.userMessage);
    } finally {
      button.disabled = false;
    }
  });
  return h('div', { class: 'stack narrow' }, h('p', null, t('settings.exportExplain')), box, h('div', { class: 'actions' }, button));
}

function deleteForm(navigate) {
  const box = alertBox();
  const submit = h('button', { type: 'submit', class: 'danger', id: 'delete-submit' }, t('settings.deleteButton'));
  const form = h('form', { class: 'stack narrow', novalidate: true },
    h('p', null, t('settings.deleteExplain')),
    box,
    field({ id: 'delete-password', name: 'password', label: t('settings.deletePassword'), type: 'password', required: true, attrs: { autocomplete: 'current-password' } }),
    h('div', { class: 'actions' }, submit));
  form.addEventListener('submit', async (e) => {
    e.preventDefault();
    clearErrors(form);
    if (!form.password.value) {
      showProblem(form, { errors: [{ field: 'password', message: t('login.passwordMissing') }] });
      return;
    }
    const ok = await confirmDialog({
      title: t('settings.deleteConfirmTitle'),
      body: t('settings.deleteConfirmText'),
      confirmLabel: t('settings.deleteConfirm'),
      danger: true,
    });
    if (!ok) {
      submit.focus();
      return;
    }
    submit.disabled = true;
    try {
      await api.del('/api/auth/account', { password: form.password.value });
      clearSession();
      announce(t('settings.deleted'));
      navigate('#/');
    } catch (err) {
      showProblem(form, err);
    } finally {
      submit.disabled = false;
    }
  });
  return form;
}

export default {
  auth: true,
  async render({ view, navigate }) {
    clear(view,
      meTabs('settings'),
      h('h1', null, t('settings.title')),
      h('section', { class: 'card', 'aria-labelledby': 'pw-h' },
        h('h2', { id: 'pw-h' }, t('settings.changePassword')),
        h('p', { class: 'muted' }, t('settings.passwordNote')),
        passwordForm()),
      h('section', { class: 'card', 'aria-labelledby': 'export-h' },
        h('h2', { id: 'export-h' }, t('settings.exportTitle')),
        exportPart()),
      h('section', { class: 'card danger-zone', 'aria-labelledby': 'del-h' },
        h('h2', { id: 'del-h' }, t('settings.deleteTitle')),
        deleteForm(navigate)));
  },
};
