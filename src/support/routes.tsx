import { Hono } from 'hono';
import type { AppEnv } from '../web/context.ts';

/** Support console routes (mounted under /support). */
export const supportRoutes = new Hono<AppEnv>();
