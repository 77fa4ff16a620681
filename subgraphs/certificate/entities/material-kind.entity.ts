import { defineEntity, p, type InferEntity } from '@mikro-orm/postgresql';

/** A kind of material a service can ask for (income proof, application form, ...). Reference data. */
export const MaterialKindSchema = defineEntity({
  name: 'MaterialKind',
  tableName: 'material_kind',
  properties: {
    code: p.string().length(40).primary(),
    /** Order in the published list. */
    position: p.smallint(),
    name: p.string().length(50),
    description: p.string().length(300),
  },
});

export type MaterialKind = InferEntity<typeof MaterialKindSchema>;
