// Entry point of crmc_/panel/collaboration.js (CrmCollab.Panel): starts the panel once the page is parsed.
import { refresh, setClientApiContext, start } from './main';

export { refresh, setClientApiContext };

if (document.readyState === 'loading') document.addEventListener('DOMContentLoaded', start);
else start();
