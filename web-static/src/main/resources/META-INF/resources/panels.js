// Panels plugins add to core pages (SDK PanelDefinition / Panel): the city page lists what happens in the city, a
// member's profile what they did. The core renders every panel alike; a panel whose route fails is left out.

import { api } from './api.js';
import { t, getLocale, formatDateTime } from './i18n.js';
import { h, notice } from './ui.js';

function title(p) {
  const l = p.title || {};
  const loc = getLocale();
  return l[loc] || l[loc.split('-')[0]] || l.en || Object.values(l)[0] || p.pluginId;
}

function item(i) {
  const name = i.href ? h('a', { href: i.href }, i.title) : h('strong', null, i.title);
  return h('li', null, name,
    i.detail ? [' ', h('span', { class: 'muted' }, i.detail)] : null,
    i.at ? [h('br'), h('time', { datetime: i.at }, formatDateTime(i.at, i.zone || 'UTC'))] : null);
}

function section(p, content, index) {
  const id = `panel-${p.slot}-${p.pluginId}-${index}`.replace(/[^A-Za-z0-9_-]/g, '_');
  const items = Array.isArray(content.items) ? content.items : [];
  return h('section', { class: 'card plugin-panel', 'aria-labelledby': `${id}-h`, dataset: { testid: `panel-${p.pluginId}` } },
    h('h2', { id: `${id}-h` }, title(p)),
    items.length ? h('ul', { class: 'plain stack-list' }, items.map(item)) : notice(t('panels.empty')),
    content.moreHref ? h('p', null, h('a', { href: content.moreHref }, t('panels.more'))) : null);
}

/**
 * The panels of one slot ('city' or 'profile') for a subject ({ cityId } or { memberId }), as a list of sections;
 * empty when no plugin adds one or the list cannot be read.
 */
export async function pluginPanels(slot, query) {
  let panels;
  try {
    panels = await api.get('/api/ui/panels', { slot });
  } catch {
    return [];
  }
  const filled = await Promise.all((Array.isArray(panels) ? panels : []).map(async (p, i) => {
    try {
      return section(p, await api.get(p.url, query), i);
    } catch {
      return null; // the plugin's route failed: leave its panel out, the page stands
    }
  }));
  return filled.filter(Boolean);
}
