// A booth's leads, for its organisers: #/p/booths/leads/<boothId> (?page=n). Each neighbour who asked to be contacted,
// with the consents they gave; erase one on request (name and contact go, the counts stay); export them as CSV.

import {
  pluginApi, api as core, t, h, clear, notice, alertBox, showAlert, announce, formatDateTime, pager, hashLink, confirmDialog,
  table, getLocale,
} from '/kit.js';

const api = pluginApi('booths');
const b = (key, params) => t(`booths.${key}`, params);
const SIZE = 50;
const items = (x) => (Array.isArray(x) ? x : (x && x.items) || []);

function label(prefix, code) {
  const key = `booths.${prefix}.${code}`;
  const text = t(key);
  return text === key ? code : text;
}

function missing(view, title, text, boothId) {
  clear(view, h('h1', null, title), notice(text),
    h('p', null, h('a', { href: boothId ? `#/p/booths/booth/${boothId}` : '#/p/booths/booths' }, boothId ? b('kit.backToBooth') : b('list.title'))));
}

/** The CSV needs the bearer token, so it is fetched and handed to the browser as a file. */
async function downloadCsv(boothId, box) {
  showAlert(box, '');
  try {
    const res = await core.raw(`/api/plugins/booths/booths/${boothId}/leads.csv`);
    const blob = await res.blob();
    const href = URL.createObjectURL(blob);
    const a = h('a', { href, download: `booth-${boothId}-leads.csv`, hidden: true });
    document.body.append(a);
    a.click();
    setTimeout(() => { URL.revokeObjectURL(href); a.remove(); }, 1000);
    announce(b('leads.csvDone'));
  } catch (err) {
    showAlert(box, err.userMessage || String(err));
  }
}

export default {
  auth: true,
  async render(ctx) {
    const { view, params, query, isCurrent } = ctx;
    const id = params.arg;
    if (!id || !/^\d+$/.test(id)) {
      missing(view, b('booth.notFoundTitle'), b('booth.notFound'));
      return;
    }
    const page = Math.max(0, Number(query.page) || 0);
    const load = () => Promise.all([api.get(`booths/${id}`), api.get(`booths/${id}/leads`, { page, size: SIZE })]);
    let booth;
    let list;
    try {
      [booth, list] = await load();
    } catch (e) {
      if (!isCurrent()) return;
      if (e.status === 404) missing(view, b('booth.notFoundTitle'), b('booth.notFound'));
      else if (e.status === 403) missing(view, b('leads.title'), b('leads.forbidden'), id);
      else throw e;
      return;
    }

    const draw = (bo, answer, focusSel) => {
      if (!isCurrent()) return;
      const zone = bo.zone;
      const rows = items(answer);
      const names = new Map((bo.products || []).filter((p) => typeof p === 'object').map((p) => [String(p.id), p.name]));
      const sep = getLocale().startsWith('zh') ? '、' : ', ';
      const pageBox = alertBox();

      const consentList = (r) => {
        const list = r.consents || [];
        if (!list.length) return h('span', { class: 'muted' }, '–');
        return h('ul', { class: 'plain small', dataset: { testid: `lead-consents-${r.id}` } }, list.map((c) => h('li', { dataset: { purpose: c.purpose, withdrawn: String(!!c.withdrawnAt) } },
          h('strong', null, label('purpose', c.purpose)), ' ', b('leads.version', { version: c.version }),
          c.givenAt ? [' · ', h('time', { datetime: c.givenAt }, formatDateTime(c.givenAt, zone))] : null,
          c.withdrawnAt ? [' · ', h('span', { class: 'neg' }, b('leads.withdrawn', { time: formatDateTime(c.withdrawnAt, zone) }))] : null)));
      };

      const erase = async (r, button) => {
        const yes = await confirmDialog({
          title: b('leads.eraseTitle'),
          body: b('leads.eraseBody', { name: r.name || '' }),
          confirmLabel: b('leads.erase'),
          danger: true,
        });
        if (!yes) return;
        button.disabled = true;
        showAlert(pageBox, '');
        try {
          await api.del(`leads/${r.id}`);
          announce(b('leads.erased'));
          const [fresh, freshList] = await load();
          draw(fresh, freshList, 'h1');
        } catch (e) {
          button.disabled = false;
          showAlert(pageBox, e.userMessage);
        }
      };

      const columns = [
        { label: b('leads.capturedAt'), rowHeader: true, cell: (r) => h('time', { datetime: r.capturedAt }, formatDateTime(r.capturedAt, zone)) },
        {
          label: b('leads.person'),
          cell: (r) => (r.erasedAt
            ? h('span', { class: 'muted', dataset: { testid: `lead-erased-${r.id}` } }, b('leads.erasedAt', { time: formatDateTime(r.erasedAt, zone) }))
            : [h('strong', { dataset: { testid: `lead-name-${r.id}` } }, r.name), h('br'), h('span', null, r.contact)]),
        },
        { label: b('leads.interest'), cell: (r) => (r.productIds || []).map((p) => names.get(String(p)) || `#${p}`).join(sep) || '–' },
        { label: b('leads.consents'), cell: consentList },
        { label: b('leads.capturedBy'), cell: (r) => r.capturedByName || (r.capturedBy != null ? `#${r.capturedBy}` : '–') },
        {
          label: b('leads.actions'),
          cell: (r) => {
            if (r.erasedAt) return '–';
            const button = h('button', { type: 'button', class: 'danger small', dataset: { testid: `lead-erase-${r.id}` }, 'aria-label': b('leads.eraseLabel', { name: r.name || '' }) }, b('leads.erase'));
            button.addEventListener('click', () => erase(r, button));
            return button;
          },
        },
      ];

      const csv = h('button', { type: 'button', dataset: { testid: 'leads-csv' } }, b('leads.csv'));
      csv.addEventListener('click', () => downloadCsv(bo.id, pageBox));
      clear(view,
        h('p', { class: 'crumbs' }, h('a', { href: `#/p/booths/booth/${bo.id}` }, bo.compound)),
        h('h1', { tabindex: '-1' }, b('leads.title')),
        h('p', { class: 'lead' }, b('leads.intro', { compound: bo.compound })),
        h('p', { class: 'alert info' }, b('leads.privacy')),
        pageBox,
        h('div', { class: 'actions' }, csv),
        h('p', { class: 'muted', role: 'status', dataset: { testid: 'leads-count' } }, b('leads.count', { count: answer.total ?? rows.length })),
        rows.length ? table(columns, rows, { caption: b('leads.caption', { compound: bo.compound }) }) : notice(b('leads.none')),
        pager(answer, (p) => hashLink(`/p/booths/leads/${bo.id}`, { page: p })));
      if (focusSel) view.querySelector(focusSel)?.focus();
    };

    draw(booth, list);
  },
};
