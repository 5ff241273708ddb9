#!/usr/bin/env node
// `brief` on the PATH (npx brief …, or npm link): run the TypeScript CLI through tsx, no build step.
import { register } from 'tsx/esm/api';

register();
await import('../src/cli.ts');
