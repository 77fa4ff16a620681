import { PermanentDeliveryError, type OutboxHandler } from '../shared/outbox/outbox';
import type { ServiceCaller } from '../shared/service-calls';

/**
 * Delivers an approval's minimum-allowance certificate: the assistance registry, as itself, asks
 * the certificate registry to issue it (service-calls.ts). The certificate registry's issue is
 * idempotent on (type, number) and the number was fixed at approval, so a repeated delivery (the
 * worker died after the certificate registry answered, or the answer was lost) returns the same
 * certificate and never a second one. Refused as invalid: failed for good; anything else: retried.
 */
export function issueMinimumAllowanceHandler(caller: ServiceCaller): OutboxHandler {
  return async (row) => {
    const p = row.payload as {
      reference: string;
      holderPersonId: string;
      number: string;
      issuedOn: string;
      issuingAuthority: string;
      monthlyAmount: string;
      coveredMembers: number;
    };
    const result = await caller.call<{ issueCertificate: { id: string; number: string } | null }>(
      'AssistanceIssueMinimumAllowanceCertificate',
      {
        input: {
          type: 'MINIMUM_ALLOWANCE_CERTIFICATE',
          number: p.number,
          holder: { personId: p.holderPersonId },
          issuingAuthority: p.issuingAuthority,
          issuedOn: p.issuedOn,
          minimumAllowance: {
            monthlyAmount: p.monthlyAmount,
            coveredMembers: Math.min(20, Math.max(1, p.coveredMembers)),
          },
        },
      },
      p.reference,
    );
    const issued = result.data?.issueCertificate;
    if (issued) return { certificateId: issued.id, number: issued.number };
    const invalid = result.errors.find((e) => e.extensions?.code === 'BAD_USER_INPUT');
    if (invalid) throw new PermanentDeliveryError(`the certificate registry refused it: ${invalid.message}`);
    throw new Error(
      `the certificate registry did not issue it: ${result.errors.map((e) => `${e.extensions?.code ?? 'error'}: ${e.message}`).join('; ') || 'no answer'}`,
    );
  };
}

/**
 * Records in the certificate registry that an application used a material it cites: the
 * assistance registry, as itself, calls recordMaterialUse with the application reference as the
 * purpose. The certificate registry records a use once per (material, service, reference), so a
 * repeated delivery adds nothing. Refused as invalid: failed for good; anything else: retried.
 */
export function recordMaterialUseHandler(caller: ServiceCaller): OutboxHandler {
  return async (row) => {
    const p = row.payload as { reference: string; materialId: string; service: string };
    const result = await caller.call<{ recordMaterialUse: { __typename: string } | null }>(
      'AssistanceRecordMaterialUse',
      { input: { materialId: p.materialId, service: p.service } },
      p.reference,
    );
    if (result.data?.recordMaterialUse) return { materialId: p.materialId, reference: p.reference };
    const invalid = result.errors.find((e) => e.extensions?.code === 'BAD_USER_INPUT');
    if (invalid) throw new PermanentDeliveryError(`the certificate registry refused it: ${invalid.message}`);
    throw new Error(
      `the certificate registry did not record the use: ${result.errors.map((e) => `${e.extensions?.code ?? 'error'}: ${e.message}`).join('; ') || 'no answer'}`,
    );
  };
}
