export {
  DEFAULT_JSON_PAYLOAD_OPTIONS,
  drawPayloadSizes,
  makeJsonPayload,
  type JsonPayloadOptions,
} from './json-payload.ts';
export { createRandom, sampleLognormal, samplePareto, type Random } from './random.ts';
export { DEFAULT_RUNTIME_OPTIONS, validateRuntimeOptions, type RuntimeOptions } from './runtime-options.ts';
export {
  DEFAULT_PERIODIC_TASK_OPTIONS,
  DEFAULT_SIMULATION_OPTIONS,
  STRATEGIES,
  simulateExecutor,
  type ExecutorResult,
  type PeriodicTaskOptions,
  type SimulationOptions,
  type Strategy,
} from './simulate.ts';
export {
  DEFAULT_WORKLOAD_OPTIONS,
  LARGE_PAYLOADS,
  MIXED_PAYLOADS,
  MIXED_WORKLOAD,
  SMALL_PAYLOADS,
  SMALL_WORKLOAD,
  generateRequests,
  type Request,
  type SizeDistribution,
  type WorkloadOptions,
} from './workload.ts';
