// Proposals waiting for a decision in the cities I organise: #/p/charity/proposals (organisers and admins). Admins
// also see the activities whose partner organisation awaits their approval, each with one button to approve it.

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
  async render({ view, isCurrent, me }) {
    const admin = !!(me && me.admin);
    const list = (answer) => (Array.isArray(answer) ? answer : (answer && answer.items) || []);
    const load = async () => {
      const [answer, partners] = await Promise.all([api.get('proposals'), admin ? api.get('partner-approvals') : null]);
      return { items: list(answer), partners: list(partners) };
    };
    const partnerState = (a) => (a.partnerName
      ? h('p', null, c('activity.partner'), ': ', a.partnerName, ' ',
        h('span', { class: a.partnerApproved ? 'badge' : 'badge muted' }, c(a.partnerApproved ? 'partner.approved' : 'partner.notApproved')))
      : null);
    const draw = ({ items, partners }, focusSel) => {
      if (!isCurrent()) return;
      const partnerItem = (a) => {
        const box = alertBox();
        const approve = h('button', { type: 'button', class: 'primary', dataset: { testid: `approve-partner-${a.id}` },
          'aria-label': c('partner.approveLabel', { partner: a.partnerName, title: a.title }) }, c('partner.approve'));
        approve.addEventListener('click', async () => {
          showAlert(box, '');
          approve.disabled = true;
          try {
            await api.put(`activities/${a.id}/partner-approval`, { approved: true });
            announce(c('partner.approvedNow', { partner: a.partnerName }));
            draw(await load(), 'h1');
          } catch (e) {
            approve.disabled = false;
            showAlert(box, e.userMessage);
          }
        });
        return h('li', { class: 'card', dataset: { testid: `partner-${a.id}` } },
          h('h3', null, a.partnerName),
          h('p', null, h('a', { href: `#/p/charity/activity/${a.id}` }, a.title), ' · ', a.cityName, ' · ', label('status', a.status)),
          box,
          h('div', { class: 'actions' }, approve));
      };
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
          partnerState(a),
          box,
          h('div', { class: 'field' }, h('label', { for: reasonId }, c('proposals.reason')), reason),
          h('div', { class: 'actions' }, approve, reject));
      };
      clear(view,
        h('p', { class: 'crumbs' }, h('a', { href: '#/p/charity/campaigns' }, c('campaigns.title'))),
        h('h1', { tabindex: '-1' }, c('proposals.title')),
        h('p', { class: 'muted', role: 'status' }, c('proposals.count', { count: items.length })),
        items.length ? h('ul', { class: 'plain' }, items.map(item)) : notice(c('proposals.none')),
        admin ? h('section', { 'aria-labelledby': 'partners-h' },
          h('h2', { id: 'partners-h' }, c('partner.pendingTitle')),
          partners.length ? h('ul', { class: 'plain' }, partners.map(partnerItem)) : notice(c('partner.pendingNone'))) : null);
      if (focusSel) view.querySelector(focusSel)?.focus();
    };
    draw(await load());
  },
};
