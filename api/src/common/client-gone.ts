import { createParamDecorator, type ExecutionContext } from '@nestjs/common';
import type { FastifyReply } from 'fastify';

/**
 * An AbortSignal that aborts when the client closes the connection before the answer was sent (a closed
 * tab, a proxy giving up): for work that should stop then, such as a long report query.
 */
export const ClientGone = createParamDecorator((_data: unknown, ctx: ExecutionContext): AbortSignal => {
  const reply = ctx.switchToHttp().getResponse<FastifyReply>();
  const controller = new AbortController();
  // The response's `close` comes both when it was sent and when the connection dropped first.
  reply.raw.once('close', () => {
    if (!reply.raw.writableFinished) controller.abort();
  });
  return controller.signal;
});
