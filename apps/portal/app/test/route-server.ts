import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { Writable } from 'node:stream';
import type { AppLoadContext } from '@remix-run/node';
import express from 'express';
import { type Level, pino } from 'pino';
import { createApp } from '../../server/app';
import { run } from './requests';

/** A loader or action as the route tests call it. */
export type RouteHandler = (args: {
  request: Request;
  params: Record<string, string>;
  context: AppLoadContext;
}) => unknown;

/** A route module: its loader (GET) and action (POST). */
export interface RouteModule {
  loader?: RouteHandler;
  action?: RouteHandler;
}

/** A URL pattern, the names of its captured params, and the route module it reaches. */
export interface HttpRoute {
  pattern: RegExp;
  names: string[];
  route: RouteModule;
}

/** A running server of some route modules behind the real middleware. */
export interface RouteServer {
  origin: string;
  /** Every log line the server wrote (at `logLevel`). */
  lines: string[];
  /** POSTs a URL-encoded form (repeated fields for arrays) with `headers`; redirects not followed. */
  postForm: (
    path: string,
    fields: Record<string, string | string[]>,
    headers: Record<string, string>,
  ) => Promise<Response>;
  close: () => Promise<void>;
}

/**
 * Serves `routes` (first match wins: most specific first) behind the real
 * Express middleware (server/app.ts in production mode: request logger,
 * headers, origin check, body limit) on a free loopback port, calling each
 * loader or action directly with `context`. For tests of what the middleware
 * does to route requests: CSRF refusals, what gets logged.
 */
export async function startRouteServer({
  context,
  routes,
  logLevel = 'silent',
}: {
  context: AppLoadContext;
  routes: HttpRoute[];
  logLevel?: Level | 'silent';
}): Promise<RouteServer> {
  const lines: string[] = [];
  const sink = new Writable({
    write(chunk, _encoding, done) {
      lines.push(...String(chunk).split('\n').filter(Boolean));
      done();
    },
  });
  let origin = '';
  const app = createApp({
    production: true,
    trustProxy: false,
    logger: pino({ level: logLevel }, sink),
    handler: express.raw({ type: () => true, limit: '2mb' }),
  });
  app.use(async (req, res) => {
    const match = routes
      .map(({ pattern, names, route }) => ({ found: pattern.exec(req.path), names, route }))
      .find((candidate) => candidate.found);
    const handler = match && (req.method === 'POST' ? match.route.action : match.route.loader);
    if (!match?.found || !handler) {
      res.status(404).end();
      return;
    }
    const params = Object.fromEntries(
      match.names.map((name, index) => [name, match.found?.[index + 1] ?? '']),
    );
    const request = new Request(`${origin}${req.originalUrl}`, {
      method: req.method,
      headers: req.headers as Record<string, string>,
      body: req.method === 'POST' ? new Uint8Array(req.body as Buffer) : undefined,
    });
    const outcome = await run(() => handler({ request, params, context }));
    res.status(outcome.status);
    outcome.headers.forEach((value, name) => {
      if (name !== 'content-length') res.setHeader(name, value);
    });
    res.end(outcome.body);
  });
  const server = await new Promise<Server>((resolve) => {
    const listening = app.listen(0, '127.0.0.1', () => resolve(listening));
  });
  origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return {
    origin,
    lines,
    postForm(path, fields, headers) {
      const body = new URLSearchParams();
      for (const [name, value] of Object.entries(fields)) {
        for (const item of Array.isArray(value) ? value : [value]) body.append(name, item);
      }
      return fetch(`${origin}${path}`, {
        method: 'POST',
        redirect: 'manual',
        headers: { 'Content-Type': 'application/x-www-form-urlencoded', ...headers },
        body,
      });
    },
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
