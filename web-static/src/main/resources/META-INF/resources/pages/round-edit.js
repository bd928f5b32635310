// Organiser round editor: create or edit a round; open / close / cancel it.

import { api, currentMe } from '../api.js';
import { t, viewerZone, wallTimeToInstant, instantToWallTime, cityName } from '../i18n.js';
import { h, clear, field, alertBox, showProblem, clearErrors, announce, notice, stateBadge } from '../ui.js';
import { cityPicker } from '../city-picker.js';
import { stateActions } from './round-manage.js';
import { showRoundMissing } from './rounds-common.js';

const radios = (name, options, value, legend) => h('fieldset', { class: 'radios' },
  h('legend', null, legend),
  options.map(([v, label]) => h('div', { class: 'check' },
    h('input', { type: 'radio', name, id: `round-${name}-${v.toLowerCase()}`, value: v, checked: v === value, dataset: { field: name } }),
    h('label', { for: `round-${name}-${v.toLowerCase()}` }, label))));

function ownerField(round, me, onChange) {
  if (me.admin) {
    return cityPicker({ id: 'round-owner', name: 'ownerCityId', label: t('editor.owner'), hint: t('editor.ownerHintAdmin'), value: round.ownerCity ? { ...round.ownerCity } : null, onChange, clearable: true });
  }
  const cities = me.organiserOf || [];
  const value = round.ownerCity ? round.ownerCity.id : (cities[0] && cities[0].id);
  const el = field({
    id: 'round-owner', name: 'ownerCityId', label: t('editor.owner'), kind: 'select', value, required: true,
    options: cities.map((c) => ({ value: c.id, label: cityName(c) })),
  });
  const select = el.querySelector('select');
  select.addEventListener('change', onChange);
  return { el, get value() { return cities.find((c) => String(c.id) === select.value) || null; }, select };
}

function buildForm(round, me, levels, onSaved) {
  const isNew = !round.id;
  const box = alertBox();
  const owner = ownerField(round, me, () => fillZones());
  const zoneSel = h('select', { id: 'round-zone', name: 'zone' });
  const fillZones = () => {
    const own = owner.value && owner.value.timeZone;
    const keep = zoneSel.value;
    const zones = [...new Set([own, viewerZone()].filter(Boolean))];
    clear(zoneSel, zones.map((z) => h('option', { value: z }, z === viewerZone() ? t('editor.zoneMine', { zone: z }) : t('editor.zoneCity', { zone: z, city: cityName(owner.value) }))));
    zoneSel.value = zones.includes(keep) ? keep : zones[0];
    if (zoneSel.value !== keep && keep) zoneSel.dispatchEvent(new Event('change'));
  };
  fillZones();
  const zone = () => zoneSel.value || viewerZone();
  // Changing the zone keeps the same instants: rewrite the wall times shown.
  let shownZone = zone();
  zoneSel.addEventListener('change', () => {
    const form = zoneSel.form;
    form.querySelectorAll('input[type=datetime-local]').forEach((i) => {
      if (i.value) i.value = instantToWallTime(wallTimeToInstant(i.value, shownZone), zone());
    });
    shownZone = zone();
  });

  const dt = (id, name, label, iso, hint) => field({ id, name, label, type: 'datetime-local', value: instantToWallTime(iso, zone()), hint });
  const candidates = cityPicker({
    id: 'round-candidates', name: 'candidateCityIds', label: t('editor.candidates'), hint: t('editor.candidatesHint'), multiple: true,
    value: (round.candidates || []).map((c) => ({ id: c.cityId, name: c.name, countryCode: c.countryCode, timeZone: c.timeZone })),
  });
  const el = round.eligibility || {};
  const submit = h('button', { type: 'submit', class: 'primary', id: 'round-save' }, isNew ? t('editor.create') : t('common.save'));
  const form = h('form', { class: 'stack editor', novalidate: true },
    box,
    h('fieldset', null, h('legend', null, t('editor.about')),
      field({ id: 'round-title', name: 'title', label: t('editor.title'), value: round.title, required: true, attrs: { maxlength: 200 } }),
      field({ id: 'round-description', name: 'description', label: t('editor.description'), kind: 'textarea', value: round.description || '', attrs: { rows: 4, maxlength: 4000 } }),
      owner.el),
    h('fieldset', null, h('legend', null, t('editor.candidatesLegend')),
      radios('candidateMode', [['FIXED', t('editor.fixed')], ['NOMINATION', t('editor.nomination')]], round.candidateMode || 'FIXED', t('editor.candidateHow')),
      candidates.el,
      h('div', { class: 'nomination-only' },
        field({ id: 'round-threshold', name: 'supportThreshold', label: t('editor.threshold'), type: 'number', value: round.supportThreshold ?? 10, hint: t('editor.thresholdHint'), attrs: { min: 1 } }))),
    h('fieldset', null, h('legend', null, t('round.schedule')),
      h('div', { class: 'field' }, h('label', { for: 'round-zone' }, t('editor.zone')), zoneSel),
      h('div', { class: 'nomination-only two' },
        dt('round-nomination-opens', 'nominationOpensAt', t('round.nominationOpens'), round.nominationOpensAt),
        dt('round-nomination-closes', 'nominationClosesAt', t('round.nominationCloses'), round.nominationClosesAt)),
      h('div', { class: 'two' },
        dt('round-opens', 'opensAt', t('round.opens'), round.opensAt),
        dt('round-closes', 'closesAt', t('round.closes'), round.closesAt))),
    h('fieldset', null, h('legend', null, t('round.rules')),
      radios('mode', [['SINGLE', t('round.modeSingle')], ['APPROVAL', t('editor.approval')]], round.mode || 'SINGLE', t('round.mode')),
      h('div', { class: 'approval-only' },
        field({ id: 'round-max', name: 'maxChoices', label: t('editor.maxChoices'), type: 'number', value: round.maxChoices ?? 3, attrs: { min: 1 } })),
      field({ id: 'round-sizes', name: 'sizeBrackets', label: t('editor.sizes'), value: (round.sizeBrackets || [50, 200, 1000]).join(', '), hint: t('editor.sizesHint') })),
    h('fieldset', null, h('legend', null, t('round.eligibility')),
      field({ id: 'round-min-level', name: 'eligibility.minLevel', label: t('editor.minLevel'), kind: 'select', value: el.minLevel ?? '',
        options: [{ value: '', label: t('editor.anyLevel') }, ...levels.map((l) => ({ value: l.number, label: t('level.name', { number: l.number, name: l.name }) }))] }),
      field({ id: 'round-member-since', name: 'eligibility.memberSinceBefore', label: t('editor.memberSince'), type: 'date', value: el.memberSinceBefore ? instantToWallTime(el.memberSinceBefore, zone()).slice(0, 10) : '', hint: t('editor.memberSinceHint') }),
      field({ id: 'round-countries', name: 'eligibility.countries', label: t('editor.countries'), value: (el.countries || []).join(', '), hint: t('editor.countriesHint') })),
    radios('resultsVisibility', [['LIVE', t('round.visibilityLive')], ['AFTER_CLOSE', t('round.visibilityAfter')]], round.resultsVisibility || 'AFTER_CLOSE', t('round.visibility')),
    h('div', { class: 'actions' }, submit));

  // Once a round has left draft only its description may change; a closed or cancelled round changes no more.
  // The form shows that instead of letting an organiser edit fields whose save would be refused.
  const finished = ['CLOSED', 'CANCELLED'].includes(round.state);
  if (!isNew && round.state && round.state !== 'DRAFT') {
    form.querySelectorAll('input, select, textarea, button').forEach((c) => {
      if (finished || (c.name !== 'description' && c !== submit)) c.disabled = true;
    });
    submit.hidden = finished;
    form.prepend(h('p', { class: 'alert info', dataset: { testid: 'editor-locked' } },
      finished ? t('editor.lockedFinished', { state: t(`round.state.${round.state}`).toLowerCase() }) : t('editor.lockedStarted')));
  }

  const sync = () => {
    const nomination = form.querySelector('input[name=candidateMode]:checked')?.value === 'NOMINATION';
    form.querySelectorAll('.nomination-only').forEach((x) => { x.hidden = !nomination; });
    form.querySelectorAll('.approval-only').forEach((x) => { x.hidden = form.querySelector('input[name=mode]:checked')?.value !== 'APPROVAL'; });
  };
  form.addEventListener('change', sync);
  sync();

  form.addEventListener('submit', async (e) => {
    e.preventDefault();
    clearErrors(form);
    const v = (name) => form.elements[name].value.trim();
    const nomination = form.querySelector('input[name=candidateMode]:checked').value === 'NOMINATION';
    const approval = form.querySelector('input[name=mode]:checked').value === 'APPROVAL';
    const errors = [];
    const sizes = v('sizeBrackets') ? v('sizeBrackets').split(/[\s,，、]+/).filter(Boolean).map(Number) : [];
    if (sizes.some((n) => !Number.isInteger(n) || n <= 0)) errors.push({ field: 'sizeBrackets', message: t('editor.sizesInvalid') });
    const countries = v('eligibility.countries') ? v('eligibility.countries').split(/[\s,，、]+/).filter(Boolean).map((c) => c.toUpperCase()) : [];
    if (countries.some((c) => !/^[A-Z]{2}$/.test(c))) errors.push({ field: 'eligibility.countries', message: t('editor.countriesInvalid') });
    if (!v('title')) errors.push({ field: 'title', message: t('editor.titleMissing') });
    const body = {
      title: v('title'),
      description: form.elements.description.value,
      ownerCityId: owner.value ? owner.value.id : null,
      candidateMode: nomination ? 'NOMINATION' : 'FIXED',
      candidateCityIds: candidates.value.map((c) => c.id),
      supportThreshold: nomination ? Number(v('supportThreshold')) || null : round.supportThreshold ?? null,
      nominationOpensAt: nomination ? wallTimeToInstant(v('nominationOpensAt'), zone()) : null,
      nominationClosesAt: nomination ? wallTimeToInstant(v('nominationClosesAt'), zone()) : null,
      opensAt: wallTimeToInstant(v('opensAt'), zone()),
      closesAt: wallTimeToInstant(v('closesAt'), zone()),
      mode: approval ? 'APPROVAL' : 'SINGLE',
      maxChoices: approval ? Number(v('maxChoices')) || 1 : 1,
      sizeBrackets: sizes,
      eligibility: {
        minLevel: v('eligibility.minLevel') ? Number(v('eligibility.minLevel')) : null,
        memberSinceBefore: v('eligibility.memberSinceBefore') ? wallTimeToInstant(`${v('eligibility.memberSinceBefore')}T00:00`, zone()) : null,
        countries,
      },
      resultsVisibility: form.querySelector('input[name=resultsVisibility]:checked').value,
    };
    if (body.opensAt && body.closesAt && body.closesAt <= body.opensAt) errors.push({ field: 'closesAt', message: t('editor.closeAfterOpen') });
    if (!nomination && body.candidateCityIds.length < 2) errors.push({ field: 'candidateCityIds', message: t('editor.twoCandidates') });
    if (errors.length) {
      showProblem(form, { errors });
      return;
    }
    submit.disabled = true;
    try {
      let saved;
      if (isNew) {
        saved = await api.post('/api/rounds', body);
      } else {
        const original = toBody(round);
        const patch = Object.fromEntries(Object.entries(body).filter(([k, val]) => JSON.stringify(val) !== JSON.stringify(original[k])));
        saved = Object.keys(patch).length ? await api.patch(`/api/rounds/${round.id}`, patch) : round;
      }
      announce(t('editor.saved'));
      onSaved(saved, isNew);
    } catch (err) {
      if (err.status === 404) err.detail = t('rounds.unavailable');
      showProblem(form, err);
    } finally {
      submit.disabled = false;
    }
  });
  return form;
}

function toBody(r) {
  return {
    title: r.title, description: r.description || '', ownerCityId: r.ownerCity ? r.ownerCity.id : null,
    candidateMode: r.candidateMode, candidateCityIds: (r.candidates || []).map((c) => c.cityId), supportThreshold: r.supportThreshold ?? null,
    nominationOpensAt: r.nominationOpensAt ? new Date(r.nominationOpensAt).toISOString() : null,
    nominationClosesAt: r.nominationClosesAt ? new Date(r.nominationClosesAt).toISOString() : null,
    opensAt: r.opensAt ? new Date(r.opensAt).toISOString() : null, closesAt: r.closesAt ? new Date(r.closesAt).toISOString() : null,
    mode: r.mode, maxChoices: r.maxChoices, sizeBrackets: r.sizeBrackets || [],
    eligibility: { minLevel: r.eligibility?.minLevel ?? null, memberSinceBefore: r.eligibility?.memberSinceBefore ? new Date(r.eligibility.memberSinceBefore).toISOString() : null, countries: r.eligibility?.countries || [] },
    resultsVisibility: r.resultsVisibility,
  };
}

export default {
  auth: true,
  organiser: true,
  async render({ view, params, navigate, isCurrent }) {
    const me = currentMe();
    const levels = await api.get('/api/rewards/levels').catch(() => []);
    let round = {};
    if (params.id) {
      try {
        round = await api.get(`/api/rounds/${encodeURIComponent(params.id)}`);
      } catch (e) {
        if (e.status !== 404) throw e;
        await showRoundMissing(view);
        return;
      }
      if (!round.mayManage) {
        clear(view, h('h1', null, round.title), notice(t('editor.notYours')), h('p', null, h('a', { href: `#/rounds/${round.id}` }, t('editor.view'))));
        return;
      }
    }
    const draw = (r) => {
      if (!isCurrent()) return;
      const box = alertBox();
      clear(view,
        h('p', { class: 'crumbs' }, h('a', { href: '#/rounds' }, t('rounds.title')), r.id ? [' / ', h('a', { href: `#/rounds/${r.id}` }, r.title)] : null),
        h('div', { class: 'title-row' }, h('h1', null, r.id ? t('editor.editTitle') : t('editor.newTitle')), r.state ? stateBadge(r.state) : null),
        r.id ? h('section', { class: 'card manage', 'aria-labelledby': 'state-h' },
          h('h2', { id: 'state-h' }, t('manage.title')),
          h('p', null, t('editor.stateNow', { state: t(`round.state.${r.state}`) })),
          box,
          stateActions(r, box, async (updated) => draw(updated || await api.get(`/api/rounds/${r.id}`))) || h('p', { class: 'muted' }, t('editor.noActions'))) : null,
        buildForm(r, me, levels, (saved, isNew) => {
          if (isNew && saved && saved.id) navigate(`#/rounds/${saved.id}/edit`);
          else if (saved) draw(saved);
        }));
    };
    draw(round);
  },
};
