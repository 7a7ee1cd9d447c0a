import { z } from 'zod';
import { CheckProblem } from '../check/check-problem';

/**
 * The link check's long-lived port between the issue desk and the worker (issue 12). A one-shot
 * message cannot carry progress, and an open port keeps the worker alive while the check runs;
 * closing it (the desk's tab closes, or Stop) aborts the requests under way. Only an extension page
 * may connect (the worker checks the sender). Every message is parsed with these schemas on arrival.
 */
export const LINK_CHECK_PORT = 'link-check';

export const LinkCheckRequest = z.discriminatedUnion('type', [
  z.object({ type: z.literal('start'), issueId: z.string().min(1).max(64) }),
  z.object({ type: z.literal('cancel') }),
]);
export type LinkCheckRequest = z.infer<typeof LinkCheckRequest>;

const Count = z.number().int().nonnegative().max(1_000_000);

export const LinkCheckEvent = z.discriminatedUnion('type', [
  z.object({ type: z.literal('progress'), checked: Count, total: Count }),
  z.object({
    type: z.literal('done'),
    checked: Count,
    total: Count,
    /** false: host access was refused, no link was visited (the problems say so). */
    access: z.boolean(),
    cancelled: z.boolean(),
    problems: z.array(CheckProblem).max(5000),
  }),
  z.object({ type: z.literal('failed'), message: z.string().max(1000) }),
]);
export type LinkCheckEvent = z.infer<typeof LinkCheckEvent>;
