// Entry point of crmc_/scripts/opportunity.js: the handlers the form registers, as CrmCollab.Opportunity.*.
export { onLoad, onPostSave, onPreStageChange, onStageChange } from './form';
