// Deterministic NGINX-ingress-like counters over 2 h ending at END (Unix seconds), every 15 s:
// canary 200s grow 10 per sample and 500s 1 per sample, stable 200s 20 per sample, an idle service
// whose counter never moves (rate 0 → 0/0 = NaN ratio), and a service with no samples for 20 minutes.
export const END = 1_767_225_600; // 2026-01-01T00:00:00Z
export const START = END - 7200;
export const SCRAPE = 15;
export const GAP_FROM = END - 3600;
export const GAP_TO = END - 2400;

export function fixtureOpenMetrics(): string {
  const lines = ['# TYPE nginx_ingress_controller_requests unknown'];
  const series: { labels: string; perSample: number; skip?: (t: number) => boolean }[] = [
    { labels: 'exported_service="canary",status="200"', perSample: 10 },
    { labels: 'exported_service="canary",status="500"', perSample: 1 },
    { labels: 'exported_service="stable",status="200"', perSample: 20 },
    { labels: 'exported_service="idle",status="200"', perSample: 0 },
    { labels: 'exported_service="gappy",status="200"', perSample: 5, skip: (t) => t > GAP_FROM && t < GAP_TO },
  ];
  for (const s of series) {
    for (let t = START, i = 0; t <= END; t += SCRAPE, i++) {
      if (s.skip?.(t)) continue;
      lines.push(`nginx_ingress_controller_requests{${s.labels}} ${100 + i * s.perSample} ${t}`);
    }
  }
  lines.push('# EOF');
  return `${lines.join('\n')}\n`;
}
