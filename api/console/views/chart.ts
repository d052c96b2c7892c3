// Charts drawn on the server as inline SVG (no script, no styles in attributes: colours come from the stylesheet's
// classes). Each has a text summary and a visually hidden table with the same figures for screen readers.
import type { DailyCount, DepthSample } from '../../../db/repositories/console/activity.js';
import type { ConsoleContext } from '../context.js';
import { html, type Html } from '../html.js';

const WIDTH = 720;
const HEIGHT = 180;
const PAD = { left: 32, right: 8, top: 10, bottom: 24 };

function scale(max: number): { top: number; y: (v: number) => number } {
  const top = Math.max(1, max);
  const inner = HEIGHT - PAD.top - PAD.bottom;
  return { top, y: (v) => PAD.top + inner - (v / top) * inner };
}

function axes(top: number): Html {
  const base = HEIGHT - PAD.bottom;
  return html`<line class="axis" x1="${PAD.left}" y1="${base}" x2="${WIDTH - PAD.right}" y2="${base}"></line>
<line class="axis" x1="${PAD.left}" y1="${PAD.top}" x2="${PAD.left}" y2="${base}"></line>
<text x="${PAD.left - 4}" y="${PAD.top + 4}" text-anchor="end">${top}</text><text x="${PAD.left - 4}" y="${base}" text-anchor="end">0</text>`;
}

/** Documents posted and failed per day: two bars a day. */
export function dailyChart(ctx: ConsoleContext, days: DailyCount[]): Html {
  const { t } = ctx;
  const { top, y } = scale(Math.max(...days.map((d) => Math.max(d.posted, d.failed)), 0));
  const slot = (WIDTH - PAD.left - PAD.right) / Math.max(1, days.length);
  const bar = Math.max(2, slot / 2 - 2);
  const base = HEIGHT - PAD.bottom;
  const posted = days.reduce((n, d) => n + d.posted, 0);
  const failed = days.reduce((n, d) => n + d.failed, 0);
  const summary = t.t('activity.chart.summary', { posted, failed, days: days.length });
  return html`<figure class="chart">
<svg viewBox="0 0 ${WIDTH} ${HEIGHT}" role="img" aria-label="${t.t('activity.chart', { days: days.length })}. ${summary}">
${axes(top)}
${days.map((d, i) => {
    const x = PAD.left + i * slot + 1;
    return html`<g><title>${t.t('activity.chart.day', { day: d.day, posted: d.posted, failed: d.failed })}</title>
<rect class="bar-posted" x="${x.toFixed(1)}" y="${y(d.posted).toFixed(1)}" width="${bar.toFixed(1)}" height="${(base - y(d.posted)).toFixed(1)}"></rect>
<rect class="bar-failed" x="${(x + bar + 1).toFixed(1)}" y="${y(d.failed).toFixed(1)}" width="${bar.toFixed(1)}" height="${(base - y(d.failed)).toFixed(1)}"></rect>
${i % Math.ceil(days.length / 7) === 0 ? html`<text x="${x.toFixed(1)}" y="${HEIGHT - 8}">${d.day.slice(5)}</text>` : ''}</g>`;
  })}
</svg>
<figcaption>${t.t('activity.chart', { days: days.length })}. ${summary}
<span class="legend"><span><span class="swatch posted"></span>${t.t('activity.chart.posted')}</span><span><span class="swatch failed"></span>${t.t('activity.chart.failed')}</span></span></figcaption>
<table class="visually-hidden"><caption>${t.t('activity.chart', { days: days.length })}</caption><thead><tr><th scope="col">${t.t('common.when')}</th><th scope="col">${t.t('activity.chart.posted')}</th><th scope="col">${t.t('activity.chart.failed')}</th></tr></thead>
<tbody>${days.map((d) => html`<tr><td>${d.day}</td><td>${d.posted}</td><td>${d.failed}</td></tr>`)}</tbody></table>
</figure>`;
}

/** Requests waiting for the Web Connector, one bar an hour. */
export function queueChart(ctx: ConsoleContext, samples: DepthSample[]): Html {
  const { t } = ctx;
  const max = Math.max(0, ...samples.map((s) => s.waiting));
  const { top, y } = scale(max);
  const slot = (WIDTH - PAD.left - PAD.right) / Math.max(1, samples.length);
  const base = HEIGHT - PAD.bottom;
  const title = t.t('activity.queue', { hours: samples.length });
  const summary = t.t('activity.queue.summary', { max, now: samples.at(-1)?.waiting ?? 0 });
  return html`<figure class="chart">
<svg viewBox="0 0 ${WIDTH} ${HEIGHT}" role="img" aria-label="${title}. ${summary}">
${axes(top)}
${samples.map((s, i) => html`<rect class="bar-queue" x="${(PAD.left + i * slot + 1).toFixed(1)}" y="${y(s.waiting).toFixed(1)}" width="${Math.max(1, slot - 2).toFixed(1)}" height="${(base - y(s.waiting)).toFixed(1)}"><title>${t.t('activity.queue.sample', { at: t.dateTime(s.at), count: s.waiting })}</title></rect>`)}
</svg>
<figcaption>${title}. ${summary}</figcaption>
</figure>`;
}
