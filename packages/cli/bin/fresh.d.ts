/** See fresh.js: why the bundled command must be built again, or null when it is fresh. */
export function staleReason(distFile: string, inputsFile: string, baseDir: string): string | null;
/** See fresh.js: whether the command line (after `anklepump`) serves the web app, which must be built first. */
export function servesWebApp(args: readonly string[]): boolean;
