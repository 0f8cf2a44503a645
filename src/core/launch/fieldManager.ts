// The field manager this extension's server-side applies are recorded under in managedFields, so
// users (and `kubectl get -o yaml --show-managed-fields`) can see which fields the editor set.
export const FIELD_MANAGER = 'argo-rollouts-vscode';
