import { useEffect, useId, useState, type FormEvent } from 'react';
import { Link } from 'react-router';
import { useClient } from 'urql';
import { ErrorNotice } from '../../components/Notice';
import { StatusBadge } from '../../components/StatusBadge';
import { ACTIONS, DEPARTMENTS, OUTCOMES, REGISTRIES, ROLES, fieldLabels, formatDateTime, label } from '../../format';
import {
  WhoReadMyDataDocument,
  type AccessOutcome,
  type AccessRecordFilter,
  type WhoReadMyDataQuery,
} from '../../gql/graphql';

type Row = NonNullable<WhoReadMyDataQuery['accessRecords']>['edges'][number]['node'];

interface Filters {
  registry: string;
  actorDepartment: string;
  outcome: string;
  from: string;
  to: string;
}

const NO_FILTERS: Filters = { registry: '', actorDepartment: '', outcome: '', from: '', to: '' };

/** A calendar day in China Standard Time as the instant it starts. */
function startOfDay(date: string): string {
  return new Date(`${date}T00:00:00+08:00`).toISOString();
}

function toFilter(personId: string, filters: Filters): AccessRecordFilter {
  const filter: AccessRecordFilter = { personId };
  if (filters.registry) filter.registry = filters.registry;
  if (filters.actorDepartment) filter.actorDepartment = filters.actorDepartment;
  if (filters.outcome) filter.outcome = filters.outcome as AccessOutcome;
  if (filters.from) filter.from = startOfDay(filters.from);
  if (filters.to) {
    const next = new Date(`${filters.to}T00:00:00+08:00`);
    next.setUTCDate(next.getUTCDate() + 1);
    filter.to = next.toISOString();
  }
  return filter;
}

/** Who accessed my data: every registry's records about me, newest first, with filters. */
export function MyAccessLog({ personId }: { personId: string }) {
  const client = useClient();
  const [draft, setDraft] = useState<Filters>(NO_FILTERS);
  const [applied, setApplied] = useState<Filters>(NO_FILTERS);
  const [rows, setRows] = useState<Row[]>([]);
  const [after, setAfter] = useState<string | null>(null);
  const [more, setMore] = useState(false);
  const [state, setState] = useState<{ loading: boolean; error: Parameters<typeof ErrorNotice>[0]['error'] | null }>({
    loading: true,
    error: null,
  });
  const ids = { registry: useId(), department: useId(), outcome: useId(), from: useId(), to: useId() };

  async function load(filters: Filters, cursor: string | null) {
    setState({ loading: true, error: null });
    const result = await client
      .query(WhoReadMyDataDocument, { filter: toFilter(personId, filters), first: 20, after: cursor })
      .toPromise();
    const page = result.data?.accessRecords;
    if (!page) {
      setState({ loading: false, error: result.error ?? '没有返回记录。' });
      return;
    }
    const nodes = page.edges.map((edge) => edge.node);
    setRows((previous) => (cursor ? [...previous, ...nodes] : nodes));
    setAfter(page.pageInfo.endCursor ?? null);
    setMore(page.pageInfo.hasNextPage);
    setState({ loading: false, error: result.error ?? null });
  }

  useEffect(() => {
    void load(applied, null);
  }, [applied, personId]);

  function onSubmit(event: FormEvent) {
    event.preventDefault();
    setApplied({ ...draft });
  }

  const set = (key: keyof Filters) => (event: { target: { value: string } }) =>
    setDraft((previous) => ({ ...previous, [key]: event.target.value }));

  return (
    <>
      <h2>谁查看了我的数据</h2>
      <p>
        各部门每一次查看、调用或被拒绝查看您的个人数据，都记录在该数据所在的信息库中。下表汇总所有信息库的记录，最新的在前。
      </p>
      <form className="filters" onSubmit={onSubmit} aria-label="筛选访问记录">
        <div>
          <label htmlFor={ids.registry}>信息库</label>
          <select id={ids.registry} value={draft.registry} onChange={set('registry')}>
            <option value="">全部</option>
            {Object.entries(REGISTRIES).map(([code, name]) => (
              <option key={code} value={code}>
                {name}
              </option>
            ))}
          </select>
        </div>
        <div>
          <label htmlFor={ids.department}>部门</label>
          <select id={ids.department} value={draft.actorDepartment} onChange={set('actorDepartment')}>
            <option value="">全部</option>
            {Object.entries(DEPARTMENTS).map(([code, name]) => (
              <option key={code} value={code}>
                {name}
              </option>
            ))}
          </select>
        </div>
        <div>
          <label htmlFor={ids.outcome}>结果</label>
          <select id={ids.outcome} value={draft.outcome} onChange={set('outcome')}>
            <option value="">全部</option>
            {Object.entries(OUTCOMES).map(([code, name]) => (
              <option key={code} value={code}>
                {name}
              </option>
            ))}
          </select>
        </div>
        <div>
          <label htmlFor={ids.from}>起始日期</label>
          <input id={ids.from} type="date" value={draft.from} onChange={set('from')} />
        </div>
        <div>
          <label htmlFor={ids.to}>截止日期</label>
          <input id={ids.to} type="date" value={draft.to} onChange={set('to')} />
        </div>
        <div className="filter-actions">
          <button type="submit">筛选</button>
          <button
            type="button"
            className="secondary"
            onClick={() => {
              setDraft(NO_FILTERS);
              setApplied(NO_FILTERS);
            }}
          >
            清除
          </button>
        </div>
      </form>
      {state.error && <ErrorNotice error={state.error} what="读取访问记录" />}
      <div className="table-wrap">
        <table className="access-log phone-cards">
          <caption>
            <span role="status">
              {state.loading ? '正在加载……' : `已显示 ${rows.length} 条${more ? '，还有更早的记录' : ''}`}
            </span>
          </caption>
          <thead>
            <tr>
              <th scope="col">时间</th>
              <th scope="col">信息库</th>
              <th scope="col">谁</th>
              <th scope="col">事由（办件编号）</th>
              <th scope="col">查看或写入的内容</th>
              <th scope="col">结果</th>
            </tr>
          </thead>
          <tbody>
            {rows.map((row) => (
              <tr key={row.id}>
                <td data-label="时间" className="nowrap">
                  {formatDateTime(row.at)}
                </td>
                <td data-label="信息库">
                  {label(REGISTRIES, row.registry)}
                  {row.via && <div className="hint">经 {label(REGISTRIES, row.via)} 代为核验</div>}
                </td>
                <td data-label="谁">
                  {row.actorRole === 'citizen' && row.actorSub === personId
                    ? '本人'
                    : `${label(DEPARTMENTS, row.actorDepartment)} ${label(ROLES, row.actorRole)} ${row.actorSub ?? '匿名'}`}
                  {row.grantId && (
                    <div className="hint">
                      依您的授权查看（<Link to="/me/consent">数据授权</Link>，授权编号{' '}
                      <span className="mono">{row.grantId.slice(0, 8)}</span>）
                    </div>
                  )}
                </td>
                <td data-label="事由（办件编号）" className="mono">
                  {row.purpose ?? '—'}
                </td>
                <td data-label="内容">
                  {label(ACTIONS, row.action)}：{fieldLabels(row.fields).join('、')}
                  <details>
                    <summary>字段明细</summary>
                    <ul className="plain mono small">
                      {row.fields.map((field) => (
                        <li key={field}>{field}</li>
                      ))}
                    </ul>
                  </details>
                </td>
                <td data-label="结果">
                  <StatusBadge tone={row.outcome === 'GRANTED' ? 'neutral' : row.outcome === 'DENIED' ? 'bad' : 'warn'}>
                    {label(OUTCOMES, row.outcome)}
                  </StatusBadge>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      {!state.loading && rows.length === 0 && !state.error && <p>没有符合条件的记录。</p>}
      {more && (
        <p>
          <button
            type="button"
            className="secondary"
            disabled={state.loading}
            onClick={() => void load(applied, after)}
          >
            加载更早的记录
          </button>
        </p>
      )}
    </>
  );
}
