// The code systems and codes the FHIR export speaks (see shared/reference/clinical.md).
import type { CodeableConcept, Coding } from 'fhir/r4';

export const SNOMED = 'http://snomed.info/sct';
export const LOINC = 'http://loinc.org';
export const UCUM = 'http://unitsofmeasure.org';
/** Our own identifier namespace: record idempotency keys, so an import can de-duplicate. */
export const RECORD_ID_SYSTEM = 'urn:anklepump:record';
export const LATERALITY_EXT = 'urn:anklepump:fhir:extension:laterality';
export const REGIMEN_EXT = 'urn:anklepump:fhir:extension:regimen-json';
export const QUESTIONNAIRE_URL = 'urn:anklepump:questionnaire:anklepump-safety';

const cc = (system: string, code: string, display: string): CodeableConcept => ({
  coding: [{ system, code, display }],
  text: display,
});

export const EXERCISE_THERAPY = cc(SNOMED, '229065009', 'Exercise therapy');
export const EXERCISE_DURATION = cc(LOINC, '55411-3', 'Exercise duration');
export const RANGE_OF_JOINT_MOVEMENT = cc(SNOMED, '364564000', 'Range of joint movement');
export const PAIN_SEVERITY = cc(
  LOINC,
  '72514-3',
  'Pain severity - 0-10 verbal numeric rating [Score] - Reported',
);
export const ANKLE_JOINT: Coding = { system: SNOMED, code: '70258002', display: 'Ankle joint structure' };
export const LATERALITY: Record<'left' | 'right', Coding> = {
  right: { system: SNOMED, code: '6685009', display: 'Right' },
  left: { system: SNOMED, code: '51636004', display: 'Left' },
};
export const ACTIVITY_CATEGORY = cc(
  'http://terminology.hl7.org/CodeSystem/observation-category',
  'activity',
  'Activity',
);
