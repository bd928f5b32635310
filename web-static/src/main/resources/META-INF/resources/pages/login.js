// Log in with handle or e-mail.

import { login } from '../api.js';
import { t } from '../i18n.js';
import { h, clear, field, alertBox, showProblem, clearErrors, announce } from '../ui.js';

function safeNext(next) {
  return next && next.startsWith('#/') && !next.startsWith('#/login') ? next : '#/me';
}

export default {
  async render({ view, query, me, navigate }) {
    const next = safeNext(query.next);
    if (me) {
      clear(view, h('h1', null, t('login.title')),
        h('p', null, t('login.already', { name: me.displayName }), ' ', h('a', { href: next }, t('login.continue'))));
      return;
    }
    const box = alertBox();
    const submit = h('button', { type: 'submit', class: 'primary', id: 'login-submit' }, t('login.submit'));
    const form = h('form', { class: 'stack narrow', novalidate: true },
      box,
      field({ id: 'login-name', name: 'login', label: t('login.name'), required: true, attrs: { autocomplete: 'username', autocapitalize: 'none' } }),
      field({ id: 'login-password', name: 'password', label: t('login.password'), type: 'password', required: true, attrs: { autocomplete: 'current-password' } }),
      h('div', { class: 'actions' }, submit));
    form.addEventListener('submit', async (e) => {
      e.preventDefault();
      clearErrors(form);
      const name = form.login.value.trim();
      const password = form.password.value;
      const missing = [];
      if (!name) missing.push({ field: 'login', message: t('login.nameMissing') });
      if (!password) missing.push({ field: 'password', message: t('login.passwordMissing') });
      if (missing.length) {
        showProblem(form, { errors: missing, userMessage: t('error.checkFields') });
        return;
      }
      submit.disabled = true;
      try {
        await login(name, password);
        announce(t('login.done'));
        navigate(next);
      } catch (err) {
        showProblem(form, err);
        if (err.status === 401) form.password.select();
      } finally {
        submit.disabled = false;
      }
    });
    clear(view,
      h('h1', null, t('login.title')),
      query.next ? h('p', { class: 'alert info' }, t('login.needed')) : null,
      form,
      h('p', null, t('login.noAccount'), ' ', h('a', { href: '#/signup' }, t('login.signupLink'))));
  },
};
