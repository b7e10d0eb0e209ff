// Validates every object of the rendered manifests (YAML on stdin) against the Kubernetes API schema of its
// apiVersion and kind, as generated from the Kubernetes OpenAPI by the kubernetes-models package: required fields,
// types, formats and enumerations. Exits non-zero on the first invalid or unknown object.
//   kubectl kustomize k8s/overlays/prod | node k8s/schema-check/validate.mjs prod
import { readFileSync } from "node:fs";
import { parseAllDocuments } from "yaml";

// Custom resources of the operators the prod overlay relies on. Their CRD schemas ship with the operators' own
// releases and no package registry reachable here carries them, so for these only the object's identity is checked;
// `kubectl apply --dry-run=server -k` against a cluster with the operators installed validates them fully.
const CUSTOM_RESOURCES = new Set([
  "postgresql.cnpg.io/v1 Cluster",
  "postgresql.cnpg.io/v1 Database",
  "k8s.keycloak.org/v2alpha1 Keycloak",
]);

const label = process.argv[2] ?? "manifests";
const documents = parseAllDocuments(readFileSync(0, "utf8"));
let failures = 0;
for (const document of documents) {
  if (document.errors.length > 0) {
    console.error(`${label}: not YAML: ${document.errors[0].message}`);
    process.exit(1);
  }
  const object = document.toJS();
  if (object == null) {
    continue;
  }
  const { apiVersion, kind } = object;
  const name = `${kind ?? "?"} ${object.metadata?.name ?? "?"}`;
  if (!apiVersion || !kind || !object.metadata?.name) {
    console.error(`${label}: ${name}: apiVersion, kind and metadata.name are required`);
    failures++;
    continue;
  }
  if (CUSTOM_RESOURCES.has(`${apiVersion} ${kind}`)) {
    console.log(`${label}: ${name} (${apiVersion}): custom resource, schema not available offline: identity checked only`);
    continue;
  }
  const [group, version] = apiVersion.includes("/") ? apiVersion.split("/") : [null, apiVersion];
  const modulePath = `kubernetes-models/${group ? `${group}/` : ""}${version}/${kind}`;
  let Model;
  try {
    Model = (await import(modulePath))[kind];
  } catch {
    console.error(`${label}: ${name}: no Kubernetes schema for ${apiVersion} ${kind}`);
    failures++;
    continue;
  }
  try {
    new Model(object).validate();
    console.log(`${label}: ${name} (${apiVersion}): valid`);
  } catch (error) {
    console.error(`${label}: ${name} (${apiVersion}): ${error.message}`);
    failures++;
  }
}
if (failures > 0) {
  console.error(`${label}: ${failures} invalid object(s)`);
  process.exit(1);
}
