// One meetup: details, the RSVP rules in plain words, RSVP / accept an offer / cancel, my check-in code and QR code,
// who is coming, ratings and comments, the recap.
import {
  $, activeTicket, api, clear, errorContent, formatTime, h, initPage, items, kindBadge, loadMe, loginPrompt, path,
  isOver, safeUrl, say, sayError, seatsText, statusBadge, t, tagList, ticketText, timeEl,
} from './meetups.js';
import './meetup-strings.js';

initPage(null);

const message = $('message');
let me = null;
let view = null;
let rules = {};
let qrUrl = null;

const meetupId = () => (/^#(\d+)$/.exec(location.hash) || [])[1];
const base = () => `meetups/${meetupId()}`;
const future = (iso) => iso && new Date(iso).getTime() > Date.now();

/** A value of GET rules (priorityWindowHours, noShowLimit, …), else the documented default. */
const rule = (name, fallback) => (rules[name] ?? fallback);

function renderDetails(m) {
  const hosts = (m.hosts || []).map((x, i) => [i ? ', ' : '', h('a', { href: `/#/members/${encodeURIComponent(x.handle)}` }, x.displayName || x.handle)]);
  const pair = (label, ...value) => [h('dt', null, label), h('dd', null, ...value)];
  clear($('details'),
    pair(t('meetup.when'), timeEl(m.startsAt, m.timeZone, 'meetup-starts'), h('br'),
      h('span', { class: 'muted' }, t('meetup.ends', { time: formatTime(m.endsAt, m.timeZone) }))),
    pair(t('meetup.where'), m.venueName || '', m.venueAddress ? [h('br'), h('span', { class: 'muted' }, m.venueAddress)] : null),
    pair(t('meetup.city'), m.cityName || ''),
    hosts.length ? pair(t('meetup.hosts'), hosts) : null,
    m.pledges != null ? pair(t('meetup.pledges'), String(m.pledges)) : null,
    m.seriesId ? pair(t('meetup.seriesLabel'), t('meetup.series')) : null);
}

function renderHead(m) {
  document.title = `${m.title} · Popcorn`;
  $('title').textContent = m.title;
  clear($('badges'), statusBadge(m.status), kindBadge(m.kind), tagList(m.tags));
  const cover = safeUrl(m.coverImageUrl);
  $('cover').hidden = !cover;
  if (cover) $('cover').src = cover;
  const reason = m.status === 'CANCELLED' ? m.cancelReason : (m.status === 'REJECTED' ? m.rejectReason : null);
  $('cancelled').hidden = !reason;
  $('cancelled').textContent = reason || '';
  $('about').hidden = !m.description;
  $('description').textContent = m.description || '';
  $('ics-link').href = path(`${base()}/calendar.ics`);
  const links = calendarLinks(m);
  $('google-link').href = links.google;
  $('outlook-link').href = links.outlook;
  $('manage-links').hidden = !m.canManage && !m.canApprove;
  $('edit-link').hidden = !m.canManage;
  $('checkin-link').hidden = !m.canManage;
  $('edit-link').href = `host.html#edit-${m.id}`;
  $('checkin-link').href = `checkin.html#${m.id}`;
  if (m.canApprove && m.status === 'PROPOSED' && !$('review-link')) {
    $('manage-links').append(h('a', { class: 'button small', id: 'review-link', href: 'host.html#proposals' }, t('meetup.review')));
  }
}

/** "Add to Google Calendar" and "Add to Outlook" addresses for a meetup (both take UTC times). */
function calendarLinks(m) {
  const where = [m.venueName, m.venueAddress, m.cityName].filter(Boolean).join(', ');
  const page = location.href.split('#')[0] + `#${m.id}`;
  const details = [m.description || '', page].filter(Boolean).join('\n\n');
  const compact = (iso) => new Date(iso).toISOString().replace(/[-:]/g, '').replace(/\.\d{3}/, '');
  const google = new URL('https://calendar.google.com/calendar/render');
  google.search = new URLSearchParams({
    action: 'TEMPLATE', text: m.title, dates: `${compact(m.startsAt)}/${compact(m.endsAt)}`, details, location: where,
  }).toString();
  const outlook = new URL('https://outlook.live.com/calendar/0/deeplink/compose');
  outlook.search = new URLSearchParams({
    path: '/calendar/action/compose', rru: 'addevent', subject: m.title, startdt: new Date(m.startsAt).toISOString(),
    enddt: new Date(m.endsAt).toISOString(), body: details, location: where,
  }).toString();
  return { google: google.toString(), outlook: outlook.toString() };
}

function renderRules(m) {
  const list = [t('rules.capacity', { capacity: m.capacity })];
  list.push(m.maxGuests > 0 ? t('rules.guests', { count: m.maxGuests }) : t('rules.noGuests'));
  list.push(m.offerHours ? t('rules.offer', { hours: m.offerHours }) : t('rules.instant'));
  if (isOver(m) || !future(m.startsAt)) list.push(t('rules.closed'));
  else list.push(future(m.rsvpOpensAt) ? t('rules.opening', { time: formatTime(m.rsvpOpensAt, m.timeZone) }) : t('rules.openNow'));
  if (m.priorityOpensAt && future(m.rsvpOpensAt)) {
    list.push(t('rules.priority', { hours: rule('priorityWindowHours', 48), time: formatTime(m.priorityOpensAt, m.timeZone) }));
  }
  const releaseHours = rule('newcomerReleaseHours', 24);
  if (m.newcomerSeats > 0) {
    const release = new Date(new Date(m.startsAt).getTime() - releaseHours * 3600_000).toISOString();
    list.push(t('rules.newcomers', { seats: m.newcomerSeats, time: formatTime(release, m.timeZone), hours: releaseHours }));
  } else {
    list.push(t('rules.noNewcomers'));
  }
  list.push(t('rules.noShows', {
    limit: rule('noShowLimit', 2), days: rule('noShowWindowDays', 90), penalty: rule('noShowPenaltyDays', 60),
  }));
  list.push(t('rules.checkIn', { hours: rule('checkInOpensHours', 12) }));
  list.push(t('rules.points', { points: rule('attendancePoints', 20) }));
  // What applies to me (only when logged in).
  if (rules.myPriorityPausedUntil) list.push(t('rules.myPaused', { time: formatTime(rules.myPriorityPausedUntil, m.timeZone) }));
  else if (rules.myPriority) list.push(t('rules.myPriority'));
  if (rules.myNewcomer && m.newcomerSeats > 0 && !isOver(m)) list.push(t('rules.myNewcomer'));
  clear($('rules'), list.map((s) => h('li', null, s)));
}

function renderOpening(m) {
  const lines = [];
  if (isOver(m)) lines.push(t('meetup.over'));
  else if (m.status === 'PUBLISHED' && !future(m.startsAt)) lines.push(t('meetup.started'));
  else if (m.status === 'PUBLISHED' && future(m.rsvpOpensAt)) {
    lines.push(t('meetup.opensAt', { time: formatTime(m.rsvpOpensAt, m.timeZone) }));
    if (m.priorityOpensAt) {
      lines.push(t('meetup.priorityAt', { time: formatTime(m.priorityOpensAt, m.timeZone) }));
      if (rules.myPriority && !rules.myPriorityPausedUntil) lines.push(t('meetup.priorityYou'));
    }
  }
  $('opening').textContent = lines.join(' ');
  $('opening').hidden = !lines.length;
}

function renderRsvpForm(m) {
  const ticket = activeTicket(m.myTicket);
  const canRsvp = m.status === 'PUBLISHED' && future(m.startsAt) && !ticket;
  $('rsvp-form').hidden = !me || !canRsvp;
  $('rsvp-login').hidden = !!me || !canRsvp;
  if (!me) clear($('rsvp-login'), loginPrompt(t('meetup.rsvpLogin')));
  const guests = $('rsvp-guests');
  const max = Math.max(0, m.maxGuests || 0);
  clear(guests, Array.from({ length: max + 1 }, (_, n) => h('option', { value: n }, n ? t('meetup.guestsN', { count: n }) : t('meetup.guests0'))));
  guests.closest('.field').hidden = max === 0;
  $('rsvp-visible').checked = !!(me && me.attendanceVisible);
  $('rsvp-submit').textContent = full(m) ? t('meetup.joinWaiting') : t('meetup.rsvp');
  rsvpBar(!$('rsvp-form').hidden, $('rsvp-submit').textContent);
}

let barObserver = null;
/** The phone's bottom bar: the same action as the form's button, shown while that button is scrolled away. */
function rsvpBar(available, label) {
  let bar = $('rsvp-bar');
  if (!bar) {
    bar = h('div', { id: 'rsvp-bar', role: 'region', 'aria-label': t('meetup.seats') },
      h('button', { type: 'button', class: 'primary', id: 'rsvp-bar-button', dataset: { testid: 'rsvp-bar-button' },
        onclick: () => $('rsvp-form').requestSubmit() }));
    document.body.append(bar);
    barObserver = new IntersectionObserver(([e]) => bar.classList.toggle('shown', bar.dataset.available === 'true' && !e.isIntersecting));
    barObserver.observe($('rsvp-submit'));
  }
  bar.dataset.available = String(available);
  $('rsvp-bar-button').textContent = label;
  document.body.classList.toggle('has-rsvp-bar', available);
  if (!available) bar.classList.remove('shown');
}

/** No general seat is free (newcomer seats aside): an RSVP now joins the waiting list. */
function full(m) {
  const general = (m.capacity || 0) - (m.newcomerSeats || 0);
  const generalTaken = (m.taken || 0) - (m.newcomerSeatsTaken || 0);
  return generalTaken >= general && !(rules.myNewcomer && (m.newcomerSeatsTaken || 0) < (m.newcomerSeats || 0));
}

function renderTicket(m) {
  const box = $('ticket');
  const ticket = activeTicket(m.myTicket);
  if (qrUrl) {
    URL.revokeObjectURL(qrUrl);
    qrUrl = null;
  }
  box.hidden = !ticket;
  if (!ticket) {
    clear(box);
    return;
  }
  const guests = Math.max(0, (ticket.partySize || 1) - 1);
  const parts = [
    h('h3', null, t('meetup.ticket')),
    h('p', { class: 'big', id: 'ticket-status', dataset: { testid: 'ticket-status', status: ticket.status } }, ticketText(ticket, m)),
    h('p', null, t('meetup.partySize', { count: ticket.partySize || 1, guests })),
  ];
  if (isOver(m)) { // what happened, and for those who came an invitation to rate: no code, offer or cancel any more
    const over = [parts[0], parts[1]];
    if (ticket.status === 'CONFIRMED' && ticket.checkedInAt) over.push(h('p', null, t('meetup.rateAsk')));
    clear(box, over);
    return;
  }
  if (ticket.status === 'WAITING') {
    parts.push(h('p', { id: 'ticket-position' }, t('meetup.position', { position: ticket.waitingPosition ?? '?', partySize: ticket.partySize || 1 })));
  }
  if (ticket.status === 'OFFERED') {
    const open = future(ticket.offerExpiresAt) || !ticket.offerExpiresAt;
    parts.push(h('p', { class: 'alert warn' }, open
      ? t('meetup.offer', { time: formatTime(ticket.offerExpiresAt, m.timeZone) }) : t('meetup.offerExpired')));
    parts.push(h('div', { class: 'actions' }, h('button', {
      type: 'button', class: 'primary', id: 'offer-accept', disabled: !open, onclick: accept,
    }, t('meetup.accept'))));
  }
  if (ticket.status === 'CONFIRMED') {
    if (ticket.newcomerSeat) parts.push(h('p', null, t('meetup.newcomerSeat')));
    if (ticket.checkedInAt) {
      parts.push(h('p', { class: 'alert success', id: 'ticket-checked-in' }, t('meetup.checkedInAt', { time: formatTime(ticket.checkedInAt, m.timeZone) })));
    }
    if (ticket.checkInCode) {
      const img = h('img', {
        id: 'checkin-qr', class: 'mu-qr', dataset: { testid: 'checkin-qr' }, alt: t('meetup.qrAlt', { code: ticket.checkInCode }),
      });
      parts.push(
        h('p', null, t('meetup.codeIntro')),
        h('p', null, h('span', { class: 'mu-code', id: 'checkin-code', dataset: { testid: 'checkin-code' } }, ticket.checkInCode)),
        img);
      loadQr(img);
    }
  }
  if (m.status === 'PUBLISHED' && !ticket.checkedInAt) {
    parts.push(h('div', { class: 'actions' }, h('button', {
      type: 'button', class: 'danger', id: 'rsvp-cancel', dataset: { testid: 'rsvp-cancel' }, onclick: cancelRsvp,
    }, t(`meetup.cancel.${ticket.status}`))));
  }
  clear(box, parts);
}

async function loadQr(img) {
  try {
    const blob = await api.blob(`${base()}/rsvp/qr.png`);
    if (qrUrl) URL.revokeObjectURL(qrUrl);
    qrUrl = URL.createObjectURL(blob);
    img.src = qrUrl;
  } catch {
    img.replaceWith(h('p', { class: 'muted', id: 'checkin-qr-failed' }, t('meetup.qrFailed')));
  }
}

async function rsvp(e) {
  e.preventDefault();
  const box = $('rsvp-message');
  $('rsvp-submit').disabled = true;
  try {
    const visible = $('rsvp-visible').checked;
    if (me && !!me.attendanceVisible !== visible) { // asked at RSVP: whether others see me coming (private unless chosen)
      await api.patch('/api/me', { attendanceVisible: visible });
      me.attendanceVisible = visible;
    }
    const ticket = await api.put(`${base()}/rsvp`, { guests: Number($('rsvp-guests').value || 0) });
    await refresh();
    say(box, ticket && ticket.status === 'WAITING'
      ? t('meetup.waitingDone', { position: ticket.waitingPosition ?? '?' }) : t('meetup.rsvpDone'), 'success');
    $('ticket').focus();
  } catch (err) {
    sayError(box, err, $('rsvp-form'));
  } finally {
    $('rsvp-submit').disabled = false;
  }
}

async function accept() {
  const box = $('rsvp-message');
  try {
    await api.post(`${base()}/rsvp/accept`);
    await refresh();
    say(box, t('meetup.accepted'), 'success');
    $('ticket').focus();
  } catch (err) {
    sayError(box, err);
  }
}

async function cancelRsvp() {
  if (!window.confirm(t('meetup.cancelConfirm'))) return;
  const box = $('rsvp-message');
  try {
    await api.del(`${base()}/rsvp`);
    await refresh();
    say(box, t('meetup.cancelled'), 'success');
    $('rsvp-submit').focus();
  } catch (err) {
    sayError(box, err);
  }
}

const personLabel = (p) => ({ handle: p.handle, name: p.displayName || p.handle });

/** attendees/visible: counts and the attendees who chose to be listed. */
async function loadPeople(m) {
  const box = $('people');
  try {
    const v = await api.get(`${base()}/attendees/visible`);
    const people = (v.visible || []).map(personLabel);
    const stat = (label, n) => h('div', null, h('dt', null, label), h('dd', null, String(n ?? 0)));
    clear(box,
      h('dl', { class: 'mu-counts' }, stat(t('meetup.going'), v.going ?? m.taken), stat(t('meetup.waitingCount'), v.waitingParties ?? m.waitingParties)),
      people.length
        ? h('ul', { class: 'plain cols', id: 'visible-attendees' }, people.map((p) => h('li', null,
          h('a', { href: `/#/members/${encodeURIComponent(p.handle)}` }, p.name))))
        : h('p', { class: 'muted' }, t('meetup.peopleNone')),
      people.length ? h('p', { class: 'muted small' }, t('meetup.peopleHidden')) : null);
  } catch (err) {
    clear(box, h('p', { class: 'alert error' }, errorContent(err)));
  }
}

function stars(n) {
  const k = Math.max(0, Math.min(5, Math.round(n)));
  return h('span', { class: 'mu-rating-stars', role: 'img', 'aria-label': t('meetup.starsOf5', { count: k }) }, '★'.repeat(k) + '☆'.repeat(5 - k));
}

async function loadRatings(m) {
  const list = $('ratings');
  $('rating-summary').textContent = m.ratingCount
    ? t('meetup.ratingSummary', { average: Number(m.ratingAverage || 0).toFixed(1), count: m.ratingCount }) : t('meetup.noRatings');
  // Members who checked in may rate, once the meetup has started.
  const mayRate = !!(me && m.myTicket && m.myTicket.checkedInAt && !future(m.startsAt));
  $('rating-form').hidden = !mayRate;
  try {
    const all = items(await api.get(`${base()}/ratings`, { size: 100 }));
    clear(list, all.map((r) => h('li', null,
      h('p', null, stars(r.stars), ' ', h('strong', null, r.member ? r.member.displayName || r.member.handle : ''),
        r.ratedAt ? h('span', { class: 'muted small' }, ` · ${formatTime(r.ratedAt, m.timeZone, false)}`) : null),
      r.comment ? h('p', { class: 'description' }, r.comment) : null)));
    const mine = me && all.find((r) => r.member && r.member.memberId === me.id);
    if (mine && mayRate) {
      const radio = document.querySelector(`input[name="stars"][value="${mine.stars}"]`);
      if (radio) radio.checked = true;
      $('rating-comment').value = mine.comment || '';
    }
  } catch (err) {
    clear(list, h('li', { class: 'alert error' }, errorContent(err)));
  }
}

function renderStarInputs() {
  clear($('rating-stars'), [1, 2, 3, 4, 5].map((n) => h('label', { for: `rating-${n}` },
    h('input', { type: 'radio', name: 'stars', id: `rating-${n}`, value: n, dataset: { field: 'stars' } }),
    h('span', { 'aria-hidden': 'true' }, '★'.repeat(n)), h('span', { class: 'sr-only' }, t('meetup.stars', { count: n })))));
}

async function rate(e) {
  e.preventDefault();
  const box = $('rating-message');
  const chosen = document.querySelector('input[name="stars"]:checked');
  if (!chosen) {
    say(box, t('meetup.pickStars'), 'error');
    $('rating-1').focus();
    return;
  }
  try {
    await api.put(`${base()}/ratings/mine`, { stars: Number(chosen.value), comment: $('rating-comment').value.trim() || null });
    say(box, t('meetup.rated'), 'success');
    view = await api.get(base());
    loadRatings(view);
  } catch (err) {
    sayError(box, err, $('rating-form'));
  }
}

function renderRecap(m) {
  const recap = m.recap;
  const has = recap && (recap.text || (recap.photoUrls || []).length);
  $('recap').hidden = !has;
  if (!has) return;
  $('recap-text').textContent = recap.text || '';
  const photos = (recap.photoUrls || []).map(safeUrl).filter(Boolean);
  clear($('recap-photos'), photos.map((u, i) => h('li', null, h('a', { href: u, target: '_blank', rel: 'noopener noreferrer' },
    h('img', { src: u, alt: t('meetup.photo', { n: i + 1 }), loading: 'lazy', referrerpolicy: 'no-referrer' })))));
}

function render() {
  const m = view;
  renderHead(m);
  renderDetails(m);
  $('seats').textContent = seatsText(m);
  renderOpening(m);
  renderRsvpForm(m);
  renderTicket(m);
  renderRules(m);
  renderRecap(m);
}

/** Reloads the meetup (seats, my ticket) after an action. */
async function refresh() {
  view = await api.get(base());
  render();
  loadPeople(view);
}

async function load() {
  say(message, null);
  if (!meetupId()) {
    $('loading').hidden = true;
    say(message, t('meetup.notFound'), 'error');
    return;
  }
  try {
    const [m, r, who] = await Promise.all([
      api.get(base()),
      api.get('rules').catch(() => ({})),
      loadMe().catch(() => null),
    ]);
    view = m;
    rules = r || {};
    me = who;
  } catch (err) {
    $('loading').hidden = true;
    $('meetup').hidden = true;
    say(message, err.status === 404 ? t('meetup.notFound') : errorContent(err), 'error');
    return;
  }
  $('loading').hidden = true;
  $('meetup').hidden = false;
  render();
  loadPeople(view);
  loadRatings(view);
}

renderStarInputs();
$('rsvp-form').addEventListener('submit', rsvp);
$('rating-form').addEventListener('submit', rate);
window.addEventListener('hashchange', load);
load();
