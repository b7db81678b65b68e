import { Hono } from 'hono';
import type { AppEnv } from '../web/context.ts';

/** Account recovery and settings: forgot ID/password, email and password change, withdrawal. */
export const accountRoutes = new Hono<AppEnv>();
