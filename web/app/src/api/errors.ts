/** A GraphQL error as the hub sends it: `path` says which part of the data it concerns, `extensions.code` why. */
export interface HubError {
  message: string;
  path?: ReadonlyArray<string | number>;
  extensions?: { code?: string; domain?: string; reason?: string };
}

/** The signed-in citizen's token was refused (expired or revoked): back to the sign-in screen. */
export class SessionExpired extends Error {}

/** No answer at all: the network or the hub is down. */
export class HubUnreachable extends Error {}

/** The hub answered, but not with data: a refused request (its code), or something that is not GraphQL. */
export class RequestFailed extends Error {
  constructor(readonly reason: string) {
    super(reason);
  }
}
