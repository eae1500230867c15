/**
 * What a synthetic client comes to therapy for: the words their notes use, their goals and diagnoses,
 * the outcome measure followed, how likely ruptures are. Written for this generator; the diagnoses are
 * ordinary ICD-10 codes and labels, the rest is everyday clinical language.
 */
export interface ClinicalProfile {
  id: string;
  /** Share of a caseload, roughly. */
  weight: number;
  /** Presenting concerns, as a referral letter would put them. */
  concerns: readonly string[];
  symptoms: readonly string[];
  triggers: readonly string[];
  techniques: readonly string[];
  /** Homework, as an imperative the task list holds. */
  homework: readonly string[];
  goals: readonly { text: string; objective: string }[];
  diagnoses: readonly { code: string; label: string }[];
  outcomes: readonly ('phq-9' | 'gad-7')[];
  /** Outcome total at intake, low to high (PHQ-9 scale; GAD-7 scales it). */
  severity: readonly [number, number];
  tags: readonly string[];
  sessionType: 'individual' | 'couple' | 'family';
  /** Chance of a rupture in any one session. */
  ruptureRate: number;
}

export const PROFILES: readonly ClinicalProfile[] = [
  {
    id: 'generalised-anxiety',
    weight: 16,
    concerns: ['persistent worry about work and health', 'difficulty switching off in the evenings', 'tension headaches and poor sleep linked to worry'],
    symptoms: ['racing thoughts at night', 'a tight chest before meetings', 'checking emails late into the evening', 'muscle tension in the shoulders', 'restlessness', 'difficulty concentrating'],
    triggers: ['deadlines', 'unanswered messages', 'health news', 'money worries', 'performance reviews', 'the children being late home'],
    techniques: ['worry time scheduling', 'cognitive restructuring of catastrophic predictions', 'paced breathing', 'progressive muscle relaxation', 'tolerance of uncertainty experiments', 'problem-solving steps'],
    homework: ['Keep a worry diary with the time, trigger and rating', 'Postpone worries to a 20-minute worry slot at 6 pm', 'Practise paced breathing twice a day', 'Try one uncertainty experiment and note the outcome', 'Do the progressive muscle relaxation recording before bed'],
    goals: [
      { text: 'Worry less about things I cannot control', objective: 'Daily worry time under 30 minutes on most days (worry diary)' },
      { text: 'Sleep through the night more often', objective: 'Five nights a week with no more than one waking (sleep diary)' },
      { text: 'Stop checking work email after 8 pm', objective: 'No work email after 8 pm on weekdays for four weeks' },
      { text: 'Feel calmer in team meetings', objective: 'Anxiety in meetings rated 4/10 or lower' },
    ],
    diagnoses: [{ code: 'F41.1', label: 'Generalized anxiety disorder' }],
    outcomes: ['gad-7', 'phq-9'],
    severity: [8, 17],
    tags: ['CBT', 'Anxiety'],
    sessionType: 'individual',
    ruptureRate: 0.02,
  },
  {
    id: 'depression',
    weight: 16,
    concerns: ['low mood for several months', 'loss of interest in hobbies and friends', 'difficulty getting up in the morning'],
    symptoms: ['low mood most days', 'early waking', 'tearfulness', 'loss of appetite', 'feeling flat', 'withdrawal from friends', 'self-critical thinking'],
    triggers: ['weekends alone', 'comparisons on social media', 'the end of a relationship', 'a setback at work', 'dark winter evenings'],
    techniques: ['behavioural activation', 'activity scheduling', 'cognitive restructuring', 'self-compassion exercises', 'values clarification', 'graded task assignment'],
    homework: ['Schedule one pleasant activity each day and rate mood before and after', 'Walk for 20 minutes on three days', 'Complete a thought record for two low moments', 'Message one friend this week', 'Get up by 8:30 on weekdays'],
    goals: [
      { text: 'Get out of bed before 9 on weekdays', objective: 'Up by 9:00 on at least four weekdays a week' },
      { text: 'Reconnect with friends', objective: 'One social contact a week, in person or by phone' },
      { text: 'Enjoy cooking again', objective: 'Cook a proper meal three times a week' },
      { text: 'Be kinder to myself', objective: 'Self-criticism ratings below 5/10 on the thought record' },
    ],
    diagnoses: [
      { code: 'F32.1', label: 'Major depressive disorder, single episode, moderate' },
      { code: 'F33.1', label: 'Major depressive disorder, recurrent, moderate' },
    ],
    outcomes: ['phq-9'],
    severity: [11, 22],
    tags: ['CBT', 'Depression'],
    sessionType: 'individual',
    ruptureRate: 0.025,
  },
  {
    id: 'panic',
    weight: 7,
    concerns: ['panic attacks on public transport', 'avoidance of supermarkets and crowded places', 'fear of fainting in public'],
    symptoms: ['sudden surges of fear', 'a pounding heart', 'dizziness', 'fear of losing control', 'scanning for exits', 'avoidance of the train'],
    triggers: ['crowded trains', 'queues', 'hot rooms', 'caffeine', 'noticing their heartbeat'],
    techniques: ['interoceptive exposure', 'psychoeducation on the panic cycle', 'graded exposure', 'dropping safety behaviours', 'paced breathing'],
    homework: ['Ride the train two stops without the water bottle', 'Do the spinning exercise for 30 seconds daily', 'Stay in the supermarket until anxiety halves', 'Record panic attacks with the thoughts and what happened', 'Climb the stairs quickly and notice the sensations'],
    goals: [
      { text: 'Take the train to work without getting off early', objective: 'Full commute by train three days a week' },
      { text: 'Go to the supermarket on my own', objective: 'Weekly shop alone, without leaving the queue' },
      { text: 'Stop carrying rescue items everywhere', objective: 'Leave the water bottle and tablets at home for a week' },
    ],
    diagnoses: [{ code: 'F41.0', label: 'Panic disorder' }],
    outcomes: ['gad-7'],
    severity: [9, 18],
    tags: ['CBT', 'Exposure'],
    sessionType: 'individual',
    ruptureRate: 0.02,
  },
  {
    id: 'social-anxiety',
    weight: 6,
    concerns: ['anxiety in social situations and at work', 'avoiding speaking up in meetings', 'rumination after social events'],
    symptoms: ['blushing', 'rehearsing what to say', 'post-event rumination', 'avoiding eye contact', 'leaving parties early'],
    triggers: ['presentations', 'small talk', 'phone calls', 'eating in front of others', 'group chats'],
    techniques: ['video feedback', 'attention training', 'behavioural experiments', 'dropping safety behaviours', 'cognitive restructuring'],
    homework: ['Ask one question in the team meeting', 'Make the phone call to the dentist', 'Stay at the gathering for an hour and notice attention outward', 'Note predictions before and outcomes after one social task'],
    goals: [
      { text: 'Speak up in meetings', objective: 'One contribution in each weekly team meeting' },
      { text: 'Make phone calls without putting them off', objective: 'Calls made on the day they are needed' },
      { text: 'Go to a social event and stay', objective: 'One event a month, staying at least an hour' },
    ],
    diagnoses: [{ code: 'F40.10', label: 'Social anxiety disorder' }],
    outcomes: ['gad-7'],
    severity: [8, 16],
    tags: ['CBT'],
    sessionType: 'individual',
    ruptureRate: 0.02,
  },
  {
    id: 'trauma',
    weight: 8,
    concerns: ['intrusive memories after a road accident', 'nightmares and being on edge', 'avoiding driving and the junction where it happened'],
    symptoms: ['flashbacks', 'nightmares', 'hypervigilance', 'startle response', 'numbness', 'avoidance of reminders'],
    triggers: ['sirens', 'the smell of petrol', 'the anniversary', 'driving at dusk', 'raised voices'],
    techniques: ['grounding (5-4-3-2-1)', 'trauma-focused CBT', 'imagery rescripting', 'EMDR preparation and resourcing', 'reliving with updating of hotspots', 'safe place imagery'],
    homework: ['Use grounding when a memory intrudes and note what helped', 'Listen to the reliving recording once a day', 'Drive around the block in daylight', 'Keep the nightmare log', 'Practise the safe place exercise before bed'],
    goals: [
      { text: 'Have fewer nightmares', objective: 'Nightmares on no more than one night a week' },
      { text: 'Drive again', objective: 'Drive the route to work alone' },
      { text: 'Feel safe at home in the evenings', objective: 'Hypervigilance rated under 4/10 in the evenings' },
    ],
    diagnoses: [{ code: 'F43.10', label: 'Post-traumatic stress disorder, unspecified' }],
    outcomes: ['phq-9', 'gad-7'],
    severity: [12, 22],
    tags: ['Trauma', 'EMDR'],
    sessionType: 'individual',
    ruptureRate: 0.05,
  },
  {
    id: 'grief',
    weight: 7,
    concerns: ['grief after the death of a parent', 'difficulty returning to work after the loss', 'guilt about the last months of care'],
    symptoms: ['waves of sadness', 'yearning', 'guilt', 'difficulty sleeping', 'avoiding the family home', 'numbness on anniversaries'],
    triggers: ['the anniversary', 'birthdays', 'sorting belongings', 'hospital smells', 'family gatherings'],
    techniques: ['grief psychoeducation (dual process model)', 'continuing bonds work', 'letter writing', 'restoration-oriented planning', 'memory work with photographs'],
    homework: ['Write the letter to their mother without sending it', 'Look at one album of photographs and note the feelings', 'Plan one restoration activity for the weekend', 'Visit the grave with their sister'],
    goals: [
      { text: 'Talk about Dad without shutting down', objective: 'Share one memory with family each week' },
      { text: 'Go back to work full time', objective: 'Five days a week by the end of the quarter' },
      { text: 'Sort through Mum’s things', objective: 'One box a week, with a plan for what to keep' },
    ],
    diagnoses: [{ code: 'F43.81', label: 'Prolonged grief disorder' }, { code: 'F43.21', label: 'Adjustment disorder with depressed mood' }],
    outcomes: ['phq-9'],
    severity: [9, 19],
    tags: ['Grief'],
    sessionType: 'individual',
    ruptureRate: 0.02,
  },
  {
    id: 'relationship',
    weight: 7,
    concerns: ['frequent arguments and distance in the relationship', 'loss of trust after an affair', 'disagreements about parenting'],
    symptoms: ['escalating arguments', 'stonewalling', 'feeling unheard', 'criticism and defensiveness', 'little time together'],
    triggers: ['money', 'household chores', 'in-laws', 'screen time at dinner', 'the partner working late'],
    techniques: ['emotionally focused couple work', 'speaker–listener technique', 'softened start-up', 'mapping the negative cycle', 'repair attempts practice'],
    homework: ['Have a 20-minute check-in with their partner twice this week', 'Use the speaker–listener cards for one disagreement', 'Plan one date night', 'Each notice one thing the other does well'],
    goals: [
      { text: 'Argue less and repair sooner', objective: 'Arguments resolved the same day most of the time' },
      { text: 'Rebuild trust', objective: 'Both rate trust at 6/10 or more' },
      { text: 'Agree on a bedtime routine for the kids', objective: 'Routine followed five nights a week' },
    ],
    diagnoses: [{ code: 'Z63.0', label: 'Relationship distress with spouse or partner' }],
    outcomes: ['phq-9'],
    severity: [5, 13],
    tags: ['Couples'],
    sessionType: 'couple',
    ruptureRate: 0.04,
  },
  {
    id: 'family',
    weight: 4,
    concerns: ['conflict at home with a teenage child', 'school refusal', 'parents disagreeing about boundaries'],
    symptoms: ['shouting matches', 'slammed doors', 'missed school days', 'withdrawal to their room', 'parents undermining each other'],
    triggers: ['school mornings', 'phone rules', 'homework', 'curfew', 'visits to the other parent'],
    techniques: ['structural family work', 'parent coaching', 'family problem-solving', 'circular questioning', 'validation skills for parents'],
    homework: ['Hold a 15-minute family meeting on Sunday', 'Parents agree one phone rule together', 'Praise one thing each day', 'Plan the school morning routine on paper'],
    goals: [
      { text: 'Get to school every day', objective: 'Attendance above 90 % this term' },
      { text: 'Fewer shouting matches at home', objective: 'Arguments logged under twice a week' },
      { text: 'Parents on the same page about rules', objective: 'Three agreed rules, written down and followed' },
    ],
    diagnoses: [{ code: 'Z63.8', label: 'Other specified problems related to primary support group' }],
    outcomes: ['phq-9'],
    severity: [5, 14],
    tags: ['Family', 'Adolescent'],
    sessionType: 'family',
    ruptureRate: 0.04,
  },
  {
    id: 'ocd',
    weight: 4,
    concerns: ['checking rituals that take over an hour each morning', 'intrusive thoughts about harm', 'contamination fears'],
    symptoms: ['checking the locks and the hob', 'reassurance seeking', 'hand washing', 'intrusive images', 'mental reviewing'],
    triggers: ['leaving the house', 'public toilets', 'knives in the kitchen', 'being last to leave the office'],
    techniques: ['exposure and response prevention', 'building an exposure hierarchy', 'reducing reassurance seeking', 'inference-based work on doubt'],
    homework: ['Leave the house after one check only', 'Touch the door handle and delay washing for 20 minutes', 'Ask for reassurance no more than once a day', 'Work through step 3 of the exposure ladder'],
    goals: [
      { text: 'Leave the house on time in the morning', objective: 'Out of the door within 10 minutes of getting ready' },
      { text: 'Stop asking my partner to check for me', objective: 'Reassurance requests under one a day' },
      { text: 'Cook with knives again', objective: 'Prepare a meal with a knife twice a week' },
    ],
    diagnoses: [{ code: 'F42.2', label: 'Mixed obsessional thoughts and acts' }],
    outcomes: ['gad-7'],
    severity: [9, 18],
    tags: ['CBT', 'ERP'],
    sessionType: 'individual',
    ruptureRate: 0.03,
  },
  {
    id: 'eating',
    weight: 3,
    concerns: ['binge eating and compensatory restriction', 'preoccupation with weight and shape', 'eating alone and in secret'],
    symptoms: ['skipping breakfast', 'evening binges', 'body checking', 'rigid food rules', 'guilt after eating'],
    triggers: ['long gaps between meals', 'stress at work', 'weighing themselves', 'social meals'],
    techniques: ['regular eating (CBT-E)', 'food and mood monitoring', 'addressing body checking', 'problem-solving urges'],
    homework: ['Eat three meals and two snacks at planned times', 'Complete the food and mood record', 'Weigh in once a week only, in session', 'Use the urge-surfing sheet when a binge urge comes'],
    goals: [
      { text: 'Eat regularly without skipping meals', objective: 'Three meals and two snacks on six days a week' },
      { text: 'Binge less often', objective: 'Binges under one a week' },
      { text: 'Worry less about my shape', objective: 'Body checking under twice a day' },
    ],
    diagnoses: [{ code: 'F50.81', label: 'Binge eating disorder' }],
    outcomes: ['phq-9'],
    severity: [8, 17],
    tags: ['Eating'],
    sessionType: 'individual',
    ruptureRate: 0.04,
  },
  {
    id: 'alcohol',
    weight: 3,
    concerns: ['drinking more than planned in the evenings', 'concern from family about alcohol', 'low mood the day after drinking'],
    symptoms: ['cravings after work', 'drinking alone', 'hangovers on workdays', 'hiding bottles', 'irritability when not drinking'],
    triggers: ['Friday evenings', 'arguments at home', 'boredom', 'work stress', 'celebrations'],
    techniques: ['motivational interviewing', 'decisional balance', 'relapse prevention planning', 'urge surfing', 'identifying high-risk situations'],
    homework: ['Keep the drinking diary with units and situation', 'Plan two alcohol-free days', 'Use urge surfing once and note what happened', 'Tell one person about the plan'],
    goals: [
      { text: 'Cut down on drinking', objective: 'Under 14 units a week, with three alcohol-free days' },
      { text: 'Stop drinking alone', objective: 'No drinking alone for four weeks' },
      { text: 'Feel better in the mornings', objective: 'No workday hangovers' },
    ],
    diagnoses: [{ code: 'F10.10', label: 'Alcohol use disorder, mild' }],
    outcomes: ['phq-9'],
    severity: [7, 16],
    tags: ['MI'],
    sessionType: 'individual',
    ruptureRate: 0.05,
  },
  {
    id: 'work-stress',
    weight: 8,
    concerns: ['stress and exhaustion at work', 'conflict with a new manager', 'thinking about leaving their job'],
    symptoms: ['exhaustion', 'irritability', 'Sunday-evening dread', 'tension headaches', 'difficulty saying no'],
    triggers: ['a new manager', 'restructuring', 'an unmanageable workload', 'performance reviews', 'commuting'],
    techniques: ['assertiveness skills', 'boundary setting', 'values-based decision making', 'stress inoculation', 'problem-solving steps'],
    homework: ['Say no to one extra request this week', 'Take a full lunch break on three days', 'Write the pros and cons of staying in the job', 'Practise the assertive script before the one-to-one'],
    goals: [
      { text: 'Set limits at work', objective: 'Leave by 6 pm on four days a week' },
      { text: 'Decide whether to stay in my job', objective: 'A decision made and a plan written' },
      { text: 'Have energy for life outside work', objective: 'One evening activity a week' },
    ],
    diagnoses: [{ code: 'F43.23', label: 'Adjustment disorder with mixed anxiety and depressed mood' }],
    outcomes: ['phq-9', 'gad-7'],
    severity: [6, 15],
    tags: ['Stress', 'EAP'],
    sessionType: 'individual',
    ruptureRate: 0.02,
  },
  {
    id: 'emotion-regulation',
    weight: 5,
    concerns: ['intense emotions and impulsive self-harm', 'unstable relationships', 'chronic feelings of emptiness'],
    symptoms: ['urges to self-harm', 'intense anger', 'fear of abandonment', 'rapid mood shifts', 'impulsive spending'],
    triggers: ['perceived rejection', 'arguments with a partner', 'being alone at night', 'cancelled plans'],
    techniques: ['DBT skills (distress tolerance)', 'chain analysis', 'emotion regulation skills', 'validation', 'mindfulness of current emotion', 'crisis survival skills'],
    homework: ['Fill in the diary card daily', 'Use TIPP when distress is above 7', 'Do a chain analysis of one urge', 'Practise opposite action once'],
    goals: [
      { text: 'Stop hurting myself when I am overwhelmed', objective: 'No self-harm, with skills used instead, for eight weeks' },
      { text: 'Keep relationships steadier', objective: 'Fewer break-ups and walk-outs; repair within a day' },
      { text: 'Feel less empty', objective: 'Emptiness rated under 5/10 on the diary card' },
    ],
    diagnoses: [{ code: 'F60.3', label: 'Borderline personality disorder' }],
    outcomes: ['phq-9'],
    severity: [13, 23],
    tags: ['DBT'],
    sessionType: 'individual',
    ruptureRate: 0.08,
  },
];

export const profileById = (id: string): ClinicalProfile => {
  const profile = PROFILES.find((candidate) => candidate.id === id);
  if (!profile) throw new Error(`unknown profile ${id}`);
  return profile;
};
