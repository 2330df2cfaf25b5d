/** a press happened while no token is stored */
export class NotSignedInError extends Error {
  override readonly name = "NotSignedInError";
  constructor() {
    super("Not signed in to Pulsoid. Open this key's settings in Stream Deck and choose Sign in.");
  }
}
