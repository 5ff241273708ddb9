// The worker thread of parse-in-worker.ts: parses briefs on request and sends back the parsed
// model, the brief's problems, or (a bug) the internal error with its stack.
import { parentPort } from 'node:worker_threads';
import { BriefError } from '../report.js';
import { parseBrief } from './parse-brief.js';
import { messageToWire, type WorkerReply, type WorkerRequest } from './parse-in-worker.js';

const port = parentPort;
if (!port) throw new Error('parse-worker.ts runs as a worker thread of parse-in-worker.ts');

port.on('message', async ({ id, sourcePath, cwd }: WorkerRequest) => {
  let reply: WorkerReply;
  try {
    const parsed = await parseBrief(sourcePath, cwd);
    reply = { type: 'parsed', id, parsed: { ...parsed, warnings: parsed.warnings.map(messageToWire) } };
  } catch (err) {
    if (err instanceof BriefError) reply = { type: 'refused', id, messages: err.messages.map(messageToWire) };
    else {
      const e = err instanceof Error ? err : new Error(String(err));
      reply = { type: 'crashed', id, error: { name: e.name, message: e.message, ...(e.stack ? { stack: e.stack } : {}) } };
    }
  }
  try {
    port.postMessage(reply);
  } catch (err) {
    // Something in the model that cannot be cloned is a bug here, not the brief's problem.
    const e = err instanceof Error ? err : new Error(String(err));
    port.postMessage({ type: 'crashed', id, error: { name: e.name, message: `the parsed model cannot be sent back: ${e.message}`, ...(e.stack ? { stack: e.stack } : {}) } } satisfies WorkerReply);
  }
});
port.postMessage({ type: 'ready' } satisfies WorkerReply);
