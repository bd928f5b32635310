// Admin: back up the embedded database while the server runs, and see the backups in the data directory.

import { api } from '../api.js';
import { t, formatNumber, formatDateTime, viewerZone } from '../i18n.js';
import { h, clear, alertBox, showAlert, announce, notice, table, adminTabs } from '../ui.js';

function size(bytes) {
  return bytes >= 1048576 ? t('admin.backupMiB', { n: formatNumber(Math.round(bytes / 104857.6) / 10) })
    : t('admin.backupKiB', { n: formatNumber(Math.max(1, Math.round(bytes / 1024))) });
}

export default {
  auth: true,
  admin: true,
  async render({ view, navigate }) {
    let backups = null;
    let unavailable = null;
    try {
      backups = await api.get('/api/admin/backups');
    } catch (err) {
      if (err.code !== 'backup.not-h2') throw err;
      unavailable = err.userMessage;
    }
    const box = alertBox();
    const button = h('button', { type: 'button', class: 'primary', id: 'backup-now', disabled: unavailable ? true : null }, t('admin.backupNow'));
    button.addEventListener('click', async () => {
      button.disabled = true;
      try {
        const b = await api.post('/api/admin/backups');
        announce(t('admin.backupWritten', { file: b.file }));
        navigate('#/admin/backups');
      } catch (err) {
        showAlert(box, err.userMessage);
        button.disabled = false;
      }
    });
    clear(view,
      adminTabs('admin-backups'),
      h('h1', null, t('admin.backupsTitle')),
      h('p', null, t('admin.backupsIntro')),
      box,
      unavailable ? notice(unavailable) : h('div', { class: 'actions' }, button),
      backups ? (backups.length ? table([
        { label: t('admin.backupFile'), rowHeader: true, cell: (b) => h('code', null, b.file) },
        { label: t('admin.backupCreated'), cell: (b) => formatDateTime(b.createdAt, viewerZone()) },
        { label: t('admin.backupSize'), class: 'num', cell: (b) => size(b.bytes) },
      ], backups, { caption: t('admin.backupsCaption', { count: backups.length }) }) : notice(t('admin.noBackups'))) : null,
      h('h2', null, t('admin.restoreTitle')),
      h('p', null, t('admin.restoreText')));
  },
};
