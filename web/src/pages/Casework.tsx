import { useId, useMemo, useState, type FormEvent } from 'react';
import { Link, useParams, useSearchParams } from 'react-router';
import { useMutation, useQuery } from 'urql';
import { withPurpose } from '../client';
import { ErrorNotice, Loading, NeedsSignIn } from '../components/Notice';
import { StatusBadge } from '../components/StatusBadge';
import {
  DEPARTMENTS,
  REGISTRIES,
  districtName,
  factLine,
  factNote,
  formatDate,
  formatDateTime,
  label,
} from '../format';
import {
  type AssistanceStatus,
  CaseDetailDocument,
  CaseQueueDocument,
  OnTimeRateDocument,
  SupervisionBoardDocument,
  type SupervisionColour,
  TakeCaseStepDocument,
} from '../gql/graphql';
import { hasScope, useSession } from '../session';

export const CASE_STATUS: Record<string, string> = {
  SUBMITTED: '已提交',
  ACCEPTED: '已受理',
  UNDER_REVIEW: '审核中',
  PUBLIC_NOTICE: '公示中',
  APPROVED: '已批准',
  REJECTED: '不予批准',
  RETURNED_FOR_MATERIALS: '退回补充材料',
  WITHDRAWN: '已撤回',
};

const COLOURS: Record<string, { text: string; tone: 'good' | 'warn' | 'bad' }> = {
  GREEN: { text: '绿灯（正常）', tone: 'good' },
  YELLOW: { text: '黄灯（临近时限）', tone: 'warn' },
  RED: { text: '红灯（已超时）', tone: 'bad' },
};

const FACT_KINDS: Record<string, string> = {
  HOUSEHOLD_MEMBERS: '家庭成员',
  CERTIFICATES: '残疾证、低保证',
  LEGAL_REPRESENTATIVE: '担任法定代表人的企业',
  EMPLOYMENT: '就业、失业登记',
};

const FACT_STATUS: Record<string, { text: string; tone: 'good' | 'warn' | 'bad' }> = {
  READ: { text: '已读取', tone: 'good' },
  NOT_PERMITTED: { text: '无权读取（情况不明，并非没有）', tone: 'warn' },
  UNAVAILABLE: { text: '来源暂不可用', tone: 'bad' },
};

/** The next steps an officer may take from each status (withdrawal is the applicant's). */
const NEXT_STEPS: Record<string, AssistanceStatus[]> = {
  SUBMITTED: ['ACCEPTED', 'RETURNED_FOR_MATERIALS', 'REJECTED'],
  ACCEPTED: ['UNDER_REVIEW', 'RETURNED_FOR_MATERIALS', 'REJECTED'],
  UNDER_REVIEW: ['PUBLIC_NOTICE', 'RETURNED_FOR_MATERIALS', 'REJECTED'],
  PUBLIC_NOTICE: ['APPROVED', 'REJECTED'],
};

const STEP_BUTTONS: Record<string, string> = {
  ACCEPTED: '受理',
  UNDER_REVIEW: '开始审核',
  PUBLIC_NOTICE: '进入公示',
  APPROVED: '批准',
  REJECTED: '不予批准',
  RETURNED_FOR_MATERIALS: '退回补充材料',
};

function ColourBadge({ colour }: { colour: SupervisionColour | null | undefined }) {
  if (!colour) return <span>—</span>;
  const c = COLOURS[colour];
  return <StatusBadge tone={c.tone}>{c.text}</StatusBadge>;
}

function money(value: string | null | undefined): string {
  return value == null ? '—' : `${value} 元`;
}

function isCivilAffairsOfficer(session: ReturnType<typeof useSession>) {
  return session?.role === 'officer';
}

/** The case queue: applications by status, read for a purpose (sent as X-Purpose). */
export function CaseQueue() {
  const session = useSession();
  const [params, setParams] = useSearchParams();
  const purpose = params.get('purpose') ?? '';
  const status = params.get('status') ?? 'SUBMITTED';
  const [draft, setDraft] = useState({ purpose, status });
  const ids = { purpose: useId(), status: useId() };
  if (!isCivilAffairsOfficer(session)) return <NeedsSignIn role="民政工作人员" />;

  function onSubmit(event: FormEvent) {
    event.preventDefault();
    setParams({ purpose: draft.purpose.trim(), status: draft.status });
  }

  return (
    <section>
      <h1>救助申请办理</h1>
      <p>
        查看申请须填写事由（如批次或办件编号）：它随每次查询发送（X-Purpose），记入申请人的数据访问记录。
        <Link to="/caseworker/supervision">查看电子监察</Link>
      </p>
      <form className="filters lookup" onSubmit={onSubmit} aria-label="查询申请">
        <div>
          <label htmlFor={ids.purpose}>事由（办件编号）</label>
          <input
            id={ids.purpose}
            value={draft.purpose}
            onChange={(e) => setDraft({ ...draft, purpose: e.target.value })}
            required
            maxLength={200}
            placeholder="如 MLA-REVIEW-1122"
            pattern="[A-Za-z0-9._:/ \-]+"
            title="字母、数字和 - . _ : / 空格（随请求头发送，不能含汉字）"
            autoComplete="off"
          />
        </div>
        <div>
          <label htmlFor={ids.status}>状态</label>
          <select id={ids.status} value={draft.status} onChange={(e) => setDraft({ ...draft, status: e.target.value })}>
            {Object.entries(CASE_STATUS).map(([code, text]) => (
              <option key={code} value={code}>
                {text}
              </option>
            ))}
          </select>
        </div>
        <div className="filter-actions">
          <button type="submit">查询</button>
        </div>
      </form>
      {purpose && <QueueTable key={`${purpose}|${status}`} purpose={purpose} status={status as AssistanceStatus} />}
    </section>
  );
}

function QueueTable({ purpose, status }: { purpose: string; status: AssistanceStatus }) {
  const context = useMemo(() => withPurpose(purpose), [purpose]);
  const [{ data, fetching, error }] = useQuery({
    query: CaseQueueDocument,
    variables: { filter: { status }, first: 50 },
    context,
  });
  if (fetching && !data) return <Loading what="申请" />;
  if (error) return <ErrorNotice error={error} what="查询申请" />;
  const rows = data?.applications ?? [];
  return (
    <div className="table-wrap">
      <table className="phone-cards">
        <caption>
          {label(CASE_STATUS, status)}的申请：{rows.length} 件，办结时限最早的在前
        </caption>
        <thead>
          <tr>
            <th scope="col">办件编号</th>
            <th scope="col">救助项目</th>
            <th scope="col">区县</th>
            <th scope="col">提交时间</th>
            <th scope="col">办结时限</th>
            <th scope="col">监察</th>
          </tr>
        </thead>
        <tbody>
          {rows.map((row) => (
            <tr key={row.id}>
              <td data-label="办件编号">
                <Link to={`/caseworker/cases/${row.id}?purpose=${encodeURIComponent(row.reference ?? purpose)}`}>
                  {row.reference ?? row.id}
                </Link>
              </td>
              <td data-label="救助项目">{row.programme?.name ?? '—'}</td>
              <td data-label="区县">{districtName(row.districtCode)}</td>
              <td data-label="提交时间">{formatDateTime(row.submittedAt)}</td>
              <td data-label="办结时限">{formatDate(row.deadline)}</td>
              <td data-label="监察">
                <ColourBadge colour={row.colour} />
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

/** One application: applicant, facts with their sources, the case record and the next steps. */
export function CaseDetail() {
  const session = useSession();
  const { id = '' } = useParams();
  const [params] = useSearchParams();
  const purpose = params.get('purpose') ?? '';
  if (!isCivilAffairsOfficer(session)) return <NeedsSignIn role="民政工作人员" />;
  if (!purpose)
    return (
      <p className="notice">
        缺少事由，请从<Link to="/caseworker/cases">申请列表</Link>打开。
      </p>
    );
  return <CaseView id={id} purpose={purpose} />;
}

function CaseView({ id, purpose }: { id: string; purpose: string }) {
  const context = useMemo(() => withPurpose(purpose), [purpose]);
  const [{ data, fetching, error }, refetch] = useQuery({ query: CaseDetailDocument, variables: { id }, context });
  const [step, takeStep] = useMutation(TakeCaseStepDocument);
  const [message, setMessage] = useState<{ text: string; tone: 'good' | 'error' } | null>(null);
  const [form, setForm] = useState({ note: '', reason: '', amount: '', approved: '', start: '', end: '' });
  const ids = {
    note: useId(),
    reason: useId(),
    amount: useId(),
    approved: useId(),
    start: useId(),
    end: useId(),
  };

  if (fetching && !data) return <Loading what="申请" />;
  const app = data?.application;
  if (!app) return error ? <ErrorNotice error={error} what="读取申请" /> : <p className="notice">没有这件申请。</p>;
  const next = NEXT_STEPS[app.status ?? ''] ?? [];

  async function onStep(to: AssistanceStatus) {
    if (!app) return;
    setMessage(null);
    const trimmed = (v: string) => (v.trim() === '' ? undefined : v.trim());
    const result = await takeStep(
      {
        input: {
          applicationId: app.id,
          version: app.version ?? 0,
          to,
          note: trimmed(form.note),
          reason: to === 'REJECTED' || to === 'RETURNED_FOR_MATERIALS' ? trimmed(form.reason) : undefined,
          proposedAmount: to === 'PUBLIC_NOTICE' ? trimmed(form.amount) : undefined,
          approvedAmount: to === 'APPROVED' ? trimmed(form.approved) : undefined,
          periodStart: to === 'APPROVED' ? trimmed(form.start) : undefined,
          periodEnd: to === 'APPROVED' ? trimmed(form.end) : undefined,
        },
      },
      context,
    );
    if (result.error) {
      const rule = result.error.graphQLErrors[0]?.extensions?.rule;
      setMessage({
        tone: 'error',
        text:
          rule === 'version'
            ? '这件申请已被他人更新（版本冲突），本次操作未生效。请重新加载后再办理。'
            : `操作未成功：${result.error.graphQLErrors[0]?.message ?? result.error.message}`,
      });
    } else {
      setMessage({ tone: 'good', text: `已办理：${label(CASE_STATUS, to)}。` });
      setForm({ note: '', reason: '', amount: '', approved: '', start: '', end: '' });
      refetch({ requestPolicy: 'network-only' });
    }
  }

  const set = (key: keyof typeof form) => (e: { target: { value: string } }) =>
    setForm({ ...form, [key]: e.target.value });

  return (
    <section>
      <p>
        <Link to={`/caseworker/cases?purpose=${encodeURIComponent(purpose)}&status=${app.status ?? 'SUBMITTED'}`}>
          返回申请列表
        </Link>
      </p>
      <h1>
        {app.programme?.name ?? '救助申请'} <span className="mono">{app.reference}</span>
      </h1>
      <p>
        状态：<strong>{label(CASE_STATUS, app.status)}</strong>（第 {app.version} 版）；监察：
        <ColourBadge colour={app.colour} />
      </p>
      {error && <ErrorNotice error={error} what="读取部分信息" />}
      <h2>申请人与申请</h2>
      <dl className="facts">
        <dt>申请人</dt>
        <dd>{app.applicant?.name ?? '—'}</dd>
        <dt>身份证号</dt>
        <dd className="mono">{app.applicant?.idNumber ?? '—'}</dd>
        <dt>区县</dt>
        <dd>{districtName(app.districtCode)}</dd>
        <dt>家庭人口</dt>
        <dd>{app.householdSize ?? '—'} 人</dd>
        <dt>申报家庭月收入</dt>
        <dd>{money(app.declaredMonthlyIncome)}</dd>
        <dt>提交时间</dt>
        <dd>
          {formatDateTime(app.submittedAt)}（
          {app.filedBy?.role === 'citizen' ? '本人网上提交' : `窗口代办 ${app.filedBy?.sub ?? ''}`}）
        </dd>
        <dt>办结时限</dt>
        <dd>
          {formatDate(app.deadline)}（承诺 {app.promisedTimeLimitDays ?? '—'} 个工作日）
        </dd>
        <dt>引用的证照、材料</dt>
        <dd>
          证照 {app.citedCertificateIds?.length ?? 0} 份，材料 {app.citedMaterialIds?.length ?? 0} 份
        </dd>
        {app.proposedAmount && (
          <>
            <dt>拟救助金额</dt>
            <dd>
              {money(app.proposedAmount)}/月，公示 {formatDate(app.noticeStartsOn)} 至 {formatDate(app.noticeEndsOn)}
            </dd>
          </>
        )}
        {app.approvedAmount && (
          <>
            <dt>批准金额</dt>
            <dd>
              {money(app.approvedAmount)}/月，{formatDate(app.periodStart)} 至 {formatDate(app.periodEnd)}
            </dd>
          </>
        )}
        {app.decisionReason && (
          <>
            <dt>告知申请人的理由</dt>
            <dd>{app.decisionReason}</dd>
          </>
        )}
      </dl>
      {app.applicant?.idNumber && app.programme && (
        <p>
          材料是否齐全：在<Link to="/caseworker">窗口办件</Link>按身份证号与事由查询一次性告知（缺少、过期的材料）。
        </p>
      )}

      <h2>核对信息（开始审核时从各库读取）</h2>
      {(app.eligibility ?? []).length === 0 ? (
        <p>尚未开始审核：开始审核时，将以您的身份和本件事由从各库读取家庭成员、证照、企业和就业情况。</p>
      ) : (
        <div className="table-wrap">
          <table className="phone-cards">
            <caption>核对信息、来源与读取时间</caption>
            <thead>
              <tr>
                <th scope="col">事项</th>
                <th scope="col">来源</th>
                <th scope="col">读取时间</th>
                <th scope="col">情况</th>
                <th scope="col">内容</th>
              </tr>
            </thead>
            <tbody>
              {(app.eligibility ?? []).map((fact) => (
                <tr key={fact.kind}>
                  <td data-label="事项">{label(FACT_KINDS, fact.kind)}</td>
                  <td data-label="来源">{label(REGISTRIES, fact.source)}</td>
                  <td data-label="读取时间">{formatDateTime(fact.asOf)}</td>
                  <td data-label="情况">
                    <StatusBadge tone={FACT_STATUS[fact.status].tone}>{FACT_STATUS[fact.status].text}</StatusBadge>
                    {fact.note && (
                      <div className="hint" title={fact.note}>
                        {factNote(fact.status, fact.note)}
                      </div>
                    )}
                  </td>
                  <td data-label="内容">
                    {fact.status !== 'READ' ? (
                      '—'
                    ) : (fact.items ?? []).length === 0 ? (
                      '无'
                    ) : (
                      <ul>
                        {(fact.items ?? []).map((item, i) => (
                          <li key={i}>{factLine(fact.kind, item.description)}</li>
                        ))}
                      </ul>
                    )}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}

      <h2>办理记录</h2>
      <ol className="case-steps">
        {(app.steps ?? []).map((s, i) => (
          <li key={i}>
            {formatDateTime(s.at)}：{s.from ? `${label(CASE_STATUS, s.from)} → ` : ''}
            <strong>{label(CASE_STATUS, s.to)}</strong>，
            {s.by.role === 'citizen' ? '申请人本人' : `${label(DEPARTMENTS, s.by.department)} ${s.by.sub}`}
            {s.purpose && `（事由 ${s.purpose}）`}
            {s.note && <div className="hint">备注：{s.note}</div>}
          </li>
        ))}
      </ol>

      <h2>办理</h2>
      <div role="status" aria-live="polite">
        {message && <p className={`notice ${message.tone}`}>{message.text}</p>}
      </div>
      {next.length === 0 ? (
        <p>此申请当前状态无可办理的步骤。</p>
      ) : (
        <form className="filters case-step" onSubmit={(e) => e.preventDefault()} aria-label="办理申请">
          <div>
            <label htmlFor={ids.note}>内部备注（可选）</label>
            <textarea id={ids.note} value={form.note} onChange={set('note')} maxLength={500} rows={2} />
          </div>
          {next.some((s) => s === 'REJECTED' || s === 'RETURNED_FOR_MATERIALS') && (
            <div>
              <label htmlFor={ids.reason}>告知申请人的理由（不予批准、退回时必填）</label>
              <textarea id={ids.reason} value={form.reason} onChange={set('reason')} maxLength={500} rows={2} />
            </div>
          )}
          {next.includes('PUBLIC_NOTICE') && (
            <div>
              <label htmlFor={ids.amount}>拟救助金额（元/月，公示时必填）</label>
              <input id={ids.amount} value={form.amount} onChange={set('amount')} inputMode="decimal" />
            </div>
          )}
          {next.includes('APPROVED') && (
            <>
              <div>
                <label htmlFor={ids.approved}>批准金额（元/月，默认为拟救助金额）</label>
                <input id={ids.approved} value={form.approved} onChange={set('approved')} inputMode="decimal" />
              </div>
              <div>
                <label htmlFor={ids.start}>救助期起</label>
                <input id={ids.start} type="date" value={form.start} onChange={set('start')} />
              </div>
              <div>
                <label htmlFor={ids.end}>救助期止</label>
                <input id={ids.end} type="date" value={form.end} onChange={set('end')} />
              </div>
            </>
          )}
          <div className="filter-actions">
            {next.map((to) => (
              <button
                key={to}
                type="button"
                className={to === 'REJECTED' || to === 'RETURNED_FOR_MATERIALS' ? 'secondary' : undefined}
                disabled={step.fetching}
                onClick={() => void onStep(to)}
              >
                {STEP_BUTTONS[to]}
              </button>
            ))}
          </div>
        </form>
      )}
    </section>
  );
}

function todayCst(offsetDays = 0): string {
  return new Date(Date.now() + 8 * 3600_000 + offsetDays * 86_400_000).toISOString().slice(0, 10);
}

function CountTable({
  caption,
  keyName,
  rows,
  name,
}: {
  caption: string;
  keyName: string;
  rows: { key: string; green: number; yellow: number; red: number }[];
  name: (key: string) => string;
}) {
  return (
    <div className="table-wrap">
      <table>
        <caption>{caption}</caption>
        <thead>
          <tr>
            <th scope="col">{keyName}</th>
            <th scope="col">绿灯</th>
            <th scope="col">黄灯</th>
            <th scope="col">红灯</th>
          </tr>
        </thead>
        <tbody>
          {rows.map((r) => (
            <tr key={r.key}>
              <th scope="row">{name(r.key)}</th>
              <td>{r.green}</td>
              <td>{r.yellow}</td>
              <td>{r.red}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

/** The supervision board (电子监察): open cases by colour, the flagged ones, the on-time rate. */
/** Programme codes as the programmes' own Chinese names (the board counts by code). */
export const PROGRAMMES: Record<string, string> = {
  MINIMUM_LIVING_ALLOWANCE: '最低生活保障',
  EXTREME_POVERTY_SUPPORT: '特困人员供养',
  DISASTER_VICTIM_RELIEF: '受灾人员救助',
  MEDICAL_ASSISTANCE: '医疗救助',
  EDUCATION_ASSISTANCE: '教育救助',
  HOUSING_ASSISTANCE: '住房救助',
  EMPLOYMENT_ASSISTANCE: '就业救助',
  TEMPORARY_ASSISTANCE: '临时救助',
};

export function Supervision() {
  const session = useSession();
  // Any officer with assistance:read supervises; only those who may read case files open them.
  const officer = session?.role === 'officer' && hasScope(session, 'assistance:read');
  const opensCases = hasScope(session, 'assistance:read:sensitive');
  const [{ data, fetching, error }] = useQuery({ query: SupervisionBoardDocument, pause: !officer });
  const [{ data: rate }] = useQuery({
    query: OnTimeRateDocument,
    variables: { from: todayCst(-365), to: todayCst() },
    pause: !officer,
  });
  if (!officer) return <NeedsSignIn role="电子监察人员（具有社会救助查看权限的工作人员）" />;
  if (fetching && !data) return <Loading what="电子监察" />;
  const board = data?.supervision;
  if (!board) return error ? <ErrorNotice error={error} what="读取电子监察" /> : <p className="notice">暂无数据。</p>;
  const overall = rate?.onTimeRate?.overall;
  return (
    <section>
      <h1>电子监察</h1>
      <p>
        {formatDate(board.asOf)} 在办案件；距办结时限 {board.yellowThresholdDays} 个工作日内为黄灯，超过时限为红灯。
      </p>
      <ul className="colour-counts" aria-label="按灯色统计">
        <li>
          <StatusBadge tone="good">{`绿灯（正常）${board.green} 件`}</StatusBadge>
        </li>
        <li>
          <StatusBadge tone="warn">{`黄灯（临近时限）${board.yellow} 件`}</StatusBadge>
        </li>
        <li>
          <StatusBadge tone="bad">{`红灯（已超时）${board.red} 件`}</StatusBadge>
        </li>
      </ul>
      <p>
        近一年按时办结率：
        {overall?.rate == null
          ? '暂无已办结案件'
          : `${(overall.rate * 100).toFixed(1)}%（按时 ${overall.onTime} 件，超时 ${overall.late} 件，共 ${overall.decided} 件）`}
      </p>
      <h2>黄灯、红灯案件</h2>
      <div className="table-wrap">
        <table className="phone-cards">
          <caption>超时最久的在前（最多 100 件）</caption>
          <thead>
            <tr>
              <th scope="col">办件编号</th>
              <th scope="col">灯色</th>
              <th scope="col">救助项目</th>
              <th scope="col">区县</th>
              <th scope="col">状态</th>
              <th scope="col">办结时限</th>
            </tr>
          </thead>
          <tbody>
            {board.flagged.map((a) => (
              <tr key={a.id}>
                <td data-label="办件编号">
                  {opensCases ? (
                    <Link to={`/caseworker/cases/${a.id}?purpose=${encodeURIComponent(a.reference ?? a.id)}`}>
                      {a.reference ?? a.id}
                    </Link>
                  ) : (
                    <span className="mono">{a.reference ?? a.id}</span>
                  )}
                </td>
                <td data-label="灯色">
                  <ColourBadge colour={a.colour} />
                </td>
                <td data-label="救助项目">{a.programme?.name ?? '—'}</td>
                <td data-label="区县">{districtName(a.districtCode)}</td>
                <td data-label="状态">{label(CASE_STATUS, a.status)}</td>
                <td data-label="办结时限">{formatDate(a.deadline)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <h2>分布</h2>
      <CountTable caption="按部门" keyName="部门" rows={board.byDepartment} name={(k) => label(DEPARTMENTS, k)} />
      <CountTable caption="按区县" keyName="区县" rows={board.byDistrict} name={districtName} />
      <CountTable caption="按救助项目" keyName="救助项目" rows={board.byProgramme} name={(k) => label(PROGRAMMES, k)} />
    </section>
  );
}
