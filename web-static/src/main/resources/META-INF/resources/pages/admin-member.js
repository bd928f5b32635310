// Admin: one member's roles (organiser per city, admin flag), privileges, and manual points.

import { api, postWithStatus, currentMe, loadMe } from '../api.js';
import { t, cityName } from '../i18n.js';
import { h, clear, field, alertBox, showAlert, showProblem, clearErrors, announce, confirmDialog, adminTabs, notice } from '../ui.js';
import { cityPicker } from '../city-picker.js';

function newKey() {
  return (crypto.randomUUID ? crypto.randomUUID() : `${Date.now()}-${Math.random().toString(16).slice(2)}`);
}

export default {
  auth: true,
  admin: true,
  async render({ view, params }) {
    const handle = params.handle;
    const path = `/api/admin/members/${encodeURIComponent(handle)}`;
    let member;
    try {
      member = await api.get(path);
    } catch (e) {
      if (e.status !== 404) throw e;
      clear(view, adminTabs('admin-members'), h('h1', null, t('member.notFoundTitle')), notice(t('member.notFound', { handle })));
      return;
    }
    const privileges = await api.get('/api/rewards/privileges').catch(() => []);

    const draw = (m) => {
      // Roles
      const rolesBox = alertBox();
      const roleCall = async (btn, call, message) => {
        btn.disabled = true;
        try {
          const updated = await call();
          announce(message);
          if (currentMe() && currentMe().handle === m.handle) loadMe();
          draw(updated);
        } catch (err) {
          showAlert(rolesBox, err.userMessage);
          btn.disabled = false;
        }
      };
      const adminBtn = h('button', { type: 'button', id: 'admin-flag', class: m.admin ? 'danger' : '' }, m.admin ? t('admin.removeAdmin') : t('admin.makeAdmin'));
      adminBtn.addEventListener('click', async () => {
        const ok = await confirmDialog({
          title: m.admin ? t('admin.removeAdminTitle', { name: m.displayName }) : t('admin.makeAdminTitle', { name: m.displayName }),
          body: m.admin ? t('admin.removeAdminText') : t('admin.makeAdminText'),
          confirmLabel: m.admin ? t('admin.removeAdmin') : t('admin.makeAdmin'),
          danger: m.admin,
        });
        if (ok) roleCall(adminBtn, () => api.put(`${path}/admin`, { admin: !m.admin }), t('admin.saved'));
      });
      const orgPicker = cityPicker({ id: 'organiser-city', name: 'cityId', label: t('admin.addOrganiserCity') });
      const grantBtn = h('button', { type: 'button', class: 'primary', id: 'organiser-grant' }, t('admin.grantOrganiser'));
      grantBtn.addEventListener('click', () => {
        if (!orgPicker.value) {
          showAlert(rolesBox, t('nominations.pickCity'));
          orgPicker.input.focus();
          return;
        }
        const c = orgPicker.value;
        roleCall(grantBtn, () => api.put(`${path}/organiser/${c.id}`), t('admin.organiserGranted', { city: cityName(c) }));
      });
      const orgList = (m.organiserOf || []).length ? h('ul', { class: 'plain' }, m.organiserOf.map((c) => {
        const b = h('button', { type: 'button', class: 'small danger', 'aria-label': t('admin.revokeOrganiserCity', { city: cityName(c) }) }, t('admin.revoke'));
        b.addEventListener('click', () => roleCall(b, () => api.del(`${path}/organiser/${c.id}`), t('admin.organiserRevoked', { city: cityName(c) })));
        return h('li', { class: 'row' }, h('a', { href: `#/cities/${c.id}` }, cityName(c)), ' ', b);
      })) : h('p', { class: 'muted' }, t('admin.noOrganiser'));

      // Privileges
      const privBox = alertBox();
      const privRows = privileges.map((p) => {
        const grant = h('button', { type: 'button', class: 'small', 'aria-label': t('admin.grantPrivilege', { name: p.name }) }, t('admin.grant'));
        const revoke = h('button', { type: 'button', class: 'small danger', 'aria-label': t('admin.revokePrivilege', { name: p.name }) }, t('admin.revoke'));
        const call = async (btn, method, message) => {
          btn.disabled = true;
          try {
            await api[method](`${path}/privileges/${encodeURIComponent(p.code)}`);
            announce(message);
            showAlert(privBox, '');
          } catch (err) {
            showAlert(privBox, err.userMessage);
          } finally {
            btn.disabled = false;
          }
        };
        grant.addEventListener('click', () => call(grant, 'put', t('admin.privilegeGranted', { name: p.name })));
        revoke.addEventListener('click', () => call(revoke, 'del', t('admin.privilegeRevoked', { name: p.name })));
        return h('li', { class: 'row' }, h('span', null, h('strong', null, p.name), h('span', { class: 'muted' }, ` ${t('admin.fromLevel', { level: p.minLevel })}`)), h('span', null, grant, ' ', revoke));
      });

      // Points
      let key = newKey();
      const pointsBox = alertBox();
      const pointsDone = h('p', { class: 'alert success', role: 'status', hidden: true });
      const keyField = field({ id: 'points-key', name: 'idempotencyKey', label: t('admin.pointsKey'), value: key, hint: t('admin.pointsKeyHint'), attrs: { readonly: true } });
      const pointsForm = h('form', { class: 'stack narrow', novalidate: true },
        pointsBox, pointsDone,
        field({ id: 'points-amount', name: 'amount', label: t('admin.pointsAmount'), type: 'number', hint: t('admin.pointsAmountHint'), required: true, attrs: { step: 1 } }),
        field({ id: 'points-reason', name: 'reason', label: t('admin.pointsReason'), required: true, attrs: { maxlength: 200 } }),
        keyField,
        h('div', { class: 'actions' }, h('button', { type: 'submit', class: 'primary', id: 'points-submit' }, t('admin.pointsSubmit'))));
      pointsForm.addEventListener('submit', async (e) => {
        e.preventDefault();
        clearErrors(pointsForm);
        pointsDone.hidden = true;
        const amount = Number(pointsForm.amount.value);
        const reason = pointsForm.reason.value.trim();
        const errors = [];
        if (!pointsForm.amount.value || !Number.isInteger(amount) || amount === 0) errors.push({ field: 'amount', message: t('admin.pointsAmountInvalid') });
        if (!reason) errors.push({ field: 'reason', message: t('admin.pointsReasonMissing') });
        if (errors.length) {
          showProblem(pointsForm, { errors });
          return;
        }
        const btn = pointsForm.querySelector('#points-submit');
        btn.disabled = true;
        try {
          const { status } = await postWithStatus(`${path}/points`, { amount, reason, idempotencyKey: key });
          pointsDone.textContent = status === 201 ? t('admin.pointsAwarded', { amount, name: m.displayName }) : t('admin.pointsAlready');
          pointsDone.hidden = false;
          announce(pointsDone.textContent);
          pointsForm.reset();
          key = newKey();
          pointsForm.idempotencyKey.value = key;
          const fresh = await api.get(path).catch(() => null);
          if (fresh) pointsLine.textContent = t('profile.points', { count: fresh.points, points: fresh.points });
        } catch (err) {
          showProblem(pointsForm, err);
        } finally {
          btn.disabled = false;
        }
      });

      const pointsLine = h('p', null, t('profile.points', { count: m.points, points: m.points }));
      clear(view,
        adminTabs('admin-members'),
        h('p', { class: 'crumbs' }, h('a', { href: '#/admin' }, t('admin.membersTitle'))),
        h('h1', null, m.displayName, h('span', { class: 'muted' }, ` @${m.handle}`)),
        h('p', null, m.email, m.homeCity ? ` · ${cityName(m.homeCity)}` : '', ' · ', h('a', { href: `#/members/${encodeURIComponent(m.handle)}` }, t('admin.publicProfile'))),
        pointsLine,
        h('div', { class: 'grid' },
          h('section', { class: 'card', 'aria-labelledby': 'roles-h' },
            h('h2', { id: 'roles-h' }, t('admin.roles')),
            rolesBox,
            h('p', null, m.admin ? t('admin.isAdmin') : t('admin.isNotAdmin'), ' ', adminBtn),
            h('h3', null, t('admin.organiserOf')),
            orgList,
            orgPicker.el,
            h('div', { class: 'actions' }, grantBtn)),
          h('section', { class: 'card', 'aria-labelledby': 'privs-h' },
            h('h2', { id: 'privs-h' }, t('admin.privileges')),
            h('p', { class: 'muted' }, t('admin.privilegesExplain')),
            privBox,
            h('ul', { class: 'plain rows' }, privRows)),
          h('section', { class: 'card', 'aria-labelledby': 'points-h' },
            h('h2', { id: 'points-h' }, t('admin.points')),
            pointsForm)));
    };
    draw(member);
  },
};
