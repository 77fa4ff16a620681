import { useEffect, useId, useMemo, useRef } from 'react';
import { BarChart } from 'echarts/charts';
import { GridComponent, LegendComponent, TooltipComponent } from 'echarts/components';
import { init, use } from 'echarts/core';
import { SVGRenderer } from 'echarts/renderers';
import type { AnalystTableQuery } from '../../gql/graphql';

// Only what this chart draws: bars, axes, legend, tooltip, drawn as SVG.
use([BarChart, GridComponent, LegendComponent, TooltipComponent, SVGRenderer]);

type Table = NonNullable<AnalystTableQuery['statistics']>;

/**
 * The table as a bar chart (Apache ECharts): the first dimension along the axis, one series per
 * combination of the others; suppressed cells are gaps. The table below is its text alternative.
 */
export default function Chart({
  table,
  title,
  dimensionTitle,
}: {
  table: Table;
  title: string;
  dimensionTitle: (name: string) => string;
}) {
  const element = useRef<HTMLDivElement>(null);
  const descriptionId = useId();
  const axis = useMemo(() => [...new Set(table.cells.map((c) => c.labels[0] ?? '合计'))], [table]);
  const seriesNames = useMemo(
    () => [...new Set(table.cells.map((c) => c.labels.slice(1).join(' / ') || '人数'))],
    [table],
  );
  const single = table.dimensions.length === 0;

  useEffect(() => {
    if (!element.current) return;
    const chart = init(element.current, undefined, { renderer: 'svg' });
    const value = (axisLabel: string, series: string) => {
      const cell = single
        ? table.total
        : table.cells.find(
            (c) => (c.labels[0] ?? '合计') === axisLabel && (c.labels.slice(1).join(' / ') || '人数') === series,
          );
      return cell && cell.status !== 'SUPPRESSED_SMALL' ? cell.count : null;
    };
    chart.setOption({
      animation: false,
      tooltip: { trigger: 'axis' },
      legend: seriesNames.length > 1 ? { type: 'scroll', bottom: 0 } : undefined,
      grid: { left: 48, right: 16, top: 16, bottom: seriesNames.length > 1 ? 72 : 48, containLabel: true },
      xAxis: { type: 'category', data: axis, axisLabel: { interval: 0, rotate: axis.length > 6 ? 45 : 0 } },
      yAxis: { type: 'value', name: '人数' },
      series: seriesNames.map((name) => ({ type: 'bar', name, data: axis.map((a) => value(a, name)) })),
    });
    const resize = () => chart.resize();
    window.addEventListener('resize', resize);
    return () => {
      window.removeEventListener('resize', resize);
      chart.dispose();
    };
  }, [table, axis, seriesNames, single]);

  const published = table.cells.filter((c) => c.status !== 'SUPPRESSED_SMALL').length;
  const description =
    `柱状图：${title}。横轴为${table.dimensions[0] ? dimensionTitle(table.dimensions[0]) : '合计'}` +
    `${seriesNames.length > 1 ? `，每组柱子按${table.dimensions.slice(1).map(dimensionTitle).join('、')}区分` : ''}` +
    `；共 ${table.cells.length} 格，${published} 格有数值，已抑制的格子不画出。具体数值见下表。`;
  return (
    <figure className="analyst-chart">
      <div ref={element} className="chart" role="img" aria-label={title} aria-describedby={descriptionId} />
      <figcaption id={descriptionId}>{description}</figcaption>
    </figure>
  );
}
