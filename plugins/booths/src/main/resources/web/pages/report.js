// What a booth gave, for its organisers: #/p/booths/report/<boothId>; what a city's booths gave, for its organisers:
// #/p/booths/report/city-<cityId> (with each booth's line). Visitors, questions, leads, consent rates and
// volunteer time; demos per product and visitors per hour (in the city's time zone) as bar charts, each with the same
// figures as a table.

import { api as hostApi, pluginApi, t, h, clear, notice, formatNumber, table } from '/kit.js';

const api = pluginApi('booths');
const b = (key, params) => t(`booths.${key}`, params);
const SVG = 'http://www.w3.org/2000/svg';
const BAR = '#b3261e';

const percent = (x) => formatNumber(Number(x) || 0, { style: 'percent', maximumFractionDigits: 1 });
const hours = (minutes) => formatNumber((Number(minutes) || 0) / 60, { maximumFractionDigits: 1 });

function missing(view, title, text, boothId) {
  clear(view, h('h1', null, title), notice(text),
    h('p', null, h('a', { href: boothId ? `#/p/booths/booth/${boothId}` : '#/p/booths/booths' }, boothId ? b('kit.backToBooth') : b('list.title'))));
}

/** An hour as the API gives it ("14", "14:00", "2027-05-01T14:00"), shown as its local clock time (and day). */
function hourLabel(hour) {
  const s = String(hour ?? '');
  if (/^\d{1,2}$/.test(s)) return `${s.padStart(2, '0')}:00`;
  const m = /^(\d{4}-\d{2}-\d{2})[T ](\d{2}:\d{2})/.exec(s);
  if (m) return `${m[1].slice(5)} ${m[2]}`;
  return s;
}

function svgEl(tag, attrs, ...children) {
  const el = document.createElementNS(SVG, tag);
  Object.entries(attrs || {}).forEach(([k, v]) => { if (v !== null && v !== undefined) el.setAttribute(k, String(v)); });
  children.forEach((c) => el.append(c instanceof Node ? c : document.createTextNode(String(c))));
  return el;
}

/** Horizontal CSS bars: [{label, value}]. */
function barList(rows, testid) {
  const max = Math.max(1, ...rows.map((r) => Number(r.value) || 0));
  return h('ul', { class: 'plain', dataset: { testid } }, rows.map((r) => h('li', { style: { display: 'grid', gridTemplateColumns: 'minmax(6rem, 12rem) 1fr 3rem', gap: '.5rem', alignItems: 'center' } },
    h('span', null, r.label),
    h('span', { style: { display: 'block', height: '1rem', background: '#ece6d8', borderRadius: '4px', overflow: 'hidden' } },
      h('span', { style: { display: 'block', height: '100%', width: `${Math.round(((Number(r.value) || 0) / max) * 100)}%`, background: BAR } })),
    h('span', { class: 'num', style: { textAlign: 'right' } }, formatNumber(r.value)))));
}

/** Vertical SVG columns: [{label, value}], labelled for screen readers as a whole. */
function columnChart(rows, summary, testid) {
  const w = Math.max(320, rows.length * 44);
  const hgt = 200;
  const pad = { top: 16, bottom: 36, left: 8, right: 8 };
  const max = Math.max(1, ...rows.map((r) => Number(r.value) || 0));
  const slot = (w - pad.left - pad.right) / Math.max(1, rows.length);
  const barW = Math.max(8, slot * 0.6);
  const area = hgt - pad.top - pad.bottom;
  const svg = svgEl('svg', { viewBox: `0 0 ${w} ${hgt}`, width: '100%', height: hgt, role: 'img', 'aria-label': summary, 'data-testid': testid, preserveAspectRatio: 'xMinYMid meet' });
  svg.append(svgEl('line', { x1: pad.left, x2: w - pad.right, y1: hgt - pad.bottom, y2: hgt - pad.bottom, stroke: '#8f8878' }));
  rows.forEach((r, i) => {
    const v = Number(r.value) || 0;
    const barH = Math.round((v / max) * area);
    const x = pad.left + i * slot + (slot - barW) / 2;
    const y = hgt - pad.bottom - barH;
    svg.append(
      svgEl('rect', { x, y, width: barW, height: barH, fill: BAR, rx: 2 }),
      svgEl('text', { x: x + barW / 2, y: y - 4, 'text-anchor': 'middle', 'font-size': 11 }, formatNumber(v)),
      svgEl('text', { x: x + barW / 2, y: hgt - pad.bottom + 14, 'text-anchor': 'middle', 'font-size': 10 }, r.label));
  });
  return h('div', { style: { overflowX: 'auto' } }, svg);
}

export default {
  auth: true,
  async render({ view, params, isCurrent }) {
    const cityMatch = /^city-(\d+)$/.exec(params.arg || '');
    if (cityMatch) {
      await renderCity(view, cityMatch[1], isCurrent);
      return;
    }
    const id = params.arg;
    if (!id || !/^\d+$/.test(id)) {
      missing(view, b('booth.notFoundTitle'), b('booth.notFound'));
      return;
    }
    let booth;
    let r;
    try {
      [booth, r] = await Promise.all([api.get(`booths/${id}`), api.get(`booths/${id}/report`)]);
    } catch (e) {
      if (!isCurrent()) return;
      if (e.status === 404) missing(view, b('booth.notFoundTitle'), b('booth.notFound'));
      else if (e.status === 403) missing(view, b('report.title'), b('report.forbidden'), id);
      else throw e;
      return;
    }
    if (!isCurrent()) return;
    const names = new Map((booth.products || []).filter((p) => typeof p === 'object').map((p) => [String(p.id), p.name]));
    clear(view,
      h('p', { class: 'crumbs' }, h('a', { href: `#/p/booths/booth/${booth.id}` }, booth.compound)),
      h('h1', null, b('report.title')),
      h('p', { class: 'lead' }, b('report.intro', { compound: booth.compound })),
      ...body(r, r.zone || booth.zone, names));
  },
};

/** The city report: the same figures over the city's planned, confirmed and done booths, and a line per booth. */
async function renderCity(view, cityId, isCurrent) {
  let city;
  let r;
  try {
    [city, r] = await Promise.all([hostApi.get(`/api/cities/${cityId}`), api.get(`reports/city/${cityId}`)]);
  } catch (e) {
    if (!isCurrent()) return;
    if (e.status === 403) missing(view, b('report.cityTitle', { city: '' }), b('report.cityForbidden'));
    else if (e.status === 404) missing(view, b('booth.notFoundTitle'), b('booth.notFound'));
    else throw e;
    return;
  }
  if (!isCurrent()) return;
  const lines = r.booths || [];
  clear(view,
    h('p', { class: 'crumbs' }, h('a', { href: '#/p/booths/staffing' }, b('staffing.title'))),
    h('h1', null, b('report.cityTitle', { city: city.name })),
    ...body(r, r.zone || city.timeZone, new Map()),
    lines.length ? table([
      { label: b('report.booth'), rowHeader: true, cell: (x) => h('a', { href: `#/p/booths/report/${x.id}` }, x.compound) },
      { label: b('report.status'), cell: (x) => x.status },
      { label: b('report.visitors'), class: 'num', cell: (x) => formatNumber(x.visitors) },
      { label: b('report.leads'), class: 'num', cell: (x) => formatNumber(x.leads) },
    ], lines, { caption: b('report.boothsCaption', { count: lines.length }), testid: 'report-city-booths' })
      : notice(b('report.noBooths')));
}

/** Figures and charts of a report. */
function body(r, zone, names) {
  {
    const demos = (r.demos || []).map((d) => ({ label: d.name || names.get(String(d.productId)) || `#${d.productId}`, value: Number(d.count) || 0 }));
    const perHour = (r.perHour || []).map((x) => ({ label: hourLabel(x.hour), value: Number(x.visitors) || 0 }));
    const demoTotal = demos.reduce((s, d) => s + d.value, 0);

    const stat = (key, value, testid) => h('div', null, h('dt', null, b(key)), h('dd', { dataset: { testid } }, value));
    return [
      h('dl', { class: 'stats' },
        stat('report.visitors', formatNumber(r.visitors || 0), 'report-visitors'),
        stat('report.demos', formatNumber(demoTotal), 'report-demos'),
        stat('report.questions', formatNumber(r.questions || 0), 'report-questions'),
        stat('report.leads', formatNumber(r.leads || 0), 'report-leads'),
        stat('report.consentRate', percent(r.consentRate), 'report-consent-rate'),
        stat('report.meetupInviteRate', percent(r.meetupInviteRate), 'report-meetup-rate'),
        stat('report.volunteerTime', b('report.hours', { hours: hours(r.volunteerMinutes) }), 'report-volunteer-time')),
      h('div', { class: 'charts' },
        h('figure', { class: 'chart-box' },
          h('figcaption', null, b('report.demosChart')),
          demos.length ? barList(demos, 'report-demos-chart') : h('p', { class: 'muted' }, b('report.noDemos')),
          demos.length ? h('details', null, h('summary', null, b('report.asTable')),
            table([
              { label: b('report.product'), rowHeader: true, cell: (d) => d.label },
              { label: b('report.demos'), class: 'num', cell: (d) => formatNumber(d.value) },
            ], demos, { caption: b('report.demosChart') })) : null),
        h('figure', { class: 'chart-box' },
          h('figcaption', null, b('report.hourChart', { zone: zone || '–' })),
          perHour.length
            ? columnChart(perHour, b('report.hourSummary', { summary: perHour.map((x) => `${x.label}: ${formatNumber(x.value)}`).join('; ') }), 'report-hour-chart')
            : h('p', { class: 'muted' }, b('report.noVisitors')),
          perHour.length ? h('details', null, h('summary', null, b('report.asTable')),
            table([
              { label: b('report.hour'), rowHeader: true, cell: (x) => x.label },
              { label: b('report.visitors'), class: 'num', cell: (x) => formatNumber(x.value) },
            ], perHour, { caption: b('report.hourChart', { zone: zone || '–' }) })) : null))];
  }
}
