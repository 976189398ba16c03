// The fake OpenAI server on its own thread, for the benchmark: its HTTP and JSON work then
// does not run on the event loop being measured. Each handler adds its time (microseconds)
// to a shared counter before answering, and the benchmark subtracts it as the model's latency.
import { parentPort, workerData } from 'node:worker_threads';
import { startFakeOpenAI } from '../test/support/fake-openai.js';

const busy = new BigInt64Array(workerData.counter as SharedArrayBuffer);
const fake = await startFakeOpenAI({ onHandled: (ms) => void Atomics.add(busy, 0, BigInt(Math.round(ms * 1000))) });
parentPort?.postMessage({ url: fake.url });
parentPort?.on('message', (m: unknown) => {
  if (m === 'close') void fake.close().then(() => process.exit(0));
});
