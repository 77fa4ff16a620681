import { AccessChainSchema, AccessRecordSchema } from '../../shared/access-log/access-record.entity';
import { ConsentGrantSchema, ConsentRequestSchema } from './consent.entity';
import { HouseholdMemberSchema } from './household-member.entity';
import { HouseholdSchema } from './household.entity';
import { PersonHistorySchema } from './person-history.entity';
import { PersonSchema } from './person.entity';

/** Every entity of the natural-person database, the access log included. */
export const entities = [
  PersonSchema,
  HouseholdSchema,
  HouseholdMemberSchema,
  ConsentRequestSchema,
  ConsentGrantSchema,
  PersonHistorySchema,
  AccessRecordSchema,
  AccessChainSchema,
];
