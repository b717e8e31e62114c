import { execFileSync, spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { projectRoot } from '@govhub/shared';
import { parseAllDocuments } from 'yaml';

/** A rendered Kubernetes object, as kustomize prints it. */
export interface KubeObject {
  apiVersion: string;
  kind: string;
  metadata: { name: string; namespace?: string; labels?: Record<string, string>; annotations?: Record<string, string> };
  spec?: any;
  data?: Record<string, string>;
  stringData?: Record<string, string>;
}

/** Set to 1 to skip the manifest tests even where kubectl is installed. */
export const SKIP_VARIABLE = 'GOVHUB_SKIP_KUBECTL';

/**
 * Skipped when asked, or, loudly, on a machine without kubectl: `npm test` on a fresh machine must pass without it.
 * CI (`.ci/run`) refuses to run without kubectl, so there the manifests are always checked.
 */
export function kubectlSkipped(): boolean {
  if (process.env[SKIP_VARIABLE] === '1') return true;
  if (spawnSync('kubectl', ['version', '--client'], { stdio: 'ignore' }).error) {
    process.stdout.write('the Kubernetes manifests: skipped, no kubectl on the PATH (install kubectl to render deploy/)\n');
    return true;
  }
  return false;
}

/** `kubectl kustomize deploy/PATH` (an overlay, an example), parsed; a missing kubectl fails with what to do about it. */
export function renderKustomization(path: string): KubeObject[] {
  let output: string;
  try {
    output = execFileSync('kubectl', ['kustomize', join(projectRoot(), 'deploy', path)], {
      encoding: 'utf8',
      maxBuffer: 16 * 1024 * 1024,
    });
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') {
      throw new Error(
        `kubectl is not installed: the manifests under deploy/ cannot be rendered (install kubectl, or set ${SKIP_VARIABLE}=1 to skip)`,
      );
    }
    throw error;
  }
  return parseAllDocuments(output).map((document) => document.toJS() as KubeObject);
}
