// Entry point of crmc_/scripts/account.js: the handlers the form registers, as CrmCollab.Account.*.
export { onLoad } from './form';
