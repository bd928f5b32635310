// City search box: type a name in any language (北京, Chengdu...), pick from the result buttons.
// Single choice or several (chips with remove buttons).

import { api } from './api.js';
import { t, cityName, countryName } from './i18n.js';
import { h, clear, uid } from './ui.js';

export function cityLabel(c) {
  if (!c) return '';
  const local = cityName(c);
  const others = (c.otherNames || []).filter((n) => n !== local && /[\u4e00-\u9fff]/.test(n)).slice(0, 1);
  const alt = local !== c.name ? c.name : others[0];
  return alt ? `${local} (${alt})` : local;
}

function cityDetail(c) {
  return [c.region && c.region !== c.name ? c.region : null, countryName(c.countryCode)].filter(Boolean).join(', ');
}

/**
 * @param {object} o  id, name (field name for server errors), label, hint, multiple, value (city or [cities]),
 *                    required, includeRetired, onChange(value), max
 */
export function cityPicker(o) {
  const id = o.id || uid('city');
  const listId = `${id}-results`;
  const countId = `${id}-count`;
  const hintId = o.hint ? `${id}-hint` : null;
  let selected = o.multiple ? [...(o.value || [])] : (o.value || null);
  let timer = null;
  let seq = 0;

  const input = h('input', {
    id, type: 'search', autocomplete: 'off', spellcheck: 'false',
    'aria-controls': listId, 'aria-expanded': 'false',
    'aria-describedby': [hintId, countId].filter(Boolean).join(' '),
    placeholder: t('city.searchPlaceholder'),
  });
  input.dataset.field = o.name || id;
  const results = h('ul', { id: listId, class: 'city-results', hidden: true });
  const count = h('p', { id: countId, class: 'sr-only', 'aria-live': 'polite' });
  const chosen = h('div', { class: 'city-chosen', 'aria-live': 'polite' });

  function renderChosen() {
    if (o.multiple) {
      clear(chosen, selected.length ? h('ul', { class: 'chips', 'aria-label': t('city.selectedList') },
        selected.map((c) => h('li', { class: 'chip' }, cityLabel(c),
          h('button', {
            type: 'button', class: 'chip-remove', 'aria-label': t('city.remove', { city: cityLabel(c) }),
            onclick: () => { selected = selected.filter((x) => x.id !== c.id); renderChosen(); changed(); input.focus(); },
          }, '×')))) : h('p', { class: 'muted' }, t('city.noneSelected')));
    } else {
      clear(chosen, selected ? h('p', { class: 'chosen-one' }, t('city.selected', { city: cityLabel(selected) }),
        selected.countryCode ? ` · ${countryName(selected.countryCode)}` : '',
        o.clearable ? [' ', h('button', {
          type: 'button', class: 'small', 'aria-label': t('city.clearLabel', { city: cityLabel(selected) }),
          onclick: () => { selected = null; input.value = ''; renderChosen(); changed(); input.focus(); },
        }, t('city.clear'))] : null) : null);
    }
  }

  function changed() {
    if (o.onChange) o.onChange(o.multiple ? [...selected] : selected);
  }

  function close() {
    seq += 1;
    results.replaceChildren();
    results.hidden = true;
    input.setAttribute('aria-expanded', 'false');
  }

  function choose(c) {
    if (o.multiple) {
      if (!selected.some((x) => x.id === c.id)) {
        if (o.max && selected.length >= o.max) return;
        selected.push(c);
      }
      input.value = '';
    } else {
      selected = c;
      input.value = cityLabel(c);
    }
    close();
    renderChosen();
    changed();
    input.focus();
  }

  async function search() {
    const q = input.value.trim();
    const mine = ++seq;
    if (!q) {
      close();
      count.textContent = '';
      return;
    }
    let page;
    try {
      page = await api.get('/api/cities', { q, size: 8, includeRetired: o.includeRetired ? 'true' : undefined });
    } catch (e) {
      if (mine !== seq) return;
      clear(results, h('li', { class: 'muted', role: 'alert' }, e.userMessage));
      results.hidden = false;
      return;
    }
    if (mine !== seq) return;
    const items = (page.items || []).filter((c) => !(o.multiple && selected.some((x) => x.id === c.id)));
    clear(results, items.length ? items.map((c) => h('li', null, h('button', {
      type: 'button', class: 'city-option', dataset: { testid: 'city-option', cityId: String(c.id) },
      onclick: () => choose(c),
    }, h('span', { class: 'city-option-name' }, cityLabel(c)), h('span', { class: 'muted' }, ` ${cityDetail(c)}`),
    c.retired ? h('span', { class: 'badge' }, t('city.retired')) : null))) : h('li', { class: 'muted' }, t('city.noMatch')));
    results.hidden = false;
    input.setAttribute('aria-expanded', 'true');
    count.textContent = t('city.found', { count: items.length });
  }

  input.addEventListener('input', () => {
    clearTimeout(timer);
    timer = setTimeout(search, 250);
  });
  input.addEventListener('keydown', (e) => {
    const options = [...results.querySelectorAll('button.city-option')];
    if (e.key === 'ArrowDown' && options.length && !results.hidden) {
      e.preventDefault();
      options[0].focus();
    } else if (e.key === 'Enter') {
      e.preventDefault();
      if (options.length && !results.hidden) options[0].click();
      else { clearTimeout(timer); search(); }
    } else if (e.key === 'Escape') {
      close();
    }
  });
  results.addEventListener('keydown', (e) => {
    const options = [...results.querySelectorAll('button.city-option')];
    const i = options.indexOf(document.activeElement);
    if (e.key === 'ArrowDown') { e.preventDefault(); (options[i + 1] || options[0]).focus(); }
    if (e.key === 'ArrowUp') { e.preventDefault(); if (i <= 0) input.focus(); else options[i - 1].focus(); }
    if (e.key === 'Escape') { e.preventDefault(); close(); input.focus(); }
  });

  renderChosen();
  if (!o.multiple && selected) input.value = cityLabel(selected);

  const el = h('div', { class: 'field city-picker' },
    h('label', { for: id }, o.label, o.required ? h('span', { class: 'req', 'aria-hidden': 'true' }, ' *') : null),
    input,
    o.hint ? h('p', { class: 'hint', id: hintId }, o.hint) : null,
    results, count, chosen);

  return {
    el,
    input,
    get value() { return o.multiple ? [...selected] : selected; },
    set(v) { selected = o.multiple ? [...(v || [])] : v; if (!o.multiple) input.value = v ? cityLabel(v) : ''; renderChosen(); },
  };
}
