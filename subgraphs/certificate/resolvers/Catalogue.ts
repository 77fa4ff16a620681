import type { ServiceRequirementResolvers, ServiceResolvers } from '../generated/graphql';

export const Service: ServiceResolvers = {
  // Other registries link to a service by its code (the assistance registry's programmes); public data.
  __resolveReference: (reference, { loaders }) =>
    typeof reference.code === 'string' && reference.code.length <= 100 ? loaders.service.load(reference.code) : null,
  requiredMaterials: (service, _args, { loaders }) => loaders.requirements.load(service.id),
};

export const ServiceRequirement: ServiceRequirementResolvers = {
  certificateType: (requirement, _args, { loaders }) =>
    requirement.certificateType ? loaders.certificateType.load(requirement.certificateType) : null,
  materialKind: (requirement, _args, { loaders }) =>
    requirement.materialKind ? loaders.materialKind.load(requirement.materialKind) : null,
};
