// A new campaign (admins): #/p/charity/new-campaign. Name, period, hours goal, causes, and the cities taking part,
// each with its own hours goal.

import {
  pluginApi, t, h, clear, field, alertBox, showProblem, clearErrors, announce, cityPicker, cityLabel,
} from '/kit.js';

const api = pluginApi('charity');
const c = (key, params) => t(`charity.${key}`, params);
const CODE = /^[a-z0-9][a-z0-9-]*$/;

export default {
  auth: true,
  admin: true,
  async render({ view, navigate }) {
    const goals = new Map();
    const goalList = h('ul', { class: 'plain', dataset: { testid: 'city-goals' } });
    const drawGoals = (cities) => {
      // Keep what was typed for cities still chosen.
      goalList.querySelectorAll('input[data-city]').forEach((i) => goals.set(i.dataset.city, i.value));
      clear(goalList, cities.map((city) => {
        const id = `goal-${city.id}`;
        return h('li', { class: 'field' },
          h('label', { for: id }, c('form.cityGoal', { city: cityLabel(city) })),
          h('input', {
            id, type: 'number', min: 0, step: 1, value: goals.get(String(city.id)) ?? '100',
            'data-city': String(city.id), 'data-field': `cities.${city.id}.hoursGoal`, 'data-testid': `city-goal-${city.id}`,
          }));
      }));
    };
    const picker = cityPicker({
      id: 'cp-cities', name: 'cities', label: c('form.cities'), hint: c('form.citiesHint'), multiple: true,
      onChange: drawGoals,
    });
    const box = alertBox();
    const submit = h('button', { type: 'submit', class: 'primary', dataset: { testid: 'campaign-submit' } }, c('form.submitCampaign'));
    const form = h('form', { class: 'stack editor', novalidate: true, 'aria-labelledby': 'cp-h' },
      box,
      h('fieldset', null, h('legend', null, c('activity.about')),
        field({ id: 'cp-name', name: 'name', label: c('form.name'), required: true, attrs: { maxlength: 200 } }),
        field({ id: 'cp-description', name: 'description', label: c('form.description'), kind: 'textarea', attrs: { rows: 4, maxlength: 4000 } }),
        h('div', { class: 'two' },
          field({ id: 'cp-starts', name: 'startsOn', label: c('form.startsOn'), type: 'date', required: true }),
          field({ id: 'cp-ends', name: 'endsOn', label: c('form.endsOn'), type: 'date', required: true })),
        field({ id: 'cp-goal', name: 'hoursGoal', label: c('form.hoursGoal'), type: 'number', value: 1000, required: true, attrs: { min: 0, step: 1 } }),
        field({ id: 'cp-causes', name: 'causes', label: c('form.causes'), required: true, hint: c('form.causesHint') })),
      h('fieldset', null, h('legend', null, c('form.citiesLegend')),
        picker.el,
        goalList),
      h('div', { class: 'actions' }, submit));

    form.addEventListener('submit', async (e) => {
      e.preventDefault();
      clearErrors(form);
      const v = (name) => form.querySelector(`[data-field="${name}"]`).value.trim();
      const errors = [];
      const causes = v('causes').split(/[\s,，、;；]+/).filter(Boolean).map((x) => x.toLowerCase());
      if (!v('name')) errors.push({ field: 'name', message: c('form.nameMissing') });
      if (!v('startsOn')) errors.push({ field: 'startsOn', message: c('form.dateMissing') });
      if (!v('endsOn')) errors.push({ field: 'endsOn', message: c('form.dateMissing') });
      if (v('startsOn') && v('endsOn') && v('endsOn') < v('startsOn')) errors.push({ field: 'endsOn', message: c('form.endsBeforeStarts') });
      const goal = Number(v('hoursGoal'));
      if (!v('hoursGoal') || !Number.isInteger(goal) || goal < 0) errors.push({ field: 'hoursGoal', message: c('form.goalInvalid') });
      if (!causes.length || causes.some((x) => !CODE.test(x))) errors.push({ field: 'causes', message: c('form.causesInvalid') });
      const cities = picker.value.map((city) => {
        const input = goalList.querySelector(`input[data-city="${city.id}"]`);
        const n = Number(input ? input.value : 0);
        if (!input || input.value.trim() === '' || !Number.isInteger(n) || n < 0) errors.push({ field: `cities.${city.id}.hoursGoal`, message: c('form.goalInvalid') });
        return { cityId: city.id, hoursGoal: n };
      });
      if (!cities.length) errors.push({ field: 'cities', message: c('form.citiesMissing') });
      if (errors.length) {
        showProblem(form, { errors });
        return;
      }
      submit.disabled = true;
      try {
        const created = await api.post('campaigns', {
          name: v('name'),
          description: v('description') || null,
          startsOn: v('startsOn'),
          endsOn: v('endsOn'),
          hoursGoal: goal,
          causes: [...new Set(causes)],
          cities,
        });
        announce(c('form.campaignCreated', { name: created.name }));
        navigate(`#/p/charity/campaign/${created.id}`);
      } catch (err) {
        submit.disabled = false;
        showProblem(form, err);
      }
    });

    clear(view,
      h('p', { class: 'crumbs' }, h('a', { href: '#/p/charity/campaigns' }, c('campaigns.title'))),
      h('h1', { id: 'cp-h' }, c('form.campaignTitle')),
      form);
  },
};
