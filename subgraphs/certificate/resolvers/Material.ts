import type { MaterialResolvers, MaterialUseResolvers } from '../generated/graphql';

export const Material: MaterialResolvers = {
  owner: (material) => ({ id: material.ownerId }),
  kind: (material, _args, { loaders }) => loaders.materialKind.load(material.kind),
  uploadedAt: (material) => material.createdAt.toISOString(),
  uploadedBy: (material) => ({
    sub: material.uploadedBySub,
    role: material.uploadedByRole,
    department: material.uploadedByDept,
  }),
  uses: (material, _args, { loaders }) => loaders.materialUses.load(material.id),
  downloadPath: (material) => `/materials/${material.id}`,
};

export const MaterialUse: MaterialUseResolvers = {
  service: (use, _args, { loaders }) => loaders.serviceById.load(use.service),
  usedAt: (use) => use.createdAt.toISOString(),
  usedBy: (use) => ({ sub: use.usedBySub, role: use.usedByRole, department: use.usedByDept }),
};
