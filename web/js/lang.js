// Gives the page's frame (index.html) its language before it first shows: the first of the
// browser's languages that the app speaks, matched on its primary subtag, else English: the app's
// own rule (Locale::negotiate). An element's data-sv is its Swedish text, and data-sv-NAME the
// Swedish value of its attribute NAME. A classic script after the frame, so the frame is all there
// when it runs; the stylesheet shows the frame only once it has (no English flashes in Swedish).
{
  const spoken = ['en', 'sv'];
  const lang = [...(navigator.languages || [])]
    .map((tag) => tag.split(/[-_]/)[0].trim().toLowerCase())
    .find((tag) => spoken.includes(tag)) || spoken[0];
  const root = document.documentElement;
  root.lang = lang;
  if (lang === 'sv') {
    for (const element of document.querySelectorAll('title, [data-frame], [data-frame] *')) {
      for (const { name, value } of [...element.attributes]) {
        if (name === 'data-sv') element.textContent = value;
        else if (name.startsWith('data-sv-')) element.setAttribute(name.slice(8), value);
      }
    }
  }
  root.setAttribute('data-frame-lang', '');
}
