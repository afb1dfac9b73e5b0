// The peer's server: express-pouchdb over the in-memory adapter (memdown), the same stack
// `pouchdb-server --in-memory` runs, minus its CLI, config and log files. Started by
// replicate.mjs as a child process so client and server each get their own core and heap.
// Listens on 127.0.0.1 at a free port, reports it over IPC, and answers "stats" with the
// bytes its sockets read and wrote, its CPU time and its peak RSS.
import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);
const express = require('express');
const expressPouchDB = require('express-pouchdb');
const PouchDB = require('pouchdb-core')
  .plugin(require('pouchdb-adapter-memory'))
  .plugin(require('pouchdb-mapreduce'))
  .plugin(require('pouchdb-replication'));

const MemoryPouch = PouchDB.defaults({ adapter: 'memory' });
const app = express();
app.use('/', expressPouchDB(MemoryPouch, { mode: 'minimumForPouchDB', inMemoryConfig: true }));

const sockets = new Set();
let closedRead = 0;
let closedWritten = 0;
const server = app.listen(0, '127.0.0.1', () => {
  process.send({ port: server.address().port });
});
server.on('connection', (socket) => {
  sockets.add(socket);
  socket.on('close', () => {
    closedRead += socket.bytesRead;
    closedWritten += socket.bytesWritten;
    sockets.delete(socket);
  });
});

process.on('message', (message) => {
  if (message === 'stats') {
    let read = closedRead;
    let written = closedWritten;
    for (const s of sockets) {
      read += s.bytesRead;
      written += s.bytesWritten;
    }
    const cpu = process.cpuUsage();
    process.send({ bytesRead: read, bytesWritten: written, cpuSeconds: (cpu.user + cpu.system) / 1e6,
                   maxRssBytes: process.resourceUsage().maxRSS * 1024 });
  } else if (message === 'stop') {
    process.exit(0);
  }
});
process.on('disconnect', () => process.exit(0));
