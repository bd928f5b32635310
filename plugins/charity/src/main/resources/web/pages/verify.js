// Check a certificate of volunteer hours: #/p/charity/verify/<code>, the address (and QR code) printed on the PDF.
// Public: "Genuine certificate" with the volunteer, the hours, the campaign and the issue date, or "No such certificate".

import { pluginApi, t, h, clear, notice, formatDate, formatNumber } from '/kit.js';

const api = pluginApi('charity');
const c = (key, params) => t(`charity.${key}`, params);

function none(view) {
  clear(view,
    h('h1', null, c('verify.title')),
    h('section', { 'aria-labelledby': 'verify-none-h', dataset: { testid: 'certificate-invalid' } },
      h('h2', { id: 'verify-none-h' }, c('verify.none')),
      notice(c('verify.noneText'), 'error')),
    h('p', null, h('a', { href: '#/p/charity/campaigns' }, c('campaigns.title'))));
}

export default {
  async render({ view, params, isCurrent }) {
    const code = String(params.arg || '').trim();
    if (!code || code.length > 64) {
      none(view);
      return;
    }
    let cert;
    try {
      cert = await api.get(`certificates/${encodeURIComponent(code)}`);
    } catch (e) {
      if (e.status !== 404) throw e;
      if (isCurrent()) none(view);
      return;
    }
    if (!isCurrent()) return;
    clear(view,
      h('h1', null, c('verify.title')),
      h('section', { class: 'card', 'aria-labelledby': 'verify-ok-h', dataset: { testid: 'certificate-valid' } },
        h('h2', { id: 'verify-ok-h' }, c('verify.genuine')),
        notice(c('verify.genuineText'), 'success'),
        h('dl', { class: 'stats' },
          h('div', null, h('dt', null, c('verify.volunteer')),
            h('dd', { dataset: { testid: 'certificate-volunteer' } }, cert.volunteer)),
          h('div', null, h('dt', null, c('verify.hours')),
            h('dd', { dataset: { testid: 'certificate-hours', minutes: String(cert.minutes ?? '') } },
              c('hoursShort', { hours: formatNumber(cert.hours, { maximumFractionDigits: 1 }) }))),
          h('div', null, h('dt', null, c('verify.campaign')),
            h('dd', null, h('a', { href: `#/p/charity/campaign/${cert.campaignId}` }, cert.campaign))),
          h('div', null, h('dt', null, c('verify.issued')),
            h('dd', null, h('time', { datetime: cert.issuedAt }, formatDate(cert.issuedAt, cert.zone)))),
          h('div', null, h('dt', null, c('verify.code')),
            h('dd', null, h('code', { dataset: { testid: 'certificate-code' } }, cert.code))))));
  },
};
