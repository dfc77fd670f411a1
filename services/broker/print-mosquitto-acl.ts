import { readFile } from 'node:fs/promises';
import { parseArgs } from 'node:util';
import { z } from 'zod';
import { Role } from '../../shared/auth/claims';
import { Id, ID_PATTERN } from '../../shared/protocol/ids';
import { DEMO_ACCOUNTS } from '../auth/users';
import { serviceUserId } from '../../shared/auth/client-id';
import { mosquittoAcl, type MosquittoUser } from './mosquitto-acl';

const USAGE = `Usage: npx tsx services/broker/print-mosquitto-acl.ts [users.json] [--root ROOT] > classroom.acl

Prints a Mosquitto acl_file equivalent to the protocol's ACL table (shared/protocol/acl.ts).
users.json is a list of {"username": "...", "role": "teacher|student|supervisor|service", "classes": [...] | "*"}.
Without it, the ACL covers the local demo accounts and one user per backend service (svc-board, svc-moderation, ...).`;

/** The backend's services, each of which connects as its own user svc-<name>. */
const BACKEND_SERVICES = ['board', 'moderation', 'directory', 'simulator', 'media', 'sfu', 'dispatcher', 'tagger'];

const Users = z.array(z.object({ username: Id, role: Role, classes: z.union([z.literal('*'), z.array(Id)]) }).strict());

async function main(): Promise<void> {
  const { values, positionals } = parseArgs({ options: { root: { type: 'string' }, help: { type: 'boolean' } }, allowPositionals: true });
  if (values.help || positionals.length > 1) {
    console.log(USAGE);
    process.exit(values.help ? 0 : 2);
  }
  if (values.root !== undefined && !ID_PATTERN.test(values.root)) throw new Error(`--root must be an id, got ${JSON.stringify(values.root)}`);
  let users: MosquittoUser[] = [
    ...DEMO_ACCOUNTS.map(({ username, role, classes }) => ({ username, role, classes })),
    ...BACKEND_SERVICES.map((name) => ({ username: serviceUserId(name), role: 'service' as const, classes: '*' as const })),
  ];
  if (positionals[0]) {
    const parsed = Users.safeParse(JSON.parse(await readFile(positionals[0], 'utf8')));
    if (!parsed.success) {
      throw new Error(parsed.error.issues.map((issue) => `${positionals[0]}: ${issue.path.join('.')}: ${issue.message}`).join('\n'));
    }
    users = parsed.data;
  }
  process.stdout.write(mosquittoAcl(users, values.root));
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
