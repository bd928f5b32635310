// A member's public profile.

import { api } from '../api.js';
import { t } from '../i18n.js';
import { h, clear, notice } from '../ui.js';
import { profileHeader, levelCard, stageCard, badgesCard, activityCard } from './profile-parts.js';
import { pluginPanels } from '../panels.js';

export default {
  async render({ view, params, me }) {
    let p;
    try {
      p = await api.get(`/api/members/${encodeURIComponent(params.handle)}`);
    } catch (e) {
      if (e.status !== 404) throw e;
      clear(view, h('h1', null, t('member.notFoundTitle')), notice(t('member.notFound', { handle: params.handle })));
      return;
    }
    const mine = me && me.handle && me.handle.toLowerCase() === p.handle.toLowerCase();
    const panels = await pluginPanels('profile', { memberId: p.id });
    clear(view,
      profileHeader(p),
      mine ? h('p', null, h('a', { href: '#/me' }, t('member.editMine'))) : null,
      me && me.admin ? h('p', null, h('a', { href: `#/admin/members/${encodeURIComponent(p.handle)}` }, t('member.manage'))) : null,
      h('div', { class: 'grid' }, levelCard(p), stageCard(p), activityCard(p), badgesCard(p), panels));
  },
};
