// The API reference, rendered from the server's own /openapi document (core and every started plugin): what a
// client developer needs to call each operation, grouped by tag, with who may call it.

import { t } from '../i18n.js';
import { h, clear, table } from '../ui.js';

const REF = '#/components/schemas/';

function schemaName(s) {
  if (!s) return '';
  if (s.$ref) return s.$ref.slice(REF.length);
  if (s.allOf && s.allOf.length === 1) return schemaName(s.allOf[0]);
  if (s.type === 'array') return `${schemaName(s.items) || 'value'}[]`;
  if (s.enum) return s.enum.join(' | ');
  return [s.type || 'object', s.format ? `(${s.format})` : ''].join(' ').trim();
}

function resolve(doc, s) {
  let x = s;
  for (let i = 0; x && i < 5; i++) {
    if (x.$ref) x = doc.components.schemas[x.$ref.slice(REF.length)];
    else if (x.allOf && x.allOf.length === 1) x = x.allOf[0];
    else break;
  }
  return x || {};
}

/** The fields of a JSON body or answer: name, type, whether required, description. */
function fields(doc, schema) {
  const s = resolve(doc, schema.type === 'array' ? schema.items || {} : schema);
  const props = Object.entries(s.properties || {});
  if (!props.length) return h('p', null, h('code', null, schemaName(schema)));
  const required = new Set(s.required || []);
  return h('div', null,
    h('p', null, h('code', null, schemaName(schema))),
    table([
      { label: t('apiRef.field'), rowHeader: true, cell: ([n]) => h('code', null, n) },
      { label: t('apiRef.type'), cell: ([, p]) => schemaName(p) },
      { label: t('apiRef.required'), cell: ([n]) => (required.has(n) ? t('apiRef.yes') : '') },
      { label: t('apiRef.description'), cell: ([, p]) => p.description || resolve(doc, p).description || '' },
    ], props));
}

function operation(doc, method, path, op) {
  const member = (op.security || []).some((r) => 'bearer' in r);
  const params = op.parameters || [];
  const body = op.requestBody && Object.entries(op.requestBody.content || {})[0];
  const answers = Object.entries(op.responses || {});
  const ok = answers.filter(([code]) => code.startsWith('2') || code === 'default');
  return h('article', { class: 'card wide api-op', id: `op-${op.operationId}`, dataset: { testid: 'api-op', op: `${method.toUpperCase()} ${path}` } },
    h('h3', null, h('code', { class: 'api-method' }, method.toUpperCase()), ' ', h('code', { class: 'api-path' }, path)),
    h('p', null, h('strong', null, op.summary || op.operationId), ' ',
      h('span', { class: member ? 'badge' : 'badge muted', dataset: { testid: 'api-security' } }, member ? t('apiRef.member') : t('apiRef.public'))),
    op.description ? h('p', null, op.description) : null,
    params.length ? [h('h4', null, t('apiRef.parameters')), table([
      { label: t('apiRef.name'), rowHeader: true, cell: (p) => h('code', null, p.name) },
      { label: t('apiRef.in'), cell: (p) => p.in },
      { label: t('apiRef.type'), cell: (p) => schemaName(p.schema) },
      { label: t('apiRef.required'), cell: (p) => (p.required ? t('apiRef.yes') : '') },
      { label: t('apiRef.description'), cell: (p) => p.description || '' },
    ], params)] : null,
    body ? [h('h4', null, t('apiRef.body'), ' ', h('code', null, body[0])), fields(doc, body[1].schema || {})] : null,
    h('h4', null, t('apiRef.responses')),
    h('ul', null, ok.map(([code, r]) => {
      const c = Object.entries(r.content || {})[0];
      return h('li', null, h('code', null, code), ' ', r.description || '', c ? [' — ', h('code', null, c[0])] : null,
        c && c[1].schema ? fields(doc, c[1].schema) : null);
    })),
    h('p', { class: 'muted' }, t('apiRef.errors', {
      codes: answers.filter(([code]) => code.startsWith('4')).map(([code]) => code).join(', '),
    })));
}

export default {
  async render({ view }) {
    const res = await fetch('/openapi?format=JSON', { headers: { Accept: 'application/json' } });
    const doc = await res.json();
    const byTag = new Map((doc.tags || []).map((tag) => [tag.name, { tag, ops: [] }]));
    for (const [path, item] of Object.entries(doc.paths || {})) {
      for (const [method, op] of Object.entries(item)) {
        if (!op || typeof op !== 'object' || !op.responses) continue;
        const name = (op.tags || ['API'])[0];
        if (!byTag.has(name)) byTag.set(name, { tag: { name }, ops: [] });
        byTag.get(name).ops.push([method, path, op]);
      }
    }
    const groups = [...byTag.values()].filter((g) => g.ops.length);
    clear(view,
      h('h1', { tabindex: '-1' }, t('apiRef.title')),
      h('p', { class: 'lead' }, t('apiRef.intro', { version: doc.info ? doc.info.version : '' })),
      h('p', null, t('apiRef.auth')),
      h('p', null, t('apiRef.download'), ' ', h('a', { href: '/openapi' }, 'YAML'), ' · ',
        h('a', { href: '/openapi?format=JSON' }, 'JSON'), ' · ', h('a', { href: 'https://www.rfc-editor.org/rfc/rfc9457' }, t('apiRef.problems'))),
      h('nav', { 'aria-label': t('apiRef.contents') }, h('ul', { class: 'api-toc' }, groups.map((g, i) =>
        h('li', null, h('a', { href: `#/api-reference`, onclick: (e) => { e.preventDefault(); document.getElementById(`tag-${i}`).scrollIntoView(); } },
          g.tag.name), ` (${g.ops.length})`)))),
      groups.map((g, i) => h('section', { id: `tag-${i}`, 'aria-labelledby': `tag-${i}-h` },
        h('h2', { id: `tag-${i}-h` }, g.tag.name),
        g.tag.description ? h('p', null, g.tag.description) : null,
        g.ops.map(([method, path, op]) => operation(doc, method, path, op)))));
  },
};
