import { AccessChainSchema, AccessRecordSchema } from '../../shared/access-log/access-record.entity';
import { ExtractRecordSchema, ExtractRunSchema, ExtractSourceSchema, TableBudgetUseSchema } from './extract.entity';

/** Every entity of the statistics database, the access log included. */
export const entities = [
  ExtractRunSchema,
  ExtractSourceSchema,
  ExtractRecordSchema,
  TableBudgetUseSchema,
  AccessRecordSchema,
  AccessChainSchema,
];
