// A booth's kit checklist: #/p/booths/kit/<boothId>. Who brings which demo device; the booth's organisers add items,
// mark them checked out and returned, note damage and remove them; its volunteers see the list.

import {
  pluginApi, t, h, clear, field, notice, alertBox, showAlert, showProblem, clearErrors, announce, formatDateTime,
  confirmDialog, table, uid,
} from '/kit.js';

const api = pluginApi('booths');
const b = (key, params) => t(`booths.${key}`, params);
const items = (x) => (Array.isArray(x) ? x : (x && x.items) || []);

function manages(booth, me) {
  if (typeof booth.canManage === 'boolean') return booth.canManage;
  if (!me) return false;
  return !!me.admin || (booth.organiserId != null && Number(booth.organiserId) === Number(me.id))
    || (me.organiserOf || []).some((c) => String(c.id ?? c.cityId) === String(booth.cityId));
}

function missing(view, title, text, boothId) {
  clear(view, h('h1', null, title), notice(text),
    h('p', null, h('a', { href: boothId ? `#/p/booths/booth/${boothId}` : '#/p/booths/booths' }, boothId ? b('kit.backToBooth') : b('list.title'))));
}

export default {
  auth: true,
  async render(ctx) {
    const { view, params, isCurrent } = ctx;
    const id = params.arg;
    if (!id || !/^\d+$/.test(id)) {
      missing(view, b('booth.notFoundTitle'), b('booth.notFound'));
      return;
    }
    const load = () => Promise.all([api.get(`booths/${id}`), api.get(`booths/${id}/kit`)]);
    let booth;
    let kit;
    try {
      [booth, kit] = await load();
    } catch (e) {
      if (!isCurrent()) return;
      if (e.status === 404) missing(view, b('booth.notFoundTitle'), b('booth.notFound'));
      else if (e.status === 403) missing(view, b('kit.title'), b('kit.forbidden'), id);
      else throw e;
      return;
    }

    const draw = (bo, list, focusId) => {
      if (!isCurrent()) return;
      const me = ctx.me;
      const manage = manages(bo, me);
      const zone = bo.zone;
      const rows = items(list);
      const pageBox = alertBox();

      // Who may bring an item: nobody yet, me, or someone already bringing one (the API lists no roster by name).
      const bringers = new Map();
      if (me) bringers.set(String(me.id), b('kit.me', { name: me.displayName || me.handle || '' }));
      rows.forEach((r) => { if (r.bringerId != null && !bringers.has(String(r.bringerId))) bringers.set(String(r.bringerId), r.bringerName || `#${r.bringerId}`); });
      const bringerOptions = (current) => {
        const opts = [{ value: '', label: b('kit.nobody') }, ...[...bringers].map(([value, text]) => ({ value, label: text }))];
        if (current != null && !bringers.has(String(current))) opts.push({ value: String(current), label: `#${current}` });
        return opts;
      };

      const refresh = async (focus) => {
        const [fresh, freshKit] = await load();
        draw(fresh, freshKit, focus);
      };

      const change = async (item, patch, button, doneText, focus, box) => {
        button.disabled = true;
        showAlert(box, '');
        try {
          await api.put(`kit/${item.id}`, {
            name: item.name, serial: item.serial ?? null, bringerId: item.bringerId ?? null, damage: item.damage ?? null, ...patch,
          });
          announce(doneText);
          await refresh(focus);
        } catch (e) {
          button.disabled = false;
          showAlert(box, e.userMessage);
        }
      };

      const stateCell = (r) => [
        r.checkedOutAt ? h('span', null, b('kit.outAt', { time: formatDateTime(r.checkedOutAt, zone) })) : h('span', { class: 'muted' }, b('kit.notOut')),
        r.returnedAt ? [h('br'), h('span', null, b('kit.returnedAt', { time: formatDateTime(r.returnedAt, zone) }))] : null,
      ];

      const actions = (r) => {
        const box = alertBox();
        const parts = [box];
        if (!r.checkedOutAt) {
          const out = h('button', { type: 'button', class: 'primary small', dataset: { testid: `kit-out-${r.id}` }, 'aria-label': b('kit.checkOutLabel', { name: r.name }) }, b('kit.checkOut'));
          out.addEventListener('click', () => change(r, { checkedOut: true }, out, b('kit.checkedOut', { name: r.name }), `kit-return-${r.id}`, box));
          parts.push(out, ' ');
        } else if (!r.returnedAt) {
          const back = h('button', { type: 'button', class: 'primary small', dataset: { testid: `kit-return-${r.id}` }, 'aria-label': b('kit.returnLabel', { name: r.name }) }, b('kit.return'));
          back.addEventListener('click', () => change(r, { returned: true }, back, b('kit.returned', { name: r.name }), `kit-damage-${r.id}`, box));
          parts.push(back, ' ');
        }
        const damageId = uid('damage');
        const damage = h('input', { id: damageId, type: 'text', maxlength: 500, value: r.damage || '', 'data-testid': `kit-damage-${r.id}` });
        const save = h('button', { type: 'submit', class: 'small', dataset: { testid: `kit-damage-save-${r.id}` } }, b('kit.saveDamage'));
        const form = h('form', { class: 'inline', novalidate: true },
          h('label', { for: damageId, class: 'small' }, b('kit.damage')), ' ', damage, ' ', save);
        form.addEventListener('submit', (e) => {
          e.preventDefault();
          change(r, { damage: damage.value.trim() || null }, save, b('kit.damageSaved', { name: r.name }), `kit-damage-${r.id}`, box);
        });
        const remove = h('button', { type: 'button', class: 'danger small', dataset: { testid: `kit-remove-${r.id}` }, 'aria-label': b('kit.removeLabel', { name: r.name }) }, b('kit.remove'));
        remove.addEventListener('click', async () => {
          const yes = await confirmDialog({ title: b('kit.removeTitle', { name: r.name }), body: b('kit.removeBody'), confirmLabel: b('kit.remove'), danger: true });
          if (!yes) return;
          remove.disabled = true;
          try {
            await api.del(`kit/${r.id}`);
            announce(b('kit.removed', { name: r.name }));
            await refresh('kit-h');
          } catch (e) {
            remove.disabled = false;
            showAlert(box, e.userMessage);
          }
        });
        parts.push(remove, form);
        return parts;
      };

      const columns = [
        { label: b('kit.name'), rowHeader: true, cell: (r) => h('span', { dataset: { testid: `kit-item-${r.id}` } }, r.name) },
        { label: b('kit.serial'), cell: (r) => r.serial || '–' },
        { label: b('kit.bringer'), cell: (r) => r.bringerName || (r.bringerId != null ? `#${r.bringerId}` : b('kit.nobody')) },
        { label: b('kit.state'), cell: stateCell },
        { label: b('kit.damage'), cell: (r) => (r.damage ? h('strong', { dataset: { testid: `kit-damage-text-${r.id}` } }, r.damage) : '–') },
      ];
      if (manage) columns.push({ label: b('kit.actions'), cell: actions });

      let addForm = null;
      if (manage) {
        const box = alertBox();
        const submit = h('button', { type: 'submit', class: 'primary', dataset: { testid: 'kit-add' } }, b('kit.add'));
        addForm = h('form', { class: 'stack editor', novalidate: true, 'aria-labelledby': 'kit-add-h' },
          h('h2', { id: 'kit-add-h' }, b('kit.addTitle')),
          box,
          h('div', { class: 'two' },
            field({ id: 'kit-name', name: 'name', label: b('kit.name'), required: true, attrs: { maxlength: 100, 'data-testid': 'kit-name' } }),
            field({ id: 'kit-serial', name: 'serial', label: b('kit.serial'), attrs: { maxlength: 100, autocomplete: 'off', 'data-testid': 'kit-serial' } }),
            field({ id: 'kit-bringer', name: 'bringerId', label: b('kit.bringer'), kind: 'select', value: '', options: bringerOptions(null), hint: b('kit.bringerHint') })),
          h('div', { class: 'actions' }, submit));
        addForm.addEventListener('submit', async (e) => {
          e.preventDefault();
          clearErrors(addForm);
          const v = (n) => addForm.querySelector(`[data-field="${n}"]`).value.trim();
          if (!v('name')) {
            showProblem(addForm, { errors: [{ field: 'name', message: b('kit.nameMissing') }] });
            return;
          }
          submit.disabled = true;
          try {
            const created = await api.post(`booths/${bo.id}/kit`, { name: v('name'), serial: v('serial') || null, bringerId: v('bringerId') ? Number(v('bringerId')) : null });
            announce(b('kit.added', { name: created && created.name ? created.name : v('name') }));
            await refresh('kit-name');
          } catch (err) {
            submit.disabled = false;
            showProblem(addForm, err);
          }
        });
      }

      const out = rows.filter((r) => r.checkedOutAt && !r.returnedAt).length;
      clear(view,
        h('p', { class: 'crumbs' }, h('a', { href: `#/p/booths/booth/${bo.id}` }, bo.compound)),
        h('h1', { id: 'kit-h', tabindex: '-1' }, b('kit.title')),
        h('p', { class: 'lead' }, b('kit.intro', { compound: bo.compound })),
        pageBox,
        h('dl', { class: 'stats' },
          h('div', null, h('dt', null, b('kit.items')), h('dd', { dataset: { testid: 'kit-count' } }, String(rows.length))),
          h('div', null, h('dt', null, b('kit.outNow')), h('dd', null, String(out))),
          h('div', null, h('dt', null, b('kit.damaged')), h('dd', null, String(rows.filter((r) => r.damage).length)))),
        rows.length ? table(columns, rows, { caption: b('kit.caption', { compound: bo.compound }) }) : notice(b('kit.none')),
        addForm);

      if (focusId) {
        const target = view.querySelector(`[data-testid="${focusId}"]`) || view.querySelector(`#${focusId}`);
        if (target) target.focus();
      }
    };

    draw(booth, kit);
  },
};
