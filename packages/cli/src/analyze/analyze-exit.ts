// The exit code `analyze` returns when the recording holds no person or no usable foot. Kept
// beside analyze until the CLI's one exit-code table gains it (EXIT.nothingFound).

/** Exit code: the file was read, but no person or no foot was found in it. */
export const NOTHING_FOUND_EXIT = 7;
