// TeX for every activation, initializer and optimizer, typeset with KaTeX next to the controls.
// The one-line notes that go with them are UI text and live in i18n (note.<kind>.<name>).
// These strings are ours (never user text), and KaTeX renders them into an element it builds.

export const ACTIVATION_TEX = {
  linear: 'f(x) = x',
  sigmoid: '\\sigma(x) = \\frac{1}{1+e^{-x}},\\quad \\sigma\'(x) = \\sigma(x)\\,(1-\\sigma(x)) \\le \\tfrac14',
  tanh: '\\tanh(x) = \\frac{1-e^{-2x}}{1+e^{-2x}} = 2\\sigma(2x)-1,\\quad \\tanh\'(x) = 1-\\tanh^2(x)',
  relu: '\\mathrm{ReLU}(x) = \\max(0, x),\\quad f\'(x) = \\begin{cases}1 & x>0\\\\ 0 & x\\le 0\\end{cases}',
  leaky_relu: 'f(x) = \\begin{cases}x & x>0\\\\ 0.01\\,x & x\\le 0\\end{cases}',
  prelu: 'f(x) = \\begin{cases}x & x>0\\\\ a\\,x & x\\le 0\\end{cases},\\quad a \\text{ learned, } a_0 = 0.25',
  elu: 'f(x) = \\begin{cases}x & x>0\\\\ \\alpha\\,(e^{x}-1) & x\\le 0\\end{cases},\\quad \\alpha = 1',
  gelu: '\\mathrm{GELU}(x) \\approx \\tfrac{x}{2}\\Bigl(1+\\tanh\\bigl(\\sqrt{2/\\pi}\\,(x+0.044715\\,x^3)\\bigr)\\Bigr)',
  silu: '\\mathrm{SiLU}(x) = x\\,\\sigma(x) = \\frac{x}{1+e^{-x}}',
};

// n_in = fan-in (inputs of the layer), n_out = fan-out (its units).
export const INIT_TEX = {
  zeros: 'W = 0',
  constant: 'W = c',
  normal: 'W \\sim \\mathcal{N}(0, \\sigma^2)',
  uniform: 'W \\sim \\mathcal{U}(-a, a)',
  xavier_normal: 'W \\sim \\mathcal{N}\\Bigl(0, \\frac{2}{n_{in}+n_{out}}\\Bigr)',
  xavier_uniform: 'W \\sim \\mathcal{U}\\Bigl(\\pm\\sqrt{\\frac{6}{n_{in}+n_{out}}}\\Bigr)',
  he_normal: 'W \\sim \\mathcal{N}\\Bigl(0, \\frac{2}{n_{in}}\\Bigr)',
  he_uniform: 'W \\sim \\mathcal{U}\\Bigl(\\pm\\sqrt{\\frac{6}{n_{in}}}\\Bigr)',
  lecun_normal: 'W \\sim \\mathcal{N}\\Bigl(0, \\frac{1}{n_{in}}\\Bigr)',
};

// g = dL/dW on the mini-batch, eta = learning rate.
export const OPTIMIZER_TEX = {
  sgd: 'W \\leftarrow W - \\eta\\, g',
  momentum: 'v \\leftarrow \\mu v - \\eta\\, g,\\quad W \\leftarrow W + v',
  nesterov: 'v \\leftarrow \\mu v - \\eta\\, \\nabla L(W + \\mu v),\\quad W \\leftarrow W + v',
  adagrad: 'h \\leftarrow h + g \\odot g,\\quad W \\leftarrow W - \\frac{\\eta\\, g}{\\sqrt{h}+\\epsilon}',
  rmsprop: 'h \\leftarrow \\rho h + (1-\\rho)\\, g \\odot g,\\quad W \\leftarrow W - \\frac{\\eta\\, g}{\\sqrt{h}+\\epsilon}',
  adam: 'm \\leftarrow \\beta_1 m + (1-\\beta_1) g,\\; v \\leftarrow \\beta_2 v + (1-\\beta_2) g^2,\\; '
    + 'W \\leftarrow W - \\eta\\, \\frac{\\hat m}{\\sqrt{\\hat v}+\\epsilon}',
  adamw: '\\text{Adam step, then } W \\leftarrow W - \\eta\\,\\lambda\\, W \\text{ (decoupled decay)}',
};

export const NORM_TEX = {
  off: '',
  before: 'y = f\\Bigl(\\gamma\\,\\frac{z-\\mu_B}{\\sqrt{\\sigma_B^2+\\epsilon}} + \\beta\\Bigr),\\quad z = Wx+b',
  after: 'y = \\gamma\\,\\frac{a-\\mu_B}{\\sqrt{\\sigma_B^2+\\epsilon}} + \\beta,\\quad a = f(Wx+b)',
};
