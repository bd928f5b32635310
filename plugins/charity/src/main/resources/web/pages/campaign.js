// One campaign: #/p/charity/campaign/<id> (?city=<cityId>&page=n). Banner, hours against the goal overall and per
// city (the relay of cities), hours per cause, and the campaign's published activities.

import {
  pluginApi, t, h, clear, field, notice, pager, hashLink, formatDate, formatDateTime, formatNumber, table,
} from '/kit.js';

const api = pluginApi('charity');
const c = (key, params) => t(`charity.${key}`, params);
const SIZE = 20;

const day = (iso) => formatDate(iso, 'UTC');
const hours = (minutes) => formatNumber((Number(minutes) || 0) / 60, { maximumFractionDigits: 1 });

function label(prefix, code) {
  const key = `charity.${prefix}.${code}`;
  const text = t(key);
  return text === key ? code : text;
}

/** A progress bar of verified hours against a goal, with its figures as text. */
function progressBar(minutes, goalHours, testid) {
  const text = goalHours > 0
    ? c('progress.ofGoal', { hours: hours(minutes), goal: formatNumber(goalHours) })
    : c('progress.noGoal', { hours: hours(minutes) });
  const max = Math.max(1, (Number(goalHours) || 0) * 60);
  return h('div', { class: 'progress-wrap' },
    h('progress', { max, value: Math.min(max, Number(minutes) || 0), 'aria-label': text }),
    h('p', { class: 'muted', dataset: { testid } }, text));
}

function progressSection(cp) {
  const p = cp.progress || { minutes: 0, goalHours: cp.hoursGoal, volunteers: 0, activities: 0, cities: [], causes: [] };
  const goals = new Map((cp.cities || []).map((x) => [x.cityId, x]));
  const relay = (p.cities && p.cities.length ? p.cities : (cp.cities || []).map((x) => ({ ...x, minutes: 0, goalHours: x.hoursGoal })));
  return [
    h('section', { class: 'card wide', 'aria-labelledby': 'cp-progress-h' },
      h('h2', { id: 'cp-progress-h' }, c('progress.title')),
      progressBar(p.minutes, p.goalHours ?? cp.hoursGoal, 'campaign-progress'),
      h('dl', { class: 'stats' },
        h('div', null, h('dt', null, c('progress.hours')), h('dd', null, hours(p.minutes))),
        h('div', null, h('dt', null, c('progress.volunteers')), h('dd', null, formatNumber(p.volunteers || 0))),
        h('div', null, h('dt', null, c('progress.activities')), h('dd', null, formatNumber(p.activities || 0))))),
    h('section', { class: 'card', 'aria-labelledby': 'cp-relay-h' },
      h('h2', { id: 'cp-relay-h' }, c('progress.relay')),
      relay.length ? h('ol', { class: 'plain' }, relay.map((x) => h('li', { dataset: { testid: `relay-${x.cityId}` } },
        h('strong', null, x.cityName || (goals.get(x.cityId) || {}).cityName || `#${x.cityId}`),
        progressBar(x.minutes, x.goalHours ?? (goals.get(x.cityId) || {}).hoursGoal ?? 0, `relay-hours-${x.cityId}`))))
        : h('p', { class: 'muted' }, c('progress.noCities'))),
    h('section', { class: 'card', 'aria-labelledby': 'cp-causes-h' },
      h('h2', { id: 'cp-causes-h' }, c('progress.causes')),
      (p.causes || []).length
        ? table([
          { label: c('activity.cause'), cell: (r) => label('cause', r.cause), rowHeader: true },
          { label: c('progress.hours'), cell: (r) => hours(r.minutes), class: 'num' },
        ], p.causes, { caption: c('progress.causesCaption') })
        : h('p', { class: 'muted' }, c('progress.noHours'))),
  ];
}

function activityItem(a) {
  const next = (a.shifts || []).find((s) => new Date(s.endsAt).getTime() > Date.now()) || (a.shifts || [])[0];
  return h('li', { class: 'card round-item', dataset: { testid: `activity-${a.id}` } },
    h('h3', null, h('a', { href: `#/p/charity/activity/${a.id}` }, a.title)),
    h('p', null, h('span', { class: 'badge' }, label('cause', a.cause)), ' ', h('span', { class: 'muted' }, a.cityName)),
    next ? h('p', { class: 'small' }, h('time', { datetime: next.startsAt }, formatDateTime(next.startsAt, next.zone || a.zone))) : null,
    (a.shifts || []).length > 1 ? h('p', { class: 'muted small' }, c('activity.shiftCount', { count: a.shifts.length })) : null);
}

function notFound(view) {
  clear(view,
    h('h1', null, c('campaign.notFoundTitle')),
    notice(c('campaign.notFound')),
    h('p', null, h('a', { href: '#/p/charity/campaigns' }, c('campaigns.title'))));
}

export default {
  async render({ view, params, query, navigate, isCurrent }) {
    const id = params.arg;
    if (!id || !/^\d+$/.test(id)) {
      notFound(view);
      return;
    }
    const page = Math.max(0, Number(query.page) || 0);
    const cityId = query.city && /^\d+$/.test(query.city) ? query.city : '';
    let cp;
    let list;
    try {
      [cp, list] = await Promise.all([
        api.get(`campaigns/${id}`),
        api.get(`campaigns/${id}/activities`, { city: cityId, page, size: SIZE }),
      ]);
    } catch (e) {
      if (e.status !== 404) throw e;
      if (isCurrent()) notFound(view);
      return;
    }
    if (!isCurrent()) return;
    const here = `/p/charity/campaign/${cp.id}`;
    const cityField = field({
      id: 'cp-city', name: 'city', label: c('campaign.filterCity'), kind: 'select', value: cityId,
      options: [{ value: '', label: c('campaign.allCities') }, ...(cp.cities || []).map((x) => ({ value: x.cityId, label: x.cityName }))],
    });
    cityField.querySelector('select').addEventListener('change', (e) => navigate(hashLink(here, { city: e.target.value })));
    const activities = list.items || [];
    clear(view,
      h('p', { class: 'crumbs' }, h('a', { href: '#/p/charity/campaigns' }, c('campaigns.title'))),
      h('div', { class: 'hero' },
        h('h1', null, cp.name),
        h('p', { class: 'lead' }, c('campaign.dates', { from: day(cp.startsOn), to: day(cp.endsOn) })),
        cp.description ? h('p', { class: 'description' }, cp.description) : null,
        (cp.causes || []).length ? h('p', null, cp.causes.map((x) => [h('span', { class: 'badge' }, label('cause', x)), ' '])) : null),
      h('div', { class: 'grid' }, progressSection(cp)),
      h('section', { 'aria-labelledby': 'cp-activities-h' },
        h('div', { class: 'title-row' },
          h('h2', { id: 'cp-activities-h' }, c('campaign.activities')),
          h('a', { class: 'button primary', href: `#/p/charity/new-activity/${cp.id}`, dataset: { testid: 'activity-propose' } }, c('campaign.propose'))),
        h('div', { class: 'filters' }, cityField),
        h('p', { class: 'muted', role: 'status' }, c('campaign.activityCount', { count: list.total || 0 })),
        activities.length ? h('ul', { class: 'round-list' }, activities.map(activityItem)) : notice(c('campaign.noActivities')),
        pager(list, (p) => hashLink(here, { city: cityId, page: p }))));
  },
};
