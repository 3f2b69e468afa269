// vitest globalSetup: builds (or reuses) the tests' own index once, before any file runs. On a clean clone that is
// a full build with the encoder, minutes long; done inside whichever test first asks for a runtime, it ran past
// that test's timeout (vitest orders files by size, so which one comes first changes as files grow).
import { ensureTestIndex } from './test-runtime.js';

export default async function setup(): Promise<void> {
  const started = Date.now();
  await ensureTestIndex();
  const seconds = (Date.now() - started) / 1000;
  if (seconds > 5) console.log(`Test index ready in ${seconds.toFixed(0)} s`);
}
