// Docker image references as the daemon accepts them: [REGISTRY[:PORT]/]NAME[:TAG][@DIGEST], or
// an image ID. Checked before anything reaches the daemon: dockerode puts the reference in the
// request path, where a path-like or malformed one made the HTTP client fail outside any handler.
const REFERENCE =
  /^(?:sha256:[a-f0-9]{64}|[a-z0-9]+(?:[._-][a-z0-9]+)*(?::\d+)?(?:\/[a-z0-9]+(?:(?:[._]|__|-+)[a-z0-9]+)*)*(?::[\w][\w.-]{0,127})?(?:@sha256:[a-f0-9]{64})?)$/;

export function isImageReference(ref: string): boolean {
  return REFERENCE.test(ref);
}
