// vitest globalSetup: builds web/dist once per test run, so the server and browser tests serve the widget
// and staff scripts of the source under test, not whatever an earlier build left.
import { writeBundles } from '../bundle.js';

export default async function setup(): Promise<void> {
  await writeBundles();
}
