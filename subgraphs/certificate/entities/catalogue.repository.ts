import type { EntityManager } from '@mikro-orm/postgresql';
import { selectEntities } from '../../shared/sql';
import { CertificateTypeSchema, type CertificateType } from './certificate-type.entity';
import { MaterialKindSchema, type MaterialKind } from './material-kind.entity';
import { ServiceRequirementSchema, type ServiceRequirement } from './service-requirement.entity';
import { ServiceSchema, type Service } from './service.entity';

/** Named queries of the published catalogues: certificate types, material kinds, services. One statement each. */
export class CatalogueRepository {
  constructor(private readonly em: EntityManager) {}

  allCertificateTypes(): Promise<CertificateType[]> {
    return selectEntities(this.em, CertificateTypeSchema, 'select * from certificate_type order by position', []);
  }

  certificateTypesByCodes(codes: readonly string[]): Promise<CertificateType[]> {
    return selectEntities(
      this.em,
      CertificateTypeSchema,
      'select * from certificate_type where code = any(?::text[])',
      [codes],
    );
  }

  allMaterialKinds(): Promise<MaterialKind[]> {
    return selectEntities(this.em, MaterialKindSchema, 'select * from material_kind order by position', []);
  }

  materialKindsByCodes(codes: readonly string[]): Promise<MaterialKind[]> {
    return selectEntities(this.em, MaterialKindSchema, 'select * from material_kind where code = any(?::text[])', [
      codes,
    ]);
  }

  /** Every service, or one department's, in published order. */
  services(department: string | null): Promise<Service[]> {
    return department === null
      ? selectEntities(this.em, ServiceSchema, 'select * from service order by position', [])
      : selectEntities(this.em, ServiceSchema, 'select * from service where department = ? order by position', [
          department,
        ]);
  }

  /** Services by code or abbreviation (either may be given). */
  servicesByCodes(codes: readonly string[]): Promise<Service[]> {
    return selectEntities(
      this.em,
      ServiceSchema,
      'select * from service where code = any(?::text[]) or abbreviation = any(?::text[])',
      [codes, codes],
    );
  }

  servicesByIds(ids: readonly string[]): Promise<Service[]> {
    return selectEntities(this.em, ServiceSchema, 'select * from service where id = any(?::uuid[])', [ids]);
  }

  /** The required items of the given services, in their order. */
  requirementsOf(serviceIds: readonly string[]): Promise<ServiceRequirement[]> {
    return selectEntities(
      this.em,
      ServiceRequirementSchema,
      'select * from service_requirement where service_id = any(?::uuid[]) order by service_id, position',
      [serviceIds],
    );
  }
}
