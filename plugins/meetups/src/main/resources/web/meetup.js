// One meetup: details, the RSVP rules in plain words, RSVP / accept an offer / cancel, my check-in code and QR code,
// who is coming, ratings and comments, the recap.
import {
  $, activeTicket, addStrings, api, clear, errorContent, formatTime, h, initPage, items, kindBadge, loadMe, loginPrompt, path,
  safeUrl, say, sayError, seatsText, statusBadge, t, tagList, ticketText, timeEl,
} from './meetups.js';

addStrings({
  en: {
    'meetup.pageTitle': 'Meetup · Popcorn',
    'meetup.back': '← All meetups',
    'meetup.notFound': 'There is no meetup at this address.',
    'meetup.details': 'When and where',
    'meetup.when': 'When',
    'meetup.ends': 'until {time}',
    'meetup.where': 'Where',
    'meetup.city': 'City',
    'meetup.hosts': 'Hosts',
    'meetup.pledges': 'Pledged in the city vote',
    'meetup.seriesLabel': 'Series',
    'meetup.series': 'Part of a series of meetups.',
    'meetup.addToCalendar': 'Add to calendar (.ics)',
    'meetup.edit': 'Edit',
    'meetup.checkin': 'Check people in',
    'meetup.review': 'Review proposals',
    'meetup.seats': 'Seats',
    'meetup.guests': 'Guests coming with me',
    'meetup.guestsN': { one: '{count} guest', other: '{count} guests' },
    'meetup.guests0': 'Just me',
    'meetup.rsvp': 'RSVP',
    'meetup.rsvpDone': 'Your RSVP is saved.',
    'meetup.rsvpLogin': 'to RSVP.',
    'meetup.opensAt': 'RSVPs open {time}.',
    'meetup.priorityAt': 'Members with the early-RSVP privilege may RSVP from {time}.',
    'meetup.priorityYou': 'You have this privilege.',
    'meetup.started': 'This meetup has started; RSVPs are closed.',
    'meetup.ticket': 'My ticket',
    'meetup.partySize': { one: 'A party of {count} (just you).', other: 'A party of {count} (you and {guests} guest(s)).' },
    'meetup.position': 'Your place in line: #{position}. When {partySize} seat(s) free up for your party, you move up.',
    'meetup.offer': 'Seats for your party are offered to you until {time}. Accept before then, or they go to the next in line.',
    'meetup.offerExpired': 'The offer has expired.',
    'meetup.accept': 'Accept the seats',
    'meetup.accepted': 'The seats are yours. See you there!',
    'meetup.codeIntro': 'Show this code (or the QR code) at the door:',
    'meetup.qrAlt': 'QR code of my check-in code {code}',
    'meetup.qrFailed': 'The QR code could not be loaded; the code above works too.',
    'meetup.newcomerSeat': 'You have one of the seats kept for newcomers. Welcome!',
    'meetup.checkedInAt': 'Checked in {time}.',
    'meetup.cancel.CONFIRMED': 'Cancel my RSVP',
    'meetup.cancel.WAITING': 'Leave the waiting list',
    'meetup.cancel.OFFERED': 'Decline the offer',
    'meetup.cancelConfirm': 'Give up your place at this meetup?',
    'meetup.cancelled': 'You are no longer signed up.',
    'meetup.about': 'About',
    'meetup.rules': 'How RSVPs work here',
    'rules.capacity': 'There are {capacity} seats, never more. When they are taken you join the waiting list in order, with your party together (a party of 3 waits for 3 seats).',
    'rules.guests': { one: 'You may bring {count} guest.', other: 'You may bring up to {count} guests.' },
    'rules.noGuests': 'RSVPs are for one person: no guests.',
    'rules.instant': 'When someone cancels, the first in line gets the seats at once and is told.',
    'rules.offer': 'When someone cancels, the first in line is offered the seats for {hours} hours; an offer not accepted in time goes to the next in line.',
    'rules.opening': 'RSVPs open {time}.',
    'rules.openNow': 'RSVPs are open now.',
    'rules.priority': 'Members with the early-RSVP privilege (earned by level) may RSVP {hours} hours earlier, from {time}.',
    'rules.checkIn': 'Check-in at the door opens {hours} hours before the start.',
    'rules.myPriority': 'You have the early-RSVP privilege.',
    'rules.myPaused': 'After no-shows, your early RSVP is paused until {time}.',
    'rules.myNewcomer': 'You have never been to a meetup: the newcomer seats are open to you.',
    'rules.newcomers': '{seats} of the seats are kept for members who have never been to a meetup, until {time} ({hours} hours before the start). Then any of them still free go to the waiting list.',
    'rules.noNewcomers': 'No seats are kept for newcomers at this meetup.',
    'rules.noShows': 'If you RSVP and do not check in, it counts as a no-show. {limit} no-shows within {days} days cost you the early RSVP window for {penalty} days. Your plain RSVPs and newcomer seats are never taken away.',
    'rules.points': 'Checking in earns {points} points, once per meetup, and counts towards the “First meetup” and “Ten meetups” badges.',
    'meetup.people': 'Who is coming',
    'meetup.going': 'Going',
    'meetup.waitingCount': 'Waiting',
    'meetup.peopleHidden': 'Others coming chose not to be listed.',
    'meetup.peopleNone': 'Nobody has chosen to be listed yet.',
    'meetup.recap': 'Recap',
    'meetup.photo': 'Photo {n}',
    'meetup.ratings': 'Ratings and comments',
    'meetup.ratingSummary': { one: '{average} of 5 stars from {count} rating', other: '{average} of 5 stars from {count} ratings' },
    'meetup.noRatings': 'No ratings yet.',
    'meetup.yourRating': 'Your rating',
    'meetup.stars': { one: '{count} star', other: '{count} stars' },
    'meetup.starsOf5': '{count} of 5 stars',
    'meetup.comment': 'Comment (optional)',
    'meetup.rate': 'Save my rating',
    'meetup.rated': 'Thank you! Your rating is saved.',
    'meetup.pickStars': 'Choose 1 to 5 stars.',
  },
  'zh-CN': {
    'meetup.pageTitle': '聚会 · Popcorn',
    'meetup.back': '← 全部聚会',
    'meetup.notFound': '这个地址没有聚会。',
    'meetup.details': '时间和地点',
    'meetup.when': '时间',
    'meetup.ends': '至 {time}',
    'meetup.where': '地点',
    'meetup.city': '城市',
    'meetup.hosts': '组织者',
    'meetup.pledges': '城市投票中承诺参加',
    'meetup.seriesLabel': '系列',
    'meetup.series': '这是系列聚会中的一场。',
    'meetup.addToCalendar': '添加到日历（.ics）',
    'meetup.edit': '编辑',
    'meetup.checkin': '签到',
    'meetup.review': '审核提议',
    'meetup.seats': '座位',
    'meetup.guests': '同行人数',
    'meetup.guestsN': '{count} 位同伴',
    'meetup.guests0': '只有我',
    'meetup.rsvp': '报名',
    'meetup.rsvpDone': '报名已保存。',
    'meetup.rsvpLogin': '后即可报名。',
    'meetup.opensAt': '报名于 {time} 开放。',
    'meetup.priorityAt': '拥有提前报名特权的会员可从 {time} 起报名。',
    'meetup.priorityYou': '你拥有此特权。',
    'meetup.started': '聚会已开始，报名已关闭。',
    'meetup.ticket': '我的入场券',
    'meetup.partySize': '一行 {count} 人。',
    'meetup.position': '你在候补第 {position} 位。空出 {partySize} 个座位时，你会依次递补。',
    'meetup.offer': '为你保留的座位有效期至 {time}。请在此之前接受，否则将让给下一位。',
    'meetup.offerExpired': '保留已过期。',
    'meetup.accept': '接受座位',
    'meetup.accepted': '座位是你的了，到时见！',
    'meetup.codeIntro': '入场时出示此签到码（或二维码）：',
    'meetup.qrAlt': '我的签到码 {code} 的二维码',
    'meetup.qrFailed': '二维码加载失败；上面的签到码同样有效。',
    'meetup.newcomerSeat': '你获得了新人保留座位，欢迎！',
    'meetup.checkedInAt': '已于 {time} 签到。',
    'meetup.cancel.CONFIRMED': '取消报名',
    'meetup.cancel.WAITING': '退出候补',
    'meetup.cancel.OFFERED': '放弃保留座位',
    'meetup.cancelConfirm': '确定放弃这次聚会的名额吗？',
    'meetup.cancelled': '你已不在报名名单中。',
    'meetup.about': '介绍',
    'meetup.rules': '报名规则',
    'rules.capacity': '共 {capacity} 个座位，绝不超额。满员后按顺序进入候补，同行者一起候补（3 人同行就等 3 个座位）。',
    'rules.guests': '每次报名最多可带 {count} 位同伴。',
    'rules.noGuests': '每次报名仅限一人，不能带同伴。',
    'rules.instant': '有人取消时，候补第一位立即获得座位并收到通知。',
    'rules.offer': '有人取消时，候补第一位获得 {hours} 小时的保留期；逾期未接受则让给下一位。',
    'rules.opening': '报名于 {time} 开放。',
    'rules.openNow': '现在可以报名。',
    'rules.priority': '拥有提前报名特权（按等级获得）的会员可提前 {hours} 小时报名，从 {time} 起。',
    'rules.checkIn': '入场签到在开始前 {hours} 小时开放。',
    'rules.myPriority': '你拥有提前报名特权。',
    'rules.myPaused': '因爽约，你的提前报名资格暂停至 {time}。',
    'rules.myNewcomer': '你还没有参加过聚会：新人保留座位对你开放。',
    'rules.newcomers': '其中 {seats} 个座位留给从未参加过聚会的会员，保留到 {time}（开始前 {hours} 小时）。之后仍空着的座位给候补名单。',
    'rules.noNewcomers': '本次聚会不设新人保留座位。',
    'rules.noShows': '报名后未签到即为爽约。{days} 天内爽约 {limit} 次，将在 {penalty} 天内失去提前报名资格。普通报名和新人座位不受影响。',
    'rules.points': '签到可获得 {points} 积分（每场一次），并计入“首次聚会”和“十次聚会”徽章。',
    'meetup.people': '谁会来',
    'meetup.going': '参加',
    'meetup.waitingCount': '候补',
    'meetup.peopleHidden': '其他参加者选择不公开。',
    'meetup.peopleNone': '还没有人选择公开。',
    'meetup.recap': '活动回顾',
    'meetup.photo': '照片 {n}',
    'meetup.ratings': '评分和评论',
    'meetup.ratingSummary': '{count} 个评分，平均 {average} 星（满分 5 星）',
    'meetup.noRatings': '还没有评分。',
    'meetup.yourRating': '我的评分',
    'meetup.stars': '{count} 星',
    'meetup.starsOf5': '{count} 星（满分 5 星）',
    'meetup.comment': '评论（可选）',
    'meetup.rate': '保存评分',
    'meetup.rated': '谢谢！评分已保存。',
    'meetup.pickStars': '请选择 1 到 5 星。',
  },
});

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
  $('manage-links').hidden = !m.canManage && !m.canApprove;
  $('edit-link').hidden = !m.canManage;
  $('checkin-link').hidden = !m.canManage;
  $('edit-link').href = `host.html#edit-${m.id}`;
  $('checkin-link').href = `checkin.html#${m.id}`;
  if (m.canApprove && m.status === 'PROPOSED' && !$('review-link')) {
    $('manage-links').append(h('a', { class: 'button small', id: 'review-link', href: 'host.html#proposals' }, t('meetup.review')));
  }
}

function renderRules(m) {
  const list = [t('rules.capacity', { capacity: m.capacity })];
  list.push(m.maxGuests > 0 ? t('rules.guests', { count: m.maxGuests }) : t('rules.noGuests'));
  list.push(m.offerHours ? t('rules.offer', { hours: m.offerHours }) : t('rules.instant'));
  list.push(future(m.rsvpOpensAt) ? t('rules.opening', { time: formatTime(m.rsvpOpensAt, m.timeZone) }) : t('rules.openNow'));
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
  if (rules.myNewcomer) list.push(t('rules.myNewcomer'));
  clear($('rules'), list.map((s) => h('li', null, s)));
}

function renderOpening(m) {
  const lines = [];
  if (m.status === 'PUBLISHED' && !future(m.startsAt)) lines.push(t('meetup.started'));
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
    h('h2', null, t('meetup.ticket')),
    h('p', { class: 'big', id: 'ticket-status', dataset: { testid: 'ticket-status', status: ticket.status } }, ticketText(ticket)),
    h('p', null, t('meetup.partySize', { count: ticket.partySize || 1, guests })),
  ];
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
    await api.put(`${base()}/rsvp`, { guests: Number($('rsvp-guests').value || 0) });
    await refresh();
    say(box, t('meetup.rsvpDone'), 'success');
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
