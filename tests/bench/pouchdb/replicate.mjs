// The peer in issue 6's benchmark: PouchDB replicating the demo company to pouchdb-server's
// stack (express-pouchdb), both ends in memory, over HTTP on loopback.
//
//   node replicate.mjs --file demo.ndjson [--batch-size 100,500] [--batches-limit 10]
//                      [--limit N] [--json OUT]
//
// Loads the NDJSON export (karvan-demo export) into an in-memory source PouchDB (not timed),
// starts server.mjs as a child, then for each batch size times PouchDB.replicate() from the
// source into a fresh remote database until complete, and checks the remote's doc_count.
// --limit N replicates only the first N documents of the file (a documented subset; the output
// says so). Prints one JSON document on stdout; progress goes to stderr.
import { fork } from 'node:child_process';
import { once } from 'node:events';
import { createReadStream } from 'node:fs';
import { writeFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { cpus, loadavg } from 'node:os';
import { createInterface } from 'node:readline';
import { parseArgs } from 'node:util';

const require = createRequire(import.meta.url);
const PouchDB = require('pouchdb-core')
  .plugin(require('pouchdb-adapter-memory'))
  .plugin(require('pouchdb-adapter-http'))
  .plugin(require('pouchdb-replication'));

function fail(reason) {
  process.stderr.write(`replicate.mjs: ${reason}\n`);
  process.exit(2);
}

let args;
try {
  args = parseArgs({ options: {
    file: { type: 'string' },
    'batch-size': { type: 'string', default: '100,500' },
    'batches-limit': { type: 'string', default: '10' },
    limit: { type: 'string' },
    json: { type: 'string' },
  } }).values;
} catch (e) {
  fail(e.message);
}
const positive = (text, what) => {
  const n = Number(text);
  if (!Number.isInteger(n) || n <= 0) fail(`${what} must be a positive whole number`);
  return n;
};
if (!args.file) fail('needs --file FILE.ndjson (karvan-demo export)');
const batchSizes = args['batch-size'].split(',').map((s) => positive(s, '--batch-size'));
const batchesLimit = positive(args['batches-limit'], '--batches-limit');
const limit = args.limit === undefined ? Infinity : positive(args.limit, '--limit');
const log = (line) => process.stderr.write(`${line}\n`);

// 1. The source, in memory: the export's documents in file order (not timed).
const source = new PouchDB('source', { adapter: 'memory' });
let docs = 0;
let fileBytes = 0;
let loadSeconds = 0;
let truncated = false;
{
  const started = process.hrtime.bigint();
  const input = createReadStream(args.file);
  input.on('error', (e) => fail(`cannot read ${args.file}: ${e.message}`));
  const lines = createInterface({ input, crlfDelay: Infinity });
  let batch = [];
  const flush = async () => {
    const results = await source.bulkDocs(batch);
    const bad = results.find((r) => r.error);
    if (bad) fail(`loading the source: ${bad.id}: ${bad.reason || bad.error}`);
    docs += batch.length;
    batch = [];
    if (docs % 100000 < 1000) log(`  source: ${docs} documents`);
  };
  for await (const line of lines) {
    if (!line) continue;
    if (docs + batch.length >= limit) {
      truncated = true;
      break;
    }
    fileBytes += Buffer.byteLength(line) + 1;
    try {
      batch.push(JSON.parse(line));
    } catch {
      fail(`${args.file}: line ${docs + batch.length + 1} is not JSON`);
    }
    if (batch.length === 1000) await flush();
  }
  if (batch.length) await flush();
  input.destroy();
  loadSeconds = Number(process.hrtime.bigint() - started) / 1e9;
  if (docs === 0) fail(`${args.file} holds no documents`);
  log(`source loaded: ${docs} documents (${fileBytes} bytes of NDJSON) in ${loadSeconds.toFixed(1)} s`);
}

// 2. The server, a child process on a free loopback port.
const server = fork(new URL('./server.mjs', import.meta.url), [], {
  execArgv: process.execArgv,
  stdio: ['ignore', 'ignore', 'inherit', 'ipc'],
});
server.on('exit', (code) => { if (code) fail(`the server exited with ${code}`); });
const [{ port }] = await once(server, 'message');
const serverStats = async () => {
  server.send('stats');
  return (await once(server, 'message'))[0];
};

// 3. One timed replication per batch size, each into a fresh remote database.
const runs = [];
for (const batchSize of batchSizes) {
  const url = `http://127.0.0.1:${port}/bench-${batchSize}`;
  const remote = new PouchDB(url);
  await remote.info(); // creates it, outside the timing
  const before = await serverStats();
  const load = loadavg()[0];
  log(`replicating ${docs} documents, batch_size ${batchSize}, batches_limit ${batchesLimit}...`);
  const started = process.hrtime.bigint();
  const cpuBefore = process.cpuUsage();
  let reported = 0;
  const result = await PouchDB.replicate(source, remote, {
    batch_size: batchSize,
    batches_limit: batchesLimit,
  }).on('change', (info) => {
    if (info.docs_written - reported >= 100000) {
      reported = info.docs_written;
      const s = Number(process.hrtime.bigint() - started) / 1e9;
      log(`  written ${reported} in ${s.toFixed(0)} s`);
    }
  });
  const seconds = Number(process.hrtime.bigint() - started) / 1e9;
  const cpu = process.cpuUsage(cpuBefore);
  const after = await serverStats();
  const info = await remote.info();
  if (result.status !== 'complete' || result.docs_written !== docs || info.doc_count !== docs) {
    fail(`replication incomplete: status ${result.status}, written ${result.docs_written}, `
      + `remote holds ${info.doc_count} of ${docs}`);
  }
  const run = {
    batch_size: batchSize,
    batches_limit: batchesLimit,
    docs,
    seconds,
    docs_per_s: docs / seconds,
    client_cpu_seconds: (cpu.user + cpu.system) / 1e6,
    server_cpu_seconds: after.cpuSeconds - before.cpuSeconds,
    loadavg_1m_at_start: load,
    bytes: (after.bytesRead - before.bytesRead) + (after.bytesWritten - before.bytesWritten),
  };
  log(`  ${docs} documents in ${seconds.toFixed(1)} s: ${run.docs_per_s.toFixed(0)} docs/s`);
  runs.push(run);
  await remote.destroy(); // frees the server's memory for the next run
}

const stats = await serverStats();
server.send('stop');
const out = {
  peer: 'PouchDB replicate() to express-pouchdb (the pouchdb-server stack), both in memory (memdown), HTTP on 127.0.0.1',
  versions: {
    node: process.versions.node,
    'pouchdb-core': require('pouchdb-core/package.json').version,
    'express-pouchdb': require('express-pouchdb/package.json').version,
    memdown: require('memdown/package.json').version,
  },
  file: args.file,
  file_docs_used: docs,
  subset: truncated ? `the first ${docs} documents of ${args.file}` : null,
  ndjson_bytes: fileBytes,
  source_load_seconds: loadSeconds,
  machine: { cpus: cpus().length, loadavg_1_5_15_at_end: loadavg() },
  client_max_rss_bytes: process.resourceUsage().maxRSS * 1024,
  server_max_rss_bytes: stats.maxRssBytes,
  runs,
};
const text = `${JSON.stringify(out, null, 2)}\n`;
if (args.json) await writeFile(args.json, text);
process.stdout.write(text);
process.exit(0);
