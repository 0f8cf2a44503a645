// Deterministic, realistic manifests for the benchmark (and the fuzz test): one "app" is a stable
// and a canary Service, an NGINX Ingress, an AnalysisTemplate with two Prometheus metrics taking
// args, and a canary Rollout with nginx traffic routing, 8 steps and background analysis (~120 lines).

export function generateApp(i: number): string {
  const app = `app-${String(i).padStart(4, '0')}`;
  const port = 8080 + (i % 5);
  const weights = [5, 10, 20, 40, 60, 80].map((w) => Math.min(95, w + (i % 3)));
  return `apiVersion: v1
kind: Service
metadata:
  name: ${app}-stable
  namespace: shop
spec:
  selector:
    app: ${app}
  ports:
    - name: http
      port: 80
      targetPort: ${port}
---
apiVersion: v1
kind: Service
metadata:
  name: ${app}-canary
  namespace: shop
spec:
  selector:
    app: ${app}
  ports:
    - name: http
      port: 80
      targetPort: ${port}
---
apiVersion: networking.k8s.io/v1
kind: Ingress
metadata:
  name: ${app}
  namespace: shop
spec:
  ingressClassName: nginx
  rules:
    - host: ${app}.shop.example.com
      http:
        paths:
          - path: /
            pathType: Prefix
            backend:
              service:
                name: ${app}-stable
                port:
                  name: http
---
apiVersion: argoproj.io/v1alpha1
kind: AnalysisTemplate
metadata:
  name: ${app}-health
  namespace: shop
spec:
  args:
    - name: service-name
    - name: threshold
      value: "0.95"
  metrics:
    - name: success-rate
      interval: 1m
      count: 5
      failureLimit: 2
      successCondition: len(result) == 0 || result[0] >= {{args.threshold}}
      provider:
        prometheus:
          address: http://prometheus.monitoring.svc:9090
          query: |
            sum(rate(http_requests_total{service="{{args.service-name}}",code!~"5.."}[2m]))
            /
            sum(rate(http_requests_total{service="{{args.service-name}}"}[2m]))
    - name: latency-p99
      interval: 1m
      count: 5
      successCondition: len(result) == 0 || result[0] < 0.5
      provider:
        prometheus:
          address: http://prometheus.monitoring.svc:9090
          query: |
            histogram_quantile(0.99, sum by (le) (rate(http_request_duration_seconds_bucket{service="{{args.service-name}}"}[5m])))
---
apiVersion: argoproj.io/v1alpha1
kind: Rollout
metadata:
  name: ${app}
  namespace: shop
spec:
  replicas: ${3 + (i % 4)}
  selector:
    matchLabels:
      app: ${app}
  template:
    metadata:
      labels:
        app: ${app}
    spec:
      containers:
        - name: ${app}
          image: registry.example.com/shop/${app}:1.${i % 40}.0
  strategy:
    canary:
      canaryService: ${app}-canary
      stableService: ${app}-stable
      trafficRouting:
        nginx:
          stableIngress: ${app}
      analysis:
        templates:
          - templateName: ${app}-health
        startingStep: 2
        args:
          - name: service-name
            value: ${app}-canary
      steps:
        - setWeight: ${weights[0]}
        - pause: {duration: 1m}
        - setWeight: ${weights[1]}
        - pause: {duration: 2m}
        - setWeight: ${weights[3]}
        - analysis:
            templates:
              - templateName: ${app}-health
            args:
              - name: service-name
                value: ${app}-canary
        - setWeight: ${weights[5]}
        - pause: {}
`;
}

/** `n` apps in one multi-document file. */
export function generateApps(n: number): string {
  const parts: string[] = [];
  for (let i = 0; i < n; i++) parts.push(generateApp(i));
  return parts.join('---\n');
}

/** A single ~150-line Rollout file (a larger pod template), for keystroke latency. */
export function generateSingleRollout(): string {
  const env = Array.from({ length: 51 }, (_, k) => `            - name: FEATURE_${k}\n              value: "on"`).join('\n');
  return generateApp(7)
    .split('---\n')
    .slice(-1)[0]!
    .replace(/(\n {10}image: [^\n]*\n)/, `$1          env:\n${env}\n`);
}
