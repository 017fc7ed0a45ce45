// Spanish for the exercise package's sentences (cues, screening, care advice).
import type { ExerciseCatalog } from './exercise-messages.ts';

export const EXERCISE_ES: ExerciseCatalog = {
  'side.left': 'pie izquierdo',
  'side.right': 'pie derecho',
  'side.both': 'ambos pies',

  'screening.title': 'Antes de empezar: un control de seguridad rápido',
  'screening.q.swelling':
    '¿La pierna o el tobillo que va a ejercitar está hoy claramente hinchado, rojo o amoratado?',
  'screening.q.clotHistory':
    '¿Ha tenido alguna vez un coágulo en una vena de la pierna (trombosis venosa profunda, TVP) o en los pulmones (embolia pulmonar)?',
  'screening.q.severeInjury':
    '¿Tiene ahora una lesión grave de tobillo, como un hueso roto o un ligamento roto?',
  'screening.q.painNow':
    '¿Cuánto dolor tiene en las piernas ahora mismo, de 0 (nada) a 10 (el peor que pueda imaginar)?',

  'screening.reason.severeInjury':
    'Una lesión grave de tobillo, como una fractura o un ligamento roto, puede forzarse con este movimiento y curar más despacio. El bombeo de tobillo no es para usted hasta que su médico diga lo contrario.',
  'screening.reason.swelling':
    'Una hinchazón, enrojecimiento o moratón claros deben ser vistos por un médico antes de ejercitar esta pierna.',
  'screening.reason.painHigh':
    'Ha puntuado su dolor con {level} de 10. El bombeo de tobillo debe sentirse como un estiramiento suave, nunca como dolor. Hable con un médico antes de empezar.',
  'screening.reason.clotHistory':
    'Como ha tenido un coágulo, haga el bombeo de tobillo solo con la supervisión de un fisioterapeuta, salvo que su profesional sanitario le haya autorizado en esta aplicación.',
  'screening.reason.clotCleared':
    'Ha tenido un coágulo y su profesional sanitario ha registrado que puede hacer este ejercicio con la aplicación.',
  'screening.reason.painModerate':
    'Ha puntuado su dolor con {level} de 10. Empiece con suavidad y pare si el dolor se vuelve agudo o empeora.',
  'screening.reason.painStopToday':
    'Hoy ya detuvo una sesión por dolor. No haga más bombeos de tobillo hoy. Si el dolor es agudo, no se calma o la pierna se hincha, se enrojece o está caliente, consulte a su médico o fisioterapeuta.',
  'screening.reason.allClear': 'Hoy no tiene ninguna señal de alarma. Puede empezar.',

  'care.stopSharpPain':
    'Pare enseguida si siente un dolor agudo o un dolor que no deja de empeorar, y pida consejo a su médico o fisioterapeuta.',
  'care.legChanges':
    'Si la pierna se hincha más, se pone roja, caliente o duele más, llame a su médico ese mismo día: pueden ser signos de un coágulo.',
  'care.emergency':
    'Si de repente le falta el aire o siente dolor en el pecho, llame ahora al número de emergencias (por ejemplo 112, 911 o 999).',
  'care.notADiagnosis':
    'Esta aplicación es una ayuda para el ejercicio. No diagnostica nada y no sustituye a su médico ni a su fisioterapeuta.',

  'cue.relax': 'Relaje el {side}. Déjelo descansar.',
  'cue.pointToes': 'Estire las puntas del {side} hacia abajo, lejos de usted.',
  'cue.holdDown': 'Mantenga las puntas abajo.',
  'cue.pullUp': 'Lleve las puntas del {side} hacia la espinilla.',
  'cue.holdUp': 'Mantenga las puntas arriba.',
  'cue.switchFoot': 'Ahora cambie al {side}.',
  'cue.rest': 'Descanse {seconds} segundos.',

  'cueLabel.relax': 'Relaje',
  'cueLabel.pointToes': 'Puntas hacia abajo',
  'cueLabel.holdDown': 'Mantenga',
  'cueLabel.pullUp': 'Puntas hacia arriba',
  'cueLabel.holdUp': 'Mantenga',
  'cueLabel.switchFoot': 'Ahora el otro pie.',
  'cueLabel.rest': 'Descanse. La siguiente serie empieza pronto.',

  'session.start': 'Serie {set} de {sets}: {reps} bombeos con el {side}.',
  'session.repCount': '{count} de {target}.',
  'session.shallowRep': 'Ese fue pequeño: muévase hasta donde le resulte cómodo. No se cuenta.',
  'session.holdShort': 'Intente mantener un poco más en cada extremo.',
  'session.legMoved': 'Mantenga la rodilla y la pierna quietas; mueva solo el tobillo.',
  'session.setComplete': 'Serie {set} de {sets} terminada.',
  'session.complete': 'Muy bien, ha terminado toda la sesión.',
  'session.paused': 'En pausa. Siga cuando esté listo.',
  'session.resumed': 'Seguimos.',
  'session.tempo': 'Ritmo cambiado.',
  'session.setSkipped': 'Serie {set} omitida.',
  'session.aborted': 'Sesión terminada.',
  'session.stopSharpPain':
    'Pare ahora. Un dolor agudo es motivo para descansar y consultar a su médico o fisioterapeuta antes de volver a intentarlo.',
  'session.stopPainRising':
    'Pare ahora. Su dolor ha subido de {before} a {now}. Descanse y consulte a su médico o fisioterapeuta antes de volver a intentarlo.',
};
