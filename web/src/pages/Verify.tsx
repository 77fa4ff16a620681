import { useId, useState, type FormEvent } from 'react';
import { useSearchParams } from 'react-router';
import { useQuery } from 'urql';
import { ErrorNotice, Loading } from '../components/Notice';
import { StatusBadge } from '../components/StatusBadge';
import { CERTIFICATE_STATUS, DEPARTMENTS, label } from '../format';
import { VerifyCertificateDocument } from '../gql/graphql';

/** Public: checks a certificate's verification code (typed, or opened from its QR code). */
export function Verify() {
  const [params, setParams] = useSearchParams();
  const code = params.get('code') ?? '';
  const [draft, setDraft] = useState(code);
  const codeId = useId();

  function onSubmit(event: FormEvent) {
    event.preventDefault();
    setParams(draft.trim() ? { code: draft.trim() } : {});
  }

  return (
    <section>
      <h1>证照核验</h1>
      <p>输入证照上的核验码（不区分大小写，可含连字符），核验证照的类型、状态、发证机关和有效期。</p>
      <form className="filters" onSubmit={onSubmit} aria-label="核验证照">
        <div>
          <label htmlFor={codeId}>核验码</label>
          <input
            id={codeId}
            value={draft}
            onChange={(event) => setDraft(event.target.value)}
            required
            maxLength={64}
            autoComplete="off"
            spellCheck={false}
          />
        </div>
        <div className="filter-actions">
          <button type="submit">核验</button>
        </div>
      </form>
      {code && <Result key={code} code={code} />}
    </section>
  );
}

function Result({ code }: { code: string }) {
  const [{ data, fetching, error }] = useQuery({ query: VerifyCertificateDocument, variables: { code } });
  if (fetching) return <Loading what="核验结果" />;
  if (error) return <ErrorNotice error={error} what="核验" />;
  const found = data?.verifyCertificate;
  if (!found) {
    return (
      <p className="notice error" role="alert">
        没有与核验码 <span className="mono">{code}</span> 对应的证照。请核对后重试。
      </p>
    );
  }
  return (
    <div className="result" role="status">
      <h2>
        {found.type.name}{' '}
        <StatusBadge tone={found.status === 'VALID' ? 'good' : found.status === 'EXPIRED' ? 'warn' : 'bad'}>
          {label(CERTIFICATE_STATUS, found.status)}
        </StatusBadge>
      </h2>
      <dl className="facts">
        <dt>持证人</dt>
        <dd>{found.holderName}</dd>
        <dt>发证机关</dt>
        <dd>
          {found.issuingAuthority}（{label(DEPARTMENTS, found.issuingDepartment)}）
        </dd>
        <dt>有效期</dt>
        <dd>
          {found.issuedOn} 至 {found.validUntil ?? '长期'}
        </dd>
      </dl>
    </div>
  );
}
