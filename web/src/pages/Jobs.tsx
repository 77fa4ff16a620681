import { useEffect, useId, useState, type FormEvent } from 'react';
import { Link, useParams } from 'react-router';
import { useClient, useMutation, useQuery, type CombinedError } from 'urql';
import { ErrorNotice, Loading, NeedsSignIn } from '../components/Notice';
import { StatusBadge } from '../components/StatusBadge';
import { districtName, formatDateTime } from '../format';
import {
  ApplyForJobDocument,
  DistrictCounterDocument,
  JobFeedDocument,
  JobPostingDetailDocument,
  MyJobApplicationsDocument,
  type EducationLevel,
  type JobFeedQuery,
  type JobFilter,
} from '../gql/graphql';
import { useSession } from '../session';
import { CHENGDU_DISTRICTS } from '../../../subgraphs/shared/domain/divisions';

export const EDUCATION: Record<EducationLevel, string> = {
  JUNIOR_SECONDARY: '初中及以下',
  SENIOR_SECONDARY: '高中/中专/技校',
  JUNIOR_COLLEGE: '大专',
  BACHELOR: '本科',
  MASTER: '硕士',
  DOCTORATE: '博士',
};

const APPLICATION_STATUS: Record<string, string> = {
  SUBMITTED: '已投递',
  VIEWED: '已查看',
  INTERVIEW: '邀请面试',
  OFFER: '已录用',
  REJECTED: '未通过',
  WITHDRAWN: '已撤回',
};

function salary(min: number, max: number): string {
  return `${min.toLocaleString('zh-CN')}–${max.toLocaleString('zh-CN')} 元/月`;
}

type Feed = NonNullable<JobFeedQuery['jobs']>;
type Posting = Feed['edges'][number]['node'];

interface Search {
  keyword: string;
  district: string;
  occupation: string;
  minSalary: string;
  education: string;
}

const EMPTY: Search = { keyword: '', district: '', occupation: '', minSalary: '', education: '' };

function toFilter(search: Search): JobFilter {
  const filter: JobFilter = {};
  if (search.keyword.trim()) filter.keyword = search.keyword.trim();
  if (search.district) filter.districts = [search.district];
  if (search.occupation) filter.occupations = [search.occupation];
  if (search.minSalary) filter.minSalary = Number(search.minSalary);
  if (search.education) filter.education = search.education as EducationLevel;
  return filter;
}

/** The city's public job feed: keyword, district, occupation, salary and education, with facet counts. */
export function Jobs() {
  const client = useClient();
  const [draft, setDraft] = useState<Search>(EMPTY);
  const [applied, setApplied] = useState<Search>(EMPTY);
  const [rows, setRows] = useState<Posting[]>([]);
  const [feed, setFeed] = useState<Feed | null>(null);
  const [state, setState] = useState<{ loading: boolean; error: CombinedError | null }>({ loading: true, error: null });
  const ids = { keyword: useId(), district: useId(), occupation: useId(), salary: useId(), education: useId() };

  async function load(search: Search, after: string | null) {
    setState({ loading: true, error: null });
    const result = await client
      .query(JobFeedDocument, { filter: toFilter(search), orderBy: 'RELEVANCE', after })
      .toPromise();
    const jobs = result.data?.jobs;
    setState({ loading: false, error: result.error ?? null });
    if (!jobs) return;
    setFeed(jobs);
    setRows((previous) => (after ? [...previous, ...jobs.edges.map((e) => e.node)] : jobs.edges.map((e) => e.node)));
  }

  useEffect(() => {
    void load(applied, null);
  }, [applied]);

  const set = (key: keyof Search) => (event: { target: { value: string } }) =>
    setDraft((previous) => ({ ...previous, [key]: event.target.value }));

  function onSubmit(event: FormEvent) {
    event.preventDefault();
    setApplied({ ...draft });
  }

  function facet(key: 'district' | 'occupation', value: string) {
    const next = { ...applied, [key]: value };
    setDraft(next);
    setApplied(next);
  }

  return (
    <section>
      <h1>岗位查询</h1>
      <p>全市公共就业服务平台的在招岗位，无需登录即可查询。</p>
      <form className="filters" onSubmit={onSubmit} aria-label="搜索岗位">
        <div>
          <label htmlFor={ids.keyword}>关键词</label>
          <input id={ids.keyword} type="search" value={draft.keyword} onChange={set('keyword')} maxLength={50} />
        </div>
        <div>
          <label htmlFor={ids.district}>区县</label>
          <select id={ids.district} value={draft.district} onChange={set('district')}>
            <option value="">全市</option>
            {Object.entries(CHENGDU_DISTRICTS).map(([code, name]) => (
              <option key={code} value={code}>
                {name}
              </option>
            ))}
          </select>
        </div>
        <div>
          <label htmlFor={ids.occupation}>职业</label>
          <select id={ids.occupation} value={draft.occupation} onChange={set('occupation')}>
            <option value="">全部</option>
            {(feed?.occupationCounts ?? []).map((o) => (
              <option key={o.occupation.code} value={o.occupation.code}>
                {o.occupation.name}
              </option>
            ))}
          </select>
        </div>
        <div>
          <label htmlFor={ids.salary}>月薪不低于（元）</label>
          <input id={ids.salary} type="number" min={0} step={500} value={draft.minSalary} onChange={set('minSalary')} />
        </div>
        <div>
          <label htmlFor={ids.education}>我的学历</label>
          <select id={ids.education} value={draft.education} onChange={set('education')}>
            <option value="">不限</option>
            {Object.entries(EDUCATION).map(([code, name]) => (
              <option key={code} value={code}>
                {name}
              </option>
            ))}
          </select>
        </div>
        <div className="filter-actions">
          <button type="submit">搜索</button>
          <button
            type="button"
            className="secondary"
            onClick={() => {
              setDraft(EMPTY);
              setApplied(EMPTY);
            }}
          >
            清除
          </button>
        </div>
      </form>
      {state.error && <ErrorNotice error={state.error} what="查询岗位" />}
      <div className="jobs-layout">
        <aside aria-label="按区县和职业筛选">
          <h2>区县</h2>
          <ul className="plain facets">
            {(feed?.districtCounts ?? []).map((d) => (
              <li key={d.districtCode}>
                <button type="button" className="link" onClick={() => facet('district', d.districtCode)}>
                  {d.districtName}（{d.count}）
                </button>
              </li>
            ))}
          </ul>
          <h2>职业</h2>
          <ul className="plain facets">
            {(feed?.occupationCounts ?? []).slice(0, 12).map((o) => (
              <li key={o.occupation.code}>
                <button type="button" className="link" onClick={() => facet('occupation', o.occupation.code)}>
                  {o.occupation.name}（{o.count}）
                </button>
              </li>
            ))}
          </ul>
        </aside>
        <div>
          <p role="status">
            {state.loading ? '正在查询……' : `共 ${feed?.totalCount ?? 0} 个岗位，已显示 ${rows.length} 个`}
          </p>
          <ul className="plain job-list">
            {rows.map((job) => (
              <li key={job.id} className="job">
                <h3>
                  <Link to={`/jobs/${job.id}`}>{job.title}</Link>
                </h3>
                <p>
                  <strong>{salary(job.salaryMin, job.salaryMax)}</strong> · {job.districtName} ·{' '}
                  {EDUCATION[job.education]}及以上 ·{' '}
                  {job.experienceYears ? `${job.experienceYears} 年经验` : '经验不限'}
                </p>
                <p className="hint">
                  {job.employer.name ?? '—'} · {job.occupation.name} · {job.postedOn} 发布
                </p>
              </li>
            ))}
          </ul>
          {feed?.pageInfo.hasNextPage && (
            <button
              type="button"
              className="secondary"
              disabled={state.loading}
              onClick={() => void load(applied, feed.pageInfo.endCursor ?? null)}
            >
              显示更多岗位
            </button>
          )}
        </div>
      </div>
    </section>
  );
}

/** One posting with its employer; a signed-in citizen applies once. */
export function JobDetail() {
  const { id = '' } = useParams();
  const session = useSession();
  const [{ data, fetching, error }] = useQuery({ query: JobPostingDetailDocument, variables: { id } });
  const [applied, apply] = useMutation(ApplyForJobDocument);
  if (fetching) return <Loading what="岗位" />;
  const job = data?.job;
  if (!job)
    return error ? <ErrorNotice error={error} what="读取岗位" /> : <p className="notice">没有这个岗位，可能已下架。</p>;
  const open = job.status === 'OPEN' && !job.expired;
  return (
    <section>
      <p>
        <Link to="/jobs">返回岗位查询</Link>
      </p>
      <h1>{job.title}</h1>
      <p className="lead">
        <strong>{salary(job.salaryMin, job.salaryMax)}</strong> · {job.districtName} · 招 {job.headcount} 人{' '}
        {!open && <StatusBadge tone="warn">已停止招聘</StatusBadge>}
      </p>
      <dl className="facts">
        <dt>用人单位</dt>
        <dd>
          {job.employer.name ?? '—'}（统一社会信用代码 <span className="mono">{job.employer.creditCode}</span>，
          {districtName(job.employer.districtCode)}）
        </dd>
        <dt>职业</dt>
        <dd>
          {job.occupation.name}（{job.occupation.majorGroupName}）
        </dd>
        <dt>学历要求</dt>
        <dd>{EDUCATION[job.education]}及以上</dd>
        <dt>工作经验</dt>
        <dd>{job.experienceYears ? `${job.experienceYears} 年` : '不限'}</dd>
        <dt>工作地点</dt>
        <dd>{job.workAddress}</dd>
        <dt>联系人</dt>
        <dd>
          {job.contactName} <span className="mono">{job.contactPhone}</span>
        </dd>
        <dt>发布 / 截止</dt>
        <dd>
          {job.postedOn} / {job.expiresOn}
        </dd>
      </dl>
      <h2>岗位描述</h2>
      <p className="description">{job.description}</p>
      {open && session?.role === 'citizen' && (
        <p>
          <button
            type="button"
            disabled={applied.fetching || !!applied.data?.applyForJob}
            onClick={() => void apply({ jobId: job.id })}
          >
            {applied.data?.applyForJob ? '已投递' : '投递简历'}
          </button>
        </p>
      )}
      <div role="status" aria-live="polite">
        {applied.data?.applyForJob && (
          <p className="notice good">
            已投递（{formatDateTime(applied.data.applyForJob.appliedAt)}）。同一岗位只投递一次；进展见
            <Link to="/jobs/mine">我的求职申请</Link>。
          </p>
        )}
      </div>
      {applied.error && <ErrorNotice error={applied.error} what="投递" />}
      {open && !session && (
        <p className="notice">
          投递前请先<Link to="/sign-in">登录</Link>。
        </p>
      )}
    </section>
  );
}

/** A citizen's applications and their status. */
export function MyJobApplications() {
  const session = useSession();
  const [{ data, fetching, error }] = useQuery({
    query: MyJobApplicationsDocument,
    pause: session?.role !== 'citizen',
  });
  if (!session || session.role !== 'citizen') return <NeedsSignIn role="市民" />;
  return (
    <section>
      <h1>我的求职申请</h1>
      {fetching && <Loading what="求职申请" />}
      {error && <ErrorNotice error={error} what="读取求职申请" />}
      {data && data.myApplications.length === 0 && (
        <p>
          还没有投递过岗位。<Link to="/jobs">去找工作</Link>
        </p>
      )}
      {data && data.myApplications.length > 0 && (
        <div className="table-wrap">
          <table className="phone-cards">
            <caption>最新的在前</caption>
            <thead>
              <tr>
                <th scope="col">岗位</th>
                <th scope="col">用人单位</th>
                <th scope="col">投递时间</th>
                <th scope="col">进展</th>
              </tr>
            </thead>
            <tbody>
              {data.myApplications.map((application) => (
                <tr key={application.id}>
                  <td data-label="岗位">
                    <Link to={`/jobs/${application.job.id}`}>{application.job.title}</Link>（
                    {application.job.districtName}）
                  </td>
                  <td data-label="用人单位">{application.job.employer.name ?? '—'}</td>
                  <td data-label="投递时间">{formatDateTime(application.appliedAt)}</td>
                  <td data-label="进展">
                    <StatusBadge
                      tone={
                        application.status === 'REJECTED' ? 'bad' : application.status === 'OFFER' ? 'good' : 'neutral'
                      }
                    >
                      {APPLICATION_STATUS[application.status] ?? application.status}
                    </StatusBadge>
                    <div className="hint">{formatDateTime(application.statusChangedAt)} 更新</div>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </section>
  );
}

/** The screen at a district's service counter: its address and hours, and the district's newest postings. */
export function CounterScreen() {
  const { district = '' } = useParams();
  const [{ data, fetching, error }] = useQuery({
    query: DistrictCounterDocument,
    variables: { districtCode: district },
  });
  if (fetching) return <Loading what="窗口信息" />;
  const counter = data?.serviceCounter;
  if (!counter)
    return error ? (
      <ErrorNotice error={error} what="读取窗口信息" />
    ) : (
      <p className="notice">没有这个区县的服务窗口。</p>
    );
  return (
    <section className="counter">
      <h1>{counter.name}</h1>
      <p>
        {counter.address} · 电话 <span className="mono">{counter.phone}</span> · {counter.openingHours}
      </p>
      <h2>
        {counter.districtName}在招岗位（共 {counter.jobs.totalCount} 个，最新的在前）
      </h2>
      <ul className="plain job-grid">
        {counter.jobs.edges.map(({ node: job }) => (
          <li key={job.id} className="job">
            <h3>
              <Link to={`/jobs/${job.id}`}>{job.title}</Link>
            </h3>
            <p>
              <strong>{salary(job.salaryMin, job.salaryMax)}</strong> · {EDUCATION[job.education]}及以上
            </p>
            <p className="hint">
              {job.employer.name ?? '—'} · {job.postedOn} 发布
            </p>
          </li>
        ))}
      </ul>
      <p>
        <Link to="/jobs">查询全市岗位</Link>
      </p>
    </section>
  );
}
