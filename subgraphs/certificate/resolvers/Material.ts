import type { MaterialResolvers, MaterialUseResolvers } from '../generated/graphql';
import { provenanceOf } from '../../shared/provenance';
import { permissions } from '../permissions';

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

  // A material never changes after upload, so its row says who supplied each value and when;
  // only its uses are written later (recordMaterialUse records them in field_write).
  provenance: (material, { fields }, ctx, info) =>
    provenanceOf({
      registry: 'certificate',
      rules: permissions,
      typeName: 'Material',
      recordId: material.id,
      parent: material,
      fields,
      ctx,
      info,
      notValues: ['id'],
      unrecorded: {
        department: material.uploadedByDept ?? null,
        changedAt: material.createdAt.toISOString(),
        suppliedBy: material.uploadedByRole === 'citizen' ? 'CITIZEN' : 'AUTHORITY',
        recorded: true,
      },
    }),
};

export const MaterialUse: MaterialUseResolvers = {
  service: (use, _args, { loaders }) => loaders.serviceById.load(use.service),
  usedAt: (use) => use.createdAt.toISOString(),
  usedBy: (use) => ({ sub: use.usedBySub, role: use.usedByRole, department: use.usedByDept }),
};
