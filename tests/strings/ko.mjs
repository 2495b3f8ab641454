// Every Korean string of both pages, as one table (ko.js and the lab's lab-ko.js); see en.mjs.
import shared from '../../web/js/i18n/ko.js';
import lab from '../../web/js/i18n/lab-ko.js';

export default { ...shared, ...lab };
