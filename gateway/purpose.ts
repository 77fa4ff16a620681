import { badUserInput } from '../subgraphs/shared/errors';
import { purposeProblem } from '../subgraphs/shared/identity';

/**
 * The X-Purpose header, decoded as UTF-8 (HTTP hands header bytes over as Latin-1). A bad one is
 * refused with BAD_USER_INPUT (HTTP 400) naming the header and the rule.
 */
export function readPurpose(header: string | null | undefined): string | null {
  if (header === undefined || header === null) return null;
  const decoded = Buffer.from(header, 'latin1').toString('utf8');
  const purpose = (decoded.includes('\ufffd') ? header : decoded).trim();
  const problem = purposeProblem(purpose);
  if (problem) throw badUserInput('X-Purpose', 'purpose', problem, 400);
  return purpose;
}
