/**
 * English function words: the closed-class words (articles, pronouns, prepositions, conjunctions,
 * auxiliaries, common adverbs and quantifiers) whose rates describe a writer's style rather than
 * the topic. Stylometry has used such profiles since Mosteller and Wallace (1964); here they also
 * mask the topic words of a text (see features.ts).
 */
export const FUNCTION_WORDS: readonly string[] = [
  'a', 'about', 'above', 'across', 'after', 'again', 'against', 'all', 'almost', 'along', 'already',
  'also', 'although', 'always', 'am', 'among', 'an', 'and', 'another', 'any', 'anyone', 'anything',
  'are', 'around', 'as', 'at', 'be', 'because', 'been', 'before', 'being', 'below', 'between',
  'both', 'but', 'by', 'can', 'cannot', 'could', 'did', 'do', 'does', 'doing', 'done', 'down',
  'during', 'each', 'either', 'else', 'enough', 'even', 'ever', 'every', 'everyone', 'everything',
  'few', 'for', 'from', 'further', 'had', 'has', 'have', 'having', 'he', 'her', 'here', 'hers',
  'herself', 'him', 'himself', 'his', 'how', 'however', 'i', 'if', 'in', 'instead', 'into', 'is',
  'it', 'its', 'itself', 'just', 'least', 'less', 'like', 'many', 'may', 'me', 'might', 'mine',
  'more', 'most', 'much', 'must', 'my', 'myself', 'neither', 'never', 'no', 'nor', 'not', 'nothing',
  'now', 'of', 'off', 'often', 'on', 'once', 'one', 'only', 'onto', 'or', 'other', 'others',
  'ought', 'our', 'ours', 'ourselves', 'out', 'over', 'own', 'per', 'perhaps', 'quite', 'rather',
  'same', 'several', 'shall', 'she', 'should', 'since', 'so', 'some', 'someone', 'something',
  'sometimes', 'still', 'such', 'than', 'that', 'the', 'their', 'theirs', 'them', 'themselves',
  'then', 'there', 'therefore', 'these', 'they', 'this', 'those', 'though', 'through', 'thus', 'to',
  'too', 'toward', 'towards', 'under', 'unless', 'until', 'up', 'upon', 'us', 'very', 'was', 'we',
  'well', 'were', 'what', 'whatever', 'when', 'whenever', 'where', 'whereas', 'whether', 'which',
  'while', 'who', 'whom', 'whose', 'why', 'will', 'with', 'within', 'without', 'would', 'yet',
  'you', 'your', 'yours', 'yourself', 'yourselves',
  // contraction parts, as the tokenizer splits them ("don't" -> "do" "n't")
  "n't", "'s", "'re", "'ve", "'ll", "'d", "'m",
];

const SET = new Set(FUNCTION_WORDS);
export function isFunctionWord(lower: string): boolean {
  return SET.has(lower);
}
