// One booth: #/p/booths/booth/<id>. Where (compound, address, city), its status, the products it shows, its opening
// hours and its slots in the city's time zone with a sign-up or cancel button per role (volunteer, demo lead). The
// booth's organisers also move its status, edit or remove slots, see who holds or waits for each slot (the roster),
// and open its kit, leads, report and phone pages; volunteers holding a confirmed place open the phone page of their slot.

import {
  pluginApi, t, h, clear, notice, alertBox, showAlert, announce, formatDateTime, formatNumber, getLocale, table, uid,
  confirmDialog, wallTimeToInstant, instantToWallTime,
} from '/kit.js';

const api = pluginApi('booths');
const b = (key, params) => t(`booths.${key}`, params);
const ROLES = ['volunteer', 'lead'];

function label(prefix, code) {
  const key = `booths.${prefix}.${code}`;
  const text = t(key);
  return text === key ? code : text;
}

/** "1 May 2027, 10:00 GMT+8 – 11:00" in the city's zone (the end with its date when on another day). */
function timeRange(start, end, zone) {
  let to;
  try {
    const dayOf = new Intl.DateTimeFormat('en-CA', { timeZone: zone, year: 'numeric', month: '2-digit', day: '2-digit' });
    to = dayOf.format(new Date(start)) === dayOf.format(new Date(end))
      ? new Intl.DateTimeFormat(getLocale(), { timeStyle: 'short', timeZone: zone }).format(new Date(end))
      : formatDateTime(end, zone);
  } catch {
    to = formatDateTime(end, zone);
  }
  return [h('time', { datetime: start }, formatDateTime(start, zone)), ' – ', h('time', { datetime: end }, to)];
}

/** The local day (yyyy-mm-dd) of an instant in a zone, to group slots by day. */
function localDay(iso, zone) {
  try {
    return new Intl.DateTimeFormat('en-CA', { timeZone: zone, year: 'numeric', month: '2-digit', day: '2-digit' }).format(new Date(iso));
  } catch {
    return String(iso).slice(0, 10);
  }
}

function dayHeading(iso, zone) {
  try {
    return new Intl.DateTimeFormat(getLocale(), { dateStyle: 'full', timeZone: zone }).format(new Date(iso));
  } catch {
    return formatDateTime(iso, zone);
  }
}

/** The caller's place as text: Volunteer · Confirmed, Demo lead · Waiting #2. */
function mineText(mine) {
  const place = mine.status === 'WAITING'
    ? b('place.WAITING', { position: mine.waitingPosition ?? '?' })
    : label('place', mine.status);
  return `${label('role', mine.role)} · ${place}`;
}

/** Whether the signed-in member organises this booth: the server says so, else organiser of its city or admin. */
function manages(booth, me) {
  if (typeof booth.canManage === 'boolean') return booth.canManage;
  if (!me) return false;
  return !!me.admin || (booth.organiserId != null && Number(booth.organiserId) === Number(me.id))
    || (me.organiserOf || []).some((c) => String(c.id ?? c.cityId) === String(booth.cityId));
}

const ROSTER_ORDER = { CONFIRMED: 0, OFFERED: 1, WAITING: 2 };

/** The roster's entries by slot id, each slot's in order: confirmed, offered, then waiting by position. */
function rosterBySlot(entries) {
  const by = new Map();
  (Array.isArray(entries) ? entries : []).forEach((e) => {
    const key = String(e.slotId);
    if (!by.has(key)) by.set(key, []);
    by.get(key).push(e);
  });
  by.forEach((list) => list.sort((x, y) => (ROSTER_ORDER[x.status] ?? 3) - (ROSTER_ORDER[y.status] ?? 3)
    || (x.waitingPosition ?? 0) - (y.waitingPosition ?? 0)
    || String(x.displayName || '').localeCompare(String(y.displayName || ''), getLocale())));
  return by;
}

/** A roster entry's place as the organiser reads it: Confirmed, Place offered, Waiting #2. */
function rosterStatus(e) {
  if (e.status === 'WAITING') return b('roster.status.WAITING', { position: e.waitingPosition ?? '?' });
  return label('roster.status', e.status);
}

/** Who holds or waits for one role of a slot: one short line each (name, handle, place); null when nobody. */
function rosterList(slot, role, entries) {
  const mine = (entries || []).filter((e) => e.role === role);
  if (!mine.length) return null;
  return h('ul', {
    class: 'plain small roster', dataset: { testid: `roster-${slot.id}-${role}` },
    'aria-label': b('roster.label', { role: label('role', role) }),
  }, mine.map((e) => h('li', { dataset: { testid: `roster-${slot.id}-${e.memberId}`, role: e.role, status: e.status } },
    e.handle
      ? [h('a', { href: `#/members/${encodeURIComponent(e.handle)}` }, e.displayName || e.handle), ' ', h('span', { class: 'muted' }, `@${e.handle}`)]
      : h('span', { class: 'muted' }, b('roster.formerMember')),
    ' · ',
    e.status === 'CONFIRMED' ? h('strong', null, rosterStatus(e)) : h('span', { class: 'muted' }, rosterStatus(e)))));
}

function productNames(booth) {
  return (booth.products || []).map((p) => (typeof p === 'object' ? p.name : `#${p}`));
}

function notFound(view) {
  clear(view,
    h('h1', null, b('booth.notFoundTitle')),
    notice(b('booth.notFound')),
    h('p', null, h('a', { href: '#/p/booths/booths' }, b('list.title'))));
}

export default {
  async render(ctx) {
    const { view, params, isCurrent } = ctx;
    const id = params.arg;
    if (!id || !/^\d+$/.test(id)) {
      notFound(view);
      return;
    }
    const load = () => api.get(`booths/${id}`);
    // Who holds or waits for each slot, for the booth's organisers only; the page still works when it fails.
    const loadRoster = async (bo) => {
      if (!manages(bo, ctx.me)) return null;
      try {
        return { entries: await api.get(`booths/${bo.id}/roster`) };
      } catch (e) {
        return { error: e };
      }
    };
    let booth;
    try {
      booth = await load();
    } catch (e) {
      if (e.status !== 404 && e.status !== 403) throw e;
      if (isCurrent()) notFound(view);
      return;
    }
    const firstRoster = await loadRoster(booth);

    const draw = (bo, roster, focusId) => {
      if (!isCurrent()) return;
      const me = ctx.me;
      const zone = bo.zone;
      const manage = manages(bo, me);
      const open = bo.status === 'PLANNED' || bo.status === 'CONFIRMED';
      const live = open || bo.status === 'DONE';
      const here = encodeURIComponent(`#/p/booths/booth/${bo.id}`);
      const pageBox = alertBox();
      const now = Date.now();

      const bySlot = roster && roster.entries ? rosterBySlot(roster.entries) : null;
      const rosterOf = (s) => (bySlot ? bySlot.get(String(s.id)) || [] : null);

      const reload = async (focus) => {
        const fresh = await load();
        draw(fresh, await loadRoster(fresh), focus);
      };

      const signup = async (slot, role, kind, box, button) => {
        button.disabled = true;
        showAlert(box, '');
        const path = `slots/${slot.id}/roles/${role}/signup`;
        const roleName = label('role', role);
        try {
          if (kind === 'cancel') {
            await api.del(path);
            announce(b('signup.cancelled', { role: roleName }));
          } else {
            const r = await api.put(path);
            announce(r && r.status === 'WAITING'
              ? b('signup.waiting', { role: roleName, position: r.waitingPosition ?? '?' })
              : b('signup.confirmed', { role: roleName }));
          }
          await reload(`${kind === 'cancel' ? 'signup' : 'cancel'}-${slot.id}-${role}`);
        } catch (e) {
          button.disabled = false;
          if (e.status === 401) {
            ctx.navigate(`#/login?next=${here}`);
            return;
          }
          showAlert(box, e.userMessage);
        }
      };

      const slotActions = (s, box) => {
        const mine = s.mine && s.mine.role ? s.mine : null;
        const begun = new Date(s.startsAt).getTime() <= now;
        const ended = new Date(s.endsAt).getTime() <= now;
        const parts = [];
        if (mine) parts.push(h('strong', { class: 'badge', dataset: { testid: `mine-${s.id}` } }, mineText(mine)), ' ');
        if (!me || ended) return parts.length ? parts : h('span', { class: 'muted' }, '–');
        if (mine) {
          if (mine.status === 'OFFERED' && open && !begun) {
            const take = h('button', { type: 'button', class: 'primary small', dataset: { testid: `signup-${s.id}-${mine.role}` } }, b('signup.accept'));
            take.addEventListener('click', () => signup(s, mine.role, 'signup', box, take));
            parts.push(take, ' ');
          }
          const cancel = h('button', {
            type: 'button', class: 'small', dataset: { testid: `cancel-${s.id}-${mine.role}` },
            'aria-label': b('signup.cancelLabel', { role: label('role', mine.role), time: formatDateTime(s.startsAt, s.zone || zone) }),
          }, b('signup.cancel'));
          cancel.addEventListener('click', () => signup(s, mine.role, 'cancel', box, cancel));
          parts.push(cancel);
          return parts;
        }
        if (!open || begun) return h('span', { class: 'muted' }, begun ? b('slot.begun') : '–');
        ROLES.filter((role) => role === 'volunteer' || s.lead).forEach((role) => {
          const full = role === 'lead' ? !!s.leadTaken : s.taken >= s.volunteers;
          const text = role === 'lead' ? (full ? b('signup.waitLead') : b('signup.joinLead')) : (full ? b('signup.wait') : b('signup.join'));
          const join = h('button', {
            type: 'button', class: full ? 'small' : 'primary small', dataset: { testid: `signup-${s.id}-${role}` },
            'aria-label': b(full ? 'signup.waitLabel' : 'signup.joinLabel', { role: label('role', role), time: formatDateTime(s.startsAt, s.zone || zone) }),
          }, text);
          join.addEventListener('click', () => signup(s, role, 'signup', box, join));
          parts.push(join, ' ');
        });
        return parts;
      };

      const leadCell = (s) => {
        if (!s.lead) return h('span', { class: 'muted' }, b('slot.noLead'));
        const level = s.leadMinLevel ?? bo.leadMinLevel;
        const qualification = s.leadQualification ?? bo.leadQualification;
        const rule = [
          level ? b('slot.leadLevel', { level }) : null,
          qualification ? b('slot.leadQualification', { qualification: label('qualification', qualification) }) : null,
        ].filter(Boolean);
        return [s.leadTaken ? b('slot.leadTaken') : h('strong', null, b('slot.leadWanted')),
          rule.length ? [h('br'), h('span', { class: 'muted small' }, rule.join(` ${b('slot.or')} `))] : null,
          bySlot ? rosterList(s, 'lead', rosterOf(s)) : null];
      };

      const phoneLink = (s) => {
        const mine = s.mine && s.mine.status === 'CONFIRMED';
        if (!live || !(manage || mine)) return null;
        return h('a', { class: 'button small', href: `#/p/booths/at/${s.id}?booth=${bo.id}`, dataset: { testid: `at-link-${s.id}` } }, b('slot.phonePage'));
      };

      const slotEditor = (s) => {
        const key = uid('slot');
        const box = alertBox();
        const z = s.zone || zone;
        const starts = h('input', { id: `${key}-s`, type: 'datetime-local', value: instantToWallTime(s.startsAt, z), required: true });
        const ends = h('input', { id: `${key}-e`, type: 'datetime-local', value: instantToWallTime(s.endsAt, z), required: true });
        const need = h('input', { id: `${key}-v`, type: 'number', min: 1, max: 50, step: 1, value: String(s.volunteers), required: true });
        const lead = h('input', { id: `${key}-l`, type: 'checkbox', checked: !!s.lead });
        const save = h('button', { type: 'submit', class: 'primary small', dataset: { testid: `slot-save-${s.id}` } }, b('slot.save'));
        const remove = h('button', { type: 'button', class: 'danger small', dataset: { testid: `slot-remove-${s.id}` } }, b('slot.remove'));
        const form = h('form', { class: 'stack', novalidate: true },
          box,
          h('p', { class: 'hint' }, b('form.zoneHint', { city: bo.cityName || '', zone: z })),
          h('div', { class: 'two' },
            h('div', { class: 'field' }, h('label', { for: starts.id }, b('slot.startsAt')), starts),
            h('div', { class: 'field' }, h('label', { for: ends.id }, b('slot.endsAt')), ends),
            h('div', { class: 'field' }, h('label', { for: need.id }, b('slot.volunteersNeeded')), need),
            h('div', { class: 'field' }, h('div', { class: 'check' }, lead, h('label', { for: lead.id }, b('slot.leadNeeded'))))),
          h('div', { class: 'actions' }, save, remove));
        form.addEventListener('submit', async (e) => {
          e.preventDefault();
          const n = Number(need.value);
          if (!starts.value || !ends.value || ends.value <= starts.value) {
            showAlert(box, b('slot.timesInvalid'));
            return;
          }
          if (!Number.isInteger(n) || n < 1 || n > 50) {
            showAlert(box, b('form.volunteersInvalid'));
            return;
          }
          save.disabled = true;
          try {
            await api.put(`slots/${s.id}`, {
              startsAt: wallTimeToInstant(starts.value, z), endsAt: wallTimeToInstant(ends.value, z), volunteers: n, lead: lead.checked,
            });
            announce(b('slot.saved'));
            await reload(`slot-edit-${s.id}`);
          } catch (err) {
            save.disabled = false;
            showAlert(box, err.userMessage);
          }
        });
        remove.addEventListener('click', async () => {
          const yes = await confirmDialog({ title: b('slot.removeTitle'), body: b('slot.removeBody'), confirmLabel: b('slot.remove'), danger: true });
          if (!yes) return;
          remove.disabled = true;
          try {
            await api.del(`slots/${s.id}`);
            announce(b('slot.removed'));
            await reload('slots-h');
          } catch (err) {
            remove.disabled = false;
            showAlert(box, err.userMessage);
          }
        });
        return h('details', { class: 'edit', dataset: { testid: `slot-edit-${s.id}` } },
          h('summary', null, b('slot.edit')), form);
      };

      // Slots grouped by local day, each day one table.
      const slots = [...(bo.slots || [])].sort((x, y) => new Date(x.startsAt) - new Date(y.startsAt));
      const days = [];
      slots.forEach((s) => {
        const d = localDay(s.startsAt, s.zone || zone);
        const last = days[days.length - 1];
        if (last && last.day === d) last.slots.push(s);
        else days.push({ day: d, first: s.startsAt, slots: [s] });
      });
      const daySection = (d, i) => {
        const box = alertBox();
        const headId = `day-h-${i}`;
        return h('section', { class: 'card', 'aria-labelledby': headId, dataset: { testid: `day-${d.day}` } },
          h('h3', { id: headId }, dayHeading(d.first, zone)),
          box,
          table([
            { label: b('slot.time'), rowHeader: true, cell: (s) => h('span', { dataset: { testid: `slot-${s.id}` } }, timeRange(s.startsAt, s.endsAt, s.zone || zone)) },
            {
              label: b('slot.volunteers'),
              cell: (s) => [h('span', { dataset: { testid: `taken-${s.id}` } }, b('slot.taken', { taken: s.taken ?? 0, needed: s.volunteers })),
                s.waiting ? [h('br'), h('span', { class: 'muted small' }, b('slot.waitingCount', { count: s.waiting }))] : null,
                bySlot ? rosterList(s, 'volunteer', rosterOf(s)) : null],
            },
            { label: b('slot.lead'), cell: leadCell },
            { label: b('slot.you'), cell: (s) => slotActions(s, box) },
            { label: b('slot.tools'), cell: (s) => [phoneLink(s), manage && live && bo.status !== 'DONE' ? slotEditor(s) : null] },
          ], d.slots, { caption: b('booth.slotsCaption', { day: dayHeading(d.first, zone) }) }));
      };

      // The organiser's status moves, with a reason for cancelling; approving or rejecting a proposal.
      const move = async (kind, reason, button, reasonInput) => {
        showAlert(pageBox, '');
        if ((kind === 'cancel' || kind === 'reject') && !reason) {
          showAlert(pageBox, kind === 'cancel' ? b('booth.cancelReasonMissing') : b('proposals.reasonMissing'));
          if (reasonInput) reasonInput.focus();
          return;
        }
        if (kind === 'cancel') {
          const yes = await confirmDialog({ title: b('booth.cancelTitle'), body: b('booth.cancelBody'), confirmLabel: b('booth.cancel'), danger: true });
          if (!yes) return;
        }
        button.disabled = true;
        try {
          await api.post(`booths/${bo.id}/${kind}`, kind === 'cancel' || kind === 'reject' ? { reason } : undefined);
          announce(b(`booth.moved.${kind}`, { compound: bo.compound }));
          await reload('booth-title');
        } catch (e) {
          button.disabled = false;
          showAlert(pageBox, e.userMessage);
        }
      };
      let manageSection = null;
      if (manage && bo.status === 'PROPOSED') {
        const reason = h('input', { id: 'decision-reason', type: 'text', maxlength: 500, 'data-testid': 'decision-reason' });
        const approve = h('button', { type: 'button', class: 'primary', dataset: { testid: 'booth-approve' } }, b('proposals.approve'));
        const reject = h('button', { type: 'button', class: 'danger', dataset: { testid: 'booth-reject' } }, b('proposals.reject'));
        approve.addEventListener('click', () => move('approve', null, approve));
        reject.addEventListener('click', () => move('reject', reason.value.trim(), reject, reason));
        manageSection = h('section', { class: 'card manage', 'aria-labelledby': 'decision-h' },
          h('h2', { id: 'decision-h' }, b('proposals.decide')),
          h('div', { class: 'field' }, h('label', { for: 'decision-reason' }, b('proposals.reason')), reason),
          h('div', { class: 'actions' }, approve, reject));
      } else if (manage && live) {
        const buttons = [];
        if (bo.status === 'PLANNED') {
          const confirm = h('button', { type: 'button', class: 'primary', dataset: { testid: 'booth-confirm' } }, b('booth.confirm'));
          confirm.addEventListener('click', () => move('confirm', null, confirm));
          buttons.push(confirm);
        }
        if (bo.status === 'CONFIRMED') {
          const done = h('button', { type: 'button', class: 'primary', dataset: { testid: 'booth-done' } }, b('booth.done'));
          done.addEventListener('click', () => move('done', null, done));
          buttons.push(done);
        }
        let cancelField = null;
        if (open) {
          const reason = h('input', { id: 'cancel-reason', type: 'text', maxlength: 500, 'data-testid': 'cancel-reason' });
          const cancel = h('button', { type: 'button', class: 'danger', dataset: { testid: 'booth-cancel' } }, b('booth.cancel'));
          cancel.addEventListener('click', () => move('cancel', reason.value.trim(), cancel, reason));
          cancelField = h('div', { class: 'field' }, h('label', { for: 'cancel-reason' }, b('booth.cancelReason')), reason,
            h('div', { class: 'actions' }, cancel));
        }
        manageSection = h('section', { class: 'card manage', 'aria-labelledby': 'manage-h' },
          h('h2', { id: 'manage-h' }, b('booth.manage')),
          h('p', { class: 'toolbar' },
            h('a', { class: 'button', href: `#/p/booths/kit/${bo.id}`, dataset: { testid: 'booth-kit' } }, b('kit.link')), ' ',
            h('a', { class: 'button', href: `#/p/booths/leads/${bo.id}`, dataset: { testid: 'booth-leads' } }, b('leads.link')), ' ',
            h('a', { class: 'button', href: `#/p/booths/report/${bo.id}`, dataset: { testid: 'booth-report' } }, b('report.link')), ' ',
            h('a', { class: 'button', href: `#/p/booths/staffing?city=${bo.cityId}`, dataset: { testid: 'booth-staffing' } }, b('staffing.link'))),
          buttons.length ? h('div', { class: 'actions' }, buttons) : null,
          cancelField);
      }
      const confirmedHere = slots.some((s) => s.mine && s.mine.status === 'CONFIRMED');

      const withReason = (text) => h('p', { class: 'alert warn', dataset: { testid: 'booth-reason' } }, text,
        bo.reason ? [' ', h('strong', null, b('booth.reason', { reason: bo.reason }))] : null);
      const statusNote = {
        PROPOSED: () => notice(b('booth.proposedNote'), 'warn'),
        REJECTED: () => withReason(b('booth.rejectedNote')),
        CANCELLED: () => withReason(b('booth.cancelledNote')),
        DONE: () => notice(b('booth.doneNote')),
      }[bo.status];
      const products = productNames(bo);

      clear(view,
        h('p', { class: 'crumbs' }, h('a', { href: `#/p/booths/booths?city=${bo.cityId}` }, b('booth.back'))),
        h('div', { class: 'title-row' },
          h('h1', { id: 'booth-title', tabindex: '-1' }, bo.compound),
          h('span', { class: 'badge', dataset: { testid: 'booth-status', status: bo.status } }, label('status', bo.status))),
        statusNote ? statusNote() : null,
        pageBox,
        manageSection,
        h('div', { class: 'grid' },
          h('section', { class: 'card', 'aria-labelledby': 'about-h' },
            h('h2', { id: 'about-h' }, b('booth.where')),
            h('p', { class: 'big', dataset: { testid: 'booth-address' } }, bo.address || '–'),
            h('dl', { class: 'pairs' },
              h('dt', null, b('booth.compound')), h('dd', null, bo.compound),
              h('dt', null, b('booth.city')), h('dd', null, bo.cityName || '–'),
              h('dt', null, b('booth.zone')), h('dd', { dataset: { testid: 'booth-zone' } }, zone || '–'),
              bo.latitude != null && bo.longitude != null
                ? [h('dt', null, b('booth.coordinates')), h('dd', null, `${formatNumber(bo.latitude, { maximumFractionDigits: 6 })}, ${formatNumber(bo.longitude, { maximumFractionDigits: 6 })}`)] : null,
              bo.organiserName ? [h('dt', null, b('booth.organiser')), h('dd', null, bo.organiserName)] : null)),
          h('section', { class: 'card', 'aria-labelledby': 'products-h' },
            h('h2', { id: 'products-h' }, b('booth.products')),
            products.length ? h('ul', { dataset: { testid: 'booth-products' } }, products.map((n) => h('li', null, n))) : h('p', { class: 'muted' }, '–'),
            h('p', { class: 'muted small' }, b('booth.slotLength', { minutes: bo.slotMinutes ?? '–' }))),
          h('section', { class: 'card', 'aria-labelledby': 'openings-h' },
            h('h2', { id: 'openings-h' }, b('booth.openings')),
            (bo.openings || []).length
              ? h('ul', { class: 'plain', dataset: { testid: 'booth-openings' } }, bo.openings.map((o) => h('li', null, timeRange(o.opensAt, o.closesAt, zone))))
              : h('p', { class: 'muted' }, '–'),
            h('p', { class: 'muted small' }, b('booth.zoneNote', { zone: zone || '–' })))),
        confirmedHere && !manage && live
          ? h('p', { class: 'alert info' }, b('booth.volunteerNote'), ' ',
            h('a', { href: `#/p/booths/kit/${bo.id}`, dataset: { testid: 'booth-kit' } }, b('kit.link'))) : null,
        h('section', { 'aria-labelledby': 'slots-h' },
          h('h2', { id: 'slots-h', tabindex: '-1' }, b('booth.slots')),
          !me && open
            ? h('p', { class: 'alert info' }, h('a', { href: `#/login?next=${here}`, dataset: { testid: 'login-to-signup' } }, b('booth.loginToSignUp')))
            : null,
          roster && roster.error
            ? h('p', { class: 'alert warn', dataset: { testid: 'roster-failed' } }, b('roster.failed', { error: roster.error.userMessage || String(roster.error) }))
            : null,
          days.length ? days.map(daySection) : notice(b('booth.noSlots'))),
        me ? h('p', null, h('a', { href: '#/p/booths/mine' }, b('mine.link'))) : null);

      if (focusId) {
        const target = view.querySelector(`[data-testid="${focusId}"]`) || view.querySelector(`#${focusId}`) || view.querySelector('h1');
        if (target) {
          if (target.tagName === 'DETAILS') target.querySelector('summary').focus();
          else target.focus();
        }
      }
    };

    draw(booth, firstRoster);
  },
};
