// Every English string of both pages, as one table: the shared one (en.js) and the lab's own
// (lab-en.js, which the lab page adds at run time). Tests that check a page's text read this.
import shared from '../../web/js/i18n/en.js';
import lab from '../../web/js/i18n/lab-en.js';

export default { ...shared, ...lab };
