// Entry point of crmc_/scripts/task.js: the handlers the form registers, as CrmCollab.Task.*.
export { onLoad } from './form';
