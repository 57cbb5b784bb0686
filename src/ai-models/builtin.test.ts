import { test } from 'node:test';
import assert from 'node:assert/strict';
import { detectAiText } from '../engine/index.js';
import { loadBuiltinAiModel } from './builtin.js';

// Two texts written for this test: a student's hurried essay and a text in the register chat
// assistants favour. Neither comes from the training data.
const student = `i think school uniforms are not a good idea, alot of students dont like them and they cost money that
some familys dont have. Last year my cousin had to wear one and she hated it!! She said it was itchy and
the colors was ugly. Also when you wear the same thing as everybody you cant show who you are. My
friend Marcus says uniforms stop bullying but i dont really believe that because kids will find
something else to make fun of like your shoes or your hair or whatever. Teachers say it helps focus but
honestly i focus better when im comfortable. Another thing is that in summer its really hot and the
uniform pants are thick so you sweat all day in class and nobody can learn like that. So in conclusion
i think the school should let us choose what we wear, maybe with some rules like no offensive shirts,
but not a whole uniform. Thats my opinion and i think alot of people agree with me on this.`;

const assistant = `School uniforms have long been a topic of debate among educators, parents, and students. Proponents
argue that uniforms foster a sense of community and reduce distractions in the learning environment.
Furthermore, they can help minimize socioeconomic disparities, as students are less likely to be judged
based on their clothing choices. However, critics contend that uniforms may limit self-expression, which
is an important aspect of personal development during adolescence. Additionally, the cost of purchasing
uniforms can place a financial burden on some families. It is important to consider both perspectives
when evaluating this policy. On one hand, a consistent dress code can promote discipline and a focused
atmosphere. On the other hand, allowing students to choose their attire can encourage creativity and
individuality. Ultimately, the decision should take into account the unique needs and values of each
school community. By engaging students, parents, and teachers in the conversation, schools can develop
a policy that balances structure with personal freedom, ensuring a positive and inclusive environment.`;

test('the committed model loads and ranks an assistant-style text above a student essay', () => {
  const model = loadBuiltinAiModel();
  assert.ok(model.threshold > 0.5 && model.threshold < 1);
  assert.ok(model.inconclusiveThreshold !== undefined && model.inconclusiveThreshold < model.threshold, 'an inconclusive zone below the flag threshold');
  const h = detectAiText(student, model);
  const a = detectAiText(assistant, model);
  assert.equal(h.status, 'ok');
  assert.equal(a.status, 'ok');
  if (h.status !== 'ok' || a.status !== 'ok') return;
  assert.equal(h.flagged, false);
  assert.equal(h.verdict, 'not_flagged');
  assert.equal(h.aiShare, 0);
  assert.ok(a.score > h.score + 0.3, `assistant ${a.score} vs student ${h.score}`);
});

test('too short and unsupported texts get no number', () => {
  const model = loadBuiltinAiModel();
  assert.equal(detectAiText(student.split(' ').slice(0, 100).join(' '), model).status, 'too_short');
  assert.deepEqual(detectAiText(student, model, { language: 'fr' }), { status: 'unsupported_language', language: 'fr' });
});
