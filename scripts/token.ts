/**
 * `npm run token -- --role <citizen|officer|analyst|auditor> [--sub ID] [--dept CODE] [--scopes a,b] [--ttl 8h]`
 * prints a signed token for the running instance as the last line of its output. Development
 * only: it signs with the instance's HS256 secret (.data/keys or JWT_SECRET). In production your
 * identity provider issues tokens.
 */
import { DEPARTMENTS, ROLES, SCOPE_ACTIONS, SCOPE_REGISTRIES, parseIdentityClaims } from '../subgraphs/shared/identity';
import {
  ensureDevelopmentKeys,
  loadUserTokenSecret,
  userTokenAudience,
  userTokenIssuer,
} from '../subgraphs/shared/keys';
import { signUserToken } from '../subgraphs/shared/demo-tokens';
import { demoCitizen } from '../seeds';

const USAGE = `usage: npm run token -- --role <${ROLES.join('|')}> [--sub ID] [--dept CODE] [--scopes a,b] [--ttl 8h]
  --dept     one of ${DEPARTMENTS.join(', ')} (officers must give one)
  --scopes   <registry>:<action>, registry ${SCOPE_REGISTRIES.join('|')}, action ${SCOPE_ACTIONS.join('|')}
  --sub      a citizen's person id (default: a demo citizen), or a staff id for others
             (default: <role>-<dept>-001, e.g. officer-hrss-001)
  --ttl      lifetime such as 30m, 8h, 2d (default 8h)`;

function parseArgs(argv: string[]): Record<string, string> {
  const args: Record<string, string> = {};
  for (let i = 0; i < argv.length; i += 1) {
    const flag = argv[i];
    if (flag === '--help' || flag === '-h') throw new Error(USAGE);
    if (!flag.startsWith('--')) throw new Error(`unexpected argument ${flag}\n${USAGE}`);
    const value = argv[i + 1];
    if (value === undefined || value.startsWith('--')) throw new Error(`${flag} needs a value\n${USAGE}`);
    args[flag.slice(2)] = value;
    i += 1;
  }
  return args;
}

async function main(): Promise<void> {
  if (process.env.JWT_PUBLIC_KEY || process.env.JWT_JWKS_URL) {
    throw new Error(
      'This instance checks tokens from your identity provider (JWT_PUBLIC_KEY / JWT_JWKS_URL); get tokens there.',
    );
  }
  const args = parseArgs(process.argv.slice(2));
  const known = new Set(['role', 'sub', 'dept', 'scopes', 'ttl']);
  const unknown = Object.keys(args).filter((k) => !known.has(k));
  if (unknown.length > 0) throw new Error(`unknown option --${unknown[0]}\n${USAGE}`);
  if (!args.role) throw new Error(`--role is required\n${USAGE}`);
  const ttl = args.ttl ?? '8h';
  if (!/^\d+[smhd]$/.test(ttl)) throw new Error(`--ttl ${ttl} must look like 30m, 8h or 2d`);

  let sub = args.sub;
  if (!sub && args.role === 'citizen') {
    const citizen = demoCitizen();
    sub = citizen.id;
    console.log(`Citizen: demo person ${citizen.name} (${citizen.id}); pass --sub <person id> for another.`);
  }
  const claims = {
    // Staff of different departments are different people: officer-hrss-001, auditor-data-bureau-001.
    sub: sub ?? `${args.role}-${args.dept ?? 'demo'}-001`,
    role: args.role,
    dept: args.dept,
    scopes: args.scopes
      ? args.scopes
          .split(',')
          .map((s) => s.trim())
          .filter(Boolean)
      : [],
  };
  let identity;
  try {
    identity = parseIdentityClaims(claims); // the gateway's own checks, so a bad token fails here first
  } catch (error) {
    // Say it in terms of this command's options rather than token claims.
    throw new Error(`${(error as Error).message.replace(/claim '(\w+)'/g, '--$1')}\n${USAGE}`);
  }

  ensureDevelopmentKeys();
  const token = await signUserToken(
    identity,
    { secret: await loadUserTokenSecret(), issuer: userTokenIssuer(), audience: userTokenAudience() },
    ttl,
  );
  console.log(
    `Token for ${identity.role} ${identity.sub}${identity.dept ? ` of ${identity.dept}` : ''}` +
      `${identity.scopes.length ? ` with ${identity.scopes.join(', ')}` : ''}, valid ${ttl}:`,
  );
  console.log(token);
}

main().catch((error: Error) => {
  console.error(error.message);
  process.exit(1);
});
