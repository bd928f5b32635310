// Propose (members, in their home city) or create (organisers) a booth: #/p/booths/new-booth. Opening hours are entered
// per day as a date and wall times in the city's time zone, sent as {date, opens, closes}; the server cuts them into
// slots of slotMinutes.

import {
  pluginApi, t, h, clear, field, alertBox, showProblem, clearErrors, announce, notice, uid, cityPicker,
} from '/kit.js';

const api = pluginApi('booths');
const b = (key, params) => t(`booths.${key}`, params);
const CODE = /^[a-z0-9][a-z0-9-]*$/;
const items = (x) => (Array.isArray(x) ? x : (x && x.items) || []);

/** A date (yyyy-mm-dd) in a zone, days after today. */
function dayIn(zone, plus = 0) {
  const d = new Date(Date.now() + plus * 86400000);
  try {
    return new Intl.DateTimeFormat('en-CA', { timeZone: zone, year: 'numeric', month: '2-digit', day: '2-digit' }).format(d);
  } catch {
    return d.toISOString().slice(0, 10);
  }
}

/** Marks a field's control with its name inside its opening (renumber writes the full field names). */
function based(el, base) {
  el.querySelector('[data-field]').dataset.base = base;
  return el;
}

function openingBlock(container, date, onRemove) {
  const key = uid('opening');
  const remove = h('button', { type: 'button', class: 'danger small', dataset: { testid: 'opening-remove' } }, b('form.removeOpening'));
  const block = h('fieldset', { class: 'shift', dataset: { opening: key } },
    h('legend', null, ''),
    h('div', { class: 'two opening-times' },
      based(field({ id: `${key}-date`, name: 'date', label: b('form.date'), type: 'date', value: date, required: true, attrs: { 'data-testid': 'opening-date' } }), 'date'),
      based(field({ id: `${key}-opens`, name: 'opens', label: b('form.opens'), type: 'time', value: '10:00', required: true, attrs: { 'data-testid': 'opening-opens' } }), 'opens'),
      based(field({ id: `${key}-closes`, name: 'closes', label: b('form.closes'), type: 'time', value: '16:00', required: true, attrs: { 'data-testid': 'opening-closes' } }), 'closes')),
    h('div', { class: 'actions' }, remove));
  remove.addEventListener('click', () => {
    if (container.children.length <= 1) return;
    const next = block.nextElementSibling || block.previousElementSibling;
    block.remove();
    onRemove();
    const focus = next && next.querySelector('input');
    if (focus) focus.focus();
    announce(b('form.openingRemoved'));
  });
  return block;
}

/** Numbers the openings and names their fields by position (openings[0].date), so errors land next to the right control. */
function renumber(container) {
  const blocks = [...container.children];
  blocks.forEach((el, i) => {
    el.querySelector('legend').textContent = b('form.openingN', { n: i + 1 });
    el.querySelector('[data-testid="opening-remove"]').hidden = blocks.length <= 1;
    el.querySelectorAll('[data-base]').forEach((c) => { c.dataset.field = `openings[${i}].${c.dataset.base}`; });
  });
}

export default {
  auth: true,
  async render({ view, me, navigate, isCurrent }) {
    const catalogue = items(await api.get('products')).filter((p) => !p.retired);
    if (!isCurrent()) return;
    const organises = (cityId) => !!me && (me.admin || (me.organiserOf || []).some((x) => String(x.id ?? x.cityId) === String(cityId)));
    const zoneOf = (c) => (c ? c.timeZone || c.zone : null);

    // Cities: admins pick any; others their home city and the cities they organise.
    const choices = [];
    const seen = new Set();
    [me.homeCity, ...(me.organiserOf || [])].filter(Boolean).forEach((c) => {
      const cid = String(c.id ?? c.cityId);
      if (!seen.has(cid)) {
        seen.add(cid);
        choices.push({ id: Number(cid), name: c.name, timeZone: zoneOf(c) });
      }
    });
    if (!me.admin && !choices.length) {
      clear(view, h('h1', null, b('form.boothTitle')), notice(b('form.noHomeCity')),
        h('p', null, h('a', { href: '#/me/settings' }, b('form.setHomeCity'))));
      return;
    }

    let chosen = choices[0] || null;
    const zoneHint = h('p', { class: 'hint', id: 'booth-zone-hint', 'aria-live': 'polite' });
    const modeNote = h('p', { class: 'alert info', dataset: { testid: 'booth-mode' } });
    const sync = () => {
      zoneHint.textContent = chosen ? b('form.zoneHint', { city: chosen.name, zone: zoneOf(chosen) || '–' }) : b('form.pickCityFirst');
      modeNote.textContent = chosen && organises(chosen.id) ? b('form.planNow') : b('form.proposal');
    };
    let cityControl;
    if (me.admin) {
      const picker = cityPicker({
        id: 'booth-city', name: 'cityId', label: b('booth.city'), required: true, value: chosen,
        onChange: (c) => { chosen = c; sync(); },
      });
      cityControl = picker.el;
    } else {
      cityControl = field({
        id: 'booth-city', name: 'cityId', label: b('booth.city'), kind: 'select', required: true, value: chosen.id,
        hint: b('form.cityHint'),
        options: choices.map((c) => ({ value: c.id, label: c.name })),
      });
      cityControl.querySelector('select').addEventListener('change', (e) => {
        chosen = choices.find((c) => String(c.id) === e.target.value) || choices[0];
        sync();
      });
    }

    const productBox = h('fieldset', { class: 'field', tabindex: '-1', 'aria-describedby': 'booth-products-hint' },
      h('legend', null, b('booth.products'), h('span', { class: 'req', 'aria-hidden': 'true' }, ' *')),
      h('p', { class: 'hint', id: 'booth-products-hint' }, b('form.productsHint')),
      catalogue.length
        ? catalogue.map((p) => h('div', { class: 'check' },
          h('input', { id: `booth-product-${p.id}`, type: 'checkbox', value: String(p.id), 'data-testid': `product-${p.id}` }),
          h('label', { for: `booth-product-${p.id}` }, p.name, p.description ? h('span', { class: 'muted small' }, ` — ${p.description}`) : null)))
        : h('p', { class: 'muted' }, b('form.noProducts'), ' ', h('a', { href: '#/p/booths/products' }, b('products.link'))));
    productBox.dataset.field = 'productIds';

    const openings = h('div', { class: 'shifts' });
    const renum = () => renumber(openings);
    openings.append(openingBlock(openings, dayIn(zoneOf(chosen), 1), renum));
    renum();
    const addOpening = h('button', { type: 'button', dataset: { testid: 'opening-add' } }, b('form.addOpening'));
    addOpening.addEventListener('click', () => {
      const last = openings.lastElementChild;
      const prev = last ? last.querySelector('input[type=date]').value : '';
      let next = dayIn(zoneOf(chosen), 1);
      if (prev) {
        const d = new Date(`${prev}T12:00:00Z`);
        d.setUTCDate(d.getUTCDate() + 1);
        next = d.toISOString().slice(0, 10);
      }
      const block = openingBlock(openings, next, renum);
      openings.append(block);
      renum();
      block.querySelector('input').focus();
    });

    const box = alertBox();
    const submit = h('button', { type: 'submit', class: 'primary', dataset: { testid: 'booth-submit' } }, b('form.submitBooth'));
    const form = h('form', { class: 'stack editor', novalidate: true, 'aria-labelledby': 'booth-h' },
      box,
      h('fieldset', null, h('legend', null, b('booth.where')),
        cityControl,
        field({ id: 'booth-compound', name: 'compound', label: b('booth.compound'), required: true, hint: b('form.compoundHint'), attrs: { maxlength: 120, 'data-testid': 'booth-compound' } }),
        field({ id: 'booth-address', name: 'address', label: b('booth.address'), required: true, hint: b('form.addressHint'), attrs: { maxlength: 300, 'data-testid': 'booth-address-input' } }),
        h('div', { class: 'two' },
          field({ id: 'booth-lat', name: 'latitude', label: b('form.latitude'), type: 'number', hint: b('form.coordinatesHint'), attrs: { min: -90, max: 90, step: 'any', inputmode: 'decimal' } }),
          field({ id: 'booth-lon', name: 'longitude', label: b('form.longitude'), type: 'number', attrs: { min: -180, max: 180, step: 'any', inputmode: 'decimal' } }))),
      productBox,
      h('fieldset', null, h('legend', null, b('form.staffing')),
        h('div', { class: 'two' },
          field({ id: 'booth-slot-minutes', name: 'slotMinutes', label: b('form.slotMinutes'), type: 'number', value: 60, required: true, hint: b('form.slotMinutesHint'), attrs: { min: 15, max: 480, step: 5 } }),
          field({ id: 'booth-volunteers', name: 'volunteersPerSlot', label: b('form.volunteersPerSlot'), type: 'number', value: 2, required: true, attrs: { min: 1, max: 50, step: 1 } })),
        field({ id: 'booth-lead', name: 'lead', label: b('form.lead'), type: 'checkbox', value: false, hint: b('form.leadHint') }),
        h('div', { class: 'two' },
          field({ id: 'booth-lead-level', name: 'leadMinLevel', label: b('form.leadMinLevel'), type: 'number', hint: b('form.leadMinLevelHint'), attrs: { min: 1, step: 1 } }),
          field({ id: 'booth-lead-qualification', name: 'leadQualification', label: b('form.leadQualification'), hint: b('form.leadQualificationHint'), attrs: { maxlength: 100, autocomplete: 'off' } }))),
      h('fieldset', null, h('legend', null, b('booth.openings')),
        zoneHint,
        openings,
        h('div', { class: 'actions' }, addOpening)),
      modeNote,
      h('div', { class: 'actions' }, submit));
    sync();

    form.addEventListener('submit', async (e) => {
      e.preventDefault();
      clearErrors(form);
      const errors = [];
      const v = (name) => form.querySelector(`[data-field="${name}"]`).value.trim();
      const num = (name) => (v(name) === '' ? null : Number(v(name)));
      if (!chosen) errors.push({ field: 'cityId', message: b('form.cityMissing') });
      if (!v('compound')) errors.push({ field: 'compound', message: b('form.compoundMissing') });
      if (!v('address')) errors.push({ field: 'address', message: b('form.addressMissing') });
      const lat = num('latitude');
      const lon = num('longitude');
      if (lat !== null && !(Number.isFinite(lat) && lat >= -90 && lat <= 90)) errors.push({ field: 'latitude', message: b('form.latitudeInvalid') });
      if (lon !== null && !(Number.isFinite(lon) && lon >= -180 && lon <= 180)) errors.push({ field: 'longitude', message: b('form.longitudeInvalid') });
      if ((lat === null) !== (lon === null)) errors.push({ field: lat === null ? 'latitude' : 'longitude', message: b('form.coordinatesBoth') });
      const productIds = [...productBox.querySelectorAll('input[type=checkbox]:checked')].map((c) => Number(c.value));
      if (!productIds.length) errors.push({ field: 'productIds', message: b('form.productsMissing') });
      const slotMinutes = num('slotMinutes');
      if (!Number.isInteger(slotMinutes) || slotMinutes < 15 || slotMinutes > 480) errors.push({ field: 'slotMinutes', message: b('form.slotMinutesInvalid') });
      const volunteersPerSlot = num('volunteersPerSlot');
      if (!Number.isInteger(volunteersPerSlot) || volunteersPerSlot < 1 || volunteersPerSlot > 50) errors.push({ field: 'volunteersPerSlot', message: b('form.volunteersInvalid') });
      const lead = form.querySelector('[data-field="lead"]').checked;
      const leadMinLevel = num('leadMinLevel');
      if (leadMinLevel !== null && (!Number.isInteger(leadMinLevel) || leadMinLevel < 1)) errors.push({ field: 'leadMinLevel', message: b('form.levelInvalid') });
      const leadQualification = v('leadQualification').toLowerCase() || null;
      if (leadQualification && !CODE.test(leadQualification)) errors.push({ field: 'leadQualification', message: b('form.qualificationInvalid') });
      renum();
      const openingBodies = [...openings.children].map((el, i) => {
        const get = (n) => el.querySelector(`[data-base="${n}"]`).value.trim();
        const date = get('date');
        const opens = get('opens');
        const closes = get('closes');
        if (!date) errors.push({ field: `openings[${i}].date`, message: b('form.dateMissing') });
        if (!opens) errors.push({ field: `openings[${i}].opens`, message: b('form.timeMissing') });
        if (!closes) errors.push({ field: `openings[${i}].closes`, message: b('form.timeMissing') });
        if (opens && closes && closes <= opens) errors.push({ field: `openings[${i}].closes`, message: b('form.closesBeforeOpens') });
        return { date, opens, closes };
      });
      if (errors.length) {
        showProblem(form, { errors });
        return;
      }
      const body = {
        cityId: Number(chosen.id),
        compound: v('compound'),
        address: v('address'),
        latitude: lat,
        longitude: lon,
        productIds,
        slotMinutes,
        volunteersPerSlot,
        lead,
        leadMinLevel: lead ? leadMinLevel : null,
        leadQualification: lead ? leadQualification : null,
        openings: openingBodies,
      };
      submit.disabled = true;
      try {
        const created = await api.post('booths', body);
        announce(created && created.status === 'PROPOSED' ? b('form.proposed') : b('form.planned'));
        navigate(`#/p/booths/booth/${created.id}`);
      } catch (err) {
        submit.disabled = false;
        showProblem(form, err);
      }
    });

    clear(view,
      h('p', { class: 'crumbs' }, h('a', { href: '#/p/booths/booths' }, b('list.title'))),
      h('h1', { id: 'booth-h' }, b('form.boothTitle')),
      h('p', { class: 'lead' }, b('form.boothIntro')),
      catalogue.length ? null : notice(b('form.noProducts'), 'warn'),
      form);
  },
};
