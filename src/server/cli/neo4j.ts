/**
 * Manual control of the bundled Neo4j: npm run neo4j -- start | stop | status | password
 * A server started here is reused by `npm start` and left running when the API stops.
 */
import { loadConfig } from '../config.js';
import { localNeo4jStatus, markManuallyOwned, startLocalNeo4j, stopLocalNeo4j } from '../localNeo4j.js';
import { readFile } from 'node:fs/promises';
import path from 'node:path';

const config = loadConfig();
if (config.neo4j.mode !== 'local') {
  console.error('NEO4J_URI is set: the bundled Neo4j is not used.');
  process.exit(2);
}
const { home } = config.neo4j;
const command = process.argv[2] ?? 'status';

switch (command) {
  case 'start': {
    const n = await startLocalNeo4j({ ...config.neo4j, log: console.log, ownerPid: 0 });
    await markManuallyOwned(home);
    console.log(`Neo4j runs at ${n.uri} (pid ${n.pid}); user neo4j, password in ${path.join(home, 'password')}`);
    break;
  }
  case 'stop':
    console.log((await stopLocalNeo4j(home)) ? 'stopped' : 'not running');
    break;
  case 'status': {
    const s = await localNeo4jStatus(home);
    console.log(s.running ? `running (pid ${s.pid}) on bolt://127.0.0.1:${config.neo4j.boltPort}` : 'not running');
    break;
  }
  case 'password':
    console.log((await readFile(path.join(home, 'password'), 'utf8')).trim());
    break;
  default:
    console.error(`unknown command '${command}': use start, stop, status or password`);
    process.exit(2);
}
