/** Annotation properties, as `@actions/core` takes them. */
export interface AnnotationProperties {
  title?: string;
}

/**
 * The `@actions/core` functions `src/github` calls. Pass `@actions/core` itself (its exports
 * satisfy this), or a fake in tests.
 */
export interface ActionsCore {
  setOutput(name: string, value: unknown): void;
  error(message: string | Error, properties?: AnnotationProperties): void;
  warning(message: string | Error, properties?: AnnotationProperties): void;
  info(message: string): void;
}

/** The part of `core.summary` that `writeJobSummary` uses. */
export interface JobSummary {
  addRaw(text: string, addEOL?: boolean): JobSummary;
  write(): Promise<unknown>;
}
