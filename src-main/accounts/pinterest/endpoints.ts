/**
 * Pinterest's OAuth: the authorize page on www.pinterest.com, the token endpoint and the API under
 * api.pinterest.com/v5 (the document's securitySchemes and server). Injectable for tests.
 */
export interface PinterestEndpoints {
  authorizeUrl: string
  /** The API base including `/v5`; the token endpoint is `${apiBase}/oauth/token`. */
  apiBase: string
}

export const pinterestEndpoints: PinterestEndpoints = {
  authorizeUrl: 'https://www.pinterest.com/oauth/',
  apiBase: 'https://api.pinterest.com/v5',
}

/**
 * Reading the profile and boards (for the board picker) and creating pins. `POST /pins` requires
 * boards:read, boards:write, pins:read and pins:write in the document, so all four are asked for.
 * Secret boards are left out (they would need the *_secret scopes). Pinterest separates scopes
 * with commas in the authorize URL.
 */
export const pinterestScopes = [
  'user_accounts:read',
  'boards:read',
  'boards:write',
  'pins:read',
  'pins:write',
]
