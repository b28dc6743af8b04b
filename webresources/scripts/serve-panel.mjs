// A static file server on 127.0.0.1 (random port) for one folder: the panel needs an http origin so its
// relative collaboration.js / .css load as they do under /WebResources/crmc_/panel/ in Dataverse.
import { createServer } from 'node:http';
import { readFile } from 'node:fs/promises';
import { extname, join, normalize } from 'node:path';

const types = { '.html': 'text/html; charset=utf-8', '.js': 'text/javascript; charset=utf-8', '.css': 'text/css; charset=utf-8' };

export function servePanel(folder) {
  const server = createServer(async (req, res) => {
    const path = normalize(decodeURIComponent(new URL(req.url, 'http://127.0.0.1').pathname)).replace(/^([/\\])+/, '');
    if (path.startsWith('..') || !types[extname(path)]) {
      res.writeHead(404).end();
      return;
    }
    try {
      const body = await readFile(join(folder, path));
      res.writeHead(200, { 'content-type': types[extname(path)], 'cache-control': 'no-store' }).end(body);
    } catch {
      res.writeHead(404).end();
    }
  });
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address();
      resolve({ url: `http://127.0.0.1:${port}`, close: () => new Promise((done) => server.close(() => done())) });
    });
  });
}
