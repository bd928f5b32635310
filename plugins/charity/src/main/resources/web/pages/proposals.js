// Proposals waiting for a decision in the cities I organise: #/p/charity/proposals (organisers and admins).

import { pluginApi, t, h, clear, notice, alertBox, showAlert, announce, formatDateTime, uid } from '/kit.js';

const api = pluginApi('charity');
const c = (key, params) => t(`charity.${key}`, params);

function label(prefix, code) {
  const key = `charity.${prefix}.${code}`;
  const text = t(key);
  return text === key ? code : text;
}

export default {
  auth: true,
  organiser: true,
  async render({ view, isCurrent }) {
    const load = async () => {
      const answer = await api.get('proposals');
      return Array.isArray(answer) ? answer : (answer && answer.items) || [];
    };
    const draw = (items, focusSel) => {
      if (!isCurrent()) return;
      const item = (a) => {
        const box = alertBox();
        const reasonId = uid('reason');
        const reason = h('input', { id: reasonId, type: 'text', maxlength: 500, 'data-testid': `reject-reason-${a.id}` });
        const approve = h('button', { type: 'button', class: 'primary', dataset: { testid: `approve-activity-${a.id}` } }, c('proposals.approve'));
        const reject = h('button', { type: 'button', class: 'danger', dataset: { testid: `reject-activity-${a.id}` } }, c('proposals.reject'));
        const decide = async (kind, button) => {
          showAlert(box, '');
          if (kind === 'reject' && !reason.value.trim()) {
            showAlert(box, c('proposals.reasonMissing'));
            reason.focus();
            return;
          }
          button.disabled = true;
          try {
            await api.post(`activities/${a.id}/${kind}`, kind === 'reject' ? { reason: reason.value.trim() || null } : undefined);
            announce(c(kind === 'approve' ? 'proposals.approved' : 'proposals.rejected', { title: a.title }));
            draw(await load(), 'h1');
          } catch (e) {
            button.disabled = false;
            showAlert(box, e.userMessage);
          }
        };
        approve.addEventListener('click', () => decide('approve', approve));
        reject.addEventListener('click', () => decide('reject', reject));
        const first = (a.shifts || [])[0];
        return h('li', { class: 'card', dataset: { testid: `proposal-${a.id}` } },
          h('h2', null, h('a', { href: `#/p/charity/activity/${a.id}` }, a.title)),
          h('p', null, h('span', { class: 'badge' }, label('cause', a.cause)), ' ', a.cityName,
            first ? h('span', { class: 'muted' }, ' · ', h('time', { datetime: first.startsAt }, formatDateTime(first.startsAt, first.zone || a.zone))) : null),
          a.description ? h('p', { class: 'description' }, a.description) : null,
          box,
          h('div', { class: 'field' }, h('label', { for: reasonId }, c('proposals.reason')), reason),
          h('div', { class: 'actions' }, approve, reject));
      };
      clear(view,
        h('p', { class: 'crumbs' }, h('a', { href: '#/p/charity/campaigns' }, c('campaigns.title'))),
        h('h1', { tabindex: '-1' }, c('proposals.title')),
        h('p', { class: 'muted', role: 'status' }, c('proposals.count', { count: items.length })),
        items.length ? h('ul', { class: 'plain' }, items.map(item)) : notice(c('proposals.none')));
      if (focusSel) view.querySelector(focusSel)?.focus();
    };
    draw(await load());
  },
};
