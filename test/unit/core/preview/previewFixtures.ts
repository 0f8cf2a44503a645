// A template file and a Rollout that uses it, as a team writes them for an NGINX-ingress canary.
import { parse } from 'yaml';

export const TEMPLATES = `apiVersion: v1
kind: ConfigMap
metadata: {name: unrelated}
---
apiVersion: argoproj.io/v1alpha1
kind: AnalysisTemplate
metadata:
  name: success-rate
spec:
  args:
    - name: service-name
    - name: namespace
      value: default
    - name: canary-hash
  metrics:
    - name: success-rate
      interval: 30s
      successCondition: result[0] >= 0.95
      failureLimit: 0
      provider:
        prometheus:
          address: http://prometheus.monitoring:9090
          query: |
            sum(rate(nginx_ingress_controller_requests{exported_service="{{args.service-name}}",exported_namespace="{{ args.namespace }}",status!~"5.*"}[1m]))
            / sum(rate(nginx_ingress_controller_requests{exported_service="{{args.service-name}}",exported_namespace="{{ args.namespace }}"}[1m]))
    - name: web-check
      provider:
        web:
          url: http://example.invalid/{{args.canary-hash}}
`;

export const ROLLOUT = parse(`apiVersion: argoproj.io/v1alpha1
kind: Rollout
metadata: {name: gitops-hugo}
spec:
  strategy:
    canary:
      canaryService: gitops-hugo-canary
      stableService: gitops-hugo-stable
      analysis:
        startingStep: 2
        templates: [{templateName: success-rate}, {templateName: latency}]
        args:
          - name: service-name
            value: gitops-hugo-canary
          - name: canary-hash
            valueFrom: {podTemplateHashValue: Latest}
      steps:
        - setWeight: 10
        - analysis:
            templates: [{templateName: success-rate, clusterScope: true}]
`) as unknown;
