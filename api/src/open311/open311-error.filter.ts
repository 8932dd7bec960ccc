import { ArgumentsHost, Catch, ExceptionFilter, Logger } from '@nestjs/common';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { AppError } from '../common/errors.js';
import { errorBody } from '../common/exception.filter.js';
import { localeOf } from '../common/localize.js';
import { formatOfUrl, sendNow } from './open311-reply.js';

/**
 * Open311's errors as the spec writes them: `[{code, description}]`, `<errors><error>…` in XML, the code being
 * the HTTP status; the description is the one the rest of the API gives (common/exception.filter.ts), in the
 * request's language.
 */
@Catch()
export class Open311ErrorFilter implements ExceptionFilter {
  private readonly logger = new Logger('Open311');

  catch(exception: unknown, host: ArgumentsHost) {
    const http = host.switchToHttp();
    const res = http.getResponse<FastifyReply>();
    const req = http.getRequest<FastifyRequest>();
    const body = errorBody(exception, localeOf(req.headers['accept-language']), req);
    if (body.statusCode >= 500) this.logger.error(exception instanceof Error ? exception.stack : String(exception));
    if (res.sent || res.raw.headersSent) return;
    if (exception instanceof AppError && exception.headers) void res.headers(exception.headers);
    sendNow(res, formatOfUrl(req.url), body.statusCode, 'errors', [{ code: body.statusCode, description: body.message }]);
  }
}
