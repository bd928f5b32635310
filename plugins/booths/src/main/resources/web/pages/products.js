// The product catalogue booths show: #/p/booths/products. Everyone reads it; organisers add products, change their
// name and description, and retire the ones no longer shown (a product in use is never deleted). Organisers also grant
// and withdraw the plugin's qualification `product-training`, which a booth's demo lead may need.

import {
  pluginApi, t, h, clear, field, notice, alertBox, showAlert, showProblem, clearErrors, announce, uid,
} from '/kit.js';

const api = pluginApi('booths');
const b = (key, params) => t(`booths.${key}`, params);
const CODE = /^[a-z0-9][a-z0-9-]*$/;
const HANDLE = /^[A-Za-z0-9][A-Za-z0-9_-]{2,31}$/;
const TRAINING = 'product-training';
const items = (x) => (Array.isArray(x) ? x : (x && x.items) || []);

/** The "Product training" section: a handle, grant or withdraw; the outcome in the section's own alerts. */
function trainingSection(me) {
  const done = h('p', { class: 'alert success', role: 'status', hidden: true, dataset: { testid: 'training-done' } });
  const box = alertBox();
  box.dataset.testid = 'training-error';
  const grant = h('button', { type: 'submit', class: 'primary', dataset: { testid: 'training-grant' } }, b('training.grant'));
  const withdraw = h('button', { type: 'button', dataset: { testid: 'training-withdraw' } }, b('training.withdraw'));
  const form = h('form', { class: 'stack', novalidate: true },
    done,
    box,
    field({
      id: 'training-handle', name: 'handle', label: b('training.handle'), required: true,
      hint: b('training.handleHint'),
      attrs: { maxlength: 33, autocomplete: 'off', autocapitalize: 'none', spellcheck: 'false', 'data-testid': 'training-handle' },
    }),
    h('div', { class: 'actions' }, grant, withdraw));
  const control = form.querySelector('[data-field="handle"]');
  const fieldError = (message) => showProblem(form, { errors: [{ field: 'handle', message }] }, box);

  const act = async (kind) => {
    clearErrors(form);
    showAlert(done, '');
    const handle = control.value.trim().replace(/^@/, '');
    if (!handle) {
      fieldError(b('training.handleMissing'));
      return;
    }
    if (!HANDLE.test(handle)) {
      fieldError(b('training.handleInvalid'));
      return;
    }
    grant.disabled = true;
    withdraw.disabled = true;
    try {
      let who = { handle, displayName: handle };
      if (kind === 'grant') who = await api.post('qualifications', { handle, code: TRAINING });
      else await api.del(`qualifications/${encodeURIComponent(handle)}/${TRAINING}`);
      const text = b(kind === 'grant' ? 'training.granted' : 'training.withdrawn', { name: who.displayName || who.handle, handle: who.handle });
      showAlert(done, text);
      announce(text);
    } catch (err) {
      // 422 names the handle (no such member); 404 on withdraw: the member does not hold it
      if (err.status === 404 && kind === 'withdraw') fieldError(b('training.notHeld'));
      else showProblem(form, err, box);
    } finally {
      grant.disabled = false;
      withdraw.disabled = false;
    }
  };
  form.addEventListener('submit', (e) => {
    e.preventDefault();
    act('grant');
  });
  withdraw.addEventListener('click', () => act('withdraw'));

  return h('section', { class: 'card editor', 'aria-labelledby': 'training-h', dataset: { testid: 'training' } },
    h('h2', { id: 'training-h' }, b('training.title')),
    h('p', { class: 'hint' }, b('training.intro')),
    form);
}

export default {
  async render({ view, me, isCurrent, isOrganiser }) {
    const load = async () => items(await api.get('products'));
    const organiser = isOrganiser();

    const draw = (list, focusSel) => {
      if (!isCurrent()) return;
      const shown = organiser ? list : list.filter((p) => !p.retired);

      const editor = (p) => {
        const key = uid('product');
        const box = alertBox();
        const save = h('button', { type: 'submit', class: 'primary small', dataset: { testid: `product-save-${p.id}` } }, b('products.save'));
        const form = h('form', { class: 'stack', novalidate: true },
          box,
          field({ id: `${key}-name`, name: 'name', label: b('products.name'), value: p.name, required: true, attrs: { maxlength: 100, 'data-testid': `product-name-${p.id}` } }),
          field({ id: `${key}-description`, name: 'description', label: b('products.description'), kind: 'textarea', value: p.description || '', attrs: { rows: 2, maxlength: 1000 } }),
          field({ id: `${key}-retired`, name: 'retired', label: b('products.retired'), type: 'checkbox', value: !!p.retired, hint: b('products.retiredHint'), attrs: { 'data-testid': `product-retired-${p.id}` } }),
          h('div', { class: 'actions' }, save));
        form.addEventListener('submit', async (e) => {
          e.preventDefault();
          clearErrors(form);
          const name = form.querySelector('[data-field="name"]').value.trim();
          if (!name) {
            showProblem(form, { errors: [{ field: 'name', message: b('products.nameMissing') }] });
            return;
          }
          save.disabled = true;
          try {
            await api.put(`products/${p.id}`, {
              name,
              description: form.querySelector('[data-field="description"]').value.trim() || null,
              retired: form.querySelector('[data-field="retired"]').checked,
            });
            announce(b('products.saved', { name }));
            draw(await load(), `[data-testid="product-${p.id}"] h2`);
          } catch (err) {
            save.disabled = false;
            showProblem(form, err);
          }
        });
        return h('details', { class: 'edit' }, h('summary', null, b('products.edit')), form);
      };

      const item = (p) => h('li', { class: 'card', dataset: { testid: `product-${p.id}`, retired: String(!!p.retired) } },
        h('h2', { tabindex: '-1' }, p.name, p.retired ? [' ', h('span', { class: 'badge' }, b('products.retiredBadge'))] : null),
        h('p', { class: 'muted small' }, h('code', null, p.code)),
        p.description ? h('p', { class: 'description' }, p.description) : null,
        organiser ? editor(p) : null);

      let addForm = null;
      if (organiser) {
        const box = alertBox();
        const submit = h('button', { type: 'submit', class: 'primary', dataset: { testid: 'product-add' } }, b('products.add'));
        addForm = h('form', { class: 'stack editor', novalidate: true, 'aria-labelledby': 'product-add-h' },
          h('h2', { id: 'product-add-h' }, b('products.addTitle')),
          box,
          field({ id: 'product-code', name: 'code', label: b('products.code'), required: true, hint: b('products.codeHint'), attrs: { maxlength: 40, autocomplete: 'off', 'data-testid': 'product-code' } }),
          field({ id: 'product-name', name: 'name', label: b('products.name'), required: true, attrs: { maxlength: 100, 'data-testid': 'product-name' } }),
          field({ id: 'product-description', name: 'description', label: b('products.description'), kind: 'textarea', attrs: { rows: 3, maxlength: 1000, 'data-testid': 'product-description' } }),
          h('div', { class: 'actions' }, submit));
        addForm.addEventListener('submit', async (e) => {
          e.preventDefault();
          clearErrors(addForm);
          const v = (n) => addForm.querySelector(`[data-field="${n}"]`).value.trim();
          const errors = [];
          const code = v('code').toLowerCase();
          if (!CODE.test(code)) errors.push({ field: 'code', message: b('products.codeInvalid') });
          if (!v('name')) errors.push({ field: 'name', message: b('products.nameMissing') });
          if (errors.length) {
            showProblem(addForm, { errors });
            return;
          }
          submit.disabled = true;
          try {
            const created = await api.post('products', { code, name: v('name'), description: v('description') || null });
            announce(b('products.added', { name: created && created.name ? created.name : v('name') }));
            draw(await load(), '#product-code');
          } catch (err) {
            submit.disabled = false;
            showProblem(addForm, err);
          }
        });
      }

      clear(view,
        h('p', { class: 'crumbs' }, h('a', { href: '#/p/booths/booths' }, b('list.title'))),
        h('h1', null, b('products.title')),
        h('p', { class: 'lead' }, b('products.intro')),
        h('p', { class: 'muted', role: 'status' }, b('products.count', { count: shown.length })),
        shown.length ? h('ul', { class: 'plain', dataset: { testid: 'products' } }, shown.map(item)) : notice(b('products.none')),
        addForm,
        training);
      if (focusSel) view.querySelector(focusSel)?.focus();
    };

    const training = organiser ? trainingSection(me) : null;
    draw(await load());
  },
};
