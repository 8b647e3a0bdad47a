/**
 * Stands in for lib/email/deliver-soon.ts (Next's after() needs a request):
 *   vi.mock("@/lib/email/deliver-soon", () => import("../support/fake-deliver-soon"));
 * It only counts the requests; a test delivers the queue itself (deliverQueuedEmails), so it
 * controls when mail goes out and through which mailer.
 */
export const deliveryRequests = { count: 0 };

export function deliverQueuedEmailsSoon(): void {
  deliveryRequests.count += 1;
}
