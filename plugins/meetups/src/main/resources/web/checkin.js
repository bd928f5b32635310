// Check-in desk for a meetup's hosts, made for a phone: type or scan a code, or tick people off the list.
import {
  $, addStrings, api, clear, errorContent, formatClock, formatTime, h, initPage, loginPrompt, say, t, timeEl, token,
} from './meetups.js';

addStrings({
  en: {
    'checkin.pageTitle': 'Check-in · Meetups · Popcorn',
    'checkin.back': '← Back to the meetup',
    'checkin.title': 'Check-in',
    'checkin.noId': 'Open this page from a meetup: the address names the meetup.',
    'checkin.login': 'to check people in.',
    'checkin.code': 'Check-in code',
    'checkin.codeHint': "Type the code from the attendee's ticket, or scan their QR code.",
    'checkin.submit': 'Check in',
    'checkin.scan': 'Scan a QR code',
    'checkin.scanStop': 'Stop the camera',
    'checkin.camera': 'Camera view for scanning QR codes',
    'checkin.cameraFailed': 'The camera could not be started. Type the code instead.',
    'checkin.people': 'Going',
    'checkin.waiting': 'Offered and waiting',
    'checkin.filter': 'Find a person (name, handle or code)',
    'checkin.countGoing': 'Going',
    'checkin.countIn': 'Checked in',
    'checkin.countLeft': 'Still to come',
    'checkin.countRsvps': { one: '{count} RSVP', other: '{count} RSVPs' },
    'checkin.done': '✓ {name} is checked in.',
    'checkin.doneCode': '✓ Code {code} is checked in.',
    'checkin.party': { one: '', other: 'Party of {count}.' },
    'checkin.already': '✓ {name} was already checked in ({time}).',
    'checkin.button': 'Check in',
    'checkin.buttonLabel': 'Check in {name}',
    'checkin.mark': '✓ Checked in',
    'checkin.partyOf': { one: 'just them', other: 'party of {count}' },
    'checkin.newcomer': 'newcomer',
    'checkin.noneGoing': 'Nobody is going yet.',
    'checkin.noneWaiting': 'Nobody is waiting.',
    'checkin.offeredUntil': 'offered until {time}',
    'checkin.position': '#{position} in line',
    'checkin.noMatch': 'Nobody matches.',
  },
  'zh-CN': {
    'checkin.pageTitle': '签到 · 聚会 · Popcorn',
    'checkin.back': '← 返回聚会',
    'checkin.title': '签到',
    'checkin.noId': '请从聚会页面打开此页：地址中需包含聚会编号。',
    'checkin.login': '后即可为参加者签到。',
    'checkin.code': '签到码',
    'checkin.codeHint': '输入参加者入场券上的签到码，或扫描其二维码。',
    'checkin.submit': '签到',
    'checkin.scan': '扫描二维码',
    'checkin.scanStop': '关闭摄像头',
    'checkin.camera': '用于扫描二维码的摄像头画面',
    'checkin.cameraFailed': '无法启动摄像头，请手动输入签到码。',
    'checkin.people': '参加者',
    'checkin.waiting': '保留中和候补',
    'checkin.filter': '查找（姓名、用户名或签到码）',
    'checkin.countGoing': '参加',
    'checkin.countIn': '已签到',
    'checkin.countLeft': '未到',
    'checkin.countRsvps': '{count} 份报名',
    'checkin.done': '✓ {name} 已签到。',
    'checkin.doneCode': '✓ 签到码 {code} 已签到。',
    'checkin.party': '一行 {count} 人。',
    'checkin.already': '✓ {name} 此前已签到（{time}）。',
    'checkin.button': '签到',
    'checkin.buttonLabel': '为 {name} 签到',
    'checkin.mark': '✓ 已签到',
    'checkin.partyOf': '一行 {count} 人',
    'checkin.newcomer': '新人',
    'checkin.noneGoing': '还没有人报名。',
    'checkin.noneWaiting': '没有候补。',
    'checkin.offeredUntil': '保留至 {time}',
    'checkin.position': '候补第 {position} 位',
    'checkin.noMatch': '没有匹配的人。',
  },
});

initPage(null);

const message = $('message');
const result = $('checkin-result');
const input = $('checkin-code-input');
let meetup = null;
let going = [];
let busy = false;

const meetupId = () => (/^#(\d+)$/.exec(location.hash) || [])[1];
const base = () => `meetups/${meetupId()}`;
const nameOf = (p) => (p.displayName && p.displayName !== p.handle ? `${p.displayName} (@${p.handle})` : `@${p.handle}`);
/** Codes compare as the server does: case, spaces and dashes do not matter. */
const norm = (c) => String(c || '').toUpperCase().replace(/[\s-]/g, '');
const sameCode = (a, b) => !!norm(a) && norm(a) === norm(b);

function showResult(content, ok) {
  clear(result);
  result.className = `mu-result alert ${ok ? 'success' : 'error'}`;
  result.dataset.ok = ok ? 'true' : 'false';
  // Fresh content after clearing, so screen readers announce the same message twice in a row too.
  setTimeout(() => clear(result, content), 30);
}

function renderCounts() {
  const people = (list) => list.reduce((n, p) => n + (p.partySize || 1), 0);
  const inside = going.filter((p) => p.checkedInAt);
  const stat = (id, label, n, rsvps) => h('div', { id }, h('dt', null, label), h('dd', null, String(n)),
    rsvps != null ? h('dd', { class: 'muted small' }, t('checkin.countRsvps', { count: rsvps })) : null);
  clear($('counts'),
    stat('count-going', t('checkin.countGoing'), people(going), going.length),
    stat('count-in', t('checkin.countIn'), people(inside), inside.length),
    stat('count-left', t('checkin.countLeft'), people(going) - people(inside), going.length - inside.length));
}

function renderPeople() {
  const q = $('people-filter').value.trim().toLowerCase();
  const shown = going.filter((p) => !q || [p.handle, p.displayName, p.checkInCode].some((x) => x && String(x).toLowerCase().includes(q)));
  const list = $('attendees');
  if (!going.length) {
    clear(list, h('li', { class: 'muted' }, t('checkin.noneGoing')));
    return;
  }
  if (!shown.length) {
    clear(list, h('li', { class: 'muted' }, t('checkin.noMatch')));
    return;
  }
  clear(list, shown.map((p) => h('li', { dataset: { testid: `attendee-${p.handle}`, checkedIn: p.checkedInAt ? 'true' : 'false' } },
    h('div', null,
      h('strong', null, p.displayName || p.handle), ' ', h('span', { class: 'muted' }, `@${p.handle}`), h('br'),
      h('span', { class: 'muted small' }, t('checkin.partyOf', { count: p.partySize || 1 }),
        p.checkInCode ? ` · ${p.checkInCode}` : '', p.newcomerSeat ? ` · ${t('checkin.newcomer')}` : '')),
    p.checkedInAt
      ? h('span', { class: 'mu-done', dataset: { testid: 'checked-in-mark' } }, t('checkin.mark'),
        h('span', { class: 'muted small' }, ` ${formatClock(p.checkedInAt, meetup && meetup.timeZone)}`))
      : h('button', {
        type: 'button', class: 'small primary', dataset: { testid: `checkin-person-${p.handle}` },
        'aria-label': t('checkin.buttonLabel', { name: nameOf(p) }),
        onclick: (e) => checkIn(p.memberId != null ? { memberId: p.memberId } : { code: p.checkInCode }, e.currentTarget),
      }, t('checkin.button')))));
}

function renderWaiting(answer) {
  const offered = (answer.offered || []).map((p) => ({ ...p, note: p.offerExpiresAt
    ? t('checkin.offeredUntil', { time: formatTime(p.offerExpiresAt, meetup && meetup.timeZone) }) : '' }));
  const waiting = (answer.waiting || []).map((p) => ({ ...p, note: t('checkin.position', { position: p.position ?? p.waitingPosition ?? '?' }) }));
  const all = [...offered, ...waiting];
  clear($('waiting'), all.length
    ? all.map((p) => h('li', null, h('strong', null, p.displayName || p.handle), ' ',
      h('span', { class: 'muted' }, `@${p.handle} · ${t('checkin.partyOf', { count: p.partySize || 1 })} · ${p.note}`)))
    : h('li', { class: 'muted' }, t('checkin.noneWaiting')));
}

async function loadAttendees() {
  const answer = await api.get(`${base()}/attendees`);
  going = answer.going || [];
  renderCounts();
  renderPeople();
  renderWaiting(answer);
}

/** Checks someone in by {code} or {memberId}; names them from the refreshed list. */
async function checkIn(body, button) {
  if (busy) return;
  busy = true;
  if (button) button.disabled = true;
  $('checkin-submit').disabled = true;
  const before = going.find((p) => (body.code ? sameCode(p.checkInCode, body.code) : p.memberId === body.memberId));
  try {
    const answer = await api.post(`${base()}/check-ins`, body);
    await loadAttendees().catch(() => {});
    const person = going.find((p) => (body.code ? sameCode(p.checkInCode, body.code) : p.memberId === body.memberId))
      || (answer && answer.handle ? answer : null);
    const party = person && person.partySize > 1 ? ` ${t('checkin.party', { count: person.partySize })}` : '';
    if (answer && answer.alreadyCheckedIn) {
      showResult(t('checkin.already', { name: nameOf(person || before || answer), time: formatTime(answer.checkedInAt, meetup.timeZone) }), true);
    } else if (person) {
      showResult(t('checkin.done', { name: nameOf(person) }) + party, true);
    } else {
      showResult(t('checkin.doneCode', { code: body.code || '' }), true);
    }
    if (body.code) input.value = '';
  } catch (err) {
    showResult(['✗ ', errorContent(err)], false);
  } finally {
    busy = false;
    if (button && button.isConnected) button.disabled = false;
    $('checkin-submit').disabled = false;
    if (body.code) input.focus();
  }
}

$('checkin-form').addEventListener('submit', (e) => {
  e.preventDefault();
  const code = input.value.trim();
  if (!code) {
    input.focus();
    return;
  }
  checkIn({ code });
});
$('people-filter').addEventListener('input', renderPeople);

// ---- camera scanning, where the browser has BarcodeDetector ----

let stream = null;
let scanTimer = null;
let last = { value: null, at: 0 };

/** The code in a scanned QR code: the text itself, or a "code" parameter when it is an address. */
function codeFrom(raw) {
  const text = String(raw || '').trim();
  try {
    const u = new URL(text);
    return u.searchParams.get('code') || u.hash.replace(/^#/, '') || text;
  } catch {
    return text;
  }
}

async function setUpScanner() {
  if (!('BarcodeDetector' in window) || !navigator.mediaDevices || !navigator.mediaDevices.getUserMedia) return;
  try {
    const formats = await window.BarcodeDetector.getSupportedFormats();
    if (!formats.includes('qr_code')) return;
  } catch {
    return;
  }
  $('scan-start').hidden = false;
}

async function startScan() {
  const video = $('scan-video');
  try {
    stream = await navigator.mediaDevices.getUserMedia({ video: { facingMode: 'environment' }, audio: false });
  } catch {
    showResult(t('checkin.cameraFailed'), false);
    return;
  }
  const detector = new window.BarcodeDetector({ formats: ['qr_code'] });
  video.srcObject = stream;
  video.hidden = false;
  await video.play().catch(() => {});
  $('scan-start').hidden = true;
  $('scan-stop').hidden = false;
  $('scan-stop').focus();
  scanTimer = setInterval(async () => {
    if (busy || video.readyState < 2) return;
    try {
      const codes = await detector.detect(video);
      if (!codes.length) return;
      const code = codeFrom(codes[0].rawValue);
      if (code === last.value && Date.now() - last.at < 5000) return; // the same ticket still in front of the camera
      last = { value: code, at: Date.now() };
      input.value = code;
      checkIn({ code });
    } catch {
      /* a frame that could not be read */
    }
  }, 300);
}

function stopScan() {
  clearInterval(scanTimer);
  scanTimer = null;
  if (stream) stream.getTracks().forEach((track) => track.stop());
  stream = null;
  $('scan-video').hidden = true;
  $('scan-stop').hidden = true;
  $('scan-start').hidden = false;
  $('scan-start').focus();
}

$('scan-start').addEventListener('click', startScan);
$('scan-stop').addEventListener('click', stopScan);
window.addEventListener('pagehide', () => { if (stream) stopScan(); });

// ---- start ----

async function load() {
  say(message, null);
  if (!meetupId()) {
    say(message, t('checkin.noId'), 'error');
    return;
  }
  $('back-link').href = `meetup.html#${meetupId()}`;
  if (!token()) {
    say(message, loginPrompt(t('checkin.login')), 'info');
    return;
  }
  try {
    meetup = await api.get(base());
    clear($('meetup-summary'), h('strong', { id: 'meetup-title' }, meetup.title), h('br'), timeEl(meetup.startsAt, meetup.timeZone),
      ` · ${meetup.venueName || ''}`);
    document.title = `${t('checkin.title')}: ${meetup.title} · Popcorn`;
    await loadAttendees();
    $('desk').hidden = false;
    input.focus();
  } catch (err) {
    $('desk').hidden = true;
    say(message, errorContent(err), 'error');
  }
}

// Other hosts may be checking people in at the same door: refresh the list now and then.
setInterval(() => {
  if (!document.hidden && meetup && !busy) loadAttendees().catch(() => {});
}, 20000);

setUpScanner();
window.addEventListener('hashchange', load);
load();
