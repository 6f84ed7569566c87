import { BarChart } from 'echarts/charts';
import { GridComponent, LegendComponent, TitleComponent, TooltipComponent } from 'echarts/components';
import * as echarts from 'echarts/core';
import { LegacyGridContainLabel } from 'echarts/features';
import { SVGRenderer } from 'echarts/renderers';
import type { ReportChart } from '../../core/reports/report-charts.ts';

// The report's charts as SVG text, drawn by ECharts on the server (no DOM: `ssr: true`), from the
// same option objects the screen draws (main/core/reports/report-charts.ts). The PDF then lays the
// SVG into the page as vectors (svg-to-pdfkit), so a printed chart is as sharp as its text.

// LegacyGridContainLabel: the shared options lay their grids out with `containLabel` (ECharts 6
// moved that behaviour into a feature of its own).
echarts.use([
  BarChart,
  GridComponent,
  LegendComponent,
  TitleComponent,
  TooltipComponent,
  LegacyGridContainLabel,
  SVGRenderer,
]);

export function chartSvg(chart: ReportChart, width: number): string {
  const instance = echarts.init(null, null, { renderer: 'svg', ssr: true, width, height: chart.height });
  try {
    instance.setOption(chart.option as echarts.EChartsCoreOption);
    return instance.renderToSVGString();
  } finally {
    instance.dispose();
  }
}
