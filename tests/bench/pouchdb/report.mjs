// Combines the local store benchmark's reference figure with the peer's replication figures:
// prints a Markdown table and writes the same figures as JSON.
//
//   node report.mjs --local local_store.json --peer pouchdb.json --json peer.json
import { readFileSync, writeFileSync } from 'node:fs';
import { parseArgs } from 'node:util';

const { values: args } = parseArgs({ options: {
  local: { type: 'string' }, peer: { type: 'string' }, json: { type: 'string' },
} });
const read = (file, what) => {
  try {
    return JSON.parse(readFileSync(file, 'utf8'));
  } catch (e) {
    process.stderr.write(`report.mjs: cannot read the ${what} figures ${file}: ${e.message}\n`);
    process.exit(2);
  }
};
const local = read(args.local, 'local store');
const peer = read(args.peer, 'PouchDB');
const raw = local.raw_bulk_insert_rows_per_s;
const n = (v, d = 0) => v.toLocaleString('en-US', { maximumFractionDigits: d, minimumFractionDigits: d });
const mb = (bytes) => `${n(bytes / 1e6, 1)} MB`;
const what = peer.subset
  ? `${n(peer.file_docs_used)} documents: SUBSET, ${peer.subset}`
  : `${n(peer.file_docs_used)} documents, the whole ${local.size} demo export`;

const rows = peer.runs.map((r) => ({
  measure: `PouchDB replicate(), batch_size ${r.batch_size}, batches_limit ${r.batches_limit}`,
  figure: `${n(r.docs)} docs in ${n(r.seconds, 1)} s: **${n(r.docs_per_s)} docs/s**; ${mb(r.bytes)} on the wire; CPU client ${n(r.client_cpu_seconds, 1)} s, server ${n(r.server_cpu_seconds, 1)} s`,
  ratio: `PouchDB / raw SQLite = ${n(r.docs_per_s / raw, 4)} (raw SQLite is ${n(raw / r.docs_per_s, 1)}x)`,
  docs_per_s: r.docs_per_s,
  pouchdb_vs_raw_sqlite: r.docs_per_s / raw,
}));
let md = `## Peer: PouchDB replication (${local.size} demo set; ${what})\n\n`
  + '| measure | figure | ratio (same run) |\n|---|---|---|\n'
  + `| raw SQLite bulk insert (reference, bench_local_store) | ${n(raw)} rows/s | 1 |\n`;
for (const r of rows) md += `| ${r.measure} | ${r.figure} | ${r.ratio} |\n`;
md += '| Karvan initial sync | not yet measured (sync engine pending) | — |\n\n'
  + `Peer: ${peer.peer}; pouchdb-core ${peer.versions['pouchdb-core']}, express-pouchdb `
  + `${peer.versions['express-pouchdb']}, memdown ${peer.versions.memdown}, Node ${peer.versions.node}. `
  + `Peak RSS client ${mb(peer.client_max_rss_bytes)}, server ${mb(peer.server_max_rss_bytes)}; `
  + `${peer.machine.cpus} CPUs, load average at the end ${peer.machine.loadavg_1_5_15_at_end.map((v) => n(v, 2)).join(' / ')}.\n`;
process.stdout.write(md);

if (args.json) {
  writeFileSync(args.json, `${JSON.stringify({
    size: local.size,
    raw_sqlite_bulk_insert_rows_per_s: raw,
    pouchdb: peer,
    pouchdb_docs_per_s_vs_raw_sqlite_rows_per_s: Object.fromEntries(
      rows.map((r, i) => [`batch_size_${peer.runs[i].batch_size}`, r.pouchdb_vs_raw_sqlite])),
    karvan_initial_sync: null,
    karvan_initial_sync_note: 'not yet measured (sync engine pending)',
  }, null, 2)}\n`);
}
