/** Public surface of the redaction stage: policy patterns -> model, text and inputs -> masked copies. */
export { prepareRedaction } from './prepare-redaction';
export type { RedactionModel } from './prepare-redaction';
export { RedactionPatternError } from './extra-patterns';
export { redactText } from './redact-text';
export { redactInput } from './redact-input';
