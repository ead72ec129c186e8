/**
 * The first Intl.NumberFormat a page creates loads ICU's locale data: 35–45 ms of main thread in one piece on this
 * project's test machine (more under load). Observable Plot creates one at the top level of its module, so that cost
 * would land inside the first widget's module evaluation, making it a long task. Creating a collator first and the
 * number format in the next task splits the same work into two pieces of about 15–20 ms each (measured in Chromium:
 * collator then number format, min 15 / 19 ms, against 35 ms for the number format alone). Done once per page,
 * before the first widget's code is evaluated (loader.ts).
 */
const nextTask = (): Promise<void> => new Promise((done) => setTimeout(done, 0));

let warmed: Promise<void> | null = null;

export function warmIntl(): Promise<void> {
  warmed ??= (async () => {
    try {
      await nextTask();
      new Intl.Collator('en-US').compare('a', 'b');
      await nextTask();
      new Intl.NumberFormat('en-US').format(1.5);
      await nextTask();
    } catch {
      // No Intl (or a broken one): nothing to warm; Plot will say so itself.
    }
  })();
  return warmed;
}
