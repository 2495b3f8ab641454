// One Korean vocabulary on both pages (docs/glossary.md): the sandbox's and the lab's Korean tables
// (preset notes included) use the glossary's word for each concept and none of the variants it
// rules out. Needs no engine; it lives here so that the test command runs it.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { readFileSync } from 'node:fs';
import sandboxKo from '../strings/ko.mjs';
import sandboxEn from '../strings/en.mjs';

// One table per language for both pages: the lab's strings are the 'lab.*' keys of the same table.
const TABLES = { 'web/js/i18n/ko.js + lab-ko.js': sandboxKo };
// Placeholders ({lr}) are names, not text a learner reads.
const text = (value) => value.replace(/\{[A-Za-z0-9]+\}/g, '');

// [what the glossary says, pattern of the variant it rules out]
const FORBIDDEN = [
  ['초깃값, not 초기값', /초기값/],
  ['오버피팅, not 과적합', /과적합/],
  ['NN Sandbox for the product, 샌드박스 for the sandbox page, not 놀이터', /놀이터/],
  ['the product is "NN Sandbox", not "NN 샌드박스"', /NN 샌드박스/],
  ['교재, not 책', /(?<![가-힣])책/],
  ['"not monotonic" is 단조 함수가 아니다; 단조롭지 않다 reads "not boring"', /단조롭/],
  ['학습률, not an untranslated lr', /\blr\b/i],
  ['가중치 감소 or 분리된 가중치 감소, never a bare 감소 (schedules decay: 감쇠)', /(?<!가중치 )감소/],
  ['규제 for regularisation; 정규화 only in 배치 정규화 (and "자기 정규화", self-normalising)', /(?<!배치 |자기 )정규화/],
  ['단계 for a training step, not 스텝', /스텝/],
  ['동심원 / 초승달 / 두 개의 가우시안 are the data sets\' names', /^원$|반달|가우시안 두 개/],
];

describe('the Korean vocabulary (docs/glossary.md)', () => {
  for (const [file, table] of Object.entries(TABLES)) {
    it(`${file} uses none of the variants the glossary rules out`, () => {
      const found = [];
      for (const [key, value] of Object.entries(table)) {
        for (const [rule, pattern] of FORBIDDEN) {
          if (pattern.test(text(value))) found.push(`${key}: ${rule}\n    ${value}`);
        }
      }
      assert.deepEqual(found, []);
    });
  }

  it('covers the lab page\'s strings (they live in the same table)', () => {
    const labKeys = Object.keys(sandboxKo).filter((key) => key.startsWith('lab.'));
    assert.ok(labKeys.length > 100, `only ${labKeys.length} lab strings in ko.js`);
    assert.deepEqual(labKeys.filter((key) => !(key in sandboxEn)), []);
  });

  it('names each data set the same on both pages, in both languages', () => {
    for (const kind of ['circles', 'moons', 'gaussians', 'spiral', 'xor']) {
      assert.equal(sandboxKo[`lab.pre.${kind}`], sandboxKo[`choice.dataset.${kind}`], kind);
      assert.equal(sandboxEn[`lab.pre.${kind}`].toLowerCase(), sandboxEn[`choice.dataset.${kind}`].toLowerCase(), kind);
    }
  });

  it('uses the glossary\'s words for the regularisation controls and the product', () => {
    assert.equal(sandboxKo['group.regularization'], '규제');
    assert.match(sandboxKo['presetGroup.regularization'], /오버피팅과 규제/);
    assert.match(sandboxKo['lab.overfit.title'], /오버피팅과 규제/);
    // A learner from the notes looks for 가중치 감소 (the L2 term); AdamW's is the decoupled one.
    assert.match(sandboxKo['setting.l2'], /L2.*가중치 감소/);
    assert.equal(sandboxKo['setting.weightDecay'], '분리된 가중치 감소');
    assert.match(sandboxEn['setting.l2'], /L2.*weight decay/i);
    assert.match(sandboxEn['setting.weightDecay'], /^decoupled weight decay$/i);
    assert.equal(sandboxKo['app.title'], 'NN Sandbox');
    assert.equal(sandboxKo['nav.lab'], '실험실');
    assert.equal(sandboxKo['lab.back'], '샌드박스');
  });

  it('is written down in docs/glossary.md with every word the tables must use', () => {
    const glossary = readFileSync(new URL('../../docs/glossary.md', import.meta.url), 'utf8');
    for (const word of ['초깃값', '오버피팅', '기울기 소실', '하이퍼파라미터', '배치 정규화', '드롭아웃', '은닉층',
      '검증', '규제', '가중치 감소', '분리된 가중치 감소', '교재', '동심원', '단조 함수가 아니다']) {
      assert.ok(glossary.includes(word), word);
    }
  });
});
