// Chart.js, served by the server as a webjar, loaded once on demand (it defines window.Chart).

const SRC = new URL('./webjars/chart.js/4.5.1/dist/chart.umd.min.js', import.meta.url).href;
let loading = null;

export function loadChart() {
  if (window.Chart) return Promise.resolve(window.Chart);
  if (!loading) {
    loading = new Promise((resolve, reject) => {
      const s = document.createElement('script');
      s.src = SRC;
      s.async = true;
      s.onload = () => (window.Chart ? resolve(window.Chart) : reject(new Error('Chart.js did not load')));
      s.onerror = () => { loading = null; reject(new Error('Chart.js did not load')); };
      document.head.append(s);
    });
  }
  return loading;
}

export const COLORS = ['#b3261e', '#1f5fa8', '#2e7d32', '#8a4baf', '#c25e00', '#00796b', '#5d4037', '#ad1457'];

/** Draw a chart into a canvas; resolves to the Chart instance, or null when Chart.js is unavailable. */
export async function drawChart(canvas, config) {
  try {
    const Chart = await loadChart();
    if (!canvas.isConnected) return null;
    const existing = Chart.getChart(canvas);
    if (existing) existing.destroy();
    const reduce = window.matchMedia && window.matchMedia('(prefers-reduced-motion: reduce)').matches;
    config.options = { responsive: true, maintainAspectRatio: false, animation: reduce ? false : undefined, ...config.options };
    return new Chart(canvas, config);
  } catch {
    canvas.closest('.chart-box')?.classList.add('chart-failed');
    return null;
  }
}
