// The distribution site (output/site/): to be written.
export interface SiteOptions {
  contentDir: string;
  outDir: string;
  cwd?: string;
  log?: (line: string) => void;
}

export async function buildSite(_o: SiteOptions): Promise<void> {
  throw new Error('the distribution site is not built yet');
}
