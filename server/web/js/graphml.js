// GraphML (http://graphml.graphdrawing.org/) for Gephi, yEd and NetworkX users. The one npm
// package for Cytoscape (cytoscape-graphml) needs jQuery, so the few fields are written here.
// Pure function; no DOM.
//
// toGraphML({nodes: [{id, label, …}], edges: [{id, source, target, …}]}, {nodeKeys, edgeKeys})
// nodeKeys / edgeKeys: [{name, type}] with type 'string' | 'int' | 'double' | 'boolean'; a
// value that is missing, null or not finite (for numbers) is left out of that element.

const XML_ESCAPES = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&apos;' };

export function escapeXml(value) {
  // Characters XML 1.0 forbids (control characters other than tab, LF, CR; lone surrogates;
  // U+FFFE/U+FFFF) cannot even be escaped: drop them.
  return String(value)
    .replace(/[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g, '')
    .replace(/[&<>"']/g, (c) => XML_ESCAPES[c]);
}

function dataValue(value, type) {
  if (value === undefined || value === null) return null;
  if (type === 'int') return Number.isInteger(Number(value)) ? String(Number(value)) : null;
  if (type === 'double') return Number.isFinite(Number(value)) ? String(Number(value)) : null;
  if (type === 'boolean') return value ? 'true' : 'false';
  if (Array.isArray(value)) return value.join('|');
  return String(value);
}

function keyLines(keys, domain, prefix) {
  return keys.map((k) =>
    `  <key id="${prefix}_${escapeXml(k.name)}" for="${domain}" attr.name="${escapeXml(k.name)}" attr.type="${k.type || 'string'}"/>`);
}

function dataLines(obj, keys, prefix, indent) {
  const lines = [];
  for (const k of keys) {
    const v = dataValue(obj[k.name], k.type || 'string');
    if (v !== null) lines.push(`${indent}<data key="${prefix}_${escapeXml(k.name)}">${escapeXml(v)}</data>`);
  }
  return lines;
}

export const DEFAULT_NODE_KEYS = [
  { name: 'label', type: 'string' }, { name: 'name_vi', type: 'string' }, { name: 'type', type: 'string' },
  { name: 'wikidata', type: 'string' }, { name: 'discovered', type: 'boolean' },
];
export const DEFAULT_EDGE_KEYS = [
  { name: 'relation', type: 'string' }, { name: 'weight', type: 'double' },
  { name: 'evidence_count', type: 'int' }, { name: 'first_date', type: 'string' }, { name: 'last_date', type: 'string' },
];

export function toGraphML(graph, options = {}) {
  const nodeKeys = options.nodeKeys || DEFAULT_NODE_KEYS;
  const edgeKeys = options.edgeKeys || DEFAULT_EDGE_KEYS;
  const nodes = graph.nodes || [];
  const nodeIds = new Set(nodes.map((n) => String(n.id)));
  // Links are typed per pair; cooperation is symmetric but stored with an order, so the
  // graph is written as directed, which Gephi reads either way.
  const lines = [
    '<?xml version="1.0" encoding="UTF-8"?>',
    '<graphml xmlns="http://graphml.graphdrawing.org/xmlns" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance"',
    '    xsi:schemaLocation="http://graphml.graphdrawing.org/xmlns http://graphml.graphdrawing.org/xmlns/1.0/graphml.xsd">',
    ...keyLines(nodeKeys, 'node', 'n'),
    ...keyLines(edgeKeys, 'edge', 'e'),
    '  <graph id="policygraph" edgedefault="directed">',
  ];
  for (const n of nodes) {
    lines.push(`    <node id="${escapeXml(n.id)}">`, ...dataLines(n, nodeKeys, 'n', '      '), '    </node>');
  }
  for (const e of graph.edges || []) {
    // GraphML requires both ends to be nodes of the graph.
    if (!nodeIds.has(String(e.source)) || !nodeIds.has(String(e.target))) continue;
    lines.push(`    <edge id="${escapeXml(e.id)}" source="${escapeXml(e.source)}" target="${escapeXml(e.target)}">`,
      ...dataLines(e, edgeKeys, 'e', '      '), '    </edge>');
  }
  lines.push('  </graph>', '</graphml>', '');
  return lines.join('\n');
}
