// The notes beside the controls and in the lab name the formulas the engine uses (issue 7, items
// 10-12): the book's "Xavier" is sigma = 1/sqrt(n) (LeCun normal here), the sandbox's Xavier is
// Glorot's 2/(n_in + n_out), He doubles 1/n_in; the L2 control is the notes' weight decay and
// AdamW's is the decoupled one; inverted dropout matches the book's test-time scaling.
// Needs no engine; it lives here so that the test command runs it.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import en from '../strings/en.mjs';
import ko from '../strings/ko.mjs';
import { initTex } from '../../web/js/catalog.js';

describe('the initializer notes tell the two Xavier variants apart', () => {
  it('match the formulas typeset beside them', () => {
    assert.match(initTex('xavier_normal'), /\\frac\{2\}\{n_\{in\}\+n_\{out\}\}/);
    assert.match(initTex('lecun_normal'), /\\frac\{1\}\{n_\{in\}\}/);
    assert.match(initTex('he_normal'), /\\frac\{2\}\{n_\{in\}\}/);
  });

  for (const [language, table] of [['en', en], ['ko', ko]]) {
    it(`say where a learner picks an initializer (${language})`, () => {
      // The book's Xavier is found under its name in the list.
      assert.match(table['choice.init.lecun_normal'], /Xavier/);
      for (const key of ['note.init.xavier_normal', 'note.init.xavier_uniform']) {
        assert.match(table[key], /2\/\(n_in \+ n_out\)/, key);
        assert.match(table[key], /σ = 1\/√n/, key);
        assert.match(table[key], /LeCun/, key);
      }
      assert.match(table['note.init.lecun_normal'], /1\/n_in/);
      // "Twice the Xavier variance" holds only against 1/n_in.
      assert.match(table['note.init.he_normal'], /2\/n_in/);
      assert.match(table['note.init.he_normal'], /1\/n_in/);
    });
  }

  for (const [language, table] of [['en', en], ['ko', ko]]) {
    it(`say so in the lab's init section (${language})`, () => {
      assert.match(table['lab.hist.intro2'], /σ = 1\/√n/);
      assert.match(table['lab.hist.intro2'], /Glorot/);
      assert.match(table['lab.hist.intro2'], /2\/\(n_in \+ n_out\)/);
    });
  }
});

describe('L2 and decoupled weight decay, and dropout', () => {
  it('label the L2 control as the notes\' weight decay and AdamW\'s as decoupled', () => {
    assert.match(en['setting.l2'], /weight decay/);
    assert.match(ko['setting.l2'], /가중치 감소/);
    assert.match(en['note.optimizer.adamw'], /decoupled weight decay/);
    assert.match(ko['note.optimizer.adamw'], /분리된 가중치 감소/);
  });

  it('say that inverted dropout gives the book\'s test-time outputs', () => {
    assert.match(en['lab.overfit.intro2'], /same outputs as the book's dropout, which multiplies by 1−p at test time/);
    assert.match(ko['lab.overfit.intro2'], /1−p를 곱하는 교재의 드롭아웃과 같은 출력/);
  });
});
