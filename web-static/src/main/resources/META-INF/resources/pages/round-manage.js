// Open / close / cancel buttons for those who manage a round, each with a confirm step.

import { api } from '../api.js';
import { t, formatDateTime, viewerZone } from '../i18n.js';
import { h, confirmDialog, announce, showAlert, field } from '../ui.js';

const ACTIONS = [
  { key: 'open', from: ['DRAFT', 'NOMINATING'], danger: false },
  { key: 'close', from: ['OPEN'], danger: false },
  { key: 'cancel', from: ['DRAFT', 'NOMINATING', 'OPEN'], danger: true },
];

/** What the confirm step says: opening early says it moves the scheduled opening to now. */
function text(key, round) {
  const zone = round.ownerCity ? round.ownerCity.timeZone : viewerZone();
  if (key === 'open' && round.candidateMode === 'NOMINATION' && round.state === 'DRAFT') return t('manage.openText');
  if (key === 'open' && round.opensAt && new Date(round.opensAt).getTime() > Date.now()) {
    return t('manage.openEarlyText', { opens: formatDateTime(round.opensAt, zone), closes: formatDateTime(round.closesAt, zone) });
  }
  if (key === 'open') return t('manage.openNowText', { closes: formatDateTime(round.closesAt, zone) });
  if (key === 'close' && round.closesAt && new Date(round.closesAt).getTime() > Date.now()) {
    return t('manage.closeEarlyText', { closes: formatDateTime(round.closesAt, zone) });
  }
  return t(`manage.${key}Text`);
}

/** Buttons #round-open, #round-close, #round-cancel fitting the round's state. onDone(updatedRound) after a change. */
export function stateActions(round, box, onDone) {
  const buttons = ACTIONS.filter((a) => a.from.includes(round.state)).map((a) => {
    const btn = h('button', { type: 'button', id: `round-${a.key}`, class: a.danger ? 'danger' : 'primary' }, t(`manage.${a.key}`));
    btn.addEventListener('click', async () => {
      const reason = a.key === 'cancel'
        ? field({ id: 'cancel-reason', name: 'reason', label: t('manage.cancelReason'), kind: 'textarea', hint: t('manage.cancelReasonHint'), attrs: { maxlength: 500, rows: 3 } })
        : null;
      const ok = await confirmDialog({
        title: t(`manage.${a.key}Title`, { title: round.title }),
        body: h('div', null, h('p', null, text(a.key, round)), reason),
        confirmLabel: t(`manage.${a.key}`),
        danger: a.danger,
      });
      if (!ok) {
        btn.focus();
        return;
      }
      btn.disabled = true;
      try {
        const text = reason ? reason.querySelector('textarea').value.trim() : '';
        const updated = await api.post(`/api/rounds/${round.id}/${a.key}`, a.key === 'cancel' ? { reason: text || null } : undefined);
        announce(t(`manage.${a.key}Done`));
        onDone(updated && updated.id ? updated : null);
      } catch (err) {
        showAlert(box, err.status === 404 ? t('rounds.unavailable') : err.userMessage);
        btn.disabled = false;
        btn.focus();
      }
    });
    return btn;
  });
  if (!buttons.length) return null;
  return h('div', { class: 'actions state-actions' }, buttons);
}
