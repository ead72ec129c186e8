/** Browser features the deck uses that may be refused: full screen and a second window. */

/** Toggle full screen; a refusal (no user gesture, iframe, unsupported) is silently ignored. */
export function toggleFullscreen(): void {
  try {
    if (document.fullscreenElement) {
      document.exitFullscreen?.().catch(() => {});
    } else {
      document.documentElement.requestFullscreen?.().catch(() => {});
    }
  } catch {
    /* not available here */
  }
}

/** Open a window (the presenter view); returns false if a pop-up blocker refused it. */
export function openWindow(url: string, name: string): boolean {
  try {
    const opened = window.open(url, name);
    return opened !== null;
  } catch {
    return false;
  }
}
