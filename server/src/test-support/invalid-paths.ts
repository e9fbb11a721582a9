/**
 * Internal (tests only): the paths mongoose validation refuses in `document`, sorted; [] when
 * it is valid. Runs without a server.
 */
export function invalidPaths(document: { validate(): Promise<unknown> }): Promise<string[]> {
  return document.validate().then(
    () => [],
    (error: { errors?: Record<string, unknown> }) => Object.keys(error.errors ?? {}).sort(),
  );
}
