/** heic-decode ships no types; this is the part of its API the pipeline uses (v2). */
declare module 'heic-decode' {
  interface DecodedHeic {
    width: number
    height: number
    /** RGBA, 4 bytes per pixel, straight (not premultiplied) alpha. */
    data: Uint8ClampedArray
  }
  function decode(input: { buffer: Uint8Array }): Promise<DecodedHeic>
  export default decode
}
