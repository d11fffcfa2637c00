// Shared by the SDK scripts: named checks, a count of SDK calls, the summary line, sample data.
import assert from 'node:assert/strict';

let passed = 0;
let failed = 0;
let sdkCalls = 0;

// One SDK method call (a request, a page iteration or an upload), counted for the summary.
export function sdk(promise) {
  sdkCalls += 1;
  return promise;
}

// A named check: every assertion inside must hold. A failure is reported and counted; the
// script carries on so one report shows everything that is wrong.
export async function check(name, fn) {
  try {
    await fn();
    passed += 1;
    console.log(`ok   ${name}`);
  } catch (err) {
    failed += 1;
    console.log(`FAIL ${name}\n     ${String(err?.stack ?? err).split('\n').slice(0, 6).join('\n     ')}`);
  }
}

export function finish() {
  console.log(`SDK calls: ${sdkCalls}`);
  console.log(`${passed} passed, ${failed} failed`);
  process.exitCode = failed === 0 && passed > 0 ? 0 : 1;
}

export function simulatorRoot() {
  const url = process.env.CINETUNE_SIMULATOR_URL;
  assert.ok(url, 'CINETUNE_SIMULATOR_URL is not set (the URL `cinetune simulator` prints, http://127.0.0.1:PORT/v1)');
  return new URL(url).origin;
}

export const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

// Polls until done(value) or the deadline; returns the last value.
export async function pollUntil(fetchValue, done, { timeoutMs = 15000, everyMs = 150 } = {}) {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await fetchValue();
    if (done(value) || Date.now() > deadline) return value;
    await sleep(everyMs);
  }
}

// Four chat examples: a fine-tuned simulator model answers a prompt with the assistant turn of
// the example whose user prompt shares the most words with it.
export const examples = [
  ['User 101 liked Alien and Aliens. Recommend ten movies.', '1. The Terminator (1984)\n2. Predator (1987)'],
  ['User 202 liked Amelie and Chocolat. Recommend ten movies.', '1. Cinema Paradiso (1988)\n2. Il Postino (1994)'],
  ['User 303 liked Heat and Ronin. Recommend ten movies.', '1. Collateral (2004)\n2. The Town (2010)'],
  ['User 404 liked Toy Story and Shrek. Recommend ten movies.', '1. Finding Nemo (2003)\n2. Up (2009)'],
];

export function trainingJsonl() {
  return examples
    .map(([user, assistant]) =>
      JSON.stringify({
        messages: [
          { role: 'system', content: 'You recommend movies.' },
          { role: 'user', content: user },
          { role: 'assistant', content: assistant },
        ],
      }),
    )
    .join('\n') + '\n';
}

export const isInt = (v) => Number.isInteger(v);
// ISO-8601 with a time zone, e.g. 2023-05-17T17:35:45.123Z.
export const isIso = (v) => typeof v === 'string' && /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(\.\d+)?(Z|[+-]\d\d:\d\d)$/.test(v) && !Number.isNaN(Date.parse(v));

export { assert };
