import type { ServiceRequirementResolvers, ServiceResolvers } from '../generated/graphql';

export const Service: ServiceResolvers = {
  requiredMaterials: (service, _args, { loaders }) => loaders.requirements.load(service.id),
};

export const ServiceRequirement: ServiceRequirementResolvers = {
  certificateType: (requirement, _args, { loaders }) =>
    requirement.certificateType ? loaders.certificateType.load(requirement.certificateType) : null,
  materialKind: (requirement, _args, { loaders }) =>
    requirement.materialKind ? loaders.materialKind.load(requirement.materialKind) : null,
};
