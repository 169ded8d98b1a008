export { FormatError } from '../results/format-error.ts';
