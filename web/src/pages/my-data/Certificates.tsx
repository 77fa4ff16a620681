import { useQuery } from 'urql';
import { ErrorNotice, Loading } from '../../components/Notice';
import { Qr } from '../../components/Qr';
import { StatusBadge } from '../../components/StatusBadge';
import { CERTIFICATE_STATUS, REGISTRIES, label } from '../../format';
import { MyCertificatesDocument } from '../../gql/graphql';

/** The address a certificate's QR code opens: the public verification page with its code. */
export function verifyUrl(code: string): string {
  return `${window.location.origin}/verify?code=${encodeURIComponent(code)}`;
}

export function MyCertificates() {
  const [{ data, fetching, error }] = useQuery({ query: MyCertificatesDocument });
  if (fetching) return <Loading what="电子证照" />;
  const certificates = data?.me?.certificates;
  if (!certificates) return <ErrorNotice error={error ?? '没有找到您的记录。'} what="读取电子证照" />;
  return (
    <>
      <h2>电子证照</h2>
      <p>
        每张证照都有核验码：他人可在“证照核验”页输入核验码，或扫描二维码，核验证照真伪和状态（只显示姓氏，不显示证件号码）。
      </p>
      {certificates.length === 0 && <p>暂无电子证照。</p>}
      <ul className="certificates">
        {certificates.map((certificate) => (
          <li key={certificate.id} className="certificate">
            <div>
              <h3>{certificate.type?.name ?? '证照'}</h3>
              <p>
                <StatusBadge
                  tone={certificate.status === 'VALID' ? 'good' : certificate.status === 'EXPIRED' ? 'warn' : 'bad'}
                >
                  {label(CERTIFICATE_STATUS, certificate.status)}
                </StatusBadge>
              </p>
              <dl className="facts compact">
                <dt>证照编号</dt>
                <dd className="mono">{certificate.number ?? '—'}</dd>
                <dt>发证机关</dt>
                <dd>{certificate.issuingAuthority ?? '—'}</dd>
                <dt>有效期</dt>
                <dd>
                  {certificate.issuedOn ?? '—'} 至 {certificate.validUntil ?? '长期'}
                </dd>
                {certificate.revocation && (
                  <>
                    <dt>注销</dt>
                    <dd>
                      {certificate.revocation.revokedOn}：{certificate.revocation.reason}
                    </dd>
                  </>
                )}
                <dt>来源与更新</dt>
                <dd>
                  {REGISTRIES.certificate}，
                  {certificate.revocation
                    ? `注销于 ${certificate.revocation.revokedOn}`
                    : `签发于 ${certificate.issuedOn ?? '—'}`}
                </dd>
                <dt>核验码</dt>
                <dd className="mono code">{certificate.verificationCode ?? '—'}</dd>
              </dl>
            </div>
            {certificate.verificationCode && (
              <Qr
                text={verifyUrl(certificate.verificationCode)}
                alt={`${certificate.type?.name ?? '证照'}核验二维码：扫码打开核验页面，核验码 ${certificate.verificationCode}`}
              />
            )}
          </li>
        ))}
      </ul>
    </>
  );
}
