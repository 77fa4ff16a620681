import { createPrivateKey, createPublicKey, generateKeyPairSync, randomBytes } from 'node:crypto';
import { mkdirSync, readFileSync, writeFileSync, existsSync } from 'node:fs';
import { join } from 'node:path';
import { calculateJwkThumbprint, exportJWK, importPKCS8, importSPKI, type CryptoKey, type JWK } from 'jose';
import { REGISTRY_NAMES, envPrefix, type RegistryName } from '../catalog';
import { dataDir } from './config';

/**
 * Key material. Two kinds:
 * - user tokens (what clients send): HS256 with a secret generated into .data/keys on first start,
 *   or, in production, RS256 checked against JWT_PUBLIC_KEY or JWT_JWKS_URL from your identity provider;
 * - gateway assertions (what the gateway signs into each subgraph request): Ed25519, so subgraphs
 *   hold only the public half and cannot mint requests to each other;
 * - registry keys: an Ed25519 pair per registry, with which a registry proves itself (a delegated
 *   call through the gateway, a signed access-log checkpoint). The gateway and auditors hold the
 *   public halves; the registry's database holds neither.
 */

export const GATEWAY_ASSERTION_ALG = 'EdDSA';

export function keysDir(): string {
  return join(dataDir(), 'keys');
}

/**
 * Creates .data/keys (private to this user) and returns it. The data folder itself is made
 * separately with the default mode: the embedded PostgreSQL may run as another user and must be
 * able to enter it (a recursive mkdir with mode 0o700 would lock it out).
 */
export function ensureKeysDir(): string {
  mkdirSync(dataDir(), { recursive: true });
  mkdirSync(keysDir(), { recursive: true, mode: 0o700 });
  return keysDir();
}

const USER_SECRET_FILE = 'user-token-hs256.secret';
const GATEWAY_PRIVATE_FILE = 'gateway-ed25519.key';
const GATEWAY_PUBLIC_FILE = 'gateway-ed25519.pub';

/** Creates the development keys under .data/keys unless the environment supplies keys. Idempotent. */
export function ensureDevelopmentKeys(): void {
  const dir = ensureKeysDir();
  if (!process.env.JWT_SECRET && !process.env.JWT_PUBLIC_KEY && !process.env.JWT_JWKS_URL) {
    writeOnce(join(dir, USER_SECRET_FILE), randomBytes(32).toString('base64url'));
  }
  if (!process.env.GATEWAY_SIGNING_KEY && !existsSync(join(dir, GATEWAY_PRIVATE_FILE))) {
    const { privateKey, publicKey } = generateKeyPairSync('ed25519');
    writeOnce(join(dir, GATEWAY_PRIVATE_FILE), privateKey.export({ type: 'pkcs8', format: 'pem' }).toString());
    writeOnce(join(dir, GATEWAY_PUBLIC_FILE), publicKey.export({ type: 'spki', format: 'pem' }).toString());
  }
  for (const name of REGISTRY_NAMES) {
    const files = registryKeyFiles(name);
    if (process.env[`${envPrefix(name)}_SIGNING_KEY`] || existsSync(join(dir, files.private))) continue;
    const { privateKey, publicKey } = generateKeyPairSync('ed25519');
    writeOnce(join(dir, files.private), privateKey.export({ type: 'pkcs8', format: 'pem' }).toString());
    writeOnce(join(dir, files.public), publicKey.export({ type: 'spki', format: 'pem' }).toString());
  }
}

function registryKeyFiles(name: RegistryName): { private: string; public: string } {
  return { private: `${name}-ed25519.key`, public: `${name}-ed25519.pub` };
}

function writeOnce(path: string, content: string): void {
  try {
    writeFileSync(path, content, { mode: 0o600, flag: 'wx' });
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
  }
}

function readKeyFile(file: string, envHint: string): string {
  const path = join(keysDir(), file);
  try {
    return readFileSync(path, 'utf8');
  } catch {
    throw new Error(
      `Key file ${path} is missing. Start the stack with \`npm start\` once (it creates the development keys), ` +
        `or set ${envHint}.`,
    );
  }
}

/** How the gateway checks user tokens. */
export type UserTokenVerifier =
  { kind: 'secret'; secret: Uint8Array } | { kind: 'public-key'; key: CryptoKey } | { kind: 'jwks'; url: URL };

export async function loadUserTokenVerifier(): Promise<UserTokenVerifier> {
  if (process.env.JWT_JWKS_URL) return { kind: 'jwks', url: new URL(process.env.JWT_JWKS_URL) };
  if (process.env.JWT_PUBLIC_KEY)
    return { kind: 'public-key', key: await importSPKI(process.env.JWT_PUBLIC_KEY, 'RS256') };
  return { kind: 'secret', secret: await loadUserTokenSecret() };
}

/** The HS256 secret for user tokens (development default, or JWT_SECRET). */
export async function loadUserTokenSecret(): Promise<Uint8Array> {
  const configured = process.env.JWT_SECRET;
  const secret = configured ?? readKeyFile(USER_SECRET_FILE, 'JWT_SECRET').trim();
  const bytes = new TextEncoder().encode(secret);
  if (bytes.length < 32) throw new Error('JWT_SECRET must be at least 32 bytes long');
  return bytes;
}

export function userTokenIssuer(): string {
  return process.env.JWT_ISSUER ?? 'gov-graph';
}

export function userTokenAudience(): string {
  return process.env.JWT_AUDIENCE ?? 'gov-graph';
}

/** The gateway's private signing key (gateway and data tracker only). */
export async function loadGatewaySigningKey(): Promise<CryptoKey> {
  const pem = process.env.GATEWAY_SIGNING_KEY ?? readKeyFile(GATEWAY_PRIVATE_FILE, 'GATEWAY_SIGNING_KEY');
  return importPKCS8(pem, GATEWAY_ASSERTION_ALG);
}

/** The gateway's public key, with which every subgraph checks the assertion on each request. */
export async function loadGatewayPublicKey(): Promise<CryptoKey> {
  const pem = process.env.GATEWAY_PUBLIC_KEY ?? readKeyFile(GATEWAY_PUBLIC_FILE, 'GATEWAY_PUBLIC_KEY');
  return importSPKI(pem, GATEWAY_ASSERTION_ALG);
}

/** A registry's own private key (`<NAME>_SIGNING_KEY`, e.g. NATURAL_PERSON_SIGNING_KEY, or .data/keys). */
export async function loadRegistrySigningKey(name: RegistryName): Promise<CryptoKey> {
  const variable = `${envPrefix(name)}_SIGNING_KEY`;
  return importPKCS8(
    process.env[variable] ?? readKeyFile(registryKeyFiles(name).private, variable),
    GATEWAY_ASSERTION_ALG,
  );
}

/** A registry's private key with its key id: what it signs documents with (a certificate's signed form). */
export interface RegistrySigner {
  key: CryptoKey;
  /** The RFC 7638 thumbprint of the public half: the `kid` of the gateway's JWKS entry. */
  kid: string;
}

/** A registry's signing key and its key id (the public half is derived from the private key). */
export async function loadRegistrySigner(name: RegistryName): Promise<RegistrySigner> {
  const variable = `${envPrefix(name)}_SIGNING_KEY`;
  const pem = process.env[variable] ?? readKeyFile(registryKeyFiles(name).private, variable);
  const jwk = createPublicKey(createPrivateKey(pem)).export({ format: 'jwk' }) as JWK;
  return { key: await importPKCS8(pem, GATEWAY_ASSERTION_ALG), kid: await calculateJwkThumbprint(jwk) };
}

/** The key id of a public key: its RFC 7638 JWK thumbprint (SHA-256, base64url). */
export async function keyId(publicKey: CryptoKey): Promise<string> {
  return calculateJwkThumbprint(await exportJWK(publicKey));
}

/** A JSON Web Key Set (RFC 7517). */
export interface JsonWebKeySet {
  keys: JWK[];
}

/**
 * Every registry's public key as a JWKS, as the gateway serves it at /.well-known/jwks.json: with
 * it anyone verifies what a registry signed (a certificate's signed form) offline, with any JOSE
 * library. Each key names its registry in `registry` (a private member, which JOSE libraries ignore).
 */
export async function registryJwks(publicKeys: Record<RegistryName, CryptoKey>): Promise<JsonWebKeySet> {
  const keys = await Promise.all(
    (Object.entries(publicKeys) as [RegistryName, CryptoKey][]).map(async ([registry, key]) => {
      const jwk = await exportJWK(key);
      return { ...jwk, kid: await calculateJwkThumbprint(jwk), alg: GATEWAY_ASSERTION_ALG, use: 'sig', registry };
    }),
  );
  return { keys };
}

/** Every registry's public key (`<NAME>_PUBLIC_KEY` or .data/keys): what the gateway and auditors check registries with. */
export async function loadRegistryPublicKeys(): Promise<Record<RegistryName, CryptoKey>> {
  const entries = await Promise.all(
    REGISTRY_NAMES.map(async (name) => {
      const variable = `${envPrefix(name)}_PUBLIC_KEY`;
      const pem = process.env[variable] ?? readKeyFile(registryKeyFiles(name).public, variable);
      return [name, await importSPKI(pem, GATEWAY_ASSERTION_ALG)] as const;
    }),
  );
  return Object.fromEntries(entries) as Record<RegistryName, CryptoKey>;
}

/** A fresh in-memory Ed25519 pair (gateway or registry), for tests and tools that run the whole stack in one process. */
export async function generateGatewayKeyPair(): Promise<{ privateKey: CryptoKey; publicKey: CryptoKey }> {
  const { privateKey, publicKey } = generateKeyPairSync('ed25519');
  return {
    privateKey: await importPKCS8(
      privateKey.export({ type: 'pkcs8', format: 'pem' }).toString(),
      GATEWAY_ASSERTION_ALG,
    ),
    publicKey: await importSPKI(publicKey.export({ type: 'spki', format: 'pem' }).toString(), GATEWAY_ASSERTION_ALG),
  };
}
