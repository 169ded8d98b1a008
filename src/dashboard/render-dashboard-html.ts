/** The page's own styles (uPlot's come first). */
const PAGE_CSS = `
:root { --regressed: #d1242f; --improved: #1a7f37; color-scheme: light; }
* { box-sizing: border-box; }
body { margin: 0; font: 14px/1.45 -apple-system, BlinkMacSystemFont, "Segoe UI", Helvetica, Arial, sans-serif; color: #1f2328; background: #f6f8fa; }
header { position: sticky; top: 0; z-index: 2; background: #fff; border-bottom: 1px solid #d0d7de; padding: 12px 24px; }
h1 { font-size: 18px; margin: 0 12px 0 0; display: inline-block; }
form { display: inline-flex; flex-wrap: wrap; gap: 8px 14px; align-items: center; }
input[type=search] { width: 260px; padding: 5px 8px; border: 1px solid #d0d7de; border-radius: 6px; }
select { padding: 4px 6px; border: 1px solid #d0d7de; border-radius: 6px; background: #fff; }
#status { margin: 6px 0 0; color: #59636e; font-size: 12px; }
#clear-bench { border: 1px solid #d0d7de; border-radius: 12px; background: #ddf4ff; padding: 2px 10px; cursor: pointer; }
main { padding: 16px 24px; display: grid; gap: 16px; }
.card { background: #fff; border: 1px solid #d0d7de; border-radius: 8px; padding: 12px 16px; min-height: 120px; }
.card h2 { font-size: 15px; margin: 0; word-break: break-all; }
.card h2 a { color: #0969da; text-decoration: none; }
.meta { margin: 2px 0 8px; color: #59636e; font-size: 12px; word-break: break-all; }
.metric h3 { font-size: 13px; font-weight: 600; margin: 8px 0 4px; color: #31373d; word-break: break-all; }
.chart { width: 100%; min-height: 240px; }
.change-points { margin: 6px 0 0; padding-left: 18px; }
.change-point.regressed strong { color: var(--regressed); }
.change-point.improved strong { color: var(--improved); }
.environment { color: #59636e; }
.error { color: var(--regressed); }
.more { justify-self: center; padding: 6px 14px; border: 1px solid #d0d7de; border-radius: 6px; background: #fff; cursor: pointer; }
.legend-note { color: #59636e; font-size: 12px; margin: 4px 0 0; }
.uplot { font-family: inherit; }
`;

/**
 * The dashboard's one HTML page: styles and the bundled script (uPlot included) inline, no data
 * and no outside requests but its own JSON files. Nothing from the stored history is in it, so
 * there is nothing to escape; the script puts data on the page as text.
 * @param script the page bundle (an IIFE)
 * @param uplotCss uPlot's stylesheet
 * @returns the page
 */
export function renderDashboardHtml(script: string, uplotCss: string): string {
  // A `</script` or `</style` inside the inlined code would end its element early.
  const safeScript = script.replace(/<\/(script)/gi, '<\\/$1').replace(/<!--/g, '<\\!--');
  const safeCss = `${uplotCss}\n${PAGE_CSS}`.replace(/<\/(style)/gi, '<\\/$1');
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta http-equiv="Content-Security-Policy" content="default-src 'self'; script-src 'unsafe-inline'; style-src 'unsafe-inline'; img-src 'self' data:; connect-src 'self'">
<link rel="icon" href="data:,">
<title>benchgate · benchmark history</title>
<style>${safeCss}</style>
</head>
<body>
<header>
<h1>benchgate · benchmark history</h1>
<form id="filters" role="search">
<input type="search" name="q" placeholder="Search benchmarks and metrics" aria-label="Search benchmarks and metrics">
<select name="set" aria-label="Benchmark set"></select>
<select name="branch" aria-label="Branch"></select>
<label><input type="checkbox" name="changed"> only with change points</label>
<label><input type="checkbox" name="log"> log scale</label>
<button type="button" id="clear-bench" hidden></button>
</form>
<p id="status">Loading…</p>
<p class="legend-note">Line: each job's median run; band: its lowest to highest run. Solid red/green lines: change points (shaded: the commit range); dashed grey: the runner environment changed. Drag to zoom, double-click to reset.</p>
</header>
<main id="list"></main>
<script>${safeScript}</script>
</body>
</html>
`;
}
