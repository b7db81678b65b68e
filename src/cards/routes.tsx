import { Hono } from 'hono';
import type { AppEnv } from '../web/context.ts';

/** Card application and enrollment (start procedure) routes. */
export const cardRoutes = new Hono<AppEnv>();
