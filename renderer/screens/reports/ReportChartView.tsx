import { BarChart, LineChart } from 'echarts/charts';
import { GridComponent, LegendComponent, TooltipComponent } from 'echarts/components';
import { init, use as registerChartParts, type EChartsCoreOption } from 'echarts/core';
import { SVGRenderer } from 'echarts/renderers';
import { useEffect, useRef } from 'react';
import type { ReportChart } from '../../../main/core/reports/report-charts.ts';

// Only what the report's charts use (bars, a line, grid, legend, tooltip; the SVG renderer, the
// same one the PDF export uses): the whole of echarts would triple the renderer bundle.
registerChartParts([BarChart, LineChart, GridComponent, LegendComponent, TooltipComponent, SVGRenderer]);

/** Without a measured width (a hidden tab, a test's DOM): the chart still draws at a readable size. */
const fallbackWidth = 560;

/**
 * One chart of the report, captioned with its title for screen readers (the section's heading says
 * it on screen); `summary` is what a screen reader says instead of the drawing;
 * the same numbers are in the tables next to it.
 */
export function ReportChartView({ chart, summary }: { chart: ReportChart; summary: string }) {
  const container = useRef<HTMLDivElement>(null);

  useEffect(() => {
    const element = container.current;
    if (!element) return;
    const instance = init(element, null, {
      renderer: 'svg',
      width: element.clientWidth || fallbackWidth,
      height: chart.height,
    });
    // The figure's caption is the title here: the option's own one is for the PDF.
    const withoutTitle = Object.fromEntries(Object.entries(chart.option).filter(([key]) => key !== 'title'));
    instance.setOption({
      ...withoutTitle,
      legend: { ...(chart.option['legend'] as object), top: 0, left: 0, right: 'auto' },
      grid: { ...(chart.option['grid'] as object), top: 32 },
    } as EChartsCoreOption);
    // The report's columns change width with the window (and with the side panel): follow them.
    const observer =
      typeof ResizeObserver === 'undefined'
        ? null
        : new ResizeObserver(() => {
            if (element.clientWidth > 0)
              instance.resize({ width: element.clientWidth, height: chart.height });
          });
    observer?.observe(element);
    return () => {
      observer?.disconnect();
      instance.dispose();
    };
  }, [chart]);

  return (
    <figure className="report-chart" data-chart={chart.id}>
      <figcaption className="visually-hidden">{chart.title}</figcaption>
      <div
        ref={container}
        className="report-chart-canvas"
        role="img"
        aria-label={summary}
        style={{ height: chart.height }}
      />
    </figure>
  );
}
