// The phone page at the booth: #/p/booths/at/<slotId> (?booth=<boothId>), for the volunteers holding a confirmed place in
// the slot and the booth's organisers. Big buttons count visitors, questions and demos of each product; a form captures a
// neighbour's lead with their consent. It keeps working without a network: every tap and every lead is an entry with its
// own clientKey in a queue kept in localStorage (per member and slot), counted on the screen at once, and sent in order
// when the server can be reached — counts in batches, leads one by one. An entry leaves the queue only once the server
// took it (2xx) or refused it for good (a 4xx other than 401, 408, 429, shown as an error); the server keeps each key
// once, so sending again after a lost answer changes nothing.

import {
  pluginApi, t, h, clear, notice, showAlert, showProblem, clearErrors, announce, formatDateTime, formatNumber,
  getLocale,
} from '/kit.js';

const api = pluginApi('booths');
const b = (key, params) => t(`booths.${key}`, params);
const FLUSH_MS = 5000;
const REFRESH_MS = 30000;
const BATCH = 100;
const items = (x) => (Array.isArray(x) ? x : (x && x.items) || []);

/** A key the server keeps once: a UUID where the browser makes them, else 128 random bits, else the best we have. */
function newKey() {
  try {
    if (globalThis.crypto && typeof globalThis.crypto.randomUUID === 'function') return globalThis.crypto.randomUUID();
  } catch {
    /* not a secure context */
  }
  try {
    const bytes = new Uint8Array(16);
    globalThis.crypto.getRandomValues(bytes);
    return `k-${[...bytes].map((x) => x.toString(16).padStart(2, '0')).join('')}`;
  } catch {
    return `k-${Date.now().toString(36)}-${Math.random().toString(36).slice(2, 12)}${Math.random().toString(36).slice(2, 12)}`;
  }
}

/** A JSON list in localStorage; kept in memory when storage is unavailable or full (and said so). */
function jsonStore(key, fallback) {
  let memory;
  return {
    read() {
      if (memory !== undefined) return memory;
      try {
        const raw = localStorage.getItem(key);
        return raw ? JSON.parse(raw) : fallback();
      } catch {
        return fallback();
      }
    },
    write(value) {
      try {
        if (value == null || (Array.isArray(value) && !value.length)) localStorage.removeItem(key);
        else localStorage.setItem(key, JSON.stringify(value));
        memory = undefined;
        return true;
      } catch {
        memory = value;
        return false;
      }
    },
  };
}

/** Counts from GET slots/{id}/tallies, whatever the shape of "mine". */
function normalise(x) {
  const demos = {};
  (x && Array.isArray(x.demos) ? x.demos : []).forEach((d) => { demos[String(d.productId)] = Number(d.count) || 0; });
  const mine = (x && x.mine) || {};
  return {
    visitors: Number(x && x.visitors) || 0,
    questions: Number(x && x.questions) || 0,
    leads: x && x.leads != null ? Number(x.leads) || 0 : null,
    demos,
    mine: {
      visitors: Number(mine.visitors ?? (x && x.myVisitors)) || 0,
      questions: Number(mine.questions ?? (x && x.myQuestions)) || 0,
      demos: Number(mine.demos ?? (x && x.myDemos)) || 0,
      leads: Number(mine.leads ?? (x && x.myLeads)) || 0,
    },
  };
}

const zero = () => normalise({});

/** Counts plus entries (sent since the counts were read, or still queued). */
function add(base, entries) {
  const out = { ...base, demos: { ...base.demos }, mine: { ...base.mine } };
  entries.forEach((e) => {
    if (e.type === 'lead') {
      out.leads = (out.leads ?? 0) + 1;
      out.mine.leads += 1;
    } else if (e.kind === 'visitor') {
      out.visitors += e.count;
      out.mine.visitors += e.count;
    } else if (e.kind === 'question') {
      out.questions += e.count;
      out.mine.questions += e.count;
    } else if (e.kind === 'demo') {
      const k = String(e.productId);
      out.demos[k] = (out.demos[k] || 0) + e.count;
      out.mine.demos += e.count;
    }
  });
  return out;
}

function timeOnly(iso, zone) {
  try {
    return new Intl.DateTimeFormat(getLocale(), { timeStyle: 'short', timeZone: zone }).format(new Date(iso));
  } catch {
    return formatDateTime(iso, zone);
  }
}

function missing(view, title, text) {
  clear(view, h('h1', null, title), notice(text), h('p', null, h('a', { href: '#/p/booths/mine' }, b('mine.link'))));
}

const STYLE = `
.booths-at .at-buttons { display: grid; grid-template-columns: repeat(auto-fit, minmax(9.5rem, 1fr)); gap: .75rem; margin: 0 0 1.2rem; }
.booths-at .at-buttons button { min-height: 5rem; font-size: 1.35rem; font-weight: 700; border-radius: 12px; padding: .6rem; touch-action: manipulation; }
.booths-at .at-status { display: flex; flex-wrap: wrap; gap: .3rem .8rem; align-items: center; font-size: 1.05rem; }
.booths-at .at-status[data-state="offline"] { border-color: var(--warn-line, #d9a400); }
.booths-at .at-lead input[type="text"], .booths-at .at-lead input[type="tel"] { font-size: 1.15rem; min-height: 2.8rem; }
.booths-at .at-lead .check { align-items: flex-start; margin: .4rem 0; }
.booths-at .at-lead .check input { width: 1.6rem; height: 1.6rem; flex: none; }
.booths-at .at-lead .check label { font-size: 1.02rem; }
.booths-at .at-lead button[type="submit"] { min-height: 3.5rem; font-size: 1.25rem; width: 100%; }
`;

export default {
  auth: true,
  async render(ctx) {
    const { view, params, query, me, isCurrent } = ctx;
    const id = params.arg;
    if (!id || !/^\d+$/.test(id)) {
      missing(view, b('at.notFoundTitle'), b('at.notFound'));
      return;
    }
    const who = me.id ?? me.handle;
    const queue = jsonStore(`popcorn.booths.queue.${who}.${id}`, () => []);
    const cache = jsonStore(`popcorn.booths.at.${who}.${id}`, () => ({}));
    const readQueue = () => {
      const q = queue.read();
      return Array.isArray(q) ? q.filter((e) => e && e.clientKey) : [];
    };
    const cached = cache.read() || {};
    const locale = getLocale();

    // What the page needs, from the server when it answers, else from the last visit.
    const failed = (e) => ({ error: e });
    const [mySlots, textsAnswer, talliesAnswer] = await Promise.all([
      api.get('my/slots').then(items, failed),
      api.get('consent-texts', { locale }).then((x) => items(x), failed),
      api.get(`slots/${id}/tallies`).then((x) => x, failed),
    ]);
    if (!isCurrent()) return;
    if (talliesAnswer.error && talliesAnswer.error.status === 401) throw talliesAnswer.error;
    if (talliesAnswer.error && talliesAnswer.error.status === 404) {
      missing(view, b('at.notFoundTitle'), b('at.notFound'));
      return;
    }
    if (talliesAnswer.error && talliesAnswer.error.status === 403) {
      missing(view, b('at.title'), b('at.forbidden'));
      return;
    }
    const mySlot = Array.isArray(mySlots) ? mySlots.find((s) => String(s.slotId ?? s.id) === id) : null;
    const boothId = (query.booth && /^\d+$/.test(query.booth) ? query.booth : null)
      ?? (mySlot ? String(mySlot.boothId) : null) ?? (cached.boothId ? String(cached.boothId) : null);
    let booth = cached.booth || null;
    if (boothId) {
      try {
        const bo = await api.get(`booths/${boothId}`);
        let products = bo.products || [];
        if (products.some((p) => typeof p !== 'object')) {
          const catalogue = items(await api.get('products'));
          products = products.map((p) => (typeof p === 'object' ? p : catalogue.find((c) => String(c.id) === String(p)) || { id: p, name: `#${p}` }));
        }
        const slot = (bo.slots || []).find((s) => String(s.id) === id) || null;
        booth = {
          id: bo.id, compound: bo.compound, address: bo.address, cityName: bo.cityName, zone: bo.zone, status: bo.status,
          products: products.map((p) => ({ id: p.id, name: p.name })),
          slot: slot ? { startsAt: slot.startsAt, endsAt: slot.endsAt, mine: slot.mine || null } : null,
        };
      } catch (e) {
        if (e.status === 401) throw e;
        if (!booth || String(booth.id) !== boothId) booth = null;
      }
    }
    if (!isCurrent()) return;
    // Offline, the texts of the last visit (perhaps in another language: the versions are the same).
    const texts = textsAnswer.error ? (cached.texts && Array.isArray(cached.texts.items) ? cached.texts.items : null) : textsAnswer;
    const textsLocale = textsAnswer.error ? (cached.texts || {}).locale : locale;
    let server = talliesAnswer.error ? (cached.totals ? { ...zero(), ...cached.totals } : zero()) : normalise(talliesAnswer);
    let sentSinceFetch = [];
    let lastResult = talliesAnswer.error ? (talliesAnswer.error.status === 0 ? 'network' : 'server') : 'ok';
    let lastSentAt = null;
    const dropped = [];
    const saveCache = () => {
      const totals = add(server, sentSinceFetch);
      cache.write({
        boothId: booth ? booth.id : boothId, booth,
        texts: texts ? { locale: textsLocale, items: texts } : cached.texts,
        totals,
      });
    };
    saveCache();

    const zone = booth ? booth.zone : (mySlot ? mySlot.zone : undefined);
    const products = booth ? booth.products : [];
    const slotTimes = (booth && booth.slot) || (mySlot ? { startsAt: mySlot.startsAt, endsAt: mySlot.endsAt } : null);
    const myPlace = (booth && booth.slot && booth.slot.mine) || (mySlot ? { role: mySlot.role, status: mySlot.status } : null);

    // ---- the screen ----
    const statusText = h('strong', null, '');
    const queuedNumber = h('span', { dataset: { testid: 'at-queued' } }, '0');
    const lastSent = h('span', { class: 'muted small' }, '');
    const statusLine = h('p', { class: 'alert info at-status', dataset: { testid: 'at-status', state: 'online' } },
      statusText, h('span', { 'aria-hidden': 'true' }, ' · '), h('span', null, b('at.queuedLabel'), ' ', queuedNumber), ' ', lastSent);
    const storageWarning = h('p', { class: 'alert warn', hidden: true, dataset: { testid: 'at-storage' } }, b('at.storageFull'));

    const figure = (testid) => h('dd', { dataset: { testid } }, '0');
    const visitorsFig = figure('at-total-visitors');
    const questionsFig = figure('at-total-questions');
    const leadsFig = figure('at-total-leads');
    const demoFigs = new Map(products.map((p) => [String(p.id), figure(`at-total-demo-${p.id}`)]));
    const mineLine = h('p', { class: 'muted small', dataset: { testid: 'at-mine' } }, '');
    const droppedList = h('ul', { class: 'plain', dataset: { testid: 'at-dropped' } });
    const droppedSection = h('section', { class: 'card danger-zone', hidden: true, 'aria-labelledby': 'at-dropped-h' },
      h('h2', { id: 'at-dropped-h' }, b('at.droppedTitle')), h('p', { class: 'small' }, b('at.droppedIntro')), droppedList);

    const what = (e) => {
      if (e.type === 'lead') return b('at.entryLead', { name: e.name });
      if (e.kind === 'demo') return b('at.entryDemo', { product: (products.find((p) => String(p.id) === String(e.productId)) || {}).name || `#${e.productId}` });
      return b(`at.entry.${e.kind}`);
    };

    const update = () => {
      if (!alive()) return;
      const q = readQueue();
      const shown = add(server, [...sentSinceFetch, ...q]);
      visitorsFig.textContent = formatNumber(shown.visitors);
      questionsFig.textContent = formatNumber(shown.questions);
      leadsFig.textContent = formatNumber(shown.leads ?? 0);
      demoFigs.forEach((el, pid) => { el.textContent = formatNumber(shown.demos[pid] || 0); });
      mineLine.textContent = b('at.mine', {
        visitors: formatNumber(shown.mine.visitors), questions: formatNumber(shown.mine.questions),
        demos: formatNumber(shown.mine.demos), leads: formatNumber(shown.mine.leads),
      });
      const online = navigator.onLine !== false && lastResult !== 'network';
      statusLine.dataset.state = online ? 'online' : 'offline';
      statusLine.dataset.result = lastResult || '';
      statusLine.className = `alert ${online && lastResult !== 'server' && lastResult !== 'auth' ? 'info' : 'warn'} at-status`;
      let text = online ? b('at.online') : b('at.offline');
      if (online && lastResult === 'server') text = b('at.serverTrouble');
      if (lastResult === 'auth') text = b('at.signedOut');
      statusText.textContent = text;
      queuedNumber.textContent = String(q.length);
      lastSent.textContent = lastSentAt ? b('at.lastSent', { time: timeOnly(new Date(lastSentAt).toISOString(), zone) }) : '';
      droppedSection.hidden = !dropped.length;
      clear(droppedList, dropped.map((d) => h('li', null, h('strong', null, what(d.entry)), ' · ',
        h('time', { datetime: d.entry.at }, timeOnly(d.entry.at, zone)), ' — ', d.message)));
    };

    // ---- the queue and its sender ----
    let stopped = false;
    let sending = false;
    let again = false;
    let refreshing = false;
    let flushTimer = null;
    let refreshTimer = null;
    const alive = () => !stopped && isCurrent() && view.isConnected;

    const persist = (list) => {
      const ok = queue.write(list);
      storageWarning.hidden = ok;
      return ok;
    };
    const enqueue = (entry) => {
      const q = readQueue();
      q.push(entry);
      persist(q);
    };
    const removeKeys = (keys) => {
      const gone = new Set(keys);
      persist(readQueue().filter((e) => !gone.has(e.clientKey)));
    };
    const retryable = (e) => !e || !e.status || e.status === 401 || e.status === 408 || e.status === 429 || e.status >= 500;
    const tallyBody = (e) => ({ clientKey: e.clientKey, kind: e.kind, productId: e.productId ?? null, count: e.count, at: e.at });
    const leadBody = (e) => ({
      clientKey: e.clientKey, name: e.name, contact: e.contact, productIds: e.productIds, consents: e.consents, at: e.at,
    });

    const schedule = () => {
      const queued = readQueue().length > 0;
      if (queued && !flushTimer && !stopped) {
        flushTimer = setInterval(() => {
          if (!alive()) { stop(); return; }
          if (readQueue().length) flush();
          else schedule();
        }, FLUSH_MS);
      } else if (!queued && flushTimer) {
        clearInterval(flushTimer);
        flushTimer = null;
      }
    };

    const refreshTotals = async () => {
      if (refreshing || stopped) return;
      refreshing = true;
      const counted = sentSinceFetch.length;
      try {
        const fresh = await api.get(`slots/${id}/tallies`);
        server = normalise(fresh);
        sentSinceFetch = sentSinceFetch.slice(counted);
        if (lastResult === 'network') lastResult = 'ok';
        saveCache();
      } catch (e) {
        if (e.status === 0) lastResult = 'network';
      } finally {
        refreshing = false;
        update();
      }
      if (readQueue().length && lastResult === 'ok') flush();
    };

    async function flush() {
      if (sending) {
        again = true;
        return;
      }
      if (stopped) return;
      sending = true;
      let limit = BATCH;
      let sent = false;
      try {
        for (;;) {
          if (!alive()) break;
          const q = readQueue();
          if (!q.length) break;
          const batch = [];
          if (q[0].type === 'lead') batch.push(q[0]);
          else for (const e of q) { if (e.type === 'lead' || batch.length >= limit) break; batch.push(e); }
          try {
            if (batch[0].type === 'lead') await api.post(`slots/${id}/leads`, leadBody(batch[0]));
            else await api.post(`slots/${id}/tallies`, { entries: batch.map(tallyBody) });
            removeKeys(batch.map((e) => e.clientKey));
            sentSinceFetch.push(...batch);
            lastResult = 'ok';
            lastSentAt = Date.now();
            sent = true;
          } catch (e) {
            if (retryable(e)) {
              lastResult = !e || !e.status ? 'network' : (e.status === 401 ? 'auth' : 'server');
              break;
            }
            lastResult = 'ok';
            if (batch.length > 1) {
              // One bad count must not cost the others: send one by one to find it.
              limit = 1;
              continue;
            }
            removeKeys([batch[0].clientKey]);
            dropped.push({ entry: batch[0], message: e.userMessage || String(e) });
            announce(b('at.droppedOne', { what: what(batch[0]) }));
          }
          update();
        }
      } finally {
        sending = false;
        saveCache();
        update();
        schedule();
      }
      if (sent) refreshTotals();
      if (again) {
        again = false;
        flush();
      }
    }

    const onOnline = () => {
      if (!alive()) { stop(); return; }
      lastResult = null;
      update();
      flush();
      refreshTotals();
    };
    const onOffline = () => {
      if (!alive()) { stop(); return; }
      update();
    };
    const onStorage = (e) => {
      if (!alive()) { stop(); return; }
      if (e.key && e.key.startsWith(`popcorn.booths.queue.${who}.${id}`)) update();
    };
    function stop() {
      stopped = true;
      if (flushTimer) clearInterval(flushTimer);
      if (refreshTimer) clearInterval(refreshTimer);
      flushTimer = null;
      refreshTimer = null;
      window.removeEventListener('online', onOnline);
      window.removeEventListener('offline', onOffline);
      window.removeEventListener('storage', onStorage);
    }

    // ---- counting ----
    const tap = (kind, productId, label) => {
      enqueue({ type: 'tally', clientKey: newKey(), kind, productId: productId ?? null, count: 1, at: new Date().toISOString() });
      update();
      announce(b('at.counted', { what: label }));
      try {
        if (navigator.vibrate) navigator.vibrate(15);
      } catch {
        /* no vibration */
      }
      schedule();
      flush();
    };
    const bigButton = (testid, text, kind, productId) => {
      const button = h('button', { type: 'button', class: kind === 'visitor' ? 'primary' : null, dataset: { testid, kind } }, text);
      button.addEventListener('click', () => tap(kind, productId, text));
      return button;
    };
    const buttons = h('div', { class: 'at-buttons' },
      bigButton('at-visitor', b('at.plusVisitor'), 'visitor'),
      bigButton('at-question', b('at.plusQuestion'), 'question'),
      products.map((p) => bigButton(`at-demo-${p.id}`, b('at.plusDemo', { product: p.name }), 'demo', p.id)));

    // ---- a lead ----
    const leadForm = (() => {
      const box = h('div', { class: 'alert error', role: 'alert', hidden: true, dataset: { testid: 'lead-error' } });
      const done = h('p', { class: 'alert success', hidden: true, role: 'status', dataset: { testid: 'lead-queued' } });
      if (!texts || !texts.length) {
        return h('section', { class: 'card at-lead', 'aria-labelledby': 'at-lead-h' },
          h('h2', { id: 'at-lead-h' }, b('at.leadTitle')), notice(b('at.noConsentTexts'), 'warn'));
      }
      const name = h('input', { id: 'lead-name', type: 'text', maxlength: 100, autocomplete: 'off', required: true, 'data-testid': 'lead-name' });
      name.dataset.field = 'name';
      const contact = h('input', { id: 'lead-contact', type: 'text', maxlength: 200, autocomplete: 'off', required: true, inputmode: 'email', 'data-testid': 'lead-contact', 'aria-describedby': 'lead-contact-hint' });
      contact.dataset.field = 'contact';
      const interest = products.map((p) => h('div', { class: 'check' },
        h('input', { id: `lead-product-${p.id}`, type: 'checkbox', value: String(p.id), 'data-testid': `lead-product-${p.id}` }),
        h('label', { for: `lead-product-${p.id}` }, p.name)));
      const consents = texts.map((x) => {
        const input = h('input', { id: `lead-consent-${x.purpose}`, type: 'checkbox', value: x.purpose, 'data-testid': `lead-consent-${x.purpose}` });
        input.dataset.field = `consent-${x.purpose}`;
        input.dataset.version = String(x.version);
        if (x.required) input.dataset.required = 'true';
        return h('div', { class: 'field' }, h('div', { class: 'check' }, input,
          h('label', { for: input.id }, x.text,
            x.required ? h('span', { class: 'req' }, ` ${b('at.consentRequiredMark')}`) : h('span', { class: 'muted' }, ` ${b('at.consentOptionalMark')}`))));
      });
      const submit = h('button', { type: 'submit', class: 'primary', dataset: { testid: 'lead-submit' } }, b('at.leadSubmit'));
      const form = h('form', { class: 'stack', novalidate: true, 'aria-labelledby': 'at-lead-h' },
        box,
        h('div', { class: 'field' }, h('label', { for: 'lead-name' }, b('at.leadName'), h('span', { class: 'req', 'aria-hidden': 'true' }, ' *')), name),
        h('div', { class: 'field' }, h('label', { for: 'lead-contact' }, b('at.leadContact'), h('span', { class: 'req', 'aria-hidden': 'true' }, ' *')), contact,
          h('p', { class: 'hint', id: 'lead-contact-hint' }, b('at.leadContactHint'))),
        products.length ? h('fieldset', null, h('legend', null, b('at.leadInterest')), interest) : null,
        h('fieldset', null, h('legend', null, b('at.leadConsents')), h('p', { class: 'hint' }, b('at.leadConsentsHint')), consents),
        h('div', { class: 'actions' }, submit));
      form.addEventListener('submit', (e) => {
        e.preventDefault();
        clearErrors(form);
        done.hidden = true;
        const errors = [];
        if (!name.value.trim()) errors.push({ field: 'name', message: b('at.leadNameMissing') });
        if (!contact.value.trim()) errors.push({ field: 'contact', message: b('at.leadContactMissing') });
        const boxes = [...form.querySelectorAll('input[data-field^="consent-"]')];
        const missingConsent = boxes.filter((c) => c.dataset.required === 'true' && !c.checked);
        missingConsent.forEach((c) => errors.push({ field: c.dataset.field, message: b('at.consentMissingField') }));
        if (errors.length) {
          showProblem(form, { errors }, box);
          if (missingConsent.length) {
            showAlert(box, b('at.consentMissing'));
            if (!errors.some((x) => x.field === 'name' || x.field === 'contact')) missingConsent[0].focus();
          }
          return;
        }
        const entry = {
          type: 'lead',
          clientKey: newKey(),
          name: name.value.trim(),
          contact: contact.value.trim(),
          productIds: interest.map((el) => el.querySelector('input')).filter((c) => c.checked).map((c) => Number(c.value)),
          consents: boxes.filter((c) => c.checked).map((c) => ({ purpose: c.value, version: Number(c.dataset.version) })),
          at: new Date().toISOString(),
        };
        enqueue(entry);
        form.reset();
        done.textContent = b('at.leadQueued', { name: entry.name });
        done.hidden = false;
        update();
        announce(b('at.leadQueued', { name: entry.name }));
        name.focus();
        schedule();
        flush();
      });
      return h('section', { class: 'card at-lead', 'aria-labelledby': 'at-lead-h' },
        h('h2', { id: 'at-lead-h' }, b('at.leadTitle')),
        h('p', { class: 'small' }, b('at.leadIntro')),
        done,
        form);
    })();

    const notes = [];
    if (!booth) notes.push(notice(b('at.noBooth'), 'warn'));
    if (myPlace && myPlace.status && myPlace.status !== 'CONFIRMED') notes.push(notice(b('at.notConfirmed'), 'warn'));
    if (booth && (booth.status === 'CANCELLED' || booth.status === 'REJECTED')) notes.push(notice(b('at.boothCancelled'), 'warn'));
    if (slotTimes && new Date(slotTimes.startsAt).getTime() > Date.now()) notes.push(notice(b('at.notYet', { time: formatDateTime(slotTimes.startsAt, zone) })));

    clear(view,
      h('style', null, STYLE),
      h('div', { class: 'booths-at', dataset: { testid: 'at-page', slot: id } },
        booth ? h('p', { class: 'crumbs' }, h('a', { href: `#/p/booths/booth/${booth.id}` }, booth.compound)) : null,
        h('h1', null, b('at.title')),
        h('p', { class: 'lead' },
          booth ? h('strong', null, booth.compound) : null,
          booth && slotTimes ? ' · ' : null,
          slotTimes ? [h('time', { datetime: slotTimes.startsAt }, formatDateTime(slotTimes.startsAt, zone)), ' – ',
            h('time', { datetime: slotTimes.endsAt }, timeOnly(slotTimes.endsAt, zone))] : null),
        booth && booth.address ? h('p', { class: 'muted' }, booth.address) : null,
        statusLine,
        storageWarning,
        notes,
        h('dl', { class: 'stats', 'aria-label': b('at.totals') },
          h('div', null, h('dt', null, b('at.visitors')), visitorsFig),
          h('div', null, h('dt', null, b('at.questions')), questionsFig),
          products.map((p) => h('div', null, h('dt', null, b('at.demosOf', { product: p.name })), demoFigs.get(String(p.id)))),
          h('div', null, h('dt', null, b('at.leads')), leadsFig)),
        mineLine,
        h('section', { 'aria-labelledby': 'at-count-h' },
          h('h2', { id: 'at-count-h' }, b('at.countTitle')),
          buttons),
        leadForm,
        droppedSection,
        h('p', { class: 'muted small' }, b('at.howItWorks'))));

    window.addEventListener('online', onOnline);
    window.addEventListener('offline', onOffline);
    window.addEventListener('storage', onStorage);
    refreshTimer = setInterval(() => {
      if (!alive()) { stop(); return; }
      if (!readQueue().length) refreshTotals();
    }, REFRESH_MS);
    update();
    schedule();
    flush();
  },
};
