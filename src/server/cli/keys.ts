/**
 * npm run keys -- create --name "Lab X" --role contributor|curator|admin
 * npm run keys -- list
 * npm run keys -- revoke <id>
 *
 * Manages the API keys that writes need (services/curation/apiKeys.service.ts) in the configured Neo4j
 * (the bundled one started if needed and stopped again if this process started it). `create` prints the
 * key once on stdout (`key  ipk_<id>_<secret>`) with its id, name and role: only its hash is stored, so it
 * cannot be shown again. `list` prints every key (id, role, created, revoked, name), never a hash.
 * `revoke` makes a key fail from its next request on. Logs go to stderr.
 * Exit code 2 for a bad argument (checked before Neo4j is started), 1 for an unknown id or other errors.
 */
import os from 'node:os';
import { parseArgs } from 'node:util';
import { isRole, ROLES } from '../../domain/curation/roles.js';
import { ApiKeyStore } from '../../graph/apiKey.store.js';
import type { ApiKeyRecord } from '../../graph/apiKey.store.js';
import { applySchema } from '../../graph/schemaBootstrap.js';
import { ApiKeysService, KEY_NAME_MAX } from '../../services/curation/apiKeys.service.js';
import { InvalidArgumentError } from '../../services/errors.js';
import { loadConfig } from '../config.js';
import { createLogger } from '../logger.js';
import { connectNeo4j } from '../neo4jConnection.js';
import { projectPath } from '../paths.js';

const USAGE = `usage:
  npm run keys -- create --name "<who holds it>" --role ${ROLES.join('|')}
  npm run keys -- list
  npm run keys -- revoke <id>`;

type Command = { kind: 'create'; name: string; role: string } | { kind: 'list' } | { kind: 'revoke'; id: string };

/** The command the arguments ask for; throws an Error with the problem otherwise. */
function readCommand(argv: string[]): Command {
  const { values, positionals } = parseArgs({ args: argv, allowPositionals: true, strict: true, options: { name: { type: 'string' }, role: { type: 'string' } } });
  const [command, ...rest] = positionals;
  if (command === 'create') {
    if (rest.length > 0) throw new Error(`create takes no positional argument, got '${rest.join(' ')}'`);
    const name = values.name?.trim() ?? '';
    if (name.length === 0 || name.length > KEY_NAME_MAX) throw new Error(`--name: give who holds the key, 1–${KEY_NAME_MAX} characters`);
    if (!values.role || !isRole(values.role)) throw new Error(`--role: must be one of ${ROLES.join(', ')}${values.role ? `, got '${values.role}'` : ''}`);
    return { kind: 'create', name, role: values.role };
  }
  if (values.name !== undefined || values.role !== undefined) throw new Error('--name and --role belong to create');
  if (command === 'list' && rest.length === 0) return { kind: 'list' };
  if (command === 'revoke' && rest.length === 1) return { kind: 'revoke', id: rest[0]! };
  throw new Error(command ? `'${positionals.join(' ')}' is not a command` : 'no command given');
}

/** Who runs this command, for createdBy/revokedBy. */
function operator(): string {
  try {
    return `command line (${os.userInfo().username})`;
  } catch {
    return 'command line';
  }
}

function row(k: ApiKeyRecord): string {
  return [k.id, k.role.padEnd(11), k.createdAt, (k.revokedAt ?? '-').padEnd(24), k.name].join('  ');
}

async function run(service: ApiKeysService, command: Command): Promise<number> {
  switch (command.kind) {
    case 'create': {
      const { key, record } = await service.create(command.name, command.role, operator());
      console.log(`id    ${record.id}\nname  ${record.name}\nrole  ${record.role}\nkey   ${key}`);
      console.error('The key is shown only this once (only its hash is stored): give it to its holder now. Clients send it as "Authorization: Bearer <key>".');
      return 0;
    }
    case 'list': {
      const keys = await service.list();
      console.log(['id'.padEnd(16), 'role'.padEnd(11), 'created'.padEnd(24), 'revoked'.padEnd(24), 'name'].join('  '));
      for (const k of keys) console.log(row(k));
      return 0;
    }
    case 'revoke': {
      const revoked = await service.revoke(command.id, operator());
      if (!revoked) {
        console.error(`no key has the id ${command.id} (npm run keys -- list)`);
        return 1;
      }
      console.log(`revoked ${revoked.id} (${revoked.name}, ${revoked.role}) at ${revoked.revokedAt}`);
      return 0;
    }
  }
}

let command: Command;
try {
  command = readCommand(process.argv.slice(2));
} catch (e) {
  console.error(`${e instanceof Error ? e.message : String(e)}\n${USAGE}`);
  process.exit(2);
}

const config = loadConfig();
const logger = createLogger(config.logLevel === 'info' ? 'warn' : config.logLevel, Boolean(process.stderr.isTTY), 2);
const { db, local } = await connectNeo4j(config, logger);
try {
  await applySchema(db, projectPath('schema', 'neo4j'));
  process.exitCode = await run(new ApiKeysService(new ApiKeyStore(db)), command);
} catch (e) {
  if (e instanceof InvalidArgumentError) {
    console.error(`${e.message}\n${USAGE}`);
    process.exitCode = 2;
  } else {
    logger.error({ err: e }, 'keys failed');
    process.exitCode = 1;
  }
} finally {
  await db.close();
  await local?.stopIfOwner();
}
