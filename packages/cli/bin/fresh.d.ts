/** See fresh.js: why the bundled command must be built again, or null when it is fresh. */
export function staleReason(distFile: string, inputsFile: string, baseDir: string): string | null;
