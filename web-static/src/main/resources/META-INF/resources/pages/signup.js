// Sign up: handle, display name, e-mail, password and home city (searchable in any language).

import { api, login } from '../api.js';
import { t } from '../i18n.js';
import { h, clear, field, alertBox, showProblem, clearErrors, announce } from '../ui.js';
import { cityPicker } from '../city-picker.js';

const HANDLE = /^[A-Za-z0-9][A-Za-z0-9_-]{2,31}$/;

export default {
  async render({ view, me, navigate }) {
    if (me) {
      clear(view, h('h1', null, t('signup.title')), h('p', null, t('signup.already'), ' ', h('a', { href: '#/me' }, t('nav.me'))));
      return;
    }
    const box = alertBox();
    const city = cityPicker({ id: 'signup-city', name: 'homeCityId', label: t('signup.city'), hint: t('signup.cityHint'), required: true });
    const submit = h('button', { type: 'submit', class: 'primary', id: 'signup-submit' }, t('signup.submit'));
    const form = h('form', { class: 'stack narrow', novalidate: true },
      box,
      field({ id: 'signup-handle', name: 'handle', label: t('signup.handle'), hint: t('signup.handleHint'), required: true, attrs: { autocomplete: 'username', autocapitalize: 'none', maxlength: 32 } }),
      field({ id: 'signup-display-name', name: 'displayName', label: t('signup.displayName'), required: true, attrs: { autocomplete: 'nickname', maxlength: 80 } }),
      field({ id: 'signup-email', name: 'email', label: t('signup.email'), type: 'email', required: true, attrs: { autocomplete: 'email', maxlength: 254 } }),
      field({ id: 'signup-password', name: 'password', label: t('signup.password'), type: 'password', hint: t('signup.passwordHint'), required: true, attrs: { autocomplete: 'new-password', minlength: 10, maxlength: 200 } }),
      city.el,
      h('div', { class: 'actions' }, submit));

    form.addEventListener('submit', async (e) => {
      e.preventDefault();
      clearErrors(form);
      const body = {
        handle: form.handle.value.trim(),
        displayName: form.displayName.value.trim(),
        email: form.email.value.trim(),
        password: form.password.value,
        homeCityId: city.value ? city.value.id : null,
      };
      const errors = [];
      if (!HANDLE.test(body.handle)) errors.push({ field: 'handle', message: t('signup.handleInvalid') });
      if (!body.displayName) errors.push({ field: 'displayName', message: t('signup.displayNameMissing') });
      if (!/^\S+@\S+\.\S+$/.test(body.email)) errors.push({ field: 'email', message: t('signup.emailInvalid') });
      if (body.password.length < 10) errors.push({ field: 'password', message: t('signup.passwordShort') });
      if (!body.homeCityId) errors.push({ field: 'homeCityId', message: t('signup.cityMissing') });
      if (errors.length) {
        showProblem(form, { errors, userMessage: t('error.checkFields') });
        return;
      }
      submit.disabled = true;
      try {
        await api.post('/api/auth/register', body);
        await login(body.handle, body.password);
        announce(t('signup.done', { name: body.displayName }));
        navigate('#/me');
      } catch (err) {
        showProblem(form, err);
      } finally {
        submit.disabled = false;
      }
    });

    clear(view,
      h('h1', null, t('signup.title')),
      h('p', { class: 'lead' }, t('signup.intro')),
      form,
      h('p', null, t('signup.haveAccount'), ' ', h('a', { href: '#/login' }, t('nav.login'))));
  },
};
