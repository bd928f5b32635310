// Inbox (mark one or all read, unread filter) and which kinds of notification also come by e-mail.

import { api, loadMe } from '../api.js';
import { t, formatDateTime } from '../i18n.js';
import { h, clear, meTabs, pager, hashLink, alertBox, showProblem, clearErrors, announce, notice, errorPanel } from '../ui.js';

const SIZE = 20;

function safeLink(link) {
  return link && (link.startsWith('/') || link.startsWith('#')) && !link.startsWith('//') ? link : null;
}

function emailForm(choices) {
  const box = alertBox();
  const form = h('form', { class: 'stack', novalidate: true },
    h('fieldset', null,
      h('legend', null, t('notifications.emailLegend')),
      box,
      choices.map((c) => h('div', { class: 'check' },
        h('input', { type: 'checkbox', id: `email-${c.kind}`, name: c.kind, checked: !!c.email, dataset: { field: c.kind } }),
        h('label', { for: `email-${c.kind}` }, c.description || c.kind)))),
    h('div', { class: 'actions' }, h('button', { type: 'submit', class: 'primary', id: 'email-save' }, t('common.save'))));
  form.addEventListener('submit', async (e) => {
    e.preventDefault();
    clearErrors(form);
    const body = Object.fromEntries(choices.map((c) => [c.kind, form.elements[c.kind].checked]));
    try {
      await api.put('/api/me/notifications/email', body);
      announce(t('notifications.emailSaved'));
    } catch (err) {
      showProblem(form, err);
    }
  });
  return form;
}

export default {
  auth: true,
  async render({ view, query, navigate }) {
    const page = Math.max(0, Number(query.page) || 0);
    const unreadOnly = query.unread === 'true';
    const [inbox, choices] = await Promise.all([
      api.get('/api/me/notifications', { page, size: SIZE, unread: unreadOnly ? 'true' : undefined }),
      api.get('/api/me/notifications/email').catch((e) => e),
    ]);
    const reload = () => navigate(hashLink('/me/notifications', { page, unread: unreadOnly ? 'true' : '' }));
    const actionBox = alertBox();

    const countLine = h('p', { dataset: { testid: 'unread-line' } }, t('notifications.unreadCount', { count: inbox.unread || 0 }));
    const markRead = async (n, btn) => {
      btn.disabled = true;
      try {
        await api.post(`/api/me/notifications/${n.id}/read`);
        const li = btn.closest('li');
        li.classList.remove('unread');
        li.querySelector('.badge.new')?.remove();
        const next = li.nextElementSibling?.querySelector('button') || readAll;
        btn.remove();
        next.focus();
        const me = await loadMe();
        const unread = me ? me.unreadNotifications || 0 : 0;
        countLine.textContent = t('notifications.unreadCount', { count: unread });
        readAll.disabled = !unread;
        announce(t('notifications.markedRead'));
      } catch (err) {
        actionBox.textContent = err.userMessage;
        actionBox.hidden = false;
        btn.disabled = false;
      }
    };

    const list = inbox.items.length ? h('ol', { class: 'inbox' }, inbox.items.map((n) => {
      const link = safeLink(n.link);
      const btn = !n.readAt ? h('button', { type: 'button', class: 'small', dataset: { testid: 'mark-read' } }, t('notifications.markRead')) : null;
      if (btn) btn.addEventListener('click', () => markRead(n, btn));
      return h('li', { class: `notice-item${n.readAt ? '' : ' unread'}` },
        h('div', null,
          !n.readAt ? h('span', { class: 'badge new' }, t('notifications.new')) : null,
          h('strong', null, link ? h('a', { href: link }, n.title) : n.title),
          n.body ? h('p', null, n.body) : null,
          h('p', { class: 'muted small' }, formatDateTime(n.createdAt), n.source && n.source !== 'core' ? ` · ${n.source}` : '')),
        btn);
    })) : notice(unreadOnly ? t('notifications.noneUnread') : t('notifications.none'));

    const readAll = h('button', { type: 'button', id: 'read-all', disabled: !inbox.unread }, t('notifications.readAll'));
    readAll.addEventListener('click', async () => {
      readAll.disabled = true;
      try {
        await api.post('/api/me/notifications/read-all');
        await loadMe();
        announce(t('notifications.allRead'));
        reload();
      } catch (err) {
        actionBox.textContent = err.userMessage;
        actionBox.hidden = false;
        readAll.disabled = false;
      }
    });

    clear(view,
      meTabs('notifications'),
      h('h1', null, t('notifications.title')),
      countLine,
      h('div', { class: 'toolbar' },
        h('a', { href: hashLink('/me/notifications', { unread: unreadOnly ? '' : 'true' }), class: 'button' },
          unreadOnly ? t('notifications.showAll') : t('notifications.showUnread')),
        readAll),
      actionBox,
      list,
      pager(inbox, (p) => hashLink('/me/notifications', { page: p, unread: unreadOnly ? 'true' : '' })),
      h('section', { class: 'card', 'aria-labelledby': 'email-h' },
        h('h2', { id: 'email-h' }, t('notifications.emailTitle')),
        Array.isArray(choices) ? emailForm(choices) : errorPanel(choices)));
  },
};
