/**
 * Where X's OAuth 2 lives. The authorize page is X's web app (x.com/i/oauth2/authorize, as X's
 * docs give it; the OpenAPI document's api.x.com/2/oauth2/authorize is the same flow), the token
 * endpoint and the API are on api.x.com. Injectable so tests point them at a local spec server.
 */
export interface XEndpoints {
  authorizeUrl: string
  tokenUrl: string
  apiBase: string
}

export const xEndpoints: XEndpoints = {
  authorizeUrl: 'https://x.com/i/oauth2/authorize',
  tokenUrl: 'https://api.x.com/2/oauth2/token',
  apiBase: 'https://api.x.com',
}

/**
 * Posting with media and staying connected: tweet.write and media.write to post, tweet.read and
 * users.read because `POST /2/tweets` and `GET /2/users/me` require them too (the document's
 * security requirements), offline.access for a refresh token (otherwise the access token dies
 * after two hours and the user would sign in again).
 */
export const xScopes = 'tweet.read tweet.write users.read media.write offline.access'
