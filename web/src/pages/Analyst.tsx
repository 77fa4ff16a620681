import { Suspense, lazy, useId, useMemo, useState, type FormEvent } from 'react';
import { useQuery } from 'urql';
import { ErrorNotice, Loading, NeedsSignIn } from '../components/Notice';
import { REGISTRIES, formatDateTime, label } from '../format';
import { AnalystCatalogueDocument, AnalystTableDocument, type AnalystTableQuery } from '../gql/graphql';
import { authHeaders, useSession } from '../session';
import {
  DIMENSION_DEFINITIONS,
  DIMENSION_TITLES,
  MEASURE_DEFINITIONS,
  MEASURE_TITLES,
  UNITS,
  categoryTitle,
  titleOf,
} from './analyst/titles';

/** ECharts is the largest part of this page: its own chunk, loaded when a table is shown. */
const Chart = lazy(() => import('./analyst/Chart'));

type Table = NonNullable<AnalystTableQuery['statistics']>;

interface Ask {
  measure: string;
  dimensions: string[];
  filter: { dimension: string; values: string[] }[];
}

const MAX_DIMENSIONS = 3;

/** `GET /statistics.csv` with the same question as the table. */
export function csvAddress(ask: Ask): string {
  const params = new URLSearchParams({ measure: ask.measure });
  if (ask.dimensions.length > 0) params.set('dimensions', ask.dimensions.join(','));
  for (const f of ask.filter) params.append('filter', `${f.dimension}:${f.values.join(',')}`);
  return `/statistics.csv?${params}`;
}

async function downloadCsv(ask: Ask): Promise<void> {
  const response = await fetch(csvAddress(ask), { headers: authHeaders() });
  if (!response.ok) {
    const body = (await response.json().catch(() => ({}))) as { errors?: { message?: string }[] };
    throw new Error(body.errors?.[0]?.message ?? `下载未成功（HTTP ${response.status}）`);
  }
  const url = URL.createObjectURL(await response.blob());
  const link = document.createElement('a');
  link.href = url;
  link.download = `${[ask.measure, ...ask.dimensions].join('-')}.csv`;
  document.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

/**
 * The analyst's page: a measure by up to three dimensions from the statistics catalogue, optional
 * filters; the protected table (suppressed cells marked), its sources and as-of time, a chart, CSV.
 */
export default function Analyst() {
  const session = useSession();
  const allowed = session?.role === 'analyst' || session?.role === 'officer';
  const [{ data, fetching, error }] = useQuery({ query: AnalystCatalogueDocument, pause: !allowed });
  const [draft, setDraft] = useState<Ask>({ measure: '', dimensions: [], filter: [] });
  const [ask, setAsk] = useState<Ask | null>(null);
  const [filterDimension, setFilterDimension] = useState('');
  const [filterValue, setFilterValue] = useState('');
  const ids = { measure: useId(), filterDimension: useId(), filterValue: useId(), dimension: useId() };

  if (!allowed) return <NeedsSignIn role="统计分析员或工作人员" />;
  if (fetching && !data) return <Loading what="统计目录" />;
  const catalogue = data?.statisticsCatalogue;
  if (!catalogue) return error ? <ErrorNotice error={error} what="读取统计目录" /> : <Loading what="统计目录" />;

  const measureName = draft.measure || catalogue.measures[0]?.name || '';
  const measure = catalogue.measures.find((m) => m.name === measureName);
  const dimensionsOf = (names: string[]) =>
    names.map((n) => catalogue.dimensions.find((d) => d.name === n)).filter((d) => d !== undefined);
  const available = dimensionsOf(measure?.dimensions ?? []);
  const chosen = draft.dimensions.filter((d) => measure?.dimensions.includes(d));
  const filterable = available.filter((d) => !chosen.includes(d.name));
  const filterDim = filterable.find((d) => d.name === filterDimension) ?? filterable[0];
  const filters = draft.filter.filter((f) => filterable.some((d) => d.name === f.dimension));

  function setMeasure(name: string) {
    setDraft({ measure: name, dimensions: [], filter: [] });
  }
  function setDimension(index: number, name: string) {
    setDraft((previous) => {
      const next = [...chosen];
      if (name) next[index] = name;
      else next.splice(index, 1);
      return { ...previous, measure: measureName, dimensions: next.filter(Boolean) };
    });
  }
  function addFilter() {
    if (!filterDim) return;
    const value = filterValue || filterDim.categories[0]?.code;
    if (!value) return;
    setDraft((previous) => {
      const existing = filters.find((f) => f.dimension === filterDim.name);
      const rest = filters.filter((f) => f.dimension !== filterDim.name);
      const values = existing ? [...new Set([...existing.values, value])] : [value];
      return { ...previous, measure: measureName, filter: [...rest, { dimension: filterDim.name, values }] };
    });
  }
  function removeFilter(dimension: string) {
    setDraft((previous) => ({ ...previous, filter: filters.filter((f) => f.dimension !== dimension) }));
  }
  function onSubmit(event: FormEvent) {
    event.preventDefault();
    setAsk({ measure: measureName, dimensions: chosen, filter: filters });
  }
  const categoryLabel = (dimension: string, code: string) =>
    categoryTitle(
      dimension,
      code,
      catalogue.dimensions.find((d) => d.name === dimension)?.categories.find((c) => c.code === code)?.label ?? code,
    );
  const dimensionTitle = (dimension: string) =>
    titleOf(DIMENSION_TITLES, dimension, catalogue.dimensions.find((d) => d.name === dimension)?.title ?? dimension);

  return (
    <section className="analyst">
      <h1>统计分析</h1>
      <p>
        统计数据来自各信息库的假名化抽取，不含任何个人身份。少于 {catalogue.threshold}{' '}
        人的格子不公布（已抑制），其余计数经过扰动保护，与真实值相差不超过 {catalogue.maxCountDeviation}。
      </p>
      <form className="filters analyst-form" onSubmit={onSubmit} aria-label="选择指标和维度">
        <div>
          <label htmlFor={ids.measure}>指标</label>
          <select
            id={ids.measure}
            value={measureName}
            onChange={(e) => setMeasure(e.target.value)}
            aria-describedby={`${ids.measure}-definition`}
          >
            {catalogue.measures.map((m) => (
              <option key={m.name} value={m.name}>
                {titleOf(MEASURE_TITLES, m.name, m.title)}
              </option>
            ))}
          </select>
          <p id={`${ids.measure}-definition`} className="hint">
            {measure && titleOf(MEASURE_DEFINITIONS, measure.name, measure.definition)}
            {measure && measure.sources.length > 0 && (
              <>（来源：{measure.sources.map((s) => label(REGISTRIES, s)).join('、')}）</>
            )}
          </p>
        </div>
        {Array.from({ length: Math.min(MAX_DIMENSIONS, chosen.length + 1) }, (_, index) => {
          const current = chosen[index] ?? '';
          const options = available.filter((d) => d.name === current || !chosen.includes(d.name));
          const id = `${ids.dimension}-${index}`;
          const found = options.find((d) => d.name === current);
          const definition = found && titleOf(DIMENSION_DEFINITIONS, found.name, found.definition);
          return (
            <div key={index}>
              <label htmlFor={id}>维度 {index + 1}</label>
              <select
                id={id}
                value={current}
                onChange={(e) => setDimension(index, e.target.value)}
                aria-describedby={definition ? `${id}-definition` : undefined}
              >
                <option value="">{index === 0 ? '（不分组，只看合计）' : '（无）'}</option>
                {options.map((d) => (
                  <option key={d.name} value={d.name}>
                    {dimensionTitle(d.name)}
                  </option>
                ))}
              </select>
              {definition && (
                <p id={`${id}-definition`} className="hint">
                  {definition}
                </p>
              )}
            </div>
          );
        })}
        {filterDim && (
          <fieldset className="analyst-filter">
            <legend>筛选（可选）</legend>
            <div>
              <label htmlFor={ids.filterDimension}>筛选维度</label>
              <select
                id={ids.filterDimension}
                value={filterDim.name}
                onChange={(e) => {
                  setFilterDimension(e.target.value);
                  setFilterValue('');
                }}
              >
                {filterable.map((d) => (
                  <option key={d.name} value={d.name}>
                    {dimensionTitle(d.name)}
                  </option>
                ))}
              </select>
            </div>
            <div>
              <label htmlFor={ids.filterValue}>取值</label>
              <select id={ids.filterValue} value={filterValue} onChange={(e) => setFilterValue(e.target.value)}>
                {filterDim.categories.map((c) => (
                  <option key={c.code} value={c.code}>
                    {categoryTitle(filterDim.name, c.code, c.label)}
                  </option>
                ))}
              </select>
            </div>
            <div className="filter-actions">
              <button type="button" className="secondary" onClick={addFilter}>
                添加筛选
              </button>
            </div>
            {filters.length > 0 && (
              <ul className="chosen-filters" aria-label="已选筛选条件">
                {filters.map((f) => (
                  <li key={f.dimension}>
                    {dimensionTitle(f.dimension)}：{f.values.map((v) => categoryLabel(f.dimension, v)).join('、')}{' '}
                    <button
                      type="button"
                      className="secondary"
                      onClick={() => removeFilter(f.dimension)}
                      aria-label={`移除筛选 ${dimensionTitle(f.dimension)}`}
                    >
                      移除
                    </button>
                  </li>
                ))}
              </ul>
            )}
          </fieldset>
        )}
        <div className="filter-actions">
          <button type="submit">查询统计表</button>
        </div>
      </form>
      {ask && (
        <Result
          key={JSON.stringify(ask)}
          ask={ask}
          measureTitle={titleOf(
            MEASURE_TITLES,
            ask.measure,
            catalogue.measures.find((m) => m.name === ask.measure)?.title ?? ask.measure,
          )}
          dimensionTitle={dimensionTitle}
          unit={measure?.unit ? (UNITS[measure.unit] ?? measure.unit) : null}
          categoryLabel={categoryLabel}
          maxCountDeviation={catalogue.maxCountDeviation}
        />
      )}
    </section>
  );
}

function Result({
  ask,
  measureTitle,
  dimensionTitle,
  unit,
  categoryLabel,
  maxCountDeviation,
}: {
  ask: Ask;
  measureTitle: string;
  dimensionTitle: (name: string) => string;
  unit: string | null;
  categoryLabel: (dimension: string, code: string) => string;
  maxCountDeviation: number;
}) {
  const variables = useMemo(
    () => ({ measure: ask.measure, dimensions: ask.dimensions, filter: ask.filter.length > 0 ? ask.filter : null }),
    [ask],
  );
  const [{ data, fetching, error }] = useQuery({ query: AnalystTableDocument, variables });
  const [download, setDownload] = useState<{ busy: boolean; error: string | null }>({ busy: false, error: null });
  const captionId = useId();

  if (fetching && !data) return <Loading what="统计表" />;
  const answer = data?.statistics;
  // Category labels in Chinese for the table and the chart (the catalogue's are English).
  const table = answer && {
    ...answer,
    cells: answer.cells.map((c) => ({
      ...c,
      labels: c.categories.map((code, i) => categoryLabel(answer.dimensions[i], code)),
    })),
  };
  if (!table) return error ? <ErrorNotice error={error} what="查询统计表" /> : <p className="notice">没有结果。</p>;

  const magnitude = table.cells.some((c) => c.sum !== null) || table.total.sum !== null;
  const suppressed = table.cells.filter((c) => c.status !== 'PUBLISHED').length;
  const asOf = table.sources.map((s) => s.asOf).sort()[0];
  const title = `${measureTitle}${table.dimensions.length > 0 ? `，按${table.dimensions.map(dimensionTitle).join('、')}` : ''}`;

  async function onDownload() {
    setDownload({ busy: true, error: null });
    try {
      await downloadCsv(ask);
      setDownload({ busy: false, error: null });
    } catch (e) {
      setDownload({ busy: false, error: e instanceof Error ? e.message : String(e) });
    }
  }

  return (
    <section className="analyst-result" aria-labelledby={captionId}>
      <h2 id={captionId}>统计结果</h2>
      <p>
        数据截至 <strong>{formatDateTime(asOf)}</strong>。来源：
        {table.sources
          .map((s) => `${label(REGISTRIES, s.registry)}（${s.records} 条，${formatDateTime(s.asOf)}）`)
          .join('；')}
        {ask.filter.length > 0 && (
          <>
            。筛选：
            {ask.filter
              .map(
                (f) =>
                  `${dimensionTitle(f.dimension)}为${f.values.map((v) => categoryLabel(f.dimension, v)).join('或')}`,
              )
              .join('；')}
          </>
        )}
      </p>
      <div className="filter-actions">
        <button type="button" onClick={onDownload} disabled={download.busy}>
          {download.busy ? '正在下载……' : '下载 CSV'}
        </button>
      </div>
      {download.error && <ErrorNotice error={download.error} what="下载 CSV" />}
      <p className="legend" id={`${captionId}-legend`}>
        图例：<span aria-hidden="true">—</span> 表示已抑制（少于 {table.threshold} 人，或总和由单一对象主导），不公布。
        本表 {table.cells.length} 格中 {suppressed} 格已抑制。
      </p>
      <Suspense fallback={<Loading what="图表" />}>
        <Chart table={table} title={title} dimensionTitle={dimensionTitle} />
      </Suspense>
      <div className="table-scroll">
        <table className="statistics-table phone-cards" aria-describedby={`${captionId}-legend`}>
          <caption>{title}</caption>
          <thead>
            <tr>
              {table.dimensions.map((d) => (
                <th key={d} scope="col">
                  {dimensionTitle(d)}
                </th>
              ))}
              <th scope="col">人数</th>
              {magnitude && <th scope="col">合计{unit ? `（${unit}）` : ''}</th>}
              {magnitude && <th scope="col">平均{unit ? `（${unit}）` : ''}</th>}
            </tr>
          </thead>
          <tbody>
            {table.cells.map((cell) => (
              <tr key={cell.categories.join('|')}>
                {cell.labels.map((l, i) => (
                  <th key={table.dimensions[i]} scope="row" data-label={dimensionTitle(table.dimensions[i])}>
                    {l}
                  </th>
                ))}
                <Figures cell={cell} magnitude={magnitude} />
              </tr>
            ))}
          </tbody>
          <tfoot>
            <tr>
              <th scope="row" colSpan={Math.max(1, table.dimensions.length)}>
                合计
              </th>
              <Figures cell={table.total} magnitude={magnitude} />
            </tr>
          </tfoot>
        </table>
      </div>
      <details>
        <summary>说明（随表发布）</summary>
        <ul>
          <li>
            {measureTitle}：{titleOf(MEASURE_DEFINITIONS, ask.measure, '')}
          </li>
          <li>少于 {table.threshold} 人的格子不公布（已抑制）。</li>
          <li>
            每个公布的计数都经过单元格键扰动：与真实值相差不超过 {maxCountDeviation}，平均偏差为
            0，同一格每次查询结果相同；格子与合计分别扰动，各格之和不一定等于合计。
          </li>
          {magnitude && (
            <li>
              总和中单一对象所占比例过高的格子不公布（已抑制）；公布的总和经过扰动（不超过该格最大单项的 10%），平均 =
              扰动后的总和 ÷ 扰动后的人数。
            </li>
          )}
          <li>下载的 CSV 以 # 开头的行附有同样的说明（英文原文）。</li>
        </ul>
      </details>
    </section>
  );
}

function Suppressed({ why }: { why: string }) {
  return (
    <span className="suppressed" title={why}>
      <span aria-hidden="true">—</span>
      <span className="visually-hidden">已抑制</span>
    </span>
  );
}

function Figures({ cell, magnitude }: { cell: Table['total']; magnitude: boolean }) {
  const small = cell.status === 'SUPPRESSED_SMALL';
  const dominant = cell.status === 'SUPPRESSED_DOMINANT';
  const format = (n: number) => n.toLocaleString('zh-CN', { maximumFractionDigits: 2 });
  return (
    <>
      <td data-label="人数" className="number">
        {small || cell.count === null ? <Suppressed why="人数过少，已抑制" /> : format(cell.count)}
      </td>
      {magnitude && (
        <td data-label="合计" className="number">
          {small || dominant || cell.sum === null ? <Suppressed why="已抑制" /> : format(cell.sum)}
        </td>
      )}
      {magnitude && (
        <td data-label="平均" className="number">
          {small || dominant || cell.mean === null ? <Suppressed why="已抑制" /> : format(cell.mean)}
        </td>
      )}
    </>
  );
}
