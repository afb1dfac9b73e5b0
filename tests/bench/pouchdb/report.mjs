// The benchmark summary (issue 6): one table with every figure, its same-run reference, the
// ratio and the target, from the JSON the benchmarks wrote. Inputs that are missing (a
// benchmark skipped or failed) become "not run" rows, never a guess.
//
//   node report.mjs [--size SIZE] [--hq-load hq_load.json] [--local local_store.json]
//                   [--cold-start cold_start.json] [--sync sync.json]
//                   [--peer pouchdb.json] [--concurrency concurrency.json]
//                   [--md summary.md] [--json summary.json]
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { cpus, loadavg } from 'node:os';
import { parseArgs } from 'node:util';

let args;
try {
  args = parseArgs({ options: {
    size: { type: 'string' }, 'hq-load': { type: 'string' }, local: { type: 'string' }, sync: { type: 'string' },
    peer: { type: 'string' }, concurrency: { type: 'string' }, 'cold-start': { type: 'string' },
    md: { type: 'string' }, json: { type: 'string' },
  } }).values;
} catch (e) {
  process.stderr.write(`report.mjs: ${e.message}\n`);
  process.exit(2);
}
const read = (file, what) => {
  if (!file || !existsSync(file)) return null;
  try {
    return JSON.parse(readFileSync(file, 'utf8'));
  } catch (e) {
    process.stderr.write(`report.mjs: cannot read the ${what} figures ${file}: ${e.message}\n`);
    process.exit(2);
  }
};
const hqLoad = read(args['hq-load'], 'HQ load');
const local = read(args.local, 'local store');
const sync = read(args.sync, 'sync');
const peer = read(args.peer, 'PouchDB');
const conc = read(args.concurrency, 'concurrency');
const coldStart = read(args['cold-start'], 'cold start');

const n = (v, d = 0) => Number(v).toLocaleString('en-US', { maximumFractionDigits: d, minimumFractionDigits: d });
const mb = (bytes) => `${n(bytes / 1e6, 1)} MB`;
const rows = [];
// met: true / false / null (no target, or not run)
const add = (measure, karvan, reference, ratio, target, met, values = {}) => {
  rows.push({ measure, karvan, reference, ratio, target, met, ...values });
};
const notRun = (measure, target, why) => add(measure, `not run (${why})`, '—', '—', target, null);

if (hqLoad) {
  add(`HQ demo load (karvan-hq init --demo ${hqLoad.size})`, `${n(hqLoad.seconds, 1)} s`, '—', '—', '—', null,
    { seconds: hqLoad.seconds });
}

// Initial sync against raw SQLite and against the peer.
const bestPeer = peer ? peer.runs.reduce((a, b) => (b.docs_per_s > a.docs_per_s ? b : a)) : null;
if (sync) {
  const s = sync.initial_sync;
  const ratio = sync.initial_sync_vs_raw_sqlite;
  add(`initial sync, ${sync.login}'s scope over HTTPS, first device right after the scope's first sign-in (cold; ${n(s.records)} records, ${n(s.table_rows)} table rows)`,
    `${n(s.seconds, 2)} s: ${n(s.rows_per_s)} rows/s`,
    `raw SQLite insert of the same rows: ${n(sync.raw_sqlite.seconds, 2)} s, ${n(sync.raw_sqlite.rows_per_s)} rows/s`,
    `${n(ratio * 100, 1)}%`, '>= 50% of raw SQLite', ratio >= 0.5,
    { karvan_rows_per_s: s.rows_per_s, reference_rows_per_s: sync.raw_sqlite.rows_per_s, ratio_value: ratio });
  // bench_sync's other initial syncs: a cached snapshot, and paged pulls (the figure before it).
  for (const [key, label] of [['warm', 'cached snapshot (warm)'], ['paged', 'paged pulls, snapshot off (before)']]) {
    const o = sync[`initial_sync_${key}`];
    const r = sync[`initial_sync_${key}_vs_raw_sqlite`];
    if (o) add(`initial sync, ${label}`, `${n(o.seconds, 2)} s: ${n(o.rows_per_s)} rows/s`, 'raw SQLite, as above',
      `${n(r * 100, 1)}%`, '>= 50% of raw SQLite', r >= 0.5, { karvan_rows_per_s: o.rows_per_s, ratio_value: r });
  }
  if (bestPeer) {
    const same = peer.file_docs_used === sync.peer_input.documents && !peer.subset;
    const r = s.records_per_s / bestPeer.docs_per_s;
    add(`initial sync vs the peer, cold (the same ${n(sync.peer_input.documents)} records${same ? '' : `; PEER RAN ${n(peer.file_docs_used)} DOCS ONLY`})`,
      `${n(s.records_per_s)} records/s`,
      `PouchDB replicate() (batch_size ${bestPeer.batch_size}, both ends in memory): ${n(bestPeer.docs_per_s)} docs/s`,
      `${n(r, 1)}x`, '>= 20x PouchDB', r >= 20,
      { karvan_records_per_s: s.records_per_s, reference_docs_per_s: bestPeer.docs_per_s, ratio_value: r });
    const w = sync.initial_sync_warm;
    if (w) {
      const rw = w.records_per_s / bestPeer.docs_per_s;
      add('initial sync vs the peer, cached snapshot (warm)', `${n(w.records_per_s)} records/s`, 'PouchDB, as above',
        `${n(rw, 1)}x`, '>= 20x PouchDB', rw >= 20, { karvan_records_per_s: w.records_per_s, ratio_value: rw });
    }
  } else {
    notRun('initial sync vs the peer (PouchDB)', '>= 20x PouchDB', 'no PouchDB figures');
  }
  add('initial sync: bytes received / sent', `${mb(s.bytes_received)} / ${mb(s.bytes_sent)}`,
    peer ? `PouchDB: ${mb(bestPeer.bytes)} both ways` : '—', '—', '—', null);
  add('initial sync: peak RSS client / server',
    `${mb(s.client_max_rss_bytes)} / ${mb(s.server_hwm_after_bytes)} (server peak grew ${mb(s.server_hwm_growth_bytes)}${s.server_rss_anon_peak_bytes ? `; RssAnon peak ${mb(s.server_rss_anon_peak_bytes)}` : ''})`,
    peer ? `PouchDB: ${mb(peer.client_max_rss_bytes)} / ${mb(peer.server_max_rss_bytes)}` : '—', '—', '—', null);
  const inc = sync.incremental;
  if (inc) {
    add(`incremental sync round (${n(inc.pushed_per_round)} mutations up, ${n(inc.pulled_min)}-${n(inc.pulled_max)} changes down; ${inc.rounds} rounds)`,
      `p50 ${n(inc.round.p50_ms)} ms, p99 ${n(inc.round.p99_ms)} ms (push p50 ${n(inc.push.p50_ms)}, pull p50 ${n(inc.pull.p50_ms)})`,
      '—', '—', 'p50 <= 300 ms', inc.round.p50_ms <= 300,
      { p50_ms: inc.round.p50_ms, p99_ms: inc.round.p99_ms });
  } else {
    notRun('incremental sync round', 'p50 <= 300 ms', 'no rounds');
  }
} else {
  notRun('initial sync vs raw SQLite', '>= 50% of raw SQLite', 'no bench_sync figures');
  notRun('initial sync vs the peer (PouchDB)', '>= 20x PouchDB', 'no bench_sync figures');
  notRun('incremental sync round', 'p50 <= 300 ms', 'no bench_sync figures');
}

// Concurrency (bench_concurrency).
if (conc && Array.isArray(conc.runs) && conc.runs.length) {
  for (const r of conc.runs) {
    const errors = Object.values(r.errors || {}).reduce((a, b) => a + b, 0);
    const target = r.devices >= 1000 ? 'zero errors, p99 <= 2 s' : '—';
    const met = r.devices >= 1000 ? errors === 0 && r.round_p99_ms <= 2000 : null;
    add(`concurrency: ${n(r.devices)} devices at once, ${r.backend}`,
      `${n(r.served)} served, ${n(errors)} errors, p50 ${n(r.round_p50_ms)} ms, p99 ${n(r.round_p99_ms)} ms`,
      '—', '—', target, met, { devices: r.devices, backend: r.backend, errors, p99_ms: r.round_p99_ms });
  }
} else {
  notRun('concurrency: 1,000 devices at once', 'zero errors, p99 <= 2 s', 'no bench_concurrency figures');
}

// Device operations (bench_local_store). The thread's CPU time beside the wall clock: on a busy
// machine the wall-clock tail is waiting for a core or the disk.
const cpu = (ms) => (ms === undefined ? '' : ` (CPU p99 ${n(ms, 2)} ms)`);
if (local) {
  add(`customer search over ${n(local.customers)} customers`,
    `p50 ${n(local.search_p50_ms, 2)} ms, p99 ${n(local.search_p99_ms, 2)} ms${cpu(local.search_cpu_p99_ms)}`, '—', '—', 'p99 <= 10 ms',
    local.search_p99_ms <= 10, { p99_ms: local.search_p99_ms });
  add('order creation (pricing, credit, stock, write + outbox, durable)',
    `p50 ${n(local.order_create_p50_ms, 2)} ms, p99 ${n(local.order_create_p99_ms, 2)} ms${cpu(local.order_create_cpu_p99_ms)}`,
    `order-shaped SQLite commit (FULL): p50 ${n(local.raw_order_tx_p50_ms, 2)} ms, p99 ${n(local.raw_order_tx_p99_ms, 2)} ms`,
    `${n(local.order_create_p99_ms / local.raw_order_tx_p99_ms, 1)}x`, 'p99 <= 5 ms',
    local.order_create_p99_ms <= 5, { p99_ms: local.order_create_p99_ms });
} else {
  notRun('customer search', 'p99 <= 10 ms', 'no bench_local_store figures');
  notRun('order creation', 'p99 <= 5 ms', 'no bench_local_store figures');
}
// App cold start (bench_cold_start): exec to the main window's first frame, beside the floor.
if (coldStart) {
  const k = coldStart.karvan;
  const f = coldStart.floor;
  add(`app cold start to first frame (store of ${n(coldStart.customers)} customers, ${coldStart.platform}, ${coldStart.runs} runs)`,
    `p50 ${n(k.first_frame_p50_ms)} ms, max ${n(k.first_frame_max_ms)} ms (with the store's data: p50 ${n(k.ready_frame_p50_ms)} ms, max ${n(k.ready_frame_max_ms)} ms)`,
    `minimal QML window, same Qt: p50 ${n(f.first_frame_p50_ms)} ms, max ${n(f.first_frame_max_ms)} ms`,
    `${n(k.first_frame_p50_ms / f.first_frame_p50_ms, 1)}x`, '—', null,
    { p50_ms: k.first_frame_p50_ms, max_ms: k.first_frame_max_ms, floor_p50_ms: f.first_frame_p50_ms });
} else {
  notRun('app cold start to first frame', '—', 'no bench_cold_start figures');
}

const mark = (met) => (met === true ? 'yes' : met === false ? '**no**' : '—');
const size = args.size ?? hqLoad?.size ?? local?.size ?? '?';
let md = `# Karvan benchmarks (${size} demo set)\n\n`
  + '| measure | Karvan | reference (same run) | ratio | target | met |\n|---|---|---|---|---|---|\n';
for (const r of rows) md += `| ${r.measure} | ${r.karvan} | ${r.reference} | ${r.ratio} | ${r.target} | ${mark(r.met)} |\n`;
md += `\n${cpus().length} CPUs (${cpus()[0]?.model ?? 'unknown'}), load average at the end ${loadavg().map((v) => n(v, 2)).join(' / ')}.`
  + '\n\nDetails: local_store.md, cold_start.md, sync.md, pouchdb.json, concurrency.md; how each figure is measured: docs/benchmarks.md.\n';
if (sync?.profiled) md += '\nNOTE: bench_sync ran under perf: its initial sync figures are slower than without.\n';
process.stdout.write(md);
if (args.md) writeFileSync(args.md, md);
if (args.json) {
  writeFileSync(args.json, `${JSON.stringify({
    size, machine: { cpus: cpus().length, loadavg_at_end: loadavg() }, rows,
    inputs: { hq_load: hqLoad, local_store: local, cold_start: coldStart, sync, pouchdb: peer, concurrency: conc },
  }, null, 2)}\n`);
}
