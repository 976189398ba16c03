// The checker lives in src/eval (the evaluation harness uses it); tests keep importing it here.
export * from '../../src/eval/expectations.js';
