/**
 * Apache ECharts, with the parts the views use, rendered as SVG. Colours are the Okabe–Ito palette
 * (distinguishable with every common colour-vision deficiency; Okabe & Ito 2008, https://jfly.uni-koeln.de/color/),
 * each series also with its own symbol shape, and ECharts' ARIA description and decal patterns on.
 */
import * as echarts from 'echarts/core';
import { BarChart, HeatmapChart, LineChart, ScatterChart } from 'echarts/charts';
import { AriaComponent, DataZoomComponent, GridComponent, LegendComponent, MarkLineComponent, TitleComponent, TooltipComponent, VisualMapComponent } from 'echarts/components';
import { SVGRenderer } from 'echarts/renderers';

echarts.use([ScatterChart, LineChart, BarChart, HeatmapChart, GridComponent, TooltipComponent, LegendComponent, VisualMapComponent, AriaComponent, MarkLineComponent, TitleComponent, DataZoomComponent, SVGRenderer]);

/** The page's font stack (style.css): ECharts measures its labels in it, so a family name is needed, not 'inherit'. */
export const FONT = 'system-ui, -apple-system, "Segoe UI", Roboto, sans-serif';

export const OKABE_ITO = ['#0072B2', '#E69F00', '#009E73', '#CC79A7', '#56B4E9', '#D55E00', '#F0E442', '#000000'];
export const SYMBOLS = ['circle', 'rect', 'triangle', 'diamond', 'pin', 'roundRect', 'arrow'];
/** Viridis at 8 stops (perceptually uniform, colour-blind safe), for continuous scales. */
export const VIRIDIS = ['#440154', '#46327e', '#365c8d', '#277f8e', '#1fa187', '#4ac16d', '#a0da39', '#fde725'];

const live = new Set<echarts.ECharts>();

/** Draws `option` into `el` (sized by the page's CSS), following the element's size. */
export function drawChart(el: HTMLElement, option: echarts.EChartsCoreOption, label: string): echarts.ECharts {
  el.setAttribute('role', 'img');
  el.setAttribute('aria-label', label);
  const chart = echarts.init(el, undefined, { renderer: 'svg' });
  chart.setOption({ color: OKABE_ITO, aria: { enabled: true, decal: { show: false } }, animation: false, textStyle: { fontFamily: FONT }, ...option });
  const observer = new ResizeObserver(() => chart.resize());
  observer.observe(el);
  chart.on('finished', () => el.setAttribute('data-rendered', 'true'));
  live.add(chart);
  (chart as unknown as { __observer: ResizeObserver }).__observer = observer;
  return chart;
}

/** Disposes the charts whose element `which` selects (all by default), e.g. those of a view drawn again. */
export function disposeCharts(which: (el: HTMLElement) => boolean = () => true): void {
  for (const c of [...live]) {
    if (!which(c.getDom())) continue;
    (c as unknown as { __observer?: ResizeObserver }).__observer?.disconnect();
    c.dispose();
    live.delete(c);
  }
}
