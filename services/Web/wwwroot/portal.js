// After a navigation the page's heading takes the focus, so a screen reader announces the new page. Never from a field
// the visitor is already typing in: on a busy server the call arrives late, and would move the focus away mid-word.
window.portal = {
  focusHeading(selector) {
    if (document.activeElement?.matches('input, select, textarea, [contenteditable]')) return;
    const heading = document.querySelector(selector);
    if (!heading) return;
    if (!heading.hasAttribute('tabindex')) heading.tabIndex = -1;
    heading.focus({ preventScroll: true });
  },
  // A file the server read through the API (a CSV template, say), saved by the browser under its name.
  download(name, contentType, base64) {
    const bytes = Uint8Array.from(atob(base64), c => c.charCodeAt(0));
    const link = document.createElement('a');
    link.href = URL.createObjectURL(new Blob([bytes], { type: contentType }));
    link.download = name;
    document.body.appendChild(link);
    link.click();
    link.remove();
    URL.revokeObjectURL(link.href);
  },
};
