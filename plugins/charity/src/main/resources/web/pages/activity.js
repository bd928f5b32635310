// One activity: #/p/charity/activity/<id>. What, where, when to meet, and each shift's roles with a sign-up or
// cancel button per role; a role's waiver is shown in the reader's language with the checkbox that must be ticked
// before the sign-up is sent. Team leads and organisers get a link to each shift's roster; organisers edit the waivers.

import {
  pluginApi, t, h, clear, notice, alertBox, showAlert, announce, formatDateTime, formatDate, getLocale, table,
} from '/kit.js';
import { waiverText, waiverEditor } from './waivers.js';

const api = pluginApi('charity');
const c = (key, params) => t(`charity.${key}`, params);

function label(prefix, code) {
  const key = `charity.${prefix}.${code}`;
  const text = t(key);
  return text === key ? code : text;
}

/** "1 May 2027, 09:00 GMT+8 – 12:00" in the city's zone (the end with its date when on another day). */
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

/** The caller's place in a role as text: Confirmed, Waiting #n, Offered. */
function mineText(mine) {
  if (mine.status === 'WAITING') return c('mine.WAITING', { position: mine.waitingPosition ?? '?' });
  return label('mine', mine.status);
}

/** "Every Saturday until 6 Apr 2030" / "Every day until …": the weekday of the series' first shift in the city's zone. */
function seriesText(series, zone) {
  const until = formatDate(series.until, 'UTC');
  if (series.every !== 'week' || !series.firstStartsAt) return c('series.daily', { until });
  let weekday;
  try {
    weekday = new Intl.DateTimeFormat(getLocale(), { weekday: 'long', timeZone: zone }).format(new Date(series.firstStartsAt));
  } catch {
    weekday = new Intl.DateTimeFormat(getLocale(), { weekday: 'long' }).format(new Date(series.firstStartsAt));
  }
  return c('series.weekly', { weekday, until });
}

/** The partner organisation's state: approved by an admin or not yet. */
function partnerBadge(a) {
  return h('span', { class: a.partnerApproved ? 'badge' : 'badge muted', dataset: { testid: `partner-state-${a.id}` } },
    c(a.partnerApproved ? 'partner.approved' : 'partner.notApproved'));
}

function notFound(view) {
  clear(view,
    h('h1', null, c('activity.notFoundTitle')),
    notice(c('activity.notFound')),
    h('p', null, h('a', { href: '#/p/charity/campaigns' }, c('campaigns.title'))));
}

export default {
  async render(ctx) {
    const { view, params, isCurrent } = ctx;
    const id = params.arg;
    if (!id || !/^\d+$/.test(id)) {
      notFound(view);
      return;
    }
    const load = () => api.get(`activities/${id}`);
    let activity;
    try {
      activity = await load();
    } catch (e) {
      if (e.status !== 404) throw e;
      if (isCurrent()) notFound(view);
      return;
    }

    /** Whether the reader organises the activity's city (the server decides; this only offers the waiver editor). */
    const organises = (a) => !!ctx.me && (ctx.me.admin || (ctx.me.organiserOf || []).some((x) => String(x.id ?? x.cityId) === String(a.cityId)));

    const draw = (a, focusId) => {
      if (!isCurrent()) return;
      const me = ctx.me;
      const open = a.status === 'PUBLISHED';
      const zone = a.zone;
      const here = encodeURIComponent(`#/p/charity/activity/${a.id}`);
      const pageBox = alertBox();

      const act = async (shift, role, kind, box, button, tick) => {
        showAlert(box, '');
        const body = {};
        if (kind !== 'cancel' && role.waiver && !role.waiver.accepted) {
          if (!tick || !tick.checked) { // the version goes only with the ticked box: the volunteer read what they accept
            showAlert(box, c('waiver.mustAccept', { role: role.name }));
            if (tick) {
              tick.addEventListener('change', () => { if (tick.checked) showAlert(box, ''); }, { once: true }); // ticked: nothing left to say
              tick.focus();
            }
            return;
          }
          body.acceptWaiverVersion = role.waiver.version;
        }
        button.disabled = true;
        const path = `shifts/${shift.id}/roles/${encodeURIComponent(role.code)}/signup`;
        try {
          if (kind === 'cancel') {
            await api.del(path);
            announce(c('signup.cancelled', { role: role.name }));
          } else {
            const r = await api.put(path, body.acceptWaiverVersion ? body : undefined);
            announce(r && r.status === 'WAITING'
              ? c('signup.waiting', { role: role.name, position: r.waitingPosition ?? '?' })
              : c('signup.confirmed', { role: role.name }));
          }
          const fresh = await load();
          draw(fresh, `${kind === 'cancel' ? 'signup' : 'cancel'}-${shift.id}-${role.code}`);
        } catch (e) {
          button.disabled = false;
          if (e.status === 401) {
            ctx.navigate(`#/login?next=${here}`);
            return;
          }
          if (e.code === 'charity.waiver-outdated') { // the text changed meanwhile: show the new one to accept
            try {
              draw(await load(), `waiver-accept-${shift.id}-${role.code}`);
            } catch {
              /* keep the page as it is; the message below says what happened */
            }
            const fresh = view.querySelector(`[data-testid="shift-${shift.id}"] .alert.error`) || box;
            showAlert(fresh, e.userMessage);
            return;
          }
          showAlert(box, e.userMessage);
        }
      };

      /** Whether the caller may send a sign-up for the role now (join, wait, or take an offered place). */
      const canSend = (role, ended) => !!me && !ended && open && (!role.mine || role.mine.status === 'OFFERED');

      // A sign-up button that needs a waiver is described by the waiver's text and its checkbox, in that order.
      const described = (shift, role, ticks) => (ticks.has(role.code) ? `waiver-text-${shift.id}-${role.code} ${ticks.get(role.code).id}` : null);

      const roleAction = (shift, role, box, ended, ticks) => {
        const mine = role.mine;
        const parts = [];
        if (mine) parts.push(h('strong', { class: 'badge', dataset: { testid: `mine-${shift.id}-${role.code}` } }, mineText(mine)), ' ');
        if (!me || ended) return parts.length ? parts : h('span', { class: 'muted' }, '–');
        if (mine && mine.status === 'OFFERED' && open) {
          const take = h('button', { type: 'button', class: 'primary small', dataset: { testid: `signup-${shift.id}-${role.code}` }, 'aria-describedby': described(shift, role, ticks) }, c('signup.accept'));
          take.addEventListener('click', () => act(shift, role, 'signup', box, take, ticks.get(role.code)));
          parts.push(take, ' ');
        }
        if (mine) {
          const cancel = h('button', { type: 'button', class: 'small', dataset: { testid: `cancel-${shift.id}-${role.code}` }, 'aria-label': c('signup.cancelLabel', { role: role.name }) }, c('signup.cancel'));
          cancel.addEventListener('click', () => act(shift, role, 'cancel', box, cancel));
          parts.push(cancel);
        } else if (open) {
          const full = role.taken >= role.capacity;
          const join = h('button', { type: 'button', class: full ? 'small' : 'primary small', dataset: { testid: `signup-${shift.id}-${role.code}` }, 'aria-label': c(full ? 'signup.waitLabel' : 'signup.joinLabel', { role: role.name }), 'aria-describedby': described(shift, role, ticks) },
            c(full ? 'signup.wait' : 'signup.join'));
          join.addEventListener('click', () => act(shift, role, 'signup', box, join, ticks.get(role.code)));
          parts.push(join);
        }
        return parts;
      };

      const seriesOf = new Map((a.series || []).map((x) => [x.id, x]));
      const shiftCard = (s, i) => {
        const box = alertBox();
        const z = s.zone || zone;
        const series = s.seriesId != null ? seriesOf.get(s.seriesId) : null;
        const ended = new Date(s.endsAt).getTime() <= Date.now();
        const headId = `shift-h-${s.id}`;
        const ticks = new Map(); // role code -> its waiver's checkbox, read by the sign-up button
        const waivers = (s.roles || []).filter((r) => r.waiver).map((r) => {
          const w = waiverText(s, r, c, getLocale(), canSend(r, ended) && !r.waiver.accepted);
          if (w.tick) ticks.set(r.code, w.tick);
          return w.el;
        });
        return h('section', { class: 'card', 'aria-labelledby': headId, dataset: { testid: `shift-${s.id}` } },
          h('h3', { id: headId }, c('activity.shiftHeading', { n: i + 1 }), ' ', timeRange(s.startsAt, s.endsAt, z)),
          series ? h('p', { class: 'muted small', dataset: { testid: `shift-series-${s.id}` } }, c('series.partOf', { series: seriesText(series, z) })) : null,
          h('p', { class: 'alert info' },
            h('strong', null, c('activity.meetAt', { time: formatDateTime(s.meetingAt, z) })), h('br'),
            c('activity.meetWhere', { place: a.meetingPoint || '–' })),
          ended ? h('p', { class: 'muted' }, c('activity.shiftEnded')) : null,
          waivers.length ? h('div', { class: 'waivers', dataset: { testid: `waivers-${s.id}` } }, waivers) : null, // read, tick, then sign up
          box,
          table([
            { label: c('role.name'), cell: (r) => r.name, rowHeader: true },
            { label: c('role.places'), cell: (r) => [c('role.taken', { taken: r.taken, capacity: r.capacity }), h('br'), h('span', { class: 'muted small' }, c('role.left', { count: Math.max(0, r.capacity - r.taken) }))] },
            { label: c('role.waiting'), cell: (r) => (r.waiting ? c('role.waitingCount', { count: r.waiting }) : '–'), class: 'num' },
            { label: c('role.minLevel'), cell: (r) => (r.minLevel ? c('role.level', { level: r.minLevel }) : c('role.anyone')) },
            { label: c('role.you'), cell: (r) => roleAction(s, r, box, ended, ticks) },
          ], s.roles || [], { caption: c('activity.rolesCaption', { n: i + 1 }) }),
          a.canManage ? h('p', null, h('a', { class: 'button', href: `#/p/charity/lead/${s.id}`, dataset: { testid: `lead-${s.id}` } }, c('activity.leadLink'))) : null);
      };

      const decide = async (kind, reason, button) => {
        showAlert(pageBox, '');
        if (kind === 'reject' && !reason) {
          showAlert(pageBox, c('proposals.reasonMissing'));
          view.querySelector('#decision-reason').focus();
          return;
        }
        button.disabled = true;
        try {
          await api.post(`activities/${a.id}/${kind}`, kind === 'reject' ? { reason } : undefined);
          announce(c(kind === 'approve' ? 'proposals.approved' : 'proposals.rejected', { title: a.title }));
          draw(await load(), 'activity-title');
        } catch (e) {
          button.disabled = false;
          showAlert(pageBox, e.userMessage);
        }
      };
      let partnerAdmin = null;
      if (a.partnerName && me && me.admin) {
        const button = h('button', { type: 'button', class: a.partnerApproved ? 'small' : 'primary small', dataset: { testid: 'partner-approve' } },
          c(a.partnerApproved ? 'partner.withdraw' : 'partner.approve'));
        button.addEventListener('click', async () => {
          button.disabled = true;
          showAlert(pageBox, '');
          try {
            const fresh = await api.put(`activities/${a.id}/partner-approval`, { approved: !a.partnerApproved });
            announce(c(fresh.partnerApproved ? 'partner.approvedNow' : 'partner.withdrawn', { partner: a.partnerName }));
            draw(fresh, 'partner-approve');
          } catch (e) {
            button.disabled = false;
            showAlert(pageBox, e.userMessage);
          }
        });
        partnerAdmin = h('div', { class: 'actions' }, button);
      }
      let decision = null;
      if (a.status === 'PROPOSED' && a.canManage) {
        const reason = h('input', { id: 'decision-reason', type: 'text', maxlength: 500 });
        const approve = h('button', { type: 'button', class: 'primary', dataset: { testid: 'activity-approve' } }, c('proposals.approve'));
        const reject = h('button', { type: 'button', class: 'danger', dataset: { testid: 'activity-reject' } }, c('proposals.reject'));
        approve.addEventListener('click', () => decide('approve', null, approve));
        reject.addEventListener('click', () => decide('reject', reason.value.trim() || null, reject));
        decision = h('section', { class: 'card manage', 'aria-labelledby': 'decision-h' },
          h('h2', { id: 'decision-h' }, c('proposals.decide')),
          h('div', { class: 'field' }, h('label', { for: 'decision-reason' }, c('proposals.reason')), reason),
          h('div', { class: 'actions' }, approve, reject));
      }

      const statusNote = {
        PROPOSED: () => notice(c('activity.proposedNote'), 'warn'),
        REJECTED: () => notice([c('activity.rejectedNote'), a.decisionReason ? ` ${a.decisionReason}` : ''].join(''), 'warn'),
        CANCELLED: () => notice([c('activity.cancelledNote'), a.decisionReason ? ` ${a.decisionReason}` : ''].join(''), 'warn'),
      }[a.status];

      clear(view,
        h('p', { class: 'crumbs' }, h('a', { href: `#/p/charity/campaign/${a.campaignId}` }, c('activity.backToCampaign'))),
        h('div', { class: 'title-row' },
          h('h1', { id: 'activity-title', tabindex: '-1' }, a.title),
          a.status !== 'PUBLISHED' ? h('span', { class: 'badge', dataset: { testid: 'activity-status' } }, label('status', a.status)) : null),
        statusNote ? statusNote() : null,
        pageBox,
        decision,
        organises(a) ? waiverEditor(a, api, c, (fresh) => draw(fresh, 'waiver-editor-h')) : null,
        h('div', { class: 'grid' },
          h('section', { class: 'card', 'aria-labelledby': 'about-h' },
            h('h2', { id: 'about-h' }, c('activity.about')),
            h('dl', { class: 'pairs' },
              h('dt', null, c('activity.cause')), h('dd', null, label('cause', a.cause)),
              h('dt', null, c('activity.city')), h('dd', null, a.cityName),
              a.partnerName ? [h('dt', null, c('activity.partner')), h('dd', null, a.partnerName, ' ', partnerBadge(a))] : null,
              h('dt', null, c('activity.zone')), h('dd', null, zone || '–')),
            a.selfLoggedHours ? h('p', { class: 'alert info', dataset: { testid: 'activity-self-logged' } }, c('activity.selfLogged')) : null,
            partnerAdmin),
          h('section', { class: 'card', 'aria-labelledby': 'meet-h' },
            h('h2', { id: 'meet-h' }, c('activity.meeting')),
            h('p', { class: 'big', dataset: { testid: 'meeting-point' } }, a.meetingPoint || '–'),
            h('p', null, c('activity.meetBefore', { count: a.meetingMinutesBefore ?? 0 })))),
        a.description ? h('p', { class: 'description' }, a.description) : null,
        h('section', { 'aria-labelledby': 'shifts-h' },
          h('h2', { id: 'shifts-h' }, c('activity.shifts')),
          (a.series || []).length
            ? h('ul', { class: 'plain', dataset: { testid: 'activity-series' } }, a.series.map((x) => h('li', null,
              h('strong', null, seriesText(x, zone)), ' ', h('span', { class: 'muted' }, c('series.count', { count: x.shifts })))))
            : null,
          !ctx.me && a.status === 'PUBLISHED'
            ? h('p', { class: 'alert info' }, h('a', { href: `#/login?next=${here}`, dataset: { testid: 'login-to-signup' } }, c('activity.loginToSignUp')))
            : null,
          (a.shifts || []).length ? (a.shifts || []).map(shiftCard) : notice(c('activity.noShifts'))),
        ctx.me ? h('p', null, h('a', { href: '#/p/charity/mine' }, c('mine.link'))) : null);

      if (focusId) {
        const target = view.querySelector(`[data-testid="${focusId}"]`) || view.querySelector(`#${focusId}`) || view.querySelector('h1');
        if (target) target.focus();
      }
    };

    draw(activity);
  },
};
