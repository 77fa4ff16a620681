import type { ConsentGrantResolvers } from '../generated/graphql';

export const ConsentGrant: ConsentGrantResolvers = {
  __resolveReference: (reference, { loaders }) => loaders.consentGrant.load(reference.id),
  request: (grant, _args, { loaders }) => loaders.consentRequest.load(grant.requestId),
  person: (grant, _args, { loaders }) => loaders.person.load(grant.personId),
  validUntil: (grant) => grant.validUntil.toISOString(),
  grantedAt: (grant) => grant.createdAt.toISOString(),
  revokedAt: (grant) => grant.revokedAt?.toISOString() ?? null,
  active: (grant) => grant.revokedAt == null && grant.validUntil.getTime() > Date.now(),
};
