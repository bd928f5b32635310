// Admin: add a city; find cities (retired ones too) and retire or reinstate them.

import { api } from '../api.js';
import { t, countryName, viewerZone } from '../i18n.js';
import { h, clear, field, alertBox, showProblem, clearErrors, announce, pager, hashLink, table, notice, adminTabs, showAlert } from '../ui.js';
import { cityLabel } from '../city-picker.js';

const SIZE = 20;

function zoneList() {
  try {
    return Intl.supportedValuesOf('timeZone');
  } catch {
    return [viewerZone()];
  }
}

function addForm(navigate) {
  const box = alertBox();
  const zones = h('datalist', { id: 'zones' }, zoneList().map((z) => h('option', { value: z })));
  const form = h('form', { class: 'stack', novalidate: true },
    box,
    h('div', { class: 'two' },
      field({ id: 'newcity-name', name: 'name', label: t('admin.cityName'), required: true, attrs: { maxlength: 200 } }),
      field({ id: 'newcity-ascii', name: 'asciiName', label: t('admin.cityAscii'), attrs: { maxlength: 200 } })),
    h('div', { class: 'two' },
      field({ id: 'newcity-country', name: 'countryCode', label: t('admin.cityCountry'), hint: t('admin.cityCountryHint'), required: true, attrs: { maxlength: 2, autocapitalize: 'characters' } }),
      field({ id: 'newcity-region', name: 'region', label: t('city.region'), attrs: { maxlength: 200 } })),
    field({ id: 'newcity-zone', name: 'timeZone', label: t('city.timeZone'), hint: t('admin.cityZoneHint'), required: true, attrs: { list: 'zones', autocomplete: 'off' } }),
    zones,
    h('div', { class: 'two' },
      field({ id: 'newcity-lat', name: 'latitude', label: t('admin.cityLat'), type: 'number', required: true, attrs: { step: 'any', min: -90, max: 90 } }),
      field({ id: 'newcity-lon', name: 'longitude', label: t('admin.cityLon'), type: 'number', required: true, attrs: { step: 'any', min: -180, max: 180 } })),
    field({ id: 'newcity-population', name: 'population', label: t('city.population'), type: 'number', attrs: { min: 0, step: 1 } }),
    field({ id: 'newcity-other', name: 'otherNames', label: t('admin.cityOther'), hint: t('admin.cityOtherHint') }),
    h('div', { class: 'actions' }, h('button', { type: 'submit', class: 'primary', id: 'newcity-submit' }, t('admin.addCity'))));
  form.addEventListener('submit', async (e) => {
    e.preventDefault();
    clearErrors(form);
    const v = (n) => form.elements[n].value.trim();
    const numOrNull = (n) => (v(n) === '' ? null : Number(v(n)));
    const body = {
      name: v('name'), asciiName: v('asciiName') || null, countryCode: v('countryCode').toUpperCase(), region: v('region') || null,
      timeZone: v('timeZone'), latitude: numOrNull('latitude'), longitude: numOrNull('longitude'), population: numOrNull('population'),
      otherNames: v('otherNames') ? v('otherNames').split(/[,，、]/).map((s) => s.trim()).filter(Boolean) : [],
    };
    const errors = [];
    if (!body.name) errors.push({ field: 'name', message: t('admin.cityNameMissing') });
    if (!/^[A-Z]{2}$/.test(body.countryCode)) errors.push({ field: 'countryCode', message: t('editor.countriesInvalid') });
    if (!body.timeZone) errors.push({ field: 'timeZone', message: t('admin.cityZoneMissing') });
    if (errors.length) {
      showProblem(form, { errors });
      return;
    }
    try {
      const city = await api.post('/api/admin/cities', body);
      announce(t('admin.cityAdded', { city: city.name }));
      navigate(`#/cities/${city.id}`);
    } catch (err) {
      showProblem(form, err);
    }
  });
  return form;
}

export default {
  auth: true,
  admin: true,
  async render({ view, query, navigate }) {
    const q = query.q || '';
    const page = Math.max(0, Number(query.page) || 0);
    const result = await api.get('/api/cities', { q, page, size: SIZE, includeRetired: 'true' });
    const listBox = alertBox();
    const search = h('form', { class: 'search-form', role: 'search' },
      h('label', { for: 'admin-cities-q' }, t('cities.search')),
      h('div', { class: 'inline' },
        h('input', { id: 'admin-cities-q', name: 'q', type: 'search', value: q }),
        h('button', { type: 'submit', class: 'primary' }, t('common.search'))));
    search.addEventListener('submit', (e) => {
      e.preventDefault();
      navigate(hashLink('/admin/cities', { q: search.q.value.trim() }));
    });
    const toggle = (c) => {
      const b = h('button', { type: 'button', class: `small${c.retired ? '' : ' danger'}`, 'aria-label': `${c.retired ? t('city.reinstate') : t('city.retire')}: ${cityLabel(c)}` },
        c.retired ? t('city.reinstate') : t('city.retire'));
      b.addEventListener('click', async () => {
        b.disabled = true;
        try {
          const updated = await api.put(`/api/admin/cities/${c.id}/retired`, { retired: !c.retired });
          announce(updated.retired ? t('city.retiredDone') : t('city.reinstatedDone'));
          Object.assign(c, updated);
          const row = b.closest('tr');
          row.querySelector('.retired-state').textContent = c.retired ? t('city.retired') : t('admin.active');
          const fresh = toggle(c);
          b.replaceWith(fresh);
          fresh.focus();
        } catch (err) {
          showAlert(listBox, err.userMessage);
          b.disabled = false;
        }
      });
      return b;
    };
    clear(view,
      adminTabs('admin-cities'),
      h('h1', null, t('admin.citiesTitle')),
      h('section', { 'aria-labelledby': 'find-h' },
        h('h2', { id: 'find-h' }, t('admin.findCities')),
        search, listBox,
        result.items.length ? table([
          { label: t('admin.cityName'), cell: (c) => h('a', { href: `#/cities/${c.id}` }, cityLabel(c)) },
          { label: t('city.country'), cell: (c) => countryName(c.countryCode) },
          { label: t('city.timeZone'), cell: (c) => c.timeZone },
          { label: t('admin.status'), cell: (c) => h('span', { class: 'retired-state' }, c.retired ? t('city.retired') : t('admin.active')) },
          { label: t('admin.action'), cell: (c) => toggle(c) },
        ], result.items, { caption: t('cities.count', { count: result.total, total: result.total }) }) : notice(t('city.noMatch')),
        pager(result, (p) => hashLink('/admin/cities', { q, page: p }))),
      h('section', { class: 'card', 'aria-labelledby': 'add-h' },
        h('h2', { id: 'add-h' }, t('admin.addCity')),
        addForm(navigate)));
  },
};
