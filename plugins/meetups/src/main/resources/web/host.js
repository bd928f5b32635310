// Hosting: create (one-off or a weekly/monthly series) or propose a meetup, edit one (#edit-<id>), approve or reject
// proposals, publish / cancel / finish what I host, post recaps, and manage the trusted hosts of my cities.
import {
  $, api, cityPicker, clear, errorContent, h, initPage, instantToLocal, items, loadMe, loginPrompt,
  myCities, organises, pager, safeUrl, say, sayError, statusBadge, t, timeEl, showPendingProposals,
} from './meetups.js';
import './host-strings.js';

initPage('host');

const message = $('message');
const form = $('meetup-form');
const formBox = $('form-message');
let me = null;
let editing = null; // the View being edited
let original = null; // the body as the edited meetup had it, to send only what changed
let hostingPage = 0;

let cities = null; // the city picker, made once we know who is hosting

/** "a, b，#c" → ['a', 'b', 'c'] */
const list = (s) => s.split(/[,，、]/).map((x) => x.trim().replace(/^[#@]/, '')).filter(Boolean);
const numOrNull = (v) => (v === '' || v == null ? null : Number(v));

// ---- the create / edit form ----

function zoneOfForm() {
  if (editing) return { name: editing.cityName, zone: editing.timeZone };
  const c = cities && cities.city;
  return c ? { name: c.name, zone: c.timeZone } : { name: '', zone: null };
}

function cityChanged() {
  const c = editing ? { id: editing.cityId, name: editing.cityName } : cities && cities.city;
  const z = zoneOfForm();
  $('m-zone-hint').textContent = z.zone ? t('host.zone', { city: z.name, zone: z.zone }) : '';
  if (editing) {
    $('form-intro').textContent = t('host.introEdit');
    $('m-city-hint').textContent = '';
    $('publish-field').hidden = true;
    return;
  }
  if (!c) {
    $('form-intro').textContent = t('host.noCity');
    $('meetup-submit').disabled = true;
    return;
  }
  $('meetup-submit').disabled = false;
  const organiser = organises(me, c.id);
  $('form-intro').textContent = t(organiser ? 'host.introOrganiser' : 'host.introProposal', { city: c.name });
  $('m-city-hint').textContent = t(organiser ? 'host.cityOrganiser' : 'host.cityProposal');
  $('publish-field').hidden = !organiser;
  $('meetup-submit').textContent = t(organiser ? 'host.submitCreate' : 'host.submitPropose');
}

/**
 * The form as the API's body: times on the city's wall clock. Empty text is sent as "" (a change clears it; null
 * would leave it as it was), an empty offer time as 0 (promote at once).
 */
function body() {
  const v = (id) => $(id).value.trim();
  return {
    title: v('m-title'),
    description: v('m-description'),
    venueName: v('m-venue'),
    venueAddress: v('m-address'),
    startsLocal: v('m-start'),
    endsLocal: v('m-end'),
    rsvpOpensLocal: v('m-rsvp-opens'),
    capacity: numOrNull(v('m-capacity')),
    maxGuests: numOrNull(v('m-guests')) ?? 0,
    newcomerSeats: numOrNull(v('m-newcomers')),
    offerHours: numOrNull(v('m-offer-hours')) ?? 0,
    tags: list(v('m-tags')),
    coverImageUrl: v('m-cover'),
    hostHandles: list(v('m-cohosts')),
  };
}

function changedFields(now, before) {
  const out = {};
  for (const [k, val] of Object.entries(now)) {
    if (JSON.stringify(val) !== JSON.stringify(before[k])) out[k] = val;
  }
  return out;
}

function showWarnings(answer) {
  const warnings = [].concat(...(Array.isArray(answer) ? answer : [answer]).map((a) => (a && a.warnings) || []));
  const box = $('warnings');
  box.hidden = !warnings.length;
  clear(box, warnings.length ? [h('p', null, h('strong', null, t('host.warnings'))), h('ul', { id: 'warning-list' },
    warnings.map((w) => h('li', { dataset: { code: w.code || '' } }, w.message || w.code,
      w.meetupId ? [' (', h('a', { href: `meetup.html#${w.meetupId}` }, t('host.clash')), ')'] : null)))] : null);
}

async function submit(e) {
  e.preventDefault();
  const b = body();
  if (!b.title || !b.venueName || !b.startsLocal || !b.endsLocal) {
    // every missing field says so next to itself, as the server's answers do
    const missing = ['m-title', 'm-venue', 'm-start', 'm-end'].filter((id) => !$(id).value.trim());
    sayError(formBox, { errors: missing.map((id) => ({ field: $(id).dataset.field || $(id).name, message: t('host.requiredField') })) }, form);
    return;
  }
  form.querySelectorAll('[aria-invalid]').forEach((c) => c.removeAttribute('aria-invalid'));
  $('meetup-submit').disabled = true;
  try {
    if (editing) {
      const changes = changedFields(b, original);
      if (!Object.keys(changes).length) {
        say(formBox, t('host.nothingChanged'), 'info');
        return;
      }
      const answer = await api.patch(`meetups/${editing.id}`, { ...changes, version: editing.version });
      showWarnings(answer);
      fill(answer);
      say(formBox, [t('host.saved'), ' ', h('a', { href: `meetup.html#${answer.id}` }, t('host.open'))], 'success');
    } else {
      const full = { ...b, cityId: cities.cityId };
      if (full.newcomerSeats == null) delete full.newcomerSeats; // the usual share
      if (!$('publish-field').hidden) full.publish = $('m-publish').checked;
      if ($('m-repeat').value) full.repeat = { frequency: $('m-repeat').value, count: Number($('m-repeat-count').value || 2) };
      const answer = await api.post('meetups', full);
      const created = answer && Array.isArray(answer.items) ? answer.items : [answer];
      showWarnings(created);
      const first = created[0] || {};
      say(formBox, [
        created.length > 1 ? `${t('host.createdSeries', { count: created.length })} ` : '',
        t('host.created', { title: first.title || b.title, status: t(`status.${first.status}`) }), ' ',
        h('a', { href: `meetup.html#${first.id}`, id: 'created-link' }, t('host.open'))], 'success');
      form.reset();
      $('m-repeat-count').disabled = true;
      cityChanged();
    }
    loadHosting();
  } catch (err) {
    if (err && err.code === 'meetups.edited-meanwhile' && editing) {
      // another host saved first: show the meetup as it is now, and say so, instead of overwriting their change
      try {
        fill(await api.get(`meetups/${editing.id}`));
      } catch { /* the message below still tells what happened */ }
    }
    sayError(formBox, err, form);
  } finally {
    $('meetup-submit').disabled = false;
  }
}

/** Puts a meetup (View) into the form for editing. */
function fill(m) {
  editing = m;
  const set = (id, v) => { $(id).value = v ?? ''; };
  set('m-title', m.title);
  set('m-description', m.description);
  set('m-venue', m.venueName);
  set('m-address', m.venueAddress);
  set('m-start', (m.startsLocal || instantToLocal(m.startsAt, m.timeZone)).slice(0, 16));
  set('m-end', (m.endsLocal || instantToLocal(m.endsAt, m.timeZone)).slice(0, 16));
  set('m-rsvp-opens', m.rsvpOpensAt ? instantToLocal(m.rsvpOpensAt, m.timeZone) : '');
  set('m-capacity', m.capacity);
  set('m-guests', m.maxGuests);
  set('m-newcomers', m.newcomerSeats);
  set('m-offer-hours', m.offerHours);
  set('m-tags', (m.tags || []).join(', '));
  set('m-cover', m.coverImageUrl);
  // The creator (first host) is always a host: list the others, and everyone when someone else created it.
  const hosts = (m.hosts || []).map((x) => x.handle);
  set('m-cohosts', (me && hosts[0] === me.handle ? hosts.slice(1) : hosts).join(', '));
  original = body();
  $('form-title').textContent = t('host.editTitle', { title: m.title });
  $('meetup-submit').textContent = t('host.submitEdit');
  $('edit-cancel').hidden = false;
  $('repeat-fields').hidden = true;
  $('m-city').disabled = true;
  clear($('m-city'), h('option', { value: m.cityId }, m.cityName || String(m.cityId)));
  cityChanged();
}

async function startEdit(id) {
  try {
    fill(await api.get(`meetups/${id}`));
    form.scrollIntoView();
    $('m-title').focus();
  } catch (err) {
    sayError(message, err);
  }
}

function leaveEdit() {
  editing = null;
  original = null;
  form.reset();
  $('form-title').textContent = t('host.create');
  $('edit-cancel').hidden = true;
  $('repeat-fields').hidden = false;
  $('m-repeat-count').disabled = true;
  $('m-city').disabled = false;
  cities.setPreset(hostCities());
  cityChanged();
}

function hostCities() {
  // Cities I organise plus my home city (for proposals); an admin may also search any city.
  return myCities(me);
}

// ---- a small "reason + button" form, used to reject and to cancel ----

function reasonForm({ id, summary, label, button, onSubmit }) {
  const input = h('input', { id: `${id}-reason`, type: 'text', required: true, maxlength: 500, 'data-field': 'reason' });
  const f = h('form', { class: 'mu-inline-form', id: `${id}-form` },
    h('div', { class: 'field' }, h('label', { for: `${id}-reason` }, label), input),
    h('button', { type: 'submit', class: 'danger', id: `${id}-submit` }, button));
  f.addEventListener('submit', (e) => {
    e.preventDefault();
    if (!input.value.trim()) {
      input.setAttribute('aria-invalid', 'true');
      input.focus();
      return;
    }
    onSubmit(input.value.trim(), f);
  });
  return h('details', null, h('summary', { id: `${id}-toggle` }, summary), f);
}

async function act(promise, done) {
  try {
    await promise;
    say(message, done, 'success');
    message.scrollIntoView({ block: 'nearest' });
  } catch (err) {
    sayError(message, err);
  }
  loadHosting();
  loadProposals();
}

function meetupLine(m) {
  return [
    h('p', null, h('a', { href: `meetup.html#${m.id}` }, h('strong', null, m.title)), ' ', statusBadge(m.status)),
    h('p', { class: 'muted' }, timeEl(m.startsAt, m.timeZone), ` · ${m.venueName || ''}${m.cityName ? ` · ${m.cityName}` : ''}`),
  ];
}

// ---- proposals ----

async function loadProposals() {
  if (!me || !(me.admin || (me.organiserOf || []).length)) return;
  $('proposals').hidden = false;
  const box = $('proposal-list');
  try {
    const page = await api.get('proposals', { size: 50 });
    const found = items(page);
    showPendingProposals(page.total ?? found.length);
    clear(box, found.length ? found.map((m) => h('li', { dataset: { testid: `proposal-${m.id}` } },
      meetupLine(m),
      m.hosts && m.hosts.length ? h('p', { class: 'small' }, t('host.proposedBy', { name: m.hosts[0].displayName || m.hosts[0].handle })) : null,
      m.description ? h('p', { class: 'description small' }, m.description) : null,
      h('div', { class: 'actions' },
        h('button', {
          type: 'button', class: 'primary small', id: `approve-${m.id}`,
          onclick: () => act(api.post(`meetups/${m.id}/approve`), t('host.approved', { title: m.title })),
        }, t('host.approve'))),
      reasonForm({
        id: `reject-${m.id}`, summary: t('host.reject'), label: t('host.rejectReason'), button: t('host.reject'),
        onSubmit: (reason) => act(api.post(`meetups/${m.id}/reject`, { reason }), t('host.rejected', { title: m.title })),
      })))
      : h('li', { class: 'muted' }, t('host.proposalsNone')));
  } catch (err) {
    clear(box, h('li', { class: 'alert error' }, errorContent(err)));
  }
}

// ---- meetups I host ----

function recapForm(m) {
  const text = h('textarea', { id: `recap-text-${m.id}`, rows: 4, maxlength: 4000, 'data-field': 'text' }, (m.recap && m.recap.text) || '');
  const photos = h('textarea', { id: `recap-photos-${m.id}`, rows: 3, 'data-field': 'photoUrls' }, ((m.recap && m.recap.photoUrls) || []).join('\n'));
  const box = h('div', { role: 'status', 'aria-live': 'polite', hidden: true });
  const f = h('form', { id: `recap-form-${m.id}` },
    h('div', { class: 'field' }, h('label', { for: text.id }, t('host.recapText')), text),
    h('div', { class: 'field' }, h('label', { for: photos.id }, t('host.recapPhotos')), photos),
    box,
    h('button', { type: 'submit', class: 'small primary', id: `recap-save-${m.id}` }, t('host.recapSave')));
  f.addEventListener('submit', async (e) => {
    e.preventDefault();
    const urls = photos.value.split(/\s+/).map(safeUrl).filter(Boolean);
    try {
      await api.put(`meetups/${m.id}/recap`, { text: text.value.trim(), photoUrls: urls });
      say(box, t('host.recapSaved'), 'success');
    } catch (err) {
      sayError(box, err, f);
    }
  });
  return h('details', { open: !(m.recap && m.recap.text) }, h('summary', null, t('host.recap')), f);
}

function hostedItem(m) {
  const buttons = [];
  const started = new Date(m.startsAt).getTime() <= Date.now();
  if (['DRAFT', 'PROPOSED', 'PUBLISHED'].includes(m.status)) {
    buttons.push(h('button', { type: 'button', class: 'small', id: `edit-${m.id}`, onclick: () => { location.hash = `edit-${m.id}`; } }, t('host.edit')));
  }
  if (m.status === 'DRAFT') {
    buttons.push(h('button', {
      type: 'button', class: 'small primary', id: `publish-${m.id}`,
      onclick: () => act(api.post(`meetups/${m.id}/publish`), t('host.published', { title: m.title })),
    }, t('host.publish')));
  }
  if (m.status === 'PUBLISHED') {
    buttons.push(h('a', { class: 'button small', href: `checkin.html#${m.id}`, id: `checkin-${m.id}` }, t('host.checkin')));
    if (started) {
      buttons.push(h('button', {
        type: 'button', class: 'small', id: `finish-${m.id}`,
        onclick: () => {
          if (window.confirm(t('host.finishConfirm', { title: m.title }))) {
            act(api.post(`meetups/${m.id}/finish`), t('host.finished', { title: m.title }));
          }
        },
      }, t('host.finish')));
    }
  }
  return h('li', { dataset: { testid: `hosted-${m.id}`, status: m.status } },
    meetupLine(m),
    m.cancelReason || m.rejectReason ? h('p', { class: 'alert error small' }, m.cancelReason || m.rejectReason) : null,
    buttons.length ? h('div', { class: 'actions' }, buttons) : null,
    ['DRAFT', 'PROPOSED', 'PUBLISHED'].includes(m.status) ? reasonForm({
      id: `cancel-${m.id}`, summary: t('host.cancel'), label: t('host.cancelReason'), button: t('host.cancelDo'),
      onSubmit: (reason) => act(api.post(`meetups/${m.id}/cancel`, { reason }), t('host.cancelled', { title: m.title })),
    }) : null,
    m.status === 'FINISHED' && m.canManage !== false ? recapForm(m) : null);
}

async function loadHosting() {
  const box = $('hosting-list');
  try {
    const answer = await api.get('my/hosting', { page: hostingPage, size: 20 });
    const found = items(answer);
    clear(box, found.length ? h('ul', { class: 'mu-row-list', id: 'hosted-list' }, found.map(hostedItem))
      : h('p', { class: 'muted' }, t('host.hostingNone')),
    pager(answer, (p) => { hostingPage = p; loadHosting(); }));
  } catch (err) {
    clear(box, h('p', { class: 'alert error' }, errorContent(err)));
  }
}

// ---- trusted hosts ----

async function loadTrusted() {
  const cityId = $('trusted-city').value;
  const box = $('trusted-list');
  if (!cityId) return;
  try {
    const found = items(await api.get(`cities/${cityId}/trusted-hosts`));
    clear(box, found.length ? found.map((p) => {
      const handle = typeof p === 'string' ? p : p.handle;
      return h('li', { dataset: { testid: `trusted-${handle}` } },
        h('span', null, typeof p === 'object' && p.displayName ? `${p.displayName} ` : '', h('span', { class: 'muted' }, `@${handle}`)),
        h('button', {
          type: 'button', class: 'small danger', 'aria-label': t('host.trustedRemoveLabel', { handle }),
          onclick: () => changeTrusted('DELETE', handle),
        }, t('host.trustedRemove')));
    }) : h('li', { class: 'muted' }, t('host.trustedNone')));
  } catch (err) {
    clear(box, h('li', { class: 'alert error' }, errorContent(err)));
  }
}

async function changeTrusted(method, handle) {
  const cityId = $('trusted-city').value;
  const box = $('trusted-message');
  try {
    await (method === 'PUT' ? api.put : api.del)(`cities/${cityId}/trusted-hosts/${encodeURIComponent(handle)}`);
    say(box, t(method === 'PUT' ? 'host.trustedAdded' : 'host.trustedRemoved', { handle }), 'success');
    if (method === 'PUT') $('trusted-handle').value = '';
  } catch (err) {
    sayError(box, err, $('trusted-form'));
  }
  loadTrusted();
}

function setUpTrusted() {
  const mine = (me && me.organiserOf) || [];
  if (!mine.length) return;
  $('trusted').hidden = false;
  clear($('trusted-city'), mine.map((c) => h('option', { value: c.id }, c.name)));
  $('trusted-city').addEventListener('change', loadTrusted);
  $('trusted-form').addEventListener('submit', (e) => {
    e.preventDefault();
    const handle = $('trusted-handle').value.trim().replace(/^@/, '');
    if (handle) changeTrusted('PUT', handle);
    else $('trusted-handle').focus();
  });
  loadTrusted();
}

// ---- start ----

function route() {
  const m = /^#edit-(\d+)$/.exec(location.hash);
  if (m) startEdit(m[1]);
  else if (editing) leaveEdit();
  if (location.hash === '#proposals') $('proposals').scrollIntoView();
}

async function init() {
  try {
    me = await loadMe();
  } catch (err) {
    sayError(message, err);
    return;
  }
  if (!me) {
    say(message, loginPrompt(t('host.login')), 'info');
    return;
  }
  $('host-page').hidden = false;
  // Admins may create meetups in any city: they get a search box too.
  cities = cityPicker({ select: $('m-city'), search: $('m-city-search'), onChange: cityChanged, searchable: !!me.admin, preset: hostCities() });
  cityChanged();
  form.addEventListener('submit', submit);
  $('m-repeat').addEventListener('change', () => { $('m-repeat-count').disabled = !$('m-repeat').value; });
  window.addEventListener('hashchange', route);
  route();
  loadProposals();
  loadHosting();
  setUpTrusted();
}

init();
