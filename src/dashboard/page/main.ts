/// <reference lib="dom" />
/**
 * The dashboard page: loads `manifest.json`, lists the benchmarks that match the filters in the
 * URL (`q`, `set`, `branch`, `bench`, `changed`, `log`), and draws each benchmark's metrics with
 * uPlot when its card scrolls into view, loading that benchmark's `data/<key>.json` only then.
 * Every string from the data reaches the page through `textContent`, attribute values or
 * `URL`-checked links; nothing from the data is parsed as HTML.
 */
import uPlot from 'uplot';
import type {
  DashboardBenchmarkFile,
  DashboardChangePoint,
  DashboardManifest,
  DashboardManifestEntry,
  DashboardMetric,
} from '../../history/build-dashboard-data.ts';

const MANIFEST_SCHEMA = 'benchgate/dashboard@1';
const BENCHMARK_SCHEMA = 'benchgate/dashboard-benchmark@1';
/** Cards rendered at once; "show more" adds this many again. */
const PAGE_SIZE = 60;

interface Filters {
  q: string;
  set: string;
  branch: string;
  bench: string;
  changed: boolean;
  log: boolean;
}

let firstChartReported = false;

function element<K extends keyof HTMLElementTagNameMap>(tag: K, text?: string, className?: string): HTMLElementTagNameMap[K] {
  const node = document.createElement(tag);
  if (text !== undefined) node.textContent = text;
  if (className) node.className = className;
  return node;
}

function readFilters(): Filters {
  const params = new URLSearchParams(location.search);
  return {
    q: params.get('q') ?? '',
    set: params.get('set') ?? '',
    branch: params.get('branch') ?? '',
    bench: params.get('bench') ?? '',
    changed: params.get('changed') === '1',
    log: params.get('log') === '1',
  };
}

function writeFilters(filters: Filters): void {
  const params = new URLSearchParams();
  if (filters.q) params.set('q', filters.q);
  if (filters.set) params.set('set', filters.set);
  if (filters.branch) params.set('branch', filters.branch);
  if (filters.bench) params.set('bench', filters.bench);
  if (filters.changed) params.set('changed', '1');
  if (filters.log) params.set('log', '1');
  const search = params.toString();
  history.replaceState(null, '', search ? `?${search}` : location.pathname);
}

function matches(entry: DashboardManifestEntry, filters: Filters): boolean {
  if (filters.set && entry.set !== filters.set) return false;
  if (filters.branch && entry.branch !== filters.branch) return false;
  if (filters.bench && entry.benchmark !== filters.bench) return false;
  if (filters.changed && !entry.metrics.some((metric) => metric.changePoints > 0)) return false;
  if (filters.q) {
    const needle = filters.q.toLowerCase();
    const haystack = [entry.benchmark, entry.set, entry.branch, ...entry.metrics.map((metric) => metric.name)].join('\n').toLowerCase();
    if (!haystack.includes(needle)) return false;
  }
  return true;
}

/** A commit link from the manifest's template, only for http(s) URLs; else null (shown as plain text). */
function commitHref(template: string | null, commit: string): string | null {
  if (!template || !/^[0-9a-f]{7,64}$/.test(commit)) return null;
  try {
    const url = new URL(template.replace('{commit}', commit));
    return url.protocol === 'https:' || url.protocol === 'http:' ? url.href : null;
  } catch {
    return null;
  }
}

function formatStep(point: DashboardChangePoint): string {
  const percent = (ratio: number) => `${ratio >= 1 ? '+' : '−'}${Math.abs((ratio - 1) * 100).toFixed(1)}%`;
  const plain = (value: number) => `${value >= 0 ? '+' : '−'}${Math.abs(value).toPrecision(3)}`;
  const show = point.scale === 'ratio' ? percent : plain;
  const interval = point.interval ? ` (95% CI ${show(point.interval[0])} … ${show(point.interval[1])})` : '';
  return `${show(point.step)}${interval}`;
}

function commitNode(template: string | null, commit: string): HTMLElement {
  const href = commitHref(template, commit);
  const text = commit.slice(0, 7);
  if (!href) return element('code', text);
  const link = element('a', text);
  link.href = href;
  link.rel = 'noopener';
  return link;
}

async function fetchJson<T>(file: string, schema: string): Promise<T> {
  const response = await fetch(file);
  if (!response.ok) throw new Error(`${file}: HTTP ${response.status}`);
  const data = (await response.json()) as { schema?: unknown };
  if (data.schema !== schema) throw new Error(`${file}: expected schema '${schema}', got '${String(data.schema)}'`);
  return data as T;
}

function drawChart(container: HTMLElement, metric: DashboardMetric, file: DashboardBenchmarkFile, log: boolean): uPlot {
  const regressed = getComputedStyle(document.documentElement).getPropertyValue('--regressed').trim() || '#d1242f';
  const improved = getComputedStyle(document.documentElement).getPropertyValue('--improved').trim() || '#1a7f37';
  const time = metric.time;
  const markers = {
    id: 'benchgate-markers',
    hooks: {
      setScale: [
        (chart: uPlot, key: string) => {
          // The shown time range, so a zoom can be seen (and tested) from outside the canvas.
          if (key === 'x') container.dataset.xRange = `${Math.round(chart.scales.x!.min ?? 0)}..${Math.round(chart.scales.x!.max ?? 0)}`;
        },
      ],
      draw: [
        (chart: uPlot) => {
          const context = chart.ctx;
          const { top, height } = chart.bbox;
          context.save();
          for (const index of metric.environmentChanges) {
            const x = Math.round(chart.valToPos(time[index]!, 'x', true));
            context.strokeStyle = '#8c959f';
            context.lineWidth = 1.5 * devicePixelRatio;
            context.setLineDash([4 * devicePixelRatio, 4 * devicePixelRatio]);
            context.beginPath();
            context.moveTo(x, top);
            context.lineTo(x, top + height);
            context.stroke();
          }
          context.setLineDash([]);
          for (const point of metric.changePoints) {
            const from = chart.valToPos(time[point.index - 1]!, 'x', true);
            const to = chart.valToPos(time[point.index]!, 'x', true);
            const color = point.change === 'regressed' ? regressed : improved;
            context.fillStyle = `${color}33`;
            context.fillRect(Math.min(from, to), top, Math.max(2 * devicePixelRatio, Math.abs(to - from)), height);
            context.strokeStyle = color;
            context.lineWidth = 2 * devicePixelRatio;
            context.beginPath();
            context.moveTo(Math.round(to), top);
            context.lineTo(Math.round(to), top + height);
            context.stroke();
          }
          context.restore();
          container.dataset.drawn = 'true';
          if (!firstChartReported) {
            firstChartReported = true;
            // Milliseconds since navigation started: what a person waits for the first chart.
            document.body.dataset.firstChartMs = String(Math.round(performance.now()));
          }
        },
      ],
    },
  };
  const width = Math.max(320, container.clientWidth);
  const options: uPlot.Options = {
    width,
    height: 240,
    plugins: [markers],
    scales: { x: { time: true }, y: { distr: log ? 3 : 1 } },
    cursor: { drag: { x: true, y: false } },
    legend: { show: true, live: true },
    series: [
      {
        value: (_chart, value, _series, index) => {
          if (value == null) return '—';
          const commit = index != null && index >= 0 ? (file.commits[metric.commit[index]!] ?? '') : '';
          return `${new Date(value * 1000).toISOString().slice(0, 16).replace('T', ' ')} ${commit.slice(0, 7)}`;
        },
      },
      { label: `${metric.name} (${metric.unit})`, stroke: '#0969da', width: 1.5, points: { show: true, size: 4 } },
      { label: 'lowest run', stroke: 'rgba(9,105,218,0.25)', width: 0.5, points: { show: false } },
      { label: 'highest run', stroke: 'rgba(9,105,218,0.25)', width: 0.5, points: { show: false } },
    ],
    bands: [{ series: [3, 2], fill: 'rgba(9,105,218,0.12)' }],
    axes: [{}, { label: metric.unit, size: 70 }],
  };
  return new uPlot(options, [time, metric.center, metric.low, metric.high], container);
}

function renderChangePoints(metric: DashboardMetric, template: string | null): HTMLElement {
  const list = element('ul', undefined, 'change-points');
  for (const point of metric.changePoints) {
    const item = element('li', undefined, `change-point ${point.change}`);
    item.append(
      element('strong', point.change === 'regressed' ? 'regressed' : 'improved'),
      ` ${formatStep(point)} between `,
      commitNode(template, point.from),
      ' and ',
      commitNode(template, point.to),
      `, p ${Number(point.pValue.toPrecision(2))}`,
    );
    if (point.environmentChange.length > 0) item.append(element('span', ` · runner environment changed: ${point.environmentChange.join('; ')}`, 'environment'));
    list.append(item);
  }
  return list;
}

function main(): void {
  const status = document.getElementById('status')!;
  const list = document.getElementById('list')!;
  const form = document.getElementById('filters') as HTMLFormElement;
  const search = form.elements.namedItem('q') as HTMLInputElement;
  const setSelect = form.elements.namedItem('set') as HTMLSelectElement;
  const branchSelect = form.elements.namedItem('branch') as HTMLSelectElement;
  const changed = form.elements.namedItem('changed') as HTMLInputElement;
  const logScale = form.elements.namedItem('log') as HTMLInputElement;
  const clear = document.getElementById('clear-bench') as HTMLButtonElement;
  let filters = readFilters();
  let manifest: DashboardManifest | null = null;
  const charts = new Set<uPlot>();
  const observer = new IntersectionObserver(
    (entries) => {
      for (const seen of entries) {
        if (!seen.isIntersecting) continue;
        observer.unobserve(seen.target);
        void loadCard(seen.target as HTMLElement);
      }
    },
    { rootMargin: '300px' },
  );

  async function loadCard(card: HTMLElement): Promise<void> {
    const entry = manifest!.benchmarks.find((candidate) => candidate.key === card.dataset.key)!;
    const body = card.querySelector('.metrics') as HTMLElement;
    try {
      const file = await fetchJson<DashboardBenchmarkFile>(entry.file, BENCHMARK_SCHEMA);
      body.replaceChildren();
      body.style.minHeight = '';
      for (const metric of file.metrics) {
        const section = element('section', undefined, 'metric');
        section.append(element('h3', `${metric.name} · ${metric.unit}, ${metric.direction} is better · ${metric.center.length} jobs`));
        const chart = element('div', undefined, 'chart');
        chart.dataset.changePoints = String(metric.changePoints.length);
        chart.dataset.environmentChanges = String(metric.environmentChanges.length);
        section.append(chart);
        if (metric.changePoints.length > 0) section.append(renderChangePoints(metric, manifest!.commitUrl));
        if (metric.environmentChanges.length > 0) {
          const commits = metric.environmentChanges.map((index) => (file.commits[metric.commit[index]!] ?? '').slice(0, 7)).join(', ');
          section.append(element('p', `Runner environment changed at ${commits} (dashed line).`, 'environment'));
        }
        body.append(section);
        charts.add(drawChart(chart, metric, file, filters.log));
      }
      card.dataset.loaded = 'true';
    } catch (error: unknown) {
      body.replaceChildren(element('p', `Cannot show this benchmark: ${(error as Error).message}`, 'error'));
      card.dataset.loaded = 'error';
    }
  }

  function render(): void {
    for (const chart of charts) chart.destroy();
    charts.clear();
    observer.disconnect();
    list.replaceChildren();
    if (!manifest) return;
    const shown = manifest.benchmarks.filter((entry) => matches(entry, filters));
    status.textContent = `${shown.length} of ${manifest.benchmarks.length} benchmark(s) · built ${manifest.generatedAt} · change points: E-divisive means, α ${manifest.detection.alpha}, ${manifest.detection.permutations} permutations, ≥ ${manifest.detection.minSize} jobs each side`;
    clear.hidden = !filters.bench;
    if (filters.bench) clear.textContent = `showing only “${filters.bench}” ✕`;
    let count = 0;
    const addPage = () => {
      for (const entry of shown.slice(count, count + PAGE_SIZE)) {
        const card = element('article', undefined, 'card');
        card.dataset.key = entry.key;
        const heading = element('h2');
        const link = element('a', entry.benchmark);
        const params = new URLSearchParams({ set: entry.set, branch: entry.branch, bench: entry.benchmark });
        link.href = `?${params.toString()}`;
        heading.append(link);
        card.append(
          heading,
          element(
            'p',
            `set ${entry.set} · branch ${entry.branch} · ${entry.jobs} jobs · ${entry.metrics.reduce((sum, metric) => sum + metric.changePoints, 0)} change point(s)`,
            'meta',
          ),
        );
        // The placeholder is as tall as the charts will be, so only cards near the view load.
        const placeholder = element('div', 'Loading…', 'metrics');
        placeholder.style.minHeight = `${entry.metrics.length * 330}px`;
        card.append(placeholder);
        list.append(card);
        observer.observe(card);
      }
      count += PAGE_SIZE;
      if (count < shown.length) {
        const more = element('button', `Show ${Math.min(PAGE_SIZE, shown.length - count)} more of ${shown.length - count}`, 'more');
        more.type = 'button';
        more.addEventListener('click', () => {
          more.remove();
          addPage();
        });
        list.append(more);
      }
    };
    if (shown.length === 0) list.append(element('p', 'No benchmark matches these filters.', 'empty'));
    else addPage();
  }

  function syncForm(): void {
    search.value = filters.q;
    changed.checked = filters.changed;
    logScale.checked = filters.log;
    setSelect.value = filters.set;
    branchSelect.value = filters.branch;
  }

  function fillSelect(select: HTMLSelectElement, values: string[], all: string): void {
    select.replaceChildren(new Option(all, ''));
    for (const value of values) select.append(new Option(value, value));
  }

  form.addEventListener('input', () => {
    filters = { ...filters, q: search.value, set: setSelect.value, branch: branchSelect.value, changed: changed.checked, log: logScale.checked };
    writeFilters(filters);
    render();
  });
  form.addEventListener('submit', (event) => event.preventDefault());
  clear.addEventListener('click', () => {
    filters = { ...filters, bench: '' };
    writeFilters(filters);
    render();
  });
  window.addEventListener('popstate', () => {
    filters = readFilters();
    syncForm();
    render();
  });

  fetchJson<DashboardManifest>('manifest.json', MANIFEST_SCHEMA)
    .then((loaded) => {
      manifest = loaded;
      fillSelect(setSelect, [...new Set(loaded.benchmarks.map((entry) => entry.set))].sort(), 'all sets');
      fillSelect(branchSelect, [...new Set(loaded.benchmarks.map((entry) => entry.branch))].sort(), 'all branches');
      syncForm();
      render();
    })
    .catch((error: unknown) => {
      status.textContent = `Cannot load the dashboard: ${(error as Error).message}`;
      status.className = 'error';
    });
}

main();
