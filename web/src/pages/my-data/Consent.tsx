import { useEffect, useId, useRef, useState, type ReactNode } from 'react';
import { useClient, useMutation, useQuery, type CombinedError } from 'urql';
import { ErrorNotice, Loading } from '../../components/Notice';
import { StatusBadge } from '../../components/StatusBadge';
import {
  CERTIFICATE_STATUS,
  DEPARTMENTS,
  GENDERS,
  MARITAL,
  PERSON_FIELDS,
  REGISTRIES,
  RELATIONSHIPS,
  districtName,
  fieldLabels,
  formatDateTime,
  label,
} from '../../format';
import {
  AnswerMyConsentRequestDocument,
  ConsentGrantReadsDocument,
  MyConsentDocument,
  RevokeMyConsentGrantDocument,
  type ConsentGrantReadsQuery,
  type MyConsentQuery,
} from '../../gql/graphql';

type Pending = MyConsentQuery['pending'][number];
type Grant = MyConsentQuery['myConsentGrants'][number];
type Read = NonNullable<ConsentGrantReadsQuery['accessRecords']>['edges'][number]['node'];

/** Certificate types a grant can name on their own (subgraphs/shared/consent/fields.ts). */
const CERTIFICATE_TYPES: Record<string, string> = {
  RESIDENT_ID_CARD: '居民身份证',
  HOUSEHOLD_REGISTER: '户口簿',
  MARRIAGE_CERTIFICATE: '结婚证',
  DISABILITY_CERTIFICATE: '残疾人证',
  MINIMUM_ALLOWANCE_CERTIFICATE: '最低生活保障证',
  EMPLOYMENT_CERTIFICATE: '就业创业证',
  SENIOR_CITIZEN_CARD: '老年人优待证',
  DIPLOMA: '学历证书',
  VOCATIONAL_QUALIFICATION: '职业资格证书',
};

const DISABILITY_CATEGORIES: Record<string, string> = {
  VISION: '视力残疾',
  HEARING: '听力残疾',
  SPEECH: '言语残疾',
  PHYSICAL: '肢体残疾',
  INTELLECTUAL: '智力残疾',
  MENTAL: '精神残疾',
  MULTIPLE: '多重残疾',
};

const GRADES = ['', '一级', '二级', '三级', '四级'];

const EMPLOYMENT_KINDS: Record<string, string> = { EMPLOYED: '就业', UNEMPLOYED: '失业登记' };

/** A grantable field (`Person.household`, `Person.certificates(type: DISABILITY_CERTIFICATE)`) in plain words. */
export function consentFieldLabel(field: string): string {
  const narrowed = /^Person\.certificates\(type: (\w+)\)$/.exec(field);
  if (narrowed) return CERTIFICATE_TYPES[narrowed[1]] ?? narrowed[1];
  if (field === 'Person.certificates') return '全部电子证照';
  if (field === 'Person.household') return '户籍信息（户号、住址、户内成员关系）';
  if (field === 'Person.employment') return '就业与失业登记';
  const [type, name] = field.split('.');
  return (type === 'Person' && PERSON_FIELDS[name]) || field;
}

function grantStatus(grant: Grant): { tone: 'good' | 'warn' | 'bad'; text: string } {
  if (grant.active) return { tone: 'good', text: '有效' };
  if (grant.revokedAt) return { tone: 'bad', text: '已撤回' };
  return { tone: 'warn', text: '已过期' };
}

/** The consent panel: requests with the values they would share, grants with their reads, revoke. */
export function MyConsent({ personId }: { personId: string }) {
  const [{ data, fetching, error }, refetch] = useQuery({ query: MyConsentDocument });
  const [message, setMessage] = useState<string | null>(null);
  const messageRef = useRef<HTMLParagraphElement>(null);

  useEffect(() => {
    if (message) messageRef.current?.focus();
  }, [message]);

  function done(text: string) {
    setMessage(text);
    refetch({ requestPolicy: 'network-only' });
  }

  return (
    <>
      <h2>数据授权</h2>
      <p>
        部门办事需要您的某项数据时，可以向您申请授权。您先看到将要共享的具体内容（实时从各信息库读取），再决定全部同意、部分同意或拒绝。授权只对该部门、该事由有效，到期或您撤回后即失效；依授权的每一次查看都记入访问记录。
      </p>
      <div aria-live="polite">
        {message && (
          <p className="notice good" role="status" tabIndex={-1} ref={messageRef}>
            {message}
          </p>
        )}
      </div>
      {fetching && !data && <Loading what="授权请求" />}
      {error && <ErrorNotice error={error} what="读取授权" />}
      {data && (
        <>
          <h2>待处理的请求</h2>
          {data.pending.length === 0 && <p>没有待处理的授权请求。</p>}
          {data.pending.map((request) => (
            <RequestCard key={request.id} request={request} personId={personId} onAnswered={done} />
          ))}
          <h2>我的授权</h2>
          {data.myConsentGrants.length === 0 && <p>您还没有授权任何部门查看您的数据。</p>}
          <ul className="plain consent-list">
            {data.myConsentGrants.map((grant) => (
              <li key={grant.id}>
                <GrantCard grant={grant} personId={personId} onRevoked={done} />
              </li>
            ))}
          </ul>
          {data.declined.length > 0 && (
            <>
              <h2>已拒绝的请求</h2>
              <ul className="consent-declined">
                {data.declined.map((request) => (
                  <li key={request.id}>
                    {formatDateTime(request.answeredAt)} 拒绝了{label(DEPARTMENTS, request.department)}（
                    {request.requestedBy ?? '—'}）为“{request.purpose}”申请的
                    {(request.fields ?? []).map(consentFieldLabel).join('、')}
                  </li>
                ))}
              </ul>
            </>
          )}
        </>
      )}
    </>
  );
}

function RequestCard({
  request,
  personId,
  onAnswered,
}: {
  request: Pending;
  personId: string;
  onAnswered: (text: string) => void;
}) {
  const [chosen, setChosen] = useState<Set<string>>(new Set());
  const [problem, setProblem] = useState<CombinedError | string | null>(null);
  const [answering, answer] = useMutation(AnswerMyConsentRequestDocument);
  const [nothingChosen, setNothingChosen] = useState(false);
  const headingId = useId();
  const fields = request.fields ?? [];
  const preview = new Map((request.preview ?? []).map((item) => [item.field, item]));
  const department = label(DEPARTMENTS, request.department);

  async function send(approve: string[]) {
    setProblem(null);
    const result = await answer({ input: { requestId: request.id, approve } });
    if (result.error || !result.data?.answerConsentRequest) {
      setProblem(result.error ?? '没有返回结果。');
      return;
    }
    onAnswered(
      approve.length === 0
        ? `已拒绝${department}的请求，未共享任何数据。`
        : `已同意${department}查看：${approve.map(consentFieldLabel).join('、')}。`,
    );
  }

  function toggle(field: string, on: boolean) {
    setChosen((previous) => {
      const next = new Set(previous);
      if (on) next.add(field);
      else next.delete(field);
      return next;
    });
    if (on) setNothingChosen(false);
  }

  return (
    <section className="consent-card" aria-labelledby={headingId}>
      <h3 id={headingId}>
        {department}申请查看您的数据 <StatusBadge tone="warn">待您处理</StatusBadge>
      </h3>
      <dl className="facts compact">
        <dt>申请部门</dt>
        <dd>{department}</dd>
        <dt>经办人</dt>
        <dd className="mono">{request.requestedBy ?? '—'}</dd>
        <dt>事由（办件编号）</dt>
        <dd>{request.purpose ?? '—'}</dd>
        <dt>授权有效期至</dt>
        <dd>{formatDateTime(request.validUntil)}</dd>
        <dt>申请时间</dt>
        <dd>{formatDateTime(request.requestedAt)}</dd>
      </dl>
      <fieldset className="consent-fields">
        <legend>申请的数据，以及同意后将共享的内容（勾选您同意共享的项）</legend>
        {fields.map((field) => {
          const item = preview.get(field);
          const boxId = `${request.id}-${field}`;
          return (
            <div key={field} className="consent-field">
              <div className="consent-check">
                <input
                  type="checkbox"
                  id={boxId}
                  checked={chosen.has(field)}
                  onChange={(event) => toggle(field, event.target.checked)}
                />
                <label htmlFor={boxId}>{consentFieldLabel(field)}</label>
              </div>
              <div className="consent-preview">
                <div className="hint">
                  来源：{label(REGISTRIES, item?.registry)} · <span className="mono">{field}</span>
                </div>
                {!item ? (
                  <p>无法预览。</p>
                ) : item.error ? (
                  <p className="notice warn">暂时无法显示：{item.error}</p>
                ) : (
                  <PreviewValue field={field} json={item.value} personId={personId} />
                )}
              </div>
            </div>
          );
        })}
      </fieldset>
      {problem && <ErrorNotice error={problem} what="提交答复" />}
      {nothingChosen && (
        <p className="notice warn" role="alert">
          请先勾选您同意共享的项；都不同意请选“拒绝”。
        </p>
      )}
      <div className="consent-actions">
        <button type="button" disabled={answering.fetching} onClick={() => void send(fields)}>
          全部同意
        </button>
        <button
          type="button"
          className="secondary"
          disabled={answering.fetching}
          onClick={() => {
            setNothingChosen(chosen.size === 0);
            if (chosen.size > 0) void send(fields.filter((field) => chosen.has(field)));
          }}
        >
          同意所选（{chosen.size} 项）
        </button>
        <button type="button" className="secondary" disabled={answering.fetching} onClick={() => void send([])}>
          拒绝
        </button>
      </div>
    </section>
  );
}

/** A preview value (JSON, as the registry returned it) in plain words. */
function PreviewValue({ field, json, personId }: { field: string; json: string | null; personId: string }) {
  if (json === null) return <p>（无此项数据）</p>;
  let value: unknown;
  try {
    value = JSON.parse(json);
  } catch {
    return <p className="mono">{json}</p>;
  }
  if (value === null) return <p>（无此项数据）</p>;
  if (field === 'Person.household') return <HouseholdValue value={value as HouseholdPreview} personId={personId} />;
  if (field.startsWith('Person.certificates')) return <CertificatesValue value={value as CertificatePreview[]} />;
  const name = field.split('.')[1];
  if (name === 'gender') return <p>{label(GENDERS, String(value))}</p>;
  if (name === 'maritalStatus') return <p>{label(MARITAL, String(value))}</p>;
  if (name === 'districtCode') return <p>{districtName(String(value))}</p>;
  if (name === 'employment' && Array.isArray(value)) {
    if (value.length === 0) return <p>（无登记）</p>;
    return (
      <ul className="plain">
        {(value as { kind: string; organization?: { name?: string } | null; from?: string; to?: string | null }[]).map(
          (record, index) => (
            <li key={index}>
              {label(EMPLOYMENT_KINDS, record.kind)}
              {record.organization?.name ? `：${record.organization.name}` : ''}（{record.from ?? '—'} 至{' '}
              {record.to ?? '今'}）
            </li>
          ),
        )}
      </ul>
    );
  }
  return <Generic value={value} />;
}

interface HouseholdPreview {
  number?: string;
  districtCode?: string | null;
  address?: string | null;
  members?: { relationship?: string | null; person?: { id?: string } | null }[];
}

function HouseholdValue({ value, personId }: { value: HouseholdPreview; personId: string }) {
  return (
    <dl className="facts compact">
      <dt>户号</dt>
      <dd className="mono">{value.number ?? '—'}</dd>
      <dt>所在区县</dt>
      <dd>{districtName(value.districtCode)}</dd>
      <dt>住址</dt>
      <dd>{value.address ?? '—'}</dd>
      <dt>户内成员</dt>
      <dd>
        {(value.members ?? [])
          .map(
            (member) =>
              `${label(RELATIONSHIPS, member.relationship)}${member.person?.id === personId ? '（本人）' : ''}`,
          )
          .join('、') || '—'}
      </dd>
    </dl>
  );
}

interface CertificatePreview {
  type?: { code?: string; name?: string } | null;
  number?: string | null;
  status?: string | null;
  issuingAuthority?: string | null;
  issuedOn?: string | null;
  validUntil?: string | null;
  attributes?: { __typename?: string; category?: string; grade?: number; school?: string; major?: string } | null;
}

function CertificatesValue({ value }: { value: CertificatePreview[] }) {
  if (!Array.isArray(value) || value.length === 0) return <p>（没有此类证照）</p>;
  return (
    <ul className="plain">
      {value.map((certificate, index) => (
        <li key={certificate.number ?? index}>
          <dl className="facts compact">
            <dt>证照</dt>
            <dd>
              {certificate.type?.name ?? label(CERTIFICATE_TYPES, certificate.type?.code)}（
              {label(CERTIFICATE_STATUS, certificate.status)}）
            </dd>
            <dt>证照编号</dt>
            <dd className="mono">{certificate.number ?? '—'}</dd>
            {certificate.attributes?.__typename === 'DisabilityAttributes' && (
              <>
                <dt>残疾类别与等级</dt>
                <dd>
                  {label(DISABILITY_CATEGORIES, certificate.attributes.category)}
                  {GRADES[certificate.attributes.grade ?? 0] ?? ''}
                </dd>
              </>
            )}
            {certificate.attributes?.__typename === 'DiplomaAttributes' && (
              <>
                <dt>学校与专业</dt>
                <dd>
                  {certificate.attributes.school ?? '—'} {certificate.attributes.major ?? ''}
                </dd>
              </>
            )}
            <dt>发证机关</dt>
            <dd>{certificate.issuingAuthority ?? '—'}</dd>
            <dt>有效期</dt>
            <dd>
              {certificate.issuedOn ?? '—'} 至 {certificate.validUntil ?? '长期'}
            </dd>
          </dl>
        </li>
      ))}
    </ul>
  );
}

/** Anything else a registry returns: its keys and values as they are. */
function Generic({ value }: { value: unknown }): ReactNode {
  if (value === null || typeof value !== 'object') return <p>{String(value)}</p>;
  if (Array.isArray(value)) {
    if (value.length === 0) return <p>（无）</p>;
    return (
      <ul className="plain">
        {value.map((item, index) => (
          <li key={index}>
            <Generic value={item} />
          </li>
        ))}
      </ul>
    );
  }
  return (
    <dl className="facts compact">
      {Object.entries(value as Record<string, unknown>)
        .filter(([key]) => key !== '__typename')
        .map(([key, item]) => (
          <div key={key} className="generic-pair">
            <dt>{key}</dt>
            <dd>{typeof item === 'object' && item !== null ? JSON.stringify(item) : String(item ?? '—')}</dd>
          </div>
        ))}
    </dl>
  );
}

function GrantCard({
  grant,
  personId,
  onRevoked,
}: {
  grant: Grant;
  personId: string;
  onRevoked: (text: string) => void;
}) {
  const [confirming, setConfirming] = useState(false);
  const [problem, setProblem] = useState<CombinedError | string | null>(null);
  const [revoking, revoke] = useMutation(RevokeMyConsentGrantDocument);
  const confirmRef = useRef<HTMLButtonElement>(null);
  const headingId = useId();
  const status = grantStatus(grant);
  const department = label(DEPARTMENTS, grant.department);
  const fields = (grant.fields ?? []).map(consentFieldLabel).join('、');

  useEffect(() => {
    if (confirming) confirmRef.current?.focus();
  }, [confirming]);

  async function onConfirm() {
    setProblem(null);
    const result = await revoke({ id: grant.id });
    if (result.error || !result.data?.revokeConsentGrant) {
      setProblem(result.error ?? '没有返回结果。');
      return;
    }
    setConfirming(false);
    onRevoked(`已撤回${department}查看“${fields}”的授权。`);
  }

  return (
    <section className="consent-card" aria-labelledby={headingId}>
      <h3 id={headingId}>
        {department}：{fields} <StatusBadge tone={status.tone}>{status.text}</StatusBadge>
      </h3>
      <dl className="facts compact">
        <dt>授权内容</dt>
        <dd>{fields}</dd>
        <dt>部门与经办人</dt>
        <dd>
          {department} <span className="mono">{grant.request?.requestedBy ?? ''}</span>
        </dd>
        <dt>事由（办件编号）</dt>
        <dd>{grant.purpose ?? '—'}</dd>
        <dt>授权时间</dt>
        <dd>{formatDateTime(grant.grantedAt)}</dd>
        <dt>有效期至</dt>
        <dd>{formatDateTime(grant.validUntil)}</dd>
        {grant.revokedAt && (
          <>
            <dt>撤回时间</dt>
            <dd>{formatDateTime(grant.revokedAt)}</dd>
          </>
        )}
        <dt>授权编号</dt>
        <dd className="mono small">{grant.id}</dd>
      </dl>
      {grant.active && !confirming && (
        <p>
          <button
            type="button"
            className="secondary"
            aria-label={`撤回${department}查看“${fields}”的授权`}
            onClick={() => setConfirming(true)}
          >
            撤回授权
          </button>
        </p>
      )}
      {grant.active && confirming && (
        <div className="notice warn">
          <p>撤回后，{department}将不能再依此授权查看您的数据。已发生的查看记录仍会保留。</p>
          <div className="consent-actions">
            <button type="button" ref={confirmRef} disabled={revoking.fetching} onClick={() => void onConfirm()}>
              确认撤回
            </button>
            <button type="button" className="secondary" onClick={() => setConfirming(false)}>
              取消
            </button>
          </div>
        </div>
      )}
      {problem && <ErrorNotice error={problem} what="撤回授权" />}
      <GrantReads grant={grant} personId={personId} />
    </section>
  );
}

/**
 * The reads made under one grant, newest first, from the access log: the records of the grant's
 * department about this person since it was granted, those that name this grant.
 */
function GrantReads({ grant, personId }: { grant: Grant; personId: string }) {
  const client = useClient();
  const [reads, setReads] = useState<Read[] | null>(null);
  const [more, setMore] = useState(false);
  const [error, setError] = useState<CombinedError | string | null>(null);

  useEffect(() => {
    let live = true;
    const filter = {
      personId,
      outcome: 'GRANTED' as const,
      ...(grant.department ? { actorDepartment: grant.department } : {}),
      ...(grant.grantedAt ? { from: grant.grantedAt } : {}),
    };
    void client
      .query(ConsentGrantReadsDocument, { filter, first: 100 })
      .toPromise()
      .then((result) => {
        if (!live) return;
        const page = result.data?.accessRecords;
        setError(result.error ?? (page ? null : '没有返回记录。'));
        if (!page) return;
        setReads(page.edges.map((edge) => edge.node).filter((node) => node.grantId === grant.id));
        setMore(page.pageInfo.hasNextPage);
      });
    return () => {
      live = false;
    };
  }, [client, grant.id, grant.department, grant.grantedAt, personId, grant.revokedAt]);

  if (error) return <ErrorNotice error={error} what="读取依此授权的查看记录" />;
  if (!reads) return <Loading what="依此授权的查看记录" />;
  if (reads.length === 0) return <p className="hint">尚无依此授权的查看。</p>;
  return (
    <div className="table-wrap">
      <table className="phone-cards">
        <caption>
          依此授权的查看：{reads.length} 次，最新的在前
          {more ? '（只列出最近的记录，全部记录见“谁查看了我的数据”）' : ''}
        </caption>
        <thead>
          <tr>
            <th scope="col">时间</th>
            <th scope="col">信息库</th>
            <th scope="col">谁</th>
            <th scope="col">查看的内容</th>
          </tr>
        </thead>
        <tbody>
          {reads.map((read) => (
            <tr key={read.id}>
              <td data-label="时间" className="nowrap">
                {formatDateTime(read.at)}
              </td>
              <td data-label="信息库">{label(REGISTRIES, read.registry)}</td>
              <td data-label="谁">
                {label(DEPARTMENTS, read.actorDepartment)} <span className="mono">{read.actorSub ?? '—'}</span>
              </td>
              <td data-label="查看的内容">{fieldLabels(read.fields).join('、')}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
