// A realistic Helm template of about `lines` lines for the keystroke benchmark, several documents as
// charts write them: a Rollout of about 150 lines (as the plain-YAML benchmark's Rollout) whose pod
// has 8 containers (values, include, toYaml | nindent, range, if/end), its AnalysisTemplate with
// PromQL in Helm raw strings, Services made by a range, and ConfigMaps filling the rest. The first
// container's image tag is static (`:1.0.0`), so the benchmark can type into it.
export function generateHelmTemplate(lines = 400): string {
  const head = [
    '{{- $fullName := include "app.fullname" . -}}',
    'apiVersion: argoproj.io/v1alpha1',
    'kind: Rollout',
    'metadata:',
    '  name: {{ $fullName }}',
    '  labels:',
    '    {{- include "app.labels" . | nindent 4 }}',
    'spec:',
    '  {{- if not .Values.autoscaling.enabled }}',
    '  replicas: {{ .Values.replicas }}',
    '  {{- end }}',
    '  selector:',
    '    matchLabels:',
    '      app.kubernetes.io/name: {{ include "app.name" . }}',
    '  template:',
    '    metadata:',
    '      labels:',
    '        app.kubernetes.io/name: {{ include "app.name" . }}',
    '        {{- with .Values.podLabels }}',
    '        {{- toYaml . | nindent 8 }}',
    '        {{- end }}',
    '    spec:',
    '      containers:',
  ];
  const container = (i: number): string[] => [
    `        - name: c${i}`,
    i === 0 ? '          image: ghcr.io/example/app:1.0.0' : `          image: "{{ .Values.image.repository }}-${i}:{{ .Values.image.tag }}"`,
    '          imagePullPolicy: {{ .Values.image.pullPolicy }}',
    '          env:',
    '            {{- range $key, $value := .Values.env }}',
    '            - name: {{ $key }}',
    '              value: {{ $value | quote }}',
    '            {{- end }}',
    '          ports:',
    `            - name: http${i}`,
    `              containerPort: {{ add .Values.port ${i} }}`,
    '          resources:',
    '            {{- toYaml .Values.resources | nindent 12 }}',
  ];
  const tail = [
    '  strategy:',
    '    canary:',
    '      canaryService: {{ $fullName }}-canary',
    '      stableService: {{ $fullName }}',
    '      steps:',
    '      {{- range .Values.weights }}',
    '      - setWeight: {{ . }}',
    '      - pause: {duration: 1m}',
    '      {{- end }}',
    '      analysis:',
    '        templates:',
    '          - templateName: {{ $fullName }}',
    '        args:',
    '          - name: service',
    '            value: {{ $fullName }}-canary',
    '---',
    'apiVersion: argoproj.io/v1alpha1',
    'kind: AnalysisTemplate',
    'metadata:',
    '  name: {{ $fullName }}',
    'spec:',
    '  args:',
    '    - name: service',
    '  metrics:',
  ];
  const metric = (i: number): string[] => [
    `    - name: success-rate-${i}`,
    '      interval: 1m',
    '      successCondition: result[0] >= 0.95',
    '      provider:',
    '        prometheus:',
    '          address: {{ .Values.prometheus.address }}',
    '          query: |',
    '            {{`sum(rate(http_requests_total{service="{{args.service}}",code!~"5.."}[5m]))`}} /',
    '            {{`sum(rate(http_requests_total{service="{{args.service}}"}[5m]))`}}',
  ];
  const services = [
    '{{- range $suffix := list "" "-canary" }}',
    '---',
    'apiVersion: v1',
    'kind: Service',
    'metadata:',
    '  name: {{ $fullName }}{{ $suffix }}',
    'spec:',
    '  selector:',
    '    app.kubernetes.io/name: {{ include "app.name" $ }}',
    '  ports:',
    '    - port: 80',
    '      targetPort: http0',
    '{{- end }}',
  ];
  const configMap = (i: number): string[] => [
    '---',
    'apiVersion: v1',
    'kind: ConfigMap',
    'metadata:',
    `  name: {{ $fullName }}-config-${i}`,
    'data:',
    '  settings.yaml: |',
    '    {{- toYaml .Values.settings | nindent 4 }}',
    '  region: {{ .Values.region | quote }}',
  ];
  const out = [...head];
  for (let i = 0; i < 8; i++) out.push(...container(i));
  out.push(...tail);
  for (let i = 0; i < 8; i++) out.push(...metric(i));
  out.push(...services);
  for (let i = 0; out.length + 9 <= lines; i++) out.push(...configMap(i));
  return out.join('\n') + '\n';
}
