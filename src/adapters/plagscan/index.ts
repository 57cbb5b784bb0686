export { plagscanPlugin } from './plugin.js';
export { plagscanPlanner, CALLBACK_SETTING } from './callbacks.js';
