// My profile: level, next level, stage, badges, privileges, organiser cities; edit form.

import { api, updateMe } from '../api.js';
import { t, cityName } from '../i18n.js';
import { h, clear, field, alertBox, showProblem, clearErrors, announce, meTabs } from '../ui.js';
import { cityPicker } from '../city-picker.js';
import { profileHeader, levelCard, stageCard, badgesCard, activityCard } from './profile-parts.js';
import { pluginPanels } from '../panels.js';

function privilegesCard(me, catalogue) {
  const byCode = Object.fromEntries((catalogue || []).map((p) => [p.code, p]));
  const codes = (me.privileges || []).flat();
  return h('section', { class: 'card', 'aria-labelledby': 'priv-h' },
    h('h2', { id: 'priv-h' }, t('me.privileges')),
    codes.length ? h('ul', { class: 'plain' }, codes.map((c) => h('li', null,
      h('strong', null, byCode[c] ? byCode[c].name : c),
      byCode[c] && byCode[c].description ? h('span', { class: 'muted' }, ` — ${byCode[c].description}`) : null)))
      : h('p', { class: 'muted' }, t('me.noPrivileges')),
    h('p', null, h('a', { href: '#/rewards' }, t('me.seeRewards'))));
}

/** For a newcomer (nothing done yet): where to start — the open votes and the meetups near home. */
function startCard(me) {
  const activity = Object.values(me.activity || {}).reduce((a, b) => a + Number(b || 0), 0);
  if (activity > 0) return null;
  const near = me.homeCity ? `/plugins/meetups/index.html#city=${me.homeCity.id}&near=true` : '/plugins/meetups/index.html';
  return h('section', { class: 'card wide start', 'aria-labelledby': 'start-h', dataset: { testid: 'start-card' } },
    h('h2', { id: 'start-h' }, t('me.startTitle')),
    h('p', null, t('me.startText')),
    h('ul', { class: 'plain' },
      h('li', null, h('a', { href: '#/rounds?state=OPEN', dataset: { testid: 'start-vote' } }, t('me.startVote'))),
      h('li', null, h('a', { href: near, dataset: { testid: 'start-meetups' } },
        me.homeCity ? t('me.startMeetupsNear', { city: cityName(me.homeCity) }) : t('me.startMeetups')))));
}

function organiserCard(me) {
  if (!me.organiserOf || !me.organiserOf.length) return null;
  return h('section', { class: 'card', 'aria-labelledby': 'org-h' },
    h('h2', { id: 'org-h' }, t('me.organiserOf')),
    h('ul', { class: 'plain' }, me.organiserOf.map((c) => h('li', null, h('a', { href: `#/cities/${c.id}` }, cityName(c))))),
    h('p', null, h('a', { class: 'button', href: '#/rounds/new' }, t('rounds.new'))));
}

function editForm(me, onSaved) {
  const box = alertBox();
  const city = cityPicker({ id: 'me-city', name: 'homeCityId', label: t('me.homeCity'), value: me.homeCity });
  const submit = h('button', { type: 'submit', class: 'primary', id: 'me-save' }, t('common.save'));
  const form = h('form', { class: 'stack', novalidate: true },
    box,
    field({ id: 'me-display-name', name: 'displayName', label: t('signup.displayName'), value: me.displayName, required: true, attrs: { maxlength: 80 } }),
    field({ id: 'me-bio', name: 'bio', label: t('me.bio'), value: me.bio || '', kind: 'textarea', hint: t('me.bioHint'), attrs: { maxlength: 2000, rows: 4 } }),
    city.el,
    field({ id: 'me-avatar', name: 'avatarUrl', label: t('me.avatar'), type: 'url', value: me.avatarUrl || '', hint: t('me.avatarHint'), attrs: { maxlength: 1000 } }),
    field({ id: 'me-attendance', name: 'attendanceVisible', label: t('me.attendance'), type: 'checkbox', value: me.attendanceVisible, hint: t('me.attendanceHint') }),
    h('div', { class: 'actions' }, submit));
  form.addEventListener('submit', async (e) => {
    e.preventDefault();
    clearErrors(form);
    const patch = {};
    const dn = form.displayName.value.trim();
    if (dn !== me.displayName) patch.displayName = dn;
    if (form.bio.value !== (me.bio || '')) patch.bio = form.bio.value;
    if (form.avatarUrl.value.trim() !== (me.avatarUrl || '')) patch.avatarUrl = form.avatarUrl.value.trim();
    if (form.attendanceVisible.checked !== !!me.attendanceVisible) patch.attendanceVisible = form.attendanceVisible.checked;
    if (city.value && (!me.homeCity || city.value.id !== me.homeCity.id)) patch.homeCityId = city.value.id;
    if (!dn) {
      showProblem(form, { errors: [{ field: 'displayName', message: t('signup.displayNameMissing') }] });
      return;
    }
    if (!Object.keys(patch).length) {
      announce(t('me.nothingChanged'));
      return;
    }
    submit.disabled = true;
    try {
      const updated = await api.patch('/api/me', patch);
      updateMe(updated);
      announce(t('me.saved'));
      onSaved(updated);
    } catch (err) {
      showProblem(form, err);
    } finally {
      submit.disabled = false;
    }
  });
  return form;
}

export default {
  auth: true,
  async render({ view, me }) {
    const [catalogue, panels] = await Promise.all([
      api.get('/api/rewards/privileges').catch(() => []),
      pluginPanels('profile', { memberId: me.id }),
    ]);
    const draw = (profile) => {
      const details = h('details', { class: 'card wide edit' },
        h('summary', null, h('span', { class: 'summary-title' }, t('me.edit'))),
        editForm(profile, (updated) => draw(updated)));
      clear(view,
        meTabs('me'),
        profileHeader(profile, { mine: true }),
        startCard(profile),
        h('div', { class: 'grid' },
          levelCard(profile),
          stageCard(profile),
          privilegesCard(profile, catalogue),
          organiserCard(profile),
          activityCard(profile),
          badgesCard(profile),
          panels,
          details));
    };
    draw(me);
  },
};
