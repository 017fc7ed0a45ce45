// The clinic panel's wording (sync/clinic-panel.ts) in every app language; English comes with the
// panel, the others are typed against it.
import { CLINIC_TEXT_EN, type ClinicText } from '../sync/clinic-panel.ts';
import type { Lang } from './i18n.ts';

const zh: ClinicText = {
  title: '我的诊所',
  intro: '这部手机连接后，您的医生就能看到您的锻炼记录。视频永远不会离开这部手机。',
  codeLabel: '邀请码或链接',
  join: '连接这部手机',
  joining: '正在连接…',
  linked: '已连接，名称：{name}。',
  send: '立即发送给诊所',
  sending: '正在发送…',
  allSent: '所有记录都已送达您的诊所。',
  waiting: '有 {n} 条等待发送。联网后会自动发送。',
  unlinked: '这部手机已不再连接。请向医生索取新的邀请码。',
  skipped: '有 {n} 条无法发送：{reason}',
  plan: '医生为您制定的计划：{name}（版本 {version}）。',
  noPlan: '您的医生还没有制定计划。',
  unlink: '解除这部手机的连接',
  unlinkConfirm:
    '要解除这部手机与诊所的连接吗？您的医生将不再收到它的锻炼记录。您的历史记录仍保留在这部手机上。',
  unlinkYes: '确定解除',
  unlinkNo: '保持连接',
  unlinkDone:
    '这部手机已解除连接。记录仍保存在手机上，重新使用您自己的计划。如需重新连接，请向医生索取新的邀请码。',
  unlinkOffline: '无法连接到诊所，这部手机仍处于连接状态：{message}。请联网后再试。',
  linkedTo: '这部手机已连接到诊所 {clinic}，患者：{name}。',
  planApplied: '首页和锻炼现在按这个计划进行：每只脚 {reps} 次，{sets} 组。',
  planAppliedOneSet: '首页和锻炼现在按这个计划进行：每只脚 {reps} 次，1 组。',
  note: '医生的留言：{note}',
};

const es: ClinicText = {
  title: 'Mi clínica',
  intro:
    'Su profesional sanitario verá sus sesiones cuando este teléfono esté vinculado. El vídeo nunca sale de este teléfono.',
  codeLabel: 'Código o enlace de invitación',
  join: 'Vincular este teléfono',
  joining: 'Vinculando…',
  linked: 'Vinculado como {name}.',
  send: 'Enviar a la clínica ahora',
  sending: 'Enviando…',
  allSent: 'Todo ha llegado a su clínica.',
  waiting: '{n} pendientes de envío. Se enviarán cuando tenga conexión.',
  unlinked: 'Este teléfono ya no está vinculado. Pida a su profesional un código nuevo.',
  skipped: '{n} no se pudieron enviar: {reason}',
  plan: 'El plan de su profesional: {name} (versión {version}).',
  noPlan: 'Su profesional aún no ha fijado un plan.',
  unlink: 'Desvincular este teléfono',
  unlinkConfirm:
    '¿Desvincular este teléfono de su clínica? Su profesional dejará de recibir sus sesiones. Su historial se queda en este teléfono.',
  unlinkYes: 'Sí, desvincular',
  unlinkNo: 'Mantener vinculado',
  unlinkDone:
    'Este teléfono está desvinculado. Sus registros siguen en él y vuelve a aplicarse su propio plan. Para vincularlo de nuevo, pida a su profesional un código nuevo.',
  unlinkOffline:
    'No se pudo contactar con su clínica; este teléfono sigue vinculado: {message}. Inténtelo con conexión.',
  linkedTo: 'Este teléfono está vinculado a la clínica {clinic}, como paciente {name}.',
  planApplied: 'El inicio y sus sesiones siguen ahora este plan: {reps} bombeos por pie, {sets} series.',
  planAppliedOneSet: 'El inicio y sus sesiones siguen ahora este plan: {reps} bombeos por pie, 1 serie.',
  note: 'Nota de su profesional: {note}',
};

export const CLINIC_TEXT: Record<Lang, ClinicText> = { en: CLINIC_TEXT_EN, zh, es };
