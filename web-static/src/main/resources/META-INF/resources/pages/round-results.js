// Results (with charts and table alternatives), receipt checks and CSV export.

import { api } from '../api.js';
import { t, formatNumber, formatPercent, formatDateTime, formatAxis, cityName, getLocale } from '../i18n.js';
import { h, clear, loading, notice, table, alertBox, showAlert, showProblem, clearErrors, announce } from '../ui.js';
import { drawChart, COLORS } from '../charts.js';

function chartBox(id, label, summary, tableEl) {
  const canvas = h('canvas', { id, role: 'img', 'aria-label': `${label}. ${summary}` });
  return {
    canvas,
    el: h('figure', { class: 'chart-box' },
      h('figcaption', null, label),
      h('div', { class: 'chart-area' }, canvas),
      h('p', { class: 'chart-fallback muted' }, t('results.chartUnavailable')),
      h('details', null, h('summary', null, t('results.asTable')), tableEl)),
  };
}

/** How the winner was decided, in the reader's language (the server's English sentence when it gives no rule). */
function tieSentence(round, res) {
  if (!res.tieRule) return res.hidden ? null : res.tieBreak;
  const byId = (id) => (res.candidates || []).find((c) => Number(c.cityId) === Number(id)) || { cityId: id, name: `#${id}` };
  let names = (res.tiedCityIds || []).map((id) => candidateName(round, byId(id)));
  try {
    names = new Intl.ListFormat(getLocale(), { type: 'conjunction' }).format(names);
  } catch {
    names = names.join(', ');
  }
  const sentence = t(`results.rule.${res.tieRule}`, { names, winner: res.winner ? candidateName(round, res.winner) : '' });
  return res.closed ? sentence : `${t('results.provisional')} ${sentence}`;
}

function candidateName(round, c) {
  const cand = (round.candidates || []).find((x) => Number(x.cityId) === Number(c.cityId));
  return cityName(cand || c);
}

async function downloadCsv(round, box, what = 'results') {
  try {
    const res = await api.raw(`/api/rounds/${round.id}/${what}.csv`);
    const blob = await res.blob();
    const href = URL.createObjectURL(blob);
    const a = h('a', { href, download: `round-${round.id}-${what}.csv`, hidden: true });
    document.body.append(a);
    a.click();
    setTimeout(() => { URL.revokeObjectURL(href); a.remove(); }, 1000);
    announce(t('results.csvDone'));
  } catch (err) {
    showAlert(box, err.status === 404 ? t('rounds.unavailable') : err.userMessage);
  }
}

function drawResults(round, res, area, refresh) {
  const box = alertBox();
  const final = res.final ?? res.closed ?? res.state === 'CLOSED';
  const sizeCount = (s) => s.count ?? s.ballots ?? 0;
  const summary = h('dl', { class: 'stats' },
    h('div', null, h('dt', null, t('results.ballots')), h('dd', { dataset: { testid: 'results-ballots' } }, formatNumber(res.ballots))),
    h('div', null, h('dt', null, t('results.eligible')), h('dd', null, formatNumber(res.eligible))),
    h('div', null, h('dt', null, t('results.turnout')), h('dd', null, formatPercent(res.turnout || 0))),
    !res.hidden && res.medianSize != null ? h('div', null, h('dt', null, t('results.medianSize')), h('dd', null, formatNumber(res.medianSize))) : null);
  const tools = h('div', { class: 'actions' },
    round.state === 'OPEN' ? h('button', { type: 'button', onclick: refresh }, t('results.refresh')) : null,
    round.mayManage ? h('button', { type: 'button', id: 'results-csv', onclick: () => downloadCsv(round, box) }, t('results.csv')) : null);
  if (res.hidden) {
    clear(area, h('p', { class: 'alert info' }, t('results.hidden')), summary, box, tools);
    return;
  }
  if (!res.ballots) { // an empty state that says what happened instead of empty charts
    clear(area, h('p', { class: 'alert info', dataset: { testid: 'results-empty' } }, final ? t('results.noBallotsClosed') : t('results.noBallotsYet')),
      summary, box, tools);
    return;
  }
  const cands = [...(res.candidates || [])].sort((a, b) => b.votes - a.votes);
  const winner = res.winner ? h('div', { class: 'winner', dataset: { testid: 'winner' } },
    h('p', { class: 'big' }, final ? t('results.winner', { city: candidateName(round, res.winner) }) : t('results.leading', { city: candidateName(round, res.winner) })),
    h('p', null, t('results.votesPledges', {
      votes: t('results.voteCount', { count: res.winner.votes }), pledges: t('results.pledgeCount', { count: res.winner.pledges }),
    })),
    tieSentence(round, res) ? h('p', { class: 'muted', dataset: { testid: 'tie-break' } }, t('results.tieBreak'), ' ', tieSentence(round, res)) : null) : null;

  const votesTable = table([
    { label: t('results.city'), rowHeader: true, cell: (c) => candidateName(round, c) },
    { label: t('results.votes'), class: 'num', cell: (c) => formatNumber(c.votes) },
    { label: t('results.pledges'), class: 'num', cell: (c) => formatNumber(c.pledges) },
  ], cands);
  const votesSummary = cands.slice(0, 5).map((c) => `${candidateName(round, c)}: ${formatNumber(c.votes)}`).join('; ');
  const votes = chartBox('chart-votes', t('results.votesChart'), votesSummary, votesTable);

  const sizes = res.sizes || [];
  const sizesTable = table([
    { label: t('results.size'), rowHeader: true, cell: (s) => t('ballot.people', { count: s.size, size: formatNumber(s.size) }) },
    { label: t('results.count'), class: 'num', cell: (s) => formatNumber(sizeCount(s)) },
  ], sizes);
  const sizeChart = chartBox('chart-sizes', t('results.sizesChart'), sizes.map((s) => `${formatNumber(s.size)}: ${formatNumber(sizeCount(s))}`).join('; '), sizesTable);

  const over = res.turnoutOverTime || [];
  const zone = round.ownerCity ? round.ownerCity.timeZone : undefined;
  const overTable = table([
    { label: t('results.at'), rowHeader: true, cell: (p) => formatDateTime(p.at, zone) },
    { label: t('results.ballots'), class: 'num', cell: (p) => formatNumber(p.ballots) },
  ], over);
  const last = over[over.length - 1];
  const overChart = chartBox('chart-turnout', t('results.turnoutChart'),
    last ? t('results.turnoutSummary', { ballots: formatNumber(last.ballots), date: formatDateTime(last.at, zone) }) : '', overTable);

  clear(area,
    h('p', { class: `alert ${final ? 'success' : 'info'}` }, final ? t('results.final') : t('results.live')),
    summary, winner, box, tools,
    h('div', { class: 'charts' }, votes.el, sizes.length ? sizeChart.el : null, over.length ? overChart.el : null));

  const grid = { color: 'rgba(0,0,0,.08)' };
  drawChart(votes.canvas, {
    type: 'bar',
    data: {
      labels: cands.map((c) => candidateName(round, c)),
      datasets: [
        { label: t('results.votes'), data: cands.map((c) => c.votes), backgroundColor: COLORS[0] },
        { label: t('results.pledges'), data: cands.map((c) => c.pledges), backgroundColor: COLORS[1] },
      ],
    },
    options: { indexAxis: 'y', scales: { x: { beginAtZero: true, ticks: { precision: 0 }, grid } } },
  });
  if (sizes.length) {
    drawChart(sizeChart.canvas, {
      type: 'doughnut',
      data: {
        labels: sizes.map((s) => t('ballot.people', { count: s.size, size: formatNumber(s.size) })),
        datasets: [{ label: t('results.count'), data: sizes.map(sizeCount), backgroundColor: COLORS }],
      },
    });
  }
  if (over.length) {
    const longSpan = over.length > 1 && new Date(last.at) - new Date(over[0].at) > 36 * 3600 * 1000;
    drawChart(overChart.canvas, {
      type: 'line',
      data: {
        labels: over.map((p) => formatAxis(p.at, zone, longSpan)),
        datasets: [{ label: t('results.ballots'), data: over.map((p) => p.ballots), borderColor: COLORS[1], backgroundColor: 'rgba(31,95,168,.15)', fill: true, tension: 0.2 }],
      },
      options: { scales: { y: { beginAtZero: true, ticks: { precision: 0 }, grid } }, plugins: { legend: { display: false } } },
    });
  }
}

/** Seconds between refreshes of live results while a round is open (the server answers 304 when nothing changed). */
const LIVE_REFRESH_SECONDS = 10;

export function resultsSection(round) {
  if (!['OPEN', 'CLOSED'].includes(round.state)) return null;
  const area = h('div', null, loading());
  let shown = null;
  const load = async () => {
    try {
      const res = await api.get(`/api/rounds/${round.id}/results`);
      const json = JSON.stringify(res);
      if (json === shown) return; // unchanged: keep what the reader is looking at
      shown = json;
      drawResults(round, res, area, load);
    } catch (e) {
      clear(area, e.status === 404 ? notice(t('results.unavailable')) : h('p', { class: 'alert error', role: 'alert' }, e.userMessage));
    }
  };
  load();
  if (round.state === 'OPEN') {
    // live results follow the vote: at once after my own ballot, and every few seconds while the page is open
    const onCast = (e) => { if (e.detail && Number(e.detail.roundId) === Number(round.id)) load(); };
    document.addEventListener('popcorn:ballot-cast', onCast);
    const timer = setInterval(() => {
      if (!area.isConnected) {
        clearInterval(timer);
        document.removeEventListener('popcorn:ballot-cast', onCast);
        return;
      }
      if (!document.hidden) load();
    }, LIVE_REFRESH_SECONDS * 1000);
  }
  return h('section', { class: 'card wide', 'aria-labelledby': 'results-h', id: 'results' },
    h('h2', { id: 'results-h' }, t('results.title')), area);
}

function describeReceipt(round, r) {
  const names = (r.choices || []).map((id) => cityName((round.candidates || []).find((c) => Number(c.cityId) === Number(id)) || { name: `#${id}` }));
  return [names.join(', '), r.size ? t('ballot.people', { count: r.size, size: formatNumber(r.size) }) : null, r.pledge ? t('receipts.pledged') : null]
    .filter(Boolean).join(' · ');
}

export function receiptsSection(round) {
  if (round.state !== 'CLOSED') return null;
  const box = alertBox();
  const result = h('div', { 'aria-live': 'polite' });
  const form = h('form', { class: 'stack narrow', novalidate: true },
    box,
    h('div', { class: 'field' },
      h('label', { for: 'receipt-check' }, t('receipts.code')),
      h('div', { class: 'inline' },
        h('input', { id: 'receipt-check', name: 'receipt', type: 'text', autocomplete: 'off', spellcheck: 'false', dataset: { field: 'receipt' } }),
        h('button', { type: 'submit', class: 'primary', id: 'receipt-check-submit' }, t('receipts.check')))),
    result);
  form.addEventListener('submit', async (e) => {
    e.preventDefault();
    clearErrors(form);
    const code = form.receipt.value.trim();
    if (!code) {
      showProblem(form, { errors: [{ field: 'receipt', message: t('receipts.enterCode') }] });
      return;
    }
    clear(result, loading());
    try {
      const page = await api.get(`/api/rounds/${round.id}/receipts`, { receipt: code });
      const found = (page.items || []).find((r) => r.receipt === code) || (page.items || [])[0];
      clear(result, found
        ? h('p', { class: 'alert success', dataset: { testid: 'receipt-found' } }, t('receipts.counted'), ' ', describeReceipt(round, found))
        : h('p', { class: 'alert warn', dataset: { testid: 'receipt-missing' } }, t('receipts.notFound')));
    } catch (err) {
      clear(result);
      showProblem(form, err.status === 404 ? Object.assign(err, { detail: t('receipts.unavailable') }) : err);
    }
  });

  const listArea = h('div', null);
  let page = 0;
  const loadList = async () => {
    clear(listArea, loading());
    try {
      const p = await api.get(`/api/rounds/${round.id}/receipts`, { page, size: 50 });
      const pages = Math.max(1, Math.ceil((p.total || 0) / (p.size || 50)));
      clear(listArea,
        table([
          { label: t('receipts.receipt'), cell: (r) => h('code', null, r.receipt) },
          { label: t('receipts.ballot'), cell: (r) => describeReceipt(round, r) },
        ], p.items || [], { caption: t('receipts.caption', { count: p.total || 0, total: p.total || 0 }) }),
        pages > 1 ? h('div', { class: 'pager' },
          h('button', { type: 'button', disabled: page === 0, onclick: () => { page -= 1; loadList(); } }, `← ${t('pager.prev')}`),
          h('span', { class: 'pager-pos' }, t('pager.position', { page: page + 1, pages })),
          h('button', { type: 'button', disabled: page + 1 >= pages, onclick: () => { page += 1; loadList(); } }, `${t('pager.next')} →`)) : null);
    } catch (err) {
      clear(listArea, err.status === 404 ? notice(t('receipts.unavailable')) : h('p', { class: 'alert error', role: 'alert' }, err.userMessage));
    }
  };
  const all = h('details', { class: 'receipts-all' }, h('summary', null, t('receipts.all')), listArea);
  all.addEventListener('toggle', () => { if (all.open && !listArea.childNodes.length) loadList(); });

  const csvBox = alertBox();
  return h('section', { class: 'card wide', 'aria-labelledby': 'receipts-h', id: 'receipts' },
    h('h2', { id: 'receipts-h' }, t('receipts.title')),
    h('p', null, t('receipts.explain')),
    form, all,
    h('p', { class: 'receipts-download' }, h('a', { href: `/api/rounds/${round.id}/receipts.jsonl`, download: `round-${round.id}-receipts.jsonl`,
      id: 'receipts-download' }, t('receipts.download')), ' ', h('span', { class: 'muted' }, t('receipts.downloadHint'))),
    round.mayManage ? [csvBox, h('div', { class: 'actions' },
      h('button', { type: 'button', id: 'receipts-csv', onclick: () => downloadCsv(round, csvBox, 'receipts') }, t('receipts.csv')))] : null);
}
