// The team lead's roster for one shift, made for a phone: #/p/charity/lead/<shiftId>. Check volunteers in and out,
// verify their hours (or mark a no-show) with a reason; every change is kept and listed. In an open-ended activity
// the volunteers log their own hours: nobody is checked in or out, and their pending figures wait here for approval.

import {
  pluginApi, t, h, clear, notice, alertBox, showAlert, showProblem, clearErrors, announce, formatDateTime, formatNumber,
  getLocale,
} from '/kit.js';

const api = pluginApi('charity');
const c = (key, params) => t(`charity.${key}`, params);
const hours = (minutes) => formatNumber((Number(minutes) || 0) / 60, { maximumFractionDigits: 1 });

function label(prefix, code) {
  const key = `charity.${prefix}.${code}`;
  const text = t(key);
  return text === key ? code : text;
}

function timeOnly(iso, zone) {
  try {
    return new Intl.DateTimeFormat(getLocale(), { timeStyle: 'short', timeZone: zone }).format(new Date(iso));
  } catch {
    return formatDateTime(iso, zone);
  }
}

/** Where an entry's hours stand, as text. */
function hoursText(e, selfLogged) {
  if (e.hoursStatus === 'VERIFIED' || e.hoursStatus === 'PENDING') {
    return c(`hours.${e.hoursStatus}`, { hours: hours(e.minutes), minutes: formatNumber(e.minutes ?? 0) });
  }
  if (e.hoursStatus === 'NO_SHOW') return c('hours.NO_SHOW');
  if (e.checkedInAt && !e.checkedOutAt) return c('hours.in');
  return c(selfLogged ? 'hours.notLogged' : 'hours.none');
}

function change(ch, zone) {
  const fig = (m, s) => [s ? label('hoursStatus', s) : c('history.none'), m != null ? ` ${c('history.minutes', { minutes: formatNumber(m) })}` : ''].join('');
  return h('li', { class: 'small' },
    h('time', { datetime: ch.at }, formatDateTime(ch.at, zone)), ' · ',
    ch.byHandle ? `@${ch.byHandle} · ` : '',
    `${fig(ch.fromMinutes, ch.fromStatus)} → ${fig(ch.toMinutes, ch.toStatus)}`,
    ch.reason ? h('span', { class: 'muted' }, ` — ${ch.reason}`) : null);
}

function missing(view, title, text) {
  clear(view, h('h1', null, title), notice(text), h('p', null, h('a', { href: '#/p/charity/mine' }, c('mine.link'))));
}

export default {
  auth: true,
  async render(ctx) {
    const { view, params, isCurrent } = ctx;
    const id = params.arg;
    if (!id || !/^\d+$/.test(id)) {
      missing(view, c('lead.notFoundTitle'), c('lead.notFound'));
      return;
    }
    const load = () => api.get(`shifts/${id}/roster`);
    let roster;
    try {
      roster = await load();
    } catch (e) {
      if (!isCurrent()) return;
      if (e.status === 404) missing(view, c('lead.notFoundTitle'), c('lead.notFound'));
      else if (e.status === 403) missing(view, c('lead.title'), c('lead.forbidden'));
      else throw e;
      return;
    }

    const draw = (r, focusId) => {
      if (!isCurrent()) return;
      const shift = r.shift || {};
      const a = r.activity || {};
      const zone = shift.zone || a.zone;
      const roles = new Map((shift.roles || []).map((x) => [x.code, x.name]));
      const entries = r.entries || [];
      const selfLogged = !!a.selfLoggedHours; // volunteers log their own hours: no check-in or check-out
      const shiftLength = shift.startsAt && shift.endsAt
        ? Math.round((new Date(shift.endsAt) - new Date(shift.startsAt)) / 60000) : null;

      const run = async (box, button, call, done, focus) => {
        button.disabled = true;
        showAlert(box, '');
        try {
          await call();
          announce(done);
          draw(await load(), focus);
        } catch (err) {
          button.disabled = false;
          showAlert(box, err.userMessage);
        }
      };

      const entryCard = (e) => {
        const mid = e.memberId;
        const name = e.displayName || e.handle || `#${mid}`;
        const box = alertBox();
        const placed = e.status !== 'WAITING' && e.status !== 'OFFERED';
        const headId = `entry-h-${mid}`;

        const checkin = placed && !selfLogged && !e.checkedInAt
          ? h('button', { type: 'button', class: 'primary', dataset: { testid: `checkin-${mid}` }, 'aria-label': c('lead.checkInLabel', { name }) }, c('lead.checkIn'))
          : null;
        if (checkin) {
          checkin.addEventListener('click', () => run(box, checkin,
            () => api.post(`shifts/${id}/check-ins`, { memberId: mid }), c('lead.checkedIn', { name }), `checkout-${mid}`));
        }
        const checkout = placed && !selfLogged && e.checkedInAt && !e.checkedOutAt
          ? h('button', { type: 'button', class: 'primary', dataset: { testid: `checkout-${mid}` }, 'aria-label': c('lead.checkOutLabel', { name }) }, c('lead.checkOut'))
          : null;
        if (checkout) {
          checkout.addEventListener('click', () => run(box, checkout,
            () => api.post(`shifts/${id}/check-outs`, { memberId: mid }), c('lead.checkedOut', { name }), `minutes-${mid}`));
        }

        const minutesId = `minutes-input-${mid}`;
        const reasonId = `reason-input-${mid}`;
        const minutes = h('input', {
          id: minutesId, type: 'number', min: 0, max: 1440, step: 1, inputmode: 'numeric',
          value: e.minutes != null ? String(e.minutes) : '', placeholder: shiftLength ? String(shiftLength) : null,
          'data-testid': `minutes-${mid}`,
        });
        minutes.dataset.field = 'minutes';
        const reason = h('input', { id: reasonId, type: 'text', maxlength: 500, autocomplete: 'off', 'data-testid': `reason-${mid}` });
        reason.dataset.field = 'reason';
        const approve = h('button', { type: 'submit', class: 'primary', dataset: { testid: `approve-${mid}` } }, c('lead.verify'));
        const noshow = h('button', { type: 'button', class: 'danger', dataset: { testid: `noshow-${mid}` } }, c('lead.noShow'));
        const form = h('form', { class: 'stack', novalidate: true, 'aria-label': c('lead.verifyLabel', { name }), dataset: { testid: `verify-${mid}` } },
          h('div', { class: 'two' },
            h('div', { class: 'field' }, h('label', { for: minutesId }, c('lead.minutes')), minutes),
            h('div', { class: 'field' }, h('label', { for: reasonId }, c('lead.reason')), reason)),
          h('div', { class: 'actions' }, approve, noshow));
        const save = async (status, button) => {
          clearErrors(form);
          showAlert(box, '');
          // Empty minutes for VERIFIED: the server takes the recorded figure, else the shift's length.
          let value = 0;
          if (status === 'VERIFIED') {
            const raw = minutes.value.trim();
            value = raw ? Number(raw) : null;
            if (raw && (!Number.isInteger(value) || value < 0 || value > 1440)) {
              showProblem(form, { errors: [{ field: 'minutes', message: c('lead.minutesInvalid') }] }, box);
              return;
            }
          }
          const body = { status, minutes: value, reason: reason.value.trim() || null };
          button.disabled = true;
          try {
            await api.put(`shifts/${id}/hours/${mid}`, body);
            announce(c(status === 'VERIFIED' ? 'lead.verified' : 'lead.markedNoShow', { name }));
            draw(await load(), button.dataset.testid);
          } catch (err) {
            button.disabled = false;
            showProblem(form, err, box);
          }
        };
        form.addEventListener('submit', (ev) => { ev.preventDefault(); save('VERIFIED', approve); });
        noshow.addEventListener('click', () => save('NO_SHOW', noshow));

        const history = e.history || [];
        return h('li', { class: 'card', dataset: { testid: `entry-${mid}` } },
          h('h3', { id: headId }, name, e.handle && e.displayName ? h('span', { class: 'muted small' }, ` @${e.handle}`) : null),
          h('p', null, roles.get(e.role) || e.role, ' · ', label('place', e.status)),
          h('p', { class: 'big', dataset: { testid: `hours-${mid}`, status: e.hoursStatus || (e.checkedInAt ? 'IN' : 'NONE') } }, hoursText(e, selfLogged)),
          e.checkedInAt || e.checkedOutAt ? h('p', { class: 'muted small' },
            e.checkedInAt ? c('lead.inAt', { time: timeOnly(e.checkedInAt, zone) }) : '',
            e.checkedInAt && e.checkedOutAt ? ' · ' : '',
            e.checkedOutAt ? c('lead.outAt', { time: timeOnly(e.checkedOutAt, zone) }) : '') : null,
          box,
          checkin || checkout ? h('div', { class: 'actions' }, checkin, checkout) : null,
          placed ? form : null,
          history.length ? [h('h4', null, c('lead.history')), h('ul', { class: 'plain', dataset: { testid: `history-${mid}` } }, history.map((ch) => change(ch, zone)))] : null);
      };

      const placedEntries = entries.filter((e) => e.status !== 'WAITING' && e.status !== 'OFFERED');
      const verified = entries.filter((e) => e.hoursStatus === 'VERIFIED').reduce((s, e) => s + (e.minutes || 0), 0);
      clear(view,
        h('p', { class: 'crumbs' }, h('a', { href: `#/p/charity/activity/${a.id ?? shift.activityId}` }, a.title || c('lead.activity'))),
        h('h1', null, c('lead.title')),
        h('p', { class: 'lead' },
          shift.startsAt ? h('time', { datetime: shift.startsAt }, formatDateTime(shift.startsAt, zone)) : null,
          shift.endsAt ? [' – ', h('time', { datetime: shift.endsAt }, timeOnly(shift.endsAt, zone))] : null,
          a.cityName ? ` · ${a.cityName}` : ''),
        a.meetingPoint || shift.meetingAt ? h('p', { class: 'alert info' },
          shift.meetingAt ? c('activity.meetAt', { time: formatDateTime(shift.meetingAt, zone) }) : '',
          shift.meetingAt && a.meetingPoint ? h('br') : null,
          a.meetingPoint ? c('activity.meetWhere', { place: a.meetingPoint }) : '') : null,
        selfLogged ? h('p', { class: 'alert info', dataset: { testid: 'lead-self-logged' } }, c('lead.selfLoggedNote')) : null,
        h('dl', { class: 'stats' },
          h('div', null, h('dt', null, c('lead.signedUp')), h('dd', null, formatNumber(placedEntries.length))),
          selfLogged
            ? h('div', null, h('dt', null, c('lead.loggedCount')), h('dd', null, formatNumber(placedEntries.filter((e) => e.hoursStatus).length)))
            : h('div', null, h('dt', null, c('lead.checkedInCount')), h('dd', null, formatNumber(placedEntries.filter((e) => e.checkedInAt).length))),
          h('div', null, h('dt', null, c('lead.verifiedHours')), h('dd', null, c('hoursShort', { hours: hours(verified) })))),
        h('section', { 'aria-labelledby': 'roster-h' },
          h('h2', { id: 'roster-h' }, c('lead.roster')),
          entries.length ? h('ul', { class: 'plain' }, entries.map(entryCard)) : notice(c('lead.empty'))));

      if (focusId) {
        const target = view.querySelector(`[data-testid="${focusId}"]`);
        if (target) target.focus();
      }
    };

    draw(roster);
  },
};
