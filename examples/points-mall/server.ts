import { serve } from '@hono/node-server';
import { demoService } from '../../src/demo/cast.ts';
import { createPointsMallApp } from './app.ts';

/**
 * Starts the sample group service on POINTS_MALL_PORT (default 3100), signing members in through cardnavi
 * at CARDNAVI_URL (default http://localhost:3000) with the client that development demo data registers.
 */
const port = Number(process.env.POINTS_MALL_PORT ?? demoService.port);
const issuer = process.env.CARDNAVI_URL ?? process.env.PUBLIC_URL ?? 'http://localhost:3000';
const { app } = createPointsMallApp({
  issuer,
  publicUrl: process.env.POINTS_MALL_URL ?? `http://localhost:${port}`,
  clientId: process.env.POINTS_MALL_CLIENT_ID ?? demoService.clientId,
  clientSecret: process.env.POINTS_MALL_CLIENT_SECRET ?? demoService.secret,
});
serve({ fetch: app.fetch, port, hostname: '127.0.0.1' }, () => {
  console.log(`  Points Mall (sample group service) is running at http://localhost:${port}`);
});
