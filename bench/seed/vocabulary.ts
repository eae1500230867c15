import { MEDICATION_SENTENCES } from './medication-vocabulary';
/**
 * Clinical-sounding sentences for session notes, written for this generator. Each section of each
 * built-in template has its own pool of sentence templates; `{slot}` names are filled by
 * note-content.ts from the client's profile (symptoms, triggers, techniques, homework) and from the
 * session (measures, next appointment). Sentences are picked without repeats until a section reaches
 * its share of the note's ~2 KB.
 */

export const PEOPLE = ['their partner', 'their mother', 'their father', 'their manager', 'a close friend', 'their sister', 'their brother', 'their son', 'their daughter', 'their GP', 'a colleague', 'their flatmate', 'their ex-partner', 'their grandmother'];
export const SETTINGS = ['at work', 'at home', 'on the bus', 'in the supermarket', 'at family dinners', 'in team meetings', 'on the school run', 'at the gym', 'at a friend’s birthday', 'on the phone', 'in the car', 'at night'];
export const AFFECTS = ['anxious but engaged', 'flat', 'tearful at times', 'brighter than last week', 'irritable', 'guarded at first', 'animated', 'tired but engaged', 'calm', 'restless', 'subdued', 'reflective', 'tense', 'warm and open'];
export const STRENGTHS = ['humour', 'persistence', 'curiosity about their own patterns', 'care for their children', 'willingness to try new things', 'honesty about setbacks', 'a supportive friendship group', 'a steady job', 'their faith community', 'regular exercise'];
export const EVENTS = ['a difficult conversation with {person}', 'a deadline at work', 'a family birthday', 'a medical appointment', 'a job interview', 'an argument {setting}', 'a weekend away', 'a visit from {person}', 'a night out with friends', 'a disappointing phone call', 'a long shift', 'moving house', 'a child’s parents’ evening'];
export const TIMEFRAMES = ['this week', 'since the last session', 'over the weekend', 'in the past fortnight', 'on most days', 'twice this week'];
export const GENERIC_TECHNIQUES = ['Socratic questioning', 'reflective listening', 'psychoeducation', 'a brief mindfulness exercise', 'a formulation diagram on the whiteboard', 'scaling questions', 'a two-chair exercise', 'guided discovery', 'summarising and checking understanding', 'a values card sort'];
export const PROTECTIVE = ['their children', 'their dog', 'plans for the summer', 'their faith', 'their relationship with {person}', 'their job', 'not wanting to hurt their family', 'their involvement in a choir'];
export const RUPTURE_CAUSES = [
  'felt I had pushed too quickly towards the exposure task',
  'felt misunderstood when I summarised their week as “better”',
  'was annoyed that the previous session had started late',
  'felt the homework was “school-like” and pointless',
  'went quiet after I questioned the plan to stop the medication',
  'said the sessions were “going round in circles”',
  'felt judged when we looked at the drinking diary',
  'was upset that I had not remembered the name of their manager',
  'questioned whether therapy was helping at all',
  'withdrew after I named the pattern of cancelling',
];
export const REPAIRS = [
  'I named the shift in the room and asked about it directly',
  'I acknowledged my part and slowed the pace',
  'we went back to the agreed goals and checked they still fitted',
  'I invited negative feedback and thanked them for it',
  'we agreed to make the homework smaller and optional',
  'I validated the frustration and linked it to the wider pattern',
  'we agreed a signal they can use when the work feels too fast',
];
export const RISK_ACTIONS_HIGH = [
  'Completed a full risk assessment; safety plan updated with the client; crisis team contacted with consent and an assessment arranged for today; GP informed; follow-up call booked for tomorrow morning.',
  'Safety plan reviewed and strengthened; client agreed to stay with their sister tonight; means restriction discussed and medication handed to their partner; crisis line numbers confirmed; GP letter sent the same day.',
  'Discussed with the duty psychiatrist by phone; urgent review arranged within 24 hours; client agreed to the plan and to call 999 if urges increase; next session brought forward to Thursday.',
];
export const ADDENDA = [
  'Addendum: the next appointment was moved to the following week at the client’s request.',
  'Addendum: correction to the Plan section — the referral letter goes to the GP, not to the psychiatrist.',
  'Addendum: the client phoned the next day to say the homework had been easier than expected.',
  'Addendum: PHQ-9 item 9 was reviewed by phone; the client confirmed no intent or plan and agreed the safety plan stands.',
  'Addendum: the client emailed to ask for a copy of the formulation diagram; sent by post.',
  'Addendum: spoke with the GP with consent about the medication review; they will see the client next week.',
];
export const PROCESS_NOTES = [
  'My own reaction: noticed impatience when the client returned to the same story; take to supervision.',
  'I felt protective and may have rescued too quickly when they became tearful.',
  'Reminded of my own family history in the part about the move; stayed with it, but worth reflecting on.',
  'Felt bored in the middle section, which may mirror how others respond to them — a hypothesis only.',
  'Noticed I avoided asking about the drinking again. Next time, raise it early.',
  'Warm session. I wondered whether I am colluding with the avoidance of the exposure work.',
];

/** Sentence templates per template section key. */
export const SECTION_SENTENCES: Readonly<Record<string, readonly string[]>> = {
  medication: MEDICATION_SENTENCES,
  goals: [
    'We reviewed the goal “{goal}” and {client} said it still fits, though the wording may need softening.',
    '{Client} described some movement on “{goal}”: {they} managed it {timeframe}, helped by {strength}.',
    'Agreed to keep working on “{goal}” and to park the question about {trigger} until next month.',
    '{Client} raised a possible new goal around {trigger}; we agreed to think about it before adding it to the plan.',
    'Goal progress was rated together on a 0–10 scale: {rating} for “{goal}”, up from last time.',
    'We checked that the goals are still {their} own and not what {person} wants for {them}; {they} confirmed they are.',
    'Progress on “{goal}” stalled after {event}; we looked at what got in the way rather than at what went wrong.',
    'Linked the goal “{goal}” to {their} wider value of being reliable for {person}.',
    '{Client} was clear that {symptom} is the priority for the next few weeks.',
    'Revisited the treatment plan: the focus remains {concern}, with {technique} as the main approach.',
  ],
  tasks: [
    'Reviewed homework: {client} had tried to {homeworkLower} and found it {difficulty}.',
    'Most of the session was spent on {technique}, using a recent example {setting}.',
    'We practised {technique} in session; {client} rated anxiety {rating} before and lower afterwards.',
    'Introduced {generic} to make sense of the link between {trigger} and {symptom}.',
    'Worked through a recent episode of {symptom} step by step, from the trigger ({trigger}) to the consequences.',
    '{Client} agreed that the task should be small enough to succeed at, and practised {setting} first.',
    'Did a brief role play of a conversation with {person}; {they} found the second attempt easier.',
    'We drew out the vicious cycle together: {trigger}, then {symptom}, then avoidance, which keeps the fear going.',
  ],
  bond: [
    'Collaborative session; {client} was {affect} and engaged well with the work.',
    '{Client} arrived a few minutes late and apologised; we started gently and the connection felt good by the end.',
    'Trust feels steady: {client} spoke more openly than before about {concern}.',
    '{Client} laughed at one point and said the sessions feel “like a place to think out loud”.',
    'Some hesitation at the start, which eased once we agreed on the focus.',
    'I checked how the pace felt; {client} said it was right and that {they} would tell me if not.',
    'Warm, collaborative tone; {client} used humour to take the edge off a painful subject.',
    '{Client} mentioned feeling listened to in a way {they} had not expected.',
  ],
  rupture: [
    'Rupture noted: {client} {ruptureCause}. {They} gave short answers and looked away for several minutes.',
    'Repair: {repair}. By the end {client} said {they} felt heard, though some tension remained.',
    'We agreed to return to this next session and to check in about the pace at the start.',
  ],
  riskNone: [
    'Risk screen: {client} denied suicidal ideation, intent or plan and any self-harm since the last session.',
    'No concerns about harm to others. No safeguarding concerns were raised.',
    'Protective factors remain {protective} and {strength}.',
  ],
  riskLow: [
    'Risk: {client} described passive thoughts (“it would be easier not to wake up”) on two evenings {timeframe}, with no intent or plan.',
    'Protective factors: {protective}; {they} can name reasons for living and people to contact.',
    'Safety plan reviewed and still current; crisis numbers are saved in {their} phone.',
    'Risk assessed as low; will review at each session.',
  ],
  riskModerate: [
    'Risk: thoughts of suicide have become more frequent {timeframe}, linked to {trigger}; no specific plan, no preparatory acts.',
    'Urges to self-harm were present after {event}; {they} used distraction and did not act on them.',
    'Safety plan updated in session with new coping steps and the contact details of {person}.',
    'Agreed a phone check-in before the next session; GP to be informed with consent.',
  ],
  riskHigh: [
    'Risk: {client} disclosed a plan and access to means after {event}; intent described as fluctuating.',
    'Risk assessed as high. See action taken below.',
  ],
  plan: [
    'Continue {cadence} sessions with {technique} as the focus.',
    'Next appointment: {next}.',
    'Homework as agreed above; review at the start of the next session.',
    'Repeat the {outcome} in four weeks and compare with intake.',
    'Consider a review of the treatment plan at session {reviewAt}.',
    'Send the letter to the GP summarising progress, with consent.',
    'Bring the {trigger} situation to the next session if it comes up again.',
    'If {symptom} gets worse, {client} will call the practice to bring the appointment forward.',
  ],
  subjective: [
    '{Client} reports {symptom} {timeframe}, mostly {setting}.',
    '{They} described {event} as the hardest part of the week.',
    'Mood rated {rating}; sleep about {hours} hours a night, with {symptom}.',
    '{Client} said: “I know what I should do, I just can’t make myself do it when it comes to {trigger}.”',
    'Reports using {technique} on some days, with mixed results.',
    'Concerns today: {concern}, and worry about {trigger}.',
    'Appetite and energy {energy}; no change in medication.',
  ],
  objective: [
    '{Client} presented as {affect}; appropriately dressed, good eye contact, speech normal in rate and volume.',
    'Thought process logical and goal-directed; no evidence of perceptual disturbance.',
    'Affect congruent with reported mood, with a reactive range.',
    '{measureLine}',
    'Attended on time and engaged throughout the session.',
    'Observed {symptom} when discussing {trigger}.',
  ],
  assessment: [
    'Progress toward goals is {progressWord}; {symptom} remains the main obstacle.',
    'The pattern of {trigger} leading to avoidance continues to maintain the difficulties.',
    'Presentation is consistent with the working formulation of {concern}.',
    '{Client} is engaging well and benefiting from {technique}.',
    'Risk remains {riskWord}; protective factors include {protective}.',
    'Scores suggest {trend}, which matches {their} own account.',
  ],
  data: [
    '{Client} reported {symptom} {timeframe}, especially {setting}.',
    'Talked through {event} and how {they} coped with it.',
    '{Client} completed {homeworkLower} on some days and found it {difficulty}.',
    'Presented as {affect}. {measureLine}',
    'Described {concern} as having a big impact on {their} relationship with {person}.',
    'We used {technique} and {generic} in session.',
  ],
  behavior: [
    '{Client} presented as {affect} and described {symptom} {timeframe}.',
    'Reported {event}, followed by avoidance of {trigger}.',
    'Engaged readily; made good use of the session. {measureLine}',
    'Mentioned that {person} has noticed a change in {them}.',
  ],
  intervention: [
    'Used {technique} to work on {concern}.',
    'Provided psychoeducation on the link between {trigger} and {symptom}.',
    'Reviewed homework and set a new task: {homeworkLower}.',
    'Used {generic} to explore the meaning of {event}.',
    'Reinforced {strength} as a resource for the coming weeks.',
  ],
  response: [
    '{Client} responded well and could identify an alternative view of {trigger}.',
    '{They} found {technique} {difficulty} but agreed to keep trying.',
    'Some resistance to the homework at first; agreed a smaller step.',
    'Reported feeling {affect} at the end of the session.',
    'Was able to summarise the main point of the session in {their} own words.',
  ],
  note: [
    '{Client} arrived {affect} and talked about {event} {timeframe}.',
    '{They} described {symptom}, mostly {setting}, and linked it to {trigger}.',
    'We spent most of the session on {technique}, with an example from the week.',
    'Reviewed the homework: {client} had tried to {homeworkLower} and found it {difficulty}.',
    'Goals discussed: “{goal}”; {client} feels some progress.',
    'Risk screen negative; protective factors {protective}.',
    'Plan: continue {cadence} sessions; next appointment {next}.',
    '{Client} said the most helpful part of the session was {helpful}.',
    '{measureLine}',
  ],
};

/** Brief notes for a session the client did not attend, by attendance. */
export const MISSED_SENTENCES: Readonly<Record<'no_show' | 'late_cancellation', readonly string[]>> = {
  no_show: [
    '{Client} did not attend and did not contact the practice beforehand.',
    'Called at ten past and left a voicemail offering the next available slot.',
    'Sent a brief text checking in, as agreed in the contract; no reply at the time of writing.',
    'Fee for the missed session applied per the cancellation policy.',
    'Will raise attendance at the next session if this becomes a pattern.',
  ],
  late_cancellation: [
    '{Client} cancelled by text {hoursBefore} hours before the session, citing {reason}.',
    'Offered a replacement slot later in the week; {they} will confirm.',
    'Cancellation within 24 hours: fee waived this time as agreed.',
  ],
};

export const CANCEL_REASONS = ['illness', 'a work emergency', 'childcare falling through', 'a family visit', 'car trouble', 'a migraine', 'feeling overwhelmed'];
export const DIFFICULTY = ['harder than expected', 'easier than expected', 'useful on the good days', 'awkward at first', 'manageable', 'tiring but worth it', 'hard to remember'];
export const HELPFUL = ['drawing out the cycle', 'practising the conversation aloud', 'hearing that this is common', 'slowing down to notice the feeling', 'agreeing a small next step'];
