// A booth's kit checklist: #/p/booths/kit/<boothId>. Who brings which demo device; the booth's organisers add items,
// mark them checked out and returned, note damage and remove them; its volunteers see the list. Who brings an item is
// picked from the booth's roster (confirmed volunteers first, then those offered a place or waiting) and its organiser.

import {
  pluginApi, t, h, clear, field, notice, alertBox, showAlert, showProblem, clearErrors, announce, formatDateTime,
  confirmDialog, table, uid, getLocale,
} from '/kit.js';

const api = pluginApi('booths');
const b = (key, params) => t(`booths.${key}`, params);
const items = (x) => (Array.isArray(x) ? x : (x && x.items) || []);

const ROSTER_ORDER = { CONFIRMED: 0, OFFERED: 1, WAITING: 2 };

/** One entry per member of the roster (their best place across the booth's slots), confirmed ones first, then by name. */
function rosterPeople(entries) {
  const best = new Map();
  (Array.isArray(entries) ? entries : []).forEach((e) => {
    const key = String(e.memberId);
    const had = best.get(key);
    if (!had || (ROSTER_ORDER[e.status] ?? 3) < (ROSTER_ORDER[had.status] ?? 3)) best.set(key, e);
  });
  return [...best.values()].sort((x, y) => (ROSTER_ORDER[x.status] ?? 3) - (ROSTER_ORDER[y.status] ?? 3)
    || String(x.displayName || '').localeCompare(String(y.displayName || ''), getLocale()));
}

function label(prefix, code) {
  const key = `booths.${prefix}.${code}`;
  const text = t(key);
  return text === key ? code : text;
}

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
    // The roster (who holds or waits for the booth's slots) is for its organisers only: the bringers come from it.
    const load = async () => {
      const [bo, list] = await Promise.all([api.get(`booths/${id}`), api.get(`booths/${id}/kit`)]);
      let roster = [];
      if (manages(bo, ctx.me)) {
        try {
          roster = await api.get(`booths/${id}/roster`);
        } catch {
          roster = [];
        }
      }
      return [bo, list, roster];
    };
    let booth;
    let kit;
    let roster;
    try {
      [booth, kit, roster] = await load();
    } catch (e) {
      if (!isCurrent()) return;
      if (e.status === 404) missing(view, b('booth.notFoundTitle'), b('booth.notFound'));
      else if (e.status === 403) missing(view, b('kit.title'), b('kit.forbidden'), id);
      else throw e;
      return;
    }

    const draw = (bo, list, people, focusId) => {
      if (!isCurrent()) return;
      const me = ctx.me;
      const manage = manages(bo, me);
      const zone = bo.zone;
      const rows = items(list);
      const pageBox = alertBox();

      // Who may bring an item: nobody yet, the booth's organiser (and me, when I organise it without being in charge),
      // the roster's members (confirmed first, with their place), and whoever already brings one without being there.
      const bringers = new Map();
      const add = (memberId, text) => { if (memberId != null && !bringers.has(String(memberId))) bringers.set(String(memberId), text); };
      if (bo.organiserId != null) {
        const name = bo.organiserName || `#${bo.organiserId}`;
        add(bo.organiserId, me && Number(me.id) === Number(bo.organiserId) ? b('kit.me', { name }) : b('kit.organiser', { name }));
      }
      if (me) add(me.id, b('kit.me', { name: me.displayName || me.handle || '' }));
      rosterPeople(people).forEach((e) => {
        const place = e.status === 'WAITING' ? b('roster.status.WAITING', { position: e.waitingPosition ?? '?' }) : label('roster.status', e.status);
        const who = e.handle ? `${e.displayName || e.handle} (@${e.handle})` : b('roster.formerMember');
        add(e.memberId, `${who} · ${place}`);
      });
      rows.forEach((r) => add(r.bringerId, r.bringerName || `#${r.bringerId}`));
      const bringerOptions = (current) => {
        const opts = [{ value: '', label: b('kit.nobody') }, ...[...bringers].map(([value, text]) => ({ value, label: text }))];
        if (current != null && !bringers.has(String(current))) opts.push({ value: String(current), label: `#${current}` });
        return opts;
      };

      const refresh = async (focus) => {
        const [fresh, freshKit, freshRoster] = await load();
        draw(fresh, freshKit, freshRoster, focus);
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
            field({ id: 'kit-bringer', name: 'bringerId', label: b('kit.bringer'), kind: 'select', value: '', options: bringerOptions(null), hint: b('kit.bringerHint'), attrs: { 'data-testid': 'kit-bringer' } })),
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

    draw(booth, kit, roster);
  },
};
