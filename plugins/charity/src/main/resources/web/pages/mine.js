// My volunteer shifts: #/p/charity/mine. Upcoming ones with where and when to meet, past ones with their hours;
// my verified and pending hours; per campaign with verified hours, the certificate of them to download (PDF).
// In an open-ended activity I log my own hours once the shift has started ("Log my hours"), until the lead decides.

import {
  pluginApi, api as core, t, h, clear, notice, alertBox, showAlert, announce, formatDateTime, formatNumber, getLocale,
  field, showProblem, clearErrors,
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

function placeText(s) {
  if (s.status === 'WAITING') return c('mine.WAITING', { position: s.waitingPosition ?? '?' });
  return label('mine', s.status);
}

function hoursText(x, selfLogged) {
  if (!x) return c(selfLogged ? 'hours.notLogged' : 'hours.none');
  if (x.status === 'NO_SHOW') return c('hours.NO_SHOW');
  return c(`hours.${x.status}`, { hours: hours(x.minutes), minutes: formatNumber(x.minutes ?? 0) });
}

/** The certificate needs the bearer token, so it is fetched and handed to the browser as a file. */
async function downloadCertificate(cp, box, button) {
  showAlert(box, '');
  button.disabled = true;
  announce(c('certificate.preparing'));
  try {
    const res = await core.raw('/api/plugins/charity/certificates/mine', { campaignId: cp.campaignId });
    const blob = await res.blob();
    const named = /filename="([^"]+)"/.exec(res.headers.get('Content-Disposition') || '');
    const href = URL.createObjectURL(blob);
    const a = h('a', { href, download: named ? named[1] : `certificate-${cp.campaignId}.pdf`, hidden: true });
    document.body.append(a);
    a.click();
    setTimeout(() => { URL.revokeObjectURL(href); a.remove(); }, 1000);
    announce(c('certificate.done'));
  } catch (err) {
    showAlert(box, err.translated || err.userMessage || String(err));
  } finally {
    button.disabled = false;
  }
}

function certificateSection(campaigns) {
  if (!campaigns.length) return null;
  const box = alertBox();
  return h('section', { 'aria-labelledby': 'mine-cert-h' },
    h('h2', { id: 'mine-cert-h' }, c('certificate.title')),
    h('p', { class: 'muted' }, c('certificate.intro')),
    box,
    h('ul', { class: 'plain' }, campaigns.map((cp) => {
      const button = h('button', {
        type: 'button',
        dataset: { testid: `certificate-${cp.campaignId}` },
        'aria-label': c('certificate.downloadLabel', { campaign: cp.campaign }),
      }, c('certificate.download'));
      button.addEventListener('click', () => downloadCertificate(cp, box, button));
      return h('li', { class: 'card' },
        h('p', null, c('certificate.campaignHours', { campaign: cp.campaign, hours: hours(cp.minutes) })),
        h('p', null, button));
    })));
}

/**
 * My own hours for a shift of an open-ended activity: the form once the shift has started and while the figure is
 * mine to change (none yet, or pending); nothing once the lead has verified it or marked a no-show.
 */
function selfLogSection(s, logged) {
  if (!s.selfLoggedHours || s.status !== 'CONFIRMED') return null;
  if (new Date(s.startsAt).getTime() > Date.now()) {
    return h('p', { class: 'muted small', dataset: { testid: `log-later-${s.shiftId}` } }, c('selfLog.notYet'));
  }
  const status = s.hours && s.hours.status;
  if (status && status !== 'PENDING') return null;
  const key = `log-${s.shiftId}`;
  const box = alertBox();
  const minutesField = field({
    id: `${key}-minutes`, name: 'minutes', label: c('selfLog.minutes'), type: 'number', required: true,
    value: s.hours && s.hours.minutes != null ? String(s.hours.minutes) : '',
    attrs: { min: 1, max: 1440, step: 1, inputmode: 'numeric', 'data-testid': `log-minutes-${s.shiftId}` },
  });
  const noteField = field({
    id: `${key}-note`, name: 'note', label: c('selfLog.note'), hint: c('selfLog.noteHint'),
    attrs: { maxlength: 500, autocomplete: 'off', 'data-testid': `log-note-${s.shiftId}` },
  });
  const submit = h('button', { type: 'submit', class: 'primary', dataset: { testid: `log-hours-${s.shiftId}` } },
    c(status ? 'selfLog.update' : 'selfLog.submit'));
  const headId = `${key}-h`;
  const form = h('form', { class: 'stack', novalidate: true, 'aria-labelledby': headId, dataset: { testid: `log-form-${s.shiftId}` } },
    h('h4', { id: headId }, c('selfLog.title')),
    status ? h('p', { class: 'hint' }, c('selfLog.pendingHint')) : null,
    box,
    h('div', { class: 'two' }, minutesField, noteField),
    h('div', { class: 'actions' }, submit));
  form.addEventListener('submit', async (ev) => {
    ev.preventDefault();
    clearErrors(form);
    const raw = form.querySelector('[data-field="minutes"]').value.trim();
    const minutes = Number(raw);
    if (!raw || !Number.isInteger(minutes) || minutes < 1 || minutes > 1440) {
      showProblem(form, { errors: [{ field: 'minutes', message: c('selfLog.minutesInvalid') }] }, box);
      return;
    }
    const note = form.querySelector('[data-field="note"]').value.trim() || null;
    submit.disabled = true;
    try {
      await api.put(`shifts/${s.shiftId}/hours/mine`, { minutes, note });
      announce(c('selfLog.saved', { minutes: formatNumber(minutes) }));
      await logged(`log-hours-${s.shiftId}`);
    } catch (err) {
      submit.disabled = false;
      showProblem(form, err, box);
    }
  });
  return form;
}

function shiftItem(s, past, logged) {
  return h('li', { class: 'card', dataset: { testid: `my-shift-${s.shiftId}-${s.role}` } },
    h('h3', null, h('a', { href: `#/p/charity/activity/${s.activityId}` }, s.activityTitle)),
    h('p', null,
      h('time', { datetime: s.startsAt }, formatDateTime(s.startsAt, s.zone)), ' – ',
      h('time', { datetime: s.endsAt }, timeOnly(s.endsAt, s.zone)),
      s.cityName ? h('span', { class: 'muted' }, ` · ${s.cityName}`) : null),
    h('p', null, s.roleName || s.role, ' · ', h('strong', { dataset: { testid: `my-status-${s.shiftId}-${s.role}` } }, placeText(s))),
    !past && (s.meetingAt || s.meetingPoint) ? h('p', { class: 'alert info' },
      s.meetingAt ? c('activity.meetAt', { time: formatDateTime(s.meetingAt, s.zone) }) : '',
      s.meetingAt && s.meetingPoint ? h('br') : null,
      s.meetingPoint ? c('activity.meetWhere', { place: s.meetingPoint }) : '') : null,
    past || s.hours ? h('p', { dataset: { testid: `my-hours-${s.shiftId}`, status: (s.hours && s.hours.status) || 'NONE' } },
      c('mine.hours'), ' ', hoursText(s.hours, s.selfLoggedHours)) : null,
    selfLogSection(s, logged));
}

export default {
  auth: true,
  async render({ view, isCurrent }) {
    const load = () => Promise.all([api.get('my/shifts'), api.get('certificates/mine/campaigns')]);
    // After I log hours: the page again (the totals change), with the focus back on the button I used.
    const logged = async (focusId) => {
      const [fresh, certs] = await load();
      draw(fresh, certs);
      const target = focusId && view.querySelector(`[data-testid="${focusId}"]`);
      if (target) target.focus();
    };
    const draw = (mine, certifiable) => {
      if (!isCurrent()) return;
      const items = mine.items || [];
      const now = Date.now();
      const upcoming = items.filter((s) => new Date(s.endsAt).getTime() > now)
        .sort((x, y) => new Date(x.startsAt) - new Date(y.startsAt));
      const past = items.filter((s) => new Date(s.endsAt).getTime() <= now)
        .sort((x, y) => new Date(y.startsAt) - new Date(x.startsAt));
      clear(view,
        h('p', { class: 'crumbs' }, h('a', { href: '#/p/charity/campaigns' }, c('campaigns.title'))),
        h('h1', null, c('mine.title')),
        h('dl', { class: 'stats' },
          h('div', null, h('dt', null, c('mine.verified')),
            h('dd', { dataset: { testid: 'my-verified-minutes', minutes: String(mine.verifiedMinutes || 0) } },
              c('hoursShort', { hours: hours(mine.verifiedMinutes) }),
              h('span', { class: 'muted small' }, ` (${c('history.minutes', { minutes: formatNumber(mine.verifiedMinutes || 0) })})`))),
          h('div', null, h('dt', null, c('mine.pending')),
            h('dd', { dataset: { testid: 'my-pending-minutes', minutes: String(mine.pendingMinutes || 0) } },
              c('hoursShort', { hours: hours(mine.pendingMinutes) })))),
        certificateSection(Array.isArray(certifiable) ? certifiable : []),
        h('section', { 'aria-labelledby': 'mine-up-h' },
          h('h2', { id: 'mine-up-h' }, c('mine.upcoming')),
          upcoming.length ? h('ul', { class: 'plain' }, upcoming.map((s) => shiftItem(s, false, logged)))
            : [notice(c('mine.noUpcoming')), h('p', null, h('a', { href: '#/p/charity/campaigns' }, c('mine.find')))]),
        h('section', { 'aria-labelledby': 'mine-past-h' },
          h('h2', { id: 'mine-past-h' }, c('mine.past')),
          past.length ? h('ul', { class: 'plain' }, past.map((s) => shiftItem(s, true, logged))) : h('p', { class: 'muted' }, c('mine.noPast'))));
    };
    const [mine, certifiable] = await load();
    draw(mine, certifiable);
  },
};
