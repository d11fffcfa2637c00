// The official `together-ai` Node SDK against `cinetune simulator`'s Together dialect
// (/together/v1). Run by run-sdk-tests.sh (CINETUNE_SIMULATOR_URL = the URL the simulator printed).
// Assertions follow together-ai's resources/*.ts types and Together's OpenAPI document
// (shared/provider-specs/together-openapi.yaml).
//
// Upload: the SDK's files.upload() (lib/upload.ts) reads its base URL from TOGETHER_API_BASE_URL
// when the module loads (not from the client's baseURL), POSTs form-encoded fields to /files,
// expects 302 + Location (a pre-signed URL) + X-Together-File-Id, PUTs the bytes to Location and
// GETs /files/{id}. The simulator plays that flow offline; the documented multipart
// POST /files/upload is covered with a raw fetch. Two defects of together-ai 0.52.0's upload
// are worked around here, not in the simulator:
//  - its ES-module build gets fs/path through require() (lib/node-unsafe-imports), which is
//    undefined in ESM, so upload() fails ("File does not exists", then an uncaught TypeError):
//    the SDK is loaded through its CommonJS build;
//  - it PUTs a Node stream with fetch() without `duplex: 'half'`, which Node's fetch (undici)
//    refuses ("RequestInit: duplex option is required when sending a body"): global fetch gets
//    that one option added for stream bodies.
import { mkdtempSync, writeFileSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { assert, check, finish, sdk, simulatorRoot, pollUntil, examples, trainingJsonl, isInt, isIso } from './harness.mjs';

const root = simulatorRoot();
const base = `${root}/together/v1`;
process.env.TOGETHER_API_BASE_URL = base; // read by together-ai/lib/upload when it loads
const nodeFetch = globalThis.fetch;
globalThis.fetch = (url, init) => nodeFetch(url, typeof init?.body?.pipe === 'function' ? { ...init, duplex: 'half' } : init);
const { default: Together, NotFoundError, BadRequestError, APIError } = createRequire(import.meta.url)('together-ai');

const requests = [];
const countingFetch = (url, init) => {
  const u = new URL(url);
  requests.push(`${init?.method ?? 'GET'} ${u.pathname}${u.search}`);
  return nodeFetch(url, init);
};
const together = new Together({ apiKey: 'sim-together-key', baseURL: base, maxRetries: 0, timeout: 10000, fetch: countingFetch });

const BASE = 'meta-llama/Meta-Llama-3.1-8B-Instruct-Reference';
// FinetuneJobStatus (spec) = FinetuneResponse.status (SDK).
const STATUSES = ['pending', 'queued', 'running', 'compressing', 'uploading', 'cancel_requested', 'cancelled', 'error', 'completed'];
// FinetuneEventType in together-ai (a superset of the spec's enum).
const EVENT_TYPES = ['job_pending', 'job_start', 'job_stopped', 'model_downloading', 'model_download_complete', 'training_data_downloading',
  'training_data_download_complete', 'validation_data_downloading', 'validation_data_download_complete', 'wandb_init', 'training_start',
  'checkpoint_save', 'billing_limit', 'epoch_complete', 'training_complete', 'model_compressing', 'model_compression_complete',
  'model_uploading', 'model_upload_complete', 'job_complete', 'job_error', 'cancel_requested', 'job_restarted', 'refund', 'warning',
  'early_stopped', 'tokenized_dataset_upload_complete'];
// FineTuneEvent's required fields in the spec.
const EVENT_FIELDS = ['object', 'created_at', 'message', 'type', 'param_count', 'token_count', 'total_steps', 'wandb_url', 'step',
  'checkpoint_path', 'model_path', 'training_offset', 'hash'];

function assertFileResponse(f, { bytes, purpose }) {
  assert.equal(typeof f.id, 'string');
  assert.equal(f.object, 'file');
  assert.equal(f.bytes, bytes);
  assert.ok(isInt(f.created_at), 'created_at is a unix time (integer)');
  assert.equal(typeof f.filename, 'string');
  assert.equal(f.purpose, purpose);
  assert.equal(f.FileType, 'jsonl');
  assert.equal(f.Processed, true);
}

// FinetuneResponseTruncated (create, list, cancel) or FinetuneResponse (retrieve).
function assertJob(job, { full }) {
  assert.equal(typeof job.id, 'string');
  assert.ok(STATUSES.includes(job.status), `status ${job.status}`);
  assert.ok(isIso(job.created_at), `created_at ${job.created_at}`);
  assert.ok(isIso(job.updated_at), `updated_at ${job.updated_at}`);
  assert.ok(Date.parse(job.updated_at) >= Date.parse(job.created_at));
  assert.ok(Number.isInteger(job.total_price) && job.total_price > 0, `total_price ${job.total_price} is an integer (nano-dollars)`);
  assert.ok(job.total_price / 1e9 < 5, `total_price ${job.total_price} nano-dollars is a few cents, not dollars`);
  assert.ok(isInt(job.token_count) && job.token_count > 0);
  assert.equal(job.model, BASE);
  assert.equal(typeof job.model_output_name, 'string');
  assert.ok(isInt(job.n_epochs) && isInt(job.n_checkpoints) && isInt(job.n_evals));
  assert.ok(isInt(job.batch_size));
  assert.equal(typeof job.learning_rate, 'number');
  assert.equal(job.training_method.method, 'sft');
  assert.ok(['Lora', 'Full'].includes(job.training_type.type));
  assert.equal(typeof job.progress.estimate_available, 'boolean');
  assert.ok(isInt(job.progress.seconds_remaining));
  if (job.started_at !== undefined) assert.ok(isIso(job.started_at));
  if (full) {
    assert.ok(Array.isArray(job.events));
    job.events.forEach(assertEvent);
    assert.ok(isInt(job.param_count) && isInt(job.epochs_completed) && isInt(job.trainingfile_numlines) && isInt(job.trainingfile_size));
  } else {
    assert.equal(job.events, undefined, 'the truncated job has no events');
  }
}

function assertEvent(e) {
  for (const key of EVENT_FIELDS) assert.ok(key in e, `FineTuneEvent.${key} missing`);
  assert.equal(e.object, 'fine-tune-event');
  assert.ok(isIso(e.created_at), `event created_at ${e.created_at}`);
  assert.ok(EVENT_TYPES.includes(e.type), `event type ${e.type}`);
  assert.ok(['info', 'warning', 'error', null].includes(e.level), `event level ${e.level}`);
  assert.ok(isInt(e.step) && isInt(e.total_steps) && isInt(e.token_count) && isInt(e.param_count) && isInt(e.training_offset));
  assert.equal(typeof e.hash, 'string');
}

async function expectError(promise, Class, status, message) {
  try {
    await promise;
  } catch (err) {
    assert.ok(err instanceof Class, `expected ${Class.name}, got ${err?.constructor?.name}: ${err?.message}`);
    assert.ok(err instanceof APIError);
    assert.equal(err.status, status);
    // together-ai keeps the whole ErrorData body as err.error.
    assert.equal(typeof err.error?.error?.type, 'string', 'ErrorData.error.type');
    assert.ok(err.error.error.message.includes(message), `"${err.error.error.message}" lacks "${message}"`);
    return err;
  }
  assert.fail(`expected ${Class.name}, the call succeeded`);
}

const dir = mkdtempSync(join(tmpdir(), 'cinetune-sdk-'));
const trainPath = join(dir, 'train.jsonl');
writeFileSync(trainPath, trainingJsonl());
const trainBytes = Buffer.byteLength(trainingJsonl());

let file;
await check('files.upload: the SDK\'s 302 + PUT flow, then files.retrieve (FileResponse)', async () => {
  file = await sdk(together.files.upload(trainPath, 'fine-tune'));
  assertFileResponse(file, { bytes: trainBytes, purpose: 'fine-tune' });
});

await check('files.retrieve returns the uploaded file', async () => {
  const f = await sdk(together.files.retrieve(file.id));
  assert.equal(f.id, file.id);
  assertFileResponse(f, { bytes: trainBytes, purpose: 'fine-tune' });
});

let multipartFile;
await check('POST /files/upload (multipart, raw fetch): FileResponse', async () => {
  const form = new FormData();
  form.append('purpose', 'fine-tune');
  form.append('file_name', 'train-multipart.jsonl');
  form.append('file_type', 'jsonl');
  form.append('file', new Blob([trainingJsonl()]), 'train-multipart.jsonl');
  const r = await fetch(`${base}/files/upload`, { method: 'POST', headers: { Authorization: 'Bearer sim-together-key' }, body: form });
  assert.equal(r.status, 200);
  multipartFile = await r.json();
  assertFileResponse(multipartFile, { bytes: trainBytes, purpose: 'fine-tune' });
  assert.equal(multipartFile.filename, 'train-multipart.jsonl');
});

await check('files.list and files.content', async () => {
  const list = await sdk(together.files.list());
  const ids = list.data.map((f) => f.id);
  assert.ok(ids.includes(file.id) && ids.includes(multipartFile.id));
  const content = await sdk(together.files.content(file.id));
  assert.equal(await content.text(), trainingJsonl());
});

await check('models.list: a bare array of ModelObject', async () => {
  const models = await sdk(together.models.list());
  assert.ok(Array.isArray(models));
  const m = models.find((x) => x.id === BASE);
  assert.ok(m);
  assert.equal(m.object, 'model');
  assert.equal(m.type, 'chat');
  assert.ok(isInt(m.created));
});

let job;
let cancelJob;
await check('fineTuning.create returns a truncated job: pending, ISO times, nano-dollar price, model_output_name', async () => {
  job = await sdk(together.fineTuning.create({
    model: BASE, training_file: file.id, n_epochs: 2, n_checkpoints: 2, batch_size: 1, learning_rate: 0.00002, suffix: 'sdk',
  }));
  assertJob(job, { full: false });
  assert.equal(job.status, 'pending');
  assert.equal(job.n_epochs, 2);
  assert.equal(job.training_file, file.id);
  assert.ok(job.model_output_name.includes('-sdk-'), job.model_output_name);
  cancelJob = await sdk(together.fineTuning.create({ model: BASE, training_file: multipartFile.id }));
  assertJob(cancelJob, { full: false });
});

await check('fineTuning.cancel: cancel_requested, then cancelled', async () => {
  const c = await sdk(together.fineTuning.cancel(cancelJob.id));
  assertJob(c, { full: false });
  assert.ok(['cancel_requested', 'cancelled'].includes(c.status), c.status);
  const end = await pollUntil(() => sdk(together.fineTuning.retrieve(cancelJob.id)), (j) => j.status === 'cancelled');
  assertJob(end, { full: true });
  assert.equal(end.status, 'cancelled');
  const types = end.events.map((e) => e.type);
  assert.ok(types.includes('cancel_requested') && types.includes('job_stopped'), types.join(','));
});

await check('fineTuning.list: {data: [truncated jobs]}, newest first', async () => {
  const list = await sdk(together.fineTuning.list());
  assert.ok(Array.isArray(list.data));
  list.data.forEach((j) => assertJob(j, { full: false }));
  const ids = list.data.map((j) => j.id);
  assert.deepEqual(ids.slice(0, 2), [cancelJob.id, job.id]);
});

let done;
await check('fineTuning.retrieve follows the job through Together\'s statuses to "completed"', async () => {
  const seen = [];
  done = await pollUntil(async () => {
    const j = await sdk(together.fineTuning.retrieve(job.id));
    assertJob(j, { full: true });
    if (seen.at(-1) !== j.status) seen.push(j.status);
    return j;
  }, (j) => ['completed', 'error', 'cancelled'].includes(j.status), { everyMs: 60 });
  assert.equal(done.status, 'completed', seen.join(' -> '));
  assert.ok(seen.includes('running'), seen.join(' -> '));
  const order = STATUSES.filter((s) => !s.startsWith('cancel') && s !== 'error');
  assert.deepEqual(seen, order.filter((s) => seen.includes(s)), `statuses in Together's order: ${seen.join(' -> ')}`);
  assert.equal(done.total_price, done.token_count * 480, 'LoRA <=16B: 480 nano-dollars ($0.48/M) per token');
  assert.equal(done.epochs_completed, 2);
  assert.ok(isIso(done.started_at));
});

await check('fineTuning.listEvents: every FineTuneEvent field, Together\'s event types, oldest first', async () => {
  const events = await sdk(together.fineTuning.listEvents(job.id));
  assert.ok(Array.isArray(events.data) && events.data.length > 5);
  events.data.forEach(assertEvent);
  const types = events.data.map((e) => e.type);
  assert.equal(types[0], 'job_pending');
  assert.equal(types.at(-1), 'job_complete');
  assert.equal(types.filter((t) => t === 'epoch_complete').length, 2);
  const times = events.data.map((e) => Date.parse(e.created_at));
  assert.deepEqual(times, [...times].sort((a, b) => a - b));
});

await check('fineTuning.listCheckpoints: {step, path, created_at, checkpoint_type}', async () => {
  const cps = await sdk(together.fineTuning.listCheckpoints(job.id));
  assert.ok(Array.isArray(cps.data));
  for (const c of cps.data) {
    assert.ok(isInt(c.step));
    assert.equal(typeof c.path, 'string');
    assert.ok(isIso(c.created_at));
    assert.equal(typeof c.checkpoint_type, 'string');
  }
  const kinds = cps.data.map((c) => c.checkpoint_type);
  assert.ok(kinds.includes('Final Merged') && kinds.includes('Final Adapter'), kinds.join(','));
  assert.equal(kinds.filter((k) => k === 'Intermediate').length, 1, 'n_checkpoints 2 = one intermediate + the final model');
});

await check('fineTuning.listMetrics: flat train/* dictionaries, filtered by global step', async () => {
  const all = await sdk(together.fineTuning.listMetrics(job.id));
  assert.ok(all.metrics.length >= 4);
  const some = await sdk(together.fineTuning.listMetrics(job.id, { global_step_from: 2, global_step_to: 3 }));
  assert.deepEqual(some.metrics.map((m) => m['train/global_step']), [2, 3]);
  for (const m of all.metrics) {
    for (const v of Object.values(m)) assert.equal(typeof v, 'number');
    assert.ok(m['train/loss'] > 0);
  }
});

await check('chat.completions.create with model_output_name, plain and streamed', async () => {
  const model = done.model_output_name;
  const prompt = examples[1][0];
  const c = await sdk(together.chat.completions.create({ model, messages: [{ role: 'user', content: prompt }] }));
  assert.equal(c.object, 'chat.completion');
  assert.equal(c.model, model);
  assert.equal(c.choices[0].message.role, 'assistant');
  assert.equal(c.choices[0].message.content, examples[1][1]);
  assert.ok(isInt(c.usage.total_tokens));
  const stream = await sdk(together.chat.completions.create({ model, messages: [{ role: 'user', content: prompt }], stream: true }));
  let text = '';
  let chunks = 0;
  let finishReason = null;
  for await (const chunk of stream) {
    chunks += 1;
    assert.equal(chunk.object, 'chat.completion.chunk');
    text += chunk.choices[0]?.delta?.content ?? '';
    finishReason = chunk.choices[0]?.finish_reason ?? finishReason;
  }
  assert.ok(chunks > 2);
  assert.equal(finishReason, 'stop');
  assert.equal(text, examples[1][1]);
});

await check('chat.completions.create with a base model', async () => {
  const c = await sdk(together.chat.completions.create({ model: BASE, messages: [{ role: 'user', content: 'User 5 liked Heat. Recommend ten movies.' }] }));
  assert.ok(c.choices[0].message.content.startsWith('1. '));
});

await check('unknown job: NotFoundError 404 with ErrorData', async () => {
  await expectError(sdk(together.fineTuning.retrieve('ft-nope')), NotFoundError, 404, 'Fine-tune job ft-nope not found');
});

await check('cancelling a completed job: BadRequestError 400', async () => {
  await expectError(sdk(together.fineTuning.cancel(job.id)), BadRequestError, 400, 'cannot be cancelled');
});

await check('unsupported model: BadRequestError 400', async () => {
  await expectError(sdk(together.fineTuning.create({ model: 'gpt-4o-mini-2024-07-18', training_file: file.id })), BadRequestError, 400,
    'is not supported for fine-tuning');
});

await check('unknown chat model: NotFoundError 404', async () => {
  await expectError(sdk(together.chat.completions.create({ model: 'nobody/no-model', messages: [{ role: 'user', content: 'hi' }] })),
    NotFoundError, 404, 'does not exist');
});

await check('a training file without assistant turns ends the job in "error" with a job_error event', async () => {
  const badPath = join(dir, 'bad.jsonl');
  writeFileSync(badPath, JSON.stringify({ messages: [{ role: 'user', content: 'hello' }, { role: 'assistant', content: '' }] }) + '\n');
  const bad = await sdk(together.files.upload(badPath, 'fine-tune', false));
  const j = await sdk(together.fineTuning.create({ model: BASE, training_file: bad.id }));
  const end = await pollUntil(() => sdk(together.fineTuning.retrieve(j.id)), (x) => x.status !== 'pending');
  assert.equal(end.status, 'error');
  const err = end.events.find((e) => e.level === 'error');
  assert.equal(err?.type, 'job_error');
});

rmSync(dir, { recursive: true, force: true });
console.log(`HTTP requests through the client: ${requests.length}`);
finish();
