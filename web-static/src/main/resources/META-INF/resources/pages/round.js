// One voting round: details with times in the cities' zones, eligibility, nominations, ballot, results, receipts.

import { api } from '../api.js';
import { t, formatNumber, formatDate, countryName, cityName } from '../i18n.js';
import { h, clear, alertBox, stateBadge } from '../ui.js';
import { roundZones, timeInZones, showRoundMissing } from './rounds-common.js';
import { stateActions } from './round-manage.js';
import { nominationsSection, ballotSection } from './round-ballot.js';
import { resultsSection, receiptsSection } from './round-results.js';

function schedule(round) {
  const zones = roundZones(round);
  const rows = [];
  if (round.candidateMode === 'NOMINATION') {
    rows.push([t('round.nominationOpens'), round.nominationOpensAt], [t('round.nominationCloses'), round.nominationClosesAt]);
  }
  rows.push([t('round.opens'), round.opensAt], [t('round.closes'), round.closesAt]);
  return h('section', { class: 'card wide', 'aria-labelledby': 'sched-h' },
    h('h2', { id: 'sched-h' }, t('round.schedule')),
    h('dl', { class: 'pairs schedule' }, rows.map(([label, iso]) => [h('dt', null, label), h('dd', null, timeInZones(iso, zones))])));
}

function rules(round) {
  const el = round.eligibility || {};
  const sizes = (round.sizeBrackets || []).map((s) => formatNumber(s)).join(' / ');
  return h('section', { class: 'card', 'aria-labelledby': 'rules-h' },
    h('h2', { id: 'rules-h' }, t('round.rules')),
    h('dl', { class: 'pairs' },
      h('dt', null, t('round.mode')),
      h('dd', null, round.mode === 'APPROVAL' ? t('round.modeApprovalN', { count: round.maxChoices || 1, max: round.maxChoices || 1 }) : t('round.modeSingle')),
      h('dt', null, t('round.candidateMode')),
      h('dd', null, round.candidateMode === 'NOMINATION'
        ? t('round.byNomination', { count: round.supportThreshold || 0, threshold: round.supportThreshold || 0 }) : t('round.fixed')),
      sizes ? [h('dt', null, t('round.sizes')), h('dd', null, sizes)] : null,
      h('dt', null, t('round.visibility')),
      h('dd', null, round.resultsVisibility === 'LIVE' ? t('round.visibilityLive') : t('round.visibilityAfter')),
      h('dt', null, t('round.eligibility')),
      h('dd', null, h('ul', { class: 'plain' },
        el.minLevel ? h('li', null, t('round.minLevel', { level: el.minLevel })) : null,
        el.memberSinceBefore ? h('li', null, t('round.memberSince', { date: formatDate(el.memberSinceBefore) })) : null,
        el.countries && el.countries.length ? h('li', null, t('round.countries', { countries: el.countries.map(countryName).join(', ') })) : null,
        !el.minLevel && !el.memberSinceBefore && !(el.countries && el.countries.length) ? h('li', null, t('round.everyone')) : null))));
}

function eligibilityNote(round, me) {
  if (!me) return null;
  const e = round.myEligibility;
  if (!e || !['OPEN', 'NOMINATING'].includes(round.state)) return null;
  return e.eligible
    ? h('p', { class: 'alert success', dataset: { testid: 'eligibility' } }, t('round.eligible'))
    : h('p', { class: 'alert warn', dataset: { testid: 'eligibility' } }, t('round.notEligible'), ' ', e.reason || '');
}

export default {
  async render(ctx) {
    const { view, params, me } = ctx;
    let round;
    try {
      round = await api.get(`/api/rounds/${encodeURIComponent(params.id)}`);
    } catch (e) {
      if (e.status !== 404) throw e;
      await showRoundMissing(view);
      return;
    }
    const draw = (r) => {
      const box = alertBox();
      const manage = r.mayManage ? h('section', { class: 'card manage', 'aria-labelledby': 'manage-h' },
        h('h2', { id: 'manage-h' }, t('manage.title')),
        box,
        h('p', null, h('a', { class: 'button', href: `#/rounds/${r.id}/edit`, dataset: { testid: 'round-edit' } }, t('manage.edit'))),
        stateActions(r, box, (updated) => (updated ? draw(updated) : reload()))) : null;
      const candidates = (r.candidates || []).length ? h('section', { class: 'card', 'aria-labelledby': 'cand-h' },
        h('h2', { id: 'cand-h' }, t('round.candidates')),
        h('ul', { class: 'plain cols' }, r.candidates.map((c) => h('li', null,
          h('a', { href: `#/cities/${c.cityId}` }, cityName(c)), h('span', { class: 'muted' }, ` · ${countryName(c.countryCode)}`))))) : null;
      clear(view,
        h('p', { class: 'crumbs' }, h('a', { href: '#/rounds' }, t('rounds.title'))),
        h('div', { class: 'title-row' }, h('h1', null, r.title), stateBadge(r.state)),
        r.ownerCity ? h('p', { class: 'muted' }, t('round.ownerCity', { city: cityName(r.ownerCity) })) : null,
        r.description ? h('p', { class: 'description' }, r.description) : null,
        r.stateReason ? h('p', { class: 'alert warn' }, t('round.stateReason'), ' ', r.stateReason) : null,
        eligibilityNote(r, me),
        manage,
        h('div', { class: 'grid' }, schedule(r), rules(r), candidates),
        nominationsSection(r, me, reload),
        ballotSection(r, me),
        resultsSection(r),
        receiptsSection(r));
    };
    const reload = async () => {
      const r = await api.get(`/api/rounds/${encodeURIComponent(params.id)}`);
      if (ctx.isCurrent()) draw(r);
    };
    draw(round);
  },
};
