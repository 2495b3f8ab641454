// The lab page's own text joins the shared tables before anything on the page reads it: imported
// first by lab-main.js (modules run in import order). The sandbox never imports it, so its first
// training step does not wait for about 10 KB of strings it never shows.

import { addStrings } from '../i18n/i18n.js';
import labEn from '../i18n/lab-en.js';

addStrings(labEn, { ko: () => import('../i18n/lab-ko.js') });
