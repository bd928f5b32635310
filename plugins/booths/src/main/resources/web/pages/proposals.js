// Booths fans proposed in the cities I organise, waiting for a decision: #/p/booths/proposals (organisers and admins).

import { pluginApi, t, h, clear, notice, alertBox, showAlert, announce, formatDateTime, uid, getLocale } from '/kit.js';

const api = pluginApi('booths');
const b = (key, params) => t(`booths.${key}`, params);
const items = (x) => (Array.isArray(x) ? x : (x && x.items) || []);

export default {
  auth: true,
  organiser: true,
  async render({ view, isCurrent }) {
    const load = async () => items(await api.get('proposals'));
    const draw = (list, focusSel) => {
      if (!isCurrent()) return;
      const sep = getLocale().startsWith('zh') ? '、' : ', ';
      const item = (x) => {
        const box = alertBox();
        const reasonId = uid('reason');
        const reason = h('input', { id: reasonId, type: 'text', maxlength: 500, 'data-testid': `reject-reason-${x.id}` });
        const approve = h('button', { type: 'button', class: 'primary', dataset: { testid: `approve-booth-${x.id}` } }, b('proposals.approve'));
        const reject = h('button', { type: 'button', class: 'danger', dataset: { testid: `reject-booth-${x.id}` } }, b('proposals.reject'));
        const decide = async (kind, button) => {
          showAlert(box, '');
          if (kind === 'reject' && !reason.value.trim()) {
            showAlert(box, b('proposals.reasonMissing'));
            reason.focus();
            return;
          }
          button.disabled = true;
          try {
            await api.post(`booths/${x.id}/${kind}`, kind === 'reject' ? { reason: reason.value.trim() } : undefined);
            announce(b(kind === 'approve' ? 'proposals.approved' : 'proposals.rejected', { compound: x.compound }));
            draw(await load(), 'h1');
          } catch (e) {
            button.disabled = false;
            showAlert(box, e.userMessage);
          }
        };
        approve.addEventListener('click', () => decide('approve', approve));
        reject.addEventListener('click', () => decide('reject', reject));
        const first = x.firstOpensAt || ((x.openings || [])[0] || {}).opensAt;
        const products = (x.products || []).map((p) => (typeof p === 'object' ? p.name : `#${p}`));
        return h('li', { class: 'card', dataset: { testid: `proposal-${x.id}` } },
          h('h2', null, h('a', { href: `#/p/booths/booth/${x.id}` }, x.compound)),
          h('p', null, [x.address, x.cityName].filter(Boolean).join(' · '),
            first ? h('span', { class: 'muted' }, ' · ', h('time', { datetime: first }, formatDateTime(first, x.zone))) : null),
          products.length ? h('p', { class: 'muted small' }, b('list.products', { products: products.join(sep) })) : null,
          box,
          h('div', { class: 'field' }, h('label', { for: reasonId }, b('proposals.reason')), reason),
          h('div', { class: 'actions' }, approve, reject));
      };
      clear(view,
        h('p', { class: 'crumbs' }, h('a', { href: '#/p/booths/booths' }, b('list.title'))),
        h('h1', { tabindex: '-1' }, b('proposals.title')),
        h('p', { class: 'muted', role: 'status' }, b('proposals.count', { count: list.length })),
        list.length ? h('ul', { class: 'plain' }, list.map(item)) : notice(b('proposals.none')));
      if (focusSel) view.querySelector(focusSel)?.focus();
    };
    draw(await load());
  },
};
