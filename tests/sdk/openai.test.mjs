// The official `openai` Node SDK against `cinetune simulator`: the OpenAI dialect under /v1 and
// Azure OpenAI v1 under /openai/v1. Run by run-sdk-tests.sh (CINETUNE_SIMULATOR_URL = the URL the
// simulator printed). Every assertion is on what the SDK returns, typed as in openai's
// resources/*.ts; errors must come out as the SDK's own error classes.
import OpenAI, { toFile, APIError, NotFoundError, BadRequestError, RateLimitError } from 'openai';
import { assert, check, finish, sdk, simulatorRoot, pollUntil, examples, trainingJsonl, isInt } from './harness.mjs';

const root = simulatorRoot();
const requests = []; // "METHOD path?query" of every HTTP request the SDK made
const countingFetch = (url, init) => {
  const u = new URL(url);
  // (The SDK also fetches "data:," once, probing the fetch's FormData support: not a request.)
  if (u.protocol !== 'data:') requests.push(`${init?.method ?? 'GET'} ${u.pathname}${u.search}`);
  return fetch(url, init);
};
const openai = new OpenAI({ apiKey: 'sk-sim-openai', baseURL: `${root}/v1`, maxRetries: 0, timeout: 10000, fetch: countingFetch });
const azure = new OpenAI({
  apiKey: 'sim-azure-key',
  baseURL: `${root}/openai/v1`,
  defaultHeaders: { 'api-key': 'sim-azure-key' },
  maxRetries: 0,
  timeout: 10000,
  fetch: countingFetch,
});

const BASE = 'gpt-4o-mini-2024-07-18';
const JOB_STATUSES = ['validating_files', 'queued', 'running', 'succeeded', 'failed', 'cancelled'];
const BATCH_STATUSES = ['validating', 'failed', 'in_progress', 'finalizing', 'completed', 'expired', 'cancelling', 'cancelled'];

async function collect(pagePromise) {
  const out = [];
  for await (const item of pagePromise) out.push(item);
  return out;
}

function assertFileObject(f, { bytes, filename, purpose }) {
  assert.equal(typeof f.id, 'string');
  assert.equal(f.object, 'file');
  assert.equal(f.bytes, bytes);
  assert.ok(isInt(f.created_at));
  assert.equal(f.filename, filename);
  assert.equal(f.purpose, purpose);
  assert.ok(['uploaded', 'processed', 'error'].includes(f.status), `status ${f.status}`);
}

// FineTuningJob: every key the SDK type marks required, with its type.
function assertJob(job) {
  for (const key of ['id', 'created_at', 'error', 'fine_tuned_model', 'finished_at', 'hyperparameters', 'model', 'object',
    'organization_id', 'result_files', 'seed', 'status', 'trained_tokens', 'training_file', 'validation_file']) {
    assert.ok(key in job, `FineTuningJob.${key} missing`);
  }
  assert.equal(job.object, 'fine_tuning.job');
  assert.ok(JOB_STATUSES.includes(job.status), `status ${job.status}`);
  assert.ok(isInt(job.created_at));
  assert.ok(isInt(job.seed));
  assert.ok(Array.isArray(job.result_files));
  assert.equal(typeof job.organization_id, 'string');
  assert.ok(job.fine_tuned_model === null || typeof job.fine_tuned_model === 'string');
  assert.ok(job.finished_at === null || isInt(job.finished_at));
  assert.ok(job.trained_tokens === null || isInt(job.trained_tokens));
  for (const hp of ['n_epochs', 'batch_size', 'learning_rate_multiplier']) {
    const v = job.hyperparameters[hp];
    assert.ok(v === 'auto' || typeof v === 'number' || (hp === 'batch_size' && v === null), `hyperparameters.${hp} = ${v}`);
  }
}

async function expectError(promise, Class, status, fields) {
  try {
    await promise;
  } catch (err) {
    assert.ok(err instanceof Class, `expected ${Class.name}, got ${err?.constructor?.name}: ${err?.message}`);
    assert.ok(err instanceof APIError);
    assert.equal(err.status, status);
    for (const [k, v] of Object.entries(fields)) {
      if (k === 'message') assert.ok(err.message.includes(v), `message "${err.message}" lacks "${v}"`);
      else assert.deepEqual(err[k], v, `error.${k}`);
    }
    return err;
  }
  assert.fail(`expected ${Class.name}, the call succeeded`);
}

async function chatBoth(client, model, prompt, expected) {
  const completion = await sdk(client.chat.completions.create({ model, messages: [{ role: 'user', content: prompt }] }));
  assert.equal(completion.object, 'chat.completion');
  assert.equal(typeof completion.id, 'string');
  assert.ok(isInt(completion.created));
  assert.equal(completion.model, model);
  assert.equal(completion.choices.length, 1);
  const choice = completion.choices[0];
  assert.equal(choice.index, 0);
  assert.equal(choice.finish_reason, 'stop');
  assert.equal(choice.message.role, 'assistant');
  assert.equal(choice.message.refusal, null);
  assert.equal(typeof choice.message.content, 'string');
  if (expected !== undefined) assert.equal(choice.message.content, expected);
  assert.ok(isInt(completion.usage.prompt_tokens) && isInt(completion.usage.completion_tokens));
  assert.equal(completion.usage.total_tokens, completion.usage.prompt_tokens + completion.usage.completion_tokens);

  const stream = await sdk(client.chat.completions.create({
    model, messages: [{ role: 'user', content: prompt }], stream: true, stream_options: { include_usage: true },
  }));
  let text = '';
  let chunks = 0;
  let finish = null;
  let usage = null;
  for await (const chunk of stream) {
    chunks += 1;
    assert.equal(chunk.object, 'chat.completion.chunk');
    assert.equal(chunk.model, model);
    if (chunk.choices.length > 0) {
      text += chunk.choices[0].delta.content ?? '';
      finish = chunk.choices[0].finish_reason ?? finish;
      assert.equal(chunk.usage, null, 'with include_usage, chunks before the last carry usage: null');
    } else {
      usage = chunk.usage;
    }
  }
  assert.ok(chunks > 2, `${chunks} chunks`);
  assert.equal(finish, 'stop');
  assert.equal(text, choice.message.content, 'streamed text = non-streamed text');
  assert.ok(usage && isInt(usage.total_tokens), 'the last chunk carries usage');
}

// ---- OpenAI (/v1) ------------------------------------------------------------------------------

let trainingFile;
let jobs = [];
let done;

// run-sdk-tests.sh starts the simulator with --faults "429=0@GET:/v1/models#1,429=0@GET:/v1/batches#1".
await check('a 429 with Retry-After is retried by the SDK, then answered', async () => {
  const retrying = new OpenAI({ apiKey: 'sk-sim-openai', baseURL: `${root}/v1`, maxRetries: 2, timeout: 10000, fetch: countingFetch });
  const before = requests.length;
  const page = await sdk(retrying.models.list());
  assert.ok(page.data.length > 0);
  assert.deepEqual(requests.slice(before), ['GET /v1/models', 'GET /v1/models']);
});

await check('a 429 without retries is a RateLimitError with code rate_limit_exceeded', async () => {
  await expectError(sdk(openai.batches.list()), RateLimitError, 429, { code: 'rate_limit_exceeded', message: 'Rate limit reached' });
});

await check('models.list (auto-paginated) lists the base models as Model objects', async () => {
  const models = await sdk(collect(openai.models.list()));
  assert.ok(models.some((m) => m.id === BASE));
  for (const m of models) {
    assert.equal(m.object, 'model');
    assert.ok(isInt(m.created));
    assert.equal(typeof m.owned_by, 'string');
  }
});

await check('files.create uploads JSONL (multipart) and returns a FileObject', async () => {
  const data = trainingJsonl();
  trainingFile = await sdk(openai.files.create({ file: await toFile(Buffer.from(data), 'train.jsonl'), purpose: 'fine-tune' }));
  assertFileObject(trainingFile, { bytes: Buffer.byteLength(data), filename: 'train.jsonl', purpose: 'fine-tune' });
});

await check('files.retrieve returns the same file', async () => {
  const f = await sdk(openai.files.retrieve(trainingFile.id));
  assert.equal(f.id, trainingFile.id);
  assertFileObject(f, { bytes: trainingFile.bytes, filename: 'train.jsonl', purpose: 'fine-tune' });
});

await check('fineTuning.jobs.create (x3) returns FineTuningJob objects', async () => {
  for (const suffix of ['sdk-a', 'sdk-b', 'sdk-c']) {
    const job = await sdk(openai.fineTuning.jobs.create({
      model: BASE,
      training_file: trainingFile.id,
      suffix,
      metadata: { run: 'sdk-test' },
      method: { type: 'supervised', supervised: { hyperparameters: { n_epochs: 2, batch_size: 1 } } },
    }));
    assertJob(job);
    assert.ok(['validating_files', 'queued'].includes(job.status), job.status);
    assert.equal(job.training_file, trainingFile.id);
    assert.equal(job.fine_tuned_model, null);
    assert.deepEqual(job.metadata, { run: 'sdk-test' });
    assert.equal(job.method.type, 'supervised');
    jobs.push(job);
  }
});

await check('fineTuning.jobs.cancel cancels a running job', async () => {
  const cancelled = await sdk(openai.fineTuning.jobs.cancel(jobs[2].id));
  assertJob(cancelled);
  assert.equal(cancelled.status, 'cancelled');
});

await check('fineTuning.jobs.list iterates every page (limit 1, cursor "after")', async () => {
  const before = requests.length;
  const all = await sdk(collect(openai.fineTuning.jobs.list({ limit: 1 })));
  all.forEach(assertJob);
  const ids = all.map((j) => j.id);
  for (const j of jobs) assert.ok(ids.includes(j.id), `${j.id} listed`);
  assert.equal(new Set(ids).size, ids.length, 'no job twice');
  const pages = requests.slice(before).filter((r) => r.startsWith('GET /v1/fine_tuning/jobs'));
  assert.ok(pages.length >= 3, `${pages.length} pages fetched`);
  assert.ok(pages.slice(1).every((r) => r.includes('after=')), 'later pages use the cursor');
});

await check('fineTuning.jobs.retrieve follows the job to "succeeded"', async () => {
  const seen = new Set();
  done = await pollUntil(async () => {
    const j = await sdk(openai.fineTuning.jobs.retrieve(jobs[0].id));
    assertJob(j);
    seen.add(j.status);
    return j;
  }, (j) => ['succeeded', 'failed', 'cancelled'].includes(j.status));
  assert.equal(done.status, 'succeeded', [...seen].join(' -> '));
  assert.equal(typeof done.fine_tuned_model, 'string');
  assert.ok(done.fine_tuned_model.startsWith('ft:'));
  assert.ok(isInt(done.finished_at));
  assert.ok(isInt(done.trained_tokens) && done.trained_tokens > 0);
});

await check('fineTuning.jobs.listEvents iterates FineTuningJobEvent pages', async () => {
  const events = await sdk(collect(openai.fineTuning.jobs.listEvents(done.id, { limit: 5 })));
  assert.ok(events.length > 5);
  for (const e of events) {
    assert.equal(e.object, 'fine_tuning.job.event');
    assert.equal(typeof e.id, 'string');
    assert.ok(isInt(e.created_at));
    assert.ok(['info', 'warn', 'error'].includes(e.level), e.level);
    assert.ok(['message', 'metrics'].includes(e.type), e.type);
    assert.equal(typeof e.message, 'string');
  }
  assert.equal(new Set(events.map((e) => e.id)).size, events.length, 'event ids unique across pages');
  const metrics = events.filter((e) => e.type === 'metrics');
  assert.ok(metrics.length > 0 && metrics.every((e) => isInt(e.data.step) && typeof e.data.train_loss === 'number'));
});

await check('fineTuning.jobs.checkpoints.list returns FineTuningJobCheckpoint objects', async () => {
  const cps = await sdk(collect(openai.fineTuning.jobs.checkpoints.list(done.id)));
  assert.ok(cps.length >= 1);
  for (const c of cps) {
    assert.equal(c.object, 'fine_tuning.job.checkpoint');
    assert.equal(typeof c.id, 'string');
    assert.ok(isInt(c.created_at));
    assert.equal(c.fine_tuning_job_id, done.id);
    assert.equal(typeof c.fine_tuned_model_checkpoint, 'string');
    assert.ok(isInt(c.step_number));
    assert.equal(c.metrics.step, c.step_number);
  }
  assert.ok(cps.some((c) => c.fine_tuned_model_checkpoint === done.fine_tuned_model), 'the last checkpoint is the model');
});

await check('chat.completions.create with the fine-tuned model, plain and streamed (include_usage)', async () => {
  await chatBoth(openai, done.fine_tuned_model, examples[2][0], examples[2][1]);
});

await check('chat.completions.stream helper assembles the streamed answer (ChatCompletionStream)', async () => {
  const runner = sdk(Promise.resolve(openai.chat.completions.stream({ model: done.fine_tuned_model, messages: [{ role: 'user', content: examples[0][0] }] })));
  const final = await (await runner).finalChatCompletion();
  assert.equal(final.choices[0].message.content, examples[0][1]);
  assert.equal(final.choices[0].finish_reason, 'stop');
});

await check('chat.completions.create with a base model, plain and streamed', async () => {
  await chatBoth(openai, BASE, 'User 7 liked Heat. Recommend ten movies.');
});

let batch;
await check('batches.create with a batch input file returns a Batch', async () => {
  const lines = examples.map(([user], i) => JSON.stringify({
    custom_id: `user-${i}`, method: 'POST', url: '/v1/chat/completions',
    body: { model: done.fine_tuned_model, messages: [{ role: 'user', content: user }] },
  })).join('\n') + '\n';
  const input = await sdk(openai.files.create({ file: await toFile(Buffer.from(lines), 'batch.jsonl'), purpose: 'batch' }));
  assertFileObject(input, { bytes: Buffer.byteLength(lines), filename: 'batch.jsonl', purpose: 'batch' });
  batch = await sdk(openai.batches.create({ input_file_id: input.id, endpoint: '/v1/chat/completions', completion_window: '24h', metadata: { run: 'sdk' } }));
  assert.equal(batch.object, 'batch');
  assert.equal(batch.input_file_id, input.id);
  assert.equal(batch.endpoint, '/v1/chat/completions');
  assert.equal(batch.completion_window, '24h');
  assert.ok(BATCH_STATUSES.includes(batch.status), batch.status);
  assert.ok(isInt(batch.created_at));
  assert.equal(batch.request_counts.total, examples.length);
});

let finished;
await check('batches.retrieve follows the batch to "completed"', async () => {
  finished = await pollUntil(async () => {
    const b = await sdk(openai.batches.retrieve(batch.id));
    assert.ok(BATCH_STATUSES.includes(b.status), b.status);
    return b;
  }, (b) => ['completed', 'failed', 'cancelled', 'expired'].includes(b.status));
  assert.equal(finished.status, 'completed');
  assert.equal(typeof finished.output_file_id, 'string');
  assert.ok(isInt(finished.completed_at));
  assert.deepEqual(finished.request_counts, { total: examples.length, completed: examples.length, failed: 0 });
});

await check('files.content of the batch output: one answer per custom_id', async () => {
  const response = await sdk(openai.files.content(finished.output_file_id));
  const text = await response.text();
  const lines = text.trim().split('\n').map((l) => JSON.parse(l));
  assert.equal(lines.length, examples.length);
  for (const line of lines) {
    const i = Number(line.custom_id.replace('user-', ''));
    assert.equal(line.error, null);
    assert.equal(line.response.status_code, 200);
    assert.equal(line.response.body.object, 'chat.completion');
    assert.equal(line.response.body.choices[0].message.content, examples[i][1]);
  }
});

await check('unknown model: NotFoundError 404 with the simulator\'s message, code and type', async () => {
  await expectError(sdk(openai.chat.completions.create({ model: 'no-such-model', messages: [{ role: 'user', content: 'hi' }] })),
    NotFoundError, 404, { message: 'The model `no-such-model` does not exist', code: 'model_not_found', type: 'invalid_request_error' });
});

await check('unknown job: NotFoundError 404 naming the job, param "id"', async () => {
  const err = await expectError(sdk(openai.fineTuning.jobs.retrieve('ftjob-nope')), NotFoundError, 404,
    { message: 'No fine-tuning job with id ftjob-nope', param: 'id' });
  assert.equal(typeof err.requestID, 'string', 'x-request-id surfaces as err.requestID');
});

await check('job without training_file: BadRequestError 400, param "training_file"', async () => {
  await expectError(sdk(openai.fineTuning.jobs.create({ model: BASE, training_file: '' })), BadRequestError, 400,
    { message: '"model" and "training_file" are required.', param: 'training_file', type: 'invalid_request_error' });
});

await check('cancelling a succeeded job: BadRequestError 400', async () => {
  await expectError(sdk(openai.fineTuning.jobs.cancel(done.id)), BadRequestError, 400, { message: 'has already finished' });
});

// ---- Azure OpenAI v1 (/openai/v1) -------------------------------------------------------------

let azureJob;
await check('Azure: models.list and files.create with the api-key header', async () => {
  const models = await sdk(collect(azure.models.list()));
  assert.ok(models.some((m) => m.id === BASE));
  const data = trainingJsonl();
  const f = await sdk(azure.files.create({ file: await toFile(Buffer.from(data), 'azure-train.jsonl'), purpose: 'fine-tune' }));
  assertFileObject(f, { bytes: Buffer.byteLength(data), filename: 'azure-train.jsonl', purpose: 'fine-tune' });
  azureJob = await sdk(azure.fineTuning.jobs.create({ model: BASE, training_file: f.id, suffix: 'azure' }));
  assertJob(azureJob);
});

await check('Azure: fineTuning.jobs.retrieve, with apim-request-id on the response', async () => {
  const { data, response } = await sdk(azure.fineTuning.jobs.retrieve(azureJob.id).withResponse());
  assertJob(data);
  assert.equal(data.id, azureJob.id);
  assert.ok(response.headers.get('apim-request-id'), 'apim-request-id header');
});

await check('Azure: chat.completions.create plain and streamed', async () => {
  await chatBoth(azure, BASE, 'User 9 liked Amelie. Recommend ten movies.');
});

await check('Azure: unknown model is a NotFoundError parsed from Azure\'s error body (type "error")', async () => {
  const err = await expectError(sdk(azure.chat.completions.create({ model: 'no-such-deployment', messages: [{ role: 'user', content: 'hi' }] })),
    NotFoundError, 404, { message: 'The model `no-such-deployment` does not exist', code: 'model_not_found', type: 'error' });
  assert.ok(err.headers.get('apim-request-id'));
});

await check('Azure: a 400 is a BadRequestError with Azure\'s code "BadRequest"', async () => {
  await expectError(sdk(azure.fineTuning.jobs.create({ model: BASE, training_file: '' })), BadRequestError, 400,
    { code: 'BadRequest', type: 'error', param: 'training_file' });
});

await check('every request went to /v1 or /openai/v1', async () => {
  assert.ok(requests.every((r) => / \/(openai\/)?v1\//.test(r)), requests.find((r) => !/ \/(openai\/)?v1\//.test(r)));
});

console.log(`HTTP requests: ${requests.length}`);
finish();
