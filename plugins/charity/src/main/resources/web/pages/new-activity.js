// Propose (members) or create (organisers) an activity in a campaign: #/p/charity/new-activity/<campaignId>.
// Shifts are entered as a date and wall times in the chosen city's time zone and sent as instants. A role may get a
// waiver (English, and 简体中文 if wanted) that volunteers accept before signing up; it holds for the role in every shift.
// An open-ended task (the checkbox selfLoggedHours) has its volunteers log their own hours instead of being checked in.

import {
  pluginApi, t, h, clear, field, alertBox, showProblem, clearErrors, announce, notice, uid, wallTimeToInstant,
} from '/kit.js';

const api = pluginApi('charity');
const c = (key, params) => t(`charity.${key}`, params);
const CODE = /^[a-z0-9][a-z0-9-]*$/;

function label(prefix, code) {
  const key = `charity.${prefix}.${code}`;
  const text = t(key);
  return text === key ? code : text;
}

/** Today's date (yyyy-mm-dd) in a zone. */
function today(zone) {
  try {
    return new Intl.DateTimeFormat('en-CA', { timeZone: zone, year: 'numeric', month: '2-digit', day: '2-digit' }).format(new Date());
  } catch {
    return new Date().toISOString().slice(0, 10);
  }
}

/** Marks a field's control with its name inside its shift or role (renumber writes the full field names). */
function based(el, base) {
  el.querySelector('[data-field]').dataset.base = base;
  return el;
}

function roleRow(list, role = {}, changed = () => {}) {
  const key = uid('role');
  const remove = h('button', { type: 'button', class: 'small', dataset: { testid: 'role-remove' } }, c('form.removeRole'));
  const li = h('li', { class: 'card', dataset: { role: key } },
    h('div', { class: 'two' },
      based(field({ id: `${key}-code`, name: 'code', label: c('form.roleCode'), value: role.code ?? '', required: true, hint: c('form.roleCodeHint'), attrs: { maxlength: 40, autocomplete: 'off', 'data-testid': 'role-code' } }), 'code'),
      based(field({ id: `${key}-name`, name: 'name', label: c('form.roleName'), value: role.name ?? '', required: true, attrs: { maxlength: 100, 'data-testid': 'role-name' } }), 'name'),
      based(field({ id: `${key}-capacity`, name: 'capacity', label: c('form.capacity'), type: 'number', value: role.capacity ?? 10, required: true, attrs: { min: 1, max: 500, step: 1, 'data-testid': 'role-capacity' } }), 'capacity'),
      based(field({ id: `${key}-level`, name: 'minLevel', label: c('form.minLevel'), type: 'number', value: role.minLevel ?? '', hint: c('form.minLevelHint'), attrs: { min: 1, step: 1, 'data-testid': 'role-min-level' } }), 'minLevel')),
    h('details', { class: 'waiver-edit', dataset: { testid: 'role-waiver' } },
      h('summary', null, c('form.waiver')),
      h('p', { class: 'hint' }, c('form.waiverHint')),
      based(field({ id: `${key}-waiver-en`, name: 'waiver.en', label: c('form.waiverEn'), kind: 'textarea', attrs: { rows: 3, maxlength: 4000, 'data-testid': 'role-waiver-en' } }), 'waiver.en'),
      based(field({ id: `${key}-waiver-zh`, name: 'waiver.zh-CN', label: c('form.waiverZh'), kind: 'textarea', attrs: { rows: 3, maxlength: 4000, lang: 'zh-CN', 'data-testid': 'role-waiver-zh' } }), 'waiver.zh-CN')),
    h('div', { class: 'actions' }, remove));
  remove.addEventListener('click', () => {
    if (list.children.length <= 1) return;
    const next = li.nextElementSibling || li.previousElementSibling;
    li.remove();
    changed();
    const focus = next && next.querySelector('input');
    if (focus) focus.focus();
    announce(c('form.roleRemoved'));
  });
  return li;
}

/** A shift's repetition: none, every day or every week, until a day (at most the campaign's last day). */
function repeatFields(key, date, lastDay) {
  const every = based(field({
    id: `${key}-repeat`, name: 'repeat.every', label: c('form.repeat'), kind: 'select', value: '',
    options: [{ value: '', label: c('form.repeatNone') }, { value: 'day', label: c('form.repeatDay') }, { value: 'week', label: c('form.repeatWeek') }],
    attrs: { 'data-testid': 'shift-repeat' },
  }), 'repeat.every');
  const until = based(field({
    id: `${key}-until`, name: 'repeat.until', label: c('form.repeatUntil'), type: 'date', value: lastDay || date,
    hint: lastDay ? c('form.repeatUntilHint', { max: 31, last: lastDay }) : null,
    attrs: { 'data-testid': 'shift-repeat-until', ...(lastDay ? { max: lastDay } : {}) },
  }), 'repeat.until');
  const select = every.querySelector('select');
  const sync = () => { until.hidden = !select.value; };
  select.addEventListener('change', sync);
  sync();
  return [every, until];
}

function shiftBlock(container, date, lastDay) {
  const key = uid('shift');
  const roles = h('ul', { class: 'plain' });
  const changed = () => renumber(container);
  roles.append(roleRow(roles, { code: 'helper', name: c('form.defaultHelper'), capacity: 10 }, changed));
  const addRole = h('button', { type: 'button', dataset: { testid: 'role-add' } }, c('form.addRole'));
  const remove = h('button', { type: 'button', class: 'danger small', dataset: { testid: 'shift-remove' } }, c('form.removeShift'));
  const legend = h('legend', null, '');
  const block = h('fieldset', { class: 'shift', dataset: { shift: key } },
    legend,
    h('div', { class: 'two shift-times' },
      based(field({ id: `${key}-date`, name: 'date', label: c('form.date'), type: 'date', value: date, required: true, attrs: { 'data-testid': 'shift-date' } }), 'date'),
      based(field({ id: `${key}-start`, name: 'startsAt', label: c('form.start'), type: 'time', value: '09:00', required: true, attrs: { 'data-testid': 'shift-start' } }), 'startsAt'),
      based(field({ id: `${key}-end`, name: 'endsAt', label: c('form.end'), type: 'time', value: '12:00', required: true, attrs: { 'data-testid': 'shift-end' } }), 'endsAt')),
    h('div', { class: 'two shift-times shift-repeat' }, repeatFields(key, date, lastDay)),
    h('h2', { class: 'look-h4' }, c('form.roles')), // the form's other parts are fieldsets: the next level is 2
    roles,
    h('div', { class: 'actions' }, addRole, remove));
  addRole.addEventListener('click', () => {
    const row = roleRow(roles, { capacity: 5 }, changed);
    roles.append(row);
    changed();
    row.querySelector('input').focus();
  });
  remove.addEventListener('click', () => {
    if (container.children.length <= 1) return;
    const next = block.nextElementSibling || block.previousElementSibling;
    block.remove();
    renumber(container);
    const focus = next && next.querySelector('input');
    if (focus) focus.focus();
    announce(c('form.shiftRemoved'));
  });
  return block;
}

/** Numbers the shifts and names their fields by position (shifts[0].startsAt, shifts[0].roles[1].code), so
 * errors, the browser's and the server's, land next to the right control. */
function renumber(container) {
  const blocks = [...container.children];
  blocks.forEach((b, i) => {
    b.querySelector('legend').textContent = c('form.shiftN', { n: i + 1 });
    b.querySelector('[data-testid="shift-remove"]').hidden = blocks.length <= 1;
    b.querySelectorAll('.shift-times [data-base]').forEach((el) => { el.dataset.field = `shifts[${i}].${el.dataset.base}`; });
    const rows = [...b.querySelectorAll('li[data-role]')];
    rows.forEach((li, j) => {
      li.querySelectorAll('[data-base]').forEach((el) => { el.dataset.field = `shifts[${i}].roles[${j}].${el.dataset.base}`; });
      li.querySelector('[data-testid="role-remove"]').hidden = rows.length <= 1;
    });
  });
}

/** Unfolds the waiver sections that hold a field at fault, so its message shows. */
function unfold(form, fields) {
  for (const name of fields) {
    const control = name && form.querySelector(`[data-field="${CSS.escape(name)}"]`);
    const part = control && control.closest('details');
    if (part) part.open = true;
  }
}

function notFound(view) {
  clear(view,
    h('h1', null, c('campaign.notFoundTitle')),
    notice(c('campaign.notFound')),
    h('p', null, h('a', { href: '#/p/charity/campaigns' }, c('campaigns.title'))));
}

export default {
  auth: true,
  async render({ view, params, me, navigate, isCurrent }) {
    const id = params.arg;
    if (!id || !/^\d+$/.test(id)) {
      notFound(view);
      return;
    }
    let cp;
    try {
      cp = await api.get(`campaigns/${id}`);
    } catch (e) {
      if (e.status !== 404) throw e;
      if (isCurrent()) notFound(view);
      return;
    }
    if (!isCurrent()) return;
    const cities = cp.cities || [];
    if (!cities.length) {
      clear(view, h('h1', null, c('form.activityTitle')), notice(c('form.noCities')));
      return;
    }
    const organises = (cityId) => !!me && (me.admin || (me.organiserOf || []).some((x) => String(x.id ?? x.cityId) === String(cityId)));

    const box = alertBox();
    const cityField = field({
      id: 'act-city', name: 'cityId', label: c('activity.city'), kind: 'select', required: true, value: cities[0].cityId,
      options: cities.map((x) => ({ value: x.cityId, label: x.cityName })),
    });
    const citySelect = cityField.querySelector('select');
    const city = () => cities.find((x) => String(x.cityId) === citySelect.value) || cities[0];
    const zoneHint = h('p', { class: 'hint', id: 'act-zone-hint', 'aria-live': 'polite' });
    const modeNote = h('p', { class: 'alert info', dataset: { testid: 'activity-mode' } });
    const syncCity = () => {
      zoneHint.textContent = c('form.zoneHint', { city: city().cityName, zone: city().zone });
      modeNote.textContent = organises(city().cityId) ? c('form.publishNow') : c('form.proposal');
    };
    citySelect.addEventListener('change', syncCity);

    const start = cp.startsOn && cp.startsOn > today(cities[0].zone) ? cp.startsOn : today(cities[0].zone);
    const shifts = h('div', { class: 'shifts' });
    shifts.append(shiftBlock(shifts, start, cp.endsOn));
    renumber(shifts);
    const addShift = h('button', { type: 'button', dataset: { testid: 'shift-add' } }, c('form.addShift'));
    addShift.addEventListener('click', () => {
      const last = shifts.lastElementChild;
      const block = shiftBlock(shifts, last ? last.querySelector('input[type=date]').value : start, cp.endsOn);
      shifts.append(block);
      renumber(shifts);
      block.querySelector('input').focus();
    });

    const submit = h('button', { type: 'submit', class: 'primary', dataset: { testid: 'activity-submit' } }, c('form.submitActivity'));
    const form = h('form', { class: 'stack editor', novalidate: true, 'aria-labelledby': 'act-h' },
      box,
      h('fieldset', null, h('legend', null, c('activity.about')),
        cityField,
        field({
          id: 'act-cause', name: 'cause', label: c('activity.cause'), kind: 'select', required: true, value: (cp.causes || [])[0],
          options: (cp.causes || []).map((x) => ({ value: x, label: label('cause', x) })),
        }),
        field({ id: 'act-title', name: 'title', label: c('form.title'), required: true, attrs: { maxlength: 200 } }),
        field({ id: 'act-description', name: 'description', label: c('form.description'), kind: 'textarea', attrs: { rows: 4, maxlength: 4000 } }),
        field({ id: 'act-partner', name: 'partnerName', label: c('activity.partner'), hint: c('form.partnerHint'), attrs: { maxlength: 200 } }),
        field({ id: 'act-self-logged', name: 'selfLoggedHours', label: c('form.selfLogged'), type: 'checkbox', value: false, hint: c('form.selfLoggedHint'), attrs: { 'data-testid': 'activity-self-logged' } })),
      h('fieldset', null, h('legend', null, c('activity.meeting')),
        field({ id: 'act-meeting-point', name: 'meetingPoint', label: c('form.meetingPoint'), required: true, hint: c('form.meetingPointHint'), attrs: { maxlength: 300 } }),
        field({ id: 'act-meeting-before', name: 'meetingMinutesBefore', label: c('form.meetingBefore'), type: 'number', value: 15, required: true, attrs: { min: 0, max: 240, step: 1 } })),
      h('fieldset', null, h('legend', null, c('activity.shifts')),
        zoneHint,
        shifts,
        h('div', { class: 'actions' }, addShift)),
      modeNote,
      h('div', { class: 'actions' }, submit));
    syncCity();

    form.addEventListener('submit', async (e) => {
      e.preventDefault();
      clearErrors(form);
      const errors = [];
      const v = (name) => form.querySelector(`[data-field="${name}"]`).value.trim();
      const zone = city().zone;
      if (!v('title')) errors.push({ field: 'title', message: c('form.titleMissing') });
      if (!v('meetingPoint')) errors.push({ field: 'meetingPoint', message: c('form.meetingPointMissing') });
      const before = Number(v('meetingMinutesBefore'));
      if (!Number.isInteger(before) || before < 0 || before > 240) errors.push({ field: 'meetingMinutesBefore', message: c('form.meetingBeforeInvalid') });
      renumber(shifts);
      const waiverOf = new Map(); // role code -> its waiver as given first: one per role of the activity
      const shiftBodies = [...shifts.children].map((b, i) => {
        const get = (n) => b.querySelector(`.shift-times [data-base="${n}"]`).value.trim();
        const date = get('date');
        const from = get('startsAt');
        const to = get('endsAt');
        if (!date) errors.push({ field: `shifts[${i}].date`, message: c('form.dateMissing') });
        if (!from) errors.push({ field: `shifts[${i}].startsAt`, message: c('form.timeMissing') });
        if (!to) errors.push({ field: `shifts[${i}].endsAt`, message: c('form.timeMissing') });
        const startsAt = date && from ? wallTimeToInstant(`${date}T${from}`, zone) : null;
        const endsAt = date && to ? wallTimeToInstant(`${date}T${to}`, zone) : null;
        if (startsAt && endsAt && endsAt <= startsAt) errors.push({ field: `shifts[${i}].endsAt`, message: c('form.endBeforeStart') });
        const every = get('repeat.every');
        const until = get('repeat.until');
        let repeat = null;
        if (every) {
          const untilField = `shifts[${i}].repeat.until`;
          if (!until) errors.push({ field: untilField, message: c('form.repeatUntilMissing') });
          else if (date && until < date) errors.push({ field: untilField, message: c('form.repeatUntilBefore') });
          else if (cp.endsOn && until > cp.endsOn) errors.push({ field: untilField, message: c('form.repeatUntilBeyond', { last: cp.endsOn }) });
          else if (date && (Date.parse(until) - Date.parse(date)) / 86400000 / (every === 'week' ? 7 : 1) >= 31) {
            errors.push({ field: untilField, message: c('form.repeatTooMany', { max: 31 }) });
          }
          repeat = { every, until };
        }
        const codes = new Set();
        const roles = [...b.querySelectorAll('li[data-role]')].map((li) => {
          const rv = (n) => li.querySelector(`[data-base="${n}"]`);
          const code = rv('code').value.trim();
          const name = rv('name').value.trim();
          const capacity = Number(rv('capacity').value);
          const levelRaw = rv('minLevel').value.trim();
          const minLevel = levelRaw ? Number(levelRaw) : null;
          if (!CODE.test(code) || codes.has(code)) errors.push({ field: rv('code').dataset.field, message: CODE.test(code) ? c('form.roleCodeTwice') : c('form.roleCodeInvalid') });
          codes.add(code);
          if (!name) errors.push({ field: rv('name').dataset.field, message: c('form.roleNameMissing') });
          if (!Number.isInteger(capacity) || capacity < 1 || capacity > 500) errors.push({ field: rv('capacity').dataset.field, message: c('form.capacityInvalid') });
          if (minLevel !== null && (!Number.isInteger(minLevel) || minLevel < 1)) errors.push({ field: rv('minLevel').dataset.field, message: c('form.minLevelInvalid') });
          const en = rv('waiver.en').value.trim();
          const zh = rv('waiver.zh-CN').value.trim();
          let waiver = null;
          if (zh && !en) errors.push({ field: rv('waiver.en').dataset.field, message: c('form.waiverEnMissing') });
          else if (en) {
            waiver = zh ? { en, 'zh-CN': zh } : { en };
            const first = waiverOf.get(code);
            if (first && JSON.stringify(first) !== JSON.stringify(waiver)) errors.push({ field: rv('waiver.en').dataset.field, message: c('form.waiverTwice') });
            else waiverOf.set(code, waiver);
          }
          return waiver ? { code, name, capacity, minLevel, waiver } : { code, name, capacity, minLevel };
        });
        return repeat ? { startsAt, endsAt, roles, repeat } : { startsAt, endsAt, roles };
      });
      if (errors.length) {
        unfold(form, errors.map((x) => x.field));
        showProblem(form, { errors });
        return;
      }
      const body = {
        cityId: Number(citySelect.value),
        cause: v('cause'),
        title: v('title'),
        description: form.querySelector('[data-field="description"]').value.trim() || null,
        meetingPoint: v('meetingPoint'),
        meetingMinutesBefore: before,
        partnerName: v('partnerName') || null,
        selfLoggedHours: form.querySelector('[data-field="selfLoggedHours"]').checked,
        shifts: shiftBodies,
      };
      submit.disabled = true;
      try {
        const created = await api.post(`campaigns/${cp.id}/activities`, body);
        announce(created && created.status === 'PUBLISHED' ? c('form.published') : c('form.proposed'));
        navigate(`#/p/charity/activity/${created.id}`);
      } catch (err) {
        submit.disabled = false;
        unfold(form, [err.field, ...(err.errors || []).map((x) => x.field)]);
        showProblem(form, err);
      }
    });

    clear(view,
      h('p', { class: 'crumbs' }, h('a', { href: `#/p/charity/campaign/${cp.id}` }, cp.name)),
      h('h1', { id: 'act-h' }, c('form.activityTitle')),
      h('p', { class: 'lead' }, c('form.activityIntro', { campaign: cp.name })),
      form);
  },
};
