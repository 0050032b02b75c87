import { useEffect, useState } from 'react'
import { useApi } from '../../../api/ApiContext'
import { filesFromClipboard, filesFromDrop } from './collect-files'

function carriesFiles(event: DragEvent): boolean {
  return event.dataTransfer?.types.includes('Files') ?? false
}

/** A modal dialog makes the page inert; a drop or paste must not reach the Library behind it. */
function dialogOpen(): boolean {
  return document.querySelector('dialog[open]') !== null
}

/**
 * Files and folders dropped anywhere on the window while the Library is shown. In Electron every
 * dropped item has a path (main opens folders); in a browser folders are opened here.
 * Returns whether files are being dragged over the window, for the drop hint.
 */
export function useFileDrop(onFiles: (files: File[]) => void): boolean {
  const api = useApi()
  const [dragging, setDragging] = useState(false)
  useEffect(() => {
    let depth = 0
    const enter = (event: DragEvent): void => {
      if (!carriesFiles(event) || dialogOpen()) return
      depth += 1
      setDragging(true)
    }
    const over = (event: DragEvent): void => {
      if (!carriesFiles(event) || !event.dataTransfer || dialogOpen()) return
      event.preventDefault()
      event.dataTransfer.dropEffect = 'copy'
    }
    const leave = (event: DragEvent): void => {
      if (!carriesFiles(event)) return
      depth = Math.max(0, depth - 1)
      if (depth === 0) setDragging(false)
    }
    const drop = (event: DragEvent): void => {
      depth = 0
      setDragging(false)
      const transfer = event.dataTransfer
      if (!transfer || !carriesFiles(event) || dialogOpen()) return
      event.preventDefault()
      const files = [...transfer.files]
      const first = files[0]
      if (first && api.pathForFile(first)) onFiles(files)
      else void filesFromDrop(transfer).then((found) => found.length > 0 && onFiles(found))
    }
    window.addEventListener('dragenter', enter)
    window.addEventListener('dragover', over)
    window.addEventListener('dragleave', leave)
    window.addEventListener('drop', drop)
    return () => {
      window.removeEventListener('dragenter', enter)
      window.removeEventListener('dragover', over)
      window.removeEventListener('dragleave', leave)
      window.removeEventListener('drop', drop)
    }
  }, [api, onFiles])
  return dragging
}

function isTextEntry(target: EventTarget | null): boolean {
  if (!(target instanceof HTMLElement)) return false
  return (
    target.isContentEditable ||
    target instanceof HTMLTextAreaElement ||
    (target instanceof HTMLInputElement &&
      !['checkbox', 'radio', 'button', 'file'].includes(target.type))
  )
}

/** Ctrl/Cmd+V of image files, or of an image copied in another app or a browser. */
export function usePasteImport(onFiles: (files: File[]) => void, pastedName: () => string): void {
  useEffect(() => {
    const paste = (event: ClipboardEvent): void => {
      if (isTextEntry(event.target) || dialogOpen()) return
      const files = filesFromClipboard(event.clipboardData, pastedName())
      if (files.length === 0) return
      event.preventDefault()
      onFiles(files)
    }
    document.addEventListener('paste', paste)
    return () => document.removeEventListener('paste', paste)
  }, [onFiles, pastedName])
}
