/**
 * Texts for the cross-language tests (written for Origo): an English source, a German essay
 * whose middle translates four of the source's sentences, and an unrelated German text.
 */
export const ENGLISH_SOURCE = [
  'Fishing villages once dotted the estuary, and most families lived from herring caught in winter.',
  'The harbour authority dredged the northern channel in 1887 so that larger steamships could reach the inner docks.',
  'Within a decade the tonnage handled by the port had tripled, and warehouses spread along the eastern embankment.',
  'Merchants formed a chamber of commerce to lobby for a railway link between the docks and the coal fields inland.',
  'The railway opened in 1902 and turned the town into the main export harbour for the whole valley.',
  'After the collapse of coal mining the docks fell silent, and today the warehouses hold galleries and flats.',
].join(' ');

/** The English sentences the German passage translates (sentences 2-5 of the source). */
export const TRANSLATED_ENGLISH = ENGLISH_SOURCE.slice(ENGLISH_SOURCE.indexOf('The harbour authority'), ENGLISH_SOURCE.indexOf(' After the collapse'));

export const GERMAN_TRANSLATION = [
  'Die Hafenbehörde baggerte 1887 den nördlichen Kanal aus, damit größere Dampfschiffe die inneren Docks erreichen konnten.',
  'Innerhalb eines Jahrzehnts hatte sich die Tonnage des Hafens verdreifacht, und Lagerhäuser breiteten sich entlang des östlichen Ufers aus.',
  'Kaufleute gründeten eine Handelskammer, um sich für eine Eisenbahnverbindung zwischen den Docks und den Kohlefeldern im Landesinneren einzusetzen.',
  'Die Eisenbahn wurde 1902 eröffnet und machte die Stadt zum wichtigsten Exporthafen für das ganze Tal.',
].join(' ');

export const GERMAN_ESSAY = [
  'In meinem Aufsatz geht es darum, wie sich kleine Städte während der Industrialisierung verändert haben.',
  'Ich beginne mit einem Beispiel von der Küste.',
  GERMAN_TRANSLATION,
  'Zusammenfassend lässt sich sagen, dass Entscheidungen über die Infrastruktur das Schicksal der Stadt für mehr als ein Jahrhundert prägten.',
].join(' ');

export const GERMAN_UNRELATED = [
  'Unsere Klasse fuhr im Frühling für drei Tage in die Berge.',
  'Wir wohnten in einer kleinen Hütte ohne Strom und kochten jeden Abend gemeinsam Suppe.',
  'Am zweiten Tag stiegen wir bei Nebel auf einen Gipfel, von dem man angeblich bis zum See sehen kann.',
  'Leider sahen wir nur graue Wolken, aber der Lehrer erzählte uns Geschichten über die Hirten, die früher dort oben lebten.',
  'Auf dem Rückweg fanden wir Pilze, die wir nicht essen durften.',
  'Trotzdem war es die schönste Reise des ganzen Schuljahres.',
].join(' ');
