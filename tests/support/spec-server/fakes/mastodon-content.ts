/**
 * A status's `content` as Mastodon 4.x makes it from the text (its TextFormatter): text escaped
 * as Rails' `h` does, links as `<a>` with the scheme and whatever follows the first 30 characters
 * in hidden spans, hashtags and mentions as `<a>` (a mention of a known account without its
 * domain: this fake knows every account), then Rails' `simple_format` — paragraphs at blank
 * lines as `<p>`, single line breaks as `<br />` — with its newlines removed.
 */
export function mastodonContent(text: string, origin: string): string {
  if (text.trim() === '') return ''
  const html = rewrite(text, origin)
  const paragraphs = html
    .replace(/\r\n?/g, '\n')
    .split(/\n\n+/)
    .map((paragraph) => `<p>${paragraph.replace(/([^\n]\n)(?=[^\n])/g, '$1<br />')}</p>`)
  return paragraphs.join('\n\n').replace(/\n/g, '')
}

const entity =
  /(https?:\/\/[^\s<>"]*[^\s<>".,;:!?)'])|(^|[^\p{L}\p{N}_/])#([\p{L}\p{N}_]*[\p{L}_][\p{L}\p{N}_]*)|(^|[^\w/])@(\w+)(?:@([\w.-]+\w))?/gu

function rewrite(text: string, origin: string): string {
  let out = ''
  let at = 0
  for (const match of text.matchAll(entity)) {
    const [whole, url, tagLead, tag, mentionLead, user] = match
    const lead = tagLead ?? mentionLead ?? ''
    out += escape(text.slice(at, match.index)) + escape(lead)
    if (url) out += shortenedLink(url)
    else if (tag !== undefined)
      out += `<a href="${escape(`${origin}/tags/${tag}`)}" class="mention hashtag" rel="tag">#<span>${escape(tag)}</span></a>`
    else
      out +=
        `<span class="h-card" translate="no"><a href="${escape(`${origin}/@${user}`)}" ` +
        `class="u-url mention">@<span>${escape(user ?? '')}</span></a></span>`
    at = match.index + whole.length
  }
  return out + escape(text.slice(at))
}

function shortenedLink(url: string): string {
  const prefix = /^(https?:\/\/(www\.)?)/.exec(url)?.[0] ?? ''
  const rest = url.slice(prefix.length)
  const shown = rest.slice(0, 30)
  const hidden = rest.slice(30)
  return (
    `<a href="${escape(url)}" target="_blank" rel="nofollow noopener" translate="no">` +
    `<span class="invisible">${escape(prefix)}</span>` +
    `<span class="${rest.length > 30 ? 'ellipsis' : ''}">${escape(shown)}</span>` +
    `<span class="invisible">${escape(hidden)}</span></a>`
  )
}

/** ERB::Util.html_escape. */
function escape(text: string): string {
  return text
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&#39;')
}
