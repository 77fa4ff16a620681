import { AccessChainSchema, AccessRecordSchema } from '../../shared/access-log/access-record.entity';
import { CertificateTypeSchema } from './certificate-type.entity';
import { CertificateSchema } from './certificate.entity';
import { MaterialContentSchema } from './material-content.entity';
import { MaterialKindSchema } from './material-kind.entity';
import { MaterialUseSchema } from './material-use.entity';
import { MaterialSchema } from './material.entity';
import { ServiceRequirementSchema } from './service-requirement.entity';
import { ServiceSchema } from './service.entity';

/** Every entity of the certificate database, the access log included. */
export const entities = [
  CertificateTypeSchema,
  MaterialKindSchema,
  ServiceSchema,
  ServiceRequirementSchema,
  CertificateSchema,
  MaterialSchema,
  MaterialContentSchema,
  MaterialUseSchema,
  AccessRecordSchema,
  AccessChainSchema,
];
