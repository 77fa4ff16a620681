import { randomBytes } from 'node:crypto';
import { CompactSign } from 'jose';
import { canonicalJson } from '../shared/assertion';
import { GATEWAY_ASSERTION_ALG, type RegistrySigner } from '../shared/keys';
import type { CertificateAttributes } from './certificate-types';
import type { CertificateTypeCode } from './entities/certificate-type.entity';

/**
 * A certificate's signed form (DigiLocker, GB/T 36905): a compact JWS, EdDSA over Ed25519 with
 * the certificate registry's own key, whose payload is the canonical JSON of the document's
 * content: type, number, holder, issuer, dates, attributes and verification code. The document
 * prints the holder's name and identifier as they were on the day of issue (printedName,
 * printedIdentifier, and a marriage certificate's other spouse): that is the document, not a
 * second copy of the natural-person or legal-person registry, which stay the source of a person's
 * or an organization's current data.
 *
 * The content is derived from the certificate's row and signed when the signed form is read:
 * Ed25519 signatures are deterministic, so the same content and key always give the same JWS, and
 * the registry's key never has to be near the seed data. Revocation is not part of the document
 * (ask verifyCertificate for the status); renewal changes the dates and so gives a new signed form.
 * Anyone verifies it offline against the gateway's /.well-known/jwks.json (`kid` in the header).
 */

/** The JOSE `typ` of a signed form, so that no other JWS a registry signs passes for one. */
export const SIGNED_FORM_TYPE = 'gov-graph-certificate+jws';

/** How the holder is printed on the document. */
export type PrintedHolder =
  | { kind: 'PERSON'; id: string; name: string; idNumber: string }
  | { kind: 'ORGANIZATION'; creditCode: string; name: string };

/** The document's content. Version 1. */
export interface CertificateContent {
  v: 1;
  id: string;
  type: CertificateTypeCode;
  number: string;
  holder: PrintedHolder;
  issuingDepartment: string;
  issuingAuthority: string;
  issuedOn: string;
  /** null: long-term. */
  validUntil: string | null;
  attributes: CertificateAttributes | null;
  verificationCode: string;
}

/** The fields of a certificate its content is made of. */
export interface DocumentFields {
  id: string;
  type: CertificateTypeCode;
  number: string;
  holderKind: 'PERSON' | 'ORGANIZATION';
  holderPersonId?: string | null;
  holderCreditCode?: string | null;
  printedName: string;
  printedIdentifier: string;
  issuingDepartment: string;
  issuingAuthority: string;
  issuedOn: string;
  validUntil?: string | null;
  attributes?: CertificateAttributes | null;
  verificationCode: string;
}

export function certificateContent(certificate: DocumentFields): CertificateContent {
  return {
    v: 1,
    id: certificate.id,
    type: certificate.type,
    number: certificate.number,
    holder:
      certificate.holderKind === 'PERSON'
        ? {
            kind: 'PERSON',
            id: certificate.holderPersonId!,
            name: certificate.printedName,
            idNumber: certificate.printedIdentifier,
          }
        : { kind: 'ORGANIZATION', creditCode: certificate.holderCreditCode!, name: certificate.printedName },
    issuingDepartment: certificate.issuingDepartment,
    issuingAuthority: certificate.issuingAuthority,
    issuedOn: certificate.issuedOn,
    validUntil: certificate.validUntil ?? null,
    attributes: certificate.attributes ?? null,
    verificationCode: certificate.verificationCode,
  };
}

/** Signs a certificate's content: a compact JWS whose payload is its canonical JSON (UTF-8). */
export async function signCertificate(certificate: DocumentFields, signer: RegistrySigner): Promise<string> {
  return new CompactSign(new TextEncoder().encode(canonicalJson(certificateContent(certificate))))
    .setProtectedHeader({ alg: GATEWAY_ASSERTION_ALG, kid: signer.kid, typ: SIGNED_FORM_TYPE })
    .sign(signer.key);
}

// ---------------------------------------------------------------------------------------------
// Verification codes: 16 characters of Crockford's base 32 (80 bits), printed in groups of four.

const CROCKFORD = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';
export const VERIFICATION_CODE_LENGTH = 16;

/** 16 Crockford base-32 characters from 10 bytes (80 bits), e.g. for seeds from a seeded generator. */
export function verificationCodeFromBytes(bytes: Uint8Array): string {
  if (bytes.length !== 10) throw new Error('a verification code is made of exactly 10 bytes (80 bits)');
  let bits = 0;
  let value = 0;
  let out = '';
  for (const byte of bytes) {
    value = (value << 8) | byte;
    bits += 8;
    while (bits >= 5) {
      out += CROCKFORD[(value >>> (bits - 5)) & 31];
      bits -= 5;
    }
    value &= (1 << bits) - 1;
  }
  return out;
}

/** A fresh verification code with 80 bits from the operating system's random source. */
export function newVerificationCode(): string {
  return verificationCodeFromBytes(randomBytes(10));
}

/** As printed: four groups of four, e.g. 7K2M-Q9XD-4HTR-B1ZC. */
export function formatVerificationCode(code: string): string {
  return code.match(/.{4}/g)!.join('-');
}

/**
 * A code as typed by a person, normalised (upper case; spaces and hyphens dropped; O read as 0,
 * I and L as 1, as Crockford's alphabet intends), or null when it cannot be a verification code.
 */
export function normaliseVerificationCode(input: string): string | null {
  if (input.length > 64) return null;
  const code = input.toUpperCase().replace(/[\s-]/g, '').replace(/O/g, '0').replace(/[IL]/g, '1');
  if (code.length !== VERIFICATION_CODE_LENGTH) return null;
  for (const character of code) if (!CROCKFORD.includes(character)) return null;
  return code;
}

/** A person's name as verification shows it: the first character, then one * per other character (张*). */
export function maskName(name: string): string {
  const characters = [...name];
  return characters[0] + '*'.repeat(Math.max(1, characters.length - 1));
}
