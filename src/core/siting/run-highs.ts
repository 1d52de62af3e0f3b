import type { Highs } from 'highs';

/** A MIP as sparse arrays (rows in CSR), binaries listed by column. */
export interface SparseMip {
  numCols: number;
  numRows: number;
  maximize: boolean;
  colCost: Float64Array;
  colLower: Float64Array;
  colUpper: Float64Array;
  rowLower: Float64Array;
  rowUpper: Float64Array;
  rowStart: Int32Array;
  colIndex: Int32Array;
  value: Float64Array;
  /** 1 for an integer column, 0 for a continuous one. */
  integrality: Int32Array;
}

/** What the solver reached before it finished or the watchdog stopped it. */
export interface MipOutcome {
  /** True when HiGHS proved its solution optimal. */
  optimal: boolean;
  /** Column values of HiGHS's best solution, or null when it has none. */
  colValue: Float64Array | null;
  /** HiGHS's proven bound on the optimum (upper for max, lower for min); null when none. */
  bound: number | null;
  seconds: number;
  /** `optimal`, `time-limit`, `interrupted`, or HiGHS's status number as text. */
  status: string;
}

/**
 * Solves a sparse MIP with HiGHS (WebAssembly), starting from an incumbent, under a time limit that
 * an own watchdog enforces: HiGHS's `time_limit` is set too, but the MIP and simplex interrupt
 * callbacks stop the run once the deadline passes or the signal aborts, whichever comes first.
 * @param highs a loaded HiGHS module (`await loadHighs()`)
 * @param mip the model
 * @param incumbent a feasible column vector to start from (the heuristic's answer), or null
 * @param timeLimitS seconds allowed
 * @param signal stops the run when aborted
 * @param relaxation solve the LP relaxation instead (integrality dropped) by interior point: its
 *   optimum is a bound on the MIP's, found far faster than the MIP's root LP by dual simplex on large
 *   covering instances; `bound` is then the LP optimum (null unless proven optimal)
 * @returns the outcome (never throws for a time-out)
 * @example runHighs(highs, mip, start, 10, undefined).bound
 */
export function runHighs(
  highs: Highs,
  mip: SparseMip,
  incumbent: Float64Array | null,
  timeLimitS: number,
  signal: { readonly aborted: boolean } | undefined,
  relaxation = false,
): MipOutcome {
  const t0 = performance.now();
  const deadline = t0 + timeLimitS * 1000;
  const inf = highs.infinity;
  const finite = (a: Float64Array): Float64Array =>
    a.map((v) => (v === Infinity ? inf : v === -Infinity ? -inf : v));
  const model = highs.createModel({
    numCols: mip.numCols,
    numRows: mip.numRows,
    sense: mip.maximize ? highs.constants.objectiveSense.maximize : highs.constants.objectiveSense.minimize,
    colCost: mip.colCost,
    colLower: finite(mip.colLower),
    colUpper: finite(mip.colUpper),
    rowLower: finite(mip.rowLower),
    rowUpper: finite(mip.rowUpper),
    matrix: {
      format: 'csr',
      numRows: mip.numRows,
      numCols: mip.numCols,
      starts: mip.rowStart,
      indices: mip.colIndex,
      values: mip.value,
    },
    ...(relaxation ? {} : { integrality: mip.integrality }),
  });
  try {
    model.options.set({
      output_flag: false,
      time_limit: Math.max(0.01, timeLimitS),
      random_seed: 0,
      mip_rel_gap: 1e-6,
      ...(relaxation ? { solver: 'ipm' as const } : {}),
    });
    if (incumbent !== null && !relaxation) model.setSolution({ colValue: incumbent });
    const stop = (event: { interrupt(): void }): undefined => {
      if (performance.now() > deadline || signal?.aborted === true) event.interrupt();
      return undefined;
    };
    const { callbackType } = highs.constants;
    model.run({
      [callbackType.mipInterrupt]: stop,
      [callbackType.simplexInterrupt]: stop,
      [callbackType.ipmInterrupt]: stop,
    });
    const status = model.getModelStatus();
    const codes = highs.constants.modelStatus;
    const hasSolution = model.info.get('primal_solution_status') === highs.constants.solutionStatus.feasible;
    const dual = relaxation
      ? status === codes.optimal
        ? Number(model.info.get('objective_function_value'))
        : NaN
      : Number(model.info.get('mip_dual_bound'));
    const optimal = status === codes.optimal;
    const name =
      status === codes.optimal
        ? 'optimal'
        : status === codes.timeLimit
          ? 'time-limit'
          : status === codes.interrupted
            ? 'interrupted'
            : String(status);
    return {
      optimal,
      colValue: hasSolution ? model.getSolution().colValue : null,
      bound: Number.isFinite(dual) && Math.abs(dual) < 1e20 ? dual : null,
      seconds: (performance.now() - t0) / 1000,
      status: name,
    };
  } finally {
    model.dispose();
  }
}
