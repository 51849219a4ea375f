/**
 * GET /dashboard: the dashboard's static assets (dashboard/dist, built by `npm run build:dashboard`).
 * The page reads only the public API (POST /graphql, the factsChanged subscription on /graphql, GET /export);
 * it is served here so that it needs no other server and no CORS. Without a build, /dashboard answers 404
 * with the command that builds it.
 */
import { existsSync } from 'node:fs';
import path from 'node:path';
import express, { type RequestHandler } from 'express';
import { projectPath } from './paths.js';

/** The folder the assets are served from. */
export const DASHBOARD_DIR = projectPath('dashboard', 'dist');

export function dashboardRoute(dir = DASHBOARD_DIR): RequestHandler[] {
  const index = path.join(dir, 'index.html');
  const notBuilt: RequestHandler = (_req, res, next) => {
    if (existsSync(index)) return next();
    res.status(404).type('text/plain').send('The dashboard is not built: run `npm run build:dashboard` (npm start does) and reload.\n');
  };
  // /dashboard → /dashboard/ so that the page's relative asset paths resolve under it; the query string kept
  const slash: RequestHandler = (req, res, next) => {
    if (req.originalUrl.split('?')[0] !== '/dashboard') return next();
    const query = req.originalUrl.slice('/dashboard'.length);
    res.redirect(301, `/dashboard/${query}`);
  };
  return [slash, notBuilt, express.static(dir, { index: 'index.html', maxAge: 0, fallthrough: true })];
}
