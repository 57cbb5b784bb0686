/**
 * Texts for the teacher's-day tests: an essay of six paragraphs (about 330 words) and a student's
 * text of its own words with one passage of the essay copied inside quotation marks.
 */
export const ESSAY = [
  'The lighthouse keeper climbed the spiral stairs every evening before dusk, carrying a tin of oil and a cloth for the lens. The brass fittings gleamed in the last light, and the gulls wheeled over the rocks below while the tide came in across the narrow causeway that joined the island to the mainland.',
  'For forty years the light had never failed. Sailors on the coast knew its rhythm the way farmers know the seasons, three long flashes and a pause, and they steered by it through fog and storm without a second thought about the man who tended it through the long winter nights.',
  'When the automatic lamp arrived by boat one spring, the keeper watched the engineers unload their crates on the jetty. He said little, but that night he climbed the stairs one final time, polished the lens until it shone, and wrote a careful entry in the logbook describing the weather, the ships that had passed, and the colour of the sea at sunset.',
  'The engineers left the following week. The new lamp turned without a hand to guide it, and the keeper moved to a cottage in the village, where he grew potatoes and kept bees and told the children stories about shipwrecks, smugglers and the great storm that had once carried away half of the harbour wall.',
  'Years later a historian found the logbooks in a cupboard at the harbour office. She read every entry, from the first nervous lines of a young man to the calm observations of an old one, and she wrote a book about the light, the island and the quiet patience of the people who had kept ships safe along that dangerous shore.',
  'Today visitors walk across the causeway at low tide to see the tower. A small museum in the old storeroom shows the brass oil can, the polishing cloths and a copy of the final logbook entry, and a volunteer explains how the lens was ground by hand in a workshop far inland.',
];

export const OWN_WORDS = [
  'My grandmother kept a vegetable garden behind her house, and every summer she sent me home with baskets of beans, courgettes and small sour apples that nobody else in the family wanted to eat.',
  'She liked to quote a book she had read as a girl. In her words, "When the automatic lamp arrived by boat one spring, the keeper watched the engineers unload their crates on the jetty. He said little, but that night he climbed the stairs one final time, polished the lens until it shone" and she would laugh at how sentimental it sounded.',
  'After she died we found her notebooks in the attic, full of planting dates, rainfall and the names of birds she had seen from the kitchen window during long grey winters.',
];
/** The quoted copy, quotation marks included. */
export const QUOTED = OWN_WORDS[1].slice(OWN_WORDS[1].indexOf('"'), OWN_WORDS[1].lastIndexOf('"') + 1);

