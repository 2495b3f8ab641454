// The image data set's IDX files (tools/make-web-data.mjs), fetched once per page and kept: every
// worker that trains image runs gets these bytes (../worker-pool.js). A failed fetch is retried by
// the next job.

import { siteUrl } from '../site-url.js';

const FILES = { images: 'data/fashion-mnist-images.idx', labels: 'data/fashion-mnist-labels.idx' };

let loading = null;

// -> Promise<{ images: Uint8Array, labels: Uint8Array }>
export function loadImageFiles() {
  loading ??= Promise.all([FILES.images, FILES.labels].map(async (file) => {
    const response = await fetch(siteUrl(file));
    if (!response.ok) throw new Error(`${file}: HTTP ${response.status}`);
    return new Uint8Array(await response.arrayBuffer());
  })).then(([images, labels]) => ({ images, labels }))
    .catch((error) => { loading = null; throw error; });
  return loading;
}
