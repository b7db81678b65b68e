import { Hono } from 'hono';
import type { AppEnv } from '../web/context.ts';

/** Help center routes: articles, search, troubleshooter, error codes, contact. */
export const helpRoutes = new Hono<AppEnv>();
