#!/usr/bin/env node
// A CouchDB-compatible server for the integration tests (not CouchDB: Debian has none): PouchDB
// behind express-pouchdb, the CouchDB HTTP API PouchDB's own test suite runs against, kept in
// memory. One server admin, COUCH_USER with COUCH_PASSWORD, so the admin party is over: a wrong
// password is refused (401), and a database whose _security names members refuses anonymous
// reads.
//
// Usage: NODE_PATH=<node_modules> couch_server.js HOST PORT DIR

'use strict';

const fs = require('fs');
const path = require('path');
const express = require('express');
const Auth = require('pouchdb-auth');
const basicAuth = require('basic-auth');
const PouchDB = require('pouchdb-core')
  .plugin(require('pouchdb-adapter-memory'))
  .plugin(require('pouchdb-adapter-http'))
  .plugin(require('pouchdb-mapreduce'))
  .plugin(require('pouchdb-replication'));

const [host, portText, dir] = process.argv.slice(2);
const port = Number(portText);
const user = process.env.COUCH_USER;
const password = process.env.COUCH_PASSWORD;
if (!host || !port || !dir || !user || !password) {
  console.error('usage: COUCH_USER=… COUCH_PASSWORD=… couch_server.js HOST PORT DIR');
  process.exit(2);
}

const MemoryPouch = PouchDB.defaults({ adapter: 'memory' });

// The admin goes into a fresh config file before express-pouchdb reads it (setting it through
// express-pouchdb's config at run time races with its own writes of that file).
Auth.hashAdminPasswords({ [user]: password }).then((hashed) => {
  const configPath = path.join(dir, 'config.json');
  fs.writeFileSync(configPath, JSON.stringify({ admins: { [user]: hashed[user] } }), { mode: 0o600 });
  const couch = require('express-pouchdb')(MemoryPouch, {
    configPath,
    logPath: path.join(dir, 'couch.log'),
    // Fauxton (the web UI) is not needed and is not installed.
    overrideMode: { exclude: ['routes/fauxton'] },
  });
  const app = express();
  // CouchDB lets only server admins create or delete a database. express-pouchdb 4.2 crashes
  // on such a request from anyone else (its security wrapper turns the constructor into a
  // promise), so refuse it here first, as CouchDB would.
  app.use((req, res, next) => {
    const oneSegment = /^\/[^/_][^/]*\/?$/.test(req.path);
    if (oneSegment && (req.method === 'PUT' || req.method === 'DELETE')) {
      const given = basicAuth(req);
      if (!given || given.name !== user || given.pass !== password) {
        res.status(401).json({ error: 'unauthorized', reason: 'You are not a server admin.' });
        return;
      }
    }
    next();
  });
  app.use('/', couch);
  app.listen(port, host, () => console.log(`couch_server: listening on ${host}:${port}`));
});
