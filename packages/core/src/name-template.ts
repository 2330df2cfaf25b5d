const pad = (value: number) => String(value).padStart(2, "0");

/** fills `{counter}`, `{date}` (YYYY-MM-DD) and `{time}` (HH-mm-ss) in a widget name template, in local time */
export function renderWidgetName(template: string, vars: { counter: number; now: Date }): string {
  const { counter, now } = vars;
  const date = `${now.getFullYear()}-${pad(now.getMonth() + 1)}-${pad(now.getDate())}`;
  const time = `${pad(now.getHours())}-${pad(now.getMinutes())}-${pad(now.getSeconds())}`;
  return template.replaceAll("{counter}", String(counter)).replaceAll("{date}", date).replaceAll("{time}", time).trim();
}

/** true when a name template changes from press to press */
export function isNameTemplate(template: string): boolean {
  return /\{(counter|date|time)\}/.test(template);
}
