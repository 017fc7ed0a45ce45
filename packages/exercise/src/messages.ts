// Every sentence the product says, by key. Effects and decisions carry keys plus params so the
// web app can localise; this English table lets the CLI print and speak without one.

export const MESSAGES_EN = {
  'side.left': 'your left foot',
  'side.right': 'your right foot',
  'side.both': 'both feet',

  'screening.title': 'Before you start: a quick safety check',
  'screening.q.swelling': 'Is the leg or ankle you will exercise clearly swollen, red or bruised today?',
  'screening.q.clotHistory':
    'Have you ever had a blood clot in a leg vein (deep vein thrombosis, DVT) or in the lungs (pulmonary embolism)?',
  'screening.q.severeInjury':
    'Do you have a serious ankle injury at the moment, such as a broken bone or a torn ligament?',
  'screening.q.painNow':
    'How much pain do you have in your legs right now, from 0 (none) to 10 (the worst you can imagine)?',

  'screening.reason.severeInjury':
    'A serious injury to the ankle, like a broken bone or a torn ligament, can be strained by this movement and heal more slowly. Ankle pumps are not for you until your doctor says otherwise.',
  'screening.reason.swelling':
    'Clear swelling, redness or bruising needs a doctor to look at it before you exercise this leg.',
  'screening.reason.painHigh':
    'You rated your pain {level} out of 10. Ankle pumps should feel like a gentle stretch, never like pain. Talk to a doctor before you start.',
  'screening.reason.clotHistory':
    'Because you have had a blood clot, do ankle pumps only while a physiotherapist supervises you, unless your clinician has cleared you in this app.',
  'screening.reason.clotCleared':
    'You have had a blood clot, and your clinician has recorded that you may do this exercise with the app.',
  'screening.reason.painModerate':
    'You rated your pain {level} out of 10. Start gently and stop if the pain becomes sharp or gets worse.',
  'screening.reason.painStopToday':
    'You stopped a session earlier today because of pain. Do not do ankle pumps again today. If the pain is sharp, does not settle, or the leg becomes swollen, red or warm, contact your doctor or physiotherapist.',
  'screening.reason.allClear': 'None of the warning signs apply to you today. You can start.',

  'care.stopSharpPain':
    'Stop at once if you feel sharp pain or pain that keeps getting worse, and ask your doctor or physiotherapist for advice.',
  'care.legChanges':
    'If your leg becomes more swollen, red, warm or painful, contact your doctor the same day: these can be signs of a blood clot.',
  'care.emergency':
    'If you suddenly become short of breath or feel chest pain, call the emergency number (for example 112, 911 or 999) now.',
  'care.notADiagnosis':
    'This app is an exercise aid. It does not diagnose anything and does not replace your doctor or physiotherapist.',

  'cue.relax': 'Relax {side}; let the muscles go loose.',
  'cue.pointToes': 'Point the toes of {side} down, away from you.',
  'cue.holdDown': 'Hold the toes down.',
  'cue.pullUp': 'Pull the toes of {side} back up toward the shin.',
  'cue.holdUp': 'Hold the toes up.',
  'cue.switchFoot': 'Now switch to {side}.',
  'cue.rest': 'Rest for {seconds} seconds.',

  // The same cues as the short instruction shown large on screen while the sentence is spoken.
  'cueLabel.relax': 'Relax',
  'cueLabel.pointToes': 'Point the toes down',
  'cueLabel.holdDown': 'Hold',
  'cueLabel.pullUp': 'Pull the toes up',
  'cueLabel.holdUp': 'Hold',
  'cueLabel.switchFoot': 'Now the other foot.',
  'cueLabel.rest': 'Rest. Next set soon.',

  'session.start': 'Set {set} of {sets}: {reps} pumps with {side}.',
  'session.repCount': '{count} of {target}.',
  'session.shallowRep': 'That one was small: move as far as is comfortable. It is not counted.',
  'session.holdShort': 'Try to hold a little longer at each end.',
  'session.legMoved': 'Keep your knee and leg still; move only the ankle.',
  'session.setComplete': 'Set {set} of {sets} done.',
  'session.complete': 'Well done, that is the whole session.',
  'session.paused': 'Paused. Continue when you are ready.',
  'session.resumed': 'Carrying on.',
  'session.tempo': 'Pace changed.',
  'session.setSkipped': 'Set {set} skipped.',
  'session.aborted': 'Session ended.',
  'session.stopSharpPain':
    'Stop now. Sharp pain is a reason to rest and ask your doctor or physiotherapist before you try again.',
  'session.stopPainRising':
    'Stop now. Your pain has risen from {before} to {now}. Rest and ask your doctor or physiotherapist before you try again.',
} as const;

export type MessageKey = keyof typeof MESSAGES_EN;
export type MessageParams = Readonly<Record<string, string | number>>;

/**
 * English text for a key with `{name}` placeholders filled. A `side` param ('left', 'right',
 * 'both') is itself looked up as `side.<value>` so it reads "your left foot" or "both feet".
 */
export function formatMessage(key: MessageKey, params: MessageParams = {}): string {
  return MESSAGES_EN[key].replace(/\{(\w+)\}/g, (whole, name: string) => {
    const v = params[name];
    if (v === undefined) return whole;
    if (name === 'side') {
      const sideKey = `side.${v}`;
      if (sideKey in MESSAGES_EN) return MESSAGES_EN[sideKey as MessageKey];
    }
    return String(v);
  });
}
