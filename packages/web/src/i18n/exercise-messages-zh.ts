// 简体中文 for the exercise package's sentences (cues, screening, care advice).
import type { ExerciseCatalog } from './exercise-messages.ts';

export const EXERCISE_ZH: ExerciseCatalog = {
  'side.left': '左脚',
  'side.right': '右脚',
  'side.both': '双脚',

  'screening.title': '开始之前：快速安全检查',
  'screening.q.swelling': '今天要锻炼的腿或脚踝是否明显肿胀、发红或有淤青？',
  'screening.q.clotHistory': '您是否曾经在腿部静脉（深静脉血栓）或肺部（肺栓塞）发生过血栓？',
  'screening.q.severeInjury': '您的脚踝目前是否有严重损伤，例如骨折或韧带撕裂？',
  'screening.q.painNow': '您现在腿部有多痛，0（不痛）到 10（能想象到的最痛）？',

  'screening.reason.severeInjury':
    '严重的脚踝损伤（如骨折或韧带撕裂）可能因这个动作受到牵拉而愈合变慢。在医生同意之前，踝泵运动不适合您。',
  'screening.reason.swelling': '明显的肿胀、发红或淤青需要先由医生检查，然后再锻炼这条腿。',
  'screening.reason.painHigh':
    '您给疼痛打了 {level} 分（满分 10 分）。踝泵运动应当只有轻微的牵拉感，而不是疼痛。开始前请先咨询医生。',
  'screening.reason.clotHistory':
    '因为您曾有过血栓，只能在康复治疗师监督下做踝泵运动，除非您的医生已在本应用中批准。',
  'screening.reason.clotCleared': '您曾有过血栓，您的医生已记录您可以使用本应用做这项锻炼。',
  'screening.reason.painModerate':
    '您给疼痛打了 {level} 分（满分 10 分）。请轻柔地开始，如果疼痛变得剧烈或加重，请停止。',
  'screening.reason.painStopToday':
    '您今天早些时候因疼痛停止了锻炼。今天请不要再做踝泵运动。如果疼痛剧烈、不缓解，或腿部出现肿胀、发红或发热，请联系您的医生或理疗师。',
  'screening.reason.allClear': '今天没有任何警示情况。您可以开始。',

  'care.stopSharpPain': '如果感到剧痛或疼痛不断加重，请立即停止，并向医生或康复治疗师咨询。',
  'care.legChanges': '如果腿变得更肿、发红、发热或更痛，请当天联系医生：这可能是血栓的迹象。',
  'care.emergency': '如果突然呼吸困难或胸痛，请立即拨打急救电话（例如 120、112）。',
  'care.notADiagnosis': '本应用是锻炼辅助工具。它不做任何诊断，也不能代替您的医生或康复治疗师。',

  'cue.relax': '放松您的{side}，让它休息。',
  'cue.pointToes': '把{side}的脚尖向下、向远处伸。',
  'cue.holdDown': '保持脚尖向下。',
  'cue.pullUp': '把{side}的脚尖朝小腿勾起来。',
  'cue.holdUp': '保持脚尖向上。',
  'cue.switchFoot': '现在换到{side}。',
  'cue.rest': '休息 {seconds} 秒。',

  'cueLabel.relax': '放松',
  'cueLabel.pointToes': '脚尖向下伸',
  'cueLabel.holdDown': '保持',
  'cueLabel.pullUp': '脚尖向上勾',
  'cueLabel.holdUp': '保持',
  'cueLabel.switchFoot': '现在换另一只脚。',
  'cueLabel.rest': '休息。下一组马上开始。',

  'session.start': '第 {set} 组，共 {sets} 组：{side}做 {reps} 次。',
  'session.repCount': '{count}，共 {target}。',
  'session.shallowRep': '这次幅度较小：请在舒适范围内尽量活动。这次不计数。',
  'session.holdShort': '试着在两端多保持一会儿。',
  'session.legMoved': '请保持膝盖和腿不动，只动脚踝。',
  'session.setComplete': '第 {set} 组完成，共 {sets} 组。',
  'session.complete': '做得好，整个锻炼完成了。',
  'session.paused': '已暂停。准备好后继续。',
  'session.resumed': '继续。',
  'session.tempo': '节奏已更改。',
  'session.setSkipped': '已跳过第 {set} 组。',
  'session.aborted': '锻炼已结束。',
  'session.stopSharpPain': '现在停止。出现剧痛时应休息，并在再次尝试前咨询医生或康复治疗师。',
  'session.stopPainRising':
    '现在停止。您的疼痛从 {before} 升到了 {now}。请休息，并在再次尝试前咨询医生或康复治疗师。',
};
