import { Hono } from 'hono';
import type { AppEnv } from '../web/context.ts';

/** Card portal routes: dashboard, statements, billing, points. */
export const portalRoutes = new Hono<AppEnv>();
