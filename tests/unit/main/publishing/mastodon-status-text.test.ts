import { describe, expect, it } from 'vitest'
import {
  comparableStatusText,
  plainTextOfContent,
} from '../../../../src-main/publishing/adapters/mastodon/status-text'

// `content` as Mastodon 4.x's TextFormatter writes it for the text below (link shortened to 30
// characters with the rest hidden, hashtag and mention links, Rails' simple_format and `h`).
const text =
  'Schalen & Brettchen <3\n\nIm Laden: https://werkstatt.example/shop/schalen-aus-kirschholz\n' +
  'Danke @anna@werk.social für das "Öl" – it\'s #Holz'
const content =
  '<p>Schalen &amp; Brettchen &lt;3</p><p>Im Laden: <a href="https://werkstatt.example/shop/schalen-aus-kirschholz" ' +
  'target="_blank" rel="nofollow noopener" translate="no"><span class="invisible">https://</span>' +
  '<span class="ellipsis">werkstatt.example/shop/schalen</span><span class="invisible">-aus-kirschholz</span></a><br />' +
  'Danke <span class="h-card" translate="no"><a href="https://werk.social/@anna" class="u-url mention">@<span>anna</span></a></span> ' +
  'für das &quot;Öl&quot; – it&#39;s <a href="https://werk.social/tags/holz" class="mention hashtag" rel="tag">#<span>Holz</span></a></p>'

describe('Mastodon status text', () => {
  it('reads the plain text back out of the HTML Mastodon made of it', () => {
    expect(plainTextOfContent(content)).toBe(
      'Schalen & Brettchen <3\n\nIm Laden: https://werkstatt.example/shop/schalen-aus-kirschholz\n' +
        'Danke @anna für das "Öl" – it\'s #Holz',
    )
  })

  it('compares what was sent with what is shown: mentions without domain, any white space as one', () => {
    expect(comparableStatusText(plainTextOfContent(content))).toBe(comparableStatusText(text))
    expect(comparableStatusText('  a\r\n\n b\u00a0c ')).toBe('a b c')
    // An e-mail address is not a mention; a changed word is a different text.
    expect(comparableStatusText('mail anna@werk.social')).toBe('mail anna@werk.social')
    expect(comparableStatusText(plainTextOfContent(content))).not.toBe(
      comparableStatusText(text.replace('Öl', 'Wachs')),
    )
  })

  it('decodes numeric entities and leaves unknown ones as they are', () => {
    expect(plainTextOfContent('<p>&#128512; &#x1F333; &bogus; &#0;</p>')).toBe('😀 🌳 &bogus; &#0;')
  })

  it('NFC on both sides: a decomposed umlaut equals the composed one', () => {
    expect(comparableStatusText('Öl')).toBe(comparableStatusText('O\u0308l'))
  })
})
