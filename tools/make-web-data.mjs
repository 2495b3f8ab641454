// Derives the small Fashion-MNIST subset the page trains on from Debian's
// dataset-fashion-mnist package (MIT licence, Zalando SE), at build time.
//
// Writes web/data/fashion-mnist-images.idx and -labels.idx (uncompressed IDX,
// the first COUNT examples of the official test set: 10 classes, balanced
// enough for the lessons) and the licence notice beside them. The page splits
// them into train/validation/test with the run spec's fractions.
// Usage: node tools/make-web-data.mjs [COUNT]
import fs from 'node:fs';
import path from 'node:path';
import zlib from 'node:zlib';

const SOURCE = '/usr/share/datasets/fashion-mnist';
const COUNT = Number(process.argv[2] || 4000);
const OUT = path.join(path.dirname(new URL(import.meta.url).pathname), '..', 'web', 'data');

function readGzip(name) {
  return zlib.gunzipSync(fs.readFileSync(path.join(SOURCE, name)));
}

// IDX header: magic (2 zero bytes, type, dimensions), then big-endian sizes.
function subset(bytes, count, headerSize) {
  const out = Buffer.from(bytes.subarray(0, headerSize + count * (bytes.length - headerSize) / bytes.readUInt32BE(4)));
  out.writeUInt32BE(count, 4);
  return out;
}

const images = readGzip('t10k-images-idx3-ubyte.gz');
const labels = readGzip('t10k-labels-idx1-ubyte.gz');
const available = images.readUInt32BE(4);
const count = Math.min(COUNT, available);
fs.mkdirSync(OUT, { recursive: true });
fs.writeFileSync(path.join(OUT, 'fashion-mnist-images.idx'), subset(images, count, 16));
fs.writeFileSync(path.join(OUT, 'fashion-mnist-labels.idx'), subset(labels, count, 8));
fs.writeFileSync(path.join(OUT, 'fashion-mnist-LICENSE.txt'),
  `Fashion-MNIST subset: the first ${count} images of the official test set (t10k).\n` +
  'Source: https://github.com/zalandoresearch/fashion-mnist (Debian package dataset-fashion-mnist)\n\n' +
  fs.readFileSync('/usr/share/doc/dataset-fashion-mnist/copyright', 'utf8'));
console.log(`web/data: ${count} Fashion-MNIST images (${(count * 784 / 1e6).toFixed(1)} MB)`);
