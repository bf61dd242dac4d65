/**
 * The extension APIs the content script uses, without webextension-polyfill (10 KB, a third of
 * the script once Readability had left it): in MV3, Chrome's `chrome.*` and Firefox's
 * `browser.*` both return promises from `runtime.sendMessage` and `storage.sync.get`. Only
 * `runtime.onMessage` differs (Chrome ignores a promise a listener returns), so replies go
 * through `sendResponse`, which both keep open when the listener returns `true`.
 */
import type { Browser, Runtime } from 'webextension-polyfill';

const scope = globalThis as typeof globalThis & { browser?: Browser; chrome?: Browser };

/** Firefox's `browser`, else Chrome's `chrome` (the same shape for the calls made here). */
export const extension = (scope.browser ?? scope.chrome) as Browser;

/** Answers runtime messages; `answer` returns undefined for messages it does not take. */
export function onRuntimeMessage(
  answer: (message: unknown, sender: Runtime.MessageSender) => Promise<unknown> | undefined,
): void {
  const listener = (
    message: unknown,
    sender: Runtime.MessageSender,
    sendResponse: (reply: unknown) => void,
  ): true | undefined => {
    const reply = answer(message, sender);
    if (!reply) return undefined;
    void reply.then(sendResponse);
    return true;
  };
  // The polyfill's types say a callback listener always returns true; undefined (no answer from
  // here) is what both browsers expect for messages this script does not take.
  extension.runtime.onMessage.addListener(listener as Runtime.OnMessageListenerCallback);
}
