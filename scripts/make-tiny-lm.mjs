#!/usr/bin/env node
// Makes a tiny, randomly initialised causal "language model" in the Hugging Face ONNX layout, for
// tests of the language-model AI detector (loading, tokenising, scoring). Its numbers mean
// nothing about any text. usage: make-tiny-lm.mjs <dir> [seed]
// Writes <dir>/onnx/model.onnx (input_ids, attention_mask -> logits [batch, sequence, vocab]),
// <dir>/tokenizer.json (word-level), <dir>/tokenizer_config.json and <dir>/config.json.
// The graph: logits = Embedding[input_ids] x W + b, plus the previous token's embedding x U, so
// each position sees itself and the token before it, never a later one.
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import onnxProto from 'onnx-proto';

const { onnx } = onnxProto;
const [dir, seedArg] = process.argv.slice(2);
if (!dir) {
  console.error('usage: make-tiny-lm.mjs <dir> [seed]');
  process.exit(2);
}
let seed = Number(seedArg ?? 1) >>> 0 || 1;
function random() { // xorshift32: the same seed gives the same model
  seed ^= seed << 13; seed >>>= 0;
  seed ^= seed >>> 17;
  seed ^= seed << 5; seed >>>= 0;
  return seed / 0x100000000;
}

const words = ['the', 'a', 'of', 'and', 'to', 'in', 'is', 'it', 'that', 'for', 'on', 'with', 'as', 'was', 'this', 'be',
  'are', 'by', 'at', 'from', 'or', 'an', 'not', 'which', 'students', 'school', 'essay', 'river', 'city', 'people',
  'time', 'work', 'important', 'however', 'also', 'can', 'will', 'would', 'they', 'we', 'i', 'you', 'he', 'she',
  'their', 'our', 'my', 'more', 'most', 'many', 'some', 'all', 'one', 'two', '.', ',', '!', '?', ';', ':'];
const vocab = { '[UNK]': 0 };
words.forEach((w, i) => { vocab[w] = i + 1; });
const V = words.length + 1;
const H = 8;

const floats = (n, scale) => Array.from({ length: n }, () => (random() * 2 - 1) * scale);
const tensor = (name, dims, data) => ({ name, dims, dataType: onnx.TensorProto.DataType.FLOAT, floatData: data });
const int64 = (name, values) => ({ name, dims: [values.length], dataType: onnx.TensorProto.DataType.INT64, int64Data: values });
const valueInfo = (name, elemType, shape) => ({
  name,
  type: { tensorType: { elemType, shape: { dim: shape.map((d) => (typeof d === 'string' ? { dimParam: d } : { dimValue: d })) } } },
});
const node = (opType, input, output, attribute = []) => ({ opType, input, output, name: output[0], attribute });

const graph = {
  name: 'tiny-random-lm',
  initializer: [
    tensor('embedding', [V, H], floats(V * H, 1)),
    tensor('w_out', [H, V], floats(H * V, 1.5)),
    tensor('u_prev', [H, V], floats(H * V, 1)),
    tensor('b_out', [V], floats(V, 0.5)),
    int64('pad_pads', [0, 1, 0, 0]),
    int64('slice_starts', [0]),
    int64('slice_axes', [1]),
    int64('slice_steps', [1]),
    int64('minus_one', [-1]),
  ],
  node: [
    node('Gather', ['embedding', 'input_ids'], ['h']),
    node('MatMul', ['h', 'w_out'], ['own']),
    // previous token ids: pad one 0 ([UNK]) in front along the sequence, drop the last
    node('Pad', ['input_ids', 'pad_pads'], ['padded']),
    node('Slice', ['padded', 'slice_starts', 'minus_one', 'slice_axes', 'slice_steps'], ['prev_ids']),
    node('Gather', ['embedding', 'prev_ids'], ['h_prev']),
    node('MatMul', ['h_prev', 'u_prev'], ['prev']),
    node('Add', ['own', 'prev'], ['sum']),
    node('Add', ['sum', 'b_out'], ['logits']),
  ],
  input: [
    valueInfo('input_ids', onnx.TensorProto.DataType.INT64, ['batch_size', 'sequence_length']),
    valueInfo('attention_mask', onnx.TensorProto.DataType.INT64, ['batch_size', 'sequence_length']),
  ],
  output: [valueInfo('logits', onnx.TensorProto.DataType.FLOAT, ['batch_size', 'sequence_length', V])],
};
const model = onnx.ModelProto.create({
  irVersion: 8,
  producerName: 'origo scripts/make-tiny-lm.mjs',
  opsetImport: [{ domain: '', version: 17 }],
  graph,
});
const bytes = onnx.ModelProto.encode(model).finish();

mkdirSync(join(dir, 'onnx'), { recursive: true });
writeFileSync(join(dir, 'onnx', 'model.onnx'), bytes);
writeFileSync(join(dir, 'config.json'), JSON.stringify({ model_type: 'tiny-random-lm', vocab_size: V, hidden_size: H }, null, 2));
writeFileSync(join(dir, 'tokenizer_config.json'), JSON.stringify({ tokenizer_class: 'PreTrainedTokenizerFast', unk_token: '[UNK]' }, null, 2));
writeFileSync(join(dir, 'tokenizer.json'), JSON.stringify({
  version: '1.0',
  truncation: null,
  padding: null,
  added_tokens: [{ id: 0, content: '[UNK]', single_word: false, lstrip: false, rstrip: false, normalized: false, special: true }],
  normalizer: { type: 'Lowercase' },
  pre_tokenizer: { type: 'Whitespace' },
  post_processor: null,
  decoder: null,
  model: { type: 'WordLevel', vocab, unk_token: '[UNK]' },
}, null, 2));
console.log(JSON.stringify({ dir, vocab: V, hidden: H, onnxBytes: bytes.length }));
