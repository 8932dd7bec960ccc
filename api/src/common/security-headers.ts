import { createHash } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import helmet from '@fastify/helmet';
import type { FastifyInstance } from 'fastify';

/**
 * The hashes of the console page's inline scripts (the sign-in form is drawn by one before the bundle loads,
 * admin/index.html), so that the policy allows exactly those and no other inline script: an injected one
 * does not run. Read from the built page once at start.
 */
export function inlineScriptHashes(consoleDir: string): string[] {
  const page = join(consoleDir, 'index.html');
  if (!existsSync(page)) return [];
  const html = readFileSync(page, 'utf8');
  return [...html.matchAll(/<script(?![^>]*\bsrc=)[^>]*>([\s\S]*?)<\/script>/gi)].map(([, body]) => `'sha256-${createHash('sha256').update(body).digest('base64')}'`);
}

/**
 * helmet's defaults (nosniff, frame denial, referrer policy, HSTS …) with a Content Security Policy the console
 * passes: scripts from this origin and the page's own inline ones by hash; styles inline too, since MUI writes
 * its styles into <style> tags at run time; images also from data: and blob: (attachment previews, the residents' page's photo previews at /m/); nothing
 * may frame the console.
 */
export async function securityHeaders(fastify: FastifyInstance, consoleDir: string): Promise<void> {
  await fastify.register(helmet, {
    contentSecurityPolicy: {
      useDefaults: false,
      directives: {
        defaultSrc: ["'self'"],
        scriptSrc: ["'self'", ...inlineScriptHashes(consoleDir)],
        styleSrc: ["'self'", "'unsafe-inline'"],
        imgSrc: ["'self'", 'data:', 'blob:'],
        fontSrc: ["'self'", 'data:'],
        connectSrc: ["'self'"],
        objectSrc: ["'none'"],
        baseUri: ["'self'"],
        formAction: ["'self'"],
        frameAncestors: ["'none'"],
      },
    },
  });
}
