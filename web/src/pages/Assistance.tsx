import { useEffect, useId, useMemo, useRef, useState, type FormEvent } from 'react';
import { Link } from 'react-router';
import { useMutation, useQuery } from 'urql';
import { ErrorNotice, Loading, NeedsSignIn } from '../components/Notice';
import { StatusBadge } from '../components/StatusBadge';
import {
  DEPARTMENTS,
  PROVIDERS,
  READINESS,
  RELATIONSHIPS,
  formatDate,
  formatDateTime,
  label,
  readinessText,
} from '../format';
import {
  ApplyForAssistanceDocument,
  AssistanceProgrammesDocument,
  MyAssistanceApplicationsDocument,
  MyAssistanceReadinessDocument,
  type ApplyForAssistanceMutation,
  type MyAssistanceApplicationsQuery,
  type MyAssistanceReadinessQuery,
  type ProgrammeCode,
} from '../gql/graphql';
import { useSession } from '../session';
import { CASE_STATUS } from './Casework';

/** A citizen's assistance pages: apply with what is already on file, and follow one's applications. */

const TONES = { SATISFIED: 'good', EXPIRED: 'warn', MISSING: 'bad', UNKNOWN: 'neutral' } as const;

const STATUS_TONES: Record<string, 'good' | 'warn' | 'bad' | 'neutral'> = {
  SUBMITTED: 'neutral',
  ACCEPTED: 'neutral',
  UNDER_REVIEW: 'neutral',
  PUBLIC_NOTICE: 'warn',
  APPROVED: 'good',
  REJECTED: 'bad',
  RETURNED_FOR_MATERIALS: 'warn',
  WITHDRAWN: 'neutral',
};

/** Yuan with at most two decimals, 0 to 9,999,999.99: what the registry accepts as declared income. */
const MONEY = /^\d{1,7}(\.\d{1,2})?$/;

type Readiness = NonNullable<NonNullable<MyAssistanceReadinessQuery['me']>['readiness']>;
type Item = Readiness['items'][number];

function who(item: Item): string {
  const provider = label(PROVIDERS, item.requirement.provider);
  if (!item.person) return provider;
  const relation = item.relationship ? `（${label(RELATIONSHIPS, item.relationship)}）` : '';
  return `${item.person.name ?? '家庭成员'}${relation}`;
}

function onFile(item: Item): string | null {
  if (item.certificate) {
    const until = item.certificate.validUntil ? `，有效至 ${item.certificate.validUntil}` : '';
    return `${item.certificate.type?.name ?? '电子证照'} ${item.certificate.number ?? ''}${until}`;
  }
  if (item.material) {
    return `${item.material.kind?.name ?? '材料'}：${item.material.fileName ?? '（未命名）'}，${formatDateTime(item.material.uploadedAt)} 提交`;
  }
  return null;
}

/** The application page: pick a programme, see what it needs and what is on file, declare income, apply. */
export function AssistanceApply() {
  const session = useSession();
  const citizen = session?.role === 'citizen';
  const [{ data, fetching, error }] = useQuery({ query: AssistanceProgrammesDocument });
  const [programme, setProgramme] = useState<ProgrammeCode | ''>('');
  const ids = { programme: useId() };
  if (!citizen) return <NeedsSignIn role="市民" />;

  const programmes = data?.programmes ?? [];
  const chosen = programmes.find((p) => p.code === programme);
  return (
    <section className="assistance">
      <h1>申请社会救助</h1>
      <p>
        选择救助项目后，本页列出所需材料，以及哪些已在库（电子证照、已提交材料）、哪些还缺（一次性告知）。已在库的直接引用，无需重复提交。
        <Link to="/assistance/mine">查看我的救助申请</Link>
      </p>
      {fetching && !data && <Loading what="救助项目" />}
      {error && <ErrorNotice error={error} what="读取救助项目" />}
      {programmes.length > 0 && (
        <div className="stack">
          <label htmlFor={ids.programme}>救助项目</label>
          <select
            id={ids.programme}
            value={programme}
            onChange={(event) => setProgramme(event.target.value as ProgrammeCode | '')}
          >
            <option value="">请选择</option>
            {programmes.map((p) => (
              <option key={p.code} value={p.code}>
                {p.name}
              </option>
            ))}
          </select>
        </div>
      )}
      {chosen && (
        <>
          <h2>{chosen.name}</h2>
          <dl className="facts">
            <dt>办理事项</dt>
            <dd>{chosen.service.name}</dd>
            <dt>承诺时限</dt>
            <dd>{chosen.service.promisedTimeLimitDays} 个工作日</dd>
            <dt>公示期</dt>
            <dd>{chosen.noticeDays} 天</dd>
            <dt>收费</dt>
            <dd>{chosen.service.feeStandard}</dd>
          </dl>
          {chosen.service.conditions.length > 0 && (
            <>
              <h3>申请条件</h3>
              <ul>
                {chosen.service.conditions.map((condition) => (
                  <li key={condition}>{condition}</li>
                ))}
              </ul>
            </>
          )}
          <ApplyForm key={chosen.code} programme={chosen.code} service={chosen.service.code} name={chosen.name} />
        </>
      )}
    </section>
  );
}

function ApplyForm({ programme, service, name }: { programme: ProgrammeCode; service: string; name: string }) {
  const [{ data, fetching, error }, refetch] = useQuery({
    query: MyAssistanceReadinessDocument,
    variables: { service },
  });
  const [applied, apply] = useMutation(ApplyForAssistanceDocument);
  const [income, setIncome] = useState('');
  const [excluded, setExcluded] = useState<Set<string>>(new Set());
  const [problem, setProblem] = useState<string | null>(null);
  const [done, setDone] = useState<NonNullable<ApplyForAssistanceMutation['applyForAssistance']> | null>(null);
  const confirmation = useRef<HTMLDivElement>(null);
  const ids = { income: useId(), incomeHint: useId() };

  useEffect(() => {
    if (done) confirmation.current?.focus();
  }, [done]);

  const me = data?.me;
  const readiness = me?.readiness;
  const onFileItems = useMemo(
    () => (readiness?.items ?? []).filter((item) => item.status === 'SATISFIED' && (item.certificate || item.material)),
    [readiness],
  );

  if (fetching && !data) return <Loading what="材料齐全情况" />;
  if (!readiness) return error ? <ErrorNotice error={error} what="读取材料齐全情况" /> : null;

  const lacking = readiness.items.filter((item) => item.status === 'MISSING' || item.status === 'EXPIRED');
  const certificateIds = [
    ...new Set(onFileItems.flatMap((item) => (item.certificate ? [item.certificate.id] : []))),
  ].filter((id) => !excluded.has(id));
  const materialIds = [...new Set(onFileItems.flatMap((item) => (item.material ? [item.material.id] : [])))].filter(
    (id) => !excluded.has(id),
  );

  function toggle(id: string) {
    setExcluded((now) => {
      const next = new Set(now);
      if (next.has(id)) next.delete(id);
      else next.add(id);
      return next;
    });
  }

  async function onSubmit(event: FormEvent) {
    event.preventDefault();
    setProblem(null);
    if (!MONEY.test(income.trim())) {
      setProblem('家庭月收入请填写 0 至 9999999.99 之间的金额（元），最多两位小数。');
      return;
    }
    const result = await apply({
      input: {
        programme,
        applicantId: me!.id,
        declaredMonthlyIncome: income.trim(),
        certificateIds: certificateIds.slice(0, 20),
        materialIds: materialIds.slice(0, 20),
      },
    });
    const application = result.data?.applyForAssistance;
    if (application) {
      setDone(application);
      return;
    }
    const rule = result.error?.graphQLErrors[0]?.extensions?.rule;
    if (rule === 'materials') {
      setProblem('材料不齐，申请未提交。所缺材料已在上表列出，请补充后再申请。');
      refetch({ requestPolicy: 'network-only' });
    } else if (rule === 'district') {
      setProblem('您的户籍不在本市各区（市、县），请到户籍所在地申请。申请未提交。');
    } else if (result.error) {
      setProblem(`申请未提交：${result.error.graphQLErrors[0]?.message ?? result.error.message}`);
    }
  }

  if (done) {
    return (
      <div className="notice good" role="status" tabIndex={-1} ref={confirmation}>
        <p>
          <strong>申请已提交。</strong>
          {done.programme?.name ?? name}，办件编号 <span className="mono">{done.reference}</span>，状态：
          {label(CASE_STATUS, done.status)}，{formatDateTime(done.submittedAt)} 提交；承诺于 {formatDate(done.deadline)}{' '}
          前办结（工作日计）。
        </p>
        <p>
          同一项目已有在办申请时，再次提交得到的是同一件申请。
          <Link to="/assistance/mine">查看我的救助申请及办理进度</Link>
        </p>
      </div>
    );
  }

  return (
    <>
      <h3>所需材料（一次性告知）</h3>
      <p role="status">
        {readiness.complete
          ? `材料齐全：共 ${readiness.items.length} 项，均已在库或无需提交。`
          : `材料不齐：已具备 ${readiness.satisfied} 项，缺少 ${readiness.missing} 项，已过期 ${readiness.expired} 项，无法确认 ${readiness.unknown} 项。`}
      </p>
      {lacking.length > 0 && (
        <div className="notice warn">
          <p>
            <strong>还需提交以下 {lacking.length} 项</strong>（全部列出，一次补齐即可）：
          </p>
          <ol>
            {lacking.map((item, index) => (
              <li key={`${item.requirement.position}-${item.person?.id ?? index}`}>
                {item.requirement.description}（{who(item)}）：{readinessText(item)}
              </li>
            ))}
          </ol>
          <p>
            材料可在 <Link to="/me/materials">我的数据 · 材料</Link> 上传，上传后回到本页即可看到。
          </p>
        </div>
      )}
      <div className="table-wrap">
        <table className="phone-cards">
          <caption>每项材料及每位家庭成员的情况</caption>
          <thead>
            <tr>
              <th scope="col">序号</th>
              <th scope="col">材料</th>
              <th scope="col">谁提供</th>
              <th scope="col">情况</th>
              <th scope="col">已在库</th>
            </tr>
          </thead>
          <tbody>
            {readiness.items.map((item, index) => {
              const file = onFile(item);
              const id = item.certificate?.id ?? item.material?.id;
              return (
                <tr key={`${item.requirement.position}-${item.person?.id ?? index}`}>
                  <td data-label="序号">{item.requirement.position}</td>
                  <td data-label="材料">
                    {item.requirement.description}
                    {item.requirement.originalRequired && <div className="hint">须核验原件（电子证照即原件）</div>}
                  </td>
                  <td data-label="谁提供">{who(item)}</td>
                  <td data-label="情况">
                    <StatusBadge tone={TONES[item.status]}>{label(READINESS, item.status)}</StatusBadge>
                    <div className="hint">{readinessText(item)}</div>
                  </td>
                  <td data-label="已在库">
                    {file ?? '—'}
                    {item.status === 'SATISFIED' && id && (
                      <div>
                        <label className="check">
                          <input type="checkbox" checked={!excluded.has(id)} onChange={() => toggle(id)} /> 申请时引用
                        </label>
                      </div>
                    )}
                  </td>
                </tr>
              );
            })}
          </tbody>
        </table>
      </div>
      <form className="stack" onSubmit={onSubmit} aria-label={`申请${name}`} noValidate>
        <label htmlFor={ids.income}>申报家庭月收入（元）</label>
        <input
          id={ids.income}
          inputMode="decimal"
          autoComplete="off"
          value={income}
          onChange={(event) => {
            setIncome(event.target.value);
            setProblem(null);
          }}
          aria-describedby={ids.incomeHint}
          aria-invalid={problem !== null && !MONEY.test(income.trim())}
          required
        />
        <p className="hint" id={ids.incomeHint}>
          全体家庭成员上月收入合计，如 800 或 1250.50；审核时将与有关部门的数据核对。
        </p>
        <p>
          将引用已在库的电子证照 {certificateIds.length} 份、材料 {materialIds.length} 份。
        </p>
        <div>
          <button type="submit" disabled={applied.fetching || !readiness.complete}>
            提交申请
          </button>
        </div>
        {!readiness.complete && <p className="hint">材料齐全后才能提交；补齐上面列出的各项后刷新本页。</p>}
      </form>
      <div aria-live="assertive">
        {problem && (
          <p className="notice error" role="alert">
            {problem}
          </p>
        )}
      </div>
    </>
  );
}

type Application = NonNullable<MyAssistanceApplicationsQuery['myAssistanceApplications']>[number];

function actor(step: Application['steps'] extends (infer S)[] | null | undefined ? S : never): string {
  if (step.by.role === 'citizen') return '申请人本人';
  if (step.by.role === 'officer') return `${label(DEPARTMENTS, step.by.department)}工作人员`;
  return '系统';
}

function money(value: string | null | undefined): string {
  return value == null ? '—' : `${value} 元/月`;
}

/** The citizen's applications (as applicant or household member), newest first, with each one's steps. */
export function MyAssistance() {
  const session = useSession();
  const citizen = session?.role === 'citizen';
  const [{ data, fetching, error }] = useQuery({ query: MyAssistanceApplicationsDocument, pause: !citizen });
  if (!citizen) return <NeedsSignIn role="市民" />;
  const applications = data?.myAssistanceApplications ?? [];
  return (
    <section className="assistance">
      <h1>我的救助申请</h1>
      <p>
        本人及家庭成员的社会救助申请，最新的在前。<Link to="/assistance">申请社会救助</Link>
      </p>
      {fetching && !data && <Loading what="救助申请" />}
      {error && <ErrorNotice error={error} what="读取救助申请" />}
      {data && applications.length === 0 && <p className="notice">暂无救助申请。</p>}
      {applications.map((application) => (
        <ApplicationCard key={application.id} application={application} />
      ))}
    </section>
  );
}

function ApplicationCard({ application: a }: { application: Application }) {
  return (
    <article className="application" aria-labelledby={`app-${a.id}`}>
      <h2 id={`app-${a.id}`}>
        {a.programme?.name ?? '救助申请'} <span className="mono">{a.reference}</span>
      </h2>
      <p>
        状态：
        <StatusBadge tone={STATUS_TONES[a.status ?? ''] ?? 'neutral'}>{label(CASE_STATUS, a.status)}</StatusBadge>
      </p>
      <dl className="facts">
        <dt>提交时间</dt>
        <dd>{formatDateTime(a.submittedAt)}</dd>
        <dt>承诺办结</dt>
        <dd>
          {formatDate(a.deadline)}
          {a.promisedTimeLimitDays != null && `（${a.promisedTimeLimitDays} 个工作日）`}
        </dd>
        <dt>家庭人口</dt>
        <dd>{a.householdSize ?? '—'} 人</dd>
        <dt>申报月收入</dt>
        <dd>{a.declaredMonthlyIncome == null ? '—' : `${a.declaredMonthlyIncome} 元`}</dd>
        <dt>引用在库</dt>
        <dd>
          电子证照 {a.citedCertificateIds?.length ?? 0} 份，材料 {a.citedMaterialIds?.length ?? 0} 份
        </dd>
        {a.proposedAmount && (
          <>
            <dt>拟救助金额</dt>
            <dd>{money(a.proposedAmount)}</dd>
          </>
        )}
        {a.noticeStartsOn && (
          <>
            <dt>公示期</dt>
            <dd>
              {a.noticeStartsOn} 至 {formatDate(a.noticeEndsOn)}
            </dd>
          </>
        )}
        {a.approvedAmount && (
          <>
            <dt>批准金额</dt>
            <dd>
              {money(a.approvedAmount)}，{formatDate(a.periodStart)} 至 {formatDate(a.periodEnd)}
            </dd>
          </>
        )}
        {a.decisionReason && (
          <>
            <dt>{a.status === 'RETURNED_FOR_MATERIALS' ? '退回原因' : '决定理由'}</dt>
            <dd>{a.decisionReason}</dd>
          </>
        )}
        {a.issuedCertificate && (
          <>
            <dt>低保证</dt>
            <dd>
              <span className="mono">{a.issuedCertificate.number}</span>（
              {a.issuedCertificate.state === 'ISSUED' ? '已发证，可在“我的数据 · 证照”查看' : '发证中'}）
            </dd>
          </>
        )}
      </dl>
      <h3>办理过程</h3>
      <ol className="case-steps">
        {(a.steps ?? []).map((step, index) => (
          <li key={`${step.at}-${index}`}>
            <time dateTime={step.at}>{formatDateTime(step.at)}</time>{' '}
            {step.from ? `${label(CASE_STATUS, step.from)} → ` : ''}
            {label(CASE_STATUS, step.to)}，{actor(step)}
          </li>
        ))}
      </ol>
    </article>
  );
}
