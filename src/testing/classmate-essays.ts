/**
 * Two classmates' essays sharing one paragraph (P), for the tests of what a student sees of a
 * classmate's essay: Ann's also holds a sentence only she wrote (ANN_OWN), which a student's
 * report must never show.
 */
export const P =
  'The industrial revolution transformed the economic and social structure of Britain in ways that historians still debate today, ' +
  'especially its effect on wages, on working hours and on the living standards of families who moved from the countryside into the growing mill towns.';
export const ANN_OWN = 'Annabel kept a diary of her visits to the textile museum in Styal every Saturday afternoon';
export const ANN = `My essay opens with my own view of the period and the sources I read for this course. ${P} ${ANN_OWN}.`;
export const BEN = `Ben begins with a story about his grandfather, who worked in a factory near Manchester for forty years. ${P} His conclusion is that progress always has a price.`;
