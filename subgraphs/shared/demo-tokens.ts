import { SignJWT } from 'jose';
import type { Identity } from './identity';

/**
 * Development tokens: what `npm run token` prints and what the web pages' development sign-in
 * offers. Signed with the instance's HS256 secret, so they exist only where the gateway checks
 * tokens with that secret; in production the city's identity provider signs people in.
 */

export interface UserTokenSigning {
  secret: Uint8Array;
  issuer: string;
  audience: string;
}

/** Signs a user token for an identity, as the identity provider would issue it. */
export async function signUserToken(identity: Identity, signing: UserTokenSigning, ttl = '8h'): Promise<string> {
  return new SignJWT({ role: identity.role, dept: identity.dept ?? undefined, scopes: identity.scopes })
    .setProtectedHeader({ alg: 'HS256' })
    .setSubject(identity.sub)
    .setIssuer(signing.issuer)
    .setAudience(signing.audience)
    .setIssuedAt()
    .setExpirationTime(ttl)
    .sign(signing.secret);
}

/** One person the development sign-in page offers, with a fresh token. */
export interface DemoSignIn {
  /** Stable key, e.g. `citizen`. */
  id: string;
  /** Who it is, in the pages' language. */
  label: string;
  /** What they may do, in the pages' language. */
  description: string;
  identity: Identity;
  token: string;
}

/** The demo people of the pages, by what each page needs; the citizen is the demo data's citizen. */
export function demoIdentities(citizen: { id: string; name: string }): Omit<DemoSignIn, 'token'>[] {
  return [
    {
      id: 'citizen',
      label: `市民 ${citizen.name}`,
      description: '查看本人信息、户籍、证照、材料和谁查看了我的数据',
      identity: { sub: citizen.id, role: 'citizen', dept: null, scopes: [] },
    },
    {
      id: 'caseworker',
      label: '民政局窗口工作人员 officer-civil-affairs-001',
      description: '按办件编号查询申请人、核对材料是否齐全；审核救助申请、查看电子监察',
      identity: {
        sub: 'officer-civil-affairs-001',
        role: 'officer',
        dept: 'civil-affairs',
        scopes: [
          'person:read:sensitive',
          'certificate:read:sensitive',
          'certificate:write',
          'organization:read',
          'assistance:read',
          'assistance:read:sensitive',
          'assistance:write',
        ],
      },
    },
    {
      id: 'supervisor',
      label: '电子监察员 officer-data-bureau-001',
      description: '查看社会救助在办案件的绿灯、黄灯、红灯和按时办结率（不能查看案卷）',
      identity: { sub: 'officer-data-bureau-001', role: 'officer', dept: 'data-bureau', scopes: ['assistance:read'] },
    },
    {
      id: 'analyst',
      label: '统计局分析员 analyst-statistics-001',
      description: '按指标和维度查询统计表（小格抑制、扰动保护），查看图表、下载 CSV',
      identity: { sub: 'analyst-statistics-001', role: 'analyst', dept: 'statistics', scopes: [] },
    },
  ];
}

/** Every demo person with a token valid for `ttl`. */
export async function demoSignIns(
  citizen: { id: string; name: string },
  signing: UserTokenSigning,
  ttl = '8h',
): Promise<DemoSignIn[]> {
  return Promise.all(
    demoIdentities(citizen).map(async (demo) => ({ ...demo, token: await signUserToken(demo.identity, signing, ttl) })),
  );
}
