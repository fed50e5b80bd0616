// Fault injection on loopback, for the reliability tests.
//  - registryFaultProxy: a plain-HTTP proxy in front of a test registry (the daemon falls back
//    to HTTP for registries on 127.0.0.0/8) that answers chosen requests with an error status or
//    never answers them, and can record every request it passes on (its Authorization header).
//    It can also serve HTTPS on another address, with a certificate a test made.
//  - daemonCutProxy: a unix-socket proxy in front of the Docker daemon that cuts the connection
//    once a `docker save` (GET /images/.../get) response has sent a given number of bytes.
import { createServer as createHttpServer, request as httpRequest, type ClientRequest, type IncomingMessage, type ServerResponse } from 'node:http';
import { createServer as createHttpsServer, request as httpsRequest } from 'node:https';
import { connect, createServer as createNetServer, type Socket } from 'node:net';
import type { AddressInfo } from 'node:net';
import { rmSync } from 'node:fs';

export interface Fault {
  /** Which requests it applies to. */
  match: (req: IncomingMessage) => boolean;
  /**
   * An HTTP status to answer with (and `headers`), 'stall' to never answer, or the registry's
   * answer passed on with a fault: cut or stalled after so many body bytes, one body byte
   * changed, or a redirect to another URL instead.
   */
  answer: number | 'stall' | { cutAfter: number } | { stallAfter: number } | { tamperAt: number } | { redirect: string };
  headers?: Record<string, string>;
  /** How many matching requests get the fault (then they pass through). */
  times: number;
}

export interface RunningProxy {
  address: string;
  /** Requests that got a fault. */
  faulted: string[];
  close(): Promise<void>;
}

export interface ProxyOptions {
  /** The registry behind speaks TLS (the default) or plain HTTP. */
  upstreamTls?: boolean;
  /** Called with every request the proxy receives. */
  onRequest?: (req: IncomingMessage) => void;
  /** The address to listen on (127.0.0.1), and a certificate to serve HTTPS with instead of HTTP. */
  listen?: { host?: string; tls?: { key: string; cert: string } };
}

export async function registryFaultProxy(target: string, faults: Fault[], options: ProxyOptions = {}): Promise<RunningProxy> {
  const tls = options.upstreamTls ?? true;
  const [host, port] = target.split(':');
  const faulted: string[] = [];
  const stalled: ServerResponse[] = [];
  const upstreams = new Set<ClientRequest>();
  const handle = (req: IncomingMessage, res: ServerResponse) => {
    options.onRequest?.(req);
    const fault = faults.find((f) => f.times > 0 && f.match(req));
    if (fault) {
      fault.times--;
      faulted.push(`${req.method} ${req.url}`);
    }
    const answer = fault?.answer;
    if (answer === 'stall' || typeof answer === 'number') {
      req.resume();
      if (answer === 'stall') {
        stalled.push(res);
        return;
      }
      res.writeHead(answer, { 'content-type': 'application/json', ...fault!.headers });
      res.end(JSON.stringify({ errors: [{ code: 'INJECTED', message: `injected ${answer}` }] }));
      return;
    }
    if (answer && 'redirect' in answer) {
      req.resume();
      res.writeHead(307, { location: answer.redirect });
      res.end();
      return;
    }
    const upstream = (tls ? httpsRequest : httpRequest)(
      { host, port: Number(port), method: req.method, path: req.url, headers: { ...req.headers, host: target }, rejectUnauthorized: false },
      (up) => {
        const headers = { ...up.headers };
        // Redirects and upload locations name the registry: keep the client on the proxy.
        if (typeof headers.location === 'string')
          headers.location = headers.location.replace(
            `${tls ? 'https' : 'http'}://${target}`,
            `${options.listen?.tls ? 'https' : 'http'}://${req.headers.host}`
          );
        res.writeHead(up.statusCode ?? 502, headers);
        if (answer && ('cutAfter' in answer || 'stallAfter' in answer)) {
          const limit = 'cutAfter' in answer ? answer.cutAfter : answer.stallAfter;
          let sent = 0;
          up.on('data', (d: Buffer) => {
            const room = limit - sent;
            sent += d.length;
            if (room > 0) res.write(room >= d.length ? d : d.subarray(0, room));
            if (sent >= limit) {
              up.destroy();
              if ('cutAfter' in answer) res.socket?.destroy();
              else stalled.push(res); // the connection stays open, silent
            }
          });
          up.on('end', () => res.end());
        } else if (answer && 'tamperAt' in answer) {
          let seen = 0;
          up.on('data', (d: Buffer) => {
            if (answer.tamperAt >= seen && answer.tamperAt < seen + d.length) {
              d = Buffer.from(d);
              d[answer.tamperAt - seen] ^= 0xff;
            }
            seen += d.length;
            res.write(d);
          });
          up.on('end', () => res.end());
        } else up.pipe(res);
      }
    );
    upstreams.add(upstream);
    upstream.on('close', () => upstreams.delete(upstream));
    upstream.on('error', () => res.destroy());
    // A client that goes away mid-answer (or mid-upload) takes the registry's connection with it:
    // left open, it would hold the registry's socket, and the test process, forever.
    res.on('close', () => {
      if (!res.writableFinished) upstream.destroy();
    });
    req.pipe(upstream);
  };
  const server = options.listen?.tls ? createHttpsServer(options.listen.tls, handle) : createHttpServer(handle);
  const listenHost = options.listen?.host ?? '127.0.0.1';
  await new Promise<void>((resolve) => server.listen(0, listenHost, resolve));
  return {
    address: `${listenHost}:${(server.address() as AddressInfo).port}`,
    faulted,
    close: async () => {
      for (const res of stalled) res.destroy();
      for (const upstream of upstreams) upstream.destroy();
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    }
  };
}

export async function daemonCutProxy(daemonSocket: string, proxySocket: string, cutAfterBytes: number): Promise<RunningProxy> {
  rmSync(proxySocket, { force: true });
  const faulted: string[] = [];
  const sockets = new Set<Socket>();
  const server = createNetServer((client) => {
    const upstream = connect(daemonSocket);
    sockets.add(client);
    sockets.add(upstream);
    let saving = false;
    let sent = 0;
    client.on('data', (d) => {
      if (/^GET \S*\/images\/\S+\/get/m.test(d.toString('latin1'))) saving = true;
      upstream.write(d);
    });
    upstream.on('data', (d) => {
      if (!saving) return void client.write(d);
      const room = cutAfterBytes - sent;
      sent += d.length;
      if (room > 0) client.write(room >= d.length ? d : d.subarray(0, room));
      if (sent >= cutAfterBytes) {
        faulted.push(`cut docker save after ${cutAfterBytes} bytes`);
        client.destroy();
        upstream.destroy();
      }
    });
    const done = () => {
      client.destroy();
      upstream.destroy();
    };
    client.on('close', done);
    upstream.on('close', done);
    client.on('error', done);
    upstream.on('error', done);
  });
  await new Promise<void>((resolve) => server.listen(proxySocket, resolve));
  return {
    address: `unix://${proxySocket}`,
    faulted,
    close: async () => {
      for (const s of sockets) s.destroy();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    }
  };
}
