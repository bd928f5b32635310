// Nominations (propose / support during NOMINATING) and the ballot form (OPEN), with the receipt after casting.

import { api } from '../api.js';
import { t, formatNumber, formatDateTime, cityName } from '../i18n.js';
import { h, clear, alertBox, showAlert, showProblem, clearErrors, announce, copyButton, notice, loading } from '../ui.js';
import { cityPicker } from '../city-picker.js';

function loginPrompt(text) {
  return h('p', { class: 'alert info' }, text, ' ',
    h('a', { href: `#/login?next=${encodeURIComponent(location.hash)}` }, t('nav.login')));
}

export function nominationsSection(round, me, reload) {
  const noms = round.nominations || [];
  if (round.candidateMode !== 'NOMINATION' || (round.state !== 'NOMINATING' && !noms.length)) return null;
  const open = round.state === 'NOMINATING';
  const box = alertBox();
  const act = async (btn, call, done) => {
    btn.disabled = true;
    box.hidden = true;
    try {
      await call();
      announce(done);
      await reload();
      const heading = document.getElementById('nom-h');
      if (heading) { heading.tabIndex = -1; heading.focus(); }
    } catch (err) {
      showAlert(box, err.status === 404 ? t('rounds.unavailable') : err.userMessage);
      btn.disabled = false;
    }
  };
  const list = noms.length ? h('ul', { class: 'nominations' }, noms.map((n) => {
    const mine = !!n.supportedByMe;
    const support = open && me ? h('button', { type: 'button', class: 'small', disabled: mine, dataset: { testid: `support-${n.cityId}` } },
      mine ? t('nominations.youSupport') : t('nominations.support')) : null;
    if (support && !mine) {
      support.setAttribute('aria-label', t('nominations.supportCity', { city: cityName(n) }));
      support.addEventListener('click', () => act(support, () => api.post(`/api/rounds/${round.id}/nominations/${n.cityId}/support`), t('nominations.supported', { city: cityName(n) })));
    }
    const pct = round.supportThreshold ? Math.min(100, Math.round((n.supporters / round.supportThreshold) * 100)) : 100;
    return h('li', { class: 'nomination' },
      h('div', null,
        h('strong', null, cityName(n)), ' ',
        n.candidate ? h('span', { class: 'badge state-open' }, t('nominations.candidate')) : null,
        h('p', { class: 'muted small' }, t('nominations.supporters', { count: n.supporters, supporters: n.supporters, threshold: round.supportThreshold || 0 })),
        h('div', { class: 'meter', 'aria-hidden': 'true' }, h('span', { style: { width: `${pct}%` } }))),
      support);
  })) : notice(t('nominations.none'));

  let propose = null;
  if (open && me) {
    const picker = cityPicker({ id: 'nominate-city', name: 'cityId', label: t('nominations.proposeLabel'), hint: t('nominations.proposeHint') });
    const btn = h('button', { type: 'submit', class: 'primary', id: 'nominate-submit' }, t('nominations.propose'));
    propose = h('form', { class: 'stack', novalidate: true }, picker.el, h('div', { class: 'actions' }, btn));
    propose.addEventListener('submit', (e) => {
      e.preventDefault();
      clearErrors(propose);
      if (!picker.value) {
        showProblem(propose, { errors: [{ field: 'cityId', message: t('nominations.pickCity') }] }, box);
        return;
      }
      act(btn, () => api.post(`/api/rounds/${round.id}/nominations`, { cityId: picker.value.id }), t('nominations.proposed', { city: cityName(picker.value) }));
    });
  }
  return h('section', { class: 'card wide', 'aria-labelledby': 'nom-h' },
    h('h2', { id: 'nom-h' }, t('nominations.title')),
    h('p', null, t('nominations.explain', { count: round.supportThreshold || 0, threshold: round.supportThreshold || 0 })),
    box,
    list,
    open && !me ? loginPrompt(t('nominations.loginFirst')) : null,
    propose);
}

function receiptPanel(ballot) {
  return h('div', { class: 'receipt', tabindex: '-1', id: 'receipt-panel' },
    h('h3', null, t('ballot.receiptTitle')),
    h('p', null, t('ballot.receiptKeep')),
    h('p', { class: 'receipt-code' }, h('code', { dataset: { testid: 'receipt' } }, ballot.receipt)),
    copyButton(ballot.receipt, t('ballot.copyReceipt')));
}

function ballotForm(round, existing, area) {
  const box = alertBox();
  const approval = round.mode === 'APPROVAL';
  const max = approval ? Math.max(1, round.maxChoices || 1) : 1;
  const chosen = new Set(existing ? existing.choices.map(Number) : []);
  const limitNote = h('p', { class: 'hint', id: 'ballot-limit', 'aria-live': 'polite' });
  const inputs = (round.candidates || []).map((c) => h('input', {
    type: approval ? 'checkbox' : 'radio', name: 'choice', value: String(c.cityId), id: `ballot-choice-${c.cityId}`,
    checked: chosen.has(Number(c.cityId)), dataset: { testid: `ballot-choice-${c.cityId}`, field: 'choices' },
  }));
  const updateLimit = () => {
    if (!approval) return;
    const n = inputs.filter((i) => i.checked).length;
    inputs.forEach((i) => { i.disabled = !i.checked && n >= max; });
    limitNote.textContent = t('ballot.chosenOf', { count: n, chosen: n, max });
  };
  inputs.forEach((i) => i.addEventListener('change', updateLimit));
  const sizes = round.sizeBrackets || [];
  const form = h('form', { class: 'stack ballot', novalidate: true },
    box,
    h('fieldset', { 'aria-describedby': approval ? 'ballot-limit' : null },
      h('legend', null, approval ? t('ballot.chooseUpTo', { count: max, max }) : t('ballot.chooseOne')),
      (round.candidates || []).map((c, i) => h('div', { class: 'check' }, inputs[i], h('label', { for: inputs[i].id }, cityName(c)))),
      approval ? limitNote : null),
    sizes.length ? h('div', { class: 'field' },
      h('label', { for: 'ballot-size' }, t('ballot.size'), h('span', { class: 'req', 'aria-hidden': 'true' }, ' *')),
      h('select', { id: 'ballot-size', name: 'size', required: true, dataset: { field: 'size' }, 'aria-describedby': 'ballot-size-hint' },
        h('option', { value: '' }, t('ballot.chooseSize')),
        sizes.map((s) => h('option', { value: String(s), selected: existing && Number(existing.size) === Number(s) }, t('ballot.people', { count: s, size: formatNumber(s) })))),
      h('p', { class: 'hint', id: 'ballot-size-hint' }, t('ballot.sizeHint'))) : null,
    h('div', { class: 'field' }, h('div', { class: 'check' },
      h('input', { type: 'checkbox', id: 'ballot-pledge', name: 'pledge', checked: !!(existing && existing.pledge), dataset: { field: 'pledge' } }),
      h('label', { for: 'ballot-pledge' }, t('ballot.pledge')))),
    h('div', { class: 'actions' }, h('button', { type: 'submit', class: 'primary', id: 'ballot-submit' }, existing ? t('ballot.change') : t('ballot.cast'))));
  updateLimit();
  form.addEventListener('submit', async (e) => {
    e.preventDefault();
    clearErrors(form);
    const choices = inputs.filter((i) => i.checked).map((i) => Number(i.value));
    const sizeSel = form.querySelector('#ballot-size');
    const errors = [];
    if (!choices.length) errors.push({ field: 'choices', message: t('ballot.pickOne') });
    if (sizeSel && !sizeSel.value) errors.push({ field: 'size', message: t('ballot.pickSize') });
    if (errors.length) {
      showProblem(form, { errors });
      return;
    }
    const body = { choices, size: sizeSel && sizeSel.value ? Number(sizeSel.value) : null, pledge: form.querySelector('#ballot-pledge').checked };
    const btn = form.querySelector('#ballot-submit');
    btn.disabled = true;
    try {
      const ballot = await api.put(`/api/rounds/${round.id}/ballot`, body);
      drawBallot(round, ballot, area, true);
      announce(t('ballot.castDone'));
      document.dispatchEvent(new CustomEvent('popcorn:ballot-cast', { detail: { roundId: round.id } }));
      const panel = area.querySelector('#receipt-panel');
      if (panel) panel.focus();
    } catch (err) {
      if (err.status === 404) err.detail = t('rounds.unavailable');
      showProblem(form, err);
      btn.disabled = false;
    }
  });
  return form;
}

function drawBallot(round, ballot, area, justCast) {
  clear(area,
    justCast && ballot && ballot.receipt ? receiptPanel(ballot) : null,
    ballot ? h('p', { class: 'alert success', dataset: { testid: 'ballot-status' } },
      t('ballot.yourBallot', { date: formatDateTime(ballot.updatedAt || ballot.castAt) }), ' ',
      t('ballot.yourChoices', { cities: ballot.choices.map((id) => cityName((round.candidates || []).find((c) => Number(c.cityId) === Number(id)) || { name: `#${id}` })).join(', ') }),
      ballot && justCast ? null : ` ${t('ballot.changeUntil')}`) : null,
    ballotForm(round, ballot, area));
}

export function ballotSection(round, me) {
  if (round.state !== 'OPEN') return null;
  const area = h('div', null);
  const section = h('section', { class: 'card wide', 'aria-labelledby': 'ballot-h', id: 'ballot' },
    h('h2', { id: 'ballot-h' }, t('ballot.title')), area);
  if (!me) {
    area.append(loginPrompt(t('ballot.loginFirst')));
    return section;
  }
  if (round.myEligibility && round.myEligibility.eligible === false) {
    area.append(h('p', { class: 'alert warn' }, t('round.notEligible'), ' ', round.myEligibility.reason || ''));
    return section;
  }
  if (!(round.candidates || []).length) {
    area.append(notice(t('ballot.noCandidates')));
    return section;
  }
  area.append(loading());
  api.get(`/api/rounds/${round.id}/ballot`)
    .then((b) => drawBallot(round, b, area, false))
    .catch((e) => {
      if (e.status === 404) drawBallot(round, null, area, false);
      else clear(area, h('p', { class: 'alert error', role: 'alert' }, e.userMessage));
    });
  return section;
}
