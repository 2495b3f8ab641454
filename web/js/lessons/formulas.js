// TeX for every BatchNorm place, typeset with KaTeX next to the controls (the activations',
// initializers' and optimizers' come from the engine's catalogue, catalog.js).
// The one-line notes that go with them are UI text and live in i18n (note.<kind>.<name>).
// These strings are ours (never user text), and KaTeX renders them into an element it builds.

export const NORM_TEX = {
  off: '',
  before: 'y = f\\Bigl(\\gamma\\,\\frac{z-\\mu_B}{\\sqrt{\\sigma_B^2+\\epsilon}} + \\beta\\Bigr),\\quad z = Wx+b',
  after: 'y = \\gamma\\,\\frac{a-\\mu_B}{\\sqrt{\\sigma_B^2+\\epsilon}} + \\beta,\\quad a = f(Wx+b)',
};
