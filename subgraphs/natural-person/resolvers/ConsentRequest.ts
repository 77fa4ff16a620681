import type { ConsentRequestResolvers } from '../generated/graphql';
import { previewOf } from '../consent';

export const ConsentRequest: ConsentRequestResolvers = {
  __resolveReference: (reference, { loaders }) => loaders.consentRequest.load(reference.id),
  person: (request, _args, { loaders }) => loaders.person.load(request.personId),
  requestedAt: (request) => request.createdAt.toISOString(),
  validUntil: (request) => request.validUntil.toISOString(),
  answeredAt: (request) => request.answeredAt?.toISOString() ?? null,
  grant: (request, _args, { loaders }) => loaders.grantOfRequest.load(request.id),
  preview: (request, _args, ctx) => previewOf(request, ctx),
};
