/**
 * What an import or a check says about bad input. A user mistake is never a stack trace and never a
 * silent drop: every rejected row is an ImportError, every doubtful one an ImportWarning.
 */

/**
 * What the user can do about a problem, for each front end to say in its own terms: the CLI names its
 * flags (`--map households=<header>`, `--crs EPSG:4527`), the planner its controls (the field mapping,
 * the coordinate-system list). The messages themselves name neither.
 */
export type ImportHint =
  /** Say which column holds this canonical field. */
  | { kind: 'map-field'; field: string }
  /** Read the file in another coordinate system: one of `crs`, or (empty) one the user knows is equivalent. */
  | { kind: 'crs'; crs: string[] };

/** A row or feature that could not be used, and why. */
export interface ImportError {
  /** 1-based data row (CSV, header not counted) or feature number (GeoJSON); 0 when the whole file is unusable. */
  row: number;
  /** The field at fault in the user's own naming (e.g. `房屋总数`), or null when the row as a whole is. */
  field: string | null;
  /** English message that names what was expected and what was found. */
  message: string;
  /** The same in Chinese. */
  messageZh: string;
  /** Stable machine code, e.g. `missing-households`, `bad-coordinate`. */
  code: string;
  /** The file it came from, where known. */
  file?: string;
  /** What would fix it (each front end words it: flags on the command line, controls in the planner). */
  hint?: ImportHint;
  /**
   * Further problems on the same row. Each row with problems has exactly one ImportError (so rows with
   * errors can be counted as `errors.length`); its message mentions these too.
   */
  also?: ImportError[];
}

/** A data-quality observation that does not stop a row from being used. */
export interface ImportWarning {
  /** 1-based rows / features concerned. */
  rows: number[];
  message: string;
  messageZh: string;
  /** Stable machine code, e.g. `shared-coordinate`, `duplicate-name`, `implausible-households`, `isolated-point`. */
  code: string;
  file?: string;
}
