"use strict";
var __create = Object.create;
var __defProp = Object.defineProperty;
var __getOwnPropDesc = Object.getOwnPropertyDescriptor;
var __getOwnPropNames = Object.getOwnPropertyNames;
var __getProtoOf = Object.getPrototypeOf;
var __hasOwnProp = Object.prototype.hasOwnProperty;
var __esm = (fn, res, err) => function __init() {
  if (err) throw err[0];
  try {
    return fn && (res = (0, fn[__getOwnPropNames(fn)[0]])(fn = 0)), res;
  } catch (e) {
    throw err = [e], e;
  }
};
var __commonJS = (cb, mod) => function __require() {
  try {
    return mod || (0, cb[__getOwnPropNames(cb)[0]])((mod = { exports: {} }).exports, mod), mod.exports;
  } catch (e) {
    throw mod = 0, e;
  }
};
var __export = (target, all) => {
  for (var name in all)
    __defProp(target, name, { get: all[name], enumerable: true });
};
var __copyProps = (to, from, except, desc) => {
  if (from && typeof from === "object" || typeof from === "function") {
    for (let key of __getOwnPropNames(from))
      if (!__hasOwnProp.call(to, key) && key !== except)
        __defProp(to, key, { get: () => from[key], enumerable: !(desc = __getOwnPropDesc(from, key)) || desc.enumerable });
  }
  return to;
};
var __toESM = (mod, isNodeMode, target) => (target = mod != null ? __create(__getProtoOf(mod)) : {}, __copyProps(
  // If the importer is in node compatibility mode or this is not an ESM
  // file that has been converted to a CommonJS file using a Babel-
  // compatible transform (i.e. "__esModule" has not been set), then set
  // "default" to the CommonJS "module.exports" for node compatibility.
  isNodeMode || !mod || !mod.__esModule ? __defProp(target, "default", { value: mod, enumerable: true }) : target,
  mod
));

// src/core/text/byte-strings.ts
function decodeBytes(buf, start, end) {
  const text = Buffer.from(buf.buffer, buf.byteOffset + start, end - start).toString("utf8");
  return text.includes("\uFFFD") ? decodeEscaping(buf, start, end) : text;
}
function decodeEscaping(buf, start, end) {
  let out = "";
  for (let i = start; i < end; ) {
    const n = validSequenceLength(buf, i, end);
    if (n === 0) {
      out += String.fromCharCode(56320 + buf[i]);
      i++;
    } else {
      out += Buffer.from(buf.buffer, buf.byteOffset + i, n).toString("utf8");
      i += n;
    }
  }
  return out;
}
function validSequenceLength(buf, i, end) {
  const b = buf[i];
  if (b < 128) return 1;
  const cont = (k, lo = 128, hi = 191) => i + k < end && buf[i + k] >= lo && buf[i + k] <= hi;
  if (b >= 194 && b <= 223) return cont(1) ? 2 : 0;
  if (b === 224) return cont(1, 160) && cont(2) ? 3 : 0;
  if (b === 237) return cont(1, 128, 159) && cont(2) ? 3 : 0;
  if (b >= 225 && b <= 239) return cont(1) && cont(2) ? 3 : 0;
  if (b === 240) return cont(1, 144) && cont(2) && cont(3) ? 4 : 0;
  if (b === 244) return cont(1, 128, 143) && cont(2) && cont(3) ? 4 : 0;
  if (b >= 241 && b <= 243) return cont(1) && cont(2) && cont(3) ? 4 : 0;
  return 0;
}
function encodeBytes(text) {
  if (!/[\udc80-\udcff]/.test(text)) return Buffer.from(text, "utf8");
  const parts = [];
  let run = "";
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    const lone = c >= 56448 && c <= 56575 && !(i > 0 && text.charCodeAt(i - 1) >= 55296 && text.charCodeAt(i - 1) <= 56319);
    if (!lone) {
      run += text[i];
      continue;
    }
    parts.push(Buffer.from(run, "utf8"), Buffer.of(c - 56320));
    run = "";
  }
  parts.push(Buffer.from(run, "utf8"));
  return Buffer.concat(parts);
}
function escapeUndecodable(text) {
  return text.replace(/(?<![\ud800-\udbff])[\udc80-\udcff]/g, (c) => `\\x${(c.charCodeAt(0) - 56320).toString(16)}`);
}
function escapeNonAscii(text) {
  return text.replace(/[^\x20-\x7e]/g, (c) => `\\x${c.charCodeAt(0).toString(16).padStart(2, "0")}`);
}
var init_byte_strings = __esm({
  "src/core/text/byte-strings.ts"() {
    "use strict";
  }
});

// src/core/errors.ts
function escapeControl(s) {
  return escapeUndecodable(s.replace(/[\x00-\x1f\x7f\x9b]/g, (c) => `\\x${c.charCodeAt(0).toString(16).padStart(2, "0")}`));
}
function describeError(err) {
  if (err instanceof ImageError || err instanceof UsageError) return err.message;
  if (err instanceof Error) {
    const code = err.code;
    return code ? `${err.message} (${code})` : err.message;
  }
  return String(err);
}
var ImageError, UsageError;
var init_errors = __esm({
  "src/core/errors.ts"() {
    "use strict";
    init_byte_strings();
    ImageError = class extends Error {
      name = "ImageError";
      constructor(message) {
        super(escapeControl(message));
      }
    };
    UsageError = class extends Error {
      name = "UsageError";
    };
  }
});

// src/core/streams/wakeup.ts
var Wakeup;
var init_wakeup = __esm({
  "src/core/streams/wakeup.ts"() {
    "use strict";
    Wakeup = class {
      waiters = [];
      /** Resolves at the next notify(). */
      wait() {
        return new Promise((resolve3) => this.waiters.push(resolve3));
      }
      notify() {
        const waiters = this.waiters;
        this.waiters = [];
        for (const wake of waiters) wake();
      }
    };
  }
});

// src/docker/response-chunks.ts
async function* responseChunks(stream) {
  const queue = [];
  let queued = 0;
  let ended = false;
  let failure = null;
  const reader = new Wakeup();
  stream.on("data", (chunk) => {
    queue.push(chunk);
    queued += chunk.length;
    if (queued >= HIGH_WATER) stream.pause();
    reader.notify();
  });
  stream.on("end", () => {
    ended = true;
    reader.notify();
  });
  stream.on("error", (err) => {
    failure = err;
    reader.notify();
  });
  stream.on("close", () => {
    if (!ended) failure ??= new Error("the connection closed before the end of the stream");
    reader.notify();
  });
  try {
    for (; ; ) {
      const chunk = queue.shift();
      if (chunk) {
        queued -= chunk.length;
        if (queued < HIGH_WATER && stream.isPaused()) stream.resume();
        yield chunk;
        continue;
      }
      if (failure) throw failure;
      if (ended) return;
      await reader.wait();
    }
  } finally {
    if (!ended) stream.destroy();
  }
}
var HIGH_WATER;
var init_response_chunks = __esm({
  "src/docker/response-chunks.ts"() {
    "use strict";
    init_wakeup();
    HIGH_WATER = 4 * 1024 * 1024;
  }
});

// src/core/text/excerpt.ts
function excerpt(text, max) {
  if (text.length <= max) return text;
  const end = isHighSurrogate(text.charCodeAt(max - 1)) ? max - 1 : max;
  return `${text.slice(0, end)}... (${text.length.toLocaleString("en-US")} characters)`;
}
function shortInstruction(createdBy, max) {
  const instruction = createdBy.replace(/^\/bin\/sh -c (#\(nop\)\s+)?/, "").replace(/\s*# buildkit$/, "").replace(/\s+/g, " ").trim();
  return excerpt(instruction, max);
}
var isHighSurrogate;
var init_excerpt = __esm({
  "src/core/text/excerpt.ts"() {
    "use strict";
    isHighSurrogate = (code) => code >= 55296 && code <= 56319;
  }
});

// src/net/http-response-decoder.ts
var MAX_HEAD, MAX_SIZE_LINE, MAX_ERROR_BODY, HttpResponseDecoder;
var init_http_response_decoder = __esm({
  "src/net/http-response-decoder.ts"() {
    "use strict";
    MAX_HEAD = 64 * 1024;
    MAX_SIZE_LINE = 1024;
    MAX_ERROR_BODY = 64 * 1024;
    HttpResponseDecoder = class {
      /** The status code, once the head is read (0 before). */
      status = 0;
      /** The body of a response whose status is not 200 (up to 64 KiB), for its error message. */
      errorBody = "";
      state = 0 /* Head */;
      head = "";
      line = "";
      /** Body bytes left: of the current chunk, or of the whole body with Content-Length (-1: until the connection closes). */
      remaining = 0;
      /** In ChunkDataEnd: how many of the two bytes (CR LF) after a chunk's data were seen. */
      crlfSeen = 0;
      /** Whether the whole response has been read (a body framed by the connection's end never is). */
      get done() {
        return this.state === 6 /* Done */;
      }
      /** Whether the body runs until the connection closes (neither chunked nor with a length). */
      get untilClose() {
        return this.state === 5 /* Body */ && this.remaining === -1;
      }
      /**
       * Decodes `buf[start, end)`: body bytes are moved to start at `start`; returns where they
       * end. Bytes after the end of the response are dropped. Throws on a malformed response.
       */
      decode(buf, start, end) {
        let out = start;
        let pos = start;
        while (pos < end && this.state !== 6 /* Done */) {
          switch (this.state) {
            case 0 /* Head */: {
              const before = this.head.length;
              this.head += buf.toString("latin1", pos, Math.min(end, pos + MAX_HEAD + 4));
              const at = this.head.indexOf("\r\n\r\n", Math.max(0, before - 3));
              if (at === -1) {
                if (this.head.length > MAX_HEAD) throw new Error("the response head is too long");
                pos = end;
                break;
              }
              pos += at + 4 - before;
              this.head = this.head.slice(0, at + 4);
              this.startBody(this.head);
              break;
            }
            case 1 /* ChunkSize */:
            case 4 /* Trailer */: {
              const lf = buf.indexOf(10, pos);
              const take = lf === -1 || lf >= end ? end : lf + 1;
              this.line += buf.toString("latin1", pos, take);
              pos = take;
              if (this.line.length > MAX_SIZE_LINE) throw new Error("a chunk header is too long");
              if (this.line.endsWith("\n")) this.endLine();
              break;
            }
            case 2 /* ChunkData */:
            case 5 /* Body */: {
              const n = this.remaining === -1 ? end - pos : Math.min(this.remaining, end - pos);
              if (this.status === 200) {
                if (out !== pos) buf.copyWithin(out, pos, pos + n);
                out += n;
              } else if (this.errorBody.length < MAX_ERROR_BODY) {
                this.errorBody += buf.toString("latin1", pos, pos + Math.min(n, MAX_ERROR_BODY - this.errorBody.length));
              }
              pos += n;
              if (this.remaining !== -1) {
                this.remaining -= n;
                if (this.remaining === 0) this.state = this.state === 5 /* Body */ ? 6 /* Done */ : 3 /* ChunkDataEnd */;
              }
              break;
            }
            case 3 /* ChunkDataEnd */: {
              const expected = this.crlfSeen === 0 ? 13 : 10;
              if (buf[pos] !== expected) throw new Error("a chunk does not end where its size says");
              pos++;
              if (++this.crlfSeen === 2) {
                this.crlfSeen = 0;
                this.state = 1 /* ChunkSize */;
              }
              break;
            }
          }
        }
        return out;
      }
      startBody(head) {
        const lines = head.slice(0, -4).split("\r\n");
        const status = /^HTTP\/1\.[01] (\d{3})(?: |$)/.exec(lines[0]);
        if (!status) throw new Error("the answer is not an HTTP/1.1 response");
        this.status = Number(status[1]);
        let chunked = false;
        let length = -1;
        for (const line of lines.slice(1)) {
          const colon = line.indexOf(":");
          if (colon <= 0) throw new Error("a response header is malformed");
          const name = line.slice(0, colon).trim().toLowerCase();
          const value = line.slice(colon + 1).trim();
          if (name === "transfer-encoding") {
            if (value.toLowerCase() !== "chunked") throw new Error(`the response's transfer coding "${value}" is not supported`);
            chunked = true;
          } else if (name === "content-length") {
            if (!/^\d{1,15}$/.test(value)) throw new Error("the response has a malformed Content-Length");
            length = Number(value);
          }
        }
        if (chunked) this.state = 1 /* ChunkSize */;
        else {
          this.state = length === 0 ? 6 /* Done */ : 5 /* Body */;
          this.remaining = length;
        }
      }
      endLine() {
        const line = this.line.replace(/\r?\n$/, "");
        this.line = "";
        if (this.state === 4 /* Trailer */) {
          if (line === "") this.state = 6 /* Done */;
          return;
        }
        const size = /^([0-9a-fA-F]{1,13})[ \t]*(?:;.*)?$/.exec(line);
        if (!size) throw new Error("a chunk size is malformed");
        this.remaining = parseInt(size[1], 16);
        this.state = this.remaining === 0 ? 4 /* Trailer */ : 2 /* ChunkData */;
      }
    };
  }
});

// src/net/http-get-stream.ts
async function* httpGetChunks(get) {
  const buffers = [Buffer.allocUnsafe(BUFFER_BYTES), Buffer.allocUnsafe(BUFFER_BYTES)];
  const parking = Buffer.allocUnsafe(PARKING_BYTES);
  const decoder = new HttpResponseDecoder();
  let filling = 0;
  let fill = 0;
  const ready = [];
  let held = -1;
  let paused = false;
  let ended = false;
  let failure = null;
  const reader = new Wakeup();
  const handOver = () => {
    if (fill > 0) ready.push([filling, fill]);
    fill = 0;
    filling = 1 - filling;
  };
  let waiting = false;
  let quiet;
  const flushQuiet = () => {
    quiet = void 0;
    if (!waiting || fill === 0 || paused || ended || ready.length > 0) return;
    handOver();
    reader.notify();
  };
  const watchQuiet = () => {
    if (waiting && fill > 0 && !quiet) quiet = setTimeout(flushQuiet, QUIET_MS);
  };
  const finish2 = () => {
    if (ended) return;
    ended = true;
    if (!decoder.done && !decoder.untilClose) failure ??= new Error("the connection closed before the end of the stream");
    else if (decoder.status === 200) handOver();
    reader.notify();
  };
  const onread = {
    buffer: () => paused ? parking : buffers[filling].subarray(fill),
    callback: (nread, into) => {
      const target = buffers[filling];
      if (into.buffer !== target.buffer || into.byteOffset !== target.byteOffset + fill) target.set(into.subarray(0, nread), fill);
      try {
        fill = decoder.decode(target, fill, fill + nread);
      } catch (err) {
        failure = new Error(`${get.peer}'s answer is malformed: ${err.message}`);
        socket.destroy();
        reader.notify();
        return false;
      }
      if (decoder.done) {
        socket.destroy();
        finish2();
        return false;
      }
      if (BUFFER_BYTES - fill < MIN_ROOM) {
        if (held === 1 - filling || ready.length > 0) {
          paused = true;
          socket.setTimeout(0);
          reader.notify();
          return false;
        }
        handOver();
        reader.notify();
      } else watchQuiet();
      return true;
    }
  };
  const to = get.connect;
  const socket = "path" in to ? (0, import_node_net.connect)({ path: to.path, onread }) : to.tls ? (0, import_node_tls.connect)({ host: to.host, port: to.port, ...to.tls, ALPNProtocols: ["http/1.1"], onread }) : (0, import_node_net.connect)({ host: to.host, port: to.port, onread });
  const stallMs = get.stallMs;
  socket.setTimeout(stallMs);
  socket.on("timeout", () => {
    failure ??= new Error(`${get.peer} sent nothing for ${Math.round(stallMs / 1e3)} s`);
    socket.destroy();
    reader.notify();
  });
  socket.on("end", finish2);
  socket.on("close", finish2);
  socket.on("error", (err) => {
    failure ??= err;
    reader.notify();
  });
  const headers = Object.entries(get.headers ?? {}).map(([name, value]) => `${name}: ${value}\r
`).join("");
  socket.write(`GET ${get.path} HTTP/1.0\r
Host: ${get.host}\r
User-Agent: modelarts-image-check\r
${headers}Connection: close\r
\r
`);
  try {
    for (; ; ) {
      if (failure) throw failure;
      if (decoder.status !== 0 && decoder.status !== 200) {
        if (!ended) {
          await reader.wait();
          continue;
        }
        throw new HttpStatusError(decoder.status, decoder.errorBody, get.peer);
      }
      const next = ready.shift();
      if (next) {
        held = next[0];
        yield buffers[held].subarray(0, next[1]);
        held = -1;
        if (paused && !ended) {
          paused = false;
          handOver();
          socket.setTimeout(stallMs);
          socket.resume();
        }
        continue;
      }
      if (ended) return;
      waiting = true;
      watchQuiet();
      await reader.wait();
      waiting = false;
      clearTimeout(quiet);
      quiet = void 0;
    }
  } finally {
    clearTimeout(quiet);
    if (!ended) socket.destroy();
  }
}
var import_node_net, import_node_tls, HttpStatusError, BUFFER_BYTES, MIN_ROOM, PARKING_BYTES, QUIET_MS;
var init_http_get_stream = __esm({
  "src/net/http-get-stream.ts"() {
    "use strict";
    import_node_net = require("node:net");
    import_node_tls = require("node:tls");
    init_http_response_decoder();
    init_wakeup();
    HttpStatusError = class extends Error {
      constructor(status, body, peer) {
        super(`${peer} answered ${status}`);
        this.status = status;
        this.body = body;
      }
      status;
      body;
    };
    BUFFER_BYTES = 1024 * 1024;
    MIN_ROOM = 64 * 1024;
    PARKING_BYTES = 64 * 1024;
    QUIET_MS = 10;
  }
});

// src/docker/save-stream.ts
function saveChunks(endpoint) {
  return {
    async *[Symbol.asyncIterator]() {
      try {
        yield* httpGetChunks({
          connect: endpoint.connect,
          path: endpoint.requestPath,
          host: "docker",
          stallMs: endpoint.stallMs ?? DEFAULT_STALL_MS,
          peer: "the daemon"
        });
      } catch (err) {
        if (err instanceof HttpStatusError) throw new Error(`the daemon answered ${err.status}: ${errorMessage(err.body)}`);
        throw err;
      }
    }
  };
}
function errorMessage(body) {
  try {
    const m = JSON.parse(body).message;
    if (typeof m === "string") return m;
  } catch {
  }
  return excerpt(body.trim(), 300) || "no message";
}
var DEFAULT_STALL_MS;
var init_save_stream = __esm({
  "src/docker/save-stream.ts"() {
    "use strict";
    init_excerpt();
    init_http_get_stream();
    DEFAULT_STALL_MS = 30 * 60 * 1e3;
  }
});

// src/time-limits.ts
function envMs(name) {
  const s = Number(process.env[name]);
  return Number.isFinite(s) && s > 0 ? s * 1e3 : void 0;
}
var init_time_limits = __esm({
  "src/time-limits.ts"() {
    "use strict";
  }
});

// src/docker/daemon.ts
var daemon_exports = {};
__export(daemon_exports, {
  RegistryError: () => RegistryError,
  connectDaemon: () => connectDaemon,
  daemonSource: () => daemonSource,
  ensureImage: () => ensureImage,
  inspectImage: () => inspectImage,
  openDaemon: () => openDaemon,
  pushImage: () => pushImage,
  retrying: () => retrying,
  splitTag: () => splitTag
});
async function withinTime(defaultMs, request) {
  const ms = envMs("MODELARTS_IMAGE_CHECK_DAEMON_TIMEOUT_SECONDS") ?? defaultMs;
  const abortSignal = AbortSignal.timeout(ms);
  try {
    return await request(abortSignal);
  } catch (err) {
    throw abortSignal.aborted ? new Error(`no answer within ${ms / 1e3} s`) : err;
  }
}
async function connectDaemon(timeoutMs = 15e3) {
  const docker = new import_dockerode.default(process.env.DOCKER_CLIENT_TIMEOUT ? {} : { timeout: saveStallMs() ?? DEFAULT_STALL_MS });
  if (docker.modem.protocol === "ssh") process.noDeprecation = true;
  const where = (process.env.DOCKER_HOST || "unix:///var/run/docker.sock").replace(/\/\/([^/@:]*):[^/@]*@/, "//$1:***@");
  const pinging = docker;
  try {
    await withinTime(timeoutMs, (abortSignal) => pinging.ping({ abortSignal }));
  } catch (err) {
    throw new UsageError(`cannot reach the Docker daemon at ${where}: ${shortError(err)}. Is Docker running, and is DOCKER_HOST right?`);
  }
  return docker;
}
async function inspectImage(docker, ref) {
  try {
    const info = await withinTime(2 * 60 * 1e3, (abortSignal) => inspectRequest(docker, ref, abortSignal));
    return { id: info.Id, size: info.Size, repoTags: info.RepoTags ?? [], diffIds: info.RootFS?.Layers ?? [] };
  } catch (err) {
    if (err.statusCode === 404) return void 0;
    throw new ImageError(`cannot inspect ${ref}: ${shortError(err)}`);
  }
}
function inspectRequest(docker, ref, abortSignal) {
  return new Promise((resolve3, reject) => {
    const request = {
      path: `/images/${ref}/json`,
      method: "GET",
      options: {},
      abortSignal,
      statusCodes: { 200: true, 404: "no such image", 500: "server error" }
    };
    docker.modem.dial(request, (err, data) => err ? reject(err) : resolve3(data));
  });
}
async function ensureImage(docker, ref, policy, auth, log) {
  let info = policy === "always" ? void 0 : await inspectImage(docker, ref);
  let pulled = false;
  if (!info && policy !== "never" && !ref.startsWith("sha256:")) {
    const authconfig = await auth();
    await retrying(`pull ${ref}`, log, async (abortSignal) => {
      const stream = await docker.pull(ref, { ...authconfig && { authconfig }, abortSignal });
      await followProgress(docker, stream, log);
    });
    info = await inspectImage(docker, ref);
    pulled = true;
  }
  if (!info) {
    throw new ImageError(
      policy === "never" ? `the image ${ref} is not in the local daemon and pull is "never"` : `the image ${ref} could not be found after pulling it`
    );
  }
  return { ...info, pulled };
}
function daemonSource(docker, info, name) {
  return {
    name: `image ${name} (${info.id.slice(0, 19)})`,
    layout: "docker-archive",
    size: info.size,
    layersVerified: true,
    repoTags: info.repoTags,
    open: () => ({
      // Read over HTTP/1.0, the save ends when the connection closes, whole or not (see
      // save-stream.ts); the daemon's archives always end with the end-of-archive marker.
      cutShortHint: "the daemon's stream ended early: did the Docker daemon stop?",
      [Symbol.asyncIterator]: async function* () {
        let bytes = 0;
        try {
          const endpoint = await saveEndpoint(docker, info.id);
          const chunks = endpoint ? saveChunks(endpoint) : responseChunks(await docker.getImage(info.id).get());
          for await (const chunk of chunks) {
            bytes += chunk.length;
            yield chunk;
          }
        } catch (err) {
          throw new ImageError(`docker save of ${name} broke off after ${bytes} bytes (${shortError(err)}); did the Docker daemon stop?`);
        }
      }
    })
  };
}
async function saveEndpoint(docker, imageId) {
  const modem = docker.modem;
  const requestPath = `${modem.version ? `/${modem.version}` : ""}/images/${encodeURIComponent(imageId)}/get`;
  if (modem.socketPath) {
    const path = await modem.getSocketPath();
    return typeof path === "string" ? { connect: { path }, requestPath, stallMs: saveStallMs() } : void 0;
  }
  if (modem.protocol === "http" && modem.host && Object.keys(modem.headers ?? {}).length === 0) {
    return { connect: { host: modem.host, port: Number(modem.port) || 2375 }, requestPath, stallMs: saveStallMs() };
  }
  return void 0;
}
async function pushImage(docker, imageId, target, auth, log) {
  const { repo, tag } = splitTag(target);
  await withinTime(2 * 60 * 1e3, (abortSignal) => docker.getImage(imageId).tag({ repo, tag, abortSignal })).catch((err) => {
    throw new ImageError(`cannot tag ${imageId} as ${target}: ${shortError(err)}`);
  });
  const tagged = await inspectImage(docker, target);
  if (tagged?.id !== imageId) throw new ImageError(`the tag ${target} no longer points at the checked image ${imageId}: not pushing`);
  let digest = "";
  await retrying(`push ${target}`, log, async (abortSignal) => {
    const stream = await docker.getImage(target).push({ ...auth && { authconfig: auth }, abortSignal });
    const events = await followProgress(docker, stream, log);
    for (const e of events) {
      const d = e.aux?.Digest ?? pushedDigest(e.status, tag);
      if (d) digest = d;
    }
  });
  if (!digest) throw new ImageError(`pushing ${target} finished without a digest from the registry`);
  return digest;
}
function pushedDigest(status, tag) {
  const m = /^(.+): digest: (sha256:[0-9a-f]{64}) size: \d+$/.exec(status ?? "");
  return m && m[1] === tag ? m[2] : void 0;
}
function splitTag(reference) {
  const slash = reference.lastIndexOf("/");
  const colon = reference.lastIndexOf(":");
  if (colon > slash) return { repo: reference.slice(0, colon), tag: reference.slice(colon + 1) };
  return { repo: reference, tag: "latest" };
}
async function followProgress(docker, stream, log) {
  const lastStatus = /* @__PURE__ */ new Map();
  const events = [];
  await new Promise((resolve3, reject) => {
    docker.modem.followProgress(
      stream,
      (err) => err ? reject(err) : resolve3(),
      (e) => {
        events.push(e);
        const status = e.status ?? "";
        const key = e.id ?? "";
        if (status && lastStatus.get(key) !== status) {
          lastStatus.set(key, status);
          log.info(key ? `${key}: ${status}` : status);
        }
      }
    );
  });
  const failure = events.find((e) => e.error || e.errorDetail?.message);
  if (failure) throw new RegistryError(failure.errorDetail?.message || failure.error || "unknown error");
  return events;
}
async function retrying(label, log, work, attempts = 4, firstDelayMs = 1e3) {
  for (let attempt = 1; ; attempt++) {
    const timeoutMs = attemptTimeoutMs();
    const controller = new AbortController();
    const timer = setTimeout(() => controller.abort(), timeoutMs);
    try {
      return await work(controller.signal);
    } catch (err) {
      if (controller.signal.aborted) {
        throw new ImageError(`${label} failed: the registry did not finish within ${Math.round(timeoutMs / 1e3)} s`);
      }
      const message = shortError(err);
      if (attempt >= attempts || !TRANSIENT.test(message)) {
        throw new ImageError(`${label} failed${attempt > 1 ? ` after ${attempt} attempts` : ""}: ${message}`);
      }
      const delay = firstDelayMs * 2 ** (attempt - 1);
      log.warning(`${label} failed (${message}); retrying in ${delay / 1e3} s (attempt ${attempt + 1} of ${attempts})`);
      await new Promise((r) => setTimeout(r, delay));
    } finally {
      clearTimeout(timer);
    }
  }
}
function shortError(err) {
  const e = err;
  const text = e?.json?.message || e?.message || String(err);
  return text.replace(/^\(HTTP code \d+\) [\w ]+ - /, "").split("\n")[0].trim();
}
async function openDaemon() {
  const docker = await connectDaemon();
  return {
    ensureImage: (ref, policy, auth, log) => ensureImage(docker, ref, policy, auth, log),
    imageSource: (info, name) => daemonSource(docker, info, name),
    pushImage: (imageId, target, auth, log) => pushImage(docker, imageId, target, auth, log)
  };
}
var import_dockerode, RegistryError, TRANSIENT, saveStallMs, attemptTimeoutMs;
var init_daemon = __esm({
  "src/docker/daemon.ts"() {
    "use strict";
    import_dockerode = __toESM(require("./dockerode.js"));
    init_response_chunks();
    init_save_stream();
    init_errors();
    init_time_limits();
    RegistryError = class extends Error {
      name = "RegistryError";
    };
    TRANSIENT = /\b(?:5\d\d|timeout|timed out|temporar|connection reset|reset by peer|EOF|TLS handshake|too many requests|429|ECONNRESET|ECONNREFUSED|EPIPE|socket hang up|Service Unavailable|Bad Gateway|Internal Server Error)\b/i;
    saveStallMs = () => envMs("MODELARTS_IMAGE_CHECK_SAVE_STALL_SECONDS");
    attemptTimeoutMs = () => envMs("MODELARTS_IMAGE_CHECK_REGISTRY_TIMEOUT_SECONDS") ?? 30 * 60 * 1e3;
  }
});

// src/docker/registry-auth.ts
var registry_auth_exports = {};
__export(registry_auth_exports, {
  credentialsFor: () => credentialsFor,
  registryOf: () => registryOf,
  sameRegistry: () => sameRegistry,
  secretsOf: () => secretsOf,
  swrLogin: () => swrLogin,
  swrRegionOf: () => swrRegionOf
});
function secretsOf(auth) {
  return [auth.password, auth.identitytoken ?? ""].filter(Boolean);
}
function swrLogin(ak, sk, region) {
  return { username: `${region}@${ak}`, password: (0, import_node_crypto.createHmac)("sha256", sk).update(ak).digest("hex") };
}
function swrRegionOf(host) {
  return SWR_HOST.exec(host.toLowerCase())?.[1];
}
function registryOf(reference) {
  const first = reference.split("/")[0];
  if (reference.includes("/") && (first.includes(".") || first.includes(":") || first === "localhost")) return first;
  return "docker.io";
}
function sameRegistry(a, b) {
  const norm = (h) => {
    const host = h.toLowerCase().replace(/^https?:\/\//, "").replace(/\/.*$/, "");
    return host === "index.docker.io" || host === "registry-1.docker.io" ? "docker.io" : host;
  };
  return norm(a) === norm(b);
}
async function credentialsFor(registry, sources, env = process.env, helper = runHelper) {
  const { explicit, swr } = sources;
  if (explicit && sameRegistry(registry, explicit.registry)) return { username: explicit.username, password: explicit.password, serveraddress: registry };
  const region = swrRegionOf(registry);
  if (swr && region) return { ...swrLogin(swr.ak, swr.sk, swr.region ?? region), serveraddress: registry };
  return storedCredentials(registry, env, helper);
}
async function storedCredentials(registry, env, helper) {
  let config;
  try {
    config = JSON.parse((0, import_node_fs.readFileSync)((0, import_node_path.join)(env.DOCKER_CONFIG || (0, import_node_path.join)((0, import_node_os.homedir)(), ".docker"), "config.json"), "utf8"));
  } catch {
    return void 0;
  }
  const exact = sameRegistry(registry, "docker.io") ? ["https://index.docker.io/v1/", "docker.io", "index.docker.io"] : [registry, `https://${registry}`, `http://${registry}`];
  const keysIn = (entries) => {
    const present = Object.keys(entries ?? {});
    return [...exact.filter((k) => present.includes(k)), ...present.filter((k) => !exact.includes(k) && sameRegistry(k, registry))];
  };
  const store = keysIn(config.credHelpers).map((k) => config.credHelpers[k])[0] ?? config.credsStore;
  if (typeof store === "string" && store) {
    for (const k of exact) {
      const found = await helper(store, k);
      if (!found?.Secret) continue;
      if (found.Username === "<token>") return { username: "", password: "", serveraddress: registry, identitytoken: found.Secret };
      return { username: found.Username, password: found.Secret, serveraddress: registry };
    }
  }
  for (const k of keysIn(config.auths)) {
    const entry = config.auths[k];
    const decoded = typeof entry?.auth === "string" ? Buffer.from(entry.auth, "base64").toString("utf8") : "";
    const colon = decoded.indexOf(":");
    const [username, password] = colon > 0 ? [decoded.slice(0, colon), decoded.slice(colon + 1)] : ["", ""];
    const identitytoken = typeof entry?.identitytoken === "string" && entry.identitytoken ? entry.identitytoken : void 0;
    if (identitytoken) return { username, password, serveraddress: registry, identitytoken };
    if (colon > 0) return { username, password, serveraddress: registry };
  }
  return void 0;
}
var import_node_child_process, import_node_crypto, import_node_fs, import_node_os, import_node_path, SWR_HOST, runHelper;
var init_registry_auth = __esm({
  "src/docker/registry-auth.ts"() {
    "use strict";
    import_node_child_process = require("node:child_process");
    import_node_crypto = require("node:crypto");
    import_node_fs = require("node:fs");
    import_node_os = require("node:os");
    import_node_path = require("node:path");
    SWR_HOST = /^swr\.([a-z]{2}(?:-[a-z]+)+-\d+|[a-z]{2}-[a-z]+)\.(?:myhuaweicloud\.com|myhuaweicloud\.eu|otc\.t-systems\.com)$/;
    runHelper = (helper, server) => new Promise((resolve3) => {
      const child = (0, import_node_child_process.execFile)(`docker-credential-${helper}`, ["get"], { timeout: 1e4 }, (err, stdout2) => {
        if (err) return resolve3(void 0);
        try {
          resolve3(JSON.parse(stdout2));
        } catch {
          resolve3(void 0);
        }
      });
      child.stdin?.end(server);
    });
  }
});

// node_modules/commander/lib/error.js
var require_error = __commonJS({
  "node_modules/commander/lib/error.js"(exports2) {
    var CommanderError2 = class extends Error {
      /**
       * Constructs the CommanderError class
       * @param {number} exitCode suggested exit code which could be used with process.exit
       * @param {string} code an id string representing the error
       * @param {string} message human-readable description of the error
       */
      constructor(exitCode, code, message) {
        super(message);
        Error.captureStackTrace(this, this.constructor);
        this.name = this.constructor.name;
        this.code = code;
        this.exitCode = exitCode;
        this.nestedError = void 0;
      }
    };
    var InvalidArgumentError2 = class extends CommanderError2 {
      /**
       * Constructs the InvalidArgumentError class
       * @param {string} [message] explanation of why argument is invalid
       */
      constructor(message) {
        super(1, "commander.invalidArgument", message);
        Error.captureStackTrace(this, this.constructor);
        this.name = this.constructor.name;
      }
    };
    exports2.CommanderError = CommanderError2;
    exports2.InvalidArgumentError = InvalidArgumentError2;
  }
});

// node_modules/commander/lib/argument.js
var require_argument = __commonJS({
  "node_modules/commander/lib/argument.js"(exports2) {
    var { InvalidArgumentError: InvalidArgumentError2 } = require_error();
    var Argument2 = class {
      /**
       * Initialize a new command argument with the given name and description.
       * The default is that the argument is required, and you can explicitly
       * indicate this with <> around the name. Put [] around the name for an optional argument.
       *
       * @param {string} name
       * @param {string} [description]
       */
      constructor(name, description) {
        this.description = description || "";
        this.variadic = false;
        this.parseArg = void 0;
        this.defaultValue = void 0;
        this.defaultValueDescription = void 0;
        this.argChoices = void 0;
        switch (name[0]) {
          case "<":
            this.required = true;
            this._name = name.slice(1, -1);
            break;
          case "[":
            this.required = false;
            this._name = name.slice(1, -1);
            break;
          default:
            this.required = true;
            this._name = name;
            break;
        }
        if (this._name.endsWith("...")) {
          this.variadic = true;
          this._name = this._name.slice(0, -3);
        }
      }
      /**
       * Return argument name.
       *
       * @return {string}
       */
      name() {
        return this._name;
      }
      /**
       * @package
       */
      _collectValue(value, previous) {
        if (previous === this.defaultValue || !Array.isArray(previous)) {
          return [value];
        }
        previous.push(value);
        return previous;
      }
      /**
       * Set the default value, and optionally supply the description to be displayed in the help.
       *
       * @param {*} value
       * @param {string} [description]
       * @return {Argument}
       */
      default(value, description) {
        this.defaultValue = value;
        this.defaultValueDescription = description;
        return this;
      }
      /**
       * Set the custom handler for processing CLI command arguments into argument values.
       *
       * @param {Function} [fn]
       * @return {Argument}
       */
      argParser(fn) {
        this.parseArg = fn;
        return this;
      }
      /**
       * Only allow argument value to be one of choices.
       *
       * @param {string[]} values
       * @return {Argument}
       */
      choices(values) {
        this.argChoices = values.slice();
        this.parseArg = (arg, previous) => {
          if (!this.argChoices.includes(arg)) {
            throw new InvalidArgumentError2(
              `Allowed choices are ${this.argChoices.join(", ")}.`
            );
          }
          if (this.variadic) {
            return this._collectValue(arg, previous);
          }
          return arg;
        };
        return this;
      }
      /**
       * Make argument required.
       *
       * @returns {Argument}
       */
      argRequired() {
        this.required = true;
        return this;
      }
      /**
       * Make argument optional.
       *
       * @returns {Argument}
       */
      argOptional() {
        this.required = false;
        return this;
      }
    };
    function humanReadableArgName(arg) {
      const nameOutput = arg.name() + (arg.variadic === true ? "..." : "");
      return arg.required ? "<" + nameOutput + ">" : "[" + nameOutput + "]";
    }
    exports2.Argument = Argument2;
    exports2.humanReadableArgName = humanReadableArgName;
  }
});

// node_modules/commander/lib/help.js
var require_help = __commonJS({
  "node_modules/commander/lib/help.js"(exports2) {
    var { humanReadableArgName } = require_argument();
    var Help2 = class {
      constructor() {
        this.helpWidth = void 0;
        this.minWidthToWrap = 40;
        this.sortSubcommands = false;
        this.sortOptions = false;
        this.showGlobalOptions = false;
      }
      /**
       * prepareContext is called by Commander after applying overrides from `Command.configureHelp()`
       * and just before calling `formatHelp()`.
       *
       * Commander just uses the helpWidth and the rest is provided for optional use by more complex subclasses.
       *
       * @param {{ error?: boolean, helpWidth?: number, outputHasColors?: boolean }} contextOptions
       */
      prepareContext(contextOptions) {
        this.helpWidth = this.helpWidth ?? contextOptions.helpWidth ?? 80;
      }
      /**
       * Get an array of the visible subcommands. Includes a placeholder for the implicit help command, if there is one.
       *
       * @param {Command} cmd
       * @returns {Command[]}
       */
      visibleCommands(cmd) {
        const visibleCommands = cmd.commands.filter((cmd2) => !cmd2._hidden);
        const helpCommand = cmd._getHelpCommand();
        if (helpCommand && !helpCommand._hidden) {
          visibleCommands.push(helpCommand);
        }
        if (this.sortSubcommands) {
          visibleCommands.sort((a, b) => {
            return a.name().localeCompare(b.name());
          });
        }
        return visibleCommands;
      }
      /**
       * Compare options for sort.
       *
       * @param {Option} a
       * @param {Option} b
       * @returns {number}
       */
      compareOptions(a, b) {
        const getSortKey = (option) => {
          return option.short ? option.short.replace(/^-/, "") : option.long.replace(/^--/, "");
        };
        return getSortKey(a).localeCompare(getSortKey(b));
      }
      /**
       * Get an array of the visible options. Includes a placeholder for the implicit help option, if there is one.
       *
       * @param {Command} cmd
       * @returns {Option[]}
       */
      visibleOptions(cmd) {
        const visibleOptions = cmd.options.filter((option) => !option.hidden);
        const helpOption = cmd._getHelpOption();
        if (helpOption && !helpOption.hidden) {
          const removeShort = helpOption.short && cmd._findOption(helpOption.short);
          const removeLong = helpOption.long && cmd._findOption(helpOption.long);
          if (!removeShort && !removeLong) {
            visibleOptions.push(helpOption);
          } else if (helpOption.long && !removeLong) {
            visibleOptions.push(
              cmd.createOption(helpOption.long, helpOption.description)
            );
          } else if (helpOption.short && !removeShort) {
            visibleOptions.push(
              cmd.createOption(helpOption.short, helpOption.description)
            );
          }
        }
        if (this.sortOptions) {
          visibleOptions.sort(this.compareOptions);
        }
        return visibleOptions;
      }
      /**
       * Get an array of the visible global options. (Not including help.)
       *
       * @param {Command} cmd
       * @returns {Option[]}
       */
      visibleGlobalOptions(cmd) {
        if (!this.showGlobalOptions) return [];
        const globalOptions = [];
        for (let ancestorCmd = cmd.parent; ancestorCmd; ancestorCmd = ancestorCmd.parent) {
          const visibleOptions = ancestorCmd.options.filter(
            (option) => !option.hidden
          );
          globalOptions.push(...visibleOptions);
        }
        if (this.sortOptions) {
          globalOptions.sort(this.compareOptions);
        }
        return globalOptions;
      }
      /**
       * Get an array of the arguments if any have a description.
       *
       * @param {Command} cmd
       * @returns {Argument[]}
       */
      visibleArguments(cmd) {
        if (cmd._argsDescription) {
          cmd.registeredArguments.forEach((argument) => {
            argument.description = argument.description || cmd._argsDescription[argument.name()] || "";
          });
        }
        if (cmd.registeredArguments.find((argument) => argument.description)) {
          return cmd.registeredArguments;
        }
        return [];
      }
      /**
       * Get the command term to show in the list of subcommands.
       *
       * @param {Command} cmd
       * @returns {string}
       */
      subcommandTerm(cmd) {
        const args = cmd.registeredArguments.map((arg) => humanReadableArgName(arg)).join(" ");
        return cmd._name + (cmd._aliases[0] ? "|" + cmd._aliases[0] : "") + (cmd.options.length ? " [options]" : "") + // simplistic check for non-help option
        (args ? " " + args : "");
      }
      /**
       * Get the option term to show in the list of options.
       *
       * @param {Option} option
       * @returns {string}
       */
      optionTerm(option) {
        return option.flags;
      }
      /**
       * Get the argument term to show in the list of arguments.
       *
       * @param {Argument} argument
       * @returns {string}
       */
      argumentTerm(argument) {
        return argument.name();
      }
      /**
       * Get the longest command term length.
       *
       * @param {Command} cmd
       * @param {Help} helper
       * @returns {number}
       */
      longestSubcommandTermLength(cmd, helper) {
        return helper.visibleCommands(cmd).reduce((max, command) => {
          return Math.max(
            max,
            this.displayWidth(
              helper.styleSubcommandTerm(helper.subcommandTerm(command))
            )
          );
        }, 0);
      }
      /**
       * Get the longest option term length.
       *
       * @param {Command} cmd
       * @param {Help} helper
       * @returns {number}
       */
      longestOptionTermLength(cmd, helper) {
        return helper.visibleOptions(cmd).reduce((max, option) => {
          return Math.max(
            max,
            this.displayWidth(helper.styleOptionTerm(helper.optionTerm(option)))
          );
        }, 0);
      }
      /**
       * Get the longest global option term length.
       *
       * @param {Command} cmd
       * @param {Help} helper
       * @returns {number}
       */
      longestGlobalOptionTermLength(cmd, helper) {
        return helper.visibleGlobalOptions(cmd).reduce((max, option) => {
          return Math.max(
            max,
            this.displayWidth(helper.styleOptionTerm(helper.optionTerm(option)))
          );
        }, 0);
      }
      /**
       * Get the longest argument term length.
       *
       * @param {Command} cmd
       * @param {Help} helper
       * @returns {number}
       */
      longestArgumentTermLength(cmd, helper) {
        return helper.visibleArguments(cmd).reduce((max, argument) => {
          return Math.max(
            max,
            this.displayWidth(
              helper.styleArgumentTerm(helper.argumentTerm(argument))
            )
          );
        }, 0);
      }
      /**
       * Get the command usage to be displayed at the top of the built-in help.
       *
       * @param {Command} cmd
       * @returns {string}
       */
      commandUsage(cmd) {
        let cmdName = cmd._name;
        if (cmd._aliases[0]) {
          cmdName = cmdName + "|" + cmd._aliases[0];
        }
        let ancestorCmdNames = "";
        for (let ancestorCmd = cmd.parent; ancestorCmd; ancestorCmd = ancestorCmd.parent) {
          ancestorCmdNames = ancestorCmd.name() + " " + ancestorCmdNames;
        }
        return ancestorCmdNames + cmdName + " " + cmd.usage();
      }
      /**
       * Get the description for the command.
       *
       * @param {Command} cmd
       * @returns {string}
       */
      commandDescription(cmd) {
        return cmd.description();
      }
      /**
       * Get the subcommand summary to show in the list of subcommands.
       * (Fallback to description for backwards compatibility.)
       *
       * @param {Command} cmd
       * @returns {string}
       */
      subcommandDescription(cmd) {
        return cmd.summary() || cmd.description();
      }
      /**
       * Get the option description to show in the list of options.
       *
       * @param {Option} option
       * @return {string}
       */
      optionDescription(option) {
        const extraInfo = [];
        if (option.argChoices) {
          extraInfo.push(
            // use stringify to match the display of the default value
            `choices: ${option.argChoices.map((choice) => JSON.stringify(choice)).join(", ")}`
          );
        }
        if (option.defaultValue !== void 0) {
          const showDefault = option.required || option.optional || option.isBoolean() && typeof option.defaultValue === "boolean";
          if (showDefault) {
            extraInfo.push(
              `default: ${option.defaultValueDescription || JSON.stringify(option.defaultValue)}`
            );
          }
        }
        if (option.presetArg !== void 0 && option.optional) {
          extraInfo.push(`preset: ${JSON.stringify(option.presetArg)}`);
        }
        if (option.envVar !== void 0) {
          extraInfo.push(`env: ${option.envVar}`);
        }
        if (extraInfo.length > 0) {
          const extraDescription = `(${extraInfo.join(", ")})`;
          if (option.description) {
            return `${option.description} ${extraDescription}`;
          }
          return extraDescription;
        }
        return option.description;
      }
      /**
       * Get the argument description to show in the list of arguments.
       *
       * @param {Argument} argument
       * @return {string}
       */
      argumentDescription(argument) {
        const extraInfo = [];
        if (argument.argChoices) {
          extraInfo.push(
            // use stringify to match the display of the default value
            `choices: ${argument.argChoices.map((choice) => JSON.stringify(choice)).join(", ")}`
          );
        }
        if (argument.defaultValue !== void 0) {
          extraInfo.push(
            `default: ${argument.defaultValueDescription || JSON.stringify(argument.defaultValue)}`
          );
        }
        if (extraInfo.length > 0) {
          const extraDescription = `(${extraInfo.join(", ")})`;
          if (argument.description) {
            return `${argument.description} ${extraDescription}`;
          }
          return extraDescription;
        }
        return argument.description;
      }
      /**
       * Format a list of items, given a heading and an array of formatted items.
       *
       * @param {string} heading
       * @param {string[]} items
       * @param {Help} helper
       * @returns string[]
       */
      formatItemList(heading, items, helper) {
        if (items.length === 0) return [];
        return [helper.styleTitle(heading), ...items, ""];
      }
      /**
       * Group items by their help group heading.
       *
       * @param {Command[] | Option[]} unsortedItems
       * @param {Command[] | Option[]} visibleItems
       * @param {Function} getGroup
       * @returns {Map<string, Command[] | Option[]>}
       */
      groupItems(unsortedItems, visibleItems, getGroup) {
        const result = /* @__PURE__ */ new Map();
        unsortedItems.forEach((item) => {
          const group = getGroup(item);
          if (!result.has(group)) result.set(group, []);
        });
        visibleItems.forEach((item) => {
          const group = getGroup(item);
          if (!result.has(group)) {
            result.set(group, []);
          }
          result.get(group).push(item);
        });
        return result;
      }
      /**
       * Generate the built-in help text.
       *
       * @param {Command} cmd
       * @param {Help} helper
       * @returns {string}
       */
      formatHelp(cmd, helper) {
        const termWidth = helper.padWidth(cmd, helper);
        const helpWidth = helper.helpWidth ?? 80;
        function callFormatItem(term, description) {
          return helper.formatItem(term, termWidth, description, helper);
        }
        let output = [
          `${helper.styleTitle("Usage:")} ${helper.styleUsage(helper.commandUsage(cmd))}`,
          ""
        ];
        const commandDescription = helper.commandDescription(cmd);
        if (commandDescription.length > 0) {
          output = output.concat([
            helper.boxWrap(
              helper.styleCommandDescription(commandDescription),
              helpWidth
            ),
            ""
          ]);
        }
        const argumentList = helper.visibleArguments(cmd).map((argument) => {
          return callFormatItem(
            helper.styleArgumentTerm(helper.argumentTerm(argument)),
            helper.styleArgumentDescription(helper.argumentDescription(argument))
          );
        });
        output = output.concat(
          this.formatItemList("Arguments:", argumentList, helper)
        );
        const optionGroups = this.groupItems(
          cmd.options,
          helper.visibleOptions(cmd),
          (option) => option.helpGroupHeading ?? "Options:"
        );
        optionGroups.forEach((options, group) => {
          const optionList = options.map((option) => {
            return callFormatItem(
              helper.styleOptionTerm(helper.optionTerm(option)),
              helper.styleOptionDescription(helper.optionDescription(option))
            );
          });
          output = output.concat(this.formatItemList(group, optionList, helper));
        });
        if (helper.showGlobalOptions) {
          const globalOptionList = helper.visibleGlobalOptions(cmd).map((option) => {
            return callFormatItem(
              helper.styleOptionTerm(helper.optionTerm(option)),
              helper.styleOptionDescription(helper.optionDescription(option))
            );
          });
          output = output.concat(
            this.formatItemList("Global Options:", globalOptionList, helper)
          );
        }
        const commandGroups = this.groupItems(
          cmd.commands,
          helper.visibleCommands(cmd),
          (sub) => sub.helpGroup() || "Commands:"
        );
        commandGroups.forEach((commands, group) => {
          const commandList = commands.map((sub) => {
            return callFormatItem(
              helper.styleSubcommandTerm(helper.subcommandTerm(sub)),
              helper.styleSubcommandDescription(helper.subcommandDescription(sub))
            );
          });
          output = output.concat(this.formatItemList(group, commandList, helper));
        });
        return output.join("\n");
      }
      /**
       * Return display width of string, ignoring ANSI escape sequences. Used in padding and wrapping calculations.
       *
       * @param {string} str
       * @returns {number}
       */
      displayWidth(str) {
        return stripColor(str).length;
      }
      /**
       * Style the title for displaying in the help. Called with 'Usage:', 'Options:', etc.
       *
       * @param {string} str
       * @returns {string}
       */
      styleTitle(str) {
        return str;
      }
      styleUsage(str) {
        return str.split(" ").map((word) => {
          if (word === "[options]") return this.styleOptionText(word);
          if (word === "[command]") return this.styleSubcommandText(word);
          if (word[0] === "[" || word[0] === "<")
            return this.styleArgumentText(word);
          return this.styleCommandText(word);
        }).join(" ");
      }
      styleCommandDescription(str) {
        return this.styleDescriptionText(str);
      }
      styleOptionDescription(str) {
        return this.styleDescriptionText(str);
      }
      styleSubcommandDescription(str) {
        return this.styleDescriptionText(str);
      }
      styleArgumentDescription(str) {
        return this.styleDescriptionText(str);
      }
      styleDescriptionText(str) {
        return str;
      }
      styleOptionTerm(str) {
        return this.styleOptionText(str);
      }
      styleSubcommandTerm(str) {
        return str.split(" ").map((word) => {
          if (word === "[options]") return this.styleOptionText(word);
          if (word[0] === "[" || word[0] === "<")
            return this.styleArgumentText(word);
          return this.styleSubcommandText(word);
        }).join(" ");
      }
      styleArgumentTerm(str) {
        return this.styleArgumentText(str);
      }
      styleOptionText(str) {
        return str;
      }
      styleArgumentText(str) {
        return str;
      }
      styleSubcommandText(str) {
        return str;
      }
      styleCommandText(str) {
        return str;
      }
      /**
       * Calculate the pad width from the maximum term length.
       *
       * @param {Command} cmd
       * @param {Help} helper
       * @returns {number}
       */
      padWidth(cmd, helper) {
        return Math.max(
          helper.longestOptionTermLength(cmd, helper),
          helper.longestGlobalOptionTermLength(cmd, helper),
          helper.longestSubcommandTermLength(cmd, helper),
          helper.longestArgumentTermLength(cmd, helper)
        );
      }
      /**
       * Detect manually wrapped and indented strings by checking for line break followed by whitespace.
       *
       * @param {string} str
       * @returns {boolean}
       */
      preformatted(str) {
        return /\n[^\S\r\n]/.test(str);
      }
      /**
       * Format the "item", which consists of a term and description. Pad the term and wrap the description, indenting the following lines.
       *
       * So "TTT", 5, "DDD DDDD DD DDD" might be formatted for this.helpWidth=17 like so:
       *   TTT  DDD DDDD
       *        DD DDD
       *
       * @param {string} term
       * @param {number} termWidth
       * @param {string} description
       * @param {Help} helper
       * @returns {string}
       */
      formatItem(term, termWidth, description, helper) {
        const itemIndent = 2;
        const itemIndentStr = " ".repeat(itemIndent);
        if (!description) return itemIndentStr + term;
        const paddedTerm = term.padEnd(
          termWidth + term.length - helper.displayWidth(term)
        );
        const spacerWidth = 2;
        const helpWidth = this.helpWidth ?? 80;
        const remainingWidth = helpWidth - termWidth - spacerWidth - itemIndent;
        let formattedDescription;
        if (remainingWidth < this.minWidthToWrap || helper.preformatted(description)) {
          formattedDescription = description;
        } else {
          const wrappedDescription = helper.boxWrap(description, remainingWidth);
          formattedDescription = wrappedDescription.replace(
            /\n/g,
            "\n" + " ".repeat(termWidth + spacerWidth)
          );
        }
        return itemIndentStr + paddedTerm + " ".repeat(spacerWidth) + formattedDescription.replace(/\n/g, `
${itemIndentStr}`);
      }
      /**
       * Wrap a string at whitespace, preserving existing line breaks.
       * Wrapping is skipped if the width is less than `minWidthToWrap`.
       *
       * @param {string} str
       * @param {number} width
       * @returns {string}
       */
      boxWrap(str, width) {
        if (width < this.minWidthToWrap) return str;
        const rawLines = str.split(/\r\n|\n/);
        const chunkPattern = /[\s]*[^\s]+/g;
        const wrappedLines = [];
        rawLines.forEach((line) => {
          const chunks = line.match(chunkPattern);
          if (chunks === null) {
            wrappedLines.push("");
            return;
          }
          let sumChunks = [chunks.shift()];
          let sumWidth = this.displayWidth(sumChunks[0]);
          chunks.forEach((chunk) => {
            const visibleWidth = this.displayWidth(chunk);
            if (sumWidth + visibleWidth <= width) {
              sumChunks.push(chunk);
              sumWidth += visibleWidth;
              return;
            }
            wrappedLines.push(sumChunks.join(""));
            const nextChunk = chunk.trimStart();
            sumChunks = [nextChunk];
            sumWidth = this.displayWidth(nextChunk);
          });
          wrappedLines.push(sumChunks.join(""));
        });
        return wrappedLines.join("\n");
      }
    };
    function stripColor(str) {
      const sgrPattern = /\x1b\[\d*(;\d*)*m/g;
      return str.replace(sgrPattern, "");
    }
    exports2.Help = Help2;
    exports2.stripColor = stripColor;
  }
});

// node_modules/commander/lib/option.js
var require_option = __commonJS({
  "node_modules/commander/lib/option.js"(exports2) {
    var { InvalidArgumentError: InvalidArgumentError2 } = require_error();
    var Option2 = class {
      /**
       * Initialize a new `Option` with the given `flags` and `description`.
       *
       * @param {string} flags
       * @param {string} [description]
       */
      constructor(flags, description) {
        this.flags = flags;
        this.description = description || "";
        this.required = flags.includes("<");
        this.optional = flags.includes("[");
        this.variadic = /\w\.\.\.[>\]]$/.test(flags);
        this.mandatory = false;
        const optionFlags = splitOptionFlags(flags);
        this.short = optionFlags.shortFlag;
        this.long = optionFlags.longFlag;
        this.negate = false;
        if (this.long) {
          this.negate = this.long.startsWith("--no-");
        }
        this.defaultValue = void 0;
        this.defaultValueDescription = void 0;
        this.presetArg = void 0;
        this.envVar = void 0;
        this.parseArg = void 0;
        this.hidden = false;
        this.argChoices = void 0;
        this.conflictsWith = [];
        this.implied = void 0;
        this.helpGroupHeading = void 0;
      }
      /**
       * Set the default value, and optionally supply the description to be displayed in the help.
       *
       * @param {*} value
       * @param {string} [description]
       * @return {Option}
       */
      default(value, description) {
        this.defaultValue = value;
        this.defaultValueDescription = description;
        return this;
      }
      /**
       * Preset to use when option used without option-argument, especially optional but also boolean and negated.
       * The custom processing (parseArg) is called.
       *
       * @example
       * new Option('--color').default('GREYSCALE').preset('RGB');
       * new Option('--donate [amount]').preset('20').argParser(parseFloat);
       *
       * @param {*} arg
       * @return {Option}
       */
      preset(arg) {
        this.presetArg = arg;
        return this;
      }
      /**
       * Add option name(s) that conflict with this option.
       * An error will be displayed if conflicting options are found during parsing.
       *
       * @example
       * new Option('--rgb').conflicts('cmyk');
       * new Option('--js').conflicts(['ts', 'jsx']);
       *
       * @param {(string | string[])} names
       * @return {Option}
       */
      conflicts(names) {
        this.conflictsWith = this.conflictsWith.concat(names);
        return this;
      }
      /**
       * Specify implied option values for when this option is set and the implied options are not.
       *
       * The custom processing (parseArg) is not called on the implied values.
       *
       * @example
       * program
       *   .addOption(new Option('--log', 'write logging information to file'))
       *   .addOption(new Option('--trace', 'log extra details').implies({ log: 'trace.txt' }));
       *
       * @param {object} impliedOptionValues
       * @return {Option}
       */
      implies(impliedOptionValues) {
        let newImplied = impliedOptionValues;
        if (typeof impliedOptionValues === "string") {
          newImplied = { [impliedOptionValues]: true };
        }
        this.implied = Object.assign(this.implied || {}, newImplied);
        return this;
      }
      /**
       * Set environment variable to check for option value.
       *
       * An environment variable is only used if when processed the current option value is
       * undefined, or the source of the current value is 'default' or 'config' or 'env'.
       *
       * @param {string} name
       * @return {Option}
       */
      env(name) {
        this.envVar = name;
        return this;
      }
      /**
       * Set the custom handler for processing CLI option arguments into option values.
       *
       * @param {Function} [fn]
       * @return {Option}
       */
      argParser(fn) {
        this.parseArg = fn;
        return this;
      }
      /**
       * Whether the option is mandatory and must have a value after parsing.
       *
       * @param {boolean} [mandatory=true]
       * @return {Option}
       */
      makeOptionMandatory(mandatory = true) {
        this.mandatory = !!mandatory;
        return this;
      }
      /**
       * Hide option in help.
       *
       * @param {boolean} [hide=true]
       * @return {Option}
       */
      hideHelp(hide = true) {
        this.hidden = !!hide;
        return this;
      }
      /**
       * @package
       */
      _collectValue(value, previous) {
        if (previous === this.defaultValue || !Array.isArray(previous)) {
          return [value];
        }
        previous.push(value);
        return previous;
      }
      /**
       * Only allow option value to be one of choices.
       *
       * @param {string[]} values
       * @return {Option}
       */
      choices(values) {
        this.argChoices = values.slice();
        this.parseArg = (arg, previous) => {
          if (!this.argChoices.includes(arg)) {
            throw new InvalidArgumentError2(
              `Allowed choices are ${this.argChoices.join(", ")}.`
            );
          }
          if (this.variadic) {
            return this._collectValue(arg, previous);
          }
          return arg;
        };
        return this;
      }
      /**
       * Return option name.
       *
       * @return {string}
       */
      name() {
        if (this.long) {
          return this.long.replace(/^--/, "");
        }
        return this.short.replace(/^-/, "");
      }
      /**
       * Return option name, in a camelcase format that can be used
       * as an object attribute key.
       *
       * @return {string}
       */
      attributeName() {
        if (this.negate) {
          return camelcase(this.name().replace(/^no-/, ""));
        }
        return camelcase(this.name());
      }
      /**
       * Set the help group heading.
       *
       * @param {string} heading
       * @return {Option}
       */
      helpGroup(heading) {
        this.helpGroupHeading = heading;
        return this;
      }
      /**
       * Check if `arg` matches the short or long flag.
       *
       * @param {string} arg
       * @return {boolean}
       * @package
       */
      is(arg) {
        return this.short === arg || this.long === arg;
      }
      /**
       * Return whether a boolean option.
       *
       * Options are one of boolean, negated, required argument, or optional argument.
       *
       * @return {boolean}
       * @package
       */
      isBoolean() {
        return !this.required && !this.optional && !this.negate;
      }
    };
    var DualOptions = class {
      /**
       * @param {Option[]} options
       */
      constructor(options) {
        this.positiveOptions = /* @__PURE__ */ new Map();
        this.negativeOptions = /* @__PURE__ */ new Map();
        this.dualOptions = /* @__PURE__ */ new Set();
        options.forEach((option) => {
          if (option.negate) {
            this.negativeOptions.set(option.attributeName(), option);
          } else {
            this.positiveOptions.set(option.attributeName(), option);
          }
        });
        this.negativeOptions.forEach((value, key) => {
          if (this.positiveOptions.has(key)) {
            this.dualOptions.add(key);
          }
        });
      }
      /**
       * Did the value come from the option, and not from possible matching dual option?
       *
       * @param {*} value
       * @param {Option} option
       * @returns {boolean}
       */
      valueFromOption(value, option) {
        const optionKey = option.attributeName();
        if (!this.dualOptions.has(optionKey)) return true;
        const preset = this.negativeOptions.get(optionKey).presetArg;
        const negativeValue = preset !== void 0 ? preset : false;
        return option.negate === (negativeValue === value);
      }
    };
    function camelcase(str) {
      return str.split("-").reduce((str2, word) => {
        return str2 + word[0].toUpperCase() + word.slice(1);
      });
    }
    function splitOptionFlags(flags) {
      let shortFlag;
      let longFlag;
      const shortFlagExp = /^-[^-]$/;
      const longFlagExp = /^--[^-]/;
      const flagParts = flags.split(/[ |,]+/).concat("guard");
      if (shortFlagExp.test(flagParts[0])) shortFlag = flagParts.shift();
      if (longFlagExp.test(flagParts[0])) longFlag = flagParts.shift();
      if (!shortFlag && shortFlagExp.test(flagParts[0]))
        shortFlag = flagParts.shift();
      if (!shortFlag && longFlagExp.test(flagParts[0])) {
        shortFlag = longFlag;
        longFlag = flagParts.shift();
      }
      if (flagParts[0].startsWith("-")) {
        const unsupportedFlag = flagParts[0];
        const baseError = `option creation failed due to '${unsupportedFlag}' in option flags '${flags}'`;
        if (/^-[^-][^-]/.test(unsupportedFlag))
          throw new Error(
            `${baseError}
- a short flag is a single dash and a single character
  - either use a single dash and a single character (for a short flag)
  - or use a double dash for a long option (and can have two, like '--ws, --workspace')`
          );
        if (shortFlagExp.test(unsupportedFlag))
          throw new Error(`${baseError}
- too many short flags`);
        if (longFlagExp.test(unsupportedFlag))
          throw new Error(`${baseError}
- too many long flags`);
        throw new Error(`${baseError}
- unrecognised flag format`);
      }
      if (shortFlag === void 0 && longFlag === void 0)
        throw new Error(
          `option creation failed due to no flags found in '${flags}'.`
        );
      return { shortFlag, longFlag };
    }
    exports2.Option = Option2;
    exports2.DualOptions = DualOptions;
  }
});

// node_modules/commander/lib/suggestSimilar.js
var require_suggestSimilar = __commonJS({
  "node_modules/commander/lib/suggestSimilar.js"(exports2) {
    var maxDistance = 3;
    function editDistance(a, b) {
      if (Math.abs(a.length - b.length) > maxDistance)
        return Math.max(a.length, b.length);
      const d = [];
      for (let i = 0; i <= a.length; i++) {
        d[i] = [i];
      }
      for (let j = 0; j <= b.length; j++) {
        d[0][j] = j;
      }
      for (let j = 1; j <= b.length; j++) {
        for (let i = 1; i <= a.length; i++) {
          let cost = 1;
          if (a[i - 1] === b[j - 1]) {
            cost = 0;
          } else {
            cost = 1;
          }
          d[i][j] = Math.min(
            d[i - 1][j] + 1,
            // deletion
            d[i][j - 1] + 1,
            // insertion
            d[i - 1][j - 1] + cost
            // substitution
          );
          if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) {
            d[i][j] = Math.min(d[i][j], d[i - 2][j - 2] + 1);
          }
        }
      }
      return d[a.length][b.length];
    }
    function suggestSimilar(word, candidates) {
      if (!candidates || candidates.length === 0) return "";
      candidates = Array.from(new Set(candidates));
      const searchingOptions = word.startsWith("--");
      if (searchingOptions) {
        word = word.slice(2);
        candidates = candidates.map((candidate) => candidate.slice(2));
      }
      let similar = [];
      let bestDistance = maxDistance;
      const minSimilarity = 0.4;
      candidates.forEach((candidate) => {
        if (candidate.length <= 1) return;
        const distance = editDistance(word, candidate);
        const length = Math.max(word.length, candidate.length);
        const similarity = (length - distance) / length;
        if (similarity > minSimilarity) {
          if (distance < bestDistance) {
            bestDistance = distance;
            similar = [candidate];
          } else if (distance === bestDistance) {
            similar.push(candidate);
          }
        }
      });
      similar.sort((a, b) => a.localeCompare(b));
      if (searchingOptions) {
        similar = similar.map((candidate) => `--${candidate}`);
      }
      if (similar.length > 1) {
        return `
(Did you mean one of ${similar.join(", ")}?)`;
      }
      if (similar.length === 1) {
        return `
(Did you mean ${similar[0]}?)`;
      }
      return "";
    }
    exports2.suggestSimilar = suggestSimilar;
  }
});

// node_modules/commander/lib/command.js
var require_command = __commonJS({
  "node_modules/commander/lib/command.js"(exports2) {
    var EventEmitter = require("node:events").EventEmitter;
    var childProcess = require("node:child_process");
    var path = require("node:path");
    var fs = require("node:fs");
    var process2 = require("node:process");
    var { Argument: Argument2, humanReadableArgName } = require_argument();
    var { CommanderError: CommanderError2 } = require_error();
    var { Help: Help2, stripColor } = require_help();
    var { Option: Option2, DualOptions } = require_option();
    var { suggestSimilar } = require_suggestSimilar();
    var Command2 = class _Command extends EventEmitter {
      /**
       * Initialize a new `Command`.
       *
       * @param {string} [name]
       */
      constructor(name) {
        super();
        this.commands = [];
        this.options = [];
        this.parent = null;
        this._allowUnknownOption = false;
        this._allowExcessArguments = false;
        this.registeredArguments = [];
        this._args = this.registeredArguments;
        this.args = [];
        this.rawArgs = [];
        this.processedArgs = [];
        this._scriptPath = null;
        this._name = name || "";
        this._optionValues = {};
        this._optionValueSources = {};
        this._storeOptionsAsProperties = false;
        this._actionHandler = null;
        this._executableHandler = false;
        this._executableFile = null;
        this._executableDir = null;
        this._defaultCommandName = null;
        this._exitCallback = null;
        this._aliases = [];
        this._combineFlagAndOptionalValue = true;
        this._description = "";
        this._summary = "";
        this._argsDescription = void 0;
        this._enablePositionalOptions = false;
        this._passThroughOptions = false;
        this._lifeCycleHooks = {};
        this._showHelpAfterError = false;
        this._showSuggestionAfterError = true;
        this._savedState = null;
        this._outputConfiguration = {
          writeOut: (str) => process2.stdout.write(str),
          writeErr: (str) => process2.stderr.write(str),
          outputError: (str, write) => write(str),
          getOutHelpWidth: () => process2.stdout.isTTY ? process2.stdout.columns : void 0,
          getErrHelpWidth: () => process2.stderr.isTTY ? process2.stderr.columns : void 0,
          getOutHasColors: () => useColor() ?? (process2.stdout.isTTY && process2.stdout.hasColors?.()),
          getErrHasColors: () => useColor() ?? (process2.stderr.isTTY && process2.stderr.hasColors?.()),
          stripColor: (str) => stripColor(str)
        };
        this._hidden = false;
        this._helpOption = void 0;
        this._addImplicitHelpCommand = void 0;
        this._helpCommand = void 0;
        this._helpConfiguration = {};
        this._helpGroupHeading = void 0;
        this._defaultCommandGroup = void 0;
        this._defaultOptionGroup = void 0;
      }
      /**
       * Copy settings that are useful to have in common across root command and subcommands.
       *
       * (Used internally when adding a command using `.command()` so subcommands inherit parent settings.)
       *
       * @param {Command} sourceCommand
       * @return {Command} `this` command for chaining
       */
      copyInheritedSettings(sourceCommand) {
        this._outputConfiguration = sourceCommand._outputConfiguration;
        this._helpOption = sourceCommand._helpOption;
        this._helpCommand = sourceCommand._helpCommand;
        this._helpConfiguration = sourceCommand._helpConfiguration;
        this._exitCallback = sourceCommand._exitCallback;
        this._storeOptionsAsProperties = sourceCommand._storeOptionsAsProperties;
        this._combineFlagAndOptionalValue = sourceCommand._combineFlagAndOptionalValue;
        this._allowExcessArguments = sourceCommand._allowExcessArguments;
        this._enablePositionalOptions = sourceCommand._enablePositionalOptions;
        this._showHelpAfterError = sourceCommand._showHelpAfterError;
        this._showSuggestionAfterError = sourceCommand._showSuggestionAfterError;
        return this;
      }
      /**
       * @returns {Command[]}
       * @private
       */
      _getCommandAndAncestors() {
        const result = [];
        for (let command = this; command; command = command.parent) {
          result.push(command);
        }
        return result;
      }
      /**
       * Define a command.
       *
       * There are two styles of command: pay attention to where to put the description.
       *
       * @example
       * // Command implemented using action handler (description is supplied separately to `.command`)
       * program
       *   .command('clone <source> [destination]')
       *   .description('clone a repository into a newly created directory')
       *   .action((source, destination) => {
       *     console.log('clone command called');
       *   });
       *
       * // Command implemented using separate executable file (description is second parameter to `.command`)
       * program
       *   .command('start <service>', 'start named service')
       *   .command('stop [service]', 'stop named service, or all if no name supplied');
       *
       * @param {string} nameAndArgs - command name and arguments, args are `<required>` or `[optional]` and last may also be `variadic...`
       * @param {(object | string)} [actionOptsOrExecDesc] - configuration options (for action), or description (for executable)
       * @param {object} [execOpts] - configuration options (for executable)
       * @return {Command} returns new command for action handler, or `this` for executable command
       */
      command(nameAndArgs, actionOptsOrExecDesc, execOpts) {
        let desc = actionOptsOrExecDesc;
        let opts = execOpts;
        if (typeof desc === "object" && desc !== null) {
          opts = desc;
          desc = null;
        }
        opts = opts || {};
        const [, name, args] = nameAndArgs.match(/([^ ]+) *(.*)/);
        const cmd = this.createCommand(name);
        if (desc) {
          cmd.description(desc);
          cmd._executableHandler = true;
        }
        if (opts.isDefault) this._defaultCommandName = cmd._name;
        cmd._hidden = !!(opts.noHelp || opts.hidden);
        cmd._executableFile = opts.executableFile || null;
        if (args) cmd.arguments(args);
        this._registerCommand(cmd);
        cmd.parent = this;
        cmd.copyInheritedSettings(this);
        if (desc) return this;
        return cmd;
      }
      /**
       * Factory routine to create a new unattached command.
       *
       * See .command() for creating an attached subcommand, which uses this routine to
       * create the command. You can override createCommand to customise subcommands.
       *
       * @param {string} [name]
       * @return {Command} new command
       */
      createCommand(name) {
        return new _Command(name);
      }
      /**
       * You can customise the help with a subclass of Help by overriding createHelp,
       * or by overriding Help properties using configureHelp().
       *
       * @return {Help}
       */
      createHelp() {
        return Object.assign(new Help2(), this.configureHelp());
      }
      /**
       * You can customise the help by overriding Help properties using configureHelp(),
       * or with a subclass of Help by overriding createHelp().
       *
       * @param {object} [configuration] - configuration options
       * @return {(Command | object)} `this` command for chaining, or stored configuration
       */
      configureHelp(configuration) {
        if (configuration === void 0) return this._helpConfiguration;
        this._helpConfiguration = configuration;
        return this;
      }
      /**
       * The default output goes to stdout and stderr. You can customise this for special
       * applications. You can also customise the display of errors by overriding outputError.
       *
       * The configuration properties are all functions:
       *
       *     // change how output being written, defaults to stdout and stderr
       *     writeOut(str)
       *     writeErr(str)
       *     // change how output being written for errors, defaults to writeErr
       *     outputError(str, write) // used for displaying errors and not used for displaying help
       *     // specify width for wrapping help
       *     getOutHelpWidth()
       *     getErrHelpWidth()
       *     // color support, currently only used with Help
       *     getOutHasColors()
       *     getErrHasColors()
       *     stripColor() // used to remove ANSI escape codes if output does not have colors
       *
       * @param {object} [configuration] - configuration options
       * @return {(Command | object)} `this` command for chaining, or stored configuration
       */
      configureOutput(configuration) {
        if (configuration === void 0) return this._outputConfiguration;
        this._outputConfiguration = {
          ...this._outputConfiguration,
          ...configuration
        };
        return this;
      }
      /**
       * Display the help or a custom message after an error occurs.
       *
       * @param {(boolean|string)} [displayHelp]
       * @return {Command} `this` command for chaining
       */
      showHelpAfterError(displayHelp = true) {
        if (typeof displayHelp !== "string") displayHelp = !!displayHelp;
        this._showHelpAfterError = displayHelp;
        return this;
      }
      /**
       * Display suggestion of similar commands for unknown commands, or options for unknown options.
       *
       * @param {boolean} [displaySuggestion]
       * @return {Command} `this` command for chaining
       */
      showSuggestionAfterError(displaySuggestion = true) {
        this._showSuggestionAfterError = !!displaySuggestion;
        return this;
      }
      /**
       * Add a prepared subcommand.
       *
       * See .command() for creating an attached subcommand which inherits settings from its parent.
       *
       * @param {Command} cmd - new subcommand
       * @param {object} [opts] - configuration options
       * @return {Command} `this` command for chaining
       */
      addCommand(cmd, opts) {
        if (!cmd._name) {
          throw new Error(`Command passed to .addCommand() must have a name
- specify the name in Command constructor or using .name()`);
        }
        opts = opts || {};
        if (opts.isDefault) this._defaultCommandName = cmd._name;
        if (opts.noHelp || opts.hidden) cmd._hidden = true;
        this._registerCommand(cmd);
        cmd.parent = this;
        cmd._checkForBrokenPassThrough();
        return this;
      }
      /**
       * Factory routine to create a new unattached argument.
       *
       * See .argument() for creating an attached argument, which uses this routine to
       * create the argument. You can override createArgument to return a custom argument.
       *
       * @param {string} name
       * @param {string} [description]
       * @return {Argument} new argument
       */
      createArgument(name, description) {
        return new Argument2(name, description);
      }
      /**
       * Define argument syntax for command.
       *
       * The default is that the argument is required, and you can explicitly
       * indicate this with <> around the name. Put [] around the name for an optional argument.
       *
       * @example
       * program.argument('<input-file>');
       * program.argument('[output-file]');
       *
       * @param {string} name
       * @param {string} [description]
       * @param {(Function|*)} [parseArg] - custom argument processing function or default value
       * @param {*} [defaultValue]
       * @return {Command} `this` command for chaining
       */
      argument(name, description, parseArg, defaultValue) {
        const argument = this.createArgument(name, description);
        if (typeof parseArg === "function") {
          argument.default(defaultValue).argParser(parseArg);
        } else {
          argument.default(parseArg);
        }
        this.addArgument(argument);
        return this;
      }
      /**
       * Define argument syntax for command, adding multiple at once (without descriptions).
       *
       * See also .argument().
       *
       * @example
       * program.arguments('<cmd> [env]');
       *
       * @param {string} names
       * @return {Command} `this` command for chaining
       */
      arguments(names) {
        names.trim().split(/ +/).forEach((detail) => {
          this.argument(detail);
        });
        return this;
      }
      /**
       * Define argument syntax for command, adding a prepared argument.
       *
       * @param {Argument} argument
       * @return {Command} `this` command for chaining
       */
      addArgument(argument) {
        const previousArgument = this.registeredArguments.slice(-1)[0];
        if (previousArgument?.variadic) {
          throw new Error(
            `only the last argument can be variadic '${previousArgument.name()}'`
          );
        }
        if (argument.required && argument.defaultValue !== void 0 && argument.parseArg === void 0) {
          throw new Error(
            `a default value for a required argument is never used: '${argument.name()}'`
          );
        }
        this.registeredArguments.push(argument);
        return this;
      }
      /**
       * Customise or override default help command. By default a help command is automatically added if your command has subcommands.
       *
       * @example
       *    program.helpCommand('help [cmd]');
       *    program.helpCommand('help [cmd]', 'show help');
       *    program.helpCommand(false); // suppress default help command
       *    program.helpCommand(true); // add help command even if no subcommands
       *
       * @param {string|boolean} enableOrNameAndArgs - enable with custom name and/or arguments, or boolean to override whether added
       * @param {string} [description] - custom description
       * @return {Command} `this` command for chaining
       */
      helpCommand(enableOrNameAndArgs, description) {
        if (typeof enableOrNameAndArgs === "boolean") {
          this._addImplicitHelpCommand = enableOrNameAndArgs;
          if (enableOrNameAndArgs && this._defaultCommandGroup) {
            this._initCommandGroup(this._getHelpCommand());
          }
          return this;
        }
        const nameAndArgs = enableOrNameAndArgs ?? "help [command]";
        const [, helpName, helpArgs] = nameAndArgs.match(/([^ ]+) *(.*)/);
        const helpDescription = description ?? "display help for command";
        const helpCommand = this.createCommand(helpName);
        helpCommand.helpOption(false);
        if (helpArgs) helpCommand.arguments(helpArgs);
        if (helpDescription) helpCommand.description(helpDescription);
        this._addImplicitHelpCommand = true;
        this._helpCommand = helpCommand;
        if (enableOrNameAndArgs || description) this._initCommandGroup(helpCommand);
        return this;
      }
      /**
       * Add prepared custom help command.
       *
       * @param {(Command|string|boolean)} helpCommand - custom help command, or deprecated enableOrNameAndArgs as for `.helpCommand()`
       * @param {string} [deprecatedDescription] - deprecated custom description used with custom name only
       * @return {Command} `this` command for chaining
       */
      addHelpCommand(helpCommand, deprecatedDescription) {
        if (typeof helpCommand !== "object") {
          this.helpCommand(helpCommand, deprecatedDescription);
          return this;
        }
        this._addImplicitHelpCommand = true;
        this._helpCommand = helpCommand;
        this._initCommandGroup(helpCommand);
        return this;
      }
      /**
       * Lazy create help command.
       *
       * @return {(Command|null)}
       * @package
       */
      _getHelpCommand() {
        const hasImplicitHelpCommand = this._addImplicitHelpCommand ?? (this.commands.length && !this._actionHandler && !this._findCommand("help"));
        if (hasImplicitHelpCommand) {
          if (this._helpCommand === void 0) {
            this.helpCommand(void 0, void 0);
          }
          return this._helpCommand;
        }
        return null;
      }
      /**
       * Add hook for life cycle event.
       *
       * @param {string} event
       * @param {Function} listener
       * @return {Command} `this` command for chaining
       */
      hook(event, listener) {
        const allowedValues = ["preSubcommand", "preAction", "postAction"];
        if (!allowedValues.includes(event)) {
          throw new Error(`Unexpected value for event passed to hook : '${event}'.
Expecting one of '${allowedValues.join("', '")}'`);
        }
        if (this._lifeCycleHooks[event]) {
          this._lifeCycleHooks[event].push(listener);
        } else {
          this._lifeCycleHooks[event] = [listener];
        }
        return this;
      }
      /**
       * Register callback to use as replacement for calling process.exit.
       *
       * @param {Function} [fn] optional callback which will be passed a CommanderError, defaults to throwing
       * @return {Command} `this` command for chaining
       */
      exitOverride(fn) {
        if (fn) {
          this._exitCallback = fn;
        } else {
          this._exitCallback = (err) => {
            if (err.code !== "commander.executeSubCommandAsync") {
              throw err;
            } else {
            }
          };
        }
        return this;
      }
      /**
       * Call process.exit, and _exitCallback if defined.
       *
       * @param {number} exitCode exit code for using with process.exit
       * @param {string} code an id string representing the error
       * @param {string} message human-readable description of the error
       * @return never
       * @private
       */
      _exit(exitCode, code, message) {
        if (this._exitCallback) {
          this._exitCallback(new CommanderError2(exitCode, code, message));
        }
        process2.exit(exitCode);
      }
      /**
       * Register callback `fn` for the command.
       *
       * @example
       * program
       *   .command('serve')
       *   .description('start service')
       *   .action(function() {
       *      // do work here
       *   });
       *
       * @param {Function} fn
       * @return {Command} `this` command for chaining
       */
      action(fn) {
        const listener = (args) => {
          const expectedArgsCount = this.registeredArguments.length;
          const actionArgs = args.slice(0, expectedArgsCount);
          if (this._storeOptionsAsProperties) {
            actionArgs[expectedArgsCount] = this;
          } else {
            actionArgs[expectedArgsCount] = this.opts();
          }
          actionArgs.push(this);
          return fn.apply(this, actionArgs);
        };
        this._actionHandler = listener;
        return this;
      }
      /**
       * Factory routine to create a new unattached option.
       *
       * See .option() for creating an attached option, which uses this routine to
       * create the option. You can override createOption to return a custom option.
       *
       * @param {string} flags
       * @param {string} [description]
       * @return {Option} new option
       */
      createOption(flags, description) {
        return new Option2(flags, description);
      }
      /**
       * Wrap parseArgs to catch 'commander.invalidArgument'.
       *
       * @param {(Option | Argument)} target
       * @param {string} value
       * @param {*} previous
       * @param {string} invalidArgumentMessage
       * @private
       */
      _callParseArg(target, value, previous, invalidArgumentMessage) {
        try {
          return target.parseArg(value, previous);
        } catch (err) {
          if (err.code === "commander.invalidArgument") {
            const message = `${invalidArgumentMessage} ${err.message}`;
            this.error(message, { exitCode: err.exitCode, code: err.code });
          }
          throw err;
        }
      }
      /**
       * Check for option flag conflicts.
       * Register option if no conflicts found, or throw on conflict.
       *
       * @param {Option} option
       * @private
       */
      _registerOption(option) {
        const matchingOption = option.short && this._findOption(option.short) || option.long && this._findOption(option.long);
        if (matchingOption) {
          const matchingFlag = option.long && this._findOption(option.long) ? option.long : option.short;
          throw new Error(`Cannot add option '${option.flags}'${this._name && ` to command '${this._name}'`} due to conflicting flag '${matchingFlag}'
-  already used by option '${matchingOption.flags}'`);
        }
        this._initOptionGroup(option);
        this.options.push(option);
      }
      /**
       * Check for command name and alias conflicts with existing commands.
       * Register command if no conflicts found, or throw on conflict.
       *
       * @param {Command} command
       * @private
       */
      _registerCommand(command) {
        const knownBy = (cmd) => {
          return [cmd.name()].concat(cmd.aliases());
        };
        const alreadyUsed = knownBy(command).find(
          (name) => this._findCommand(name)
        );
        if (alreadyUsed) {
          const existingCmd = knownBy(this._findCommand(alreadyUsed)).join("|");
          const newCmd = knownBy(command).join("|");
          throw new Error(
            `cannot add command '${newCmd}' as already have command '${existingCmd}'`
          );
        }
        this._initCommandGroup(command);
        this.commands.push(command);
      }
      /**
       * Add an option.
       *
       * @param {Option} option
       * @return {Command} `this` command for chaining
       */
      addOption(option) {
        this._registerOption(option);
        const oname = option.name();
        const name = option.attributeName();
        if (option.negate) {
          const positiveLongFlag = option.long.replace(/^--no-/, "--");
          if (!this._findOption(positiveLongFlag)) {
            this.setOptionValueWithSource(
              name,
              option.defaultValue === void 0 ? true : option.defaultValue,
              "default"
            );
          }
        } else if (option.defaultValue !== void 0) {
          this.setOptionValueWithSource(name, option.defaultValue, "default");
        }
        const handleOptionValue = (val, invalidValueMessage, valueSource) => {
          if (val == null && option.presetArg !== void 0) {
            val = option.presetArg;
          }
          const oldValue = this.getOptionValue(name);
          if (val !== null && option.parseArg) {
            val = this._callParseArg(option, val, oldValue, invalidValueMessage);
          } else if (val !== null && option.variadic) {
            val = option._collectValue(val, oldValue);
          }
          if (val == null) {
            if (option.negate) {
              val = false;
            } else if (option.isBoolean() || option.optional) {
              val = true;
            } else {
              val = "";
            }
          }
          this.setOptionValueWithSource(name, val, valueSource);
        };
        this.on("option:" + oname, (val) => {
          const invalidValueMessage = `error: option '${option.flags}' argument '${val}' is invalid.`;
          handleOptionValue(val, invalidValueMessage, "cli");
        });
        if (option.envVar) {
          this.on("optionEnv:" + oname, (val) => {
            const invalidValueMessage = `error: option '${option.flags}' value '${val}' from env '${option.envVar}' is invalid.`;
            handleOptionValue(val, invalidValueMessage, "env");
          });
        }
        return this;
      }
      /**
       * Internal implementation shared by .option() and .requiredOption()
       *
       * @return {Command} `this` command for chaining
       * @private
       */
      _optionEx(config, flags, description, fn, defaultValue) {
        if (typeof flags === "object" && flags instanceof Option2) {
          throw new Error(
            "To add an Option object use addOption() instead of option() or requiredOption()"
          );
        }
        const option = this.createOption(flags, description);
        option.makeOptionMandatory(!!config.mandatory);
        if (typeof fn === "function") {
          option.default(defaultValue).argParser(fn);
        } else if (fn instanceof RegExp) {
          const regex = fn;
          fn = (val, def) => {
            const m = regex.exec(val);
            return m ? m[0] : def;
          };
          option.default(defaultValue).argParser(fn);
        } else {
          option.default(fn);
        }
        return this.addOption(option);
      }
      /**
       * Define option with `flags`, `description`, and optional argument parsing function or `defaultValue` or both.
       *
       * The `flags` string contains the short and/or long flags, separated by comma, a pipe or space. A required
       * option-argument is indicated by `<>` and an optional option-argument by `[]`.
       *
       * See the README for more details, and see also addOption() and requiredOption().
       *
       * @example
       * program
       *     .option('-p, --pepper', 'add pepper')
       *     .option('--pt, --pizza-type <TYPE>', 'type of pizza') // required option-argument
       *     .option('-c, --cheese [CHEESE]', 'add extra cheese', 'mozzarella') // optional option-argument with default
       *     .option('-t, --tip <VALUE>', 'add tip to purchase cost', parseFloat) // custom parse function
       *
       * @param {string} flags
       * @param {string} [description]
       * @param {(Function|*)} [parseArg] - custom option processing function or default value
       * @param {*} [defaultValue]
       * @return {Command} `this` command for chaining
       */
      option(flags, description, parseArg, defaultValue) {
        return this._optionEx({}, flags, description, parseArg, defaultValue);
      }
      /**
       * Add a required option which must have a value after parsing. This usually means
       * the option must be specified on the command line. (Otherwise the same as .option().)
       *
       * The `flags` string contains the short and/or long flags, separated by comma, a pipe or space.
       *
       * @param {string} flags
       * @param {string} [description]
       * @param {(Function|*)} [parseArg] - custom option processing function or default value
       * @param {*} [defaultValue]
       * @return {Command} `this` command for chaining
       */
      requiredOption(flags, description, parseArg, defaultValue) {
        return this._optionEx(
          { mandatory: true },
          flags,
          description,
          parseArg,
          defaultValue
        );
      }
      /**
       * Alter parsing of short flags with optional values.
       *
       * @example
       * // for `.option('-f,--flag [value]'):
       * program.combineFlagAndOptionalValue(true);  // `-f80` is treated like `--flag=80`, this is the default behaviour
       * program.combineFlagAndOptionalValue(false) // `-fb` is treated like `-f -b`
       *
       * @param {boolean} [combine] - if `true` or omitted, an optional value can be specified directly after the flag.
       * @return {Command} `this` command for chaining
       */
      combineFlagAndOptionalValue(combine = true) {
        this._combineFlagAndOptionalValue = !!combine;
        return this;
      }
      /**
       * Allow unknown options on the command line.
       *
       * @param {boolean} [allowUnknown] - if `true` or omitted, no error will be thrown for unknown options.
       * @return {Command} `this` command for chaining
       */
      allowUnknownOption(allowUnknown = true) {
        this._allowUnknownOption = !!allowUnknown;
        return this;
      }
      /**
       * Allow excess command-arguments on the command line. Pass false to make excess arguments an error.
       *
       * @param {boolean} [allowExcess] - if `true` or omitted, no error will be thrown for excess arguments.
       * @return {Command} `this` command for chaining
       */
      allowExcessArguments(allowExcess = true) {
        this._allowExcessArguments = !!allowExcess;
        return this;
      }
      /**
       * Enable positional options. Positional means global options are specified before subcommands which lets
       * subcommands reuse the same option names, and also enables subcommands to turn on passThroughOptions.
       * The default behaviour is non-positional and global options may appear anywhere on the command line.
       *
       * @param {boolean} [positional]
       * @return {Command} `this` command for chaining
       */
      enablePositionalOptions(positional = true) {
        this._enablePositionalOptions = !!positional;
        return this;
      }
      /**
       * Pass through options that come after command-arguments rather than treat them as command-options,
       * so actual command-options come before command-arguments. Turning this on for a subcommand requires
       * positional options to have been enabled on the program (parent commands).
       * The default behaviour is non-positional and options may appear before or after command-arguments.
       *
       * @param {boolean} [passThrough] for unknown options.
       * @return {Command} `this` command for chaining
       */
      passThroughOptions(passThrough = true) {
        this._passThroughOptions = !!passThrough;
        this._checkForBrokenPassThrough();
        return this;
      }
      /**
       * @private
       */
      _checkForBrokenPassThrough() {
        if (this.parent && this._passThroughOptions && !this.parent._enablePositionalOptions) {
          throw new Error(
            `passThroughOptions cannot be used for '${this._name}' without turning on enablePositionalOptions for parent command(s)`
          );
        }
      }
      /**
       * Whether to store option values as properties on command object,
       * or store separately (specify false). In both cases the option values can be accessed using .opts().
       *
       * @param {boolean} [storeAsProperties=true]
       * @return {Command} `this` command for chaining
       */
      storeOptionsAsProperties(storeAsProperties = true) {
        if (this.options.length) {
          throw new Error("call .storeOptionsAsProperties() before adding options");
        }
        if (Object.keys(this._optionValues).length) {
          throw new Error(
            "call .storeOptionsAsProperties() before setting option values"
          );
        }
        this._storeOptionsAsProperties = !!storeAsProperties;
        return this;
      }
      /**
       * Retrieve option value.
       *
       * @param {string} key
       * @return {object} value
       */
      getOptionValue(key) {
        if (this._storeOptionsAsProperties) {
          return this[key];
        }
        return this._optionValues[key];
      }
      /**
       * Store option value.
       *
       * @param {string} key
       * @param {object} value
       * @return {Command} `this` command for chaining
       */
      setOptionValue(key, value) {
        return this.setOptionValueWithSource(key, value, void 0);
      }
      /**
       * Store option value and where the value came from.
       *
       * @param {string} key
       * @param {object} value
       * @param {string} source - expected values are default/config/env/cli/implied
       * @return {Command} `this` command for chaining
       */
      setOptionValueWithSource(key, value, source) {
        if (this._storeOptionsAsProperties) {
          this[key] = value;
        } else {
          this._optionValues[key] = value;
        }
        this._optionValueSources[key] = source;
        return this;
      }
      /**
       * Get source of option value.
       * Expected values are default | config | env | cli | implied
       *
       * @param {string} key
       * @return {string}
       */
      getOptionValueSource(key) {
        return this._optionValueSources[key];
      }
      /**
       * Get source of option value. See also .optsWithGlobals().
       * Expected values are default | config | env | cli | implied
       *
       * @param {string} key
       * @return {string}
       */
      getOptionValueSourceWithGlobals(key) {
        let source;
        this._getCommandAndAncestors().forEach((cmd) => {
          if (cmd.getOptionValueSource(key) !== void 0) {
            source = cmd.getOptionValueSource(key);
          }
        });
        return source;
      }
      /**
       * Get user arguments from implied or explicit arguments.
       * Side-effects: set _scriptPath if args included script. Used for default program name, and subcommand searches.
       *
       * @private
       */
      _prepareUserArgs(argv, parseOptions) {
        if (argv !== void 0 && !Array.isArray(argv)) {
          throw new Error("first parameter to parse must be array or undefined");
        }
        parseOptions = parseOptions || {};
        if (argv === void 0 && parseOptions.from === void 0) {
          if (process2.versions?.electron) {
            parseOptions.from = "electron";
          }
          const execArgv = process2.execArgv ?? [];
          if (execArgv.includes("-e") || execArgv.includes("--eval") || execArgv.includes("-p") || execArgv.includes("--print")) {
            parseOptions.from = "eval";
          }
        }
        if (argv === void 0) {
          argv = process2.argv;
        }
        this.rawArgs = argv.slice();
        let userArgs;
        switch (parseOptions.from) {
          case void 0:
          case "node":
            this._scriptPath = argv[1];
            userArgs = argv.slice(2);
            break;
          case "electron":
            if (process2.defaultApp) {
              this._scriptPath = argv[1];
              userArgs = argv.slice(2);
            } else {
              userArgs = argv.slice(1);
            }
            break;
          case "user":
            userArgs = argv.slice(0);
            break;
          case "eval":
            userArgs = argv.slice(1);
            break;
          default:
            throw new Error(
              `unexpected parse option { from: '${parseOptions.from}' }`
            );
        }
        if (!this._name && this._scriptPath)
          this.nameFromFilename(this._scriptPath);
        this._name = this._name || "program";
        return userArgs;
      }
      /**
       * Parse `argv`, setting options and invoking commands when defined.
       *
       * Use parseAsync instead of parse if any of your action handlers are async.
       *
       * Call with no parameters to parse `process.argv`. Detects Electron and special node options like `node --eval`. Easy mode!
       *
       * Or call with an array of strings to parse, and optionally where the user arguments start by specifying where the arguments are `from`:
       * - `'node'`: default, `argv[0]` is the application and `argv[1]` is the script being run, with user arguments after that
       * - `'electron'`: `argv[0]` is the application and `argv[1]` varies depending on whether the electron application is packaged
       * - `'user'`: just user arguments
       *
       * @example
       * program.parse(); // parse process.argv and auto-detect electron and special node flags
       * program.parse(process.argv); // assume argv[0] is app and argv[1] is script
       * program.parse(my-args, { from: 'user' }); // just user supplied arguments, nothing special about argv[0]
       *
       * @param {string[]} [argv] - optional, defaults to process.argv
       * @param {object} [parseOptions] - optionally specify style of options with from: node/user/electron
       * @param {string} [parseOptions.from] - where the args are from: 'node', 'user', 'electron'
       * @return {Command} `this` command for chaining
       */
      parse(argv, parseOptions) {
        this._prepareForParse();
        const userArgs = this._prepareUserArgs(argv, parseOptions);
        this._parseCommand([], userArgs);
        return this;
      }
      /**
       * Parse `argv`, setting options and invoking commands when defined.
       *
       * Call with no parameters to parse `process.argv`. Detects Electron and special node options like `node --eval`. Easy mode!
       *
       * Or call with an array of strings to parse, and optionally where the user arguments start by specifying where the arguments are `from`:
       * - `'node'`: default, `argv[0]` is the application and `argv[1]` is the script being run, with user arguments after that
       * - `'electron'`: `argv[0]` is the application and `argv[1]` varies depending on whether the electron application is packaged
       * - `'user'`: just user arguments
       *
       * @example
       * await program.parseAsync(); // parse process.argv and auto-detect electron and special node flags
       * await program.parseAsync(process.argv); // assume argv[0] is app and argv[1] is script
       * await program.parseAsync(my-args, { from: 'user' }); // just user supplied arguments, nothing special about argv[0]
       *
       * @param {string[]} [argv]
       * @param {object} [parseOptions]
       * @param {string} parseOptions.from - where the args are from: 'node', 'user', 'electron'
       * @return {Promise}
       */
      async parseAsync(argv, parseOptions) {
        this._prepareForParse();
        const userArgs = this._prepareUserArgs(argv, parseOptions);
        await this._parseCommand([], userArgs);
        return this;
      }
      _prepareForParse() {
        if (this._savedState === null) {
          this.saveStateBeforeParse();
        } else {
          this.restoreStateBeforeParse();
        }
      }
      /**
       * Called the first time parse is called to save state and allow a restore before subsequent calls to parse.
       * Not usually called directly, but available for subclasses to save their custom state.
       *
       * This is called in a lazy way. Only commands used in parsing chain will have state saved.
       */
      saveStateBeforeParse() {
        this._savedState = {
          // name is stable if supplied by author, but may be unspecified for root command and deduced during parsing
          _name: this._name,
          // option values before parse have default values (including false for negated options)
          // shallow clones
          _optionValues: { ...this._optionValues },
          _optionValueSources: { ...this._optionValueSources }
        };
      }
      /**
       * Restore state before parse for calls after the first.
       * Not usually called directly, but available for subclasses to save their custom state.
       *
       * This is called in a lazy way. Only commands used in parsing chain will have state restored.
       */
      restoreStateBeforeParse() {
        if (this._storeOptionsAsProperties)
          throw new Error(`Can not call parse again when storeOptionsAsProperties is true.
- either make a new Command for each call to parse, or stop storing options as properties`);
        this._name = this._savedState._name;
        this._scriptPath = null;
        this.rawArgs = [];
        this._optionValues = { ...this._savedState._optionValues };
        this._optionValueSources = { ...this._savedState._optionValueSources };
        this.args = [];
        this.processedArgs = [];
      }
      /**
       * Throw if expected executable is missing. Add lots of help for author.
       *
       * @param {string} executableFile
       * @param {string} executableDir
       * @param {string} subcommandName
       */
      _checkForMissingExecutable(executableFile, executableDir, subcommandName) {
        if (fs.existsSync(executableFile)) return;
        const executableDirMessage = executableDir ? `searched for local subcommand relative to directory '${executableDir}'` : "no directory for search for local subcommand, use .executableDir() to supply a custom directory";
        const executableMissing = `'${executableFile}' does not exist
 - if '${subcommandName}' is not meant to be an executable command, remove description parameter from '.command()' and use '.description()' instead
 - if the default executable name is not suitable, use the executableFile option to supply a custom name or path
 - ${executableDirMessage}`;
        throw new Error(executableMissing);
      }
      /**
       * Execute a sub-command executable.
       *
       * @private
       */
      _executeSubCommand(subcommand, args) {
        args = args.slice();
        let launchWithNode = false;
        const sourceExt = [".js", ".ts", ".tsx", ".mjs", ".cjs"];
        function findFile(baseDir, baseName2) {
          const localBin = path.resolve(baseDir, baseName2);
          if (fs.existsSync(localBin)) return localBin;
          if (sourceExt.includes(path.extname(baseName2))) return void 0;
          const foundExt = sourceExt.find(
            (ext) => fs.existsSync(`${localBin}${ext}`)
          );
          if (foundExt) return `${localBin}${foundExt}`;
          return void 0;
        }
        this._checkForMissingMandatoryOptions();
        this._checkForConflictingOptions();
        let executableFile = subcommand._executableFile || `${this._name}-${subcommand._name}`;
        let executableDir = this._executableDir || "";
        if (this._scriptPath) {
          let resolvedScriptPath;
          try {
            resolvedScriptPath = fs.realpathSync(this._scriptPath);
          } catch {
            resolvedScriptPath = this._scriptPath;
          }
          executableDir = path.resolve(
            path.dirname(resolvedScriptPath),
            executableDir
          );
        }
        if (executableDir) {
          let localFile = findFile(executableDir, executableFile);
          if (!localFile && !subcommand._executableFile && this._scriptPath) {
            const legacyName = path.basename(
              this._scriptPath,
              path.extname(this._scriptPath)
            );
            if (legacyName !== this._name) {
              localFile = findFile(
                executableDir,
                `${legacyName}-${subcommand._name}`
              );
            }
          }
          executableFile = localFile || executableFile;
        }
        launchWithNode = sourceExt.includes(path.extname(executableFile));
        let proc;
        if (process2.platform !== "win32") {
          if (launchWithNode) {
            args.unshift(executableFile);
            args = incrementNodeInspectorPort(process2.execArgv).concat(args);
            proc = childProcess.spawn(process2.argv[0], args, { stdio: "inherit" });
          } else {
            proc = childProcess.spawn(executableFile, args, { stdio: "inherit" });
          }
        } else {
          this._checkForMissingExecutable(
            executableFile,
            executableDir,
            subcommand._name
          );
          args.unshift(executableFile);
          args = incrementNodeInspectorPort(process2.execArgv).concat(args);
          proc = childProcess.spawn(process2.execPath, args, { stdio: "inherit" });
        }
        if (!proc.killed) {
          const signals = ["SIGUSR1", "SIGUSR2", "SIGTERM", "SIGINT", "SIGHUP"];
          signals.forEach((signal) => {
            process2.on(signal, () => {
              if (proc.killed === false && proc.exitCode === null) {
                proc.kill(signal);
              }
            });
          });
        }
        const exitCallback = this._exitCallback;
        proc.on("close", (code) => {
          code = code ?? 1;
          if (!exitCallback) {
            process2.exit(code);
          } else {
            exitCallback(
              new CommanderError2(
                code,
                "commander.executeSubCommandAsync",
                "(close)"
              )
            );
          }
        });
        proc.on("error", (err) => {
          if (err.code === "ENOENT") {
            this._checkForMissingExecutable(
              executableFile,
              executableDir,
              subcommand._name
            );
          } else if (err.code === "EACCES") {
            throw new Error(`'${executableFile}' not executable`);
          }
          if (!exitCallback) {
            process2.exit(1);
          } else {
            const wrappedError = new CommanderError2(
              1,
              "commander.executeSubCommandAsync",
              "(error)"
            );
            wrappedError.nestedError = err;
            exitCallback(wrappedError);
          }
        });
        this.runningCommand = proc;
      }
      /**
       * @private
       */
      _dispatchSubcommand(commandName, operands, unknown) {
        const subCommand = this._findCommand(commandName);
        if (!subCommand) this.help({ error: true });
        subCommand._prepareForParse();
        let promiseChain;
        promiseChain = this._chainOrCallSubCommandHook(
          promiseChain,
          subCommand,
          "preSubcommand"
        );
        promiseChain = this._chainOrCall(promiseChain, () => {
          if (subCommand._executableHandler) {
            this._executeSubCommand(subCommand, operands.concat(unknown));
          } else {
            return subCommand._parseCommand(operands, unknown);
          }
        });
        return promiseChain;
      }
      /**
       * Invoke help directly if possible, or dispatch if necessary.
       * e.g. help foo
       *
       * @private
       */
      _dispatchHelpCommand(subcommandName) {
        if (!subcommandName) {
          this.help();
        }
        const subCommand = this._findCommand(subcommandName);
        if (subCommand && !subCommand._executableHandler) {
          subCommand.help();
        }
        return this._dispatchSubcommand(
          subcommandName,
          [],
          [this._getHelpOption()?.long ?? this._getHelpOption()?.short ?? "--help"]
        );
      }
      /**
       * Check this.args against expected this.registeredArguments.
       *
       * @private
       */
      _checkNumberOfArguments() {
        this.registeredArguments.forEach((arg, i) => {
          if (arg.required && this.args[i] == null) {
            this.missingArgument(arg.name());
          }
        });
        if (this.registeredArguments.length > 0 && this.registeredArguments[this.registeredArguments.length - 1].variadic) {
          return;
        }
        if (this.args.length > this.registeredArguments.length) {
          this._excessArguments(this.args);
        }
      }
      /**
       * Process this.args using this.registeredArguments and save as this.processedArgs!
       *
       * @private
       */
      _processArguments() {
        const myParseArg = (argument, value, previous) => {
          let parsedValue = value;
          if (value !== null && argument.parseArg) {
            const invalidValueMessage = `error: command-argument value '${value}' is invalid for argument '${argument.name()}'.`;
            parsedValue = this._callParseArg(
              argument,
              value,
              previous,
              invalidValueMessage
            );
          }
          return parsedValue;
        };
        this._checkNumberOfArguments();
        const processedArgs = [];
        this.registeredArguments.forEach((declaredArg, index) => {
          let value = declaredArg.defaultValue;
          if (declaredArg.variadic) {
            if (index < this.args.length) {
              value = this.args.slice(index);
              if (declaredArg.parseArg) {
                value = value.reduce((processed, v) => {
                  return myParseArg(declaredArg, v, processed);
                }, declaredArg.defaultValue);
              }
            } else if (value === void 0) {
              value = [];
            }
          } else if (index < this.args.length) {
            value = this.args[index];
            if (declaredArg.parseArg) {
              value = myParseArg(declaredArg, value, declaredArg.defaultValue);
            }
          }
          processedArgs[index] = value;
        });
        this.processedArgs = processedArgs;
      }
      /**
       * Once we have a promise we chain, but call synchronously until then.
       *
       * @param {(Promise|undefined)} promise
       * @param {Function} fn
       * @return {(Promise|undefined)}
       * @private
       */
      _chainOrCall(promise, fn) {
        if (promise?.then && typeof promise.then === "function") {
          return promise.then(() => fn());
        }
        return fn();
      }
      /**
       *
       * @param {(Promise|undefined)} promise
       * @param {string} event
       * @return {(Promise|undefined)}
       * @private
       */
      _chainOrCallHooks(promise, event) {
        let result = promise;
        const hooks = [];
        this._getCommandAndAncestors().reverse().filter((cmd) => cmd._lifeCycleHooks[event] !== void 0).forEach((hookedCommand) => {
          hookedCommand._lifeCycleHooks[event].forEach((callback) => {
            hooks.push({ hookedCommand, callback });
          });
        });
        if (event === "postAction") {
          hooks.reverse();
        }
        hooks.forEach((hookDetail) => {
          result = this._chainOrCall(result, () => {
            return hookDetail.callback(hookDetail.hookedCommand, this);
          });
        });
        return result;
      }
      /**
       *
       * @param {(Promise|undefined)} promise
       * @param {Command} subCommand
       * @param {string} event
       * @return {(Promise|undefined)}
       * @private
       */
      _chainOrCallSubCommandHook(promise, subCommand, event) {
        let result = promise;
        if (this._lifeCycleHooks[event] !== void 0) {
          this._lifeCycleHooks[event].forEach((hook) => {
            result = this._chainOrCall(result, () => {
              return hook(this, subCommand);
            });
          });
        }
        return result;
      }
      /**
       * Process arguments in context of this command.
       * Returns action result, in case it is a promise.
       *
       * @private
       */
      _parseCommand(operands, unknown) {
        const parsed = this.parseOptions(unknown);
        this._parseOptionsEnv();
        this._parseOptionsImplied();
        operands = operands.concat(parsed.operands);
        unknown = parsed.unknown;
        this.args = operands.concat(unknown);
        if (operands && this._findCommand(operands[0])) {
          return this._dispatchSubcommand(operands[0], operands.slice(1), unknown);
        }
        if (this._getHelpCommand() && operands[0] === this._getHelpCommand().name()) {
          return this._dispatchHelpCommand(operands[1]);
        }
        if (this._defaultCommandName) {
          this._outputHelpIfRequested(unknown);
          return this._dispatchSubcommand(
            this._defaultCommandName,
            operands,
            unknown
          );
        }
        if (this.commands.length && this.args.length === 0 && !this._actionHandler && !this._defaultCommandName) {
          this.help({ error: true });
        }
        this._outputHelpIfRequested(parsed.unknown);
        this._checkForMissingMandatoryOptions();
        this._checkForConflictingOptions();
        const checkForUnknownOptions = () => {
          if (parsed.unknown.length > 0) {
            this.unknownOption(parsed.unknown[0]);
          }
        };
        const commandEvent = `command:${this.name()}`;
        if (this._actionHandler) {
          checkForUnknownOptions();
          this._processArguments();
          let promiseChain;
          promiseChain = this._chainOrCallHooks(promiseChain, "preAction");
          promiseChain = this._chainOrCall(
            promiseChain,
            () => this._actionHandler(this.processedArgs)
          );
          if (this.parent) {
            promiseChain = this._chainOrCall(promiseChain, () => {
              this.parent.emit(commandEvent, operands, unknown);
            });
          }
          promiseChain = this._chainOrCallHooks(promiseChain, "postAction");
          return promiseChain;
        }
        if (this.parent?.listenerCount(commandEvent)) {
          checkForUnknownOptions();
          this._processArguments();
          this.parent.emit(commandEvent, operands, unknown);
        } else if (operands.length) {
          if (this._findCommand("*")) {
            return this._dispatchSubcommand("*", operands, unknown);
          }
          if (this.listenerCount("command:*")) {
            this.emit("command:*", operands, unknown);
          } else if (this.commands.length) {
            this.unknownCommand();
          } else {
            checkForUnknownOptions();
            this._processArguments();
          }
        } else if (this.commands.length) {
          checkForUnknownOptions();
          this.help({ error: true });
        } else {
          checkForUnknownOptions();
          this._processArguments();
        }
      }
      /**
       * Find matching command.
       *
       * @private
       * @return {Command | undefined}
       */
      _findCommand(name) {
        if (!name) return void 0;
        return this.commands.find(
          (cmd) => cmd._name === name || cmd._aliases.includes(name)
        );
      }
      /**
       * Return an option matching `arg` if any.
       *
       * @param {string} arg
       * @return {Option}
       * @package
       */
      _findOption(arg) {
        return this.options.find((option) => option.is(arg));
      }
      /**
       * Display an error message if a mandatory option does not have a value.
       * Called after checking for help flags in leaf subcommand.
       *
       * @private
       */
      _checkForMissingMandatoryOptions() {
        this._getCommandAndAncestors().forEach((cmd) => {
          cmd.options.forEach((anOption) => {
            if (anOption.mandatory && cmd.getOptionValue(anOption.attributeName()) === void 0) {
              cmd.missingMandatoryOptionValue(anOption);
            }
          });
        });
      }
      /**
       * Display an error message if conflicting options are used together in this.
       *
       * @private
       */
      _checkForConflictingLocalOptions() {
        const definedNonDefaultOptions = this.options.filter((option) => {
          const optionKey = option.attributeName();
          if (this.getOptionValue(optionKey) === void 0) {
            return false;
          }
          return this.getOptionValueSource(optionKey) !== "default";
        });
        const optionsWithConflicting = definedNonDefaultOptions.filter(
          (option) => option.conflictsWith.length > 0
        );
        optionsWithConflicting.forEach((option) => {
          const conflictingAndDefined = definedNonDefaultOptions.find(
            (defined) => option.conflictsWith.includes(defined.attributeName())
          );
          if (conflictingAndDefined) {
            this._conflictingOption(option, conflictingAndDefined);
          }
        });
      }
      /**
       * Display an error message if conflicting options are used together.
       * Called after checking for help flags in leaf subcommand.
       *
       * @private
       */
      _checkForConflictingOptions() {
        this._getCommandAndAncestors().forEach((cmd) => {
          cmd._checkForConflictingLocalOptions();
        });
      }
      /**
       * Parse options from `argv` removing known options,
       * and return argv split into operands and unknown arguments.
       *
       * Side effects: modifies command by storing options. Does not reset state if called again.
       *
       * Examples:
       *
       *     argv => operands, unknown
       *     --known kkk op => [op], []
       *     op --known kkk => [op], []
       *     sub --unknown uuu op => [sub], [--unknown uuu op]
       *     sub -- --unknown uuu op => [sub --unknown uuu op], []
       *
       * @param {string[]} args
       * @return {{operands: string[], unknown: string[]}}
       */
      parseOptions(args) {
        const operands = [];
        const unknown = [];
        let dest = operands;
        function maybeOption(arg) {
          return arg.length > 1 && arg[0] === "-";
        }
        const negativeNumberArg = (arg) => {
          if (!/^-(\d+|\d*\.\d+)(e[+-]?\d+)?$/.test(arg)) return false;
          return !this._getCommandAndAncestors().some(
            (cmd) => cmd.options.map((opt) => opt.short).some((short) => /^-\d$/.test(short))
          );
        };
        let activeVariadicOption = null;
        let activeGroup = null;
        let i = 0;
        while (i < args.length || activeGroup) {
          const arg = activeGroup ?? args[i++];
          activeGroup = null;
          if (arg === "--") {
            if (dest === unknown) dest.push(arg);
            dest.push(...args.slice(i));
            break;
          }
          if (activeVariadicOption && (!maybeOption(arg) || negativeNumberArg(arg))) {
            this.emit(`option:${activeVariadicOption.name()}`, arg);
            continue;
          }
          activeVariadicOption = null;
          if (maybeOption(arg)) {
            const option = this._findOption(arg);
            if (option) {
              if (option.required) {
                const value = args[i++];
                if (value === void 0) this.optionMissingArgument(option);
                this.emit(`option:${option.name()}`, value);
              } else if (option.optional) {
                let value = null;
                if (i < args.length && (!maybeOption(args[i]) || negativeNumberArg(args[i]))) {
                  value = args[i++];
                }
                this.emit(`option:${option.name()}`, value);
              } else {
                this.emit(`option:${option.name()}`);
              }
              activeVariadicOption = option.variadic ? option : null;
              continue;
            }
          }
          if (arg.length > 2 && arg[0] === "-" && arg[1] !== "-") {
            const option = this._findOption(`-${arg[1]}`);
            if (option) {
              if (option.required || option.optional && this._combineFlagAndOptionalValue) {
                this.emit(`option:${option.name()}`, arg.slice(2));
              } else {
                this.emit(`option:${option.name()}`);
                activeGroup = `-${arg.slice(2)}`;
              }
              continue;
            }
          }
          if (/^--[^=]+=/.test(arg)) {
            const index = arg.indexOf("=");
            const option = this._findOption(arg.slice(0, index));
            if (option && (option.required || option.optional)) {
              this.emit(`option:${option.name()}`, arg.slice(index + 1));
              continue;
            }
          }
          if (dest === operands && maybeOption(arg) && !(this.commands.length === 0 && negativeNumberArg(arg))) {
            dest = unknown;
          }
          if ((this._enablePositionalOptions || this._passThroughOptions) && operands.length === 0 && unknown.length === 0) {
            if (this._findCommand(arg)) {
              operands.push(arg);
              unknown.push(...args.slice(i));
              break;
            } else if (this._getHelpCommand() && arg === this._getHelpCommand().name()) {
              operands.push(arg, ...args.slice(i));
              break;
            } else if (this._defaultCommandName) {
              unknown.push(arg, ...args.slice(i));
              break;
            }
          }
          if (this._passThroughOptions) {
            dest.push(arg, ...args.slice(i));
            break;
          }
          dest.push(arg);
        }
        return { operands, unknown };
      }
      /**
       * Return an object containing local option values as key-value pairs.
       *
       * @return {object}
       */
      opts() {
        if (this._storeOptionsAsProperties) {
          const result = {};
          const len = this.options.length;
          for (let i = 0; i < len; i++) {
            const key = this.options[i].attributeName();
            result[key] = key === this._versionOptionName ? this._version : this[key];
          }
          return result;
        }
        return this._optionValues;
      }
      /**
       * Return an object containing merged local and global option values as key-value pairs.
       *
       * @return {object}
       */
      optsWithGlobals() {
        return this._getCommandAndAncestors().reduce(
          (combinedOptions, cmd) => Object.assign(combinedOptions, cmd.opts()),
          {}
        );
      }
      /**
       * Display error message and exit (or call exitOverride).
       *
       * @param {string} message
       * @param {object} [errorOptions]
       * @param {string} [errorOptions.code] - an id string representing the error
       * @param {number} [errorOptions.exitCode] - used with process.exit
       */
      error(message, errorOptions) {
        this._outputConfiguration.outputError(
          `${message}
`,
          this._outputConfiguration.writeErr
        );
        if (typeof this._showHelpAfterError === "string") {
          this._outputConfiguration.writeErr(`${this._showHelpAfterError}
`);
        } else if (this._showHelpAfterError) {
          this._outputConfiguration.writeErr("\n");
          this.outputHelp({ error: true });
        }
        const config = errorOptions || {};
        const exitCode = config.exitCode || 1;
        const code = config.code || "commander.error";
        this._exit(exitCode, code, message);
      }
      /**
       * Apply any option related environment variables, if option does
       * not have a value from cli or client code.
       *
       * @private
       */
      _parseOptionsEnv() {
        this.options.forEach((option) => {
          if (option.envVar && option.envVar in process2.env) {
            const optionKey = option.attributeName();
            if (this.getOptionValue(optionKey) === void 0 || ["default", "config", "env"].includes(
              this.getOptionValueSource(optionKey)
            )) {
              if (option.required || option.optional) {
                this.emit(`optionEnv:${option.name()}`, process2.env[option.envVar]);
              } else {
                this.emit(`optionEnv:${option.name()}`);
              }
            }
          }
        });
      }
      /**
       * Apply any implied option values, if option is undefined or default value.
       *
       * @private
       */
      _parseOptionsImplied() {
        const dualHelper = new DualOptions(this.options);
        const hasCustomOptionValue = (optionKey) => {
          return this.getOptionValue(optionKey) !== void 0 && !["default", "implied"].includes(this.getOptionValueSource(optionKey));
        };
        this.options.filter(
          (option) => option.implied !== void 0 && hasCustomOptionValue(option.attributeName()) && dualHelper.valueFromOption(
            this.getOptionValue(option.attributeName()),
            option
          )
        ).forEach((option) => {
          Object.keys(option.implied).filter((impliedKey) => !hasCustomOptionValue(impliedKey)).forEach((impliedKey) => {
            this.setOptionValueWithSource(
              impliedKey,
              option.implied[impliedKey],
              "implied"
            );
          });
        });
      }
      /**
       * Argument `name` is missing.
       *
       * @param {string} name
       * @private
       */
      missingArgument(name) {
        const message = `error: missing required argument '${name}'`;
        this.error(message, { code: "commander.missingArgument" });
      }
      /**
       * `Option` is missing an argument.
       *
       * @param {Option} option
       * @private
       */
      optionMissingArgument(option) {
        const message = `error: option '${option.flags}' argument missing`;
        this.error(message, { code: "commander.optionMissingArgument" });
      }
      /**
       * `Option` does not have a value, and is a mandatory option.
       *
       * @param {Option} option
       * @private
       */
      missingMandatoryOptionValue(option) {
        const message = `error: required option '${option.flags}' not specified`;
        this.error(message, { code: "commander.missingMandatoryOptionValue" });
      }
      /**
       * `Option` conflicts with another option.
       *
       * @param {Option} option
       * @param {Option} conflictingOption
       * @private
       */
      _conflictingOption(option, conflictingOption) {
        const findBestOptionFromValue = (option2) => {
          const optionKey = option2.attributeName();
          const optionValue = this.getOptionValue(optionKey);
          const negativeOption = this.options.find(
            (target) => target.negate && optionKey === target.attributeName()
          );
          const positiveOption = this.options.find(
            (target) => !target.negate && optionKey === target.attributeName()
          );
          if (negativeOption && (negativeOption.presetArg === void 0 && optionValue === false || negativeOption.presetArg !== void 0 && optionValue === negativeOption.presetArg)) {
            return negativeOption;
          }
          return positiveOption || option2;
        };
        const getErrorMessage = (option2) => {
          const bestOption = findBestOptionFromValue(option2);
          const optionKey = bestOption.attributeName();
          const source = this.getOptionValueSource(optionKey);
          if (source === "env") {
            return `environment variable '${bestOption.envVar}'`;
          }
          return `option '${bestOption.flags}'`;
        };
        const message = `error: ${getErrorMessage(option)} cannot be used with ${getErrorMessage(conflictingOption)}`;
        this.error(message, { code: "commander.conflictingOption" });
      }
      /**
       * Unknown option `flag`.
       *
       * @param {string} flag
       * @private
       */
      unknownOption(flag) {
        if (this._allowUnknownOption) return;
        let suggestion = "";
        if (flag.startsWith("--") && this._showSuggestionAfterError) {
          let candidateFlags = [];
          let command = this;
          do {
            const moreFlags = command.createHelp().visibleOptions(command).filter((option) => option.long).map((option) => option.long);
            candidateFlags = candidateFlags.concat(moreFlags);
            command = command.parent;
          } while (command && !command._enablePositionalOptions);
          suggestion = suggestSimilar(flag, candidateFlags);
        }
        const message = `error: unknown option '${flag}'${suggestion}`;
        this.error(message, { code: "commander.unknownOption" });
      }
      /**
       * Excess arguments, more than expected.
       *
       * @param {string[]} receivedArgs
       * @private
       */
      _excessArguments(receivedArgs) {
        if (this._allowExcessArguments) return;
        const expected = this.registeredArguments.length;
        const s = expected === 1 ? "" : "s";
        const forSubcommand = this.parent ? ` for '${this.name()}'` : "";
        const message = `error: too many arguments${forSubcommand}. Expected ${expected} argument${s} but got ${receivedArgs.length}.`;
        this.error(message, { code: "commander.excessArguments" });
      }
      /**
       * Unknown command.
       *
       * @private
       */
      unknownCommand() {
        const unknownName = this.args[0];
        let suggestion = "";
        if (this._showSuggestionAfterError) {
          const candidateNames = [];
          this.createHelp().visibleCommands(this).forEach((command) => {
            candidateNames.push(command.name());
            if (command.alias()) candidateNames.push(command.alias());
          });
          suggestion = suggestSimilar(unknownName, candidateNames);
        }
        const message = `error: unknown command '${unknownName}'${suggestion}`;
        this.error(message, { code: "commander.unknownCommand" });
      }
      /**
       * Get or set the program version.
       *
       * This method auto-registers the "-V, --version" option which will print the version number.
       *
       * You can optionally supply the flags and description to override the defaults.
       *
       * @param {string} [str]
       * @param {string} [flags]
       * @param {string} [description]
       * @return {(this | string | undefined)} `this` command for chaining, or version string if no arguments
       */
      version(str, flags, description) {
        if (str === void 0) return this._version;
        this._version = str;
        flags = flags || "-V, --version";
        description = description || "output the version number";
        const versionOption = this.createOption(flags, description);
        this._versionOptionName = versionOption.attributeName();
        this._registerOption(versionOption);
        this.on("option:" + versionOption.name(), () => {
          this._outputConfiguration.writeOut(`${str}
`);
          this._exit(0, "commander.version", str);
        });
        return this;
      }
      /**
       * Set the description.
       *
       * @param {string} [str]
       * @param {object} [argsDescription]
       * @return {(string|Command)}
       */
      description(str, argsDescription) {
        if (str === void 0 && argsDescription === void 0)
          return this._description;
        this._description = str;
        if (argsDescription) {
          this._argsDescription = argsDescription;
        }
        return this;
      }
      /**
       * Set the summary. Used when listed as subcommand of parent.
       *
       * @param {string} [str]
       * @return {(string|Command)}
       */
      summary(str) {
        if (str === void 0) return this._summary;
        this._summary = str;
        return this;
      }
      /**
       * Set an alias for the command.
       *
       * You may call more than once to add multiple aliases. Only the first alias is shown in the auto-generated help.
       *
       * @param {string} [alias]
       * @return {(string|Command)}
       */
      alias(alias) {
        if (alias === void 0) return this._aliases[0];
        let command = this;
        if (this.commands.length !== 0 && this.commands[this.commands.length - 1]._executableHandler) {
          command = this.commands[this.commands.length - 1];
        }
        if (alias === command._name)
          throw new Error("Command alias can't be the same as its name");
        const matchingCommand = this.parent?._findCommand(alias);
        if (matchingCommand) {
          const existingCmd = [matchingCommand.name()].concat(matchingCommand.aliases()).join("|");
          throw new Error(
            `cannot add alias '${alias}' to command '${this.name()}' as already have command '${existingCmd}'`
          );
        }
        command._aliases.push(alias);
        return this;
      }
      /**
       * Set aliases for the command.
       *
       * Only the first alias is shown in the auto-generated help.
       *
       * @param {string[]} [aliases]
       * @return {(string[]|Command)}
       */
      aliases(aliases) {
        if (aliases === void 0) return this._aliases;
        aliases.forEach((alias) => this.alias(alias));
        return this;
      }
      /**
       * Set / get the command usage `str`.
       *
       * @param {string} [str]
       * @return {(string|Command)}
       */
      usage(str) {
        if (str === void 0) {
          if (this._usage) return this._usage;
          const args = this.registeredArguments.map((arg) => {
            return humanReadableArgName(arg);
          });
          return [].concat(
            this.options.length || this._helpOption !== null ? "[options]" : [],
            this.commands.length ? "[command]" : [],
            this.registeredArguments.length ? args : []
          ).join(" ");
        }
        this._usage = str;
        return this;
      }
      /**
       * Get or set the name of the command.
       *
       * @param {string} [str]
       * @return {(string|Command)}
       */
      name(str) {
        if (str === void 0) return this._name;
        this._name = str;
        return this;
      }
      /**
       * Set/get the help group heading for this subcommand in parent command's help.
       *
       * @param {string} [heading]
       * @return {Command | string}
       */
      helpGroup(heading) {
        if (heading === void 0) return this._helpGroupHeading ?? "";
        this._helpGroupHeading = heading;
        return this;
      }
      /**
       * Set/get the default help group heading for subcommands added to this command.
       * (This does not override a group set directly on the subcommand using .helpGroup().)
       *
       * @example
       * program.commandsGroup('Development Commands:);
       * program.command('watch')...
       * program.command('lint')...
       * ...
       *
       * @param {string} [heading]
       * @returns {Command | string}
       */
      commandsGroup(heading) {
        if (heading === void 0) return this._defaultCommandGroup ?? "";
        this._defaultCommandGroup = heading;
        return this;
      }
      /**
       * Set/get the default help group heading for options added to this command.
       * (This does not override a group set directly on the option using .helpGroup().)
       *
       * @example
       * program
       *   .optionsGroup('Development Options:')
       *   .option('-d, --debug', 'output extra debugging')
       *   .option('-p, --profile', 'output profiling information')
       *
       * @param {string} [heading]
       * @returns {Command | string}
       */
      optionsGroup(heading) {
        if (heading === void 0) return this._defaultOptionGroup ?? "";
        this._defaultOptionGroup = heading;
        return this;
      }
      /**
       * @param {Option} option
       * @private
       */
      _initOptionGroup(option) {
        if (this._defaultOptionGroup && !option.helpGroupHeading)
          option.helpGroup(this._defaultOptionGroup);
      }
      /**
       * @param {Command} cmd
       * @private
       */
      _initCommandGroup(cmd) {
        if (this._defaultCommandGroup && !cmd.helpGroup())
          cmd.helpGroup(this._defaultCommandGroup);
      }
      /**
       * Set the name of the command from script filename, such as process.argv[1],
       * or require.main.filename, or __filename.
       *
       * (Used internally and public although not documented in README.)
       *
       * @example
       * program.nameFromFilename(require.main.filename);
       *
       * @param {string} filename
       * @return {Command}
       */
      nameFromFilename(filename) {
        this._name = path.basename(filename, path.extname(filename));
        return this;
      }
      /**
       * Get or set the directory for searching for executable subcommands of this command.
       *
       * @example
       * program.executableDir(__dirname);
       * // or
       * program.executableDir('subcommands');
       *
       * @param {string} [path]
       * @return {(string|null|Command)}
       */
      executableDir(path2) {
        if (path2 === void 0) return this._executableDir;
        this._executableDir = path2;
        return this;
      }
      /**
       * Return program help documentation.
       *
       * @param {{ error: boolean }} [contextOptions] - pass {error:true} to wrap for stderr instead of stdout
       * @return {string}
       */
      helpInformation(contextOptions) {
        const helper = this.createHelp();
        const context = this._getOutputContext(contextOptions);
        helper.prepareContext({
          error: context.error,
          helpWidth: context.helpWidth,
          outputHasColors: context.hasColors
        });
        const text = helper.formatHelp(this, helper);
        if (context.hasColors) return text;
        return this._outputConfiguration.stripColor(text);
      }
      /**
       * @typedef HelpContext
       * @type {object}
       * @property {boolean} error
       * @property {number} helpWidth
       * @property {boolean} hasColors
       * @property {function} write - includes stripColor if needed
       *
       * @returns {HelpContext}
       * @private
       */
      _getOutputContext(contextOptions) {
        contextOptions = contextOptions || {};
        const error = !!contextOptions.error;
        let baseWrite;
        let hasColors;
        let helpWidth;
        if (error) {
          baseWrite = (str) => this._outputConfiguration.writeErr(str);
          hasColors = this._outputConfiguration.getErrHasColors();
          helpWidth = this._outputConfiguration.getErrHelpWidth();
        } else {
          baseWrite = (str) => this._outputConfiguration.writeOut(str);
          hasColors = this._outputConfiguration.getOutHasColors();
          helpWidth = this._outputConfiguration.getOutHelpWidth();
        }
        const write = (str) => {
          if (!hasColors) str = this._outputConfiguration.stripColor(str);
          return baseWrite(str);
        };
        return { error, write, hasColors, helpWidth };
      }
      /**
       * Output help information for this command.
       *
       * Outputs built-in help, and custom text added using `.addHelpText()`.
       *
       * @param {{ error: boolean } | Function} [contextOptions] - pass {error:true} to write to stderr instead of stdout
       */
      outputHelp(contextOptions) {
        let deprecatedCallback;
        if (typeof contextOptions === "function") {
          deprecatedCallback = contextOptions;
          contextOptions = void 0;
        }
        const outputContext = this._getOutputContext(contextOptions);
        const eventContext = {
          error: outputContext.error,
          write: outputContext.write,
          command: this
        };
        this._getCommandAndAncestors().reverse().forEach((command) => command.emit("beforeAllHelp", eventContext));
        this.emit("beforeHelp", eventContext);
        let helpInformation = this.helpInformation({ error: outputContext.error });
        if (deprecatedCallback) {
          helpInformation = deprecatedCallback(helpInformation);
          if (typeof helpInformation !== "string" && !Buffer.isBuffer(helpInformation)) {
            throw new Error("outputHelp callback must return a string or a Buffer");
          }
        }
        outputContext.write(helpInformation);
        if (this._getHelpOption()?.long) {
          this.emit(this._getHelpOption().long);
        }
        this.emit("afterHelp", eventContext);
        this._getCommandAndAncestors().forEach(
          (command) => command.emit("afterAllHelp", eventContext)
        );
      }
      /**
       * You can pass in flags and a description to customise the built-in help option.
       * Pass in false to disable the built-in help option.
       *
       * @example
       * program.helpOption('-?, --help' 'show help'); // customise
       * program.helpOption(false); // disable
       *
       * @param {(string | boolean)} flags
       * @param {string} [description]
       * @return {Command} `this` command for chaining
       */
      helpOption(flags, description) {
        if (typeof flags === "boolean") {
          if (flags) {
            if (this._helpOption === null) this._helpOption = void 0;
            if (this._defaultOptionGroup) {
              this._initOptionGroup(this._getHelpOption());
            }
          } else {
            this._helpOption = null;
          }
          return this;
        }
        this._helpOption = this.createOption(
          flags ?? "-h, --help",
          description ?? "display help for command"
        );
        if (flags || description) this._initOptionGroup(this._helpOption);
        return this;
      }
      /**
       * Lazy create help option.
       * Returns null if has been disabled with .helpOption(false).
       *
       * @returns {(Option | null)} the help option
       * @package
       */
      _getHelpOption() {
        if (this._helpOption === void 0) {
          this.helpOption(void 0, void 0);
        }
        return this._helpOption;
      }
      /**
       * Supply your own option to use for the built-in help option.
       * This is an alternative to using helpOption() to customise the flags and description etc.
       *
       * @param {Option} option
       * @return {Command} `this` command for chaining
       */
      addHelpOption(option) {
        this._helpOption = option;
        this._initOptionGroup(option);
        return this;
      }
      /**
       * Output help information and exit.
       *
       * Outputs built-in help, and custom text added using `.addHelpText()`.
       *
       * @param {{ error: boolean }} [contextOptions] - pass {error:true} to write to stderr instead of stdout
       */
      help(contextOptions) {
        this.outputHelp(contextOptions);
        let exitCode = Number(process2.exitCode ?? 0);
        if (exitCode === 0 && contextOptions && typeof contextOptions !== "function" && contextOptions.error) {
          exitCode = 1;
        }
        this._exit(exitCode, "commander.help", "(outputHelp)");
      }
      /**
       * // Do a little typing to coordinate emit and listener for the help text events.
       * @typedef HelpTextEventContext
       * @type {object}
       * @property {boolean} error
       * @property {Command} command
       * @property {function} write
       */
      /**
       * Add additional text to be displayed with the built-in help.
       *
       * Position is 'before' or 'after' to affect just this command,
       * and 'beforeAll' or 'afterAll' to affect this command and all its subcommands.
       *
       * @param {string} position - before or after built-in help
       * @param {(string | Function)} text - string to add, or a function returning a string
       * @return {Command} `this` command for chaining
       */
      addHelpText(position, text) {
        const allowedValues = ["beforeAll", "before", "after", "afterAll"];
        if (!allowedValues.includes(position)) {
          throw new Error(`Unexpected value for position to addHelpText.
Expecting one of '${allowedValues.join("', '")}'`);
        }
        const helpEvent = `${position}Help`;
        this.on(helpEvent, (context) => {
          let helpStr;
          if (typeof text === "function") {
            helpStr = text({ error: context.error, command: context.command });
          } else {
            helpStr = text;
          }
          if (helpStr) {
            context.write(`${helpStr}
`);
          }
        });
        return this;
      }
      /**
       * Output help information if help flags specified
       *
       * @param {Array} args - array of options to search for help flags
       * @private
       */
      _outputHelpIfRequested(args) {
        const helpOption = this._getHelpOption();
        const helpRequested = helpOption && args.find((arg) => helpOption.is(arg));
        if (helpRequested) {
          this.outputHelp();
          this._exit(0, "commander.helpDisplayed", "(outputHelp)");
        }
      }
    };
    function incrementNodeInspectorPort(args) {
      return args.map((arg) => {
        if (!arg.startsWith("--inspect")) {
          return arg;
        }
        let debugOption;
        let debugHost = "127.0.0.1";
        let debugPort = "9229";
        let match;
        if ((match = arg.match(/^(--inspect(-brk)?)$/)) !== null) {
          debugOption = match[1];
        } else if ((match = arg.match(/^(--inspect(-brk|-port)?)=([^:]+)$/)) !== null) {
          debugOption = match[1];
          if (/^\d+$/.test(match[3])) {
            debugPort = match[3];
          } else {
            debugHost = match[3];
          }
        } else if ((match = arg.match(/^(--inspect(-brk|-port)?)=([^:]+):(\d+)$/)) !== null) {
          debugOption = match[1];
          debugHost = match[3];
          debugPort = match[4];
        }
        if (debugOption && debugPort !== "0") {
          return `${debugOption}=${debugHost}:${parseInt(debugPort) + 1}`;
        }
        return arg;
      });
    }
    function useColor() {
      if (process2.env.NO_COLOR || process2.env.FORCE_COLOR === "0" || process2.env.FORCE_COLOR === "false")
        return false;
      if (process2.env.FORCE_COLOR || process2.env.CLICOLOR_FORCE !== void 0)
        return true;
      return void 0;
    }
    exports2.Command = Command2;
    exports2.useColor = useColor;
  }
});

// node_modules/commander/index.js
var require_commander = __commonJS({
  "node_modules/commander/index.js"(exports2) {
    var { Argument: Argument2 } = require_argument();
    var { Command: Command2 } = require_command();
    var { CommanderError: CommanderError2, InvalidArgumentError: InvalidArgumentError2 } = require_error();
    var { Help: Help2 } = require_help();
    var { Option: Option2 } = require_option();
    exports2.program = new Command2();
    exports2.createCommand = (name) => new Command2(name);
    exports2.createOption = (flags, description) => new Option2(flags, description);
    exports2.createArgument = (name, description) => new Argument2(name, description);
    exports2.Command = Command2;
    exports2.Option = Option2;
    exports2.Argument = Argument2;
    exports2.Help = Help2;
    exports2.CommanderError = CommanderError2;
    exports2.InvalidArgumentError = InvalidArgumentError2;
    exports2.InvalidOptionArgumentError = InvalidArgumentError2;
  }
});

// node_modules/picomatch/lib/constants.js
var require_constants = __commonJS({
  "node_modules/picomatch/lib/constants.js"(exports2, module2) {
    "use strict";
    var WIN_SLASH = "\\\\/";
    var WIN_NO_SLASH = `[^${WIN_SLASH}]`;
    var DEFAULT_MAX_EXTGLOB_RECURSION = 0;
    var DOT_LITERAL = "\\.";
    var PLUS_LITERAL = "\\+";
    var QMARK_LITERAL = "\\?";
    var SLASH_LITERAL = "\\/";
    var ONE_CHAR = "(?=.)";
    var QMARK = "[^/]";
    var END_ANCHOR = `(?:${SLASH_LITERAL}|$)`;
    var START_ANCHOR = `(?:^|${SLASH_LITERAL})`;
    var DOTS_SLASH = `${DOT_LITERAL}{1,2}${END_ANCHOR}`;
    var NO_DOT = `(?!${DOT_LITERAL})`;
    var NO_DOTS = `(?!${START_ANCHOR}${DOTS_SLASH})`;
    var NO_DOT_SLASH = `(?!${DOT_LITERAL}{0,1}${END_ANCHOR})`;
    var NO_DOTS_SLASH = `(?!${DOTS_SLASH})`;
    var QMARK_NO_DOT = `[^.${SLASH_LITERAL}]`;
    var STAR = `${QMARK}*?`;
    var SEP = "/";
    var POSIX_CHARS = {
      DOT_LITERAL,
      PLUS_LITERAL,
      QMARK_LITERAL,
      SLASH_LITERAL,
      ONE_CHAR,
      QMARK,
      END_ANCHOR,
      DOTS_SLASH,
      NO_DOT,
      NO_DOTS,
      NO_DOT_SLASH,
      NO_DOTS_SLASH,
      QMARK_NO_DOT,
      STAR,
      START_ANCHOR,
      SEP
    };
    var WINDOWS_CHARS = {
      ...POSIX_CHARS,
      SLASH_LITERAL: `[${WIN_SLASH}]`,
      QMARK: WIN_NO_SLASH,
      STAR: `${WIN_NO_SLASH}*?`,
      DOTS_SLASH: `${DOT_LITERAL}{1,2}(?:[${WIN_SLASH}]|$)`,
      NO_DOT: `(?!${DOT_LITERAL})`,
      NO_DOTS: `(?!(?:^|[${WIN_SLASH}])${DOT_LITERAL}{1,2}(?:[${WIN_SLASH}]|$))`,
      NO_DOT_SLASH: `(?!${DOT_LITERAL}{0,1}(?:[${WIN_SLASH}]|$))`,
      NO_DOTS_SLASH: `(?!${DOT_LITERAL}{1,2}(?:[${WIN_SLASH}]|$))`,
      QMARK_NO_DOT: `[^.${WIN_SLASH}]`,
      START_ANCHOR: `(?:^|[${WIN_SLASH}])`,
      END_ANCHOR: `(?:[${WIN_SLASH}]|$)`,
      SEP: "\\"
    };
    var POSIX_REGEX_SOURCE = {
      __proto__: null,
      alnum: "a-zA-Z0-9",
      alpha: "a-zA-Z",
      ascii: "\\x00-\\x7F",
      blank: " \\t",
      cntrl: "\\x00-\\x1F\\x7F",
      digit: "0-9",
      graph: "\\x21-\\x7E",
      lower: "a-z",
      print: "\\x20-\\x7E ",
      punct: "\\-!\"#$%&'()\\*+,./:;<=>?@[\\]^_`{|}~",
      space: " \\t\\r\\n\\v\\f",
      upper: "A-Z",
      word: "A-Za-z0-9_",
      xdigit: "A-Fa-f0-9"
    };
    module2.exports = {
      DEFAULT_MAX_EXTGLOB_RECURSION,
      MAX_LENGTH: 1024 * 64,
      POSIX_REGEX_SOURCE,
      // regular expressions
      REGEX_BACKSLASH: /\\(?![*+?^${}(|)[\]])/g,
      REGEX_NON_SPECIAL_CHARS: /^[^@![\].,$*+?^{}()|\\/]+/,
      REGEX_SPECIAL_CHARS: /[-*+?.^${}(|)[\]]/,
      REGEX_SPECIAL_CHARS_BACKREF: /(\\?)((\W)(\3*))/g,
      REGEX_SPECIAL_CHARS_GLOBAL: /([-*+?.^${}(|)[\]])/g,
      REGEX_REMOVE_BACKSLASH: /(?:\[.*?[^\\]\]|\\(?=.))/g,
      // Replace globs with equivalent patterns to reduce parsing time.
      REPLACEMENTS: {
        __proto__: null,
        "***": "*",
        "**/**": "**",
        "**/**/**": "**"
      },
      // Digits
      CHAR_0: 48,
      /* 0 */
      CHAR_9: 57,
      /* 9 */
      // Alphabet chars.
      CHAR_UPPERCASE_A: 65,
      /* A */
      CHAR_LOWERCASE_A: 97,
      /* a */
      CHAR_UPPERCASE_Z: 90,
      /* Z */
      CHAR_LOWERCASE_Z: 122,
      /* z */
      CHAR_LEFT_PARENTHESES: 40,
      /* ( */
      CHAR_RIGHT_PARENTHESES: 41,
      /* ) */
      CHAR_ASTERISK: 42,
      /* * */
      // Non-alphabetic chars.
      CHAR_AMPERSAND: 38,
      /* & */
      CHAR_AT: 64,
      /* @ */
      CHAR_BACKWARD_SLASH: 92,
      /* \ */
      CHAR_CARRIAGE_RETURN: 13,
      /* \r */
      CHAR_CIRCUMFLEX_ACCENT: 94,
      /* ^ */
      CHAR_COLON: 58,
      /* : */
      CHAR_COMMA: 44,
      /* , */
      CHAR_DOT: 46,
      /* . */
      CHAR_DOUBLE_QUOTE: 34,
      /* " */
      CHAR_EQUAL: 61,
      /* = */
      CHAR_EXCLAMATION_MARK: 33,
      /* ! */
      CHAR_FORM_FEED: 12,
      /* \f */
      CHAR_FORWARD_SLASH: 47,
      /* / */
      CHAR_GRAVE_ACCENT: 96,
      /* ` */
      CHAR_HASH: 35,
      /* # */
      CHAR_HYPHEN_MINUS: 45,
      /* - */
      CHAR_LEFT_ANGLE_BRACKET: 60,
      /* < */
      CHAR_LEFT_CURLY_BRACE: 123,
      /* { */
      CHAR_LEFT_SQUARE_BRACKET: 91,
      /* [ */
      CHAR_LINE_FEED: 10,
      /* \n */
      CHAR_NO_BREAK_SPACE: 160,
      /* \u00A0 */
      CHAR_PERCENT: 37,
      /* % */
      CHAR_PLUS: 43,
      /* + */
      CHAR_QUESTION_MARK: 63,
      /* ? */
      CHAR_RIGHT_ANGLE_BRACKET: 62,
      /* > */
      CHAR_RIGHT_CURLY_BRACE: 125,
      /* } */
      CHAR_RIGHT_SQUARE_BRACKET: 93,
      /* ] */
      CHAR_SEMICOLON: 59,
      /* ; */
      CHAR_SINGLE_QUOTE: 39,
      /* ' */
      CHAR_SPACE: 32,
      /*   */
      CHAR_TAB: 9,
      /* \t */
      CHAR_UNDERSCORE: 95,
      /* _ */
      CHAR_VERTICAL_LINE: 124,
      /* | */
      CHAR_ZERO_WIDTH_NOBREAK_SPACE: 65279,
      /* \uFEFF */
      /**
       * Create EXTGLOB_CHARS
       */
      extglobChars(chars) {
        return {
          "!": { type: "negate", open: "(?:(?!(?:", close: `))${chars.STAR})` },
          "?": { type: "qmark", open: "(?:", close: ")?" },
          "+": { type: "plus", open: "(?:", close: ")+" },
          "*": { type: "star", open: "(?:", close: ")*" },
          "@": { type: "at", open: "(?:", close: ")" }
        };
      },
      /**
       * Create GLOB_CHARS
       */
      globChars(win32) {
        return win32 === true ? WINDOWS_CHARS : POSIX_CHARS;
      }
    };
  }
});

// node_modules/picomatch/lib/utils.js
var require_utils = __commonJS({
  "node_modules/picomatch/lib/utils.js"(exports2) {
    "use strict";
    var {
      REGEX_BACKSLASH,
      REGEX_REMOVE_BACKSLASH,
      REGEX_SPECIAL_CHARS,
      REGEX_SPECIAL_CHARS_GLOBAL
    } = require_constants();
    exports2.isObject = (val) => val !== null && typeof val === "object" && !Array.isArray(val);
    exports2.hasRegexChars = (str) => REGEX_SPECIAL_CHARS.test(str);
    exports2.isRegexChar = (str) => str.length === 1 && exports2.hasRegexChars(str);
    exports2.escapeRegex = (str) => str.replace(REGEX_SPECIAL_CHARS_GLOBAL, "\\$1");
    exports2.toPosixSlashes = (str) => str.replace(REGEX_BACKSLASH, "/");
    exports2.isWindows = () => {
      if (typeof navigator !== "undefined" && navigator.platform) {
        const platform = navigator.platform.toLowerCase();
        return platform === "win32" || platform === "windows";
      }
      if (typeof process !== "undefined" && process.platform) {
        return process.platform === "win32";
      }
      return false;
    };
    exports2.removeBackslashes = (str) => {
      return str.replace(REGEX_REMOVE_BACKSLASH, (match) => {
        return match === "\\" ? "" : match;
      });
    };
    exports2.escapeLast = (input, char, lastIdx) => {
      const idx = input.lastIndexOf(char, lastIdx);
      if (idx === -1) return input;
      if (input[idx - 1] === "\\") return exports2.escapeLast(input, char, idx - 1);
      return `${input.slice(0, idx)}\\${input.slice(idx)}`;
    };
    exports2.removePrefix = (input, state = {}) => {
      let output = input;
      if (output.startsWith("./")) {
        output = output.slice(2);
        state.prefix = "./";
      }
      return output;
    };
    exports2.wrapOutput = (input, state = {}, options = {}) => {
      const prepend = options.contains ? "" : "^";
      const append = options.contains ? "" : "$";
      let output = `${prepend}(?:${input})${append}`;
      if (state.negated === true) {
        output = `(?:^(?!${output}).*$)`;
      }
      return output;
    };
    exports2.basename = (path, { windows } = {}) => {
      const segs = path.split(windows ? /[\\/]/ : "/");
      const last = segs[segs.length - 1];
      if (last === "") {
        return segs[segs.length - 2];
      }
      return last;
    };
  }
});

// node_modules/picomatch/lib/scan.js
var require_scan = __commonJS({
  "node_modules/picomatch/lib/scan.js"(exports2, module2) {
    "use strict";
    var utils = require_utils();
    var {
      CHAR_ASTERISK,
      /* * */
      CHAR_AT,
      /* @ */
      CHAR_BACKWARD_SLASH,
      /* \ */
      CHAR_COMMA,
      /* , */
      CHAR_DOT,
      /* . */
      CHAR_EXCLAMATION_MARK,
      /* ! */
      CHAR_FORWARD_SLASH,
      /* / */
      CHAR_LEFT_CURLY_BRACE,
      /* { */
      CHAR_LEFT_PARENTHESES,
      /* ( */
      CHAR_LEFT_SQUARE_BRACKET,
      /* [ */
      CHAR_PLUS,
      /* + */
      CHAR_QUESTION_MARK,
      /* ? */
      CHAR_RIGHT_CURLY_BRACE,
      /* } */
      CHAR_RIGHT_PARENTHESES,
      /* ) */
      CHAR_RIGHT_SQUARE_BRACKET
      /* ] */
    } = require_constants();
    var isPathSeparator = (code) => {
      return code === CHAR_FORWARD_SLASH || code === CHAR_BACKWARD_SLASH;
    };
    var depth = (token) => {
      if (token.isPrefix !== true) {
        token.depth = token.isGlobstar ? Infinity : 1;
      }
    };
    var scan = (input, options) => {
      const opts = options || {};
      const length = input.length - 1;
      const scanToEnd = opts.parts === true || opts.tokens === true || opts.scanToEnd === true;
      const slashes = [];
      const tokens = [];
      const parts = [];
      let str = input;
      let index = -1;
      let start = 0;
      let lastIndex = 0;
      let isBrace = false;
      let isBracket = false;
      let isGlob = false;
      let isExtglob = false;
      let isGlobstar = false;
      let braceEscaped = false;
      let backslashes = false;
      let negated = false;
      let negatedExtglob = false;
      let finished = false;
      let braces = 0;
      let prev;
      let code;
      let token = { value: "", depth: 0, isGlob: false };
      const eos = () => index >= length;
      const peek = () => str.charCodeAt(index + 1);
      const advance = () => {
        prev = code;
        return str.charCodeAt(++index);
      };
      while (index < length) {
        code = advance();
        let next;
        if (code === CHAR_BACKWARD_SLASH) {
          backslashes = token.backslashes = true;
          code = advance();
          if (code === CHAR_LEFT_CURLY_BRACE) {
            braceEscaped = true;
          }
          continue;
        }
        if (braceEscaped === true || code === CHAR_LEFT_CURLY_BRACE) {
          braces++;
          while (eos() !== true && (code = advance())) {
            if (code === CHAR_BACKWARD_SLASH) {
              backslashes = token.backslashes = true;
              advance();
              continue;
            }
            if (code === CHAR_LEFT_CURLY_BRACE) {
              braces++;
              continue;
            }
            if (braceEscaped !== true && code === CHAR_DOT && (code = advance()) === CHAR_DOT) {
              isBrace = token.isBrace = true;
              isGlob = token.isGlob = true;
              finished = true;
              if (scanToEnd === true) {
                continue;
              }
              break;
            }
            if (braceEscaped !== true && code === CHAR_COMMA) {
              isBrace = token.isBrace = true;
              isGlob = token.isGlob = true;
              finished = true;
              if (scanToEnd === true) {
                continue;
              }
              break;
            }
            if (code === CHAR_RIGHT_CURLY_BRACE) {
              braces--;
              if (braces === 0) {
                braceEscaped = false;
                isBrace = token.isBrace = true;
                finished = true;
                break;
              }
            }
          }
          if (scanToEnd === true) {
            continue;
          }
          break;
        }
        if (code === CHAR_FORWARD_SLASH) {
          slashes.push(index);
          tokens.push(token);
          token = { value: "", depth: 0, isGlob: false };
          if (finished === true) continue;
          if (prev === CHAR_DOT && index === start + 1) {
            start += 2;
            continue;
          }
          lastIndex = index + 1;
          continue;
        }
        if (opts.noext !== true) {
          const isExtglobChar = code === CHAR_PLUS || code === CHAR_AT || code === CHAR_ASTERISK || code === CHAR_QUESTION_MARK || code === CHAR_EXCLAMATION_MARK;
          if (isExtglobChar === true && peek() === CHAR_LEFT_PARENTHESES) {
            isGlob = token.isGlob = true;
            isExtglob = token.isExtglob = true;
            finished = true;
            if (code === CHAR_EXCLAMATION_MARK && index === start) {
              negatedExtglob = true;
            }
            if (scanToEnd === true) {
              let parens = 0;
              while (eos() !== true && (code = advance())) {
                if (code === CHAR_BACKWARD_SLASH) {
                  backslashes = token.backslashes = true;
                  advance();
                  continue;
                }
                if (code === CHAR_LEFT_PARENTHESES) {
                  parens++;
                  continue;
                }
                if (code === CHAR_RIGHT_PARENTHESES && --parens === 0) {
                  finished = true;
                  break;
                }
              }
              continue;
            }
            break;
          }
        }
        if (code === CHAR_ASTERISK) {
          if (prev === CHAR_ASTERISK) isGlobstar = token.isGlobstar = true;
          isGlob = token.isGlob = true;
          finished = true;
          if (scanToEnd === true) {
            continue;
          }
          break;
        }
        if (code === CHAR_QUESTION_MARK) {
          isGlob = token.isGlob = true;
          finished = true;
          if (scanToEnd === true) {
            continue;
          }
          break;
        }
        if (code === CHAR_LEFT_SQUARE_BRACKET) {
          while (eos() !== true && (next = advance())) {
            if (next === CHAR_BACKWARD_SLASH) {
              backslashes = token.backslashes = true;
              advance();
              continue;
            }
            if (next === CHAR_RIGHT_SQUARE_BRACKET) {
              isBracket = token.isBracket = true;
              isGlob = token.isGlob = true;
              finished = true;
              break;
            }
          }
          if (scanToEnd === true) {
            continue;
          }
          break;
        }
        if (opts.nonegate !== true && code === CHAR_EXCLAMATION_MARK && index === start) {
          negated = token.negated = true;
          start++;
          continue;
        }
        if (opts.noparen !== true && code === CHAR_LEFT_PARENTHESES) {
          isGlob = token.isGlob = true;
          if (scanToEnd === true) {
            let parens = 1;
            while (eos() !== true && (code = advance())) {
              if (code === CHAR_BACKWARD_SLASH) {
                backslashes = token.backslashes = true;
                advance();
                continue;
              }
              if (code === CHAR_LEFT_PARENTHESES) {
                parens++;
                continue;
              }
              if (code === CHAR_RIGHT_PARENTHESES && --parens === 0) {
                finished = true;
                break;
              }
            }
            continue;
          }
          break;
        }
        if (isGlob === true) {
          finished = true;
          if (scanToEnd === true) {
            continue;
          }
          break;
        }
      }
      if (opts.noext === true) {
        isExtglob = false;
        isGlob = false;
      }
      let base = str;
      let prefix = "";
      let glob = "";
      if (start > 0) {
        prefix = str.slice(0, start);
        str = str.slice(start);
        lastIndex -= start;
      }
      if (base && isGlob === true && lastIndex > 0) {
        base = str.slice(0, lastIndex);
        glob = str.slice(lastIndex);
      } else if (isGlob === true) {
        base = "";
        glob = str;
      } else {
        base = str;
      }
      if (base && base !== "" && base !== "/" && base !== str) {
        if (isPathSeparator(base.charCodeAt(base.length - 1))) {
          base = base.slice(0, -1);
        }
      }
      if (opts.unescape === true) {
        if (glob) glob = utils.removeBackslashes(glob);
        if (base && backslashes === true) {
          base = utils.removeBackslashes(base);
        }
      }
      const state = {
        prefix,
        input,
        start,
        base,
        glob,
        isBrace,
        isBracket,
        isGlob,
        isExtglob,
        isGlobstar,
        negated,
        negatedExtglob
      };
      if (opts.tokens === true) {
        state.maxDepth = 0;
        if (!isPathSeparator(code)) {
          tokens.push(token);
        }
        state.tokens = tokens;
      }
      if (opts.parts === true || opts.tokens === true) {
        let prevIndex;
        for (let idx = 0; idx < slashes.length; idx++) {
          const n2 = prevIndex !== void 0 ? prevIndex + 1 : start;
          const i = slashes[idx];
          const value2 = input.slice(n2, i);
          if (opts.tokens) {
            if (idx === 0 && start !== 0) {
              tokens[idx].isPrefix = true;
              tokens[idx].value = prefix;
            } else {
              tokens[idx].value = value2;
            }
            depth(tokens[idx]);
            state.maxDepth += tokens[idx].depth;
          }
          if (i >= start) {
            parts.push(value2);
            prevIndex = i;
          }
        }
        const n = prevIndex !== void 0 ? prevIndex + 1 : start;
        const value = input.slice(n);
        parts.push(value);
        if (opts.tokens && prevIndex && prevIndex + 1 < input.length) {
          tokens[tokens.length - 1].value = value;
          depth(tokens[tokens.length - 1]);
          state.maxDepth += tokens[tokens.length - 1].depth;
        }
        state.slashes = slashes;
        state.parts = parts;
      }
      return state;
    };
    module2.exports = scan;
  }
});

// node_modules/picomatch/lib/parse.js
var require_parse = __commonJS({
  "node_modules/picomatch/lib/parse.js"(exports2, module2) {
    "use strict";
    var constants = require_constants();
    var utils = require_utils();
    var {
      MAX_LENGTH,
      POSIX_REGEX_SOURCE,
      REGEX_NON_SPECIAL_CHARS,
      REGEX_SPECIAL_CHARS_BACKREF,
      REPLACEMENTS
    } = constants;
    var expandRange = (args, options) => {
      if (typeof options.expandRange === "function") {
        return options.expandRange(...args, options);
      }
      args.sort();
      const value = `[${args.join("-")}]`;
      try {
        new RegExp(value);
      } catch (ex) {
        return args.map((v) => utils.escapeRegex(v)).join("..");
      }
      return value;
    };
    var syntaxError = (type, char) => {
      return `Missing ${type}: "${char}" - use "\\\\${char}" to match literal characters`;
    };
    var splitTopLevel = (input) => {
      const parts = [];
      let bracket = 0;
      let paren = 0;
      let quote2 = 0;
      let value = "";
      let escaped = false;
      for (const ch of input) {
        if (escaped === true) {
          value += ch;
          escaped = false;
          continue;
        }
        if (ch === "\\") {
          value += ch;
          escaped = true;
          continue;
        }
        if (ch === '"') {
          quote2 = quote2 === 1 ? 0 : 1;
          value += ch;
          continue;
        }
        if (quote2 === 0) {
          if (ch === "[") {
            bracket++;
          } else if (ch === "]" && bracket > 0) {
            bracket--;
          } else if (bracket === 0) {
            if (ch === "(") {
              paren++;
            } else if (ch === ")" && paren > 0) {
              paren--;
            } else if (ch === "|" && paren === 0) {
              parts.push(value);
              value = "";
              continue;
            }
          }
        }
        value += ch;
      }
      parts.push(value);
      return parts;
    };
    var isPlainBranch = (branch) => {
      let escaped = false;
      for (const ch of branch) {
        if (escaped === true) {
          escaped = false;
          continue;
        }
        if (ch === "\\") {
          escaped = true;
          continue;
        }
        if (/[?*+@!()[\]{}]/.test(ch)) {
          return false;
        }
      }
      return true;
    };
    var normalizeSimpleBranch = (branch) => {
      let value = branch.trim();
      let changed = true;
      while (changed === true) {
        changed = false;
        if (/^@\([^\\()[\]{}|]+\)$/.test(value)) {
          value = value.slice(2, -1);
          changed = true;
        }
      }
      if (!isPlainBranch(value)) {
        return;
      }
      return value.replace(/\\(.)/g, "$1");
    };
    var hasRepeatedCharPrefixOverlap = (branches) => {
      const values = branches.map(normalizeSimpleBranch).filter(Boolean);
      for (let i = 0; i < values.length; i++) {
        for (let j = i + 1; j < values.length; j++) {
          const a = values[i];
          const b = values[j];
          const char = a[0];
          if (!char || a !== char.repeat(a.length) || b !== char.repeat(b.length)) {
            continue;
          }
          if (a === b || a.startsWith(b) || b.startsWith(a)) {
            return true;
          }
        }
      }
      return false;
    };
    var parseRepeatedExtglob = (pattern, requireEnd = true) => {
      if (pattern[0] !== "+" && pattern[0] !== "*" || pattern[1] !== "(") {
        return;
      }
      let bracket = 0;
      let paren = 0;
      let quote2 = 0;
      let escaped = false;
      for (let i = 1; i < pattern.length; i++) {
        const ch = pattern[i];
        if (escaped === true) {
          escaped = false;
          continue;
        }
        if (ch === "\\") {
          escaped = true;
          continue;
        }
        if (ch === '"') {
          quote2 = quote2 === 1 ? 0 : 1;
          continue;
        }
        if (quote2 === 1) {
          continue;
        }
        if (ch === "[") {
          bracket++;
          continue;
        }
        if (ch === "]" && bracket > 0) {
          bracket--;
          continue;
        }
        if (bracket > 0) {
          continue;
        }
        if (ch === "(") {
          paren++;
          continue;
        }
        if (ch === ")") {
          paren--;
          if (paren === 0) {
            if (requireEnd === true && i !== pattern.length - 1) {
              return;
            }
            return {
              type: pattern[0],
              body: pattern.slice(2, i),
              end: i
            };
          }
        }
      }
    };
    var buildCharClassStar = (chars) => {
      const source = chars.length === 1 ? utils.escapeRegex(chars[0]) : `[${chars.map((ch) => utils.escapeRegex(ch)).join("")}]`;
      return `${source}*`;
    };
    var getStarExtglobSequenceChars = (pattern) => {
      let index = 0;
      const chars = [];
      while (index < pattern.length) {
        const match = parseRepeatedExtglob(pattern.slice(index), false);
        if (!match || match.type !== "*") {
          return;
        }
        const branches = splitTopLevel(match.body).map((branch2) => branch2.trim());
        if (branches.length !== 1) {
          return;
        }
        const branch = normalizeSimpleBranch(branches[0]);
        if (!branch || branch.length !== 1) {
          return;
        }
        chars.push(branch);
        index += match.end + 1;
      }
      if (chars.length < 1) {
        return;
      }
      return chars;
    };
    var repeatedExtglobRecursion = (pattern) => {
      let depth = 0;
      let value = pattern.trim();
      let match = parseRepeatedExtglob(value);
      while (match) {
        depth++;
        value = match.body.trim();
        match = parseRepeatedExtglob(value);
      }
      return depth;
    };
    var analyzeRepeatedExtglob = (body, options) => {
      if (options.maxExtglobRecursion === false) {
        return { risky: false };
      }
      const max = typeof options.maxExtglobRecursion === "number" ? options.maxExtglobRecursion : constants.DEFAULT_MAX_EXTGLOB_RECURSION;
      const branches = splitTopLevel(body).map((branch) => branch.trim());
      if (branches.length > 1) {
        if (branches.some((branch) => branch === "") || branches.some((branch) => /^[*?]+$/.test(branch)) || hasRepeatedCharPrefixOverlap(branches)) {
          return { risky: true };
        }
      }
      const safeChars = [];
      let sawStarSequence = false;
      let combinable = true;
      for (const branch of branches) {
        const chars = getStarExtglobSequenceChars(branch);
        if (chars) {
          sawStarSequence = true;
          safeChars.push(...chars);
          continue;
        }
        const literal = normalizeSimpleBranch(branch);
        if (literal && literal.length === 1) {
          safeChars.push(literal);
          continue;
        }
        combinable = false;
        if (repeatedExtglobRecursion(branch) > max) {
          return { risky: true };
        }
      }
      if (sawStarSequence) {
        return combinable ? { risky: true, safeOutput: buildCharClassStar([...new Set(safeChars)]) } : { risky: true };
      }
      return { risky: false };
    };
    var parse3 = (input, options) => {
      if (typeof input !== "string") {
        throw new TypeError("Expected a string");
      }
      input = REPLACEMENTS[input] || input;
      const opts = { ...options };
      const max = typeof opts.maxLength === "number" ? Math.min(MAX_LENGTH, opts.maxLength) : MAX_LENGTH;
      let len = input.length;
      if (len > max) {
        throw new SyntaxError(`Input length: ${len}, exceeds maximum allowed length: ${max}`);
      }
      const bos = { type: "bos", value: "", output: opts.prepend || "" };
      const tokens = [bos];
      const capture = opts.capture ? "" : "?:";
      const PLATFORM_CHARS = constants.globChars(opts.windows);
      const EXTGLOB_CHARS = constants.extglobChars(PLATFORM_CHARS);
      const {
        DOT_LITERAL,
        PLUS_LITERAL,
        SLASH_LITERAL,
        ONE_CHAR,
        DOTS_SLASH,
        NO_DOT,
        NO_DOT_SLASH,
        NO_DOTS_SLASH,
        QMARK,
        QMARK_NO_DOT,
        STAR,
        START_ANCHOR
      } = PLATFORM_CHARS;
      const globstar = (opts2) => {
        return `(${capture}(?:(?!${START_ANCHOR}${opts2.dot ? DOTS_SLASH : DOT_LITERAL}).)*?)`;
      };
      const nodot = opts.dot ? "" : NO_DOT;
      const qmarkNoDot = opts.dot ? QMARK : QMARK_NO_DOT;
      let star = opts.bash === true ? globstar(opts) : STAR;
      if (opts.capture) {
        star = `(${star})`;
      }
      if (typeof opts.noext === "boolean") {
        opts.noextglob = opts.noext;
      }
      const state = {
        input,
        index: -1,
        start: 0,
        dot: opts.dot === true,
        consumed: "",
        output: "",
        prefix: "",
        backtrack: false,
        negated: false,
        brackets: 0,
        braces: 0,
        parens: 0,
        quotes: 0,
        globstar: false,
        tokens
      };
      input = utils.removePrefix(input, state);
      len = input.length;
      const extglobs = [];
      const braces = [];
      const stack = [];
      let prev = bos;
      let value;
      const eos = () => state.index === len - 1;
      const peek = state.peek = (n = 1) => input[state.index + n];
      const advance = state.advance = () => input[++state.index] || "";
      const remaining = () => input.slice(state.index + 1);
      const consume = (value2 = "", num = 0) => {
        state.consumed += value2;
        state.index += num;
      };
      const append = (token) => {
        state.output += token.output != null ? token.output : token.value;
        consume(token.value);
      };
      const negate = () => {
        let count2 = 1;
        while (peek() === "!" && (peek(2) !== "(" || peek(3) === "?")) {
          advance();
          state.start++;
          count2++;
        }
        if (count2 % 2 === 0) {
          return false;
        }
        state.negated = true;
        state.start++;
        return true;
      };
      const increment = (type) => {
        state[type]++;
        stack.push(type);
      };
      const decrement = (type) => {
        state[type]--;
        stack.pop();
      };
      const push = (tok) => {
        if (prev.type === "globstar") {
          const isBrace = state.braces > 0 && (tok.type === "comma" || tok.type === "brace");
          const isExtglob = tok.extglob === true || extglobs.length && (tok.type === "pipe" || tok.type === "paren");
          if (tok.type !== "slash" && tok.type !== "paren" && !isBrace && !isExtglob) {
            state.output = state.output.slice(0, -prev.output.length);
            prev.type = "star";
            prev.value = "*";
            prev.output = star;
            state.output += prev.output;
          }
        }
        if (extglobs.length && tok.type !== "paren") {
          extglobs[extglobs.length - 1].inner += tok.value;
        }
        if (tok.value || tok.output) append(tok);
        if (prev && prev.type === "text" && tok.type === "text") {
          prev.output = (prev.output || prev.value) + tok.value;
          prev.value += tok.value;
          return;
        }
        tok.prev = prev;
        tokens.push(tok);
        prev = tok;
      };
      const extglobOpen = (type, value2) => {
        const token = { ...EXTGLOB_CHARS[value2], conditions: 1, inner: "" };
        token.prev = prev;
        token.parens = state.parens;
        token.output = state.output;
        token.startIndex = state.index;
        token.tokensIndex = tokens.length;
        const output = (opts.capture ? "(" : "") + token.open;
        increment("parens");
        push({ type, value: value2, output: state.output ? "" : ONE_CHAR });
        push({ type: "paren", extglob: true, value: advance(), output });
        extglobs.push(token);
      };
      const extglobClose = (token) => {
        const literal = input.slice(token.startIndex, state.index + 1);
        const body = input.slice(token.startIndex + 2, state.index);
        const analysis = analyzeRepeatedExtglob(body, opts);
        if ((token.type === "plus" || token.type === "star") && analysis.risky) {
          const safeOutput = analysis.safeOutput ? (token.output ? "" : ONE_CHAR) + (opts.capture ? `(${analysis.safeOutput})` : analysis.safeOutput) : void 0;
          const open = tokens[token.tokensIndex];
          open.type = "text";
          open.value = literal;
          open.output = safeOutput || utils.escapeRegex(literal);
          for (let i = token.tokensIndex + 1; i < tokens.length; i++) {
            tokens[i].value = "";
            tokens[i].output = "";
            delete tokens[i].suffix;
          }
          state.output = token.output + open.output;
          state.backtrack = true;
          push({ type: "paren", extglob: true, value, output: "" });
          decrement("parens");
          return;
        }
        let output = token.close + (opts.capture ? ")" : "");
        let rest;
        if (token.type === "negate") {
          let extglobStar = star;
          if (token.inner && token.inner.length > 1 && token.inner.includes("/")) {
            extglobStar = globstar(opts);
          }
          if (extglobStar !== star || eos() || /^\)+$/.test(remaining())) {
            output = token.close = `)$))${extglobStar}`;
          }
          if (token.inner.includes("*") && (rest = remaining()) && /^\.[^\\/.]+$/.test(rest)) {
            const expression = parse3(rest, { ...options, fastpaths: false }).output;
            output = token.close = `)${expression})${extglobStar})`;
          }
          if (token.prev.type === "bos") {
            state.negatedExtglob = true;
          }
        }
        push({ type: "paren", extglob: true, value, output });
        decrement("parens");
      };
      if (opts.fastpaths !== false && !/(^[*!]|[/()[\]{}"])/.test(input)) {
        let backslashes = false;
        let output = input.replace(REGEX_SPECIAL_CHARS_BACKREF, (m, esc, chars, first, rest, index) => {
          if (first === "\\") {
            backslashes = true;
            return m;
          }
          if (first === "?") {
            if (esc) {
              return esc + first + (rest ? QMARK.repeat(rest.length) : "");
            }
            if (index === 0) {
              return qmarkNoDot + (rest ? QMARK.repeat(rest.length) : "");
            }
            return QMARK.repeat(chars.length);
          }
          if (first === ".") {
            return DOT_LITERAL.repeat(chars.length);
          }
          if (first === "*") {
            if (esc) {
              return esc + first + (rest ? star : "");
            }
            return star;
          }
          return esc ? m : `\\${m}`;
        });
        if (backslashes === true) {
          if (opts.unescape === true) {
            output = output.replace(/\\/g, "");
          } else {
            output = output.replace(/\\+/g, (m) => {
              return m.length % 2 === 0 ? "\\\\" : m ? "\\" : "";
            });
          }
        }
        if (output === input && opts.contains === true) {
          state.output = input;
          return state;
        }
        state.output = utils.wrapOutput(output, state, options);
        return state;
      }
      while (!eos()) {
        value = advance();
        if (value === "\0") {
          continue;
        }
        if (value === "\\") {
          const next = peek();
          if (next === "/" && opts.bash !== true) {
            continue;
          }
          if (next === "." || next === ";") {
            continue;
          }
          if (!next) {
            value += "\\";
            push({ type: "text", value });
            continue;
          }
          const match = /^\\+/.exec(remaining());
          let slashes = 0;
          if (match && match[0].length > 2) {
            slashes = match[0].length;
            state.index += slashes;
            if (slashes % 2 !== 0) {
              value += "\\";
            }
          }
          if (opts.unescape === true) {
            value = advance();
          } else {
            value += advance();
          }
          if (state.brackets === 0) {
            push({ type: "text", value });
            continue;
          }
        }
        if (state.brackets > 0 && (value !== "]" || prev.value === "[" || prev.value === "[^")) {
          if (opts.posix !== false && value === ":") {
            const inner = prev.value.slice(1);
            if (inner.includes("[")) {
              prev.posix = true;
              if (inner.includes(":")) {
                const idx = prev.value.lastIndexOf("[");
                const pre = prev.value.slice(0, idx);
                const rest2 = prev.value.slice(idx + 2);
                const posix = POSIX_REGEX_SOURCE[rest2];
                if (posix) {
                  prev.value = pre + posix;
                  state.backtrack = true;
                  advance();
                  if (!bos.output && tokens.indexOf(prev) === 1) {
                    bos.output = ONE_CHAR;
                  }
                  continue;
                }
              }
            }
          }
          if (value === "[" && peek() !== ":" || value === "-" && peek() === "]") {
            value = `\\${value}`;
          }
          if (value === "]" && (prev.value === "[" || prev.value === "[^")) {
            value = `\\${value}`;
          }
          if (opts.posix === true && value === "!" && prev.value === "[") {
            value = "^";
          }
          prev.value += value;
          append({ value });
          continue;
        }
        if (state.quotes === 1 && value !== '"') {
          value = utils.escapeRegex(value);
          prev.value += value;
          append({ value });
          continue;
        }
        if (value === '"') {
          state.quotes = state.quotes === 1 ? 0 : 1;
          if (opts.keepQuotes === true) {
            push({ type: "text", value });
          }
          continue;
        }
        if (value === "(") {
          increment("parens");
          push({ type: "paren", value });
          continue;
        }
        if (value === ")") {
          if (state.parens === 0 && opts.strictBrackets === true) {
            throw new SyntaxError(syntaxError("opening", "("));
          }
          const extglob = extglobs[extglobs.length - 1];
          if (extglob && state.parens === extglob.parens + 1) {
            extglobClose(extglobs.pop());
            continue;
          }
          push({ type: "paren", value, output: state.parens ? ")" : "\\)" });
          decrement("parens");
          continue;
        }
        if (value === "[") {
          if (opts.nobracket === true || !remaining().includes("]")) {
            if (opts.nobracket !== true && opts.strictBrackets === true) {
              throw new SyntaxError(syntaxError("closing", "]"));
            }
            value = `\\${value}`;
          } else {
            increment("brackets");
          }
          push({ type: "bracket", value });
          continue;
        }
        if (value === "]") {
          if (opts.nobracket === true || prev && prev.type === "bracket" && prev.value.length === 1) {
            push({ type: "text", value, output: `\\${value}` });
            continue;
          }
          if (state.brackets === 0) {
            if (opts.strictBrackets === true) {
              throw new SyntaxError(syntaxError("opening", "["));
            }
            push({ type: "text", value, output: `\\${value}` });
            continue;
          }
          decrement("brackets");
          const prevValue = prev.value.slice(1);
          if (prev.posix !== true && prevValue[0] === "^" && !prevValue.includes("/")) {
            value = `/${value}`;
          }
          prev.value += value;
          append({ value });
          if (opts.literalBrackets === false || utils.hasRegexChars(prevValue)) {
            continue;
          }
          const escaped = utils.escapeRegex(prev.value);
          state.output = state.output.slice(0, -prev.value.length);
          if (opts.literalBrackets === true) {
            state.output += escaped;
            prev.value = escaped;
            continue;
          }
          prev.value = `(${capture}${escaped}|${prev.value})`;
          state.output += prev.value;
          continue;
        }
        if (value === "{" && opts.nobrace !== true) {
          increment("braces");
          const open = {
            type: "brace",
            value,
            output: "(",
            outputIndex: state.output.length,
            tokensIndex: state.tokens.length
          };
          braces.push(open);
          push(open);
          continue;
        }
        if (value === "}") {
          const brace = braces[braces.length - 1];
          if (opts.nobrace === true || !brace) {
            push({ type: "text", value, output: value });
            continue;
          }
          let output = ")";
          if (brace.dots === true) {
            const arr = tokens.slice();
            const range = [];
            for (let i = arr.length - 1; i >= 0; i--) {
              tokens.pop();
              if (arr[i].type === "brace") {
                break;
              }
              if (arr[i].type !== "dots") {
                range.unshift(arr[i].value);
              }
            }
            output = expandRange(range, opts);
            state.backtrack = true;
          }
          if (brace.comma !== true && brace.dots !== true) {
            const out = state.output.slice(0, brace.outputIndex);
            const toks = state.tokens.slice(brace.tokensIndex);
            brace.value = brace.output = "\\{";
            value = output = "\\}";
            state.output = out;
            for (const t of toks) {
              state.output += t.output || t.value;
            }
          }
          push({ type: "brace", value, output });
          decrement("braces");
          braces.pop();
          continue;
        }
        if (value === "|") {
          if (extglobs.length > 0) {
            extglobs[extglobs.length - 1].conditions++;
          }
          push({ type: "text", value });
          continue;
        }
        if (value === ",") {
          let output = value;
          const brace = braces[braces.length - 1];
          if (brace && stack[stack.length - 1] === "braces") {
            brace.comma = true;
            output = "|";
          }
          push({ type: "comma", value, output });
          continue;
        }
        if (value === "/") {
          if (prev.type === "dot" && state.index === state.start + 1) {
            state.start = state.index + 1;
            state.consumed = "";
            state.output = "";
            tokens.pop();
            prev = bos;
            continue;
          }
          push({ type: "slash", value, output: SLASH_LITERAL });
          continue;
        }
        if (value === ".") {
          if (state.braces > 0 && prev.type === "dot") {
            if (prev.value === ".") prev.output = DOT_LITERAL;
            const brace = braces[braces.length - 1];
            prev.type = "dots";
            prev.output += value;
            prev.value += value;
            brace.dots = true;
            continue;
          }
          if (state.braces + state.parens === 0 && prev.type !== "bos" && prev.type !== "slash") {
            push({ type: "text", value, output: DOT_LITERAL });
            continue;
          }
          push({ type: "dot", value, output: DOT_LITERAL });
          continue;
        }
        if (value === "?") {
          const isGroup = prev && prev.value === "(";
          if (!isGroup && opts.noextglob !== true && peek() === "(" && peek(2) !== "?") {
            extglobOpen("qmark", value);
            continue;
          }
          if (prev && prev.type === "paren") {
            const next = peek();
            let output = value;
            if (prev.value === "(" && !/[!=<:]/.test(next) || next === "<" && !/<([!=]|\w+>)/.test(remaining())) {
              output = `\\${value}`;
            }
            push({ type: "text", value, output });
            continue;
          }
          if (opts.dot !== true && (prev.type === "slash" || prev.type === "bos")) {
            push({ type: "qmark", value, output: QMARK_NO_DOT });
            continue;
          }
          push({ type: "qmark", value, output: QMARK });
          continue;
        }
        if (value === "!") {
          if (opts.noextglob !== true && peek() === "(") {
            if (peek(2) !== "?" || !/[!=<:]/.test(peek(3))) {
              extglobOpen("negate", value);
              continue;
            }
          }
          if (opts.nonegate !== true && state.index === 0) {
            negate();
            continue;
          }
        }
        if (value === "+") {
          if (opts.noextglob !== true && peek() === "(" && peek(2) !== "?") {
            extglobOpen("plus", value);
            continue;
          }
          if (prev && prev.value === "(" || opts.regex === false) {
            push({ type: "plus", value, output: PLUS_LITERAL });
            continue;
          }
          if (prev && (prev.type === "bracket" || prev.type === "paren" || prev.type === "brace") || state.parens > 0) {
            push({ type: "plus", value });
            continue;
          }
          push({ type: "plus", value: PLUS_LITERAL });
          continue;
        }
        if (value === "@") {
          if (opts.noextglob !== true && peek() === "(" && peek(2) !== "?") {
            push({ type: "at", extglob: true, value, output: "" });
            continue;
          }
          push({ type: "text", value });
          continue;
        }
        if (value !== "*") {
          if (value === "$" || value === "^") {
            value = `\\${value}`;
          }
          const match = REGEX_NON_SPECIAL_CHARS.exec(remaining());
          if (match) {
            value += match[0];
            state.index += match[0].length;
          }
          push({ type: "text", value });
          continue;
        }
        if (prev && (prev.type === "globstar" || prev.star === true)) {
          prev.type = "star";
          prev.star = true;
          prev.value += value;
          prev.output = star;
          state.backtrack = true;
          state.globstar = true;
          consume(value);
          continue;
        }
        let rest = remaining();
        if (opts.noextglob !== true && /^\([^?]/.test(rest)) {
          extglobOpen("star", value);
          continue;
        }
        if (prev.type === "star") {
          if (opts.noglobstar === true) {
            consume(value);
            continue;
          }
          const prior = prev.prev;
          const before = prior.prev;
          const isStart = prior.type === "slash" || prior.type === "bos";
          const afterStar = before && (before.type === "star" || before.type === "globstar");
          if (opts.bash === true && (!isStart || rest[0] && rest[0] !== "/")) {
            push({ type: "star", value, output: "" });
            continue;
          }
          const isBrace = state.braces > 0 && (prior.type === "comma" || prior.type === "brace");
          const isExtglob = extglobs.length && (prior.type === "pipe" || prior.type === "paren");
          if (!isStart && prior.type !== "paren" && !isBrace && !isExtglob) {
            push({ type: "star", value, output: "" });
            continue;
          }
          while (rest.slice(0, 3) === "/**") {
            const after = input[state.index + 4];
            if (after && after !== "/") {
              break;
            }
            rest = rest.slice(3);
            consume("/**", 3);
          }
          const isEnd = eos() || state.parens > 0 && rest === ")".repeat(state.parens) && !extglobs.some((extglob) => extglob.type === "negate");
          if (prior.type === "bos" && eos()) {
            prev.type = "globstar";
            prev.value += value;
            prev.output = globstar(opts);
            state.output = prev.output;
            state.globstar = true;
            consume(value);
            continue;
          }
          if (prior.type === "slash" && prior.prev.type !== "bos" && !afterStar && isEnd) {
            state.output = state.output.slice(0, -(prior.output + prev.output).length);
            prior.output = `(?:${prior.output}`;
            prev.type = "globstar";
            prev.output = globstar(opts) + (opts.strictSlashes ? ")" : "|$)");
            prev.value += value;
            state.globstar = true;
            state.output += prior.output + prev.output;
            consume(value);
            continue;
          }
          if (prior.type === "slash" && prior.prev.type !== "bos" && rest[0] === "/") {
            const end = rest[1] !== void 0 ? "|$" : "";
            state.output = state.output.slice(0, -(prior.output + prev.output).length);
            prior.output = `(?:${prior.output}`;
            prev.type = "globstar";
            prev.output = `${globstar(opts)}${SLASH_LITERAL}|${SLASH_LITERAL}${end})`;
            prev.value += value;
            state.output += prior.output + prev.output;
            state.globstar = true;
            consume(value + advance());
            push({ type: "slash", value: "/", output: "" });
            continue;
          }
          if (prior.type === "bos" && rest[0] === "/") {
            prev.type = "globstar";
            prev.value += value;
            prev.output = `(?:^|${SLASH_LITERAL}|${globstar(opts)}${SLASH_LITERAL})`;
            state.output = prev.output;
            state.globstar = true;
            consume(value + advance());
            push({ type: "slash", value: "/", output: "" });
            continue;
          }
          state.output = state.output.slice(0, -prev.output.length);
          prev.type = "globstar";
          prev.output = globstar(opts);
          prev.value += value;
          state.output += prev.output;
          state.globstar = true;
          consume(value);
          continue;
        }
        const token = { type: "star", value, output: star };
        if (opts.bash === true) {
          token.output = ".*?";
          if (prev.type === "bos" || prev.type === "slash") {
            token.output = nodot + token.output;
          }
          push(token);
          continue;
        }
        if (prev && (prev.type === "bracket" || prev.type === "paren") && opts.regex === true) {
          token.output = value;
          push(token);
          continue;
        }
        if (state.index === state.start || prev.type === "slash" || prev.type === "dot") {
          if (prev.type === "dot") {
            state.output += NO_DOT_SLASH;
            prev.output += NO_DOT_SLASH;
          } else if (opts.dot === true) {
            state.output += NO_DOTS_SLASH;
            prev.output += NO_DOTS_SLASH;
          } else {
            state.output += nodot;
            prev.output += nodot;
          }
          if (peek() !== "*") {
            state.output += ONE_CHAR;
            prev.output += ONE_CHAR;
          }
        }
        push(token);
      }
      while (state.brackets > 0) {
        if (opts.strictBrackets === true) throw new SyntaxError(syntaxError("closing", "]"));
        state.output = utils.escapeLast(state.output, "[");
        decrement("brackets");
      }
      while (state.parens > 0) {
        if (opts.strictBrackets === true) throw new SyntaxError(syntaxError("closing", ")"));
        state.output = utils.escapeLast(state.output, "(");
        decrement("parens");
      }
      while (state.braces > 0) {
        if (opts.strictBrackets === true) throw new SyntaxError(syntaxError("closing", "}"));
        state.output = utils.escapeLast(state.output, "{");
        decrement("braces");
      }
      if (opts.strictSlashes !== true && (prev.type === "star" || prev.type === "bracket")) {
        push({ type: "maybe_slash", value: "", output: `${SLASH_LITERAL}?` });
      }
      if (state.backtrack === true) {
        state.output = "";
        for (const token of state.tokens) {
          state.output += token.output != null ? token.output : token.value;
          if (token.suffix) {
            state.output += token.suffix;
          }
        }
      }
      return state;
    };
    parse3.fastpaths = (input, options) => {
      const opts = { ...options };
      const max = typeof opts.maxLength === "number" ? Math.min(MAX_LENGTH, opts.maxLength) : MAX_LENGTH;
      const len = input.length;
      if (len > max) {
        throw new SyntaxError(`Input length: ${len}, exceeds maximum allowed length: ${max}`);
      }
      input = REPLACEMENTS[input] || input;
      const {
        DOT_LITERAL,
        SLASH_LITERAL,
        ONE_CHAR,
        DOTS_SLASH,
        NO_DOT,
        NO_DOTS,
        NO_DOTS_SLASH,
        STAR,
        START_ANCHOR
      } = constants.globChars(opts.windows);
      const nodot = opts.dot ? NO_DOTS : NO_DOT;
      const slashDot = opts.dot ? NO_DOTS_SLASH : NO_DOT;
      const capture = opts.capture ? "" : "?:";
      const state = { negated: false, prefix: "" };
      let star = opts.bash === true ? ".*?" : STAR;
      if (opts.capture) {
        star = `(${star})`;
      }
      const globstar = (opts2) => {
        if (opts2.noglobstar === true) return star;
        return `(${capture}(?:(?!${START_ANCHOR}${opts2.dot ? DOTS_SLASH : DOT_LITERAL}).)*?)`;
      };
      const create = (str) => {
        switch (str) {
          case "*":
            return `${nodot}${ONE_CHAR}${star}`;
          case ".*":
            return `${DOT_LITERAL}${ONE_CHAR}${star}`;
          case "*.*":
            return `${nodot}${star}${DOT_LITERAL}${ONE_CHAR}${star}`;
          case "*/*":
            return `${nodot}${star}${SLASH_LITERAL}${ONE_CHAR}${slashDot}${star}`;
          case "**":
            return nodot + globstar(opts);
          case "**/*":
            return `(?:${nodot}${globstar(opts)}${SLASH_LITERAL})?${slashDot}${ONE_CHAR}${star}`;
          case "**/*.*":
            return `(?:${nodot}${globstar(opts)}${SLASH_LITERAL})?${slashDot}${star}${DOT_LITERAL}${ONE_CHAR}${star}`;
          case "**/.*":
            return `(?:${nodot}${globstar(opts)}${SLASH_LITERAL})?${DOT_LITERAL}${ONE_CHAR}${star}`;
          default: {
            const match = /^(.*?)\.(\w+)$/.exec(str);
            if (!match) return;
            const source2 = create(match[1]);
            if (!source2) return;
            return source2 + DOT_LITERAL + match[2];
          }
        }
      };
      const output = utils.removePrefix(input, state);
      let source = create(output);
      if (source && opts.strictSlashes !== true) {
        source += `${SLASH_LITERAL}?`;
      }
      return source;
    };
    module2.exports = parse3;
  }
});

// node_modules/picomatch/lib/picomatch.js
var require_picomatch = __commonJS({
  "node_modules/picomatch/lib/picomatch.js"(exports2, module2) {
    "use strict";
    var scan = require_scan();
    var parse3 = require_parse();
    var utils = require_utils();
    var constants = require_constants();
    var isObject2 = (val) => val && typeof val === "object" && !Array.isArray(val);
    var picomatch3 = (glob, options, returnState = false) => {
      if (Array.isArray(glob)) {
        const fns = glob.map((input) => picomatch3(input, options, returnState));
        const arrayMatcher = (str) => {
          for (const isMatch of fns) {
            const state2 = isMatch(str);
            if (state2) return state2;
          }
          return false;
        };
        return arrayMatcher;
      }
      const isState = isObject2(glob) && glob.tokens && glob.input;
      if (glob === "" || typeof glob !== "string" && !isState) {
        throw new TypeError("Expected pattern to be a non-empty string");
      }
      const opts = options || {};
      const posix = opts.windows;
      const regex = isState ? picomatch3.compileRe(glob, options) : picomatch3.makeRe(glob, options, false, true);
      const state = regex.state;
      delete regex.state;
      let isIgnored = () => false;
      if (opts.ignore) {
        const ignoreOpts = { ...options, ignore: null, onMatch: null, onResult: null };
        isIgnored = picomatch3(opts.ignore, ignoreOpts, returnState);
      }
      const matcher = (input, returnObject = false) => {
        const { isMatch, match, output } = picomatch3.test(input, regex, options, { glob, posix });
        const result = { glob, state, regex, posix, input, output, match, isMatch };
        if (typeof opts.onResult === "function") {
          opts.onResult(result);
        }
        if (isMatch === false) {
          result.isMatch = false;
          return returnObject ? result : false;
        }
        if (isIgnored(input)) {
          if (typeof opts.onIgnore === "function") {
            opts.onIgnore(result);
          }
          result.isMatch = false;
          return returnObject ? result : false;
        }
        if (typeof opts.onMatch === "function") {
          opts.onMatch(result);
        }
        return returnObject ? result : true;
      };
      if (returnState) {
        matcher.state = state;
      }
      return matcher;
    };
    picomatch3.test = (input, regex, options, { glob, posix } = {}) => {
      if (typeof input !== "string") {
        throw new TypeError("Expected input to be a string");
      }
      if (input === "") {
        return { isMatch: false, output: "" };
      }
      const opts = options || {};
      const format2 = opts.format || (posix ? utils.toPosixSlashes : null);
      let match = input === glob;
      let output = match && format2 ? format2(input) : input;
      if (match === false) {
        output = format2 ? format2(input) : input;
        match = output === glob;
      }
      if (match === false || opts.capture === true) {
        if (opts.matchBase === true || opts.basename === true) {
          match = picomatch3.matchBase(input, regex, options, posix);
        } else {
          match = regex.exec(output);
        }
      }
      return { isMatch: Boolean(match), match, output };
    };
    picomatch3.matchBase = (input, glob, options, posix = options && options.windows) => {
      const regex = glob instanceof RegExp ? glob : picomatch3.makeRe(glob, options);
      return regex.test(utils.basename(input, { windows: posix }));
    };
    picomatch3.isMatch = (str, patterns, options) => picomatch3(patterns, options)(str);
    picomatch3.parse = (pattern, options) => {
      if (Array.isArray(pattern)) return pattern.map((p) => picomatch3.parse(p, options));
      return parse3(pattern, { ...options, fastpaths: false });
    };
    picomatch3.scan = (input, options) => scan(input, options);
    picomatch3.compileRe = (state, options, returnOutput = false, returnState = false) => {
      if (returnOutput === true) {
        return state.output;
      }
      const opts = options || {};
      const prepend = opts.contains ? "" : "^";
      const append = opts.contains ? "" : "$";
      let source = `${prepend}(?:${state.output})${append}`;
      if (state && state.negated === true) {
        source = `^(?!${source}).*$`;
      }
      const regex = picomatch3.toRegex(source, options);
      if (returnState === true) {
        regex.state = state;
      }
      return regex;
    };
    picomatch3.makeRe = (input, options = {}, returnOutput = false, returnState = false) => {
      if (!input || typeof input !== "string") {
        throw new TypeError("Expected a non-empty string");
      }
      let parsed = { negated: false, fastpaths: true };
      if (options.fastpaths !== false && (input[0] === "." || input[0] === "*")) {
        parsed.output = parse3.fastpaths(input, options);
      }
      if (!parsed.output) {
        parsed = parse3(input, options);
      }
      return picomatch3.compileRe(parsed, options, returnOutput, returnState);
    };
    picomatch3.toRegex = (source, options) => {
      try {
        const opts = options || {};
        return new RegExp(source, opts.flags || (opts.nocase ? "i" : ""));
      } catch (err) {
        if (options && options.debug === true) throw err;
        return /$^/;
      }
    };
    picomatch3.constants = constants;
    module2.exports = picomatch3;
  }
});

// node_modules/picomatch/index.js
var require_picomatch2 = __commonJS({
  "node_modules/picomatch/index.js"(exports2, module2) {
    "use strict";
    var pico = require_picomatch();
    var utils = require_utils();
    function picomatch3(glob, options, returnState = false) {
      if (options && (options.windows === null || options.windows === void 0)) {
        options = { ...options, windows: utils.isWindows() };
      }
      return pico(glob, options, returnState);
    }
    Object.assign(picomatch3, pico);
    module2.exports = picomatch3;
  }
});

// node_modules/cli-progress/lib/eta.js
var require_eta = __commonJS({
  "node_modules/cli-progress/lib/eta.js"(exports2, module2) {
    var ETA = class {
      constructor(length, initTime, initValue) {
        this.etaBufferLength = length || 100;
        this.valueBuffer = [initValue];
        this.timeBuffer = [initTime];
        this.eta = "0";
      }
      // add new values to calculation buffer
      update(time, value, total) {
        this.valueBuffer.push(value);
        this.timeBuffer.push(time);
        this.calculate(total - value);
      }
      // fetch estimated time
      getTime() {
        return this.eta;
      }
      // eta calculation - request number of remaining events
      calculate(remaining) {
        const currentBufferSize = this.valueBuffer.length;
        const buffer = Math.min(this.etaBufferLength, currentBufferSize);
        const v_diff = this.valueBuffer[currentBufferSize - 1] - this.valueBuffer[currentBufferSize - buffer];
        const t_diff = this.timeBuffer[currentBufferSize - 1] - this.timeBuffer[currentBufferSize - buffer];
        const vt_rate = v_diff / t_diff;
        this.valueBuffer = this.valueBuffer.slice(-this.etaBufferLength);
        this.timeBuffer = this.timeBuffer.slice(-this.etaBufferLength);
        const eta = Math.ceil(remaining / vt_rate / 1e3);
        if (isNaN(eta)) {
          this.eta = "NULL";
        } else if (!isFinite(eta)) {
          this.eta = "INF";
        } else if (eta > 1e7) {
          this.eta = "INF";
        } else if (eta < 0) {
          this.eta = 0;
        } else {
          this.eta = eta;
        }
      }
    };
    module2.exports = ETA;
  }
});

// node_modules/cli-progress/lib/terminal.js
var require_terminal = __commonJS({
  "node_modules/cli-progress/lib/terminal.js"(exports2, module2) {
    var _readline = require("readline");
    var Terminal = class {
      constructor(outputStream) {
        this.stream = outputStream;
        this.linewrap = true;
        this.dy = 0;
      }
      // save cursor position + settings
      cursorSave() {
        if (!this.stream.isTTY) {
          return;
        }
        this.stream.write("\x1B7");
      }
      // restore last cursor position + settings
      cursorRestore() {
        if (!this.stream.isTTY) {
          return;
        }
        this.stream.write("\x1B8");
      }
      // show/hide cursor
      cursor(enabled) {
        if (!this.stream.isTTY) {
          return;
        }
        if (enabled) {
          this.stream.write("\x1B[?25h");
        } else {
          this.stream.write("\x1B[?25l");
        }
      }
      // change cursor positionn
      cursorTo(x = null, y = null) {
        if (!this.stream.isTTY) {
          return;
        }
        _readline.cursorTo(this.stream, x, y);
      }
      // change relative cursor position
      cursorRelative(dx = null, dy = null) {
        if (!this.stream.isTTY) {
          return;
        }
        this.dy = this.dy + dy;
        _readline.moveCursor(this.stream, dx, dy);
      }
      // relative reset
      cursorRelativeReset() {
        if (!this.stream.isTTY) {
          return;
        }
        _readline.moveCursor(this.stream, 0, -this.dy);
        _readline.cursorTo(this.stream, 0, null);
        this.dy = 0;
      }
      // clear to the right from cursor
      clearRight() {
        if (!this.stream.isTTY) {
          return;
        }
        _readline.clearLine(this.stream, 1);
      }
      // clear the full line
      clearLine() {
        if (!this.stream.isTTY) {
          return;
        }
        _readline.clearLine(this.stream, 0);
      }
      // clear everyting beyond the current line
      clearBottom() {
        if (!this.stream.isTTY) {
          return;
        }
        _readline.clearScreenDown(this.stream);
      }
      // add new line; increment counter
      newline() {
        this.stream.write("\n");
        this.dy++;
      }
      // write content to output stream
      // @TODO use string-width to strip length
      write(s, rawWrite = false) {
        if (this.linewrap === true && rawWrite === false) {
          this.stream.write(s.substr(0, this.getWidth()));
        } else {
          this.stream.write(s);
        }
      }
      // control line wrapping
      lineWrapping(enabled) {
        if (!this.stream.isTTY) {
          return;
        }
        this.linewrap = enabled;
        if (enabled) {
          this.stream.write("\x1B[?7h");
        } else {
          this.stream.write("\x1B[?7l");
        }
      }
      // tty environment ?
      isTTY() {
        return this.stream.isTTY === true;
      }
      // get terminal width
      getWidth() {
        return this.stream.columns || (this.stream.isTTY ? 80 : 200);
      }
    };
    module2.exports = Terminal;
  }
});

// node_modules/ansi-regex/index.js
var require_ansi_regex = __commonJS({
  "node_modules/ansi-regex/index.js"(exports2, module2) {
    "use strict";
    module2.exports = ({ onlyFirst = false } = {}) => {
      const pattern = [
        "[\\u001B\\u009B][[\\]()#;?]*(?:(?:(?:(?:;[-a-zA-Z\\d\\/#&.:=?%@~_]+)*|[a-zA-Z\\d]+(?:;[-a-zA-Z\\d\\/#&.:=?%@~_]*)*)?\\u0007)",
        "(?:(?:\\d{1,4}(?:;\\d{0,4})*)?[\\dA-PR-TZcf-ntqry=><~]))"
      ].join("|");
      return new RegExp(pattern, onlyFirst ? void 0 : "g");
    };
  }
});

// node_modules/strip-ansi/index.js
var require_strip_ansi = __commonJS({
  "node_modules/strip-ansi/index.js"(exports2, module2) {
    "use strict";
    var ansiRegex = require_ansi_regex();
    module2.exports = (string) => typeof string === "string" ? string.replace(ansiRegex(), "") : string;
  }
});

// node_modules/is-fullwidth-code-point/index.js
var require_is_fullwidth_code_point = __commonJS({
  "node_modules/is-fullwidth-code-point/index.js"(exports2, module2) {
    "use strict";
    var isFullwidthCodePoint = (codePoint) => {
      if (Number.isNaN(codePoint)) {
        return false;
      }
      if (codePoint >= 4352 && (codePoint <= 4447 || // Hangul Jamo
      codePoint === 9001 || // LEFT-POINTING ANGLE BRACKET
      codePoint === 9002 || // RIGHT-POINTING ANGLE BRACKET
      // CJK Radicals Supplement .. Enclosed CJK Letters and Months
      11904 <= codePoint && codePoint <= 12871 && codePoint !== 12351 || // Enclosed CJK Letters and Months .. CJK Unified Ideographs Extension A
      12880 <= codePoint && codePoint <= 19903 || // CJK Unified Ideographs .. Yi Radicals
      19968 <= codePoint && codePoint <= 42182 || // Hangul Jamo Extended-A
      43360 <= codePoint && codePoint <= 43388 || // Hangul Syllables
      44032 <= codePoint && codePoint <= 55203 || // CJK Compatibility Ideographs
      63744 <= codePoint && codePoint <= 64255 || // Vertical Forms
      65040 <= codePoint && codePoint <= 65049 || // CJK Compatibility Forms .. Small Form Variants
      65072 <= codePoint && codePoint <= 65131 || // Halfwidth and Fullwidth Forms
      65281 <= codePoint && codePoint <= 65376 || 65504 <= codePoint && codePoint <= 65510 || // Kana Supplement
      110592 <= codePoint && codePoint <= 110593 || // Enclosed Ideographic Supplement
      127488 <= codePoint && codePoint <= 127569 || // CJK Unified Ideographs Extension B .. Tertiary Ideographic Plane
      131072 <= codePoint && codePoint <= 262141)) {
        return true;
      }
      return false;
    };
    module2.exports = isFullwidthCodePoint;
    module2.exports.default = isFullwidthCodePoint;
  }
});

// node_modules/emoji-regex/index.js
var require_emoji_regex = __commonJS({
  "node_modules/emoji-regex/index.js"(exports2, module2) {
    "use strict";
    module2.exports = function() {
      return /\uD83C\uDFF4\uDB40\uDC67\uDB40\uDC62(?:\uDB40\uDC65\uDB40\uDC6E\uDB40\uDC67|\uDB40\uDC73\uDB40\uDC63\uDB40\uDC74|\uDB40\uDC77\uDB40\uDC6C\uDB40\uDC73)\uDB40\uDC7F|\uD83D\uDC68(?:\uD83C\uDFFC\u200D(?:\uD83E\uDD1D\u200D\uD83D\uDC68\uD83C\uDFFB|\uD83C[\uDF3E\uDF73\uDF93\uDFA4\uDFA8\uDFEB\uDFED]|\uD83D[\uDCBB\uDCBC\uDD27\uDD2C\uDE80\uDE92]|\uD83E[\uDDAF-\uDDB3\uDDBC\uDDBD])|\uD83C\uDFFF\u200D(?:\uD83E\uDD1D\u200D\uD83D\uDC68(?:\uD83C[\uDFFB-\uDFFE])|\uD83C[\uDF3E\uDF73\uDF93\uDFA4\uDFA8\uDFEB\uDFED]|\uD83D[\uDCBB\uDCBC\uDD27\uDD2C\uDE80\uDE92]|\uD83E[\uDDAF-\uDDB3\uDDBC\uDDBD])|\uD83C\uDFFE\u200D(?:\uD83E\uDD1D\u200D\uD83D\uDC68(?:\uD83C[\uDFFB-\uDFFD])|\uD83C[\uDF3E\uDF73\uDF93\uDFA4\uDFA8\uDFEB\uDFED]|\uD83D[\uDCBB\uDCBC\uDD27\uDD2C\uDE80\uDE92]|\uD83E[\uDDAF-\uDDB3\uDDBC\uDDBD])|\uD83C\uDFFD\u200D(?:\uD83E\uDD1D\u200D\uD83D\uDC68(?:\uD83C[\uDFFB\uDFFC])|\uD83C[\uDF3E\uDF73\uDF93\uDFA4\uDFA8\uDFEB\uDFED]|\uD83D[\uDCBB\uDCBC\uDD27\uDD2C\uDE80\uDE92]|\uD83E[\uDDAF-\uDDB3\uDDBC\uDDBD])|\u200D(?:\u2764\uFE0F\u200D(?:\uD83D\uDC8B\u200D)?\uD83D\uDC68|(?:\uD83D[\uDC68\uDC69])\u200D(?:\uD83D\uDC66\u200D\uD83D\uDC66|\uD83D\uDC67\u200D(?:\uD83D[\uDC66\uDC67]))|\uD83D\uDC66\u200D\uD83D\uDC66|\uD83D\uDC67\u200D(?:\uD83D[\uDC66\uDC67])|(?:\uD83D[\uDC68\uDC69])\u200D(?:\uD83D[\uDC66\uDC67])|[\u2695\u2696\u2708]\uFE0F|\uD83D[\uDC66\uDC67]|\uD83C[\uDF3E\uDF73\uDF93\uDFA4\uDFA8\uDFEB\uDFED]|\uD83D[\uDCBB\uDCBC\uDD27\uDD2C\uDE80\uDE92]|\uD83E[\uDDAF-\uDDB3\uDDBC\uDDBD])|(?:\uD83C\uDFFB\u200D[\u2695\u2696\u2708]|\uD83C\uDFFF\u200D[\u2695\u2696\u2708]|\uD83C\uDFFE\u200D[\u2695\u2696\u2708]|\uD83C\uDFFD\u200D[\u2695\u2696\u2708]|\uD83C\uDFFC\u200D[\u2695\u2696\u2708])\uFE0F|\uD83C\uDFFB\u200D(?:\uD83C[\uDF3E\uDF73\uDF93\uDFA4\uDFA8\uDFEB\uDFED]|\uD83D[\uDCBB\uDCBC\uDD27\uDD2C\uDE80\uDE92]|\uD83E[\uDDAF-\uDDB3\uDDBC\uDDBD])|\uD83C[\uDFFB-\uDFFF])|(?:\uD83E\uDDD1\uD83C\uDFFB\u200D\uD83E\uDD1D\u200D\uD83E\uDDD1|\uD83D\uDC69\uD83C\uDFFC\u200D\uD83E\uDD1D\u200D\uD83D\uDC69)\uD83C\uDFFB|\uD83E\uDDD1(?:\uD83C\uDFFF\u200D\uD83E\uDD1D\u200D\uD83E\uDDD1(?:\uD83C[\uDFFB-\uDFFF])|\u200D\uD83E\uDD1D\u200D\uD83E\uDDD1)|(?:\uD83E\uDDD1\uD83C\uDFFE\u200D\uD83E\uDD1D\u200D\uD83E\uDDD1|\uD83D\uDC69\uD83C\uDFFF\u200D\uD83E\uDD1D\u200D(?:\uD83D[\uDC68\uDC69]))(?:\uD83C[\uDFFB-\uDFFE])|(?:\uD83E\uDDD1\uD83C\uDFFC\u200D\uD83E\uDD1D\u200D\uD83E\uDDD1|\uD83D\uDC69\uD83C\uDFFD\u200D\uD83E\uDD1D\u200D\uD83D\uDC69)(?:\uD83C[\uDFFB\uDFFC])|\uD83D\uDC69(?:\uD83C\uDFFE\u200D(?:\uD83E\uDD1D\u200D\uD83D\uDC68(?:\uD83C[\uDFFB-\uDFFD\uDFFF])|\uD83C[\uDF3E\uDF73\uDF93\uDFA4\uDFA8\uDFEB\uDFED]|\uD83D[\uDCBB\uDCBC\uDD27\uDD2C\uDE80\uDE92]|\uD83E[\uDDAF-\uDDB3\uDDBC\uDDBD])|\uD83C\uDFFC\u200D(?:\uD83E\uDD1D\u200D\uD83D\uDC68(?:\uD83C[\uDFFB\uDFFD-\uDFFF])|\uD83C[\uDF3E\uDF73\uDF93\uDFA4\uDFA8\uDFEB\uDFED]|\uD83D[\uDCBB\uDCBC\uDD27\uDD2C\uDE80\uDE92]|\uD83E[\uDDAF-\uDDB3\uDDBC\uDDBD])|\uD83C\uDFFB\u200D(?:\uD83E\uDD1D\u200D\uD83D\uDC68(?:\uD83C[\uDFFC-\uDFFF])|\uD83C[\uDF3E\uDF73\uDF93\uDFA4\uDFA8\uDFEB\uDFED]|\uD83D[\uDCBB\uDCBC\uDD27\uDD2C\uDE80\uDE92]|\uD83E[\uDDAF-\uDDB3\uDDBC\uDDBD])|\uD83C\uDFFD\u200D(?:\uD83E\uDD1D\u200D\uD83D\uDC68(?:\uD83C[\uDFFB\uDFFC\uDFFE\uDFFF])|\uD83C[\uDF3E\uDF73\uDF93\uDFA4\uDFA8\uDFEB\uDFED]|\uD83D[\uDCBB\uDCBC\uDD27\uDD2C\uDE80\uDE92]|\uD83E[\uDDAF-\uDDB3\uDDBC\uDDBD])|\u200D(?:\u2764\uFE0F\u200D(?:\uD83D\uDC8B\u200D(?:\uD83D[\uDC68\uDC69])|\uD83D[\uDC68\uDC69])|\uD83C[\uDF3E\uDF73\uDF93\uDFA4\uDFA8\uDFEB\uDFED]|\uD83D[\uDCBB\uDCBC\uDD27\uDD2C\uDE80\uDE92]|\uD83E[\uDDAF-\uDDB3\uDDBC\uDDBD])|\uD83C\uDFFF\u200D(?:\uD83C[\uDF3E\uDF73\uDF93\uDFA4\uDFA8\uDFEB\uDFED]|\uD83D[\uDCBB\uDCBC\uDD27\uDD2C\uDE80\uDE92]|\uD83E[\uDDAF-\uDDB3\uDDBC\uDDBD]))|\uD83D\uDC69\u200D\uD83D\uDC69\u200D(?:\uD83D\uDC66\u200D\uD83D\uDC66|\uD83D\uDC67\u200D(?:\uD83D[\uDC66\uDC67]))|(?:\uD83E\uDDD1\uD83C\uDFFD\u200D\uD83E\uDD1D\u200D\uD83E\uDDD1|\uD83D\uDC69\uD83C\uDFFE\u200D\uD83E\uDD1D\u200D\uD83D\uDC69)(?:\uD83C[\uDFFB-\uDFFD])|\uD83D\uDC69\u200D\uD83D\uDC66\u200D\uD83D\uDC66|\uD83D\uDC69\u200D\uD83D\uDC69\u200D(?:\uD83D[\uDC66\uDC67])|(?:\uD83D\uDC41\uFE0F\u200D\uD83D\uDDE8|\uD83D\uDC69(?:\uD83C\uDFFF\u200D[\u2695\u2696\u2708]|\uD83C\uDFFE\u200D[\u2695\u2696\u2708]|\uD83C\uDFFC\u200D[\u2695\u2696\u2708]|\uD83C\uDFFB\u200D[\u2695\u2696\u2708]|\uD83C\uDFFD\u200D[\u2695\u2696\u2708]|\u200D[\u2695\u2696\u2708])|(?:(?:\u26F9|\uD83C[\uDFCB\uDFCC]|\uD83D\uDD75)\uFE0F|\uD83D\uDC6F|\uD83E[\uDD3C\uDDDE\uDDDF])\u200D[\u2640\u2642]|(?:\u26F9|\uD83C[\uDFCB\uDFCC]|\uD83D\uDD75)(?:\uD83C[\uDFFB-\uDFFF])\u200D[\u2640\u2642]|(?:\uD83C[\uDFC3\uDFC4\uDFCA]|\uD83D[\uDC6E\uDC71\uDC73\uDC77\uDC81\uDC82\uDC86\uDC87\uDE45-\uDE47\uDE4B\uDE4D\uDE4E\uDEA3\uDEB4-\uDEB6]|\uD83E[\uDD26\uDD37-\uDD39\uDD3D\uDD3E\uDDB8\uDDB9\uDDCD-\uDDCF\uDDD6-\uDDDD])(?:(?:\uD83C[\uDFFB-\uDFFF])\u200D[\u2640\u2642]|\u200D[\u2640\u2642])|\uD83C\uDFF4\u200D\u2620)\uFE0F|\uD83D\uDC69\u200D\uD83D\uDC67\u200D(?:\uD83D[\uDC66\uDC67])|\uD83C\uDFF3\uFE0F\u200D\uD83C\uDF08|\uD83D\uDC15\u200D\uD83E\uDDBA|\uD83D\uDC69\u200D\uD83D\uDC66|\uD83D\uDC69\u200D\uD83D\uDC67|\uD83C\uDDFD\uD83C\uDDF0|\uD83C\uDDF4\uD83C\uDDF2|\uD83C\uDDF6\uD83C\uDDE6|[#\*0-9]\uFE0F\u20E3|\uD83C\uDDE7(?:\uD83C[\uDDE6\uDDE7\uDDE9-\uDDEF\uDDF1-\uDDF4\uDDF6-\uDDF9\uDDFB\uDDFC\uDDFE\uDDFF])|\uD83C\uDDF9(?:\uD83C[\uDDE6\uDDE8\uDDE9\uDDEB-\uDDED\uDDEF-\uDDF4\uDDF7\uDDF9\uDDFB\uDDFC\uDDFF])|\uD83C\uDDEA(?:\uD83C[\uDDE6\uDDE8\uDDEA\uDDEC\uDDED\uDDF7-\uDDFA])|\uD83E\uDDD1(?:\uD83C[\uDFFB-\uDFFF])|\uD83C\uDDF7(?:\uD83C[\uDDEA\uDDF4\uDDF8\uDDFA\uDDFC])|\uD83D\uDC69(?:\uD83C[\uDFFB-\uDFFF])|\uD83C\uDDF2(?:\uD83C[\uDDE6\uDDE8-\uDDED\uDDF0-\uDDFF])|\uD83C\uDDE6(?:\uD83C[\uDDE8-\uDDEC\uDDEE\uDDF1\uDDF2\uDDF4\uDDF6-\uDDFA\uDDFC\uDDFD\uDDFF])|\uD83C\uDDF0(?:\uD83C[\uDDEA\uDDEC-\uDDEE\uDDF2\uDDF3\uDDF5\uDDF7\uDDFC\uDDFE\uDDFF])|\uD83C\uDDED(?:\uD83C[\uDDF0\uDDF2\uDDF3\uDDF7\uDDF9\uDDFA])|\uD83C\uDDE9(?:\uD83C[\uDDEA\uDDEC\uDDEF\uDDF0\uDDF2\uDDF4\uDDFF])|\uD83C\uDDFE(?:\uD83C[\uDDEA\uDDF9])|\uD83C\uDDEC(?:\uD83C[\uDDE6\uDDE7\uDDE9-\uDDEE\uDDF1-\uDDF3\uDDF5-\uDDFA\uDDFC\uDDFE])|\uD83C\uDDF8(?:\uD83C[\uDDE6-\uDDEA\uDDEC-\uDDF4\uDDF7-\uDDF9\uDDFB\uDDFD-\uDDFF])|\uD83C\uDDEB(?:\uD83C[\uDDEE-\uDDF0\uDDF2\uDDF4\uDDF7])|\uD83C\uDDF5(?:\uD83C[\uDDE6\uDDEA-\uDDED\uDDF0-\uDDF3\uDDF7-\uDDF9\uDDFC\uDDFE])|\uD83C\uDDFB(?:\uD83C[\uDDE6\uDDE8\uDDEA\uDDEC\uDDEE\uDDF3\uDDFA])|\uD83C\uDDF3(?:\uD83C[\uDDE6\uDDE8\uDDEA-\uDDEC\uDDEE\uDDF1\uDDF4\uDDF5\uDDF7\uDDFA\uDDFF])|\uD83C\uDDE8(?:\uD83C[\uDDE6\uDDE8\uDDE9\uDDEB-\uDDEE\uDDF0-\uDDF5\uDDF7\uDDFA-\uDDFF])|\uD83C\uDDF1(?:\uD83C[\uDDE6-\uDDE8\uDDEE\uDDF0\uDDF7-\uDDFB\uDDFE])|\uD83C\uDDFF(?:\uD83C[\uDDE6\uDDF2\uDDFC])|\uD83C\uDDFC(?:\uD83C[\uDDEB\uDDF8])|\uD83C\uDDFA(?:\uD83C[\uDDE6\uDDEC\uDDF2\uDDF3\uDDF8\uDDFE\uDDFF])|\uD83C\uDDEE(?:\uD83C[\uDDE8-\uDDEA\uDDF1-\uDDF4\uDDF6-\uDDF9])|\uD83C\uDDEF(?:\uD83C[\uDDEA\uDDF2\uDDF4\uDDF5])|(?:\uD83C[\uDFC3\uDFC4\uDFCA]|\uD83D[\uDC6E\uDC71\uDC73\uDC77\uDC81\uDC82\uDC86\uDC87\uDE45-\uDE47\uDE4B\uDE4D\uDE4E\uDEA3\uDEB4-\uDEB6]|\uD83E[\uDD26\uDD37-\uDD39\uDD3D\uDD3E\uDDB8\uDDB9\uDDCD-\uDDCF\uDDD6-\uDDDD])(?:\uD83C[\uDFFB-\uDFFF])|(?:\u26F9|\uD83C[\uDFCB\uDFCC]|\uD83D\uDD75)(?:\uD83C[\uDFFB-\uDFFF])|(?:[\u261D\u270A-\u270D]|\uD83C[\uDF85\uDFC2\uDFC7]|\uD83D[\uDC42\uDC43\uDC46-\uDC50\uDC66\uDC67\uDC6B-\uDC6D\uDC70\uDC72\uDC74-\uDC76\uDC78\uDC7C\uDC83\uDC85\uDCAA\uDD74\uDD7A\uDD90\uDD95\uDD96\uDE4C\uDE4F\uDEC0\uDECC]|\uD83E[\uDD0F\uDD18-\uDD1C\uDD1E\uDD1F\uDD30-\uDD36\uDDB5\uDDB6\uDDBB\uDDD2-\uDDD5])(?:\uD83C[\uDFFB-\uDFFF])|(?:[\u231A\u231B\u23E9-\u23EC\u23F0\u23F3\u25FD\u25FE\u2614\u2615\u2648-\u2653\u267F\u2693\u26A1\u26AA\u26AB\u26BD\u26BE\u26C4\u26C5\u26CE\u26D4\u26EA\u26F2\u26F3\u26F5\u26FA\u26FD\u2705\u270A\u270B\u2728\u274C\u274E\u2753-\u2755\u2757\u2795-\u2797\u27B0\u27BF\u2B1B\u2B1C\u2B50\u2B55]|\uD83C[\uDC04\uDCCF\uDD8E\uDD91-\uDD9A\uDDE6-\uDDFF\uDE01\uDE1A\uDE2F\uDE32-\uDE36\uDE38-\uDE3A\uDE50\uDE51\uDF00-\uDF20\uDF2D-\uDF35\uDF37-\uDF7C\uDF7E-\uDF93\uDFA0-\uDFCA\uDFCF-\uDFD3\uDFE0-\uDFF0\uDFF4\uDFF8-\uDFFF]|\uD83D[\uDC00-\uDC3E\uDC40\uDC42-\uDCFC\uDCFF-\uDD3D\uDD4B-\uDD4E\uDD50-\uDD67\uDD7A\uDD95\uDD96\uDDA4\uDDFB-\uDE4F\uDE80-\uDEC5\uDECC\uDED0-\uDED2\uDED5\uDEEB\uDEEC\uDEF4-\uDEFA\uDFE0-\uDFEB]|\uD83E[\uDD0D-\uDD3A\uDD3C-\uDD45\uDD47-\uDD71\uDD73-\uDD76\uDD7A-\uDDA2\uDDA5-\uDDAA\uDDAE-\uDDCA\uDDCD-\uDDFF\uDE70-\uDE73\uDE78-\uDE7A\uDE80-\uDE82\uDE90-\uDE95])|(?:[#\*0-9\xA9\xAE\u203C\u2049\u2122\u2139\u2194-\u2199\u21A9\u21AA\u231A\u231B\u2328\u23CF\u23E9-\u23F3\u23F8-\u23FA\u24C2\u25AA\u25AB\u25B6\u25C0\u25FB-\u25FE\u2600-\u2604\u260E\u2611\u2614\u2615\u2618\u261D\u2620\u2622\u2623\u2626\u262A\u262E\u262F\u2638-\u263A\u2640\u2642\u2648-\u2653\u265F\u2660\u2663\u2665\u2666\u2668\u267B\u267E\u267F\u2692-\u2697\u2699\u269B\u269C\u26A0\u26A1\u26AA\u26AB\u26B0\u26B1\u26BD\u26BE\u26C4\u26C5\u26C8\u26CE\u26CF\u26D1\u26D3\u26D4\u26E9\u26EA\u26F0-\u26F5\u26F7-\u26FA\u26FD\u2702\u2705\u2708-\u270D\u270F\u2712\u2714\u2716\u271D\u2721\u2728\u2733\u2734\u2744\u2747\u274C\u274E\u2753-\u2755\u2757\u2763\u2764\u2795-\u2797\u27A1\u27B0\u27BF\u2934\u2935\u2B05-\u2B07\u2B1B\u2B1C\u2B50\u2B55\u3030\u303D\u3297\u3299]|\uD83C[\uDC04\uDCCF\uDD70\uDD71\uDD7E\uDD7F\uDD8E\uDD91-\uDD9A\uDDE6-\uDDFF\uDE01\uDE02\uDE1A\uDE2F\uDE32-\uDE3A\uDE50\uDE51\uDF00-\uDF21\uDF24-\uDF93\uDF96\uDF97\uDF99-\uDF9B\uDF9E-\uDFF0\uDFF3-\uDFF5\uDFF7-\uDFFF]|\uD83D[\uDC00-\uDCFD\uDCFF-\uDD3D\uDD49-\uDD4E\uDD50-\uDD67\uDD6F\uDD70\uDD73-\uDD7A\uDD87\uDD8A-\uDD8D\uDD90\uDD95\uDD96\uDDA4\uDDA5\uDDA8\uDDB1\uDDB2\uDDBC\uDDC2-\uDDC4\uDDD1-\uDDD3\uDDDC-\uDDDE\uDDE1\uDDE3\uDDE8\uDDEF\uDDF3\uDDFA-\uDE4F\uDE80-\uDEC5\uDECB-\uDED2\uDED5\uDEE0-\uDEE5\uDEE9\uDEEB\uDEEC\uDEF0\uDEF3-\uDEFA\uDFE0-\uDFEB]|\uD83E[\uDD0D-\uDD3A\uDD3C-\uDD45\uDD47-\uDD71\uDD73-\uDD76\uDD7A-\uDDA2\uDDA5-\uDDAA\uDDAE-\uDDCA\uDDCD-\uDDFF\uDE70-\uDE73\uDE78-\uDE7A\uDE80-\uDE82\uDE90-\uDE95])\uFE0F|(?:[\u261D\u26F9\u270A-\u270D]|\uD83C[\uDF85\uDFC2-\uDFC4\uDFC7\uDFCA-\uDFCC]|\uD83D[\uDC42\uDC43\uDC46-\uDC50\uDC66-\uDC78\uDC7C\uDC81-\uDC83\uDC85-\uDC87\uDC8F\uDC91\uDCAA\uDD74\uDD75\uDD7A\uDD90\uDD95\uDD96\uDE45-\uDE47\uDE4B-\uDE4F\uDEA3\uDEB4-\uDEB6\uDEC0\uDECC]|\uD83E[\uDD0F\uDD18-\uDD1F\uDD26\uDD30-\uDD39\uDD3C-\uDD3E\uDDB5\uDDB6\uDDB8\uDDB9\uDDBB\uDDCD-\uDDCF\uDDD1-\uDDDD])/g;
    };
  }
});

// node_modules/string-width/index.js
var require_string_width = __commonJS({
  "node_modules/string-width/index.js"(exports2, module2) {
    "use strict";
    var stripAnsi = require_strip_ansi();
    var isFullwidthCodePoint = require_is_fullwidth_code_point();
    var emojiRegex = require_emoji_regex();
    var stringWidth = (string) => {
      if (typeof string !== "string" || string.length === 0) {
        return 0;
      }
      string = stripAnsi(string);
      if (string.length === 0) {
        return 0;
      }
      string = string.replace(emojiRegex(), "  ");
      let width = 0;
      for (let i = 0; i < string.length; i++) {
        const code = string.codePointAt(i);
        if (code <= 31 || code >= 127 && code <= 159) {
          continue;
        }
        if (code >= 768 && code <= 879) {
          continue;
        }
        if (code > 65535) {
          i++;
        }
        width += isFullwidthCodePoint(code) ? 2 : 1;
      }
      return width;
    };
    module2.exports = stringWidth;
    module2.exports.default = stringWidth;
  }
});

// node_modules/cli-progress/lib/format-value.js
var require_format_value = __commonJS({
  "node_modules/cli-progress/lib/format-value.js"(exports2, module2) {
    module2.exports = function formatValue(v, options, type) {
      if (options.autopadding !== true) {
        return v;
      }
      function autopadding(value, length) {
        return (options.autopaddingChar + value).slice(-length);
      }
      switch (type) {
        case "percentage":
          return autopadding(v, 3);
        default:
          return v;
      }
    };
  }
});

// node_modules/cli-progress/lib/format-bar.js
var require_format_bar = __commonJS({
  "node_modules/cli-progress/lib/format-bar.js"(exports2, module2) {
    module2.exports = function formatBar(progress, options) {
      const completeSize = Math.round(progress * options.barsize);
      const incompleteSize = options.barsize - completeSize;
      return options.barCompleteString.substr(0, completeSize) + options.barGlue + options.barIncompleteString.substr(0, incompleteSize);
    };
  }
});

// node_modules/cli-progress/lib/format-time.js
var require_format_time = __commonJS({
  "node_modules/cli-progress/lib/format-time.js"(exports2, module2) {
    module2.exports = function formatTime(t, options, roundToMultipleOf) {
      function round(input) {
        if (roundToMultipleOf) {
          return roundToMultipleOf * Math.round(input / roundToMultipleOf);
        } else {
          return input;
        }
      }
      function autopadding(v) {
        return (options.autopaddingChar + v).slice(-2);
      }
      if (t > 3600) {
        return autopadding(Math.floor(t / 3600)) + "h" + autopadding(round(t % 3600 / 60)) + "m";
      } else if (t > 60) {
        return autopadding(Math.floor(t / 60)) + "m" + autopadding(round(t % 60)) + "s";
      } else if (t > 10) {
        return autopadding(round(t)) + "s";
      } else {
        return autopadding(t) + "s";
      }
    };
  }
});

// node_modules/cli-progress/lib/formatter.js
var require_formatter = __commonJS({
  "node_modules/cli-progress/lib/formatter.js"(exports2, module2) {
    var _stringWidth = require_string_width();
    var _defaultFormatValue = require_format_value();
    var _defaultFormatBar = require_format_bar();
    var _defaultFormatTime = require_format_time();
    module2.exports = function defaultFormatter(options, params, payload) {
      let s = options.format;
      const formatTime = options.formatTime || _defaultFormatTime;
      const formatValue = options.formatValue || _defaultFormatValue;
      const formatBar = options.formatBar || _defaultFormatBar;
      const percentage = Math.floor(params.progress * 100) + "";
      const stopTime = params.stopTime || Date.now();
      const elapsedTime = Math.round((stopTime - params.startTime) / 1e3);
      const context = Object.assign({}, payload, {
        bar: formatBar(params.progress, options),
        percentage: formatValue(percentage, options, "percentage"),
        total: formatValue(params.total, options, "total"),
        value: formatValue(params.value, options, "value"),
        eta: formatValue(params.eta, options, "eta"),
        eta_formatted: formatTime(params.eta, options, 5),
        duration: formatValue(elapsedTime, options, "duration"),
        duration_formatted: formatTime(elapsedTime, options, 1)
      });
      s = s.replace(/\{(\w+)\}/g, function(match, key) {
        if (typeof context[key] !== "undefined") {
          return context[key];
        }
        return match;
      });
      const fullMargin = Math.max(0, params.maxWidth - _stringWidth(s) - 2);
      const halfMargin = Math.floor(fullMargin / 2);
      switch (options.align) {
        // fill start-of-line with whitespaces
        case "right":
          s = fullMargin > 0 ? " ".repeat(fullMargin) + s : s;
          break;
        // distribute whitespaces to left+right
        case "center":
          s = halfMargin > 0 ? " ".repeat(halfMargin) + s : s;
          break;
        // default: left align, no additional whitespaces
        case "left":
        default:
          break;
      }
      return s;
    };
  }
});

// node_modules/cli-progress/lib/options.js
var require_options = __commonJS({
  "node_modules/cli-progress/lib/options.js"(exports2, module2) {
    function mergeOption(v, defaultValue) {
      if (typeof v === "undefined" || v === null) {
        return defaultValue;
      } else {
        return v;
      }
    }
    module2.exports = {
      // set global options
      parse: function parse3(rawOptions, preset) {
        const options = {};
        const opt = Object.assign({}, preset, rawOptions);
        options.throttleTime = 1e3 / mergeOption(opt.fps, 10);
        options.stream = mergeOption(opt.stream, process.stderr);
        options.terminal = mergeOption(opt.terminal, null);
        options.clearOnComplete = mergeOption(opt.clearOnComplete, false);
        options.stopOnComplete = mergeOption(opt.stopOnComplete, false);
        options.barsize = mergeOption(opt.barsize, 40);
        options.align = mergeOption(opt.align, "left");
        options.hideCursor = mergeOption(opt.hideCursor, false);
        options.linewrap = mergeOption(opt.linewrap, false);
        options.barGlue = mergeOption(opt.barGlue, "");
        options.barCompleteChar = mergeOption(opt.barCompleteChar, "=");
        options.barIncompleteChar = mergeOption(opt.barIncompleteChar, "-");
        options.format = mergeOption(opt.format, "progress [{bar}] {percentage}% | ETA: {eta}s | {value}/{total}");
        options.formatTime = mergeOption(opt.formatTime, null);
        options.formatValue = mergeOption(opt.formatValue, null);
        options.formatBar = mergeOption(opt.formatBar, null);
        options.etaBufferLength = mergeOption(opt.etaBuffer, 10);
        options.etaAsynchronousUpdate = mergeOption(opt.etaAsynchronousUpdate, false);
        options.progressCalculationRelative = mergeOption(opt.progressCalculationRelative, false);
        options.synchronousUpdate = mergeOption(opt.synchronousUpdate, true);
        options.noTTYOutput = mergeOption(opt.noTTYOutput, false);
        options.notTTYSchedule = mergeOption(opt.notTTYSchedule, 2e3);
        options.emptyOnZero = mergeOption(opt.emptyOnZero, false);
        options.forceRedraw = mergeOption(opt.forceRedraw, false);
        options.autopadding = mergeOption(opt.autopadding, false);
        options.gracefulExit = mergeOption(opt.gracefulExit, false);
        return options;
      },
      // derived options: instance specific, has to be created for every bar element
      assignDerivedOptions: function assignDerivedOptions(options) {
        options.barCompleteString = options.barCompleteChar.repeat(options.barsize + 1);
        options.barIncompleteString = options.barIncompleteChar.repeat(options.barsize + 1);
        options.autopaddingChar = options.autopadding ? mergeOption(options.autopaddingChar, "   ") : "";
        return options;
      }
    };
  }
});

// node_modules/cli-progress/lib/generic-bar.js
var require_generic_bar = __commonJS({
  "node_modules/cli-progress/lib/generic-bar.js"(exports2, module2) {
    var _ETA = require_eta();
    var _Terminal = require_terminal();
    var _formatter = require_formatter();
    var _options = require_options();
    var _EventEmitter = require("events");
    module2.exports = class GenericBar extends _EventEmitter {
      constructor(options) {
        super();
        this.options = _options.assignDerivedOptions(options);
        this.terminal = this.options.terminal ? this.options.terminal : new _Terminal(this.options.stream);
        this.value = 0;
        this.startValue = 0;
        this.total = 100;
        this.lastDrawnString = null;
        this.startTime = null;
        this.stopTime = null;
        this.lastRedraw = Date.now();
        this.eta = new _ETA(this.options.etaBufferLength, 0, 0);
        this.payload = {};
        this.isActive = false;
        this.formatter = typeof this.options.format === "function" ? this.options.format : _formatter;
      }
      // internal render function
      render(forceRendering = false) {
        const params = {
          progress: this.getProgress(),
          eta: this.eta.getTime(),
          startTime: this.startTime,
          stopTime: this.stopTime,
          total: this.total,
          value: this.value,
          maxWidth: this.terminal.getWidth()
        };
        if (this.options.etaAsynchronousUpdate) {
          this.updateETA();
        }
        const s = this.formatter(this.options, params, this.payload);
        const forceRedraw = forceRendering || this.options.forceRedraw || this.options.noTTYOutput && !this.terminal.isTTY();
        if (forceRedraw || this.lastDrawnString != s) {
          this.emit("redraw-pre");
          this.terminal.cursorTo(0, null);
          this.terminal.write(s);
          this.terminal.clearRight();
          this.lastDrawnString = s;
          this.lastRedraw = Date.now();
          this.emit("redraw-post");
        }
      }
      // start the progress bar
      start(total, startValue, payload) {
        this.value = startValue || 0;
        this.total = typeof total !== "undefined" && total >= 0 ? total : 100;
        this.startValue = startValue || 0;
        this.payload = payload || {};
        this.startTime = Date.now();
        this.stopTime = null;
        this.lastDrawnString = "";
        this.eta = new _ETA(this.options.etaBufferLength, this.startTime, this.value);
        this.isActive = true;
        this.emit("start", total, startValue);
      }
      // stop the bar
      stop() {
        this.isActive = false;
        this.stopTime = Date.now();
        this.emit("stop", this.total, this.value);
      }
      // update the bar value
      // update(value, payload)
      // update(payload)
      update(arg0, arg1 = {}) {
        if (typeof arg0 === "number") {
          this.value = arg0;
          this.eta.update(Date.now(), arg0, this.total);
        }
        const payloadData = (typeof arg0 === "object" ? arg0 : arg1) || {};
        this.emit("update", this.total, this.value);
        for (const key in payloadData) {
          this.payload[key] = payloadData[key];
        }
        if (this.value >= this.getTotal() && this.options.stopOnComplete) {
          this.stop();
        }
      }
      // calculate the actual progress value
      getProgress() {
        let progress = this.value / this.total;
        if (this.options.progressCalculationRelative) {
          progress = (this.value - this.startValue) / (this.total - this.startValue);
        }
        if (isNaN(progress)) {
          progress = this.options && this.options.emptyOnZero ? 0 : 1;
        }
        progress = Math.min(Math.max(progress, 0), 1);
        return progress;
      }
      // update the bar value
      // increment(delta, payload)
      // increment(payload)
      increment(arg0 = 1, arg1 = {}) {
        if (typeof arg0 === "object") {
          this.update(this.value + 1, arg0);
        } else {
          this.update(this.value + arg0, arg1);
        }
      }
      // get the total (limit) value
      getTotal() {
        return this.total;
      }
      // set the total (limit) value
      setTotal(total) {
        if (typeof total !== "undefined" && total >= 0) {
          this.total = total;
        }
      }
      // force eta calculation update (long running processes)
      updateETA() {
        this.eta.update(Date.now(), this.value, this.total);
      }
    };
  }
});

// node_modules/cli-progress/lib/single-bar.js
var require_single_bar = __commonJS({
  "node_modules/cli-progress/lib/single-bar.js"(exports2, module2) {
    var _GenericBar = require_generic_bar();
    var _options = require_options();
    module2.exports = class SingleBar extends _GenericBar {
      constructor(options, preset) {
        super(_options.parse(options, preset));
        this.timer = null;
        if (this.options.noTTYOutput && this.terminal.isTTY() === false) {
          this.options.synchronousUpdate = false;
        }
        this.schedulingRate = this.terminal.isTTY() ? this.options.throttleTime : this.options.notTTYSchedule;
        this.sigintCallback = null;
      }
      // internal render function
      render() {
        if (this.timer) {
          clearTimeout(this.timer);
          this.timer = null;
        }
        super.render();
        if (this.options.noTTYOutput && this.terminal.isTTY() === false) {
          this.terminal.newline();
        }
        this.timer = setTimeout(this.render.bind(this), this.schedulingRate);
      }
      update(current, payload) {
        if (!this.timer) {
          return;
        }
        super.update(current, payload);
        if (this.options.synchronousUpdate && this.lastRedraw + this.options.throttleTime * 2 < Date.now()) {
          this.render();
        }
      }
      // start the progress bar
      start(total, startValue, payload) {
        if (this.options.noTTYOutput === false && this.terminal.isTTY() === false) {
          return;
        }
        if (this.sigintCallback === null && this.options.gracefulExit) {
          this.sigintCallback = this.stop.bind(this);
          process.once("SIGINT", this.sigintCallback);
          process.once("SIGTERM", this.sigintCallback);
        }
        this.terminal.cursorSave();
        if (this.options.hideCursor === true) {
          this.terminal.cursor(false);
        }
        if (this.options.linewrap === false) {
          this.terminal.lineWrapping(false);
        }
        super.start(total, startValue, payload);
        this.render();
      }
      // stop the bar
      stop() {
        if (!this.timer) {
          return;
        }
        if (this.sigintCallback) {
          process.removeListener("SIGINT", this.sigintCallback);
          process.removeListener("SIGTERM", this.sigintCallback);
          this.sigintCallback = null;
        }
        this.render();
        super.stop();
        clearTimeout(this.timer);
        this.timer = null;
        if (this.options.hideCursor === true) {
          this.terminal.cursor(true);
        }
        if (this.options.linewrap === false) {
          this.terminal.lineWrapping(true);
        }
        this.terminal.cursorRestore();
        if (this.options.clearOnComplete) {
          this.terminal.cursorTo(0, null);
          this.terminal.clearLine();
        } else {
          this.terminal.newline();
        }
      }
    };
  }
});

// node_modules/cli-progress/lib/multi-bar.js
var require_multi_bar = __commonJS({
  "node_modules/cli-progress/lib/multi-bar.js"(exports2, module2) {
    var _Terminal = require_terminal();
    var _BarElement = require_generic_bar();
    var _options = require_options();
    var _EventEmitter = require("events");
    module2.exports = class MultiBar extends _EventEmitter {
      constructor(options, preset) {
        super();
        this.bars = [];
        this.options = _options.parse(options, preset);
        this.options.synchronousUpdate = false;
        this.terminal = this.options.terminal ? this.options.terminal : new _Terminal(this.options.stream);
        this.timer = null;
        this.isActive = false;
        this.schedulingRate = this.terminal.isTTY() ? this.options.throttleTime : this.options.notTTYSchedule;
        this.loggingBuffer = [];
        this.sigintCallback = null;
      }
      // add a new bar to the stack
      create(total, startValue, payload, barOptions = {}) {
        const bar = new _BarElement(Object.assign(
          {},
          // global options
          this.options,
          // terminal instance
          {
            terminal: this.terminal
          },
          // overrides
          barOptions
        ));
        this.bars.push(bar);
        if (this.options.noTTYOutput === false && this.terminal.isTTY() === false) {
          return bar;
        }
        if (this.sigintCallback === null && this.options.gracefulExit) {
          this.sigintCallback = this.stop.bind(this);
          process.once("SIGINT", this.sigintCallback);
          process.once("SIGTERM", this.sigintCallback);
        }
        if (!this.isActive) {
          if (this.options.hideCursor === true) {
            this.terminal.cursor(false);
          }
          if (this.options.linewrap === false) {
            this.terminal.lineWrapping(false);
          }
          this.timer = setTimeout(this.update.bind(this), this.schedulingRate);
        }
        this.isActive = true;
        bar.start(total, startValue, payload);
        this.emit("start");
        return bar;
      }
      // remove a bar from the stack
      remove(bar) {
        const index = this.bars.indexOf(bar);
        if (index < 0) {
          return false;
        }
        this.bars.splice(index, 1);
        this.update();
        this.terminal.newline();
        this.terminal.clearBottom();
        return true;
      }
      // internal update routine
      update() {
        if (this.timer) {
          clearTimeout(this.timer);
          this.timer = null;
        }
        this.emit("update-pre");
        this.terminal.cursorRelativeReset();
        this.emit("redraw-pre");
        if (this.loggingBuffer.length > 0) {
          this.terminal.clearLine();
          while (this.loggingBuffer.length > 0) {
            this.terminal.write(this.loggingBuffer.shift(), true);
          }
        }
        for (let i = 0; i < this.bars.length; i++) {
          if (i > 0) {
            this.terminal.newline();
          }
          this.bars[i].render();
        }
        this.emit("redraw-post");
        if (this.options.noTTYOutput && this.terminal.isTTY() === false) {
          this.terminal.newline();
          this.terminal.newline();
        }
        this.timer = setTimeout(this.update.bind(this), this.schedulingRate);
        this.emit("update-post");
        if (this.options.stopOnComplete && !this.bars.find((bar) => bar.isActive)) {
          this.stop();
        }
      }
      stop() {
        clearTimeout(this.timer);
        this.timer = null;
        if (this.sigintCallback) {
          process.removeListener("SIGINT", this.sigintCallback);
          process.removeListener("SIGTERM", this.sigintCallback);
          this.sigintCallback = null;
        }
        this.isActive = false;
        if (this.options.hideCursor === true) {
          this.terminal.cursor(true);
        }
        if (this.options.linewrap === false) {
          this.terminal.lineWrapping(true);
        }
        this.terminal.cursorRelativeReset();
        this.emit("stop-pre-clear");
        if (this.options.clearOnComplete) {
          this.terminal.clearBottom();
        } else {
          for (let i = 0; i < this.bars.length; i++) {
            if (i > 0) {
              this.terminal.newline();
            }
            this.bars[i].render();
            this.bars[i].stop();
          }
          this.terminal.newline();
        }
        this.emit("stop");
      }
      log(s) {
        this.loggingBuffer.push(s);
      }
    };
  }
});

// node_modules/cli-progress/presets/legacy.js
var require_legacy = __commonJS({
  "node_modules/cli-progress/presets/legacy.js"(exports2, module2) {
    module2.exports = {
      format: "progress [{bar}] {percentage}% | ETA: {eta}s | {value}/{total}",
      barCompleteChar: "=",
      barIncompleteChar: "-"
    };
  }
});

// node_modules/cli-progress/presets/shades-classic.js
var require_shades_classic = __commonJS({
  "node_modules/cli-progress/presets/shades-classic.js"(exports2, module2) {
    module2.exports = {
      format: " {bar} {percentage}% | ETA: {eta}s | {value}/{total}",
      barCompleteChar: "\u2588",
      barIncompleteChar: "\u2591"
    };
  }
});

// node_modules/cli-progress/presets/shades-grey.js
var require_shades_grey = __commonJS({
  "node_modules/cli-progress/presets/shades-grey.js"(exports2, module2) {
    module2.exports = {
      format: " \x1B[90m{bar}\x1B[0m {percentage}% | ETA: {eta}s | {value}/{total}",
      barCompleteChar: "\u2588",
      barIncompleteChar: "\u2591"
    };
  }
});

// node_modules/cli-progress/presets/rect.js
var require_rect = __commonJS({
  "node_modules/cli-progress/presets/rect.js"(exports2, module2) {
    module2.exports = {
      format: " {bar}\u25A0 {percentage}% | ETA: {eta}s | {value}/{total}",
      barCompleteChar: "\u25A0",
      barIncompleteChar: " "
    };
  }
});

// node_modules/cli-progress/presets/index.js
var require_presets = __commonJS({
  "node_modules/cli-progress/presets/index.js"(exports2, module2) {
    var _legacy = require_legacy();
    var _shades_classic = require_shades_classic();
    var _shades_grey = require_shades_grey();
    var _rect = require_rect();
    module2.exports = {
      legacy: _legacy,
      shades_classic: _shades_classic,
      shades_grey: _shades_grey,
      rect: _rect
    };
  }
});

// node_modules/cli-progress/cli-progress.js
var require_cli_progress = __commonJS({
  "node_modules/cli-progress/cli-progress.js"(exports2, module2) {
    var _SingleBar = require_single_bar();
    var _MultiBar = require_multi_bar();
    var _Presets = require_presets();
    var _Formatter = require_formatter();
    var _defaultFormatValue = require_format_value();
    var _defaultFormatBar = require_format_bar();
    var _defaultFormatTime = require_format_time();
    module2.exports = {
      Bar: _SingleBar,
      SingleBar: _SingleBar,
      MultiBar: _MultiBar,
      Presets: _Presets,
      Format: {
        Formatter: _Formatter,
        BarFormat: _defaultFormatBar,
        ValueFormat: _defaultFormatValue,
        TimeFormat: _defaultFormatTime
      }
    };
  }
});

// src/cli/start.ts
var import_node_fs8 = require("node:fs");

// src/launch-in-worker.ts
var import_node_worker_threads = require("node:worker_threads");
function terminalFacts() {
  const given = import_node_worker_threads.workerData?.terminal;
  return given ?? { stdoutIsTTY: !!process.stdout.isTTY, stderrIsTTY: !!process.stderr.isTTY, columns: process.stderr.columns };
}

// src/cli/daemon-references.ts
init_errors();

// src/docker/image-reference.ts
var REFERENCE = /^(?:sha256:[a-f0-9]{64}|[a-z0-9]+(?:[._-][a-z0-9]+)*(?::\d+)?(?:\/[a-z0-9]+(?:(?:[._]|__|-+)[a-z0-9]+)*)*(?::[\w][\w.-]{0,127})?(?:@sha256:[a-f0-9]{64})?)$/;
function isImageReference(ref) {
  return REFERENCE.test(ref);
}

// src/cli/daemon-references.ts
async function openReference(ref) {
  const { docker, info } = await findInDaemon(ref);
  const { daemonSource: daemonSource2 } = await Promise.resolve().then(() => (init_daemon(), daemon_exports));
  return daemonSource2(docker, info, ref);
}
async function inspectReference(ref) {
  const { info } = await findInDaemon(ref);
  return { name: `image ${ref} (${info.id.slice(0, 19)})`, id: info.id, diffIds: info.diffIds };
}
var daemon;
async function findInDaemon(ref) {
  if (!isImageReference(ref)) throw new UsageError(`"${ref}" is neither an archive that exists nor an image reference (NAME[:TAG][@DIGEST] or an image ID)`);
  const { connectDaemon: connectDaemon2, ensureImage: ensureImage2 } = await Promise.resolve().then(() => (init_daemon(), daemon_exports));
  const { credentialsFor: credentialsFor2, registryOf: registryOf2 } = await Promise.resolve().then(() => (init_registry_auth(), registry_auth_exports));
  const docker = await (daemon ??= connectDaemon2());
  const log = { info: (line) => process.stderr.write(`${line}
`), warning: (line) => process.stderr.write(`warning: ${line}
`) };
  const info = await ensureImage2(docker, ref, "missing", () => credentialsFor2(registryOf2(ref), {}), log).catch((err) => {
    throw err instanceof Error ? new UsageError(err.message) : err;
  });
  return { docker, info };
}

// node_modules/commander/esm.mjs
var import_index = __toESM(require_commander(), 1);
var {
  program,
  createCommand,
  createArgument,
  createOption,
  CommanderError,
  InvalidArgumentError,
  InvalidOptionArgumentError,
  // deprecated old name
  Command,
  Argument,
  Option,
  Help
} = import_index.default;

// src/cli/main.ts
var import_node_fs7 = require("node:fs");
var import_node_path5 = require("node:path");

// src/core/archive/archive-reader.ts
var import_node_crypto5 = require("node:crypto");

// src/core/tar/tar-header.ts
init_byte_strings();
var BLOCK = 512;
var FieldReader = class {
  constructor(block) {
    this.block = block;
  }
  block;
  /** The first field that did not parse. */
  invalid;
  /** Go's parseString: the bytes up to the first NUL. */
  text(start, length) {
    return decodeBytes(this.block, start, nulEnd(this.block, start, length));
  }
  /** Go's parseNumeric, as a JavaScript number (exact to 2^53; the sign and low bits kept beyond). */
  number(field, start, length) {
    const b = this.block;
    if (b[start] & 128) return Number(this.base256(field, start, length));
    return this.octal(field, start, length);
  }
  /** The low 32 bits of the field's int64 value, as the kernel takes a mode, UID or GID. */
  low32(field, start, length) {
    if (this.block[start] & 128) return Number(BigInt.asUintN(32, this.base256(field, start, length)));
    return this.octal(field, start, length) >>> 0;
  }
  /** Go's parseOctal: NULs and spaces around it trimmed, the digits up to a NUL, nothing else. */
  octal(field, start, length) {
    const b = this.block;
    let i = start;
    let end = start + length;
    while (i < end && (b[i] === 0 || b[i] === 32)) i++;
    while (end > i && (b[end - 1] === 0 || b[end - 1] === 32)) end--;
    let value = 0;
    for (; i < end; i++) {
      const c = b[i];
      if (c === 0) break;
      if (c < 48 || c > 55) {
        this.invalid ??= field;
        return 0;
      }
      value = value * 8 + (c - 48);
    }
    return value;
  }
  /** Go's base-256 form: big-endian, the first byte's high bit set, its next bit the sign. */
  base256(field, start, length) {
    const b = this.block;
    const inv = b[start] & 64 ? 255 : 0;
    let x = 0n;
    for (let i = 0; i < length; i++) {
      let c = b[start + i] ^ inv;
      if (i === 0) c &= 127;
      if (x >> 56n > 0n) {
        this.invalid ??= field;
        return 0n;
      }
      x = x << 8n | BigInt(c);
    }
    if (x >> 63n > 0n) {
      this.invalid ??= field;
      return 0n;
    }
    return inv ? -x - 1n : x;
  }
};
function nulEnd(b, start, length) {
  const end = start + length;
  for (let i = start; i < end; i++) if (b[i] === 0) return i;
  return end;
}
function formatOf(b) {
  const ustarMagic = b[257] === 117 && b[258] === 115 && b[259] === 116 && b[260] === 97 && b[261] === 114;
  if (!ustarMagic) return 0 /* V7 */;
  if (b[262] === 0) return b[508] === 116 && b[509] === 97 && b[510] === 114 && b[511] === 0 ? 3 /* Star */ : 1 /* Ustar */;
  return b[262] === 32 && b[263] === 32 && b[264] === 0 ? 2 /* Gnu */ : 0 /* V7 */;
}
function checksumMatches(block) {
  let unsigned = 8 * 32;
  let high = 0;
  for (let i = 0; i < BLOCK; i++) {
    unsigned += block[i];
    high += block[i] >> 7;
  }
  for (let i = 148; i < 156; i++) {
    unsigned -= block[i];
    high -= block[i] >> 7;
  }
  const signed = unsigned - 256 * high;
  const fields = new FieldReader(block);
  const stored = fields.octal("checksum", 148, 8);
  return fields.invalid === void 0 && (stored === unsigned || stored === signed);
}
function decodeHeader(block) {
  const f = new FieldReader(block);
  const format2 = formatOf(block);
  const header = {
    typeflag: String.fromCharCode(block[156]),
    name: f.text(0, 100),
    linkname: f.text(157, 100),
    mode: f.low32("mode", 100, 8),
    uid: f.low32("uid", 108, 8),
    gid: f.low32("gid", 116, 8),
    size: f.number("size", 124, 12)
  };
  f.number("mtime", 136, 12);
  if (format2 !== 0 /* V7 */) {
    f.number("devmajor", 329, 8);
    f.number("devminor", 337, 8);
    let prefix = "";
    if (format2 === 1 /* Ustar */) prefix = f.text(345, 155);
    else if (format2 === 3 /* Star */) {
      prefix = f.text(345, 131);
      f.number("atime", 476, 12);
      f.number("ctime", 488, 12);
    } else {
      const times = new FieldReader(block);
      if (block[345] !== 0) times.number("atime", 345, 12);
      if (block[357] !== 0) times.number("ctime", 357, 12);
      if (times.invalid !== void 0) {
        const candidate = block.subarray(345, nulEnd(block, 345, 155));
        if (candidate.every((c) => c < 128)) prefix = decodeBytes(candidate, 0, candidate.length);
      }
    }
    if (prefix.length > 0) header.name = `${prefix}/${header.name}`;
  }
  return f.invalid === void 0 ? header : { invalidField: f.invalid };
}

// src/core/archive/blob-kind.ts
var SNIFF_BYTES = 512;
var XZ_MAGIC = Buffer.from([253, 55, 122, 88, 90, 0]);
function sniffBlob(head) {
  if (head.length >= 2 && head[0] === 31 && head[1] === 139) return "gzip";
  if (head.length >= 4 && head.readUInt32LE(0) === 4247762216) return "zstd";
  if (head.length >= 3 && head[0] === 66 && head[1] === 90 && head[2] === 104) return "bzip2";
  if (head.length >= 6 && head.subarray(0, 6).equals(XZ_MAGIC)) return "xz";
  if (head.length >= 512 && checksumMatches(head)) return "tar";
  if (head.length === 0 || head.length === SNIFF_BYTES && head.every((b) => b === 0)) return "tar";
  for (const b of head) {
    if (b === 32 || b === 10 || b === 13 || b === 9) continue;
    return b === 123 || b === 91 ? "json" : "other";
  }
  return "other";
}

// src/core/archive/archive-reader.ts
init_excerpt();

// src/core/layer/decompress.ts
var import_node_stream = require("node:stream");
var import_promises = require("node:stream/promises");
var zlib = __toESM(require("node:zlib"));
init_errors();
async function decompressInto(source, compression, consume, label) {
  let failure;
  const keepingFailure = async (chunks) => {
    try {
      await consume(chunks);
    } catch (err) {
      failure ??= err;
      throw err;
    }
  };
  try {
    await (0, import_promises.pipeline)(import_node_stream.Readable.from(copies(source), { objectMode: false }), decompressor(compression, label), keepingFailure);
  } catch (caught) {
    const err = failure ?? caught;
    if (err instanceof ImageError) throw err;
    const code = err.code ?? "";
    if (code.startsWith("Z_") || code.startsWith("ERR_ZSTD") || /zstd|zlib|gzip|header check|incorrect/i.test(String(err.message))) {
      throw new ImageError(`${label} is corrupt: its ${compression} data cannot be decompressed (${err.message})`);
    }
    throw err;
  }
}
async function* copies(chunks) {
  for await (const chunk of chunks) yield Buffer.from(chunk);
}
function zstdSupported() {
  return typeof zlib.createZstdDecompress === "function";
}
function decompressor(compression, label) {
  if (compression === "gzip") return zlib.createGunzip({ chunkSize: 128 * 1024 });
  const create = zlib.createZstdDecompress;
  if (!create) {
    throw new ImageError(
      `${label} is zstd-compressed, and this Node.js (${process.version}) has no zstd support: run with Node.js 22.15 or newer (the action runs on Node 24)`
    );
  }
  return create();
}

// src/core/archive/archive-reader.ts
init_errors();

// src/core/streams/handoff.ts
init_wakeup();
var Handoff = class {
  item = null;
  ended = false;
  failure = null;
  /** Releases the producer of the chunk in the slot. */
  taken = null;
  arrived = new Wakeup();
  /** Hands over a chunk; resolves once the consumer is done with it. */
  push(chunk) {
    if (this.failure) return Promise.reject(this.failure);
    this.item = chunk;
    const done = new Promise((resolve3) => this.taken = resolve3);
    this.arrived.notify();
    return done;
  }
  end() {
    this.ended = true;
    this.arrived.notify();
  }
  /** The consumer stopped (an error): every later push fails with it. */
  abort(err) {
    this.failure = err;
    this.taken?.();
    this.taken = null;
  }
  async *[Symbol.asyncIterator]() {
    for (; ; ) {
      while (this.item === null && !this.ended) await this.arrived.wait();
      if (this.item === null) return;
      const chunk = this.item;
      const release = this.taken;
      this.item = null;
      this.taken = null;
      try {
        yield chunk;
      } finally {
        release?.();
      }
    }
  }
};

// src/core/archive/archive-contents.ts
init_errors();

// src/core/fs/image-path.ts
var SLASH = 47;
var UNUSUAL = /\/\/|(?:^|\/)\.\.?(?:\/|$)/;
function normalizeEntryName(name) {
  if (!UNUSUAL.test(name)) {
    const start = name.charCodeAt(0) === SLASH ? 1 : 0;
    const end = name.length > start && name.charCodeAt(name.length - 1) === SLASH ? name.length - 1 : name.length;
    return start === 1 && end === name.length ? name : "/" + name.slice(start, end);
  }
  const out = [];
  for (const part of name.split("/")) {
    if (part === "" || part === ".") continue;
    if (part === "..") {
      if (out.length === 0) return null;
      out.pop();
      continue;
    }
    out.push(part);
  }
  return "/" + out.join("/");
}
function parentOf(path) {
  const i = path.lastIndexOf("/");
  return i <= 0 ? "/" : path.slice(0, i);
}
function baseName(path) {
  return path.slice(path.lastIndexOf("/") + 1);
}
function isUnder(path, dir) {
  if (dir === "/") return true;
  return path === dir || path.startsWith(dir) && path.charCodeAt(dir.length) === SLASH;
}
function resolveLinkTarget(linkPath, target) {
  const joined = target.startsWith("/") ? target : parentOf(linkPath) + "/" + target;
  const parts = [];
  for (const part of joined.split("/")) {
    if (part === "" || part === ".") continue;
    if (part === "..") parts.pop();
    else parts.push(part);
  }
  return "/" + parts.join("/");
}

// src/core/archive/archive-contents.ts
init_excerpt();
var ArchiveContents = class {
  /** `label` names the archive in messages. */
  constructor(label) {
    this.label = label;
  }
  label;
  /** Regular files by their path in the archive ("manifest.json", "blobs/sha256/..."). */
  files = /* @__PURE__ */ new Map();
  /** Symlinks by path, with their targets as written (legacy `docker save` links repeated layers). */
  links = /* @__PURE__ */ new Map();
  /** The file Docker reads at `path` (as manifest.json or index.json name it). */
  fileAt(path) {
    const normalized = normalizeEntryName(path);
    if (normalized === null) return void 0;
    const p = normalized.slice(1);
    const { files, links, label } = this;
    const file = files.get(p);
    if (file) return file;
    const target = links.get(p);
    if (target === void 0) {
      if (resolveInArchive(links, p, false) !== p) throw new ImageError(`${label} names "${excerpt(path, 200)}" through a symlinked directory: ${AMBIGUOUS}`);
      return void 0;
    }
    const joined = target.startsWith("/") ? null : normalizeEntryName(p.slice(0, p.lastIndexOf("/") + 1) + target);
    const resolved = resolveInArchive(links, p, true);
    if (joined === null || resolved !== joined.slice(1))
      throw new ImageError(`${label} names "${excerpt(path, 200)}", a symlink to "${excerpt(target, 200)}" that ${AMBIGUOUS}`);
    return files.get(resolved);
  }
};
var MAX_LINK_HOPS = 40;
var RESOLVE_BUDGET = 64 * 1024 * 1024;
function resolveInArchive(links, path, followLast, budget = { chars: RESOLVE_BUDGET }) {
  if (links.size === 0) return path;
  let resolved = "";
  const rest = path.split("/").reverse();
  let hops = 0;
  while (rest.length > 0) {
    const part = rest.pop();
    if (part === "" || part === ".") continue;
    const parent = resolved;
    if (part === "..") {
      resolved = resolved.slice(0, Math.max(0, resolved.lastIndexOf("/")));
      continue;
    }
    resolved = resolved === "" ? part : `${resolved}/${part}`;
    if (rest.length === 0 && !followLast) break;
    if ((budget.chars -= resolved.length) < 0) return void 0;
    const target = links.get(resolved);
    if (target === void 0) continue;
    if (++hops > MAX_LINK_HOPS) return void 0;
    resolved = target.startsWith("/") ? "" : parent;
    rest.push(...target.split("/").reverse());
  }
  return resolved;
}
var AMBIGUOUS = "Docker's classic image store (which unpacks the archive) and its containerd image store (which reads its entries by name) would read different files, so it cannot be checked";
var SHA256_DIGEST = /^sha256:[a-f0-9]{64}$/;
function digestInBlobPath(path) {
  const named = /^blobs\/sha256\/([a-f0-9]{64})$/.exec(path);
  return named ? `sha256:${named[1]}` : void 0;
}

// src/core/archive/legacy-layer-ids.ts
var import_node_crypto2 = require("node:crypto");
var LEGACY_LAYER_PATH = /^[a-f0-9]{64}\/layer\.tar$/;
var sha256 = (text) => (0, import_node_crypto2.createHash)("sha256").update(text).digest("hex");
function predictedBaseLayerPaths(baseDiffIds, layerJson) {
  const members = rawMembers(layerJson);
  const created = members?.get("created");
  const containerConfig = members?.get("container_config");
  if (!members || created === void 0 || containerConfig === void 0 || members.has("config")) return void 0;
  const paths = /* @__PURE__ */ new Set();
  let chain = "";
  let parent = "";
  for (const diffId of baseDiffIds) {
    if (!SHA256_DIGEST.test(diffId)) break;
    chain = chain ? `sha256:${sha256(`${chain} ${diffId}`)}` : diffId;
    parent = sha256(`{"container_config":${containerConfig},"created":${created},"layer_id":"${chain}"${parent ? `,"parent":"sha256:${parent}"` : ""}}`);
    paths.add(`${parent}/layer.tar`);
  }
  return paths;
}
function rawMembers(text) {
  try {
    const value = JSON.parse(text);
    if (value === null || typeof value !== "object" || Array.isArray(value)) return void 0;
  } catch {
    return void 0;
  }
  const members = /* @__PURE__ */ new Map();
  let i = text.indexOf("{") + 1;
  const skipSpace = () => {
    while (/\s/.test(text[i] ?? "")) i++;
  };
  const stringEnd = (from) => {
    let j = from + 1;
    while (text[j] !== '"') j += text[j] === "\\" ? 2 : 1;
    return j + 1;
  };
  for (; ; ) {
    skipSpace();
    if (text[i] === "}") return members;
    const keyEnd = stringEnd(i);
    const key = JSON.parse(text.slice(i, keyEnd));
    i = keyEnd;
    skipSpace();
    i++;
    skipSpace();
    const start = i;
    let depth = 0;
    while (i < text.length) {
      const c = text[i];
      if (c === '"') {
        i = stringEnd(i);
        continue;
      }
      if (c === "{" || c === "[") depth++;
      else if (c === "}" || c === "]") {
        if (depth === 0) break;
        depth--;
      } else if (c === "," && depth === 0) break;
      i++;
    }
    members.set(key, text.slice(start, i).trimEnd());
    skipSpace();
    if (text[i] === ",") i++;
  }
}

// src/core/layer/layer-walker.ts
init_excerpt();
init_errors();

// src/core/settings/settings.ts
init_errors();
var PROFILES = {
  legacy: {
    title: "old-version training",
    expectedUid: 1101,
    expectedHome: "/home/work",
    maxSize: 95e8,
    description: "old-version training, the published specification: user work, UID 1101, /home/work, 9.5 GB"
  },
  current: {
    title: "new-version training",
    expectedUid: 1e3,
    expectedGid: 100,
    expectedHome: "/home/ma-user",
    maxSize: 3e10,
    recommendedSize: 15e9,
    description: "new-version training: ma-user, UID 1000, GID 100, /home/ma-user, 30 GB (15 GB recommended)"
  }
};
function withProfile(settings, profile) {
  const { title: _title, description: _description, ...values } = PROFILES[profile];
  return { ...settings, expectedGid: void 0, recommendedSize: void 0, ...values, ...settings.overrides, profile };
}
var DEFAULT_PROTECTED_PATHS = ["/bin", "/sbin", "/usr", "/lib", "/lib32", "/lib64", "/libx32"];
var DEFAULT_PROTECTED_ETC = [
  "/etc/passwd",
  "/etc/group",
  "/etc/shadow",
  "/etc/gshadow",
  "/etc/sudoers",
  "/etc/sudoers.d/**",
  "/etc/ld.so.preload",
  "/etc/ld.so.conf",
  "/etc/ld.so.conf.d/**",
  "/etc/pam.d/**",
  "/etc/security/**",
  "/etc/hosts",
  "/etc/resolv.conf",
  "/etc/nsswitch.conf",
  "/etc/ssh/sshd_config",
  "/etc/ssh/sshd_config.d/**"
];
var MODELARTS_TOOLS = ["run_train.sh", "utils.sh", "ip_mapper.py", "dls-downloader.py"];
function defaultSettings(choice = "auto") {
  const profile = choice === "auto" ? "legacy" : choice;
  const { title: _title, description: _description, ...values } = PROFILES[profile];
  return {
    ...values,
    profile,
    profileChoice: choice,
    overrides: {},
    protectedPaths: [...DEFAULT_PROTECTED_PATHS],
    protectedEtc: [...DEFAULT_PROTECTED_ETC],
    modelartsTools: [...MODELARTS_TOOLS],
    severities: {},
    waivers: [],
    maxLayerSize: 1e10,
    scanLimit: 64 * 1024 * 1024,
    maxUncompressed: 4 * Math.max(...candidateProfiles(choice).map((p) => PROFILES[p].maxSize)),
    today: (/* @__PURE__ */ new Date()).toISOString().slice(0, 10)
  };
}
function candidateProfiles(choice) {
  return choice === "auto" ? ["legacy", "current"] : [choice];
}
var UNITS = {
  "": 1,
  b: 1,
  kb: 1e3,
  mb: 1e6,
  gb: 1e9,
  tb: 1e12,
  k: 1024,
  m: 1024 ** 2,
  g: 1024 ** 3,
  t: 1024 ** 4,
  kib: 1024,
  mib: 1024 ** 2,
  gib: 1024 ** 3,
  tib: 1024 ** 4
};
function parseSize(text, option = "size") {
  const m = /^\s*(\d+(?:\.\d+)?)\s*([a-zA-Z]*)\s*$/.exec(text);
  const unit = m ? UNITS[m[2].toLowerCase()] : void 0;
  if (!m || unit === void 0) {
    throw new UsageError(`${option} "${text}" is not a size: write bytes (10000000000), decimal units (9.5GB) or binary units (9.5GiB)`);
  }
  if (unit === 1 && m[1].includes(".")) {
    throw new UsageError(`${option} "${text}" is not a whole number of bytes: give a unit (9.5GB, 9.5GiB) or whole bytes (9500000000)`);
  }
  const bytes = Math.round(Number(m[1]) * unit);
  if (!Number.isSafeInteger(bytes) || bytes <= 0) throw new UsageError(`${option} "${text}" is out of range`);
  return bytes;
}
function formatSize(bytes) {
  if (bytes < 1e3) return `${bytes} B`;
  const units = ["kB", "MB", "GB", "TB"];
  let v = bytes;
  let u = -1;
  while (v >= 1e3 && u < units.length - 1) {
    v /= 1e3;
    u++;
  }
  return `${v.toFixed(v >= 100 ? 0 : v >= 10 ? 1 : 2)} ${units[u]}`;
}
function parseUid(text, option = "expected-uid") {
  if (!/^\d{1,10}$/.test(text.trim()) || Number(text) > 4294967295) {
    throw new UsageError(`${option} "${text}" is not a numeric user id`);
  }
  return Number(text);
}
function parseProfile(text) {
  if (text === "legacy" || text === "current" || text === "auto") return text;
  throw new UsageError(
    `profile "${text}" is unknown: use "auto" (chosen from the base image's users), "legacy" (${PROFILES.legacy.description}) or "current" (${PROFILES.current.description})`
  );
}
function parseArch(text, option = "arch") {
  const arch = normalizeArch(text);
  if (arch === "amd64" || arch === "arm64") return arch;
  throw new UsageError(`${option} "${text}" is not an architecture ModelArts runs: use amd64 (x86_64: CPU and GPU pools) or arm64 (aarch64: Ascend pools)`);
}
function normalizeArch(text) {
  const a = text.toLowerCase();
  if (a === "x86_64" || a === "x86-64") return "amd64";
  if (a === "aarch64") return "arm64";
  return a;
}

// src/core/scan/content-tag.ts
var import_node_crypto3 = require("node:crypto");
var TAG_BYTES = 32;
var KEYED_FROM = 16 * 1024;
var NONCE = Buffer.alloc(12);
function newTagKey() {
  return new Uint8Array((0, import_node_crypto3.randomBytes)(32));
}
var ContentTagger = class {
  constructor(key) {
    this.key = key;
  }
  key;
  /** The tag of a body given whole. */
  whole(body) {
    if (body.length < KEYED_FROM) return (0, import_node_crypto3.hash)("sha256", body, "buffer");
    const mac = this.mac();
    mac.setAAD(body);
    return gmacTag(mac);
  }
  /** A tag for a body of `size` bytes that arrives in pieces. */
  start(size) {
    if (size < KEYED_FROM) return new Sha256Tag((0, import_node_crypto3.createHash)("sha256"));
    return new GmacTag(this.mac());
  }
  mac() {
    return (0, import_node_crypto3.createCipheriv)("aes-256-gcm", this.key, NONCE);
  }
};
function gmacTag(mac) {
  mac.final();
  const tag = new Uint8Array(TAG_BYTES);
  tag.set(mac.getAuthTag());
  return tag;
}
var Sha256Tag = class {
  constructor(h) {
    this.h = h;
  }
  h;
  update(part) {
    this.h.update(part);
  }
  finish() {
    return this.h.digest();
  }
};
var GmacTag = class {
  constructor(mac) {
    this.mac = mac;
  }
  mac;
  update(part) {
    this.mac.setAAD(part);
  }
  finish() {
    return gmacTag(this.mac);
  }
};

// src/core/layer/layer-record.ts
var KIND_NAMES = ["file", "directory", "symlink", "hardlink", "char-device", "block-device", "fifo", "whiteout", "opaque"];
var Column = class {
  constructor(make) {
    this.make = make;
    this.data = make(64);
  }
  make;
  data;
  set(i, v) {
    if (i >= this.data.length) {
      const bigger = this.make(this.data.length * 2);
      bigger.set(this.data);
      this.data = bigger;
    }
    this.data[i] = v;
  }
  compact(n) {
    if (n < this.data.length) this.data = this.data.slice(0, Math.max(n, 1));
  }
};
var LayerEntries = class {
  paths = [];
  kindCol = new Column((n) => new Uint8Array(n));
  modeCol = new Column((n) => new Uint32Array(n));
  uidCol = new Column((n) => new Uint32Array(n));
  gidCol = new Column((n) => new Uint32Array(n));
  sizeCol = new Column((n) => new Float64Array(n));
  /** Symlink and hard link targets, by entry index. */
  links = /* @__PURE__ */ new Map();
  /** Slot (1-based) of each entry's content tag in `tagBytes`; 0: none. */
  tagSlots = new Uint32Array(0);
  /** Content tags (content-tag.ts), TAG_BYTES each, for the entries a rule compares (protected paths, /etc, tools). */
  tagBytes = new Uint8Array(0);
  /** Text kept for rules that read files: /etc/passwd, /etc/group, shell scripts, credential files. */
  texts = /* @__PURE__ */ new Map();
  /** The raw `security.capability` attribute of the files and hard links that carry one (file-capabilities.ts). */
  capabilities = /* @__PURE__ */ new Map();
  get length() {
    return this.paths.length;
  }
  add(path, kind, mode, uid, gid, size, link) {
    const i = this.paths.length;
    this.paths.push(path);
    this.kindCol.set(i, kind);
    this.modeCol.set(i, mode);
    this.uidCol.set(i, uid);
    this.gidCol.set(i, gid);
    this.sizeCol.set(i, size);
    if (link !== void 0) this.links.set(i, link);
    return i;
  }
  /** Takes the content tags the scan workers made for this layer's entries. */
  setContentTags(found) {
    this.tagBytes = found.bytes;
    const slots = new Uint32Array(found.count ? this.paths.length : 0);
    for (let k = 0; k < found.count; k++) slots[found.indices[k]] = k + 1;
    this.tagSlots = slots;
  }
  /** The content tag (hex), when the scan workers made one. */
  contentTag(i) {
    const slot = i < this.tagSlots.length ? this.tagSlots[i] : 0;
    if (!slot) return void 0;
    return Buffer.from(this.tagBytes.buffer, this.tagBytes.byteOffset + (slot - 1) * TAG_BYTES, TAG_BYTES).toString("hex");
  }
  kind(i) {
    return this.kindCol.data[i];
  }
  mode(i) {
    return this.modeCol.data[i];
  }
  uid(i) {
    return this.uidCol.data[i];
  }
  gid(i) {
    return this.gidCol.data[i];
  }
  size(i) {
    return this.sizeCol.data[i];
  }
  /** Drops the spare capacity once the layer is complete. */
  seal() {
    const n = this.paths.length;
    this.kindCol.compact(n);
    this.modeCol.compact(n);
    this.uidCol.compact(n);
    this.gidCol.compact(n);
    this.sizeCol.compact(n);
  }
};

// src/core/fs/path-map.ts
var PathMap = class {
  dirs;
  count = 0;
  /** The directory of the last call, and its Map (undefined when it has none yet). */
  lastDir = "";
  last;
  /** An empty map, or a copy of `from`. */
  constructor(from) {
    this.dirs = /* @__PURE__ */ new Map();
    from?.dirs.forEach((entries, dir) => this.dirs.set(dir, new Map(entries)));
    this.count = from?.count ?? 0;
  }
  get size() {
    return this.count;
  }
  /** `dir`, here and in set and delete, is parentOf(path), when the caller has it already. */
  get(path, dir = parentOf(path)) {
    return this.directory(dir)?.get(path);
  }
  set(path, value, dir = parentOf(path)) {
    let entries = this.directory(dir);
    if (!entries) {
      entries = /* @__PURE__ */ new Map();
      this.dirs.set(dir, entries);
      this.last = entries;
    }
    const before = entries.size;
    entries.set(path, value);
    this.count += entries.size - before;
  }
  delete(path, dir = parentOf(path)) {
    const entries = this.directory(dir);
    if (entries?.delete(path)) this.count--;
  }
  /** Visits each directory that holds paths (directly). */
  forEachDirectory(visit2) {
    this.dirs.forEach((entries, dir) => {
      if (entries.size > 0) visit2(dir);
    });
  }
  /** Visits every path, a directory's together (Map#forEach: no [key, value] array per path). */
  forEach(visit2) {
    this.dirs.forEach((entries, dir) => entries.forEach((value, path) => visit2(value, path, dir)));
  }
  directory(dir) {
    if (dir !== this.lastDir) {
      this.lastDir = dir;
      this.last = this.dirs.get(dir);
    }
    return this.last;
  }
};

// src/core/fs/filesystem-model.ts
var SPLIT = 2 ** 24;
var MAX_LAYERS = 127;
var MAX_LAYER_ENTRIES = SPLIT;
var refOf = (layer, index) => layer * SPLIT + index;
var layerOf = (ref) => Math.floor(ref / SPLIT);
var Filesystem = class _Filesystem {
  /** An empty filesystem, or a copy of the state of `from` (before hidden paths are dropped). */
  constructor(layers, from) {
    this.layers = layers;
    this.latest = new PathMap(from?.latest);
    this.hardlinks = new Map(from?.hardlinks);
    this.attributes = new Map(from?.attributes);
    this.capabilitySetBy = new Map(from?.capabilitySetBy);
    this.whiteouts = new Map(from?.whiteouts);
    this.opaques = new Map(from?.opaques);
    this.replaced = new Map(from?.replaced);
    this.unsafe = [...from?.unsafe ?? []];
  }
  layers;
  /** Latest entry per path (as a layer/index reference); hidden paths are removed once all layers are applied. */
  latest;
  /** Hard link reference -> the entry whose content it shares. */
  hardlinks;
  /**
   * Content entry -> the hard link entry that last set its mode and owner: Docker chmods and
   * chowns the shared inode to each hard link entry's header, for every name of the file.
   */
  attributes;
  /**
   * Content entry -> the hard link entry that last set its file capabilities: Docker sets each
   * entry's extended attributes on the shared inode too, and a link entry without any leaves
   * those in place.
   */
  capabilitySetBy;
  whiteouts;
  opaques;
  /**
   * Directories that replaced a non-directory of a lower layer, with the highest such layer:
   * overlayfs stops merging a directory at a non-directory, so what lay below that path in
   * layers under it stays hidden even though the path is a directory again.
   */
  replaced;
  /** Entries that could not be applied, by layer. */
  unsafe;
  /** The directories that hold visible paths, and those above them (see hasChildren). */
  occupied;
  /**
   * The filesystems of the base layers alone and of all layers: the second continues from a
   * copy of the first, so the base layers are applied once.
   */
  static buildWithBase(layers, baseCount) {
    const base = new _Filesystem(layers);
    for (let l = 0; l < baseCount; l++) base.apply(l);
    const full = new _Filesystem(layers, base);
    for (let l = baseCount; l < layers.length; l++) full.apply(l);
    base.dropHidden();
    full.dropHidden();
    return { base, full };
  }
  /** Removes the paths that markers or replaced ancestors hide. */
  dropHidden() {
    const hiding = /* @__PURE__ */ new Map();
    let dirHidden = -1;
    let lastDir = "";
    this.latest.forEach((ref, path, dir) => {
      if (dir !== lastDir) {
        lastDir = dir;
        dirHidden = this.hiddenAbove(dir, hiding);
      }
      const layer = layerOf(ref);
      const wo = this.whiteouts.get(path);
      if (wo !== void 0 && wo > layer || dirHidden > layer) this.latest.delete(path, dir);
    });
  }
  get size() {
    return this.latest.size;
  }
  get(path) {
    const ref = this.latest.get(path);
    return ref === void 0 ? void 0 : this.node(path, ref);
  }
  /**
   * Whether `dir` holds visible entries. A directory that layers only imply (a file in it, no
   * entry of its own) exists all the same: the runtime creates it, owned by root, mode 0755.
   */
  hasChildren(dir) {
    if (!this.occupied) {
      const occupied = /* @__PURE__ */ new Set();
      this.latest.forEachDirectory((d) => {
        for (let p = d; !occupied.has(p); p = parentOf(p)) {
          occupied.add(p);
          if (p === "/") break;
        }
      });
      this.occupied = occupied;
    }
    return this.occupied.has(dir);
  }
  /** Follows symlinks (in every component) to the node a program opening `path` would get. */
  resolve(path) {
    let current = path;
    for (let hops = 0; hops < 40; hops++) {
      const redirected = this.redirectThroughParents(current);
      if (redirected !== current) {
        current = redirected;
        continue;
      }
      const node = this.get(current);
      if (!node || node.kind !== 2 /* Symlink */) return node;
      current = resolveLinkTarget(current, node.link ?? "");
    }
    return void 0;
  }
  // The visits below use Map#forEach: iterating a Map with for-of allocates an entry per path,
  // and these run over every path of the image.
  /** Visits the visible paths that pass `wanted`. */
  eachPath(wanted, visit2) {
    this.latest.forEach((_ref, path) => {
      if (wanted(path)) visit2(path);
    });
  }
  /** The layer that wrote the visible entry at `path`, or its mode and owner (cheaper than get()). */
  writtenBy(path) {
    const ref = this.latest.get(path);
    return ref === void 0 ? void 0 : this.layerOfChange(ref);
  }
  /** The layer of entry `ref`, or of the hard link entry that set its file's mode, owner or capabilities since. */
  layerOfChange(ref) {
    if (this.attributes.size === 0) return layerOf(ref);
    const src = this.hardlinks.get(ref) ?? ref;
    return Math.max(layerOf(ref), layerOf(this.attributesOf(src)), layerOf(this.capabilitySetBy.get(src) ?? src));
  }
  /** The entry whose header gives the file of content entry `src` its mode and owner (see `attributes`). */
  attributesOf(src) {
    return this.attributes.get(src) ?? src;
  }
  /** Visits the visible regular files (hard links included) with any of the mode `bits` set. */
  eachFileWithModeBits(bits, visit2) {
    this.latest.forEach((ref, path) => {
      const target = this.hardlinks.get(ref);
      const isFile = target !== void 0 || this.kindOf(ref) === 0 /* File */;
      const attrs = this.attributesOf(target ?? ref);
      if (isFile && this.layers[layerOf(attrs)].entries.mode(attrs % SPLIT) & bits) visit2(this.node(path, ref));
    });
  }
  /** Visits the visible regular files (hard links included) that carry file capabilities. */
  eachFileWithCapabilities(visit2) {
    if (!this.layers.some((layer) => layer.entries.capabilities.size > 0)) return;
    this.latest.forEach((ref, path) => {
      const src = this.hardlinks.get(ref) ?? ref;
      if (this.capabilityOf(src) !== void 0) visit2(this.node(path, ref));
    });
  }
  /** The capabilities attribute of the file of content entry `src`, from whichever entry set it last. */
  capabilityOf(src) {
    const by = this.capabilitySetBy.get(src) ?? src;
    return this.layers[layerOf(by)].entries.capabilities.get(by % SPLIT);
  }
  /** Which later layer (above `since`) removed `path`, and how: the marker nearest to it. */
  removedBy(path, since) {
    for (let p = path; ; p = parentOf(p)) {
      const w = this.whiteouts.get(p);
      if (w !== void 0 && w > since) return { layer: w, path: p, how: "whiteout" };
      if (p !== path) {
        const o = this.opaques.get(p);
        if (o !== void 0 && o > since) return { layer: o, path: p, how: "opaque" };
        const ref = this.latest.get(p);
        if (ref !== void 0 && layerOf(ref) > since && this.kindOf(ref) !== 1 /* Directory */) {
          return { layer: layerOf(ref), path: p, how: "replaced" };
        }
        const r = this.replaced.get(p);
        if (r !== void 0 && r > since) return { layer: r, path: p, how: "replaced" };
      }
      if (p === "/") return void 0;
    }
  }
  node(path, ref) {
    const layer = this.layerOfChange(ref);
    const target = this.hardlinks.get(ref);
    const src = target ?? ref;
    const e = this.layers[layerOf(src)].entries;
    const i = src % SPLIT;
    const own = this.layers[layerOf(ref)].entries;
    const attrs = this.attributesOf(src);
    const a = this.layers[layerOf(attrs)].entries;
    const j = attrs % SPLIT;
    return {
      path,
      kind: target === void 0 ? e.kind(i) : 0 /* File */,
      mode: a.mode(j),
      uid: a.uid(j),
      gid: a.gid(j),
      size: e.size(i),
      link: own.links.get(ref % SPLIT),
      contentTag: e.contentTag(i),
      capability: this.capabilityOf(src),
      layer,
      text: e.texts.get(i)
    };
  }
  apply(l) {
    const entries = this.layers[l].entries;
    const n = entries.length;
    for (let i = 0; i < n; i++) {
      const kind = entries.kind(i);
      if (kind === 7 /* Whiteout */) this.whiteouts.set(entries.paths[i], l);
      else if (kind === 8 /* Opaque */) this.opaques.set(entries.paths[i], l);
    }
    let cleanParent = null;
    for (let i = 0; i < n; i++) {
      const kind = entries.kind(i);
      if (kind === 7 /* Whiteout */ || kind === 8 /* Opaque */) continue;
      const path = entries.paths[i];
      const parent = parentOf(path);
      if (parent !== cleanParent) {
        const through = this.symlinkAncestor(path);
        if (through) {
          this.unsafe.push({ layer: l, entry: { path, reason: `it is written through the symlink ${through}, which would place it elsewhere` } });
          continue;
        }
        cleanParent = parent;
      }
      if (kind === 2 /* Symlink */) cleanParent = null;
      const ref = refOf(l, i);
      if (kind === 3 /* Hardlink */) {
        const targetPath = entries.links.get(i);
        const targetRef = this.latest.get(targetPath);
        if (targetRef === void 0 || !this.visible(targetPath, targetRef) || this.kindOf(targetRef) === 1 /* Directory */) {
          this.unsafe.push({ layer: l, entry: { path, reason: `it is a hard link to ${targetPath}, which does not exist` } });
          continue;
        }
        const src = this.hardlinks.get(targetRef) ?? targetRef;
        this.hardlinks.set(ref, src);
        this.attributes.set(src, ref);
        if (entries.capabilities.has(i)) this.capabilitySetBy.set(src, ref);
      } else if (kind === 1 /* Directory */) {
        const before = this.latest.get(path, parent);
        if (before !== void 0 && this.kindOf(before) !== 1 /* Directory */)
          this.replaced.set(path, Math.max(layerOf(before), this.replaced.get(path) ?? -1));
      }
      this.latest.set(path, ref, parent);
    }
  }
  kindOf(ref) {
    return this.layers[layerOf(ref)].entries.kind(ref % SPLIT);
  }
  /**
   * Whether the entry `ref` at `path` survives the markers and ancestors applied so far. A pass
   * over many paths shares one `memo` (valid while nothing is applied).
   */
  visible(path, ref, memo = /* @__PURE__ */ new Map()) {
    const layer = layerOf(ref);
    const wo = this.whiteouts.get(path);
    return !(wo !== void 0 && wo > layer) && this.hiddenAbove(parentOf(path), memo) <= layer;
  }
  /**
   * The highest layer that hides what lower layers put at or below directory `dir`: a whiteout
   * or opaque marker on it or an ancestor, or a non-directory (hard links included) written at
   * it or an ancestor, now or before a directory replaced it; memoized per directory. -1 when
   * nothing hides it.
   */
  hiddenAbove(dir, memo) {
    const known = memo.get(dir);
    if (known !== void 0) return known;
    let hide = Math.max(this.whiteouts.get(dir) ?? -1, this.opaques.get(dir) ?? -1, this.replaced.get(dir) ?? -1);
    if (dir !== "/") {
      const a = this.latest.get(dir);
      if (a !== void 0 && this.kindOf(a) !== 1 /* Directory */) hide = Math.max(hide, layerOf(a));
      hide = Math.max(hide, this.hiddenAbove(parentOf(dir), memo));
    }
    memo.set(dir, hide);
    return hide;
  }
  /** The nearest ancestor of `path` that is currently a symlink, if any. */
  symlinkAncestor(path) {
    for (let p = parentOf(path); p !== "/"; p = parentOf(p)) {
      const ref = this.latest.get(p);
      if (ref !== void 0 && this.kindOf(ref) === 2 /* Symlink */ && this.visible(p, ref)) return p;
    }
    return void 0;
  }
  /** Rewrites `path` when one of its parent directories is a symlink. */
  redirectThroughParents(path) {
    for (let p = parentOf(path); p !== "/"; p = parentOf(p)) {
      const node = this.get(p);
      if (node?.kind === 2 /* Symlink */) {
        const target = resolveLinkTarget(p, node.link ?? "");
        return target === "/" ? path.slice(p.length) : target + path.slice(p.length);
      }
    }
    return path;
  }
};

// src/core/scan/stream-processor.ts
var import_node_crypto4 = require("node:crypto");

// src/core/text/plural.ts
function count(n, noun) {
  return `${n} ${n === 1 ? noun : `${noun}s`}`;
}
function theFirst(n, noun) {
  return n === 1 ? `the first ${noun}` : `the first ${n} ${noun}s`;
}
function was(n) {
  return n === 1 ? "was" : "were";
}

// src/core/text/mask.ts
function maskSecret(value, keep) {
  if (keep <= 0 || value.length <= keep * 2) return `${"*".repeat(Math.min(value.length, 8))} (${count(value.length, "character")}, masked)`;
  return value.slice(0, keep) + "*".repeat(Math.min(value.length - keep, 16));
}

// src/core/rules/secret-patterns.ts
var SECRET_NAME = /(?:^|_)(?:SK|SECRET|SECRET_?KEY|SECRET_ACCESS_KEY|PASSWORD|PASSWD|PWD|TOKEN|API_?KEY|PRIVATE_KEY|AUTH)$/i;
var PLACEHOLDER = /^(?:|\$\{?\w+\}?|<[^>]*>|x+|\*+|changeme|none|null|false|true|0|1)$/i;
var ASSIGNMENT = /\b([A-Za-z_][A-Za-z0-9_]*)=("[^"]*"|'[^']*'|[^\s;&|]+)/g;
var AWS_ACCESS_KEY = /(?<![A-Z0-9])(?:AKIA|ASIA)[0-9A-Z]{16}(?![A-Z0-9])/;
var AWS_KEY = new RegExp(AWS_ACCESS_KEY.source, "g");
var isExampleKey = (key) => key.endsWith("EXAMPLE");
var PRIVATE_KEY_HEADER = /-----BEGIN ((?:[A-Z0-9]+ )*)PRIVATE KEY-----/;
var PRIVATE_KEY_BLOCK = new RegExp(`${PRIVATE_KEY_HEADER.source}[\\s\\S]*?(?:-----END (?:[A-Z0-9]+ )*PRIVATE KEY-----|$)`, "g");
var unquote = (v) => v.replace(/^["']|["']$/g, "");
function credentialsIn(text) {
  const out = [];
  for (const m of text.matchAll(ASSIGNMENT)) {
    const value = unquote(m[2]);
    if (SECRET_NAME.test(m[1]) && !PLACEHOLDER.test(value)) out.push(`${m[1]}=${maskSecret(value, 0)}`);
  }
  for (const m of text.matchAll(AWS_KEY)) {
    if (!isExampleKey(m[0])) out.push(`AWS access key ${maskSecret(m[0], 4)}`);
  }
  if (PRIVATE_KEY_HEADER.test(text)) out.push("a private key");
  return out;
}
function redactSecrets(text) {
  return text.replace(
    ASSIGNMENT,
    (all, name, raw) => SECRET_NAME.test(name) && !PLACEHOLDER.test(unquote(raw)) ? `${name}=${maskSecret(unquote(raw), 0)}` : all
  ).replace(AWS_KEY, (key) => isExampleKey(key) ? key : maskSecret(key, 4)).replace(PRIVATE_KEY_BLOCK, "<private key, masked>");
}

// src/core/rules/credential-detectors.ts
var PRIVATE_KEY = new RegExp(`${PRIVATE_KEY_HEADER.source}\\r?\\n(?:Proc-Type:|[A-Za-z0-9+/=]{40,})`);
var CREDENTIAL_DETECTORS = [
  {
    id: "private-key",
    binary: true,
    anchors: [Buffer.from("PRIVATE KEY-----")],
    check: (_line, around) => {
      const m = PRIVATE_KEY.exec(around);
      return m ? `${m[1] || ""}private key` : null;
    }
  },
  {
    id: "aws-access-key",
    anchors: [Buffer.from("AKIA"), Buffer.from("ASIA")],
    check: (line) => {
      const m = AWS_ACCESS_KEY.exec(line);
      if (!m || isExampleKey(m[0])) return null;
      return `AWS access key ${maskSecret(m[0], 4)}`;
    }
  },
  {
    id: "huawei-cloud-sk",
    // "_SK" with each character the check allows after it (a quote, a space, = or :): the
    // shortest anchor sets how far the search can jump, and "_SK" alone meets every "_SKIP".
    anchors: [...[...`"'=: 	\v\f\r\xA0`].map((c) => Buffer.from("_SK" + c, "latin1")), Buffer.from("secret_access_key"), Buffer.from("SecretAccessKey")],
    check: (line) => {
      const m = /(?:\b[A-Za-z_]*_SK|secret_access_key|SecretAccessKey)["']?\s*[=:]\s*["']?([A-Za-z0-9]{40})(?![A-Za-z0-9])/.exec(line);
      return m ? `Huawei Cloud secret key ${maskSecret(m[1], 0)}` : null;
    }
  }
];

// src/core/rules/malware-detectors.ts
var lineMatch = (re, label) => (line) => re.test(line) ? label : null;
var MALWARE_DETECTORS = [
  {
    id: "eicar-test-file",
    binary: true,
    anchors: [Buffer.from("EICAR-STANDARD-ANTIVIRUS-TEST-FILE!")],
    check: (_line, around) => around.includes("X5O!P%@AP[4\\PZX54(P^)7CC)7}$EICAR-STANDARD-ANTIVIRUS-TEST-FILE!$H+H*") ? "EICAR anti-virus test string" : null
  },
  {
    id: "reverse-shell-dev-tcp",
    anchors: [Buffer.from("/dev/tcp/"), Buffer.from("/dev/udp/")],
    check: lineMatch(
      /(?:\b(?:ba|z|k|da)?sh\s+-i\b.*\/dev\/(?:tcp|udp)\/|[<>]&?\s*\/dev\/(?:tcp|udp)\/[^\s/]+\/\d+|\/dev\/(?:tcp|udp)\/[^\s/]+\/\d+.*\d?>&\s*\d)/,
      "shell redirected to a /dev/tcp or /dev/udp socket (reverse shell)"
    )
  },
  {
    id: "reverse-shell-netcat",
    anchors: [Buffer.from("-e /bin/"), Buffer.from("-e sh"), Buffer.from("-e bash"), Buffer.from("-c /bin/")],
    check: lineMatch(
      /\b(?:nc|ncat|netcat)(?:\.traditional|\.openbsd)?\b.*\s-[ec]\s*(?:\/bin\/|\/usr\/bin\/)?(?:ba)?sh\b/,
      "netcat executing a shell (reverse shell)"
    )
  },
  {
    id: "reverse-shell-socat",
    anchors: [Buffer.from("socat")],
    check: lineMatch(/\bsocat\b.*\b(?:exec|system):/i, "socat executing a program over a socket (reverse shell)")
  },
  {
    id: "reverse-shell-python",
    anchors: [Buffer.from("dup2(")],
    check: lineMatch(/socket\b.*\.connect\(.*dup2\(.*(?:pty\.spawn|subprocess|\/bin\/(?:ba)?sh)/, "socket wired to a shell in a one-liner (reverse shell)")
  },
  {
    id: "reverse-shell-perl",
    anchors: [Buffer.from("use Socket"), Buffer.from("IO::Socket::INET")],
    check: lineMatch(/(?:use Socket.*connect\(.*(?:exec|system)|IO::Socket::INET.*(?:fdopen|exec|system))/, "perl socket wired to a shell (reverse shell)")
  },
  {
    id: "crypto-miner-pool",
    binary: true,
    anchors: [Buffer.from("stratum+")],
    check: (line) => {
      const m = /stratum\+(?:tcp|ssl|tls):\/\/[^\s"'<>]{0,80}/.exec(line);
      return m ? `crypto-miner pool address ${m[0]}` : null;
    }
  },
  {
    id: "crypto-miner-config",
    anchors: [Buffer.from("donate-level"), Buffer.from("cpuminer"), Buffer.from("nicehash")],
    check: lineMatch(/(?:"donate-level"\s*:|--donate-level[= ]\d|\bcpuminer\b.*-o\s|"nicehash"\s*:)/, "crypto-miner configuration")
  }
];

// src/core/rules/content-detectors.ts
var CONTENT_DETECTORS = [...MALWARE_DETECTORS, ...CREDENTIAL_DETECTORS];
function detectorsWithIds(ids) {
  const wanted = new Set(ids);
  return CONTENT_DETECTORS.filter((d) => wanted.has(d.id));
}

// src/core/scan/literal-search.ts
function commonness(byte) {
  const rank = " etaoinsrhldcumfpgwybvkxjqz".indexOf(String.fromCharCode(byte));
  if (rank !== -1) return 30 - rank;
  return `
	._(),=:/-"'`.includes(String.fromCharCode(byte)) ? 6 : 2;
}
var pairAt = (bytes, end) => bytes[end - 1] << 8 | bytes[end];
var LiteralSearch = class {
  constructor(anchors) {
    this.anchors = anchors;
    this.keyLength = Math.min(...anchors.map((a) => a.length));
    if (!(this.keyLength >= 2 && this.keyLength <= 255)) throw new Error("anchors must be 2 to 255 bytes long");
    const m = this.keyLength;
    this.keyOffset = anchors.map((a) => {
      let best = 0;
      let bestScore = Infinity;
      for (let at = 0; at + m <= a.length; at++) {
        let score = 0;
        for (let j = 1; j < m; j++) score += commonness(a[at + j - 1]) * commonness(a[at + j]) * (j === m - 1 ? 8 : 1);
        if (score < bestScore) [best, bestScore] = [at, score];
      }
      return best;
    });
    this.maxKeyOffset = Math.max(...this.keyOffset);
    this.shift.fill(m - 1);
    anchors.forEach((a, k) => {
      const key = a.subarray(this.keyOffset[k], this.keyOffset[k] + m);
      for (let j = 1; j < m; j++) this.shift[pairAt(key, j)] = Math.min(this.shift[pairAt(key, j)], m - 1 - j);
      (this.endingIn[pairAt(key, m - 1)] ??= []).push(k);
    });
  }
  anchors;
  /** Bytes in every key: the length of the shortest anchor. */
  keyLength;
  /** Where each anchor's key starts within the anchor. */
  keyOffset;
  maxKeyOffset;
  /** How far the search may move on when a byte pair ends where a key would end. */
  shift = new Uint8Array(65536);
  /** The anchors whose key ends with each byte pair (only pairs whose shift is 0). */
  endingIn = [];
  /**
   * Calls `found` for each occurrence of an anchor that starts in [from, to) of `bytes` and
   * ends by `limit`, in the order in which the search meets them (by where their keys end).
   */
  search(bytes, from, to, limit, found) {
    const m = this.keyLength;
    const end = Math.min(limit, to + this.maxKeyOffset + m - 1);
    for (let pos = from + m - 1; pos < end; ) {
      const pair = pairAt(bytes, pos);
      const shift = this.shift[pair];
      if (shift !== 0) {
        pos += shift;
        continue;
      }
      for (const k of this.endingIn[pair]) {
        const anchor = this.anchors[k];
        const at = pos - m + 1 - this.keyOffset[k];
        if (at < from || at >= to || at + anchor.length > limit) continue;
        let i = 0;
        while (i < anchor.length && bytes[at + i] === anchor[i]) i++;
        if (i === anchor.length) found(k, at);
      }
      pos++;
    }
  }
};

// src/core/scan/content-scanner.ts
var CONTEXT = 512;
var WINDOW = 256 * 1024;
var SCAN_BUDGET_DETECTOR = "scan-budget";
var MAX_DETECTORS = 31;
function searchOf(detectors, chosen) {
  const used = detectors.filter(chosen);
  const anchors = used.flatMap((d) => d.anchors);
  return { search: anchors.length ? new LiteralSearch(anchors) : null, anchors, detectorOf: used.flatMap((d) => d.anchors.map(() => detectors.indexOf(d))) };
}
var SNIFF = 1024;
var CHECK_BUDGET = 1e6;
var ContentScanner = class {
  constructor(detectors, checkBudget = CHECK_BUDGET) {
    this.detectors = detectors;
    this.checkBudget = checkBudget;
    if (detectors.length > MAX_DETECTORS) throw new Error(`at most ${MAX_DETECTORS} content detectors can run at once`);
    this.checksLeft = checkBudget;
    this.text = searchOf(detectors, () => true);
    this.binaries = searchOf(detectors, (d) => d.binary === true);
    this.allFound = 2 ** detectors.length - 1;
  }
  detectors;
  checkBudget;
  window = Buffer.allocUnsafe(WINDOW);
  fill = 0;
  /** Offset in `window` from which anchor starts have not been searched yet. */
  searchFrom = 0;
  /** The detectors that matched in this file, one bit each (no allocation per file). */
  found = 0;
  index = 0;
  hits = [];
  scanned = 0;
  limit = 0;
  binary;
  /** The anchors one search met, reused from search to search. */
  met = [];
  meet = (anchor, at) => void this.met.push({ at, anchor });
  checksLeft;
  /** Whether a check was needed after the budget ran out (reported once; no file is scanned after). */
  exhausted = false;
  /** Where in the current file the scan stopped for the budget (-1: it did not). */
  stoppedAt = -1;
  text;
  binaries;
  /** Every detector's bit: once all matched in a file, the rest of it need not be searched. */
  allFound;
  /** Starts a file (entry `index` of the layer); `limit` caps how many of its bytes are scanned. */
  begin(index, limit) {
    this.index = index;
    this.limit = limit;
    this.fill = 0;
    this.searchFrom = 0;
    this.scanned = 0;
    this.found = 0;
    this.hits = [];
    this.binary = void 0;
    this.stoppedAt = this.exhausted ? 0 : -1;
  }
  /** Feeds content; returns false once the per-file limit is reached (or the check budget). */
  feed(chunk, isWholeFile) {
    if (this.scanned >= this.limit || this.stoppedAt !== -1) return false;
    if (chunk.length > this.limit - this.scanned) chunk = chunk.subarray(0, this.limit - this.scanned);
    this.binary ??= chunk.subarray(0, SNIFF).includes(0);
    this.scanned += chunk.length;
    if (isWholeFile) {
      this.search(chunk, 0, chunk.length);
      return this.scanned < this.limit && this.stoppedAt === -1;
    }
    let pos = 0;
    while (pos < chunk.length && this.stoppedAt === -1) {
      const n = Math.min(WINDOW - this.fill, chunk.length - pos);
      chunk.copy(this.window, this.fill, pos, pos + n);
      this.fill += n;
      pos += n;
      if (this.fill === WINDOW) this.slide();
    }
    return this.scanned < this.limit && this.stoppedAt === -1;
  }
  /** Ends the file and returns what it matched. */
  finish() {
    if (this.fill > this.searchFrom && this.stoppedAt === -1) this.search(this.window, this.searchFrom, this.fill);
    this.fill = 0;
    return this.hits;
  }
  /** How many bytes of the current file were scanned. */
  get scannedBytes() {
    return this.stoppedAt === -1 ? this.scanned : this.stoppedAt;
  }
  slide() {
    const end = this.fill - CONTEXT;
    this.search(this.window, this.searchFrom, end);
    const keep = 2 * CONTEXT;
    this.window.copy(this.window, 0, this.fill - keep, this.fill);
    this.searchFrom = keep - CONTEXT;
    this.fill = keep;
  }
  /** Looks for anchors starting in [from, to) of buf; the anchor itself may run past `to`. */
  search(buf, from, to) {
    if (from >= to || this.found === this.allFound) return;
    const { search, anchors, detectorOf } = this.binary ? this.binaries : this.text;
    if (!search) return;
    const limit = buf === this.window ? this.fill : buf.length;
    const met = this.met;
    met.length = 0;
    search.search(buf, from, to, limit, this.meet);
    met.sort((a, b) => a.at - b.at || a.anchor - b.anchor);
    for (const { at, anchor } of met) {
      const bit = 1 << detectorOf[anchor];
      if (this.found & bit) continue;
      if (this.checksLeft === 0) return this.stop(this.scanned - limit + at);
      this.checksLeft--;
      const d = this.detectors[detectorOf[anchor]];
      const evidence = this.check(d, buf, at, anchors[anchor].length);
      if (evidence) {
        this.found |= bit;
        this.hits.push({ detector: d.id, index: this.index, evidence });
      }
    }
  }
  /** The check budget ran out at byte `at` of the file: that is a finding, and the scan ends. */
  stop(at) {
    this.exhausted = true;
    this.stoppedAt = at;
    const evidence = `so many look-alikes of malware or credentials that the scan stopped there (${this.checkBudget.toLocaleString("en")} checked in this image; what follows was not scanned)`;
    this.hits.push({ detector: SCAN_BUDGET_DETECTOR, index: this.index, evidence });
  }
  check(d, buf, at, anchorLength) {
    const start = Math.max(0, at - CONTEXT);
    const end = Math.min(buf === this.window ? this.fill : buf.length, at + anchorLength + CONTEXT);
    const around = buf.toString("latin1", start, end);
    const rel = at - start;
    const lineStart = around.lastIndexOf("\n", rel) + 1;
    let lineEnd = around.indexOf("\n", rel + anchorLength);
    if (lineEnd === -1) lineEnd = around.length;
    return d.check(around.slice(lineStart, lineEnd), around);
  }
};

// src/core/scan/scan-results.ts
function emptyContentTags() {
  return { count: 0, indices: new Uint32Array(0), bytes: new Uint8Array(0) };
}
function addContentTag(list, index, tag) {
  if (list.count === list.indices.length) {
    const n = Math.max(256, list.count * 2);
    const indices = new Uint32Array(n);
    indices.set(list.indices);
    const bytes = new Uint8Array(n * TAG_BYTES);
    bytes.set(list.bytes);
    list.indices = indices;
    list.bytes = bytes;
  }
  list.indices[list.count] = index;
  list.bytes.set(tag, list.count * TAG_BYTES);
  list.count++;
}
function concatContentTags(a, b) {
  if (!b.count) return a;
  if (!a.count) return b;
  const all = emptyContentTags();
  for (const list of [a, b]) for (let i = 0; i < list.count; i++) addContentTag(all, list.indices[i], list.bytes.subarray(i * TAG_BYTES, (i + 1) * TAG_BYTES));
  return all;
}
function emptyStreamResult() {
  return { tags: emptyContentTags(), hits: [], truncatedFiles: 0, unscannedBytes: 0 };
}

// src/core/scan/stream-processor.ts
var TAG = 1;
var SCAN = 2;
var StreamProcessor = class {
  constructor(work) {
    this.work = work;
    this.tagger = new ContentTagger(work.tagKey);
    this.scanner = work.detectors.length ? new ContentScanner(detectorsWithIds(work.detectors)) : null;
  }
  work;
  hash = null;
  scanner;
  /** The ranges this processor works on, four numbers each, in stream order (not objects: GC). */
  queue = new Float64Array(4 * 1024);
  head = 0;
  tail = 0;
  offset = 0;
  /** The file body being read: entry index, where it starts and ends; index -1 when none. */
  index = -1;
  bodyStart = 0;
  bodyEnd = 0;
  /** Whether the current file's content tag is wanted; a body in one piece gets it in one call. */
  tagWanted = false;
  partTag = null;
  wholeTag = null;
  /** Whether the current file is scanned, and whether its scan still wants bytes. */
  scanFile = false;
  scanning = false;
  result = emptyStreamResult();
  tagger;
  begin() {
    this.hash = this.work.layerHash ? (0, import_node_crypto4.createHash)("sha256") : null;
    this.head = 0;
    this.tail = 0;
    this.offset = 0;
    this.index = -1;
    this.result = emptyStreamResult();
  }
  addRanges(ranges) {
    for (let i = 0; i < ranges.length; i += 4) {
      const flags = ranges[i + 3];
      if (!(flags & TAG && this.work.tags || flags & SCAN && this.scanner !== null)) continue;
      if (this.tail + 4 > this.queue.length) this.makeRoom();
      const q = this.queue;
      const t = this.tail;
      q[t] = ranges[i];
      q[t + 1] = ranges[i + 1];
      q[t + 2] = ranges[i + 2];
      q[t + 3] = flags;
      this.tail = t + 4;
    }
  }
  data(chunk) {
    this.hash?.update(chunk);
    const end = this.offset + chunk.length;
    let pos = this.offset;
    while (pos < end) {
      if (this.index === -1) {
        if (this.head === this.tail || this.queue[this.head + 1] >= end) break;
        this.open();
        pos = Math.max(pos, this.bodyStart);
      }
      const stop = Math.min(end, this.bodyEnd);
      if (stop > pos) this.feed(Buffer.from(chunk.buffer, chunk.byteOffset + (pos - this.offset), stop - pos), pos === this.bodyStart && stop === this.bodyEnd);
      pos = stop;
      if (pos === this.bodyEnd) this.close();
    }
    this.offset = end;
  }
  /**
   * Moves past `n` bytes of the stream that no range needs: the rest of files whose scan has
   * reached its limit, and files that are neither tagged nor scanned. Never for a hashed layer.
   */
  skip(n) {
    const end = this.offset + n;
    const needed = this.hash !== null || this.index !== -1 && (this.tagWanted || this.scanning) && this.bodyEnd > this.offset || this.head !== this.tail && this.queue[this.head + 1] < end;
    if (needed) throw new Error(`bytes ${this.offset} to ${end} of the layer were skipped but are needed`);
    if (this.index !== -1 && this.bodyEnd <= end) this.close();
    this.offset = end;
  }
  end() {
    if (this.index !== -1) this.close();
    const result = this.result;
    const d = result.tags;
    result.tags = { count: d.count, indices: d.indices.slice(0, d.count), bytes: d.bytes.slice(0, d.count * TAG_BYTES) };
    if (this.hash) result.diffId = "sha256:" + this.hash.digest("hex");
    this.hash = null;
    this.result = emptyStreamResult();
    return result;
  }
  /** Drops the ranges already read, or grows the queue. */
  makeRoom() {
    if (this.head > 0) {
      this.queue.copyWithin(0, this.head, this.tail);
      this.tail -= this.head;
      this.head = 0;
    }
    if (this.tail + 4 > this.queue.length) {
      const bigger = new Float64Array(this.queue.length * 2);
      bigger.set(this.queue.subarray(0, this.tail));
      this.queue = bigger;
    }
  }
  open() {
    const q = this.queue;
    const h = this.head;
    this.index = q[h];
    this.bodyStart = q[h + 1];
    this.bodyEnd = q[h + 1] + q[h + 2];
    const flags = q[h + 3];
    this.head = h + 4;
    this.tagWanted = (flags & TAG) !== 0 && this.work.tags;
    this.scanFile = (flags & SCAN) !== 0 && this.scanner !== null;
    this.scanning = this.scanFile;
    if (this.scanFile) this.scanner.begin(this.index, this.work.scanLimit);
  }
  feed(part, whole) {
    if (this.tagWanted) {
      if (whole) this.wholeTag = this.tagger.whole(part);
      else (this.partTag ??= this.tagger.start(this.bodyEnd - this.bodyStart)).update(part);
    }
    if (this.scanning) this.scanning = this.scanner.feed(part, whole);
  }
  close() {
    if (this.tagWanted) addContentTag(this.result.tags, this.index, this.wholeTag ?? (this.partTag ?? this.tagger.start(0)).finish());
    if (this.scanFile) {
      this.result.hits.push(...this.scanner.finish());
      const size = this.bodyEnd - this.bodyStart;
      if (this.scanner.scannedBytes < size) {
        this.result.truncatedFiles++;
        this.result.unscannedBytes += size - this.scanner.scannedBytes;
      }
    }
    this.index = -1;
    this.tagWanted = false;
    this.partTag = null;
    this.wholeTag = null;
    this.scanFile = false;
    this.scanning = false;
  }
};

// src/core/tar/tar-parser.ts
init_errors();
init_byte_strings();

// src/core/tar/pax-records.ts
init_byte_strings();
var CAPABILITY_RECORD = "SCHILY.xattr.security.capability";
var PaxError = class extends Error {
};
function parsePaxRecords(body) {
  const records = /* @__PURE__ */ new Map();
  const sparseMap = [];
  let pos = 0;
  while (pos < body.length) {
    const { key, value, next } = parseRecord(body, pos);
    pos = next;
    if (key === "GNU.sparse.offset" || key === "GNU.sparse.numbytes") {
      const even = sparseMap.length % 2 === 0;
      if (even && key !== "GNU.sparse.offset" || !even && key !== "GNU.sparse.numbytes" || value.includes(44)) {
        throw new PaxError("GNU sparse records out of order");
      }
      sparseMap.push(value.toString("latin1"));
      continue;
    }
    records.set(key, value);
  }
  if (sparseMap.length > 0) records.set("GNU.sparse.map", Buffer.from(sparseMap.join(","), "latin1"));
  return records;
}
function applyPaxRecords(records) {
  const out = {};
  const text = (key) => {
    const v = records.get(key);
    return v === void 0 || v.length === 0 ? void 0 : v;
  };
  const path = text("path");
  if (path) out.path = decodeBytes(path, 0, path.length);
  const linkpath = text("linkpath");
  if (linkpath) out.linkpath = decodeBytes(linkpath, 0, linkpath.length);
  for (const key of ["uid", "gid"]) {
    const v = text(key);
    if (v) out[key] = Number(BigInt.asUintN(32, goParseInt(v.toString("latin1"), key)));
  }
  const size = text("size");
  if (size) out.size = Number(goParseInt(size.toString("latin1"), "size"));
  for (const key of ["atime", "mtime", "ctime"]) {
    const v = text(key);
    if (v && !isPaxTime(v.toString("latin1"))) throw new PaxError(`a time that does not parse in the record ${key}=${quote(v.toString("latin1"))}`);
  }
  const capability = text(CAPABILITY_RECORD);
  if (capability) out.capability = Buffer.from(capability);
  out.sparse = isSparse(records);
  return out;
}
function parseRecord(body, pos) {
  const space = body.indexOf(32, pos);
  if (space === -1) throw new PaxError("a record without a length");
  const lengthText = body.toString("latin1", pos, space);
  const length = /^[+-]?\d+$/.test(lengthText) ? Number(lengthText) : NaN;
  const remaining = body.length - pos;
  if (!(length >= 5 && length <= remaining)) throw new PaxError("a record length that does not fit");
  const recordEnd = pos + length;
  if (recordEnd - (space + 1) <= 0 || body[recordEnd - 1] !== 10) throw new PaxError("a record not ended by a newline");
  const eq = body.indexOf(61, space + 1);
  if (eq === -1 || eq >= recordEnd - 1) throw new PaxError('a record without "="');
  const key = body.toString("latin1", space + 1, eq);
  const value = body.subarray(eq + 1, recordEnd - 1);
  if (key === "") throw new PaxError("a record without a key");
  if (key === "path" || key === "linkpath" || key === "uname" || key === "gname" ? value.includes(0) : key.includes("\0")) {
    throw new PaxError(`a NUL in the record ${escapeNonAscii(key)}`);
  }
  return { key, value, next: recordEnd };
}
function goParseInt(text, what) {
  if (!/^[+-]?\d+$/.test(text)) throw new PaxError(`a number that does not parse in the record ${what}=${quote(text)}`);
  const value = BigInt(text);
  if (value > 0x7fffffffffffffffn || value < -0x8000000000000000n) throw new PaxError(`a number out of range in the record ${what}=${quote(text)}`);
  return value;
}
function isPaxTime(text) {
  const dot = text.indexOf(".");
  const seconds = dot === -1 ? text : text.slice(0, dot);
  if (!/^[+-]?\d+$/.test(seconds)) return false;
  try {
    goParseInt(seconds, "time");
  } catch {
    return false;
  }
  return dot === -1 || /^\d*$/.test(text.slice(dot + 1));
}
function isSparse(records) {
  const major = records.get("GNU.sparse.major")?.toString("latin1") ?? "";
  const minor = records.get("GNU.sparse.minor")?.toString("latin1") ?? "";
  if (major === "0" && (minor === "0" || minor === "1")) return true;
  if (major === "1" && minor === "0") return true;
  if (major !== "" || minor !== "") return false;
  return (records.get("GNU.sparse.map")?.length ?? 0) > 0;
}
function quote(s) {
  return `"${escapeNonAscii(s.slice(0, 40))}"${s.length > 40 ? "..." : ""}`;
}

// src/core/tar/tar-parser.ts
var MAX_META_SIZE = 1024 * 1024;
var TYPES = {
  "0": "file",
  "\0": "file",
  "1": "hardlink",
  "2": "symlink",
  "3": "char",
  "4": "block",
  "5": "directory",
  "6": "fifo"
};
var HEADER_ONLY = /* @__PURE__ */ new Set(["hardlink", "symlink", "char", "block", "directory", "fifo"]);
var HEADER_ONLY_FLAGS = /* @__PURE__ */ new Set(["1", "2", "3", "4", "5", "6"]);
var TarParser = class {
  /**
   * With a `cutShortHint` (ChunkSource.cutShortHint) an archive that stops after a whole entry,
   * without the end-of-archive marker, is truncated too, and truncation errors add the hint.
   */
  constructor(onEntry, label = "tar archive", cutShortHint) {
    this.onEntry = onEntry;
    this.label = label;
    this.cutShortHint = cutShortHint;
  }
  onEntry;
  label;
  cutShortHint;
  state = 0 /* Header */;
  headerBuf = Buffer.alloc(BLOCK);
  headerFill = 0;
  remaining = 0;
  // body bytes left in the current entry
  padding = 0;
  sink = null;
  metaKind = "";
  /** A global header's own name (its PAX path record may replace it), and where the meta header was. */
  metaName = "";
  metaAt = 0;
  metaChunks = [];
  pending = {};
  zeroBlocks = 0;
  offset = 0;
  // bytes consumed, for error messages
  currentName = "";
  /** Bytes consumed so far; while `onEntry` runs, the offset of that entry's body. */
  get position() {
    return this.offset;
  }
  async write(chunk) {
    let pos = 0;
    const len = chunk.length;
    while (pos < len) {
      switch (this.state) {
        case 0 /* Header */: {
          let block;
          if (this.headerFill === 0 && len - pos >= BLOCK) {
            block = chunk.subarray(pos, pos + BLOCK);
            pos += BLOCK;
          } else {
            const n = Math.min(BLOCK - this.headerFill, len - pos);
            chunk.copy(this.headerBuf, this.headerFill, pos, pos + n);
            this.headerFill += n;
            pos += n;
            if (this.headerFill < BLOCK) continue;
            this.headerFill = 0;
            block = this.headerBuf;
          }
          this.offset += BLOCK;
          const r = this.onHeaderBlock(block);
          if (r) await r;
          break;
        }
        case 1 /* Body */: {
          const n = Math.min(this.remaining, len - pos);
          if (this.sink) {
            const r = this.sink.data(chunk.subarray(pos, pos + n));
            if (r) await r;
          }
          pos += n;
          this.remaining -= n;
          this.offset += n;
          if (this.remaining === 0) {
            const r = this.finishBody();
            if (r) await r;
          }
          break;
        }
        case 2 /* Meta */: {
          const n = Math.min(this.remaining, len - pos);
          this.metaChunks.push(Buffer.from(chunk.subarray(pos, pos + n)));
          pos += n;
          this.remaining -= n;
          this.offset += n;
          if (this.remaining === 0) this.finishMeta();
          break;
        }
        case 3 /* Padding */: {
          const n = Math.min(this.padding, len - pos);
          pos += n;
          this.padding -= n;
          this.offset += n;
          if (this.padding === 0) this.state = 0 /* Header */;
          break;
        }
        case 4 /* Done */:
          return;
      }
    }
  }
  /** Whether the end-of-archive marker was read: nothing after it belongs to the archive. */
  get ended() {
    return this.state === 4 /* Done */;
  }
  /** Input bytes the parser will next discard unread (the rest of an ignored body, padding). */
  get skippable() {
    if (this.state === 3 /* Padding */) return this.padding;
    if (this.state === 1 /* Body */ && (!this.sink || this.sink.discarding)) return this.remaining + this.padding;
    return 0;
  }
  /** The caller jumped over `n` (at most `skippable`) input bytes instead of writing them. */
  async skip(n) {
    if (this.state === 1 /* Body */) {
      const body = Math.min(n, this.remaining);
      this.remaining -= body;
      this.offset += body;
      n -= body;
      if (this.remaining > 0) return;
      await this.finishBody();
    }
    if (this.state === 3 /* Padding */) {
      this.padding -= n;
      this.offset += n;
      if (this.padding === 0) this.state = 0 /* Header */;
    }
  }
  /** Call when the input has ended; throws when it ended inside an entry. */
  async end() {
    if (this.state === 4 /* Done */) return;
    if (this.offset === 0 && this.headerFill > 0) {
      throw new ImageError(`${this.label} is not a tar archive: it has ${this.headerFill} bytes, less than one tar header`);
    }
    const hint = this.cutShortHint === void 0 ? "" : ` (${this.cutShortHint})`;
    if (this.state === 0 /* Header */ && this.headerFill === 0 || this.state === 3 /* Padding */) {
      if (this.cutShortHint === void 0) return;
      throw new ImageError(`${this.label} is truncated: it ends at byte ${this.offset}, before the end-of-archive marker${hint}`);
    }
    const where = this.currentName ? ` in entry "${this.currentName}"` : "";
    throw new ImageError(`${this.label} is truncated: it ends at byte ${this.offset + this.headerFill}${where}${hint}`);
  }
  onHeaderBlock(block) {
    const at = this.offset - BLOCK;
    if (isZeroBlock(block)) {
      this.zeroBlocks++;
      if (this.zeroBlocks >= 2) this.state = 4 /* Done */;
      return;
    }
    if (this.zeroBlocks > 0)
      throw new ImageError(
        `${this.label} is corrupt: the zero block at byte ${at - BLOCK} is followed by an entry, not by the second block of the end-of-archive marker`
      );
    if (!checksumMatches(block)) {
      if (at === 0) throw new ImageError(`${this.label} is not a tar archive (its first block is not a tar header)`);
      throw new ImageError(`${this.label} is corrupt: bad tar header checksum at byte ${at}`);
    }
    const raw = decodeHeader(block);
    if ("invalidField" in raw) throw new ImageError(`${this.label} is corrupt: the ${raw.invalidField} field of the tar header at byte ${at} does not parse`);
    if (raw.size < 0 && !HEADER_ONLY_FLAGS.has(raw.typeflag)) throw new ImageError(`${this.label} is corrupt: negative size in the tar header at byte ${at}`);
    const typeflag = raw.typeflag;
    if (typeflag === "L" || typeflag === "K" || typeflag === "x" || typeflag === "g") {
      if (raw.size > MAX_META_SIZE) {
        throw new ImageError(`${this.label} is corrupt: a ${describeMeta(typeflag)} of ${raw.size} bytes at byte ${at}`);
      }
      this.metaKind = typeflag;
      this.metaName = raw.name;
      this.metaAt = at;
      this.metaChunks = [];
      this.remaining = raw.size;
      this.padding = padOf(raw.size);
      if (raw.size === 0) this.finishMeta();
      else this.state = 2 /* Meta */;
      return;
    }
    const header = this.buildHeader(raw, at);
    this.currentName = header.name;
    this.sink = this.onEntry(header);
    this.remaining = header.size;
    this.padding = padOf(header.size);
    if (header.size === 0) return this.finishBody();
    this.state = 1 /* Body */;
  }
  buildHeader(raw, at) {
    const { pax: records, paxAt = 0 } = this.pending;
    const pax = records ? this.paxError(paxAt, () => applyPaxRecords(records)) : NO_PAX;
    const name = this.pending.longName || pax.path || raw.name;
    const linkname = this.pending.longLink || (pax.linkpath ?? raw.linkname);
    this.pending = {};
    const typeflag = raw.typeflag;
    if (typeflag === "S" || pax.sparse) {
      throw new ImageError(
        `${this.label} has a GNU sparse file "${name}" at byte ${at}: Docker's builders never write one, and to judge it the holes Go's reader fills in would have to be read too, so it cannot be checked`
      );
    }
    let type = TYPES[typeflag];
    if (typeflag === "\0" && name.endsWith("/")) type = "directory";
    if (type === void 0) {
      throw new ImageError(`${this.label} has an entry of a type Docker does not unpack, "${escapeNonAscii(typeflag)}" ("${name}"), at byte ${at}`);
    }
    const size = pax.size ?? raw.size;
    if (size < 0 && !HEADER_ONLY.has(type)) throw new ImageError(`${this.label} is corrupt: negative size for "${name}" at byte ${at}`);
    return {
      name,
      type,
      mode: raw.mode,
      uid: pax.uid ?? raw.uid,
      gid: pax.gid ?? raw.gid,
      size: HEADER_ONLY.has(type) ? 0 : size,
      linkname,
      ...pax.capability && { capability: pax.capability }
    };
  }
  finishBody() {
    const sink = this.sink;
    this.sink = null;
    this.state = this.padding > 0 ? 3 /* Padding */ : 0 /* Header */;
    this.currentName = "";
    if (sink) return sink.end();
  }
  finishMeta() {
    const body = Buffer.concat(this.metaChunks);
    this.metaChunks = [];
    this.state = this.padding > 0 ? 3 /* Padding */ : 0 /* Header */;
    switch (this.metaKind) {
      case "L":
        this.pending.longName = decodeBytes(body, 0, nulIndex(body));
        break;
      case "K":
        this.pending.longLink = decodeBytes(body, 0, nulIndex(body));
        break;
      case "x":
        this.pending.pax = this.paxError(this.metaAt, () => parsePaxRecords(body));
        this.pending.paxAt = this.metaAt;
        break;
      case "g": {
        const records = this.paxError(this.metaAt, () => parsePaxRecords(body));
        const path = records.get("path");
        const name = path?.length ? decodeBytes(path, 0, path.length) : this.metaName;
        if (name !== this.metaName && isRefused(() => applyPaxRecords(records))) {
          throw new ImageError(
            `${this.label} has a PAX global header at byte ${this.metaAt} whose name Go reads as "${this.metaName}" or "${name}" by chance (one of its records does not parse), so what Docker removes cannot be known`
          );
        }
        this.pending = {};
        this.onEntry({ name, type: "global-header", mode: 0, uid: 0, gid: 0, size: 0, linkname: "" });
        break;
      }
    }
  }
  paxError(at, read2) {
    try {
      return read2();
    } catch (err) {
      if (!(err instanceof PaxError)) throw err;
      throw new ImageError(`${this.label} is corrupt: the PAX header at byte ${at} has ${err.message}; Go's tar reader, and so Docker, refuses it`);
    }
  }
};
function isRefused(read2) {
  try {
    read2();
    return false;
  } catch (err) {
    if (err instanceof PaxError) return true;
    throw err;
  }
}
function describeMeta(typeflag) {
  return typeflag === "L" || typeflag === "K" ? "GNU long name" : "PAX header";
}
function padOf(size) {
  const rest = size % BLOCK;
  return rest === 0 ? 0 : BLOCK - rest;
}
function isZeroBlock(block) {
  for (let i = 0; i < BLOCK; i++) {
    if (block[i] !== 0) return false;
  }
  return true;
}
var NO_PAX = {};
function nulIndex(b) {
  const i = b.indexOf(0);
  return i === -1 ? b.length : i;
}

// src/core/layer/layer-walker.ts
var ReadBudget = class {
  constructor(maxUncompressed) {
    this.maxUncompressed = maxUncompressed;
    this.uncompressedLeft = maxUncompressed;
  }
  maxUncompressed;
  /** Bytes of file text the rules may still keep (scripts, passwd, credential files). */
  textLeft = 64 * 1024 * 1024;
  uncompressedLeft;
  consume(n, label) {
    this.uncompressedLeft -= n;
    if (this.uncompressedLeft < 0) {
      throw new ImageError(
        `${label} expands to more than the ${formatSize(this.maxUncompressed)} limit on uncompressed data (--max-uncompressed): stopped reading; a compressed layer this large is a decompression bomb or far over the size limit`
      );
    }
  }
};
var MAX_PATH_BYTES = 4096;
var MAX_PATH_DEPTH = 256;
function countSlashes(s) {
  let n = 0;
  for (let i = s.indexOf("/"); i !== -1; i = s.indexOf("/", i + 1)) n++;
  return n;
}
var KINDS = {
  file: 0 /* File */,
  directory: 1 /* Directory */,
  symlink: 2 /* Symlink */,
  hardlink: 3 /* Hardlink */,
  char: 4 /* CharDevice */,
  block: 5 /* BlockDevice */,
  fifo: 6 /* Fifo */
};
var TextSink = class {
  constructor(walker) {
    this.walker = walker;
  }
  walker;
  parts = null;
  first = true;
  index = 0;
  size = 0;
  chosenByPath = false;
  start(index, size, chosenByPath) {
    this.index = index;
    this.size = size;
    this.chosenByPath = chosenByPath;
    this.parts = null;
    this.first = true;
    return this;
  }
  data(chunk) {
    if (this.first) {
      this.first = false;
      const { budget, needs } = this.walker.options;
      if ((this.chosenByPath || needs.keepsTextByHead(chunk, this.size)) && budget.textLeft >= this.size) {
        budget.textLeft -= this.size;
        this.parts = [];
      }
    }
    this.parts?.push(Buffer.from(chunk));
  }
  end() {
    if (this.parts) this.walker.entries.texts.set(this.index, Buffer.concat(this.parts).toString("utf8"));
    this.parts = null;
  }
};
var ClamdSink = class {
  constructor(clamd, index, limit, next) {
    this.clamd = clamd;
    this.next = next;
    clamd.beginFile(index, limit);
  }
  clamd;
  next;
  data(chunk) {
    this.next?.data(chunk);
    return this.clamd.data(chunk);
  }
  end() {
    this.clamd.endFile();
    return this.next?.end();
  }
};
var LayerWalker = class {
  constructor(options, compression, scan) {
    this.options = options;
    this.scan = scan;
    this.record = {
      diffId: "",
      compression,
      size: 0,
      entries: this.entries,
      scanHits: [],
      clamd: [],
      unsafe: [],
      scan: { truncatedFiles: 0, unscannedBytes: 0 },
      contentScanned: scan
    };
    this.scanFlag = scan && options.needs.detectors.length > 0 ? SCAN : 0;
  }
  options;
  scan;
  entries = new LayerEntries();
  record;
  textSink = new TextSink(this);
  /** SCAN when this layer's files go past the content detectors (custom layers, when a rule asks for any). */
  scanFlag;
  /** File bodies found since the scan workers last heard from us (see BodyRanges). */
  ranges = new Float64Array(4 * 1024);
  rangeCount = 0;
  /** Where the bytes the scan workers need end, so far: tagged bodies whole, scanned ones up to the scan limit. */
  neededUntil = 0;
  position = () => 0;
  /** One reused array: the scan workers copy the ranges they are sent. */
  addRange(index, start, size, flags) {
    if (this.rangeCount + 4 > this.ranges.length) {
      const bigger = new Float64Array(this.ranges.length * 2);
      bigger.set(this.ranges);
      this.ranges = bigger;
    }
    const r = this.ranges;
    const at = this.rangeCount;
    r[at] = index;
    r[at + 1] = start;
    r[at + 2] = size;
    r[at + 3] = flags;
    this.rangeCount = at + 4;
    const needed = flags & TAG ? size : Math.max(1, Math.min(size, this.options.scanLimit));
    this.neededUntil = Math.max(this.neededUntil, start + needed);
  }
  onEntry = (h) => {
    if (h.name.length > MAX_PATH_BYTES || countSlashes(h.name) > MAX_PATH_DEPTH) {
      this.record.unsafe.push({ path: excerpt(h.name, 120), reason: `its name is longer than ${MAX_PATH_BYTES} bytes or ${MAX_PATH_DEPTH} levels deep` });
      return null;
    }
    const path = normalizeEntryName(h.name);
    if (path === null) {
      this.record.unsafe.push({ path: h.name, reason: 'its name climbs out of the image root with ".."' });
      return null;
    }
    if (path === "/") {
      if (h.type === "global-header") throw new ImageError("a PAX global header in a layer names the image root: Docker cannot unpack the layer");
      return null;
    }
    const name = baseName(path);
    if (name.startsWith(".wh.")) {
      const dir = path.slice(0, path.length - name.length - 1) || "/";
      if (name === ".wh..wh..opq") this.entries.add(dir, 8 /* Opaque */, 0, 0, 0, 0);
      else if (!name.startsWith(".wh..wh.")) this.entries.add((dir === "/" ? "" : dir) + "/" + name.slice(4), 7 /* Whiteout */, 0, 0, 0, 0);
      return null;
    }
    if (h.type === "global-header") {
      this.entries.add(path, 7 /* Whiteout */, 0, 0, 0, 0);
      return null;
    }
    let link;
    if ((h.type === "hardlink" || h.type === "symlink") && h.linkname.length > MAX_PATH_BYTES) {
      this.record.unsafe.push({ path, reason: `its link target is longer than ${MAX_PATH_BYTES} bytes` });
      return null;
    }
    if (h.type === "hardlink") {
      const target = normalizeEntryName(h.linkname);
      if (target === null || target === "/") {
        this.record.unsafe.push({ path, reason: `it is a hard link to "${h.linkname}", outside the image root` });
        return null;
      }
      link = target;
    } else if (h.type === "symlink") {
      link = h.linkname;
    }
    if (this.entries.length >= MAX_LAYER_ENTRIES) {
      throw new ImageError(`a layer holds more than ${MAX_LAYER_ENTRIES} entries, more than this tool (and any real image) handles`);
    }
    const kind = KINDS[h.type];
    const index = this.entries.add(path, kind, h.mode & 4095, ownerId(h.uid), ownerId(h.gid), kind === 0 /* File */ ? h.size : 0, link);
    if (h.capability && (kind === 0 /* File */ || kind === 3 /* Hardlink */)) this.entries.capabilities.set(index, h.capability);
    if (kind !== 0 /* File */ || h.size === 0) return null;
    const needs = this.options.needs;
    const tag = needs.needsContentTag(path, h);
    const flags = this.scanFlag | (tag ? TAG : 0);
    if (flags) this.addRange(index, this.position(), h.size, flags);
    const chosenByPath = h.size <= needs.textLimitByPath(path);
    const text = chosenByPath || h.size <= needs.maxHeadBytes ? this.textSink.start(index, h.size, chosenByPath) : null;
    return this.options.clamd && this.scan ? new ClamdSink(this.options.clamd, index, this.options.scanLimit, text) : text;
  };
};
async function walkLayer(blob, compression, options, label, scan = true) {
  const walker = new LayerWalker(options, compression, scan);
  const parser = new TarParser(walker.onEntry, label);
  walker.position = () => parser.position;
  const record = walker.record;
  const scanWorkers = options.scanWorkers;
  await scanWorkers.begin();
  const clamdLayer = scan ? options.clamd?.beginLayer() : void 0;
  const consume = async (source) => {
    for await (const chunk of source) {
      options.budget.consume(chunk.length, label);
      const start = record.size;
      record.size += chunk.length;
      await parser.write(chunk);
      const ranges = walker.ranges.subarray(0, walker.rangeCount);
      walker.rangeCount = 0;
      if (!scanWorkers.needsEveryByte && start >= walker.neededUntil) await scanWorkers.skip(ranges, chunk.length);
      else await scanWorkers.send(ranges, chunk);
    }
    await parser.end();
  };
  if (compression === "none") await consume(blob);
  else await decompressInto(blob, compression, consume, label);
  const found = await scanWorkers.end();
  record.diffId = found.diffId ?? "";
  walker.entries.setContentTags(found.tags);
  walker.entries.seal();
  if (options.clamd && clamdLayer !== void 0) {
    record.clamd = (await options.clamd.layerVerdicts(clamdLayer)).map((v) => ({ path: walker.entries.paths[v.index], signature: v.signature }));
  }
  record.scanHits = found.hits.map(({ index, ...hit }) => ({ ...hit, path: walker.entries.paths[index] }));
  record.scan = { truncatedFiles: found.truncatedFiles, unscannedBytes: found.unscannedBytes };
  return record;
}
function ownerId(id) {
  return id === 4294967295 ? 0 : id;
}

// src/core/archive/archive-reader.ts
var MAX_JSON = 16 * 1024 * 1024;
var HashingSink = class {
  constructor(path, entrySize, reader) {
    this.path = path;
    this.entrySize = entrySize;
    this.reader = reader;
  }
  path;
  entrySize;
  reader;
  hash = (0, import_node_crypto5.createHash)("sha256");
  head = [];
  headSize = 0;
  target = null;
  data(chunk) {
    this.hash?.update(chunk);
    if (this.target) return this.target.data(chunk);
    this.head.push(Buffer.from(chunk));
    this.headSize += chunk.length;
    if (this.headSize >= SNIFF_BYTES) return this.start();
  }
  async end() {
    if (!this.target) await this.start();
    await this.target.end();
    const blob = this.reader.contents.files.get(this.path);
    blob.digest = this.hash ? "sha256:" + this.hash.digest("hex") : blob.layer?.diffId ?? "";
    blob.size = this.entrySize;
  }
  get discarding() {
    return this.target === DISCARD && this.hash === null;
  }
  start() {
    const head = Buffer.concat(this.head);
    this.head = [];
    const kind = sniffBlob(head.subarray(0, SNIFF_BYTES));
    if (kind === "tar" || (kind === "gzip" || kind === "zstd") && !this.reader.options.walkLayers) this.hash = null;
    const blob = { digest: "", size: 0, kind };
    this.reader.contents.files.set(this.path, blob);
    this.target = this.reader.sinkFor(this.path, kind, this.entrySize, blob);
    return this.target.data(head);
  }
};
var JsonSink = class {
  constructor(blob) {
    this.blob = blob;
  }
  blob;
  parts = [];
  data(chunk) {
    this.parts.push(Buffer.from(chunk));
  }
  end() {
    try {
      const text = Buffer.concat(this.parts).toString("utf8");
      this.blob.json = JSON.parse(text);
      this.blob.text = text;
    } catch (err) {
      this.blob.jsonError = err.message;
    }
    this.parts = [];
  }
};
var DISCARD = { data() {
}, end() {
}, discarding: true };
var MIN_SKIP = 64 * 1024;
var LayerSink = class {
  constructor(blob, compression, options, label, scan) {
    this.blob = blob;
    this.options = options;
    this.done = walkLayer(this.channel, compression, options.walk, label, scan);
    this.done.catch((err) => {
      this.failure = err;
      this.channel.abort(err);
    });
  }
  blob;
  options;
  channel = new Handoff();
  done;
  failure = null;
  async data(chunk) {
    if (this.failure) throw this.failure;
    this.options.onProgress?.(chunk.length);
    await this.channel.push(chunk);
    if (this.failure) throw this.failure;
  }
  async end() {
    if (this.failure) throw this.failure;
    this.channel.end();
    this.blob.layer = await this.done;
  }
};
var ArchiveReader = class {
  constructor(options) {
    this.options = options;
    this.contents = new ArchiveContents(options.label);
  }
  options;
  contents;
  /** Shared by every path resolved or recorded while reading (see RESOLVE_BUDGET). */
  resolveBudget = { chars: RESOLVE_BUDGET };
  /** Directories on the paths read so far: docker load would remove what an entry replacing one holds. */
  directories = /* @__PURE__ */ new Set();
  /** Where a legacy archive made by Docker keeps the base's layers (see legacy-layer-ids.ts). */
  predictedBasePaths;
  onEntry = (h) => {
    const normalized = normalizeEntryName(h.name);
    if (normalized === null) throw new ImageError(`${this.options.label} has an entry whose name climbs out of the archive: "${h.name}"`);
    const { files, links } = this.contents;
    const path = normalized.slice(1);
    const label = this.options.label;
    const resolved = resolveInArchive(links, path, false, this.resolveBudget);
    if (resolved === void 0) throw this.tooDeep(h.name);
    if (resolved !== path) throw new ImageError(`${label} writes "${excerpt(h.name, 200)}" through a symlinked directory: ${AMBIGUOUS}`);
    const was2 = files.has(path) ? "file" : links.has(path) ? "symlink" : this.directories.has(path) ? "directory" : void 0;
    if (was2 && was2 !== h.type) throw new ImageError(`${label} replaces the ${was2} "${excerpt(h.name, 200)}" with an entry of another type: ${AMBIGUOUS}`);
    for (let i = path.indexOf("/"); i !== -1; i = path.indexOf("/", i + 1)) {
      if ((this.resolveBudget.chars -= i) < 0) throw this.tooDeep(h.name);
      this.directories.add(path.slice(0, i));
    }
    switch (h.type) {
      case "file":
        return new HashingSink(path, h.size, this);
      case "symlink":
        links.set(path, h.linkname);
        return null;
      case "hardlink": {
        const target = normalizeEntryName(h.linkname);
        const file = target === null ? void 0 : files.get(target.slice(1));
        if (file) files.set(path, file);
        return null;
      }
      case "directory":
        this.directories.add(path);
        return null;
      default:
        return null;
    }
  };
  tooDeep(name) {
    return new ImageError(`${this.options.label} has a loop of symlinks, or paths nested deeper than any archive needs, at "${excerpt(name, 200)}"`);
  }
  isBaseLayer(path) {
    const digest = digestInBlobPath(path);
    if (digest !== void 0) return !!this.options.baseLayerDigests?.has(digest);
    if (!LEGACY_LAYER_PATH.test(path)) return false;
    if (this.options.baseLayerPaths?.has(path)) return true;
    if (!this.predictedBasePaths && this.options.baseDiffIds) {
      const text = this.contents.files.get(path.slice(0, 64) + "/json")?.text;
      if (text) this.predictedBasePaths = predictedBaseLayerPaths(this.options.baseDiffIds, text);
    }
    return !!this.predictedBasePaths?.has(path);
  }
  sinkFor(path, kind, size, blob) {
    const label = `layer ${path} of ${this.options.label}`;
    switch (kind) {
      case "json":
        if (size <= MAX_JSON) return new JsonSink(blob);
        return DISCARD;
      case "tar":
      case "gzip":
      case "zstd":
        if (!this.options.walkLayers) return DISCARD;
        return new LayerSink(blob, kind === "tar" ? "none" : kind, this.options, label, !this.isBaseLayer(path));
      default:
        return DISCARD;
    }
  }
};
async function readArchive(source, options) {
  const reader = new ArchiveReader(options);
  const parser = new TarParser(reader.onEntry, options.label, source.cutShortHint);
  const iterator = source[Symbol.asyncIterator]();
  let first = await iterator.next();
  let head = first.done ? void 0 : first.value;
  if (head && head.length < SNIFF_BYTES) head = Buffer.from(head);
  while (head && head.length < SNIFF_BYTES && !(first = await iterator.next()).done) head = Buffer.concat([head, first.value]);
  if (!head || head.length === 0) throw new ImageError(`${options.label} is empty`);
  const sniffed = head;
  const rest = (async function* () {
    try {
      yield sniffed;
      if (first.done) return;
      for (let next = await iterator.next(); !next.done; next = await iterator.next()) yield next.value;
    } finally {
      await iterator.return?.();
    }
  })();
  const consume = async (chunks, skip, stopAtEnd = false) => {
    for await (const chunk of chunks) {
      await parser.write(chunk);
      if (stopAtEnd && parser.ended) break;
      if (skip && parser.skippable >= MIN_SKIP) await parser.skip(skip(parser.skippable));
    }
    await parser.end();
  };
  const kind = sniffBlob(head.subarray(0, SNIFF_BYTES));
  if (kind === "zstd" && !zstdSupported()) {
    throw new ImageError(
      `${options.label} is zstd-compressed as a whole, and this Node.js (${process.version}) has no zstd support: decompress it first (zstd -dc FILE | modelarts-image-check -), or run Node.js 22.15 or newer`
    );
  }
  if (kind === "gzip" || kind === "zstd") await decompressInto(rest, kind, consume, options.label);
  else if (kind === "bzip2" || kind === "xz") {
    const tool = kind === "xz" ? "xz" : "bzip2";
    throw new ImageError(
      `${options.label} is ${kind}-compressed as a whole, which this tool does not read: decompress it (${tool} -d), or pipe it in: ${tool} -dc FILE | modelarts-image-check -`
    );
  } else await consume(rest, source.skip?.bind(source), true);
  return reader.contents;
}

// src/core/scan/clamd-client.ts
var import_node_net2 = require("node:net");
init_errors();
init_excerpt();
init_wakeup();
var CLAMD_MAX_STREAM = 25 * 1e3 * 1e3;
var DEFAULT_STALL_MS2 = 5 * 60 * 1e3;
function parseClamdAddress(address) {
  const tcp = /^tcp:\/\/([^:/]+):(\d{1,5})$/.exec(address);
  if (tcp) return { host: tcp[1], port: Number(tcp[2]) };
  const unix = /^unix:(.+)$/.exec(address);
  if (unix) return { path: unix[1] };
  throw new UsageError(`--clamd "${address}" is not a clamd address: use tcp://HOST:PORT or unix:/path/to/clamd.sock`);
}
var ClamdClient = class _ClamdClient {
  constructor(socket, address, stallMs) {
    this.address = address;
    this.socket = socket;
    socket.setNoDelay(true);
    socket.on("data", (d) => this.onReply(d.toString("latin1")));
    socket.on("error", (err) => this.fail(err.message));
    socket.on("close", () => this.fail("the connection closed"));
    socket.setTimeout(stallMs);
    socket.on("timeout", () => {
      if (this.pending.size === 0 && !this.draining) return;
      this.fail(`it answered nothing for ${stallMs / 1e3} s`);
      socket.destroy();
    });
  }
  address;
  socket;
  failure = null;
  nextId = 0;
  /** Command number -> the file it scanned (layer, index). */
  pending = /* @__PURE__ */ new Map();
  verdicts = /* @__PURE__ */ new Map();
  buffered = "";
  /** Woken by every reply from clamd, and when it fails. */
  replied = new Wakeup();
  current = null;
  layer = 0;
  layers = 0;
  draining = false;
  static async connect(address, stallMs = DEFAULT_STALL_MS2) {
    const target = parseClamdAddress(address);
    const socket = "path" in target ? (0, import_node_net2.connect)(target.path) : (0, import_node_net2.connect)(target.port, target.host);
    socket.setTimeout(stallMs);
    await new Promise((resolve3, reject) => {
      socket.once("connect", resolve3);
      socket.once("error", (err) => reject(new UsageError(`cannot reach clamd at ${address}: ${err.message}`)));
      socket.once("timeout", () => {
        socket.destroy();
        reject(new UsageError(`cannot reach clamd at ${address}: no connection within ${stallMs / 1e3} s`));
      });
    });
    socket.removeAllListeners("timeout");
    const client = new _ClamdClient(socket, address, stallMs);
    socket.write("zIDSESSION\0");
    return client;
  }
  /** Starts a layer and returns its number: verdicts are collected per layer. */
  beginLayer() {
    this.layer = ++this.layers;
    return this.layer;
  }
  beginFile(index, limit) {
    this.check();
    const id = ++this.nextId;
    this.pending.set(id, { layer: this.layer, index });
    this.socket.write("zINSTREAM\0");
    this.current = { sent: 0, limit: Math.min(limit, CLAMD_MAX_STREAM) };
  }
  /** Sends a piece of the current file; resolves when the socket can take more. */
  data(chunk) {
    this.check();
    const c = this.current;
    const room = c.limit - c.sent;
    if (room <= 0) return;
    const part = chunk.length > room ? chunk.subarray(0, room) : chunk;
    c.sent += part.length;
    const size = Buffer.alloc(4);
    size.writeUInt32BE(part.length);
    this.socket.write(size);
    if (!this.socket.write(Buffer.from(part))) return this.drained();
  }
  endFile() {
    this.check();
    this.socket.write(Buffer.alloc(4));
    this.current = null;
  }
  /** Waits for every reply of the given layer and returns its detections. */
  async layerVerdicts(layer) {
    while ([...this.pending.values()].some((p) => p.layer === layer)) {
      this.check();
      await this.replied.wait();
    }
    this.check();
    const found = this.verdicts.get(layer) ?? [];
    this.verdicts.delete(layer);
    return found;
  }
  close() {
    if (!this.socket.destroyed) {
      this.socket.end("zEND\0");
      this.socket.destroy();
    }
  }
  drained() {
    this.draining = true;
    return new Promise((resolve3, reject) => {
      const onDrain = () => {
        this.draining = false;
        this.socket.off("close", onClose);
        resolve3();
      };
      const onClose = () => {
        this.draining = false;
        this.socket.off("drain", onDrain);
        reject(this.failure ?? new ImageError(`clamd at ${this.address} closed the connection`));
      };
      this.socket.once("drain", onDrain);
      this.socket.once("close", onClose);
    });
  }
  onReply(text) {
    this.buffered += text;
    let end;
    while ((end = this.buffered.indexOf("\0")) !== -1) {
      const line = this.buffered.slice(0, end);
      this.buffered = this.buffered.slice(end + 1);
      const m = /^(\d+): (?:stream: )?(.*)$/.exec(line);
      const file = m && this.pending.get(Number(m[1]));
      if (!m || !file) continue;
      this.pending.delete(Number(m[1]));
      const found = /^(.+) FOUND$/.exec(m[2]);
      if (found) {
        const list = this.verdicts.get(file.layer) ?? [];
        list.push({ index: file.index, signature: found[1] });
        this.verdicts.set(file.layer, list);
      } else if (/ERROR$/.test(m[2]) && !/size limit exceeded/i.test(m[2])) {
        this.fail(`it answered "${excerpt(m[2], 200)}"`);
      }
    }
    this.replied.notify();
  }
  fail(reason) {
    if (this.failure) return;
    this.failure = new ImageError(`ClamAV scanning failed: clamd at ${this.address}: ${reason}`);
    this.replied.notify();
  }
  check() {
    if (this.failure) throw this.failure;
  }
};

// src/core/check-image.ts
init_errors();

// src/core/facts.ts
function layerHistory(history, layerCount) {
  const out = [];
  for (const h of history ?? []) {
    if (h && !h.empty_layer) out.push(typeof h.created_by === "string" ? h.created_by : void 0);
  }
  if (out.length !== layerCount) return new Array(layerCount).fill(void 0);
  return out;
}
var BASE_END = /(?:^|#\(nop\)\s+)(?:CMD|ENTRYPOINT)\b/;
function guessBaseLayerCount(history) {
  const h = (history ?? []).filter((e) => e && typeof e === "object");
  let i = h.length - 1;
  while (i >= 0 && h[i].empty_layer) i--;
  for (; i >= 0; i--) {
    if (h[i].empty_layer && BASE_END.test(String(h[i].created_by ?? "").trim())) break;
  }
  if (i < 0) return void 0;
  return h.slice(0, i).filter((e) => !e.empty_layer).length;
}
function lastInstruction(config, keyword) {
  const re = new RegExp(`(?:^|#\\(nop\\)\\s+)${keyword}\\b`);
  const history = config.history ?? [];
  for (let i = history.length - 1; i >= 0; i--) {
    const by = String(history[i]?.created_by ?? "").trim();
    if (re.test(by)) return by;
  }
  return void 0;
}
function largestCustomFiles(facts, count2) {
  const top = [];
  for (const layer of facts.layers) {
    if (layer.base) continue;
    const e = layer.record.entries;
    for (let i = 0; i < e.length; i++) {
      const size = e.size(i);
      if (size === 0 || top.length === count2 && size <= top[top.length - 1].size) continue;
      top.push({ path: e.paths[i], size, layer: layer.index });
      top.sort((a, b) => b.size - a.size);
      if (top.length > count2) top.pop();
    }
  }
  return top;
}
function redactedConfig(config) {
  const c = config.config;
  const args = (a) => Array.isArray(a) ? a.map((s) => typeof s === "string" ? redactSecrets(s) : s) : a;
  return {
    ...config,
    ...c && { config: { ...c, Entrypoint: args(c.Entrypoint), Cmd: args(c.Cmd) } },
    ...Array.isArray(config.history) && {
      history: config.history.map((h) => h && typeof h.created_by === "string" ? { ...h, created_by: redactSecrets(h.created_by) } : h)
    }
  };
}

// src/core/archive/image-manifest.ts
init_excerpt();
init_errors();

// node_modules/jsonc-parser/lib/esm/impl/scanner.js
function createScanner(text, ignoreTrivia = false) {
  const len = text.length;
  let pos = 0, value = "", tokenOffset = 0, token = 16, lineNumber = 0, lineStartOffset = 0, tokenLineStartOffset = 0, prevTokenLineStartOffset = 0, scanError = 0;
  function scanHexDigits(count2, exact) {
    let digits = 0;
    let value2 = 0;
    while (digits < count2 || !exact) {
      let ch = text.charCodeAt(pos);
      if (ch >= 48 && ch <= 57) {
        value2 = value2 * 16 + ch - 48;
      } else if (ch >= 65 && ch <= 70) {
        value2 = value2 * 16 + ch - 65 + 10;
      } else if (ch >= 97 && ch <= 102) {
        value2 = value2 * 16 + ch - 97 + 10;
      } else {
        break;
      }
      pos++;
      digits++;
    }
    if (digits < count2) {
      value2 = -1;
    }
    return value2;
  }
  function setPosition(newPosition) {
    pos = newPosition;
    value = "";
    tokenOffset = 0;
    token = 16;
    scanError = 0;
  }
  function scanNumber() {
    let start = pos;
    if (text.charCodeAt(pos) === 48) {
      pos++;
    } else {
      pos++;
      while (pos < text.length && isDigit(text.charCodeAt(pos))) {
        pos++;
      }
    }
    if (pos < text.length && text.charCodeAt(pos) === 46) {
      pos++;
      if (pos < text.length && isDigit(text.charCodeAt(pos))) {
        pos++;
        while (pos < text.length && isDigit(text.charCodeAt(pos))) {
          pos++;
        }
      } else {
        scanError = 3;
        return text.substring(start, pos);
      }
    }
    let end = pos;
    if (pos < text.length && (text.charCodeAt(pos) === 69 || text.charCodeAt(pos) === 101)) {
      pos++;
      if (pos < text.length && text.charCodeAt(pos) === 43 || text.charCodeAt(pos) === 45) {
        pos++;
      }
      if (pos < text.length && isDigit(text.charCodeAt(pos))) {
        pos++;
        while (pos < text.length && isDigit(text.charCodeAt(pos))) {
          pos++;
        }
        end = pos;
      } else {
        scanError = 3;
      }
    }
    return text.substring(start, end);
  }
  function scanString() {
    let result = "", start = pos;
    while (true) {
      if (pos >= len) {
        result += text.substring(start, pos);
        scanError = 2;
        break;
      }
      const ch = text.charCodeAt(pos);
      if (ch === 34) {
        result += text.substring(start, pos);
        pos++;
        break;
      }
      if (ch === 92) {
        result += text.substring(start, pos);
        pos++;
        if (pos >= len) {
          scanError = 2;
          break;
        }
        const ch2 = text.charCodeAt(pos++);
        switch (ch2) {
          case 34:
            result += '"';
            break;
          case 92:
            result += "\\";
            break;
          case 47:
            result += "/";
            break;
          case 98:
            result += "\b";
            break;
          case 102:
            result += "\f";
            break;
          case 110:
            result += "\n";
            break;
          case 114:
            result += "\r";
            break;
          case 116:
            result += "	";
            break;
          case 117:
            const ch3 = scanHexDigits(4, true);
            if (ch3 >= 0) {
              result += String.fromCharCode(ch3);
            } else {
              scanError = 4;
            }
            break;
          default:
            scanError = 5;
        }
        start = pos;
        continue;
      }
      if (ch >= 0 && ch <= 31) {
        if (isLineBreak(ch)) {
          result += text.substring(start, pos);
          scanError = 2;
          break;
        } else {
          scanError = 6;
        }
      }
      pos++;
    }
    return result;
  }
  function scanNext() {
    value = "";
    scanError = 0;
    tokenOffset = pos;
    lineStartOffset = lineNumber;
    prevTokenLineStartOffset = tokenLineStartOffset;
    if (pos >= len) {
      tokenOffset = len;
      return token = 17;
    }
    let code = text.charCodeAt(pos);
    if (isWhiteSpace(code)) {
      do {
        pos++;
        value += String.fromCharCode(code);
        code = text.charCodeAt(pos);
      } while (isWhiteSpace(code));
      return token = 15;
    }
    if (isLineBreak(code)) {
      pos++;
      value += String.fromCharCode(code);
      if (code === 13 && text.charCodeAt(pos) === 10) {
        pos++;
        value += "\n";
      }
      lineNumber++;
      tokenLineStartOffset = pos;
      return token = 14;
    }
    switch (code) {
      // tokens: []{}:,
      case 123:
        pos++;
        return token = 1;
      case 125:
        pos++;
        return token = 2;
      case 91:
        pos++;
        return token = 3;
      case 93:
        pos++;
        return token = 4;
      case 58:
        pos++;
        return token = 6;
      case 44:
        pos++;
        return token = 5;
      // strings
      case 34:
        pos++;
        value = scanString();
        return token = 10;
      // comments
      case 47:
        const start = pos - 1;
        if (text.charCodeAt(pos + 1) === 47) {
          pos += 2;
          while (pos < len) {
            if (isLineBreak(text.charCodeAt(pos))) {
              break;
            }
            pos++;
          }
          value = text.substring(start, pos);
          return token = 12;
        }
        if (text.charCodeAt(pos + 1) === 42) {
          pos += 2;
          const safeLength = len - 1;
          let commentClosed = false;
          while (pos < safeLength) {
            const ch = text.charCodeAt(pos);
            if (ch === 42 && text.charCodeAt(pos + 1) === 47) {
              pos += 2;
              commentClosed = true;
              break;
            }
            pos++;
            if (isLineBreak(ch)) {
              if (ch === 13 && text.charCodeAt(pos) === 10) {
                pos++;
              }
              lineNumber++;
              tokenLineStartOffset = pos;
            }
          }
          if (!commentClosed) {
            pos++;
            scanError = 1;
          }
          value = text.substring(start, pos);
          return token = 13;
        }
        value += String.fromCharCode(code);
        pos++;
        return token = 16;
      // numbers
      case 45:
        value += String.fromCharCode(code);
        pos++;
        if (pos === len || !isDigit(text.charCodeAt(pos))) {
          return token = 16;
        }
      // found a minus, followed by a number so
      // we fall through to proceed with scanning
      // numbers
      case 48:
      case 49:
      case 50:
      case 51:
      case 52:
      case 53:
      case 54:
      case 55:
      case 56:
      case 57:
        value += scanNumber();
        return token = 11;
      // literals and unknown symbols
      default:
        while (pos < len && isUnknownContentCharacter(code)) {
          pos++;
          code = text.charCodeAt(pos);
        }
        if (tokenOffset !== pos) {
          value = text.substring(tokenOffset, pos);
          switch (value) {
            case "true":
              return token = 8;
            case "false":
              return token = 9;
            case "null":
              return token = 7;
          }
          return token = 16;
        }
        value += String.fromCharCode(code);
        pos++;
        return token = 16;
    }
  }
  function isUnknownContentCharacter(code) {
    if (isWhiteSpace(code) || isLineBreak(code)) {
      return false;
    }
    switch (code) {
      case 125:
      case 93:
      case 123:
      case 91:
      case 34:
      case 58:
      case 44:
      case 47:
        return false;
    }
    return true;
  }
  function scanNextNonTrivia() {
    let result;
    do {
      result = scanNext();
    } while (result >= 12 && result <= 15);
    return result;
  }
  return {
    setPosition,
    getPosition: () => pos,
    scan: ignoreTrivia ? scanNextNonTrivia : scanNext,
    getToken: () => token,
    getTokenValue: () => value,
    getTokenOffset: () => tokenOffset,
    getTokenLength: () => pos - tokenOffset,
    getTokenStartLine: () => lineStartOffset,
    getTokenStartCharacter: () => tokenOffset - prevTokenLineStartOffset,
    getTokenError: () => scanError
  };
}
function isWhiteSpace(ch) {
  return ch === 32 || ch === 9;
}
function isLineBreak(ch) {
  return ch === 10 || ch === 13;
}
function isDigit(ch) {
  return ch >= 48 && ch <= 57;
}
var CharacterCodes;
(function(CharacterCodes2) {
  CharacterCodes2[CharacterCodes2["lineFeed"] = 10] = "lineFeed";
  CharacterCodes2[CharacterCodes2["carriageReturn"] = 13] = "carriageReturn";
  CharacterCodes2[CharacterCodes2["space"] = 32] = "space";
  CharacterCodes2[CharacterCodes2["_0"] = 48] = "_0";
  CharacterCodes2[CharacterCodes2["_1"] = 49] = "_1";
  CharacterCodes2[CharacterCodes2["_2"] = 50] = "_2";
  CharacterCodes2[CharacterCodes2["_3"] = 51] = "_3";
  CharacterCodes2[CharacterCodes2["_4"] = 52] = "_4";
  CharacterCodes2[CharacterCodes2["_5"] = 53] = "_5";
  CharacterCodes2[CharacterCodes2["_6"] = 54] = "_6";
  CharacterCodes2[CharacterCodes2["_7"] = 55] = "_7";
  CharacterCodes2[CharacterCodes2["_8"] = 56] = "_8";
  CharacterCodes2[CharacterCodes2["_9"] = 57] = "_9";
  CharacterCodes2[CharacterCodes2["a"] = 97] = "a";
  CharacterCodes2[CharacterCodes2["b"] = 98] = "b";
  CharacterCodes2[CharacterCodes2["c"] = 99] = "c";
  CharacterCodes2[CharacterCodes2["d"] = 100] = "d";
  CharacterCodes2[CharacterCodes2["e"] = 101] = "e";
  CharacterCodes2[CharacterCodes2["f"] = 102] = "f";
  CharacterCodes2[CharacterCodes2["g"] = 103] = "g";
  CharacterCodes2[CharacterCodes2["h"] = 104] = "h";
  CharacterCodes2[CharacterCodes2["i"] = 105] = "i";
  CharacterCodes2[CharacterCodes2["j"] = 106] = "j";
  CharacterCodes2[CharacterCodes2["k"] = 107] = "k";
  CharacterCodes2[CharacterCodes2["l"] = 108] = "l";
  CharacterCodes2[CharacterCodes2["m"] = 109] = "m";
  CharacterCodes2[CharacterCodes2["n"] = 110] = "n";
  CharacterCodes2[CharacterCodes2["o"] = 111] = "o";
  CharacterCodes2[CharacterCodes2["p"] = 112] = "p";
  CharacterCodes2[CharacterCodes2["q"] = 113] = "q";
  CharacterCodes2[CharacterCodes2["r"] = 114] = "r";
  CharacterCodes2[CharacterCodes2["s"] = 115] = "s";
  CharacterCodes2[CharacterCodes2["t"] = 116] = "t";
  CharacterCodes2[CharacterCodes2["u"] = 117] = "u";
  CharacterCodes2[CharacterCodes2["v"] = 118] = "v";
  CharacterCodes2[CharacterCodes2["w"] = 119] = "w";
  CharacterCodes2[CharacterCodes2["x"] = 120] = "x";
  CharacterCodes2[CharacterCodes2["y"] = 121] = "y";
  CharacterCodes2[CharacterCodes2["z"] = 122] = "z";
  CharacterCodes2[CharacterCodes2["A"] = 65] = "A";
  CharacterCodes2[CharacterCodes2["B"] = 66] = "B";
  CharacterCodes2[CharacterCodes2["C"] = 67] = "C";
  CharacterCodes2[CharacterCodes2["D"] = 68] = "D";
  CharacterCodes2[CharacterCodes2["E"] = 69] = "E";
  CharacterCodes2[CharacterCodes2["F"] = 70] = "F";
  CharacterCodes2[CharacterCodes2["G"] = 71] = "G";
  CharacterCodes2[CharacterCodes2["H"] = 72] = "H";
  CharacterCodes2[CharacterCodes2["I"] = 73] = "I";
  CharacterCodes2[CharacterCodes2["J"] = 74] = "J";
  CharacterCodes2[CharacterCodes2["K"] = 75] = "K";
  CharacterCodes2[CharacterCodes2["L"] = 76] = "L";
  CharacterCodes2[CharacterCodes2["M"] = 77] = "M";
  CharacterCodes2[CharacterCodes2["N"] = 78] = "N";
  CharacterCodes2[CharacterCodes2["O"] = 79] = "O";
  CharacterCodes2[CharacterCodes2["P"] = 80] = "P";
  CharacterCodes2[CharacterCodes2["Q"] = 81] = "Q";
  CharacterCodes2[CharacterCodes2["R"] = 82] = "R";
  CharacterCodes2[CharacterCodes2["S"] = 83] = "S";
  CharacterCodes2[CharacterCodes2["T"] = 84] = "T";
  CharacterCodes2[CharacterCodes2["U"] = 85] = "U";
  CharacterCodes2[CharacterCodes2["V"] = 86] = "V";
  CharacterCodes2[CharacterCodes2["W"] = 87] = "W";
  CharacterCodes2[CharacterCodes2["X"] = 88] = "X";
  CharacterCodes2[CharacterCodes2["Y"] = 89] = "Y";
  CharacterCodes2[CharacterCodes2["Z"] = 90] = "Z";
  CharacterCodes2[CharacterCodes2["asterisk"] = 42] = "asterisk";
  CharacterCodes2[CharacterCodes2["backslash"] = 92] = "backslash";
  CharacterCodes2[CharacterCodes2["closeBrace"] = 125] = "closeBrace";
  CharacterCodes2[CharacterCodes2["closeBracket"] = 93] = "closeBracket";
  CharacterCodes2[CharacterCodes2["colon"] = 58] = "colon";
  CharacterCodes2[CharacterCodes2["comma"] = 44] = "comma";
  CharacterCodes2[CharacterCodes2["dot"] = 46] = "dot";
  CharacterCodes2[CharacterCodes2["doubleQuote"] = 34] = "doubleQuote";
  CharacterCodes2[CharacterCodes2["minus"] = 45] = "minus";
  CharacterCodes2[CharacterCodes2["openBrace"] = 123] = "openBrace";
  CharacterCodes2[CharacterCodes2["openBracket"] = 91] = "openBracket";
  CharacterCodes2[CharacterCodes2["plus"] = 43] = "plus";
  CharacterCodes2[CharacterCodes2["slash"] = 47] = "slash";
  CharacterCodes2[CharacterCodes2["formFeed"] = 12] = "formFeed";
  CharacterCodes2[CharacterCodes2["tab"] = 9] = "tab";
})(CharacterCodes || (CharacterCodes = {}));

// node_modules/jsonc-parser/lib/esm/impl/string-intern.js
var cachedSpaces = new Array(20).fill(0).map((_, index) => {
  return " ".repeat(index);
});
var maxCachedValues = 200;
var cachedBreakLinesWithSpaces = {
  " ": {
    "\n": new Array(maxCachedValues).fill(0).map((_, index) => {
      return "\n" + " ".repeat(index);
    }),
    "\r": new Array(maxCachedValues).fill(0).map((_, index) => {
      return "\r" + " ".repeat(index);
    }),
    "\r\n": new Array(maxCachedValues).fill(0).map((_, index) => {
      return "\r\n" + " ".repeat(index);
    })
  },
  "	": {
    "\n": new Array(maxCachedValues).fill(0).map((_, index) => {
      return "\n" + "	".repeat(index);
    }),
    "\r": new Array(maxCachedValues).fill(0).map((_, index) => {
      return "\r" + "	".repeat(index);
    }),
    "\r\n": new Array(maxCachedValues).fill(0).map((_, index) => {
      return "\r\n" + "	".repeat(index);
    })
  }
};

// node_modules/jsonc-parser/lib/esm/impl/parser.js
var ParseOptions;
(function(ParseOptions2) {
  ParseOptions2.DEFAULT = {
    allowTrailingComma: false
  };
})(ParseOptions || (ParseOptions = {}));
function parseTree(text, errors = [], options = ParseOptions.DEFAULT) {
  let currentParent = { type: "array", offset: -1, length: -1, children: [], parent: void 0 };
  function ensurePropertyComplete(endOffset) {
    if (currentParent.type === "property") {
      currentParent.length = endOffset - currentParent.offset;
      currentParent = currentParent.parent;
    }
  }
  function onValue(valueNode) {
    currentParent.children.push(valueNode);
    return valueNode;
  }
  const visitor = {
    onObjectBegin: (offset) => {
      currentParent = onValue({ type: "object", offset, length: -1, parent: currentParent, children: [] });
    },
    onObjectProperty: (name, offset, length) => {
      currentParent = onValue({ type: "property", offset, length: -1, parent: currentParent, children: [] });
      currentParent.children.push({ type: "string", value: name, offset, length, parent: currentParent });
    },
    onObjectEnd: (offset, length) => {
      ensurePropertyComplete(offset + length);
      currentParent.length = offset + length - currentParent.offset;
      currentParent = currentParent.parent;
      ensurePropertyComplete(offset + length);
    },
    onArrayBegin: (offset, length) => {
      currentParent = onValue({ type: "array", offset, length: -1, parent: currentParent, children: [] });
    },
    onArrayEnd: (offset, length) => {
      currentParent.length = offset + length - currentParent.offset;
      currentParent = currentParent.parent;
      ensurePropertyComplete(offset + length);
    },
    onLiteralValue: (value, offset, length) => {
      onValue({ type: getNodeType(value), offset, length, parent: currentParent, value });
      ensurePropertyComplete(offset + length);
    },
    onSeparator: (sep, offset, length) => {
      if (currentParent.type === "property") {
        if (sep === ":") {
          currentParent.colonOffset = offset;
        } else if (sep === ",") {
          ensurePropertyComplete(offset);
        }
      }
    },
    onError: (error, offset, length) => {
      errors.push({ error, offset, length });
    }
  };
  visit(text, visitor, options);
  const result = currentParent.children[0];
  if (result) {
    delete result.parent;
  }
  return result;
}
function getNodeValue(node) {
  switch (node.type) {
    case "array":
      return node.children.map(getNodeValue);
    case "object":
      const obj = /* @__PURE__ */ Object.create(null);
      for (let prop of node.children) {
        const valueNode = prop.children[1];
        if (valueNode) {
          obj[prop.children[0].value] = getNodeValue(valueNode);
        }
      }
      return obj;
    case "null":
    case "string":
    case "number":
    case "boolean":
      return node.value;
    default:
      return void 0;
  }
}
function visit(text, visitor, options = ParseOptions.DEFAULT) {
  const _scanner = createScanner(text, false);
  const _jsonPath = [];
  let suppressedCallbacks = 0;
  function toNoArgVisit(visitFunction) {
    return visitFunction ? () => suppressedCallbacks === 0 && visitFunction(_scanner.getTokenOffset(), _scanner.getTokenLength(), _scanner.getTokenStartLine(), _scanner.getTokenStartCharacter()) : () => true;
  }
  function toOneArgVisit(visitFunction) {
    return visitFunction ? (arg) => suppressedCallbacks === 0 && visitFunction(arg, _scanner.getTokenOffset(), _scanner.getTokenLength(), _scanner.getTokenStartLine(), _scanner.getTokenStartCharacter()) : () => true;
  }
  function toOneArgVisitWithPath(visitFunction) {
    return visitFunction ? (arg) => suppressedCallbacks === 0 && visitFunction(arg, _scanner.getTokenOffset(), _scanner.getTokenLength(), _scanner.getTokenStartLine(), _scanner.getTokenStartCharacter(), () => _jsonPath.slice()) : () => true;
  }
  function toBeginVisit(visitFunction) {
    return visitFunction ? () => {
      if (suppressedCallbacks > 0) {
        suppressedCallbacks++;
      } else {
        let cbReturn = visitFunction(_scanner.getTokenOffset(), _scanner.getTokenLength(), _scanner.getTokenStartLine(), _scanner.getTokenStartCharacter(), () => _jsonPath.slice());
        if (cbReturn === false) {
          suppressedCallbacks = 1;
        }
      }
    } : () => true;
  }
  function toEndVisit(visitFunction) {
    return visitFunction ? () => {
      if (suppressedCallbacks > 0) {
        suppressedCallbacks--;
      }
      if (suppressedCallbacks === 0) {
        visitFunction(_scanner.getTokenOffset(), _scanner.getTokenLength(), _scanner.getTokenStartLine(), _scanner.getTokenStartCharacter());
      }
    } : () => true;
  }
  const onObjectBegin = toBeginVisit(visitor.onObjectBegin), onObjectProperty = toOneArgVisitWithPath(visitor.onObjectProperty), onObjectEnd = toEndVisit(visitor.onObjectEnd), onArrayBegin = toBeginVisit(visitor.onArrayBegin), onArrayEnd = toEndVisit(visitor.onArrayEnd), onLiteralValue = toOneArgVisitWithPath(visitor.onLiteralValue), onSeparator = toOneArgVisit(visitor.onSeparator), onComment = toNoArgVisit(visitor.onComment), onError = toOneArgVisit(visitor.onError);
  const disallowComments = options && options.disallowComments;
  const allowTrailingComma = options && options.allowTrailingComma;
  function scanNext() {
    while (true) {
      const token = _scanner.scan();
      switch (_scanner.getTokenError()) {
        case 4:
          handleError(
            14
            /* ParseErrorCode.InvalidUnicode */
          );
          break;
        case 5:
          handleError(
            15
            /* ParseErrorCode.InvalidEscapeCharacter */
          );
          break;
        case 3:
          handleError(
            13
            /* ParseErrorCode.UnexpectedEndOfNumber */
          );
          break;
        case 1:
          if (!disallowComments) {
            handleError(
              11
              /* ParseErrorCode.UnexpectedEndOfComment */
            );
          }
          break;
        case 2:
          handleError(
            12
            /* ParseErrorCode.UnexpectedEndOfString */
          );
          break;
        case 6:
          handleError(
            16
            /* ParseErrorCode.InvalidCharacter */
          );
          break;
      }
      switch (token) {
        case 12:
        case 13:
          if (disallowComments) {
            handleError(
              10
              /* ParseErrorCode.InvalidCommentToken */
            );
          } else {
            onComment();
          }
          break;
        case 16:
          handleError(
            1
            /* ParseErrorCode.InvalidSymbol */
          );
          break;
        case 15:
        case 14:
          break;
        default:
          return token;
      }
    }
  }
  function handleError(error, skipUntilAfter = [], skipUntil = []) {
    onError(error);
    if (skipUntilAfter.length + skipUntil.length > 0) {
      let token = _scanner.getToken();
      while (token !== 17) {
        if (skipUntilAfter.indexOf(token) !== -1) {
          scanNext();
          break;
        } else if (skipUntil.indexOf(token) !== -1) {
          break;
        }
        token = scanNext();
      }
    }
  }
  function parseString(isValue) {
    const value = _scanner.getTokenValue();
    if (isValue) {
      onLiteralValue(value);
    } else {
      onObjectProperty(value);
      _jsonPath.push(value);
    }
    scanNext();
    return true;
  }
  function parseLiteral() {
    switch (_scanner.getToken()) {
      case 11:
        const tokenValue = _scanner.getTokenValue();
        let value = Number(tokenValue);
        if (isNaN(value)) {
          handleError(
            2
            /* ParseErrorCode.InvalidNumberFormat */
          );
          value = 0;
        }
        onLiteralValue(value);
        break;
      case 7:
        onLiteralValue(null);
        break;
      case 8:
        onLiteralValue(true);
        break;
      case 9:
        onLiteralValue(false);
        break;
      default:
        return false;
    }
    scanNext();
    return true;
  }
  function parseProperty() {
    if (_scanner.getToken() !== 10) {
      handleError(3, [], [
        2,
        5
        /* SyntaxKind.CommaToken */
      ]);
      return false;
    }
    parseString(false);
    if (_scanner.getToken() === 6) {
      onSeparator(":");
      scanNext();
      if (!parseValue()) {
        handleError(4, [], [
          2,
          5
          /* SyntaxKind.CommaToken */
        ]);
      }
    } else {
      handleError(5, [], [
        2,
        5
        /* SyntaxKind.CommaToken */
      ]);
    }
    _jsonPath.pop();
    return true;
  }
  function parseObject() {
    onObjectBegin();
    scanNext();
    let needsComma = false;
    while (_scanner.getToken() !== 2 && _scanner.getToken() !== 17) {
      if (_scanner.getToken() === 5) {
        if (!needsComma) {
          handleError(4, [], []);
        }
        onSeparator(",");
        scanNext();
        if (_scanner.getToken() === 2 && allowTrailingComma) {
          break;
        }
      } else if (needsComma) {
        handleError(6, [], []);
      }
      if (!parseProperty()) {
        handleError(4, [], [
          2,
          5
          /* SyntaxKind.CommaToken */
        ]);
      }
      needsComma = true;
    }
    onObjectEnd();
    if (_scanner.getToken() !== 2) {
      handleError(7, [
        2
        /* SyntaxKind.CloseBraceToken */
      ], []);
    } else {
      scanNext();
    }
    return true;
  }
  function parseArray() {
    onArrayBegin();
    scanNext();
    let isFirstElement = true;
    let needsComma = false;
    while (_scanner.getToken() !== 4 && _scanner.getToken() !== 17) {
      if (_scanner.getToken() === 5) {
        if (!needsComma) {
          handleError(4, [], []);
        }
        onSeparator(",");
        scanNext();
        if (_scanner.getToken() === 4 && allowTrailingComma) {
          break;
        }
      } else if (needsComma) {
        handleError(6, [], []);
      }
      if (isFirstElement) {
        _jsonPath.push(0);
        isFirstElement = false;
      } else {
        _jsonPath[_jsonPath.length - 1]++;
      }
      if (!parseValue()) {
        handleError(4, [], [
          4,
          5
          /* SyntaxKind.CommaToken */
        ]);
      }
      needsComma = true;
    }
    onArrayEnd();
    if (!isFirstElement) {
      _jsonPath.pop();
    }
    if (_scanner.getToken() !== 4) {
      handleError(8, [
        4
        /* SyntaxKind.CloseBracketToken */
      ], []);
    } else {
      scanNext();
    }
    return true;
  }
  function parseValue() {
    switch (_scanner.getToken()) {
      case 3:
        return parseArray();
      case 1:
        return parseObject();
      case 10:
        return parseString(true);
      default:
        return parseLiteral();
    }
  }
  scanNext();
  if (_scanner.getToken() === 17) {
    if (options.allowEmptyContent) {
      return true;
    }
    handleError(4, [], []);
    return false;
  }
  if (!parseValue()) {
    handleError(4, [], []);
    return false;
  }
  if (_scanner.getToken() !== 17) {
    handleError(9, [], []);
  }
  return true;
}
function getNodeType(value) {
  switch (typeof value) {
    case "boolean":
      return "boolean";
    case "number":
      return "number";
    case "string":
      return "string";
    case "object": {
      if (!value) {
        return "null";
      } else if (Array.isArray(value)) {
        return "array";
      }
      return "object";
    }
    default:
      return "null";
  }
}

// node_modules/jsonc-parser/lib/esm/main.js
var ScanError;
(function(ScanError2) {
  ScanError2[ScanError2["None"] = 0] = "None";
  ScanError2[ScanError2["UnexpectedEndOfComment"] = 1] = "UnexpectedEndOfComment";
  ScanError2[ScanError2["UnexpectedEndOfString"] = 2] = "UnexpectedEndOfString";
  ScanError2[ScanError2["UnexpectedEndOfNumber"] = 3] = "UnexpectedEndOfNumber";
  ScanError2[ScanError2["InvalidUnicode"] = 4] = "InvalidUnicode";
  ScanError2[ScanError2["InvalidEscapeCharacter"] = 5] = "InvalidEscapeCharacter";
  ScanError2[ScanError2["InvalidCharacter"] = 6] = "InvalidCharacter";
})(ScanError || (ScanError = {}));
var SyntaxKind;
(function(SyntaxKind2) {
  SyntaxKind2[SyntaxKind2["OpenBraceToken"] = 1] = "OpenBraceToken";
  SyntaxKind2[SyntaxKind2["CloseBraceToken"] = 2] = "CloseBraceToken";
  SyntaxKind2[SyntaxKind2["OpenBracketToken"] = 3] = "OpenBracketToken";
  SyntaxKind2[SyntaxKind2["CloseBracketToken"] = 4] = "CloseBracketToken";
  SyntaxKind2[SyntaxKind2["CommaToken"] = 5] = "CommaToken";
  SyntaxKind2[SyntaxKind2["ColonToken"] = 6] = "ColonToken";
  SyntaxKind2[SyntaxKind2["NullKeyword"] = 7] = "NullKeyword";
  SyntaxKind2[SyntaxKind2["TrueKeyword"] = 8] = "TrueKeyword";
  SyntaxKind2[SyntaxKind2["FalseKeyword"] = 9] = "FalseKeyword";
  SyntaxKind2[SyntaxKind2["StringLiteral"] = 10] = "StringLiteral";
  SyntaxKind2[SyntaxKind2["NumericLiteral"] = 11] = "NumericLiteral";
  SyntaxKind2[SyntaxKind2["LineCommentTrivia"] = 12] = "LineCommentTrivia";
  SyntaxKind2[SyntaxKind2["BlockCommentTrivia"] = 13] = "BlockCommentTrivia";
  SyntaxKind2[SyntaxKind2["LineBreakTrivia"] = 14] = "LineBreakTrivia";
  SyntaxKind2[SyntaxKind2["Trivia"] = 15] = "Trivia";
  SyntaxKind2[SyntaxKind2["Unknown"] = 16] = "Unknown";
  SyntaxKind2[SyntaxKind2["EOF"] = 17] = "EOF";
})(SyntaxKind || (SyntaxKind = {}));
var parseTree2 = parseTree;
var getNodeValue2 = getNodeValue;
var ParseErrorCode;
(function(ParseErrorCode2) {
  ParseErrorCode2[ParseErrorCode2["InvalidSymbol"] = 1] = "InvalidSymbol";
  ParseErrorCode2[ParseErrorCode2["InvalidNumberFormat"] = 2] = "InvalidNumberFormat";
  ParseErrorCode2[ParseErrorCode2["PropertyNameExpected"] = 3] = "PropertyNameExpected";
  ParseErrorCode2[ParseErrorCode2["ValueExpected"] = 4] = "ValueExpected";
  ParseErrorCode2[ParseErrorCode2["ColonExpected"] = 5] = "ColonExpected";
  ParseErrorCode2[ParseErrorCode2["CommaExpected"] = 6] = "CommaExpected";
  ParseErrorCode2[ParseErrorCode2["CloseBraceExpected"] = 7] = "CloseBraceExpected";
  ParseErrorCode2[ParseErrorCode2["CloseBracketExpected"] = 8] = "CloseBracketExpected";
  ParseErrorCode2[ParseErrorCode2["EndOfFileExpected"] = 9] = "EndOfFileExpected";
  ParseErrorCode2[ParseErrorCode2["InvalidCommentToken"] = 10] = "InvalidCommentToken";
  ParseErrorCode2[ParseErrorCode2["UnexpectedEndOfComment"] = 11] = "UnexpectedEndOfComment";
  ParseErrorCode2[ParseErrorCode2["UnexpectedEndOfString"] = 12] = "UnexpectedEndOfString";
  ParseErrorCode2[ParseErrorCode2["UnexpectedEndOfNumber"] = 13] = "UnexpectedEndOfNumber";
  ParseErrorCode2[ParseErrorCode2["InvalidUnicode"] = 14] = "InvalidUnicode";
  ParseErrorCode2[ParseErrorCode2["InvalidEscapeCharacter"] = 15] = "InvalidEscapeCharacter";
  ParseErrorCode2[ParseErrorCode2["InvalidCharacter"] = 16] = "InvalidCharacter";
})(ParseErrorCode || (ParseErrorCode = {}));

// src/core/archive/go-json.ts
var fold = (key) => key.toLowerCase().replace(/ſ/g, "s");
var foldedFields = /* @__PURE__ */ new WeakMap();
function fieldsOf(shape) {
  let fields = foldedFields.get(shape);
  if (!fields) {
    fields = new Map(Object.keys(shape).map((f) => [fold(f), f]));
    foldedFields.set(shape, fields);
  }
  return fields;
}
function readAsGo(text, shape) {
  const root = parseTree2(text, [], { disallowComments: true });
  return root === void 0 ? void 0 : convert(root, shape);
}
function convert(node, shape) {
  if (shape === "value") return getNodeValue2(node);
  if ("listOf" in shape) return node.type === "array" ? (node.children ?? []).map((c) => convert(c, shape.listOf)) : getNodeValue2(node);
  if (node.type !== "object") return getNodeValue2(node);
  const fields = fieldsOf(shape);
  const out = {};
  for (const property of node.children ?? []) {
    const [key, value] = property.children ?? [];
    const field = key && fields.get(fold(String(key.value)));
    if (field && value) out[field] = convert(value, shape[field]);
  }
  return out;
}

// src/core/archive/image-manifest.ts
var DESCRIPTOR = {
  mediaType: "value",
  digest: "value",
  size: "value",
  annotations: "value",
  platform: { architecture: "value", os: "value", variant: "value" }
};
var DOCKER_MANIFEST = { listOf: { Config: "value", RepoTags: "value", Layers: "value" } };
var OCI_MANIFEST = { mediaType: "value", manifests: { listOf: DESCRIPTOR }, config: DESCRIPTOR, layers: { listOf: DESCRIPTOR } };
var IMAGE_CONFIG = {
  architecture: "value",
  os: "value",
  variant: "value",
  config: { User: "value", Entrypoint: "value", Cmd: "value", Env: "value", Labels: "value", WorkingDir: "value", Shell: "value" },
  rootfs: { type: "value", diff_ids: "value" },
  history: { listOf: { created: "value", created_by: "value", empty_layer: "value", comment: "value" } }
};
var INDEX_TYPES = /* @__PURE__ */ new Set(["application/vnd.oci.image.index.v1+json", "application/vnd.docker.distribution.manifest.list.v2+json"]);
function resolveImage(contents, options) {
  const { layout = "auto", platform, label } = options;
  const manifestJson = layout === "oci-archive" ? void 0 : contents.fileAt("manifest.json");
  const index = contents.fileAt("index.json");
  if (manifestJson) {
    const image = fromDockerManifest(contents, manifestJson, options);
    requirePlatform(image.config, platform, label);
    if (index) {
      const other = fromOciIndex(contents, index, platformOf(image.config) ?? platform, options);
      if (other.id !== image.id) {
        throw new ImageError(
          `manifest.json and index.json in ${label} name different images (configs ${image.id.slice(0, 19)} and ${other.id.slice(0, 19)}): Docker's classic image store would load the first, its containerd image store the second, so the archive cannot be checked`
        );
      }
    }
    return image;
  }
  if (index && layout !== "docker-archive") {
    const image = fromOciIndex(contents, index, platform, options);
    requirePlatform(image.config, platform, label);
    return image;
  }
  if (layout === "docker-archive") throw new ImageError(`${label} has no manifest.json: it is not a docker save archive (for an OCI layout use oci-archive:)`);
  if (layout === "oci-archive") throw new ImageError(`${label} has no index.json: it is not an OCI image layout (for docker save output use docker-archive:)`);
  if (contents.files.size === 0) throw new ImageError(`${label} contains no files: it is not an image archive`);
  throw new ImageError(`${label} has neither manifest.json (docker save) nor index.json (OCI layout): it is not an image archive, or it is truncated`);
}
function requirePlatform(config, platform, label) {
  if (!platform) return;
  const [os, arch, variant] = platform.split("/");
  if (config.os === os && config.architecture === arch && (!variant || !config.variant || config.variant === variant)) return;
  const has = [config.os, config.architecture, config.variant].filter(Boolean).join("/") || "an unnamed platform";
  throw new ImageError(
    `${label} holds one image, for ${has}, not for the platform ${platform} asked for; leave --platform out, or save the image for ${platform}`
  );
}
function platformOf(config) {
  return config.os && config.architecture ? `${config.os}/${config.architecture}` : void 0;
}
function jsonOf(blob, name, label, shape) {
  if (blob.json === void 0 || blob.text === void 0) {
    throw new ImageError(`${name} in ${label} is not valid JSON${blob.jsonError ? ` (${blob.jsonError})` : ""}`);
  }
  return readAsGo(blob.text, shape);
}
function fromDockerManifest(contents, blob, o) {
  const { label, layersWalked } = o;
  const manifest = jsonOf(blob, "manifest.json", label, DOCKER_MANIFEST);
  if (!Array.isArray(manifest) || manifest.length === 0) {
    throw new ImageError(`manifest.json in ${label} lists no image`);
  }
  if (manifest.length > 1) {
    throw new ImageError(`${label} holds ${manifest.length} images; save one image per archive (docker save IMAGE)`);
  }
  const entry = manifest[0];
  if (typeof entry.Config !== "string" || !Array.isArray(entry.Layers) || !entry.Layers.every((l) => typeof l === "string")) {
    throw new ImageError(`manifest.json in ${label} is malformed: it needs "Config" (a path) and "Layers" (a list of paths)`);
  }
  const configBlob = contents.fileAt(entry.Config);
  if (!configBlob) throw new ImageError(`manifest.json in ${label} names the config ${entry.Config}, which is not in the archive`);
  const digestInName = /([a-f0-9]{64})(?:\.json)?$/.exec(entry.Config);
  if (digestInName && configBlob.digest !== "sha256:" + digestInName[1]) {
    throw new ImageError(`the config ${entry.Config} in ${label} does not match its name (content is ${configBlob.digest}): the archive was modified`);
  }
  const config = checkConfig(jsonOf(configBlob, entry.Config, label, IMAGE_CONFIG), entry.Config, label);
  const layerBlobs = entry.Layers.map((path) => {
    const layer = contents.fileAt(path);
    if (!layer) throw new ImageError(`manifest.json in ${label} names the layer ${path}, which is not in the archive`);
    const inName = digestInBlobPath(path);
    if (layersWalked && inName && !contentIs(layer, inName, o)) {
      throw new ImageError(`the layer ${path} in ${label} does not match its name (content is ${layer.digest}): the archive was modified`);
    }
    return { path, blob: layer };
  });
  const repoTags = Array.isArray(entry.RepoTags) ? entry.RepoTags.filter((t) => typeof t === "string") : [];
  return finish("docker-archive", configBlob.digest, repoTags, config, layerBlobs, o);
}
function chooseManifest(manifests, asked, where, label) {
  const platform = asked ?? "linux/amd64";
  const [os, arch, variant] = platform.split("/");
  const candidates = manifests.filter((d) => d && typeof d.digest === "string");
  const images = candidates.filter((d) => d.platform?.os !== "unknown" && d.annotations?.["vnd.docker.reference.type"] !== "attestation-manifest");
  const withPlatform = images.filter((d) => d.platform);
  if (withPlatform.length === 1 && !asked) return withPlatform[0];
  if (withPlatform.length > 0) {
    const chosen = withPlatform.find((d) => d.platform.os === os && d.platform.architecture === arch && (!variant || d.platform.variant === variant));
    if (chosen) return chosen;
    const offered = withPlatform.map((d) => [d.platform.os, d.platform.architecture, d.platform.variant].filter(Boolean).join("/"));
    throw new ImageError(`${label} has no image for platform ${platform} (it has ${offered.join(", ")}); choose one with --platform`);
  }
  if (images.length === 1) return images[0];
  throw new ImageError(`${where} lists ${images.length} images and no platforms; save one image per archive`);
}
function fromOciIndex(contents, blob, asked, o) {
  const { label } = o;
  let node = jsonOf(blob, "index.json", label, OCI_MANIFEST);
  let name = "index.json";
  for (let depth = 0; depth < 8; depth++) {
    const manifests = node.manifests;
    if (!Array.isArray(manifests) || manifests.length === 0) throw new ImageError(`${name} in ${label} lists no manifests`);
    const chosen = chooseManifest(manifests, asked, `${name} in ${label}`, label);
    const child = blobByDigest(contents, chosen, o);
    const json = jsonOf(child, chosen.digest, label, OCI_MANIFEST);
    const mediaType = json.mediaType ?? chosen.mediaType;
    if (mediaType && INDEX_TYPES.has(mediaType)) {
      node = json;
      name = chosen.digest;
      continue;
    }
    return fromOciManifest(contents, json, chosen.digest, o);
  }
  throw new ImageError(`index.json in ${label} nests indexes too deeply`);
}
function fromOciManifest(contents, manifest, name, o) {
  const { label, layersWalked } = o;
  const m = manifest;
  if (!m.config || typeof m.config.digest !== "string" || !Array.isArray(m.layers)) {
    throw new ImageError(`the manifest ${name} in ${label} is malformed: it needs "config" and "layers"`);
  }
  const configBlob = blobByDigest(contents, m.config, o);
  const config = checkConfig(jsonOf(configBlob, m.config.digest, label, IMAGE_CONFIG), m.config.digest, label);
  const layerBlobs = m.layers.map((d) => {
    if (!d || typeof d.digest !== "string") throw new ImageError(`the manifest ${name} in ${label} has a layer without a digest`);
    return { path: d.digest, blob: blobByDigest(contents, d, o, layersWalked) };
  });
  return finish("oci-archive", configBlob.digest, [], config, layerBlobs, o);
}
function contentIs(blob, digest, o) {
  return blob.digest === digest || o.layersVerified === true && blob.digest === "" && blob.layer !== void 0;
}
function blobByDigest(contents, descriptor, o, verify = true) {
  const { label } = o;
  const { digest } = descriptor;
  if (!SHA256_DIGEST.test(digest)) throw new ImageError(`${label} names a blob by an unsupported digest "${excerpt(digest, 80)}" (only sha256 is supported)`);
  const blob = contents.fileAt(`blobs/sha256/${digest.slice("sha256:".length)}`);
  if (!blob) throw new ImageError(`${label} names the blob ${digest}, which is not in the archive`);
  if (verify && !contentIs(blob, digest, o)) {
    throw new ImageError(`the blob ${digest} in ${label} does not match its digest (content is ${blob.digest}): the archive was modified`);
  }
  if (descriptor.size !== void 0 && descriptor.size !== blob.size) {
    throw new ImageError(
      `the blob ${digest} in ${label} has ${blob.size} bytes, but its descriptor says ${excerpt(String(descriptor.size), 40)}: the archive was modified`
    );
  }
  return blob;
}
function checkConfig(json, name, label) {
  const c = json;
  const ids = c?.rootfs?.diff_ids;
  if (typeof c !== "object" || c === null || !Array.isArray(ids) || !ids.every((d) => typeof d === "string")) {
    throw new ImageError(`the image config ${name} in ${label} is malformed: it has no rootfs.diff_ids list`);
  }
  const problem = typeProblem(c);
  if (problem) throw new ImageError(`the image config ${name} in ${label} is malformed: ${problem}`);
  return c;
}
var isString = (v) => typeof v === "string";
var isObject = (v) => typeof v === "object" && v !== null && !Array.isArray(v);
function typeProblem(c) {
  for (const key of ["architecture", "os", "variant"]) if (c[key] !== void 0 && !isString(c[key])) return `"${key}" is not a string`;
  const section = c.config;
  if (section !== void 0 && section !== null) {
    if (!isObject(section)) return '"config" is not an object';
    for (const key of ["User", "WorkingDir"]) if (section[key] !== void 0 && !isString(section[key])) return `"config.${key}" is not a string`;
    for (const key of ["Entrypoint", "Cmd", "Env", "Shell"]) {
      const v = section[key];
      if (v !== void 0 && v !== null && !(Array.isArray(v) && v.every(isString))) return `"config.${key}" is not a list of strings`;
    }
    const labels = section.Labels;
    if (labels !== void 0 && labels !== null && !(isObject(labels) && Object.values(labels).every(isString)))
      return '"config.Labels" is not an object of strings';
  }
  const history = c.history;
  if (history !== void 0 && history !== null) {
    if (!Array.isArray(history)) return '"history" is not a list';
    const entryOk = (h) => isObject(h) && (h.created_by === void 0 || isString(h.created_by)) && (h.empty_layer === void 0 || typeof h.empty_layer === "boolean");
    if (!history.every(entryOk)) return '"history" holds an entry that is not an object with a string created_by and a boolean empty_layer';
  }
  return void 0;
}
function finish(layout, id, repoTags, config, layerBlobs, o) {
  const { label, layersWalked } = o;
  const diffIds = config.rootfs.diff_ids;
  if (layersWalked && diffIds.length !== layerBlobs.length) {
    throw new ImageError(
      `${label} lists ${count(layerBlobs.length, "layer")} but its config has ${count(diffIds.length, "diff_id")}: the archive was modified or is incomplete`
    );
  }
  const layers = layerBlobs.map(({ path, blob }, i) => {
    if (!layersWalked) return void 0;
    if (!blob.layer)
      throw new ImageError(
        blob.kind === "bzip2" || blob.kind === "xz" ? `the layer ${path} in ${label} is ${blob.kind}-compressed, which this tool does not read (Docker does): recompress it with gzip or zstd, or save the image again` : `the layer ${path} in ${label} is not a tar, gzip or zstd stream (it starts like ${blob.kind === "json" ? "JSON" : "something else"})`
      );
    const diffId = blob.layer.diffId;
    if (diffId === "" && o.layersVerified) blob.layer.diffId = diffIds[i];
    else if (diffId !== diffIds[i]) {
      throw new ImageError(
        `layer ${i + 1} (${path}) in ${label} does not match the image config: the config's diff_id is ${diffIds[i]}, the content hashes to ${diffId}; the archive was modified`
      );
    }
    return blob.layer;
  });
  const blobs = layerBlobs.map(({ path, blob }) => ({ digest: blob.digest || declaredDigest(path), size: blob.size, path }));
  return { layout, id, repoTags, config, layers, blobs };
}
function declaredDigest(path) {
  if (SHA256_DIGEST.test(path)) return path;
  return digestInBlobPath(path) ?? "";
}

// src/core/scan/scan-workers.ts
var import_node_fs2 = require("node:fs");
var import_node_path2 = require("node:path");
var import_node_worker_threads2 = require("node:worker_threads");
init_errors();

// src/core/scan/shared-ring.ts
var SLOTS = 4;
var SLOT_BYTES = 1024 * 1024;
var SLOT_RANGES = 2048;
var RANGE_NUMBERS = SLOT_RANGES * 4;
var PRODUCED = 0;
var STOP = 1;
var PRODUCER_SLEEPS = 2;
var CONSUMERS = 3;
var consumed = (c) => CONSUMERS + 2 * c;
var sleeps = (c) => CONSUMERS + 2 * c + 1;
var META_WORDS = 4;
var MAX_SKIP = 2 ** 30;
var BATCH = SLOTS / 2;
var RECHECK_MS = 1e3;
var RingProducer = class {
  /** `failure` is asked while waiting for consumers: a dead consumer must not hang the producer. */
  constructor(consumers, failure) {
    this.failure = failure;
    this.meta = CONSUMERS + 2 * consumers;
    this.memory = {
      consumers,
      control: new SharedArrayBuffer((this.meta + SLOTS * META_WORDS) * 4),
      data: new SharedArrayBuffer(SLOTS * SLOT_BYTES),
      ranges: new SharedArrayBuffer(SLOTS * RANGE_NUMBERS * 8)
    };
    this.control = new Int32Array(this.memory.control);
    this.data = new Uint8Array(this.memory.data);
    this.ranges = new Float64Array(this.memory.ranges);
  }
  failure;
  memory;
  control;
  data;
  ranges;
  meta;
  produced = 0;
  /** The slot being filled (-1: none), and how much of it is used. */
  open = -1;
  openBytes = 0;
  openRanges = 0;
  openSkip = 0;
  /** Publishes a slot that carries an op alone (Begin, End), after the bytes before it. */
  async signal(op) {
    this.flush();
    await this.openSlot();
    this.commit(op);
  }
  /**
   * Adds a chunk of any size and the ranges of the files that start in it. Small chunks (a
   * daemon's HTTP stream, decompressed data) share slots: a slot is published once full.
   */
  async publishData(ranges, chunk) {
    await this.putRanges(ranges);
    if (this.openSkip > 0 && chunk.length > 0) this.commit(2 /* Data */);
    for (let pos = 0; pos < chunk.length; ) {
      if (this.open === -1) await this.openSlot();
      const n = Math.min(chunk.length - pos, SLOT_BYTES - this.openBytes);
      this.data.set(chunk.subarray(pos, pos + n), this.open * SLOT_BYTES + this.openBytes);
      this.openBytes += n;
      pos += n;
      if (this.openBytes === SLOT_BYTES) this.commit(2 /* Data */);
    }
  }
  /**
   * Adds the ranges that start in the next `bytes` of the stream, and says those bytes are
   * skipped: no consumer needs them (see ScanWorkers.skip), so they are not copied.
   */
  async publishSkip(ranges, bytes) {
    await this.putRanges(ranges);
    if (this.open !== -1 && this.openSkip + bytes > MAX_SKIP) this.commit(2 /* Data */);
    if (this.open === -1) await this.openSlot();
    this.openSkip += bytes;
  }
  /** Ranges go in the slot that holds (or precedes) the bytes they describe. */
  async putRanges(ranges) {
    for (let r = 0; r < ranges.length; ) {
      if (this.open === -1 || this.openRanges === RANGE_NUMBERS) {
        this.flush();
        await this.openSlot();
      }
      const n = Math.min(ranges.length - r, RANGE_NUMBERS - this.openRanges);
      this.ranges.set(ranges.subarray(r, r + n), this.open * RANGE_NUMBERS + this.openRanges);
      this.openRanges += n;
      r += n;
    }
  }
  /** Publishes the slot being filled, if any. */
  flush() {
    if (this.open !== -1) this.commit(2 /* Data */);
  }
  async openSlot() {
    await this.waitForSlot(this.produced);
    this.open = this.produced % SLOTS;
    this.openBytes = 0;
    this.openRanges = 0;
    this.openSkip = 0;
  }
  commit(op) {
    const at = this.meta + this.open * META_WORDS;
    this.control[at] = op;
    this.control[at + 1] = this.openBytes;
    this.control[at + 2] = this.openRanges;
    this.control[at + 3] = this.openSkip;
    this.open = -1;
    this.produced++;
    Atomics.store(this.control, PRODUCED, this.produced);
    for (let c = 0; c < this.memory.consumers; c++) {
      if (!Atomics.load(this.control, sleeps(c))) continue;
      if (op !== 2 /* Data */ || this.produced - Atomics.load(this.control, consumed(c)) >= BATCH) Atomics.notify(this.control, PRODUCED);
    }
  }
  /** Tells the consumers to return from next() with null. */
  stop() {
    Atomics.store(this.control, STOP, 1);
    Atomics.notify(this.control, PRODUCED);
  }
  async waitForSlot(seq) {
    const needed = seq - SLOTS + 1;
    for (let c = 0; c < this.memory.consumers; c++) {
      for (; ; ) {
        const failure = this.failure();
        if (failure) throw failure;
        const done = Atomics.load(this.control, consumed(c));
        if (done >= needed) break;
        Atomics.store(this.control, PRODUCER_SLEEPS, 1);
        if (Atomics.load(this.control, consumed(c)) === done) {
          const wait = Atomics.waitAsync(this.control, consumed(c), done, RECHECK_MS);
          if (wait.async) await wait.value;
        }
        Atomics.store(this.control, PRODUCER_SLEEPS, 0);
      }
    }
  }
};

// src/core/scan/scan-workers.ts
var WORKER_FILE = (0, import_node_path2.join)(__dirname, "scan-worker.js");
function createScanWorkers(scanLimit, detectors, layerHash = true) {
  const tagKey = newTagKey();
  const layerWork = { layerHash: true, tags: false, tagKey, detectors: [], scanLimit };
  const filesWork = { layerHash: false, tags: true, tagKey, detectors, scanLimit };
  if ((0, import_node_fs2.existsSync)(WORKER_FILE) && process.env.MODELARTS_IMAGE_CHECK_WORKERS !== "0") {
    return new ThreadedScanWorkers(layerHash ? [layerWork, filesWork] : [filesWork]);
  }
  return new InThreadScanWorkers({ ...filesWork, layerHash });
}
var InThreadScanWorkers = class {
  processor;
  needsEveryByte;
  constructor(work) {
    this.processor = new StreamProcessor(work);
    this.needsEveryByte = work.layerHash;
  }
  begin() {
    this.processor.begin();
  }
  send(ranges, chunk) {
    if (ranges.length) this.processor.addRanges(ranges);
    this.processor.data(chunk);
  }
  skip(ranges, bytes) {
    if (ranges.length) this.processor.addRanges(ranges);
    this.processor.skip(bytes);
  }
  async end() {
    return this.processor.end();
  }
  async close() {
  }
};
var ThreadedScanWorkers = class {
  ring;
  workers;
  needsEveryByte;
  resultWaiters = [];
  failure = null;
  closed = false;
  constructor(works) {
    this.ring = new RingProducer(works.length, () => this.failure);
    this.needsEveryByte = works.some((w) => w.layerHash);
    this.workers = works.map((work, index) => {
      const data = { work, ring: this.ring.memory, index };
      const worker = new import_node_worker_threads2.Worker(WORKER_FILE, { workerData: data, resourceLimits: { maxYoungGenerationSizeMb: 2 } });
      worker.unref();
      worker.on("message", (m) => {
        if (m.t === "result") this.resultWaiters[index].shift()?.resolve(m.result);
        else this.fail(new Error(m.message));
      });
      worker.on("error", (err) => this.fail(err));
      worker.on("exit", (code) => this.fail(new Error(`it stopped (exit code ${code})`)));
      this.resultWaiters.push([]);
      return worker;
    });
  }
  begin() {
    return this.ring.signal(1 /* Begin */);
  }
  send(ranges, chunk) {
    return this.ring.publishData(ranges, chunk);
  }
  skip(ranges, bytes) {
    return this.ring.publishSkip(ranges, bytes);
  }
  async end() {
    const results = this.workers.map(
      (_, i) => new Promise((resolve3, reject) => this.failure ? reject(this.failure) : this.resultWaiters[i].push({ resolve: resolve3, reject }))
    );
    await this.ring.signal(3 /* End */);
    return (await Promise.all(results)).reduce((all, r) => ({
      diffId: all.diffId ?? r.diffId,
      tags: concatContentTags(all.tags, r.tags),
      hits: all.hits.concat(r.hits),
      truncatedFiles: all.truncatedFiles + r.truncatedFiles,
      unscannedBytes: all.unscannedBytes + r.unscannedBytes
    }));
  }
  async close() {
    if (this.closed) return;
    this.closed = true;
    this.failure ??= new Error("closed");
    this.ring.stop();
    await Promise.all(this.workers.map((w) => w.terminate()));
  }
  fail(err) {
    if (this.failure) return;
    this.failure = new ImageError(`the layer hashing and scanning worker failed: ${err.message}`);
    for (const list of this.resultWaiters) for (const w of list.splice(0)) w.reject(this.failure);
  }
};

// src/core/rules/index.ts
var import_picomatch2 = __toESM(require_picomatch2());

// src/core/rules/base-image.ts
init_excerpt();

// src/core/rules/rule.ts
var SOURCES = {
  oldTraining: "ModelArts: Specifications for Custom Images Used for Training Jobs (old-version training)",
  newTraining: "ModelArts: Specifications for Custom Images Used for Training Jobs (new-version training, develop-modelarts-0079)",
  migrating: "ModelArts: Migrating an Image to ModelArts (docker-modelarts_0029)",
  bootCommand: "ModelArts: Boot Command of a Training Job (develop-modelarts-1416)",
  versions: "ModelArts FAQ docker-modelarts_6019 and troubleshooting modelarts_trouble_0139",
  swr: "SWR: image layer and push limits",
  registerImage: "ModelArts API: RegisterImage (arch X86_64 or AARCH64)"
};
var DOCS_BASE = "https://github.com/modelarts-image-check/modelarts-image-check/blob/main/docs/rules/";
function docsUrl(ruleId) {
  return `${DOCS_BASE}${ruleId}.md`;
}

// src/core/rules/base-image.ts
var RUNNABLE_ARCHITECTURES = ["amd64", "arm64"];
var POOLS = { amd64: "CPU and GPU resource pools (x86_64)", arm64: "Ascend resource pools (aarch64)" };
var SHOWN = 64;
var baseImage = {
  id: "base-image",
  defaultSeverity: "error",
  description: "The image must be built on a ModelArts base image: the base layers must be a prefix of the image layers, and the image is for Linux on amd64 or arm64 (the one the arch setting names, when it is set).",
  spec: "Custom images can be developed based on basic ModelArts images.",
  source: SOURCES.oldTraining,
  check(facts, settings) {
    const platform = platformFindings(facts.config.os, facts.config.architecture, settings.arch);
    if (platform.length) return platform;
    const base = facts.base;
    if (base.given && !base.matches) {
      const at = base.firstMismatch ?? 0;
      const baseLayers = base.givenLayerCount ?? 0;
      const why = at < facts.layers.length ? `its layer ${at + 1} differs from the base image's (the base has ${count(baseLayers, "layer")})` : `it has ${count(facts.layers.length, "layer")}, the base image ${baseLayers}, and they are the base's first ones`;
      return [
        {
          message: `The image is not built on ${base.reference}: ${why}. Build FROM that exact base image, or pass the base image the build used.`,
          layer: at < facts.layers.length ? at : void 0
        }
      ];
    }
    if (!base.given) {
      const guess = base.guessed ? `${theFirst(base.layerCount, "layer")} ${was(base.layerCount)} taken as the base, guessed from the image history` : "no base could be told from the image history, so every layer was checked as custom";
      return [
        {
          severity: "warning",
          message: `The base image was not verified (${guess}). Pass the ModelArts base image (--base, or the action's base-image input) so that the base check and the comparisons with base files are exact.`
        }
      ];
    }
    return [];
  }
};
function platformFindings(os, architecture, wanted) {
  if (os !== void 0 && os.toLowerCase() !== "linux") {
    return [
      {
        message: `The image's config says its OS is "${excerpt(os, SHOWN)}"; ModelArts base images, and the nodes that run training jobs, are Linux. Build FROM a ModelArts base image.`
      }
    ];
  }
  if (architecture !== void 0 && !RUNNABLE_ARCHITECTURES.includes(normalizeArch(architecture))) {
    return [
      {
        message: `The image's config says it is built for the "${excerpt(architecture, SHOWN)}" CPU architecture; ModelArts base images are amd64 (x86-64) or arm64 (Arm64, for Ascend), and a training node cannot run anything else. Build FROM a ModelArts base image for the target node.`
      }
    ];
  }
  if (wanted !== void 0 && (architecture === void 0 || normalizeArch(architecture) !== wanted)) {
    const is = architecture === void 0 ? "does not say which CPU architecture it is built for" : `says it is built for ${excerpt(architecture, SHOWN)}`;
    return [
      {
        message: `The image's config ${is}, and the arch setting asks for ${wanted}: images for ${POOLS[wanted]} must be ${wanted}. Build FROM a ModelArts base image for ${wanted} (docker buildx build --platform linux/${wanted}), or set arch to the pool the image is for.`
      }
    ];
  }
  return [];
}

// src/core/fs/passwd.ts
var ACCOUNT_FILES = { paths: ["/etc/passwd", "/etc/group"], maxBytes: 4 * 1024 * 1024 };
var ACCOUNT_NEEDS = { texts: [ACCOUNT_FILES] };
function readPasswd(fs) {
  return fieldsOfLines(fs, "/etc/passwd")?.map((f) => ({ name: f[0], uid: goAtoi(f[2]), gid: goAtoi(f[3]), home: f[5] ?? "" }));
}
function readGroups(fs) {
  return fieldsOfLines(fs, "/etc/group")?.map((f) => ({ name: f[0], gid: goAtoi(f[2]), members: f[3] ? f[3].split(",") : [] }));
}
function resolveUser(fs, user) {
  const [userPart, groupPart] = user.split(":", 2);
  const passwd = readPasswd(fs) ?? [];
  const numeric = GO_NUMBER.test(userPart);
  const entry = passwd.find((p) => numeric ? p.uid === Number(userPart) : p.name === userPart);
  if (!entry && !numeric) return void 0;
  const who = { uid: entry?.uid ?? Number(userPart), gid: entry?.gid ?? 0, groups: [], ...entry && { name: entry.name, home: entry.home } };
  const groups = readGroups(fs) ?? [];
  if (groupPart !== void 0 && groupPart !== "") {
    const byNumber = GO_NUMBER.test(groupPart);
    const group = groups.find((g) => byNumber ? g.gid === Number(groupPart) : g.name === groupPart);
    if (!group && !byNumber) return void 0;
    who.gid = group?.gid ?? Number(groupPart);
  } else if (entry) {
    who.groups = groups.filter((g) => g.members.includes(entry.name)).map((g) => g.gid);
  }
  return who;
}
function fieldsOfLines(fs, path) {
  const text = fs.resolve(path)?.text;
  if (text === void 0) return void 0;
  const out = [];
  for (const raw of text.split("\n")) {
    const line = goTrimSpace(raw);
    if (line !== "") out.push(line.split(":"));
  }
  return out;
}
var GO_NUMBER = /^[+-]?\d+$/;
function goAtoi(text) {
  return text !== void 0 && GO_NUMBER.test(text) ? Number(text) : 0;
}
function goTrimSpace(text) {
  return text.replace(
    /^[\t\n\v\f\r \u0085\u00a0\u1680\u2000-\u200a\u2028\u2029\u202f\u205f\u3000]+|[\t\n\v\f\r \u0085\u00a0\u1680\u2000-\u200a\u2028\u2029\u202f\u205f\u3000]+$/g,
    ""
  );
}

// src/core/rules/boot-command.ts
init_excerpt();

// src/core/rules/shell-words.ts
function simpleCommands(text) {
  const commands = [];
  let words2 = [];
  let word = "";
  let inWord = false;
  let skipNext = false;
  const endWord = () => {
    if (inWord) {
      if (skipNext) skipNext = false;
      else words2.push(word);
    }
    word = "";
    inWord = false;
  };
  const endCommand = () => {
    endWord();
    if (words2.length) commands.push(words2);
    words2 = [];
  };
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (c === "\\") {
      if (text[i + 1] === "\n") i++;
      else {
        word += text[i + 1] ?? "";
        i++;
        inWord = true;
      }
    } else if (c === "'") {
      const end = text.indexOf("'", i + 1);
      word += text.slice(i + 1, end === -1 ? text.length : end);
      i = end === -1 ? text.length : end;
      inWord = true;
    } else if (c === '"') {
      let j = i + 1;
      for (; j < text.length && text[j] !== '"'; j++) {
        if (text[j] === "\\" && j + 1 < text.length && '"\\$`\n'.includes(text[j + 1])) j++;
        word += text[j];
      }
      i = j;
      inWord = true;
    } else if (c === "$" && (text[i + 1] === "(" || text[i + 1] === "{")) {
      const close = text[i + 1] === "(" ? ")" : "}";
      let depth = 0;
      let j = i + 1;
      for (; j < text.length; j++) {
        if (text[j] === text[i + 1]) depth++;
        else if (text[j] === close && --depth === 0) break;
      }
      word += text.slice(i, j + 1);
      i = j;
      inWord = true;
    } else if (c === "`") {
      const end = text.indexOf("`", i + 1);
      word += text.slice(i, end === -1 ? text.length : end + 1);
      i = end === -1 ? text.length : end;
      inWord = true;
    } else if (c === "#" && !inWord) {
      const nl = text.indexOf("\n", i);
      i = nl === -1 ? text.length : nl - 1;
    } else if (c === "<" || c === ">") {
      if (/^\d+$/.test(word)) {
        word = "";
        inWord = false;
      } else endWord();
      while ("<>&|".includes(text[i + 1] ?? "") && text[i + 1] !== void 0) i++;
      skipNext = true;
    } else if (c === ";" || c === "&" || c === "|" || c === "\n" || c === "(" || c === ")") {
      endCommand();
    } else if (c === " " || c === "	" || c === "\r") {
      endWord();
    } else {
      word += c;
      inWord = true;
    }
  }
  endCommand();
  return commands;
}

// src/core/rules/startup-commands.ts
var SHELL_SCRIPTS = { pattern: /\.(?:sh|bash)$/, head: isShellScript, maxBytes: 256 * 1024 };
function isShellScript(head) {
  if (head[0] !== 35 || head[1] !== 33) return false;
  const nl = head.indexOf(10);
  return /\b(?:ba|da|z|k)?sh\b/.test(head.toString("latin1", 2, nl === -1 ? Math.min(head.length, 128) : nl));
}
var SHELLS = /* @__PURE__ */ new Set(["sh", "bash", "dash", "zsh", "ash", "ksh"]);
var MAX_SCRIPTS = 20;
var MAX_DEPTH = 3;
function startupTexts(facts) {
  const c = facts.config.config ?? {};
  const entrypoint = Array.isArray(c.Entrypoint) ? c.Entrypoint : [];
  const cmd = Array.isArray(c.Cmd) ? c.Cmd : [];
  const argv = [...entrypoint, ...cmd].filter((a) => typeof a === "string");
  if (argv.length === 0) return [];
  const dashC = argv.indexOf("-c");
  const text = SHELLS.has(baseName(argv[0])) && dashC > 0 && dashC + 1 < argv.length ? argv.slice(dashC + 1).join(" ") : argv.join(" ");
  const instruction = entrypoint.length ? lastInstruction(facts.config, "ENTRYPOINT") : lastInstruction(facts.config, "CMD");
  const out = [{ label: entrypoint.length ? "ENTRYPOINT" : "CMD", text, instruction }];
  const workdir = c.WorkingDir || "/";
  const seen = /* @__PURE__ */ new Set();
  let frontier = [text];
  for (let depth = 0; depth < MAX_DEPTH && frontier.length > 0; depth++) {
    const next = [];
    for (const t of frontier) {
      for (const candidate of scriptCandidates(t)) {
        const path = resolveLinkTarget(workdir + "/x", candidate);
        if (seen.has(path) || seen.size >= MAX_SCRIPTS) continue;
        const node = facts.fs.resolve(path);
        if (node?.text === void 0) continue;
        seen.add(path);
        out.push({ label: path, text: node.text, path, layer: node.layer, instruction: facts.layers[node.layer]?.createdBy });
        next.push(node.text);
      }
    }
    frontier = next;
  }
  return out;
}
function scriptCandidates(text) {
  const out = /* @__PURE__ */ new Set();
  for (const m of text.matchAll(/(?:^|[\s;|&(`'"])((?:\.{0,2}\/)?[\w.@+-]+(?:\/[\w.@+-]+)*\.(?:sh|bash))(?=$|[\s;|&)`'"])/g)) out.add(m[1]);
  for (const m of text.matchAll(/(?:^|[\s;|&(`'"])(\/[\w.@+-]+(?:\/[\w.@+-]+)+)(?=$|[\s;|&)`'"])/g)) out.add(m[1]);
  for (const m of text.matchAll(/\b(?:sh|bash|source|\.)\s+((?:\.{0,2}\/)?[\w.@+/-]+)/g)) out.add(m[1]);
  return [...out];
}
var LINE_SHOWN = 160;
function commandLines(text) {
  return text.split("\n").flatMap((raw, i) => {
    const line = raw.replace(/(^|\s)#.*$/, "").trim();
    return line ? [{ line, number: i + 1 }] : [];
  });
}
var WRAPPERS = /* @__PURE__ */ new Set(["exec", "nohup", "time", "env", "nice", "stdbuf", "setsid"]);
function bootCommand(facts) {
  const c = facts.config.config ?? {};
  const entrypoint = Array.isArray(c.Entrypoint) ? c.Entrypoint : [];
  const cmd = Array.isArray(c.Cmd) ? c.Cmd : [];
  const argv = [...entrypoint, ...cmd].filter((a) => typeof a === "string");
  if (argv.length === 0) return void 0;
  const label = entrypoint.length ? "ENTRYPOINT" : "CMD";
  const instruction = lastInstruction(facts.config, label);
  let cwd = c.WorkingDir || "/";
  const dashC = argv.indexOf("-c");
  if (!(SHELLS.has(baseName(argv[0])) && dashC > 0 && dashC + 1 < argv.length)) {
    return { label, instruction, argv, steps: [{ ...unwrap(argv), cwd }] };
  }
  const steps = [{ words: [argv[0]], env: /* @__PURE__ */ new Map(), cwd }];
  for (const words2 of simpleCommands(argv.slice(dashC + 1).join(" "))) {
    const step = { ...unwrap(words2), cwd };
    steps.push(step);
    const [command, dir] = step.words;
    if (command === "cd" && dir !== void 0 && !dir.includes("$")) cwd = resolveLinkTarget(`${cwd}/x`, dir);
  }
  return { label, instruction, argv, steps };
}
function unwrap(words2) {
  const env = /* @__PURE__ */ new Map();
  let i = 0;
  for (; i < words2.length; i++) {
    const w = words2[i];
    const assignment = /^([A-Za-z_][A-Za-z0-9_]*)=(.*)$/s.exec(w);
    if (assignment) env.set(assignment[1], assignment[2]);
    else if (!WRAPPERS.has(baseName(w)) && !(w.startsWith("-") && i > 0 && WRAPPERS.has(baseName(words2[i - 1])))) break;
  }
  return { words: words2.slice(i), env };
}
var BUILTINS = /* @__PURE__ */ new Set([
  "cd",
  "echo",
  "export",
  "set",
  "unset",
  "true",
  "false",
  "exit",
  "test",
  "[",
  "printf",
  "read",
  "ulimit",
  "umask",
  "wait",
  "trap",
  "eval",
  "shift",
  "local",
  "return",
  ":",
  "alias",
  "type",
  "command",
  "hash"
]);
var PYTHON = /^python(?:\d+(?:\.\d+)?)?$/;
var SCRIPT_RUNNERS = /* @__PURE__ */ new Set(["perl", "ruby", "node", "Rscript"]);
var LAUNCHERS = /* @__PURE__ */ new Set(["torchrun", "deepspeed", "mpirun", "horovodrun", "accelerate"]);
function runsPython(step) {
  const [command, ...args] = step.words;
  if (command === void 0) return false;
  const name = baseName(command);
  return PYTHON.test(name) || LAUNCHERS.has(name) && args.some((a) => a.endsWith(".py"));
}
function namedFiles(step) {
  const [command, ...args] = step.words;
  if (command === void 0 || command.includes("$")) return [];
  const script = (word) => word === void 0 || word.includes("$") ? [] : [{ word, role: "script" }];
  if (command === "source" || command === ".") return script(args[0]);
  if (BUILTINS.has(command)) return [];
  const name = baseName(command);
  const program3 = { word: command, role: "program" };
  if (PYTHON.test(name)) return [program3, ...script(scriptArgument(args, ["-c", "-m", "-"], ["-W", "-X", "-Q"]))];
  if (SHELLS.has(name)) return [program3, ...script(scriptArgument(args, ["-c", "-s"], ["-o", "-O"]))];
  if (SCRIPT_RUNNERS.has(name)) return [program3, ...script(scriptArgument(args, ["-e", "-E"], []))];
  if (LAUNCHERS.has(name)) return [program3, ...script(args.find((a) => !a.startsWith("-") && /\.(?:py|sh|bash)$/.test(a)))];
  return [program3];
}
function scriptArgument(args, stops, takeValue) {
  for (let i = 0; i < args.length; i++) {
    const a = args[i];
    if (stops.includes(a)) return void 0;
    if (takeValue.includes(a)) i++;
    else if (!a.startsWith("-")) return a;
  }
  return void 0;
}
function pythonUnbuffered(step, imageEnv) {
  const inImage = imageEnv.some((e) => /^PYTHONUNBUFFERED=./s.test(e));
  if (inImage || (step.env.get("PYTHONUNBUFFERED") ?? "") !== "") return true;
  const args = step.words.slice(1);
  for (let i = 0; i < args.length; i++) {
    const a = args[i];
    if (a === "-c" || a === "-m" || !a.startsWith("-") || a.startsWith("--")) break;
    if (a === "-W" || a === "-X" || a === "-Q") i++;
    else if (/^-[A-Za-z]*u/.test(a) && !/^-[WXQ]/.test(a)) return true;
  }
  return false;
}

// src/core/rules/boot-command.ts
var ACTIVATE = /(?:^|[\s;&|(])(?:conda\s+activate|(?:source|\.)\s+(?:\S*\/)?activate)(?:\s|$)/;
var CONDA_HOOK = /conda\s+shell\.\w+\s+hook|etc\/profile\.d\/conda\.sh|conda\.sh\b/;
var bootCommandRule = {
  id: "boot-command",
  defaultSeverity: "warning",
  description: "The boot command must not rely on an interactive shell (conda activate, source activate), and in new-version training it starts in the user's home.",
  spec: "Jobs do not run in a shell session: conda activate does not work; use the environment's python path, PATH, or conda run -n ENV.",
  source: SOURCES.bootCommand,
  needs: () => ({ texts: [SHELL_SCRIPTS, ACCOUNT_FILES] }),
  check(facts, settings) {
    const out = [];
    for (const t of startupTexts(facts)) {
      const hooked = t.path !== void 0 && CONDA_HOOK.test(t.text);
      for (const { line, number } of commandLines(t.text)) {
        if (!ACTIVATE.test(line) || hooked && /conda\s+activate/.test(line)) continue;
        const where = t.path ? `${t.path}:${number}` : `The boot command (${t.label})`;
        out.push({
          message: `${where} activates a conda environment ("${excerpt(line, LINE_SHOWN)}"), which needs an interactive shell; ModelArts runs the boot command without one, so it fails or runs in the wrong environment. Call the environment's python directly (/opt/conda/envs/ENV/bin/python), put its bin directory first in PATH (ENV PATH=...), or use conda run -n ENV.`,
          path: t.path,
          layer: t.layer,
          instruction: t.instruction
        });
      }
    }
    if (settings.profile === "current") {
      const c = facts.config.config ?? {};
      const user = resolveUser(facts.fs, c.User ?? "");
      const home = user && user.uid !== 0 && user.home || settings.expectedHome;
      const workdir = (c.WorkingDir || "/").replace(/(.)\/+$/, "$1");
      if (workdir !== home.replace(/(.)\/+$/, "$1")) {
        out.push({
          message: `The image starts in ${workdir}, but ModelArts runs the boot command of a training job in the user's home ${home}: relative paths in the command resolve differently there. End the Dockerfile with "WORKDIR ${home}" (as Huawei's sample does).`,
          instruction: lastInstruction(facts.config, "WORKDIR")
        });
      }
    }
    return out;
  }
};

// src/core/rules/gpu-driver.ts
init_excerpt();
var DRIVER_MOUNT = "/usr/local/nvidia";
var DRIVER_LIBRARY = /^lib(?:cuda|nvidia-[a-z0-9_-]+)\.so\.\d+\.\d+(?:\.\d+)*$/;
var DRIVER_PROGRAMS = /* @__PURE__ */ new Set(["nvidia-smi", "nvidia-debugdump", "nvidia-persistenced", "nvidia-cuda-mps-control", "nvidia-cuda-mps-server"]);
var NAMED = 4;
var gpuDriver = {
  id: "gpu-driver",
  defaultSeverity: "error",
  description: `Custom layers must not install the NVIDIA GPU driver (libcuda.so.<driver version>, libnvidia-*.so.<version>, nvidia-smi) or put anything in ${DRIVER_MOUNT}: ModelArts provides the host's driver there.`,
  spec: "GPU drivers must not be installed in the image: ModelArts places the host's driver in /usr/local/nvidia.",
  source: SOURCES.newTraining,
  check(facts) {
    const groups = /* @__PURE__ */ new Map();
    facts.fs.eachPath(
      (path) => isUnder(path, DRIVER_MOUNT) || DRIVER_LIBRARY.test(baseName(path)) || DRIVER_PROGRAMS.has(baseName(path)),
      (path) => {
        const node = facts.fs.get(path);
        if (!node || facts.layers[node.layer]?.base) return;
        const mount = isUnder(path, DRIVER_MOUNT);
        if (!mount && (node.kind !== 0 /* File */ || path.includes("/stubs/"))) return;
        const before = facts.baseFs.get(path);
        if (before && before.kind === node.kind && before.size === node.size && before.contentTag === node.contentTag && !mount) return;
        const dir = mount ? DRIVER_MOUNT : parentOf(path);
        const key = `${node.layer}\0${dir}`;
        const group = groups.get(key) ?? { dir, layer: node.layer, files: [], mount };
        group.files.push(path);
        groups.set(key, group);
      }
    );
    return [...groups.values()].sort((a, b) => a.files[0] < b.files[0] ? -1 : 1).map((g) => {
      const names = g.files.slice(0, NAMED).map((f) => excerpt(g.mount ? f : baseName(f), 100));
      const listed = `${names.join(", ")}${g.files.length > NAMED ? `, and ${g.files.length - NAMED} more` : ""}`;
      const what = g.mount ? `${count(g.files.length, "path")} in ${DRIVER_MOUNT} (${listed}), where ModelArts mounts the host's GPU driver: the job does not see them, or they hide the driver.` : `${count(g.files.length, "NVIDIA driver file")} in ${g.dir} (${listed}): a driver in the image does not match the host's, and CUDA then fails to start ("CUDA driver version is insufficient", "driver/library version mismatch").`;
      return {
        message: `The image adds ${what} Do not install the driver (packages nvidia-driver-*, libnvidia-compute-*, cuda-drivers); the CUDA toolkit alone (cuda-toolkit-*, cuda-libraries-*) is enough.`,
        path: g.files[0],
        layer: g.layer
      };
    });
  }
};

// src/core/fs/access.ts
var BIT = { read: 4, write: 2, execute: 1 };
var IMPLIED_DIRECTORY = { kind: 1 /* Directory */, mode: 384, uid: 0, gid: 0, implied: true };
function lookup(fs, path) {
  const directories = [];
  let rest = path.split("/").filter((p) => p !== "" && p !== ".");
  let current = "/";
  for (let hops = 0; hops <= 40; ) {
    directories.push({ path: current, attributes: directoryAt(fs, current) });
    const name = rest.shift();
    if (name === void 0) return { path: current, node: directoryAt(fs, current), directories: directories.slice(0, -1) };
    const next = name === ".." ? parentPath(current) : current === "/" ? `/${name}` : `${current}/${name}`;
    const node = fs.get(next);
    if (node?.kind === 2 /* Symlink */) {
      hops++;
      const target = resolveLinkTarget(next, node.link ?? "");
      rest = [...target.split("/").filter((p) => p !== ""), ...rest];
      current = "/";
      continue;
    }
    if (rest.length === 0) {
      if (node) return { path: next, node, directories };
      return fs.hasChildren(next) ? { path: next, node: IMPLIED_DIRECTORY, directories } : { path: next, directories };
    }
    if (node ? node.kind !== 1 /* Directory */ : !fs.hasChildren(next)) return { path: next, directories };
    current = next;
  }
  return { path, directories };
}
var ROOT = { kind: 1 /* Directory */, mode: 493, uid: 0, gid: 0 };
function directoryAt(fs, path) {
  if (path === "/") return ROOT;
  const node = fs.get(path);
  return node && node.kind === 1 /* Directory */ ? node : IMPLIED_DIRECTORY;
}
function parentPath(path) {
  const i = path.lastIndexOf("/");
  return i <= 0 ? "/" : path.slice(0, i);
}
function permits(node, who, want) {
  if (who.uid === 0) return want !== "execute" || node.kind === 1 /* Directory */ || (node.mode & 73) !== 0;
  const shift = node.uid === who.uid ? 6 : node.gid === who.gid || who.groups.includes(node.gid) ? 3 : 0;
  return (node.mode >> shift & BIT[want]) !== 0;
}
function denial(fs, path, who, want) {
  const found = lookup(fs, path);
  const blocked = found.directories.find((d) => !permits(d.attributes, who, "execute"));
  if (blocked) {
    const why = blocked.attributes.implied ? "has no entry in the layers, so Docker creates it owned by root with mode 0600 when it unpacks them, and" : `(${describe(blocked.attributes)})`;
    return `the directory ${blocked.path} ${why} does not let UID ${who.uid} search it`;
  }
  if (!found.node) return void 0;
  if (permits(found.node, who, want)) return null;
  const where = found.path === path ? path : `${path}, a symlink to ${found.path},`;
  return `${where} (${describe(found.node)}) is not ${want === "execute" ? "executable" : want === "read" ? "readable" : "writable"} by UID ${who.uid}`;
}
function describe(a) {
  return `owner ${a.uid}:${a.gid}, mode ${a.mode.toString(8).padStart(4, "0")}`;
}

// src/core/rules/software-versions.ts
var MIN_NCCL = "2.7.8";
var MIN_OFED = "5.4-3.1.0.0";
var CUDA_VERSION_FILE = /^\/usr\/local\/cuda[^/]*\/version\.(?:json|txt)$/;
var CUDNN_HEADER = /\/cudnn(?:_version)?(?:_v\d+)?\.h$/;
var CANN_VERSION_FILE = /^\/usr\/local\/Ascend\/.*\/(?:version\.cfg|ascend_toolkit_install\.info)$/;
var OFED_INFO = "/usr/bin/ofed_info";
var NAMED_VERSIONS = [
  ["nccl", /^libnccl\.so\.(\d+\.\d+\.\d+)$/],
  ["nccl", /^nvidia_nccl_cu\d+-(\d+\.\d+\.\d+)\.dist-info$/],
  ["cudnn", /^libcudnn\.so\.(\d+\.\d+\.\d+)$/],
  ["cudnn", /^nvidia_cudnn_cu\d+-(\d+\.\d+\.\d+)(?:\.\d+)*\.dist-info$/],
  ["cuda", /^nvidia_cuda_runtime_cu\d+-(\d+\.\d+\.\d+)\.dist-info$/]
];
var softwareVersionsRule = {
  id: "software-versions",
  defaultSeverity: "notice",
  description: `Reports the CUDA, cuDNN, NCCL, OFED, CANN and Python versions in the image; NCCL must be ${MIN_NCCL} or later, and MLNX OFED ${MIN_OFED} or later.`,
  spec: "NCCL 2.7.8 or later; MLNX OFED 5.4-3.1.0.0 or later; the CUDA version must suit the GPU driver of the resource pool.",
  source: SOURCES.versions,
  needs: () => ({
    texts: [
      { pattern: CUDA_VERSION_FILE, maxBytes: 64 * 1024 },
      { pattern: CUDNN_HEADER, maxBytes: 512 * 1024 },
      { pattern: CANN_VERSION_FILE, maxBytes: 64 * 1024 },
      { paths: [OFED_INFO], maxBytes: 1024 * 1024 }
    ]
  }),
  check(facts) {
    const sources = /* @__PURE__ */ new Map();
    const found = softwareVersions(facts, sources);
    const out = [];
    const at = (key) => {
      const path = sources.get(key);
      return path === void 0 ? {} : { path, layer: facts.fs.get(path)?.layer };
    };
    if (found.nccl && compareVersions(found.nccl, MIN_NCCL) < 0) {
      out.push({
        severity: "error",
        message: `The image has NCCL ${found.nccl}; ModelArts needs NCCL ${MIN_NCCL} or later for distributed training. Install a newer NCCL (libnccl2), or build on a newer base image.`,
        ...at("nccl")
      });
    }
    if (found.ofed && compareVersions(found.ofed, MIN_OFED) < 0) {
      out.push({
        severity: "warning",
        message: `The image has MLNX OFED ${found.ofed}; ModelArts needs ${MIN_OFED} or later for training over InfiniBand/RoCE. Install a newer MLNX_OFED user space.`,
        ...at("ofed")
      });
    }
    const names = { cuda: "CUDA", cudnn: "cuDNN", nccl: "NCCL", ofed: "MLNX OFED", cann: "CANN", python: "Python" };
    const gpu = Boolean(found.cuda || found.cudnn || found.nccl);
    if (!gpu && !found.cann) return out;
    const listed = Object.keys(names).filter((k) => found[k]).map((k) => `${names[k]} ${found[k]}`);
    const advice = [
      gpu && "the CUDA version to the GPU driver of your resource pool",
      found.cann && "CANN to the Ascend driver (a mismatch fails the job at once)"
    ].filter(Boolean);
    out.push({ message: `Software in the image: ${listed.join(", ")}. Match ${advice.join(", and ")}.` });
    return out;
  }
};
function softwareVersions(facts, sources = /* @__PURE__ */ new Map()) {
  const found = {};
  const highest = (key, version, path) => {
    if (version && (!found[key] || compareVersions(version, found[key]) > 0)) {
      found[key] = version;
      sources.set(key, path);
    }
  };
  const fromText = { cuda: [], cudnn: [] };
  facts.fs.eachPath(
    (path) => CUDA_VERSION_FILE.test(path) || CUDNN_HEADER.test(path) || CANN_VERSION_FILE.test(path) || NAMED_VERSIONS.some(([, re]) => re.test(baseName(path))),
    (path) => {
      const node = facts.fs.get(path);
      if (!node) return;
      const text = facts.fs.resolve(path)?.text;
      if (CUDA_VERSION_FILE.test(path) && text) fromText.cuda.push([cudaVersion(text) ?? "", path]);
      else if (CUDNN_HEADER.test(path) && text) fromText.cudnn.push([cudnnVersion(text) ?? "", path]);
      else if (CANN_VERSION_FILE.test(path) && text) highest("cann", /^(?:\w*_)?version=\[?([\w.-]+)/im.exec(text)?.[1], path);
      else if (node.kind === 0 /* File */ || node.kind === 1 /* Directory */) {
        for (const [key, re] of NAMED_VERSIONS) highest(key, re.exec(baseName(path))?.[1], path);
      }
    }
  );
  for (const key of ["cuda", "cudnn"]) {
    const versions = fromText[key].filter(([v]) => v !== "");
    if (!versions.length) continue;
    const [version, path] = versions.reduce((a, b) => compareVersions(a[0], b[0]) >= 0 ? a : b);
    found[key] = version;
    sources.set(key, path);
  }
  const ofed = facts.fs.resolve(OFED_INFO)?.text;
  if (ofed) highest("ofed", /MLNX_OFED_LINUX-(\d+\.\d+-[\d.]+)/.exec(ofed)?.[1], OFED_INFO);
  const python = pythonVersion(facts);
  if (python) highest("python", python.version, python.path);
  return found;
}
function cudaVersion(text) {
  const json = /"cuda"\s*:\s*\{[^}]*"version"\s*:\s*"([\d.]+)"/.exec(text);
  return json?.[1] ?? /CUDA Version (\d+(?:\.\d+)+)/.exec(text)?.[1];
}
function cudnnVersion(text) {
  const part = (name) => new RegExp(`#define\\s+CUDNN_${name}\\s+(\\d+)`).exec(text)?.[1];
  const [major, minor, patch] = [part("MAJOR"), part("MINOR"), part("PATCHLEVEL")];
  return major && minor ? `${major}.${minor}${patch ? `.${patch}` : ""}` : void 0;
}
function pythonVersion(facts) {
  const path = (facts.config.config?.Env ?? []).find((e) => e.startsWith("PATH="))?.slice(5) ?? "/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin";
  for (const name of ["python3", "python"]) {
    for (const dir of path.split(":")) {
      if (!dir.startsWith("/")) continue;
      const found = lookup(facts.fs, `${dir}/${name}`);
      if (!found.node || found.node.kind === 1 /* Directory */) continue;
      const m = /python(\d+\.\d+)$/.exec(found.path);
      if (m) return { version: m[1], path: found.path };
    }
  }
  return void 0;
}
function compareVersions(a, b) {
  const pa = a.split(/[.-]/).map((p) => parseInt(p, 10) || 0);
  const pb = b.split(/[.-]/).map((p) => parseInt(p, 10) || 0);
  for (let i = 0; i < Math.max(pa.length, pb.length); i++) {
    const d = (pa[i] ?? 0) - (pb[i] ?? 0);
    if (d !== 0) return d;
  }
  return 0;
}

// src/core/rules/user-access.ts
init_excerpt();
var DEFAULT_PATH = "/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin";
var NAMED2 = 3;
var userAccess = {
  id: "user-access",
  defaultSeverity: "error",
  description: "The default user must be able to run the boot command (its program executable, the scripts it names readable, through every directory), and to write its home and working directory.",
  spec: "Make the image files readable and writable by UID 1000.",
  source: SOURCES.migrating,
  needs: () => ({ texts: [ACCOUNT_FILES] }),
  check(facts) {
    const user = facts.config.config?.User ?? "";
    const resolved = resolveUser(facts.fs, user);
    if (!resolved) return [];
    const who = resolved;
    const out = [];
    const boot = bootCommand(facts);
    if (boot) out.push(...bootFindings(facts, boot, who));
    const workdir = facts.config.config?.WorkingDir || void 0;
    const home = resolved.uid === 0 ? void 0 : resolved.home && resolved.home !== "/" ? resolved.home : void 0;
    const instruction = boot?.instruction;
    for (const [dir, what] of [
      [home, "home"],
      [workdir, "working directory (WORKDIR)"]
    ]) {
      if (dir === void 0 || what !== "home" && dir === home) continue;
      const found = lookup(facts.fs, dir);
      if (!found.node) {
        out.push({
          severity: "warning",
          message: `The user's ${what} ${dir} is not in the image; the job starts there and cannot write it. Create it, owned by UID ${who.uid}.`,
          path: dir,
          instruction
        });
        continue;
      }
      const why = denial(facts.fs, dir, who, "write") ?? (found.node.kind === 1 /* Directory */ ? null : `${dir} is not a directory`);
      if (why) {
        out.push({
          severity: "warning",
          message: `The user's ${what} ${dir} is not writable by UID ${who.uid}: ${why}. Jobs write checkpoints, caches and logs there: chown it to UID ${who.uid} in the Dockerfile.`,
          path: dir,
          layer: found.node.layer,
          instruction
        });
      }
    }
    out.push(
      ...unreadableFiles(
        facts,
        who,
        [home, workdir].filter((d) => d !== void 0)
      )
    );
    return out;
  }
};
function bootFindings(facts, boot, who) {
  const out = [];
  const pathVariable = (facts.config.config?.Env ?? []).find((e) => e.startsWith("PATH="))?.slice(5) ?? DEFAULT_PATH;
  const seen = /* @__PURE__ */ new Set();
  for (const step of boot.steps) {
    for (const file of namedFiles(step)) {
      const candidates = file.role === "program" && !file.word.includes("/") ? pathVariable.split(":").map((dir) => `${dir || "."}/${file.word}`) : [file.word];
      const paths = candidates.map((p) => p.startsWith("/") ? p : `${step.cwd.replace(/\/+$/, "")}/${p}`);
      const path = paths.find((p) => {
        const node2 = lookup(facts.fs, p).node;
        return node2 !== void 0 && node2.kind !== 1 /* Directory */;
      });
      const key = `${file.role}\0${path ?? file.word}`;
      if (seen.has(key)) continue;
      seen.add(key);
      const named = `"${excerpt(file.word, 120)}"`;
      if (path === void 0) {
        const where = file.role === "program" && !file.word.includes("/") ? `in the PATH (${excerpt(pathVariable, 200)})` : `at ${paths[0]}`;
        out.push({
          severity: "warning",
          message: `The boot command (${boot.label}) runs ${named}, which is not in the image ${where}. A training job may set its own boot command; if it uses this one, the job fails at start.`,
          instruction: boot.instruction
        });
        continue;
      }
      const want = file.role === "program" ? "execute" : "read";
      const why = denial(facts.fs, path, who, want) ?? (file.role === "program" && /\.(?:sh|bash|py)$/.test(path) ? denial(facts.fs, path, who, "read") : null);
      if (!why) continue;
      const node = lookup(facts.fs, path).node;
      out.push({
        message: `The boot command (${boot.label}) ${file.role === "program" ? "runs" : "reads"} ${path}, but ${why}: the job would fail with "Permission denied". ${fixFor(want, path, who)}`,
        path,
        layer: node?.layer,
        instruction: boot.instruction
      });
    }
  }
  return out;
}
function fixFor(want, path, who) {
  return want === "execute" ? `Make it executable for the user (chmod a+rx ${path}, or chown ${who.uid} it) and its directories searchable.` : `Make it readable for the user (chmod a+r ${path}, or chown ${who.uid} it) and its directories searchable.`;
}
function unreadableFiles(facts, who, roots) {
  if (who.uid === 0 || roots.length === 0) return [];
  const byDirectory = /* @__PURE__ */ new Map();
  const directoryDenial = /* @__PURE__ */ new Map();
  facts.fs.eachPath(
    (path) => roots.some((root) => isUnder(path, root) && path !== root),
    (path) => {
      const node = facts.fs.get(path);
      if (!node || node.kind !== 0 /* File */ || facts.layers[node.layer]?.base) return;
      const dir = parentOf(path);
      let why = directoryDenial.get(dir);
      if (why === void 0) {
        why = denial(facts.fs, dir, who, "execute") ?? null;
        directoryDenial.set(dir, why);
      }
      if (!why && denial(facts.fs, path, who, "read") === null) return;
      const entry = byDirectory.get(dir) ?? { files: [], layer: node.layer };
      entry.files.push(path.slice(dir.length + 1));
      byDirectory.set(dir, entry);
    }
  );
  return [...byDirectory].map(([dir, { files, layer }]) => ({
    severity: "warning",
    message: `${count(files.length, "file")} that the custom layers put in ${dir} ${files.length === 1 ? "is" : "are"} not readable by UID ${who.uid} (${files.slice(0, NAMED2).map((f) => excerpt(f, 80)).join(", ")}${files.length > NAMED2 ? ", ..." : ""}). Jobs run as that user: chown them to it or make them readable (chmod -R a+rX ${dir}).`,
    path: dir,
    layer
  }));
}

// src/core/rules/default-user.ts
init_excerpt();
var SHOWN2 = 64;
var MAX_ID = 2 ** 31 - 1;
var shown = (text) => excerpt(text, SHOWN2);
var outOfRange = (id) => id < 0 || id > MAX_ID;
var defaultUser = {
  id: "default-user",
  defaultSeverity: "error",
  description: "The default user (Config.User) must resolve to the expected UID: 1101 in old-version training, 1000 (with primary group GID 100) in new-version training.",
  spec: "The default user of a custom image must be the user whose UID is 1101.",
  source: SOURCES.oldTraining,
  needs: () => ACCOUNT_NEEDS,
  check(facts, settings) {
    const expected = settings.expectedUid;
    const user = facts.config.config?.User ?? "";
    const instruction = lastInstruction(facts.config, "USER");
    const fix = `end the Dockerfile with "USER ${expected}" (or the name of the user with UID ${expected} in the base image)`;
    if (user === "") {
      return [{ message: `The image has no default user, so it runs as root (UID 0); ModelArts requires UID ${expected}: ${fix}.` }];
    }
    const [userPart, groupPart] = user.split(":", 2);
    const passwd = readPasswd(facts.fs);
    let uid;
    if (GO_NUMBER.test(userPart)) {
      uid = Number(userPart);
      if (outOfRange(uid))
        return [
          {
            message: `USER "${shown(user)}" is not a UID a container can run as (container runtimes accept 0 to ${MAX_ID}), so the container would not start; ${fix}.`,
            instruction
          }
        ];
    } else {
      if (!passwd) {
        return [{ message: `USER "${shown(user)}" cannot be resolved: the image has no readable /etc/passwd; use the numeric UID ${expected}.`, instruction }];
      }
      const entry = passwd.find((p) => p.name === userPart);
      if (!entry) {
        return [
          {
            message: `USER "${shown(user)}" is not a user in the image's /etc/passwd, so the container would not start; ${fix}.`,
            path: "/etc/passwd",
            instruction
          }
        ];
      }
      uid = entry.uid;
    }
    const findings = [];
    if (uid !== expected) {
      const who = uid === 0 ? "root (UID 0)" : `UID ${uid}`;
      findings.push({ message: `The default user "${shown(user)}" is ${who}; ModelArts requires UID ${expected}: ${fix}.`, instruction });
    }
    const numericGroup = groupPart !== void 0 && GO_NUMBER.test(groupPart);
    if (numericGroup && outOfRange(Number(groupPart))) {
      findings.push({
        message: `USER "${shown(user)}" names the GID ${shown(groupPart)}, which container runtimes refuse (they accept 0 to ${MAX_ID}), so the container would not start.`,
        instruction
      });
    }
    if (groupPart && !numericGroup) {
      const groups = readGroups(facts.fs);
      if (!groups?.some((g) => g.name === groupPart)) {
        findings.push({
          message: `USER "${shown(user)}" names the group "${shown(groupPart)}", which is not in the image's /etc/group, so the container would not start.`,
          path: "/etc/group",
          instruction
        });
      }
    }
    const gid = findings.length === 0 && settings.expectedGid !== void 0 ? resolveUser(facts.fs, user)?.gid : void 0;
    if (gid !== void 0 && gid !== settings.expectedGid) {
      findings.push({
        severity: "warning",
        message: `The default user "${shown(user)}" has the primary group GID ${gid}; ModelArts expects GID ${settings.expectedGid} (ma-group): create the group ma-group with GID ${settings.expectedGid} and make it the user's primary group (or end the Dockerfile with "USER ${expected}:${settings.expectedGid}").`,
        instruction
      });
    }
    return findings;
  }
};

// src/core/fs/capability-attribute.ts
var NAMES = [
  "chown",
  "dac_override",
  "dac_read_search",
  "fowner",
  "fsetid",
  "kill",
  "setgid",
  "setuid",
  "setpcap",
  "linux_immutable",
  "net_bind_service",
  "net_broadcast",
  "net_admin",
  "net_raw",
  "ipc_lock",
  "ipc_owner",
  "sys_module",
  "sys_rawio",
  "sys_chroot",
  "sys_ptrace",
  "sys_pacct",
  "sys_admin",
  "sys_boot",
  "sys_nice",
  "sys_resource",
  "sys_time",
  "sys_tty_config",
  "mknod",
  "lease",
  "audit_write",
  "audit_control",
  "setfcap",
  "mac_override",
  "mac_admin",
  "syslog",
  "wake_alarm",
  "block_suspend",
  "audit_read",
  "perfmon",
  "bpf",
  "checkpoint_restore"
];
var capName = (n) => `cap_${NAMES[n] ?? n}`;
var REVISION_MASK = 4278190080;
var EFFECTIVE = 1;
var SIZES = /* @__PURE__ */ new Map([
  [16777216, 12],
  [33554432, 20],
  [50331648, 24]
]);
function decodeCapabilities(value) {
  if (value.length < 4) return null;
  const view = new DataView(value.buffer, value.byteOffset, value.byteLength);
  const magic = view.getUint32(0, true);
  if (SIZES.get((magic & REVISION_MASK) >>> 0) !== value.length) return null;
  const words2 = value.length === 12 ? 1 : 2;
  const permitted = [];
  const inheritable = [];
  for (let w = 0; w < words2; w++) {
    const p = view.getUint32(4 + 8 * w, true);
    const i = view.getUint32(8 + 8 * w, true);
    for (let bit = 0; bit < 32; bit++) {
      if (p >>> bit & 1) permitted.push(capName(32 * w + bit));
      if (i >>> bit & 1) inheritable.push(capName(32 * w + bit));
    }
  }
  return { permitted, inheritable, effective: (magic & EFFECTIVE) !== 0 };
}
function describeCapabilities(caps) {
  const both = caps.permitted.filter((c) => caps.inheritable.includes(c));
  const permittedOnly = caps.permitted.filter((c) => !both.includes(c));
  const inheritableOnly = caps.inheritable.filter((c) => !both.includes(c));
  const e = caps.effective ? "e" : "";
  return [
    both.length ? `${both.join(",")}=${e}ip` : "",
    permittedOnly.length ? `${permittedOnly.join(",")}=${e}p` : "",
    inheritableOnly.length ? `${inheritableOnly.join(",")}=i` : ""
  ].filter(Boolean).join(" ");
}

// src/core/fs/node-compare.ts
var octal = (mode) => mode.toString(8).padStart(4, "0");
function differences(before, after) {
  const out = [];
  if (before.kind !== after.kind) {
    out.push(`${KIND_NAMES[before.kind]} became ${KIND_NAMES[after.kind]}`);
    return out;
  }
  if (before.mode !== after.mode) out.push(`mode ${octal(before.mode)} -> ${octal(after.mode)}`);
  if (before.uid !== after.uid || before.gid !== after.gid) out.push(`owner ${before.uid}:${before.gid} -> ${after.uid}:${after.gid}`);
  if (before.kind === 2 /* Symlink */ && before.link !== after.link) out.push(`link target ${before.link} -> ${after.link}`);
  if (before.kind === 0 /* File */) {
    if (before.size !== after.size) out.push(`content changed (size ${before.size} -> ${after.size})`);
    else if (before.contentTag !== after.contentTag) out.push("content changed");
    if (!sameBytes(before.capability, after.capability))
      out.push(`file capabilities ${capabilityText(before.capability)} -> ${capabilityText(after.capability)}`);
  }
  return out;
}
function sameBytes(a, b) {
  return a === b || a !== void 0 && b !== void 0 && a.equals(b);
}
function capabilityText(value) {
  if (value === void 0) return "none";
  const caps = decodeCapabilities(value);
  return caps ? describeCapabilities(caps) || "an empty set" : "an attribute Linux refuses";
}
function describeMode(mode) {
  const bits = [mode & 2048 ? "setuid" : "", mode & 1024 ? "setgid" : ""].filter(Boolean).join(" and ");
  return `${bits} (mode ${octal(mode)})`;
}

// src/core/rules/file-capabilities.ts
var fileCapabilities = {
  id: "file-capabilities",
  defaultSeverity: "warning",
  description: "Custom layers should not add or change files with file capabilities (setcap): running one gives any user its powers, as a setuid-root file does.",
  spec: "A file cannot be added whose owner is root and has permission setuid or setgid.",
  source: SOURCES.oldTraining,
  // Compared with the base wherever they are: a rewritten file keeps no capabilities it had.
  needs: () => ({ contentTag: (_path, file) => file.capability !== void 0 }),
  check(facts) {
    const out = [];
    facts.fs.eachFileWithCapabilities((node) => {
      if (facts.layers[node.layer]?.base) return;
      const before = facts.baseFs.get(node.path);
      if (before && differences(before, node).length === 0) return;
      const caps = decodeCapabilities(node.capability);
      if (caps && caps.permitted.length === 0 && caps.inheritable.length === 0) return;
      const problem = caps ? `has the file capabilities ${describeCapabilities(caps)}: whoever runs it gets them, as with a setuid-root file` : "has a security.capability attribute that Linux refuses (its revision and size do not match): Docker cannot unpack this layer";
      const how = node.link ? `a hard link to ${node.link}` : before ? "changed from the base image" : "added";
      out.push({
        message: `${node.path} ${problem}; it was ${how}. Remove them (setcap -r ${node.path}) and do what needs them at build time.`,
        path: node.path,
        layer: node.layer
      });
    });
    return out;
  }
};

// src/core/rules/image-size.ts
init_excerpt();
var ADVICE = "Keep data sets and model weights out of the image (read them from OBS at run time), and clean package caches in the same RUN step that creates them.";
var imageSize = {
  id: "image-size",
  defaultSeverity: "error",
  description: "The uncompressed image must not exceed 9.5 GB (old-version training) or 30 GB (new-version training, 15 GB recommended), and no layer may exceed 10 GB (SWR).",
  spec: "The size of a custom image cannot exceed 9.5 GB.",
  source: SOURCES.oldTraining,
  check(facts, settings) {
    const out = [];
    const total = facts.layers.reduce((sum, l) => sum + l.size, 0);
    const limit = total > settings.maxSize ? settings.maxSize : settings.recommendedSize !== void 0 && total > settings.recommendedSize ? settings.recommendedSize : void 0;
    if (limit !== void 0) {
      const over = limit === settings.maxSize ? `over the ${formatSize(limit)} limit` : `over the ${formatSize(limit)} Huawei recommends (the limit is ${formatSize(settings.maxSize)})`;
      out.push({
        ...limit !== settings.maxSize && { severity: "warning" },
        message: `The image is ${formatSize(total)} uncompressed, ${formatSize(total - limit)} ${over}. ${largest(facts)} ${ADVICE}`,
        layer: biggestCustomLayer(facts)?.index
      });
    }
    for (const layer of facts.layers) {
      if (layer.base || layer.size <= settings.maxLayerSize) continue;
      out.push({
        severity: "warning",
        message: `Layer ${layer.index + 1} is ${formatSize(layer.size)} uncompressed; SWR refuses layers over ${formatSize(settings.maxLayerSize)}, so pushing it fails. Split the step that makes it into smaller ones. ${ADVICE}`,
        layer: layer.index
      });
    }
    return out;
  }
};
function largest(facts) {
  const layers = [...facts.layers].sort((a, b) => b.size - a.size).slice(0, 3).map((l) => `layer ${l.index + 1}${l.base ? " (base)" : ""} ${formatSize(l.size)}${l.createdBy ? ` from ${shortInstruction(l.createdBy, 60)}` : ""}`);
  const files = largestCustomFiles(facts, 5).map((f) => `${f.path} ${formatSize(f.size)}`);
  return `Largest layers: ${layers.join("; ")}.` + (files.length ? ` Largest files added: ${files.join("; ")}.` : "");
}
function biggestCustomLayer(facts) {
  return [...facts.layers].filter((l) => !l.base).sort((a, b) => b.size - a.size)[0];
}

// src/core/rules/log-stdout.ts
init_excerpt();
var HARMLESS_TARGETS = /^(?:\/dev\/(?:null|stdout|stderr|tty|fd\/[12])|\/proc\/self\/fd\/[12])$/;
var LAUNCHERS2 = /^(?:exec\s+)?(?:\S*\/)?(?:python[\d.]*|torchrun|mpirun|horovodrun|deepspeed|accelerate|java|bash|sh|node|\.\/\S+)\b/;
function logRedirection(line) {
  for (const m of line.matchAll(/(?:^|[\s;|&(])(&|\d)?>>?\s*([^\s;|&)<>]+)/g)) {
    const target = m[2];
    if (target.startsWith("&") || HARMLESS_TARGETS.test(target)) continue;
    if (/log|\.out$|\.err$/i.test(target) || LAUNCHERS2.test(line)) return `output is redirected to the file ${target}`;
  }
  const tee = /\|\s*tee\b((?:\s+-\w+)*)\s+([^\s;|&>]+)/.exec(line);
  if (tee && !HARMLESS_TARGETS.test(tee[2])) return `tee copies the output into the file ${tee[2]}`;
  if (/(?:^|[\s;&|])nohup\s/.test(line) && !/>/.test(line)) return "nohup without a redirection writes the output to nohup.out";
  return null;
}
var logStdout = {
  id: "log-stdout",
  defaultSeverity: "warning",
  description: "The start-up command and the scripts it runs must log to stdout/stderr, not to files.",
  spec: "To ensure that the log content can be displayed normally, the logs must be standard output.",
  source: SOURCES.oldTraining,
  needs: () => ({ texts: [SHELL_SCRIPTS] }),
  check(facts) {
    const out = [];
    for (const t of startupTexts(facts)) {
      for (const { line, number } of commandLines(t.text)) {
        const why = logRedirection(line);
        if (!why) continue;
        const where = t.path ? `${t.path}:${number}` : t.label;
        out.push({
          message: `${where}: ${why} ("${excerpt(line, LINE_SHOWN)}"); ModelArts shows only what the job writes to stdout and stderr, so keep the output there.`,
          path: t.path,
          layer: t.layer,
          instruction: t.instruction
        });
      }
    }
    const boot = bootCommand(facts);
    const python = boot?.steps.find(runsPython);
    if (boot && python && !pythonUnbuffered(python, facts.config.config?.Env ?? [])) {
      out.push({
        severity: "notice",
        message: `The boot command (${boot.label}) runs Python ("${excerpt(python.words.join(" "), LINE_SHOWN)}") with its output buffered: when the job is stopped or killed, the last lines still in the buffer are lost from the log. Add ENV PYTHONUNBUFFERED=1 to the Dockerfile (as Huawei's sample does) or run python -u.`,
        instruction: boot.instruction
      });
    }
    return out;
  }
};

// src/core/rules/malicious-code.ts
var DETECTOR_IDS = new Set(MALWARE_DETECTORS.map((d) => d.id));
var maliciousCode = {
  id: "malicious-code",
  defaultSeverity: "error",
  description: "Files added by custom layers must not contain malware indicators (EICAR, reverse shells, crypto miners) or escape the image root.",
  spec: "Custom images cannot contain malicious code.",
  source: SOURCES.oldTraining,
  needs: () => ({ detectors: [...DETECTOR_IDS] }),
  check(facts) {
    const out = [];
    for (const layer of facts.layers) {
      if (layer.base) continue;
      for (const hit of layer.record.scanHits) {
        if (!DETECTOR_IDS.has(hit.detector) && hit.detector !== SCAN_BUDGET_DETECTOR) continue;
        out.push({ message: `${hit.path} contains ${hit.evidence}. Remove it from the image.`, path: hit.path, layer: layer.index });
      }
      for (const v of layer.record.clamd) {
        out.push({ message: `${v.path} is detected by ClamAV as ${v.signature}. Remove it from the image.`, path: v.path, layer: layer.index });
      }
      for (const u of layer.record.unsafe) {
        out.push({
          message: `The layer entry "${u.path}" was not applied: ${u.reason}. Real image builds never write such entries; the layer was crafted.`,
          path: u.path,
          layer: layer.index
        });
      }
    }
    for (const { layer, entry } of facts.fs.unsafe) {
      if (facts.layers[layer]?.base) continue;
      out.push({ message: `The layer entry ${entry.path} was not applied: ${entry.reason}.`, path: entry.path, layer });
    }
    return out;
  }
};

// src/core/rules/modelarts-tools.ts
var modelartsTools = {
  id: "modelarts-tools",
  defaultSeverity: "error",
  // The new-version training spec no longer names it, but changing system files still breaks images.
  severityIn: { current: "warning" },
  description: "The ModelArts tools in the user's home (run_train.sh, utils.sh, ip_mapper.py, dls-downloader.py) must stay as the base image has them.",
  spec: "Part of content in the basic images cannot be changed, including ... the ModelArts tools in $HOME.",
  source: SOURCES.oldTraining,
  needs(settings) {
    const tools = new Set(settings.modelartsTools);
    return { texts: [ACCOUNT_FILES], contentTag: (path) => tools.has(baseName(path)) };
  },
  check(facts, settings) {
    const home = readPasswd(facts.baseFs)?.find((p) => p.uid === settings.expectedUid)?.home || settings.expectedHome;
    const out = [];
    for (const tool of settings.modelartsTools) {
      const path = `${home.replace(/\/+$/, "")}/${tool}`;
      const before = facts.baseFs.resolve(path);
      if (!before) continue;
      const after = facts.fs.resolve(path);
      if (!after) {
        out.push({
          message: `The ModelArts tool ${path} from the base image was deleted; training jobs need it.`,
          path,
          layer: facts.fs.removedBy(path, facts.base.layerCount - 1)?.layer
        });
        continue;
      }
      const diff = differences(before, after);
      if (diff.length > 0) {
        out.push({
          message: `The ModelArts tool ${path} from the base image was changed (${diff.join(", ")}); keep it as the base image has it.`,
          path,
          layer: after.layer
        });
      }
    }
    return out;
  }
};

// src/core/rules/offline-deps.ts
init_excerpt();
var INSTALLERS = [
  [/\b(?:pip[\d.]*|python[\d.]*\s+-m\s+pip)\s+(?:install|download)\b(?!.*--no-index)/, "installs Python packages with pip"],
  [/\b(?:conda|mamba|micromamba)\s+(?:install|create|update|env\s+(?:create|update))\b/, "installs packages with conda"],
  [/\b(?:apt-get|apt|yum|dnf|zypper|apk)\s+(?:-\S+\s+)*(?:install|add)\b/, "installs system packages"],
  [/\b(?:npm\s+(?:install|i|ci)|yarn\s+(?:add|install))\b/, "installs Node.js packages"],
  [/\bgit\s+clone\b/, "clones a git repository"],
  [/\b(?:curl|wget)\b.*(?:https?|ftp):\/\/\S+?\.(?:whl|tar\.gz|tgz|tar\.bz2|tar\.xz|zip|deb|rpm|run|sh|jar|gem)\b/, "downloads a package"],
  [/\b(?:curl|wget)\b.*\|\s*(?:sudo\s+)?(?:ba)?sh\b/, "downloads and runs an installer"]
];
var offlineDeps = {
  id: "offline-deps",
  defaultSeverity: "warning",
  description: "The start-up command and its scripts must not install or download packages at run time.",
  spec: "Currently, the ModelArts backend does not support the download of open source installation packages. You are advised to install the dependency packages required for training in the custom image.",
  source: SOURCES.oldTraining,
  needs: () => ({ texts: [SHELL_SCRIPTS] }),
  check(facts) {
    const out = [];
    for (const t of startupTexts(facts)) {
      for (const { line, number } of commandLines(t.text)) {
        const hit = INSTALLERS.find(([re]) => re.test(line));
        if (!hit) continue;
        const where = t.path ? `${t.path}:${number}` : t.label;
        out.push({
          message: `${where} ${hit[1]} at run time ("${excerpt(line, LINE_SHOWN)}"); ModelArts jobs cannot download packages: install them in the image (a RUN step in the Dockerfile).`,
          path: t.path,
          layer: t.layer,
          instruction: t.instruction
        });
      }
    }
    return out;
  }
};

// src/core/rules/protected-etc.ts
var import_picomatch = __toESM(require_picomatch2());
var protectedEtc = {
  id: "protected-etc",
  defaultSeverity: "error",
  // The new-version training spec no longer names it, but changing system files still breaks images.
  severityIn: { current: "warning" },
  description: "Important /etc configuration (passwd, group, shadow, sudoers, pam.d, ld.so.preload, ...) must not be added, changed or deleted.",
  spec: "Part of content in the basic images cannot be changed, including ... some important configuration files in /etc.",
  source: SOURCES.oldTraining,
  needs(settings) {
    const dirs = outermost(["/etc", ...globBases(settings.protectedEtc)]);
    return { contentTag: (path) => dirs.some((dir) => isUnder(path, dir)) };
  },
  check(facts, settings) {
    const matches2 = (0, import_picomatch.default)(settings.protectedEtc, { dot: true });
    const prefixes = globBases(settings.protectedEtc);
    const common = prefixes.length === 0 ? "" : prefixes.reduce(commonPrefix);
    const relevant = (path) => path.startsWith(common) && prefixes.some((p) => path.startsWith(p)) && matches2(path);
    const out = [];
    const base = facts.base.layerCount;
    facts.baseFs.eachPath(relevant, (path) => {
      const writer = facts.fs.writtenBy(path);
      if (writer === void 0) {
        out.push({ message: `${path} from the base image was deleted; ModelArts needs it unchanged.`, path, layer: facts.fs.removedBy(path, base - 1)?.layer });
      } else if (writer >= base) {
        const diff = differences(facts.baseFs.get(path), facts.fs.get(path));
        if (diff.length > 0) {
          out.push({
            message: `${path} from the base image was changed (${diff.join(", ")}); ModelArts needs it unchanged. Use the base image's users and settings instead of editing it.`,
            path,
            layer: writer
          });
        }
      }
    });
    facts.fs.eachPath(relevant, (path) => {
      const writer = facts.fs.writtenBy(path);
      if (writer < base || facts.baseFs.writtenBy(path) !== void 0) return;
      if (facts.fs.get(path)?.kind === 1 /* Directory */) return;
      out.push({ message: `${path} was added; it is important system configuration that ModelArts does not allow custom images to add.`, path, layer: writer });
    });
    return out;
  }
};
function globBases(globs) {
  return [...new Set(globs.map((g) => import_picomatch.default.scan(g).base || "/"))];
}
function outermost(dirs) {
  return dirs.filter((d, i) => !dirs.some((other, j) => j !== i && isUnder(d, other) && (d !== other || j < i)));
}
function commonPrefix(a, b) {
  let i = 0;
  while (i < a.length && i < b.length && a[i] === b[i]) i++;
  return a.slice(0, i);
}

// src/core/rules/protected-path.ts
var protectedPath = {
  id: "protected-path",
  defaultSeverity: "error",
  // The new-version training spec no longer names it, but changing system files still breaks images.
  severityIn: { current: "warning" },
  description: "The base image's files in /bin, /sbin, /usr and /lib* must stay unchanged (new files are allowed).",
  spec: "Part of content in the basic images cannot be changed, including all the files in /bin, /sbin, /usr, and /lib(64).",
  source: SOURCES.oldTraining,
  needs: (settings) => ({ contentTag: (path) => settings.protectedPaths.some((dir) => isUnder(path, dir)) }),
  check(facts, settings) {
    const out = [];
    const removedGroups = /* @__PURE__ */ new Map();
    const base = facts.base.layerCount;
    const isProtected = (path) => settings.protectedPaths.some((dir) => isUnder(path, dir));
    facts.baseFs.eachPath(isProtected, (path) => {
      const writer = facts.fs.writtenBy(path);
      if (writer !== void 0 && writer < base) return;
      if (writer === void 0) {
        const removal = facts.fs.removedBy(path, base - 1);
        const key = removal ? `${removal.layer}\0${removal.path}\0${removal.how}` : `?\0${path}`;
        const group = removedGroups.get(key);
        if (group) group.count++;
        else removedGroups.set(key, { layer: removal?.layer ?? -1, count: 1, first: path });
        return;
      }
      const diff = differences(facts.baseFs.get(path), facts.fs.get(path));
      if (diff.length === 0) return;
      out.push({
        message: `${path} from the base image was modified (${diff.join(", ")}). Leave base files in protected directories as they are; install into /opt, /home or a new path instead.`,
        path,
        layer: writer
      });
    });
    for (const [key, g] of removedGroups) {
      const [, markerPath, how] = key.split("\0");
      const subject = g.count === 1 ? `${g.first} from the base image was` : `${g.count} base-image paths under ${markerPath} were`;
      const verb = how === "opaque" ? `hidden (the directory ${markerPath} was replaced)` : "deleted";
      out.push({
        message: `${subject} ${verb}. ModelArts rejects images that remove base files from protected directories; do not delete them.`,
        path: g.count === 1 ? g.first : markerPath,
        layer: g.layer >= 0 ? g.layer : void 0
      });
    }
    return out;
  }
};

// src/core/rules/secrets.ts
var CREDENTIAL_FILES = [
  { name: /\/\.netrc$/, holds: (text) => /\bpassword\s+\S+/.test(text) ? "a .netrc file with a password" : null },
  { name: /\/\.git-credentials$/, holds: (text) => /:\/\/[^:\s/]+:[^@\s]+@/.test(text) ? "git credentials" : null },
  { name: /\/\.docker\/config\.json$/, holds: dockerCredentials },
  { name: /(?:\/\.obsutilconfig|\/\.huaweicloud\/[^/]+|\/\.aws\/credentials)$/, holds: cloudCredentials }
];
var CREDENTIAL_FILE_TEXTS = { pattern: new RegExp(CREDENTIAL_FILES.map((f) => f.name.source).join("|")), maxBytes: 4 * 1024 * 1024 };
function dockerCredentials(text) {
  try {
    const auths = JSON.parse(text).auths ?? {};
    const hosts = Object.entries(auths).filter(([, a]) => a && (a.auth || a.identitytoken)).map(([h]) => h);
    return hosts.length ? `docker registry credentials for ${hosts.join(", ")}` : null;
  } catch {
    return null;
  }
}
function cloudCredentials(text) {
  const m = /^\s*(sk|secret_?access_?key|secretkey|aws_secret_access_key|token)\s*[=:]\s*["']?([^\s"']+)/im.exec(text);
  return m ? `cloud credentials (${m[1]}=${maskSecret(m[2], 0)})` : null;
}
function credentialFile(path, text) {
  return CREDENTIAL_FILES.find((f) => f.name.test(path))?.holds(text) ?? null;
}
var DETECTOR_IDS2 = new Set(CREDENTIAL_DETECTORS.map((d) => d.id));
var secrets = {
  id: "secrets",
  defaultSeverity: "error",
  description: "No credentials may be baked into custom layers, ENV, labels or build history.",
  spec: "Custom images cannot contain malicious code. (Credentials in an image leak to everyone who can pull it.)",
  source: SOURCES.oldTraining,
  needs: () => ({ texts: [CREDENTIAL_FILE_TEXTS], detectors: [...DETECTOR_IDS2] }),
  check(facts) {
    const out = [];
    for (const layer of facts.layers) {
      if (layer.base) continue;
      for (const hit of layer.record.scanHits) {
        if (DETECTOR_IDS2.has(hit.detector))
          out.push({
            message: `${hit.path} contains ${hit.evidence}. Remove it and rotate the credential; pass secrets at run time instead.`,
            path: hit.path,
            layer: layer.index
          });
      }
      const e = layer.record.entries;
      for (const [i, text] of e.texts) {
        const found = credentialFile(e.paths[i], text);
        if (found) out.push({ message: `${e.paths[i]} holds ${found}. Remove it and rotate the credential.`, path: e.paths[i], layer: layer.index });
      }
    }
    const raw = facts.rawConfig;
    const c = raw.config ?? {};
    const history = facts.config.history ?? [];
    const reported = /* @__PURE__ */ new Set();
    const settingFinding = (keyword, name, message) => {
      const at = lastSetting(history, keyword, name);
      if (at !== void 0) reported.add(at);
      return { message, instruction: at === void 0 ? void 0 : history[at].created_by };
    };
    for (const env of c.Env ?? []) {
      const name = env.split("=")[0];
      for (const found of credentialsIn(env))
        out.push(settingFinding("ENV", name, `The image environment sets ${found}. Pass credentials at run time, not with ENV.`));
    }
    for (const [key, value] of Object.entries(c.Labels ?? {})) {
      for (const found of credentialsIn(`${key}=${value}`)) out.push(settingFinding("LABEL", key, `The image label ${key} holds ${found}.`));
    }
    for (const [instruction, args] of [
      ["ENTRYPOINT", c.Entrypoint],
      ["CMD", c.Cmd]
    ]) {
      const at = lastSetting(history, instruction);
      for (const found of credentialsIn((args ?? []).join(" "))) {
        if (at !== void 0) reported.add(at);
        out.push({
          message: `The image's ${instruction} passes ${found}. Pass credentials at run time instead.`,
          instruction: at === void 0 ? void 0 : history[at].created_by
        });
      }
    }
    raw.history?.forEach((h, i) => {
      if (reported.has(i)) return;
      const by = typeof h?.created_by === "string" ? h.created_by : "";
      for (const found of credentialsIn(by)) {
        out.push({
          message: `Build step ${i + 1} recorded ${found} in the image history (build arguments and ENV are visible to anyone who pulls the image). Use build secrets (RUN --mount=type=secret) instead.`,
          instruction: history[i]?.created_by
        });
      }
    });
    return dedupe(out);
  }
};
function lastSetting(history, keyword, name) {
  const instruction = new RegExp(`^(?:/bin/sh -c #\\(nop\\)\\s+)?${keyword}\\s`);
  const setting = name === void 0 ? void 0 : new RegExp(`(?:^|\\s)${escapeRegExp(name)}[=\\s]`);
  for (let i = history.length - 1; i >= 0; i--) {
    const by = history[i]?.created_by;
    if (typeof by === "string" && instruction.test(by.trim()) && (!setting || setting.test(by.trim().replace(instruction, " ")))) return i;
  }
  return void 0;
}
var escapeRegExp = (text) => text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
function dedupe(findings) {
  const seen = /* @__PURE__ */ new Set();
  return findings.filter((f) => {
    const key = `${f.message}\0${f.path ?? ""}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

// src/core/rules/setuid-setgid.ts
var setuidSetgid = {
  id: "setuid-setgid",
  defaultSeverity: "error",
  description: "Custom layers must not add or change root-owned files with the setuid or setgid bit.",
  spec: "A file cannot be added whose owner is root and has permission setuid or setgid.",
  source: SOURCES.oldTraining,
  // Compared with the base wherever they are: a rewritten setuid file is a change.
  needs: () => ({ contentTag: (_path, file) => (file.mode & 3072) !== 0 }),
  check(facts) {
    const out = [];
    facts.fs.eachFileWithModeBits(3072, (node) => {
      if (node.uid !== 0) return;
      if (facts.layers[node.layer]?.base) return;
      const before = facts.baseFs.get(node.path);
      if (before && differences(before, node).length === 0) return;
      const how = node.link ? `a hard link to ${node.link}` : before ? `changed from the base image (${differences(before, node).join(", ")})` : "added";
      out.push({
        message: `${node.path} is owned by root and has the ${describeMode(node.mode)}; it was ${how}. Remove the bit (chmod u-s,g-s) or the file.`,
        path: node.path,
        layer: node.layer
      });
    });
    return out;
  }
};

// src/core/rules/index.ts
var RULES = [
  defaultUser,
  userAccess,
  setuidSetgid,
  fileCapabilities,
  protectedPath,
  protectedEtc,
  modelartsTools,
  gpuDriver,
  imageSize,
  baseImage,
  bootCommandRule,
  logStdout,
  offlineDeps,
  softwareVersionsRule,
  maliciousCode,
  secrets
];
function activeRules(settings) {
  return RULES.filter((rule) => settings.severities[rule.id] !== "off");
}
function streamNeeds(settings) {
  return activeRules(settings).flatMap((rule) => rule.needs ? [rule.needs(settings)] : []);
}
function runRules(facts, settings) {
  const findings = [];
  const waivers = settings.waivers.map((w) => ({ ...w, matches: w.path ? (0, import_picomatch2.default)(w.path, { dot: true }) : () => true }));
  for (const w of waivers) {
    if (w.expires && w.expires <= settings.today) {
      findings.push({
        rule: w.rule,
        severity: "notice",
        message: `The waiver for ${w.rule}${w.path ? ` on ${w.path}` : ""} ("${w.reason}") expired on ${w.expires} and no longer applies.`
      });
    }
  }
  for (const rule of activeRules(settings)) {
    const configured = settings.severities[rule.id];
    for (const raw of rule.check(facts, settings)) {
      const layer = raw.layer === void 0 ? void 0 : facts.layers[raw.layer];
      const finding = {
        rule: rule.id,
        severity: configured ?? raw.severity ?? rule.severityIn?.[settings.profile] ?? rule.defaultSeverity,
        message: raw.message,
        ...raw.path !== void 0 && { path: raw.path },
        ...layer && { layer: { index: layer.index, diffId: layer.diffId, ...layer.createdBy && { createdBy: layer.createdBy } } },
        ...(raw.instruction ?? layer?.createdBy) && { instruction: raw.instruction ?? layer?.createdBy }
      };
      const waiver = waivers.find(
        (w) => w.rule === rule.id && !(w.expires && w.expires <= settings.today) && (!w.path || raw.path !== void 0 && w.matches(raw.path))
      );
      if (waiver) finding.waived = { reason: waiver.reason, ...waiver.expires && { expires: waiver.expires } };
      findings.push(finding);
    }
  }
  return findings;
}

// src/core/stream-needs.ts
var CombinedNeeds = class {
  exact = /* @__PURE__ */ new Map();
  patterns = [];
  heads = [];
  taggers = [];
  detectors;
  /** The largest file any head test may keep: bigger ones need not wait for their first bytes. */
  maxHeadBytes;
  constructor(needs) {
    const texts = new Set(needs.flatMap((n) => n.texts ?? []));
    for (const t of texts) {
      for (const p of t.paths ?? []) this.exact.set(p, Math.max(this.exact.get(p) ?? 0, t.maxBytes));
      if (t.pattern) this.patterns.push({ pattern: t.pattern, maxBytes: t.maxBytes });
      if (t.head) this.heads.push({ head: t.head, maxBytes: t.maxBytes });
    }
    for (const n of needs) if (n.contentTag) this.taggers.push(n.contentTag);
    this.detectors = [...new Set(needs.flatMap((n) => n.detectors ?? []))];
    this.maxHeadBytes = Math.max(0, ...this.heads.map((h) => h.maxBytes));
  }
  /** The largest size at which a rule keeps the text of the file at `path`, judged by its path (0: none). */
  textLimitByPath(path) {
    let max = this.exact.get(path) ?? 0;
    for (const p of this.patterns) if (p.maxBytes > max && p.pattern.test(path)) max = p.maxBytes;
    return max;
  }
  /** Whether a rule keeps the text of a file of `size` bytes that starts with `head`. */
  keepsTextByHead(head, size) {
    return this.heads.some((h) => size <= h.maxBytes && h.head(head));
  }
  /** Whether a rule compares this file's content with the base image's. */
  needsContentTag(path, file) {
    for (const t of this.taggers) if (t(path, file)) return true;
    return false;
  }
};

// src/core/settings/profile.ts
function applyProfile(settings, facts) {
  if (settings.profileChoice !== "auto") {
    return { profile: { name: settings.profile, reason: "it was chosen in the settings (--profile, the profile input or the config file)" }, settings };
  }
  const profile = detectProfile(facts);
  return { profile, settings: profile.name === settings.profile ? settings : withProfile(settings, profile.name) };
}
function detectProfile(facts) {
  const hasBase = facts.base.layerCount > 0;
  const fs = hasBase ? facts.baseFs : facts.fs;
  const whose = hasBase ? "the base image" : "the image (no base image is known)";
  const users = readPasswd(fs) ?? [];
  const maUser = users.find((u) => u.name === "ma-user" && u.uid === 1e3 || u.home.replace(/\/+$/, "") === "/home/ma-user");
  if (maUser) return { name: "current", reason: `${whose} has the user ${maUser.name} (UID ${maUser.uid}, home ${maUser.home || "none"})` };
  const work = users.find((u) => u.name === "work" && u.uid === 1101);
  if (work) return { name: "legacy", reason: `${whose} has the user work (UID 1101)` };
  if (MODELARTS_TOOLS.some((tool) => fs.resolve(`/home/work/${tool}`))) return { name: "legacy", reason: `${whose} has the ModelArts tools in /home/work` };
  return { name: "legacy", reason: `${whose} has neither ma-user nor work: the published specification applies` };
}

// src/core/check-image.ts
async function checkImage(options) {
  const { settings } = options;
  const budget = new ReadBudget(settings.maxUncompressed);
  const clamd = options.clamd ? await ClamdClient.connect(options.clamd) : void 0;
  const needs = new CombinedNeeds(streamNeeds(settings));
  const scanWorkers = createScanWorkers(settings.scanLimit, needs.detectors, !options.image.layersVerified);
  try {
    return await checkWith(options, { needs, budget, scanWorkers, clamd, scanLimit: settings.scanLimit });
  } finally {
    clamd?.close();
    await scanWorkers.close();
  }
}
async function checkWith(options, walk) {
  const { settings } = options;
  const timings = [];
  const timed = async (phase, work) => {
    const start = performance.now();
    try {
      return await work();
    } finally {
      timings.push({ phase, ms: Math.round(performance.now() - start) });
    }
  };
  const given = options.base;
  const base = !given ? void 0 : "diffIds" in given ? knownBaseImage(given) : await timed("read base image", () => readImage(given, settings, { walk, walkLayers: false }));
  let bytes = 0;
  const onProgress = options.onProgress && ((n) => options.onProgress(bytes += n));
  const knownDigests = given && "diffIds" in given ? given.layerDigests ?? [] : [];
  const baseLayerDigests = base && new Set([...base.config.rootfs.diff_ids, ...base.blobs.map((b) => b.digest), ...knownDigests].filter(Boolean));
  const baseLayerPaths = base && new Set(base.blobs.map((b) => b.path).filter((p) => LEGACY_LAYER_PATH.test(p)));
  const baseDiffIds = base?.config.rootfs.diff_ids;
  const image = await timed(
    "read image",
    () => readImage(options.image, settings, { walk, walkLayers: true, onProgress, baseLayerDigests, baseLayerPaths, baseDiffIds })
  );
  await walk.scanWorkers.close();
  const facts = await timed("build filesystem", () => buildFacts(image, base, options));
  const { profile, settings: applied } = applyProfile(settings, facts);
  const findings = await timed("run rules", () => runRules(facts, applied));
  const scan = facts.layers.reduce(
    (s, l) => ({ truncatedFiles: s.truncatedFiles + l.record.scan.truncatedFiles, unscannedBytes: s.unscannedBytes + l.record.scan.unscannedBytes }),
    { truncatedFiles: 0, unscannedBytes: 0 }
  );
  return { facts, findings, scan, timings, profile, settings: applied, software: softwareVersions(facts) };
}
async function readImage(source, settings, opts) {
  const contents = await readArchive(source.open(), { ...opts, label: source.name });
  return resolveImage(contents, {
    platform: settings.platform,
    label: source.name,
    layersWalked: opts.walkLayers,
    layout: source.layout,
    layersVerified: source.layersVerified
  });
}
function knownBaseImage(base) {
  return { layout: "docker-archive", id: base.id, repoTags: [], config: { rootfs: { type: "layers", diff_ids: base.diffIds } }, layers: [], blobs: [] };
}
function buildFacts(image, base, options) {
  if (image.layers.length > MAX_LAYERS) {
    throw new ImageError(`${options.image.name} has ${image.layers.length} layers; Docker images have at most ${MAX_LAYERS}`);
  }
  const baseDiffIds = new Set(base?.config.rootfs.diff_ids);
  const records = image.layers.map((l, i) => {
    if (!l) throw new ImageError(`${options.image.name}: a layer was not read`);
    if (!l.contentScanned && !baseDiffIds.has(l.diffId)) {
      throw new ImageError(
        `layer ${i + 1} of ${options.image.name} is stored under the name of a base image layer but is not one (${l.diffId}): the archive was modified`
      );
    }
    return l;
  });
  const config = redactedConfig(image.config);
  const diffIds = image.config.rootfs.diff_ids;
  let baseCount;
  let matches2 = true;
  let guessed = false;
  let firstMismatch;
  if (base) {
    const baseIds = base.config.rootfs.diff_ids;
    firstMismatch = baseIds.findIndex((id, i) => diffIds[i] !== id);
    matches2 = firstMismatch === -1 && baseIds.length <= diffIds.length;
    if (firstMismatch === -1) firstMismatch = matches2 ? void 0 : diffIds.length;
    baseCount = matches2 ? baseIds.length : firstMismatch;
  } else {
    const guess = guessBaseLayerCount(config.history);
    guessed = guess !== void 0 && guess <= records.length;
    baseCount = guessed ? guess : 0;
  }
  const history = layerHistory(config.history, records.length);
  const built = Filesystem.buildWithBase(records, baseCount);
  const layers = records.map((record, index) => ({
    index,
    diffId: diffIds[index],
    size: record.size,
    compression: record.compression,
    ...history[index] !== void 0 && { createdBy: history[index] },
    base: index < baseCount,
    record
  }));
  return {
    reference: options.image.name,
    id: image.id,
    layout: options.image.transport ?? image.layout,
    // A save of an image ID names no tag: the daemon's tags for it then.
    repoTags: image.repoTags.length > 0 ? image.repoTags : options.image.repoTags ?? [],
    config,
    rawConfig: image.config,
    layers,
    base: {
      given: !!base,
      ...options.base && { reference: options.base.name },
      ...base && { id: base.id, givenLayerCount: base.config.rootfs.diff_ids.length },
      layerCount: baseCount,
      matches: matches2,
      guessed,
      ...firstMismatch !== void 0 && { firstMismatch }
    },
    fs: built.full,
    baseFs: built.base
  };
}

// src/cli/main.ts
init_errors();

// src/core/source/image-source.ts
var import_node_fs3 = require("node:fs");
var import_node_tty = require("node:tty");
init_errors();
function stdinSource() {
  if ((0, import_node_tty.isatty)(0)) throw new UsageError("standard input is a terminal: pipe an archive into it (docker save IMAGE | modelarts-image-check -)");
  return {
    name: "the archive on standard input",
    layout: "auto",
    open: () => ({ ...readDescriptor(0), cutShortHint: "standard input ended early: did the command writing it fail?" })
  };
}
function readDescriptor(fd) {
  return {
    async *[Symbol.asyncIterator]() {
      const buffer = Buffer.allocUnsafe(1024 * 1024);
      for (; ; ) {
        const bytesRead = await new Promise(
          (resolve3, reject) => (0, import_node_fs3.read)(fd, buffer, 0, buffer.length, null, (err, n) => err ? reject(err) : resolve3(n))
        ).catch(async (err) => {
          if (err.code === "EAGAIN") return new Promise((resolve3) => setTimeout(() => resolve3(-1), 10));
          throw new UsageError(`cannot read standard input: ${err.code ?? err.message}`);
        });
        if (bytesRead === -1) continue;
        if (bytesRead === 0) return;
        yield buffer.subarray(0, bytesRead);
      }
    }
  };
}
function archiveSource(spec) {
  let layout = "auto";
  let path = spec;
  const m = /^(docker-archive|oci-archive):(.*)$/.exec(spec);
  if (m) {
    layout = m[1];
    path = m[2];
  } else if (/^[a-z][a-z0-9-]*:(?!\/\/)/.test(spec) && !spec.includes("/") && !spec.includes(".")) {
    throw new UsageError(`unknown transport in "${spec}": use docker-archive:PATH, oci-archive:PATH or a path to an archive`);
  }
  if (path === "") throw new UsageError(`"${spec}" names no file`);
  let size;
  try {
    const st = (0, import_node_fs3.statSync)(path);
    if (!st.isFile()) throw new UsageError(`${path} is not a file: pass an image archive (docker save -o image.tar IMAGE)`);
    size = st.size;
  } catch (err) {
    if (err instanceof UsageError) throw err;
    const code = err.code;
    throw new UsageError(code === "ENOENT" ? `no such file: ${path}` : `cannot read ${path}: ${code ?? err.message}`);
  }
  return {
    name: `image archive ${path}`,
    layout,
    size,
    open: () => readChunks(path, size)
  };
}
function readChunks(path, size) {
  let position = 0;
  return {
    skip(n) {
      const skipped = Math.max(0, Math.min(n, size - position));
      position += skipped;
      return skipped;
    },
    async *[Symbol.asyncIterator]() {
      const fd = (0, import_node_fs3.openSync)(path, "r");
      try {
        const buffer = Buffer.allocUnsafe(1024 * 1024);
        for (; ; ) {
          const bytesRead = (0, import_node_fs3.readSync)(fd, buffer, 0, buffer.length, position);
          if (bytesRead === 0) return;
          position += bytesRead;
          yield buffer.subarray(0, bytesRead);
        }
      } finally {
        (0, import_node_fs3.closeSync)(fd);
      }
    }
  };
}

// src/core/settings/resolve-settings.ts
var import_node_fs5 = require("node:fs");
var import_node_path3 = require("node:path");

// src/core/settings/config-file.ts
var import_node_fs4 = require("node:fs");

// schema/modelarts-image-check.schema.json
var modelarts_image_check_schema_default = {
  $schema: "http://json-schema.org/draft-07/schema#",
  $id: "https://github.com/modelarts-image-check/modelarts-image-check/schema/modelarts-image-check.schema.json",
  title: ".modelarts-image-check.yml",
  description: "Configuration of modelarts-image-check: rule severities, protected paths and waivers.",
  type: "object",
  additionalProperties: false,
  properties: {
    profile: {
      enum: ["auto", "legacy", "current"],
      description: "auto (default): chosen from the base image's users (ma-user: current; work: legacy). legacy: old-version training, UID 1101, /home/work, 9.5 GB (the published spec). current: new-version training, ma-user, UID 1000, GID 100, 30 GB."
    },
    "expected-uid": {
      type: "integer",
      minimum: 0,
      description: "UID the default user must resolve to (overrides the profile)."
    },
    "max-size": {
      type: ["string", "integer"],
      description: "Largest allowed uncompressed image size: 9.5GB, 9.5GiB or bytes (default from the profile: 9.5GB legacy, 30GB current)."
    },
    "scan-limit": {
      type: ["string", "integer"],
      description: "Bytes of each file the content scan reads at most (default 64MiB)."
    },
    "max-uncompressed": {
      type: ["string", "integer"],
      description: "Stop reading after this many uncompressed bytes (default 4 x max-size): guards against decompression bombs."
    },
    platform: {
      type: "string",
      pattern: "^[a-z0-9]+/[a-z0-9_]+(/[a-z0-9]+)?$",
      description: "Platform to pick from a multi-platform OCI archive (default linux/amd64)."
    },
    arch: {
      enum: ["amd64", "arm64", "x86_64", "aarch64"],
      description: "The CPU architecture the image must be built for: amd64 (x86_64: CPU and GPU resource pools) or arm64 (aarch64: Ascend pools). Any when unset."
    },
    rules: {
      type: "object",
      description: "Severity per rule id: error, warning, notice or off.",
      propertyNames: {
        $ref: "#/$defs/ruleId"
      },
      additionalProperties: {
        enum: ["error", "warning", "notice", "off"]
      }
    },
    "protected-paths": {
      type: "array",
      items: {
        type: "string",
        pattern: "^/"
      },
      description: "Directories added to /bin, /sbin, /usr, /lib, /lib32, /lib64 and /libx32, whose base-image content must stay unchanged."
    },
    "protected-etc": {
      type: "array",
      items: {
        type: "string",
        pattern: "^/"
      },
      description: "Globs added to the important /etc files that must not be added, changed or deleted."
    },
    waivers: {
      type: "array",
      items: {
        type: "object",
        additionalProperties: false,
        required: ["rule", "reason"],
        properties: {
          rule: {
            $ref: "#/$defs/ruleId"
          },
          path: {
            type: "string",
            description: "Glob over absolute image paths, e.g. /opt/vendor/**."
          },
          reason: {
            type: "string",
            minLength: 1
          },
          expires: {
            type: "string",
            pattern: "^\\d{4}-\\d{2}-\\d{2}$",
            description: "YYYY-MM-DD: from this day on the waiver no longer applies."
          }
        }
      }
    }
  },
  $defs: {
    ruleId: {
      description: "A rule id (docs/rules/<id>.md).",
      enum: [
        "default-user",
        "user-access",
        "setuid-setgid",
        "file-capabilities",
        "protected-path",
        "protected-etc",
        "modelarts-tools",
        "gpu-driver",
        "image-size",
        "base-image",
        "boot-command",
        "log-stdout",
        "offline-deps",
        "software-versions",
        "malicious-code",
        "secrets"
      ]
    }
  }
};

// src/core/settings/config-file.ts
init_errors();
var RULE_IDS = new Set(modelarts_image_check_schema_default.$defs.ruleId.enum);
var CONFIG_FILE_NAMES = [".modelarts-image-check.yml", ".modelarts-image-check.yaml"];
var parsers = () => require("./config-parsers.js");
var validator;
var validate = (doc) => (validator ??= new (parsers()).Ajv({ allErrors: true, allowUnionTypes: true }).compile(modelarts_image_check_schema_default))(doc);
function readConfigFile(path) {
  let text;
  try {
    text = (0, import_node_fs4.readFileSync)(path, "utf8");
  } catch (err) {
    const code = err.code;
    if (code === "ENOENT") throw new UsageError(`no such config file: ${path}`);
    if (code === "EISDIR") throw new UsageError(`the config file ${path} is a directory`);
    throw new UsageError(`cannot read the config file ${path}: ${code ?? err.message}`);
  }
  return parseConfig(text, path);
}
function parseConfig(text, name) {
  let doc;
  try {
    doc = parsers().parseYaml(text) ?? {};
  } catch (err) {
    throw new UsageError(`${name} is not valid YAML: ${yamlProblem(err)}`);
  }
  if (!validate(doc)) {
    const problems = (validator.errors ?? []).flatMap((e) => {
      const where = e.instancePath ? e.instancePath.slice(1).replace(/\//g, ".") : "the top level";
      if (e.keyword === "propertyNames") return [];
      if (e.propertyName !== void 0) return [`${where}: unknown rule "${e.propertyName}"`];
      if (e.keyword === "additionalProperties") return [`${where}: unknown key "${e.params.additionalProperty}"`];
      if (e.keyword === "enum") return [`${where}: must be one of ${e.params.allowedValues.join(", ")}`];
      return [`${where}: ${e.message}`];
    });
    const unique = [...new Set(problems)];
    throw new UsageError(`${name} is not a valid configuration: ${unique.join("; ")}`);
  }
  const d = doc;
  const size = (key) => d[key] === void 0 ? void 0 : parseSize(String(d[key]), `${key} in ${name}`);
  return {
    profile: d.profile === void 0 ? void 0 : parseProfile(String(d.profile)),
    expectedUid: d["expected-uid"],
    maxSize: size("max-size"),
    scanLimit: size("scan-limit"),
    maxUncompressed: size("max-uncompressed"),
    platform: d.platform,
    arch: d.arch === void 0 ? void 0 : parseArch(String(d.arch), `arch in ${name}`),
    rules: d.rules ?? {},
    protectedPaths: d["protected-paths"] ?? [],
    protectedEtc: d["protected-etc"] ?? [],
    waivers: d.waivers ?? []
  };
}
function yamlProblem(err) {
  const first = err.message.split("\n")[0].replace(/\s*at line \d+, column \d+:?\s*$/, "").replace(/[.:]\s*$/, "");
  const at = err.linePos?.[0];
  return at ? `${first} (line ${at.line}, column ${at.col})` : first;
}

// src/core/settings/resolve-settings.ts
init_errors();
function resolveSettings(o) {
  const configPath = o.config || CONFIG_FILE_NAMES.map((name) => (0, import_node_path3.join)(o.cwd, name)).find((path) => (0, import_node_fs5.existsSync)(path));
  const file = configPath ? readConfigFile(configPath) : void 0;
  const choice = o.profile ? parseProfile(o.profile) : file?.profile ?? "auto";
  let s = defaultSettings(choice);
  const overrides = s.overrides;
  if (file) {
    if (file.expectedUid !== void 0) overrides.expectedUid = file.expectedUid;
    if (file.maxSize !== void 0) overrides.maxSize = file.maxSize;
    if (file.scanLimit !== void 0) s.scanLimit = file.scanLimit;
    if (file.platform !== void 0) s.platform = file.platform;
    if (file.arch !== void 0) s.arch = file.arch;
    s.severities = file.rules;
    s.protectedPaths.push(...file.protectedPaths);
    s.protectedEtc.push(...file.protectedEtc);
    s.waivers = file.waivers;
  }
  for (const id of o.ignore ?? []) {
    if (!RULE_IDS.has(id)) throw new UsageError(`--ignore ${id}: no such rule (the rules: ${[...RULE_IDS].join(", ")})`);
    s.severities = { ...s.severities, [id]: "off" };
  }
  if (o.expectedUid) overrides.expectedUid = parseUid(o.expectedUid);
  if (o.maxSize) overrides.maxSize = parseSize(o.maxSize, "max-size");
  if (o.arch) s.arch = parseArch(o.arch);
  if (o.scanLimit) s.scanLimit = parseSize(o.scanLimit, "scan-limit");
  if (o.platform) {
    if (!/^[a-z0-9]+\/[a-z0-9_]+(\/[a-z0-9]+)?$/.test(o.platform))
      throw new UsageError(`platform "${o.platform}" is not of the form os/arch[/variant], e.g. linux/amd64`);
    s.platform = o.platform;
  }
  s = withProfile(s, s.profile);
  const largest2 = overrides.maxSize ?? Math.max(...candidateProfiles(choice).map((p) => PROFILES[p].maxSize));
  s.maxUncompressed = o.maxUncompressed ? parseSize(o.maxUncompressed, "max-uncompressed") : file?.maxUncompressed ?? Math.max(4 * largest2, 1e9);
  return { settings: s, configPath };
}

// src/version.ts
var VERSION = "0.1.0";

// src/report/verdict.ts
var RANK = { notice: 1, warning: 2, error: 3 };
function parseFailOn(text) {
  if (text === "error" || text === "warning" || text === "notice" || text === "never") return text;
  throw new Error(`fail-on "${text}" is unknown: use error, warning, notice or never`);
}
function verdict(findings, failOn) {
  const active = findings.filter((f) => !f.waived);
  const count2 = (s) => active.filter((f) => f.severity === s).length;
  const failing = failOn === "never" ? [] : active.filter((f) => RANK[f.severity] >= RANK[failOn]);
  return {
    errors: count2("error"),
    warnings: count2("warning"),
    notices: count2("notice"),
    waived: findings.length - active.length,
    passed: failing.length === 0
  };
}

// src/report/json-report.ts
function headingId(image) {
  const id = image.id.slice(0, 19);
  return image.reference.includes(id) ? void 0 : id;
}
function profileLine(report) {
  return `${report.profile} profile (${PROFILES[report.profile].title}), because ${report.profileReason}`;
}
function findingCounts(s) {
  return `${count(s.errors, "error")}, ${count(s.warnings, "warning")}, ${count(s.notices, "notice")}${s.waived ? `, ${s.waived} waived` : ""}`;
}
var REPORT_SCHEMA_VERSION = 1;
function buildJsonReport(result, failOn, dockerfile) {
  const { facts, findings, settings } = result;
  const c = facts.config.config ?? {};
  const size = facts.layers.reduce((s, l) => s + l.size, 0);
  const lineOf = (instruction) => instruction && dockerfile ? dockerfile.lines.get(instruction) : void 0;
  return {
    schemaVersion: REPORT_SCHEMA_VERSION,
    tool: { name: "modelarts-image-check", version: VERSION },
    /** The ModelArts specification the image was judged by: legacy (old-version training) or current (new-version training). */
    profile: result.profile.name,
    profileReason: result.profile.reason,
    /** Versions found in the image (only what was found). */
    software: result.software,
    image: {
      reference: facts.reference,
      id: facts.id,
      layout: facts.layout,
      repoTags: facts.repoTags,
      platform: [facts.config.os, facts.config.architecture, facts.config.variant].filter(Boolean).join("/"),
      user: c.User ?? "",
      entrypoint: c.Entrypoint ?? null,
      cmd: c.Cmd ?? null,
      size,
      maxSize: settings.maxSize,
      files: facts.fs.size
    },
    base: {
      given: facts.base.given,
      reference: facts.base.reference ?? null,
      id: facts.base.id ?? null,
      // A given base's own layers, also when they are not the image's first ones (then matches is false).
      layers: facts.base.givenLayerCount ?? facts.base.layerCount,
      matches: facts.base.matches,
      guessed: facts.base.guessed
    },
    /** Rules the settings turned off (the config file's `rules`, or --ignore): not checked. */
    rulesOff: RULES.filter((r) => settings.severities[r.id] === "off").map((r) => r.id),
    findings: findings.map((f) => {
      const line = lineOf(f.instruction);
      return {
        rule: f.rule,
        severity: f.severity,
        message: f.message,
        ...f.path !== void 0 && { path: f.path },
        // Layers are numbered from 1, the bottom one, everywhere (text, SARIF, the job summary).
        ...f.layer && { layer: { number: f.layer.index + 1, diffId: f.layer.diffId, ...f.layer.createdBy && { createdBy: f.layer.createdBy } } },
        ...f.instruction && { instruction: f.instruction },
        ...line && dockerfile && { dockerfile: { path: dockerfile.path, line: line.line, endLine: line.endLine } },
        ...f.waived && { waived: f.waived }
      };
    }),
    layers: facts.layers.map((l) => ({
      number: l.index + 1,
      diffId: l.diffId,
      size: l.size,
      compression: l.compression,
      entries: l.record.entries.length,
      base: l.base,
      contentScanned: l.record.contentScanned,
      ...l.createdBy && { createdBy: l.createdBy }
    })),
    largestFiles: largestCustomFiles(facts, 10),
    scan: result.scan,
    timings: result.timings,
    summary: verdict(findings, failOn)
  };
}

// src/cli/progress.ts
var import_cli_progress = __toESM(require_cli_progress());
var LOG_INTERVAL_MS = 5e3;
var Progress = class {
  constructor(out, total) {
    this.out = out;
    this.total = total;
    if (out.isTTY) {
      this.bar = new import_cli_progress.SingleBar({
        stream: out,
        format: "checking [{bar}] {percentage}% | {done} of {size} | {rate}/s | ETA {eta_formatted}",
        hideCursor: true,
        clearOnComplete: true,
        etaBuffer: 50
      });
      this.bar.start(total ?? 0, 0, { done: "0 B", size: total ? formatSize(total) : "?", rate: "0 B" });
    }
  }
  out;
  total;
  bar;
  started = Date.now();
  lastLog = this.started;
  bytes = 0;
  update(bytes) {
    this.bytes = bytes;
    const elapsed = (Date.now() - this.started) / 1e3;
    const rate = elapsed > 0 ? formatSize(Math.round(bytes / elapsed)) : "0 B";
    if (this.bar) {
      this.bar.update(Math.min(bytes, this.total ?? bytes), { done: formatSize(bytes), rate });
      return;
    }
    const now = Date.now();
    if (now - this.lastLog < LOG_INTERVAL_MS) return;
    this.lastLog = now;
    const pct = this.total ? ` (${Math.min(100, Math.floor(100 * bytes / this.total))}%)` : "";
    this.out.write(`checking: ${formatSize(bytes)}${this.total ? ` of ${formatSize(this.total)}` : ""}${pct} read, ${rate}/s
`);
  }
  stop() {
    this.bar?.stop();
    if (!this.bar && Date.now() - this.started >= LOG_INTERVAL_MS) {
      this.out.write(`checking: ${formatSize(this.bytes)} read in ${((Date.now() - this.started) / 1e3).toFixed(1)} s
`);
    }
  }
};

// src/report/sarif-report.ts
var import_node_crypto6 = require("node:crypto");
init_excerpt();
init_byte_strings();
var LEVEL = { error: "error", warning: "warning", notice: "note" };
function sarifCategoryOf(reference) {
  if (/^(?:docker|oci)-archive:/.test(reference)) {
    return reference.slice(reference.indexOf(":") + 1).split("/").pop().replace(/\.(?:tar|tgz|tar\.gz|tar\.zst|oci)$/, "") || "modelarts-image-check";
  }
  if (reference.startsWith("sha256:") || /^[a-f0-9]{12,64}$/.test(reference) || reference === "") return "modelarts-image-check";
  return reference.replace(/^docker-daemon:/, "").replace(/@sha256:[a-f0-9]{64}$/, "").replace(/:[^/:]*$/, "");
}
var title = (id) => id.replace(/(^|-)(\w)/g, (_m, _d, ch) => ch.toUpperCase());
function buildSarif(report, options) {
  const ruleIndex = new Map(RULES.map((r, i) => [r.id, i]));
  return {
    $schema: "https://json.schemastore.org/sarif-2.1.0.json",
    version: "2.1.0",
    runs: [
      {
        tool: {
          driver: {
            name: "modelarts-image-check",
            semanticVersion: VERSION,
            informationUri: "https://github.com/modelarts-image-check/modelarts-image-check",
            rules: RULES.map((r) => ({
              id: r.id,
              name: title(r.id),
              shortDescription: { text: r.description },
              fullDescription: { text: `${r.description} ModelArts specification: "${r.spec}"` },
              help: {
                text: `${r.description}
ModelArts specification: ${r.spec}
See ${docsUrl(r.id)}`,
                markdown: `${r.description}

> ${r.spec}

[Rule documentation](${docsUrl(r.id)})`
              },
              helpUri: docsUrl(r.id),
              defaultConfiguration: { level: LEVEL[r.defaultSeverity] },
              properties: { tags: ["container", "modelarts", r.id === "secrets" || r.id === "malicious-code" ? "security" : "compliance"], precision: "high" }
            }))
          }
        },
        automationDetails: { id: `modelarts-image-check/${options.category}/` },
        results: report.findings.filter((f) => ruleIndex.has(f.rule)).map((f) => {
          const ins = f.instruction ? options.lines.get(f.instruction) : void 0;
          const where = [f.path, f.layer ? `layer ${f.layer.number}` : ""].filter(Boolean).join(", ");
          return {
            ruleId: f.rule,
            ruleIndex: ruleIndex.get(f.rule),
            level: LEVEL[f.severity],
            message: { text: escapeUndecodable(where ? `${f.message} (${where})` : f.message) },
            locations: [
              {
                physicalLocation: {
                  artifactLocation: { uri: options.dockerfile },
                  region: ins ? { startLine: ins.line, endLine: ins.endLine } : { startLine: 1 }
                }
              }
            ],
            // Stable across builds: the rule, the path and the Dockerfile line (or the instruction as written).
            partialFingerprints: {
              "modelartsImageCheck/v1": (0, import_node_crypto6.createHash)("sha256").update(encodeBytes(`${f.rule}\0${f.path ?? ""}\0${ins ? `line ${ins.line}` : f.instruction ? shortInstruction(f.instruction, 1e3) : ""}`)).digest("hex").slice(0, 32)
            },
            ...f.waived && { suppressions: [{ kind: "external", justification: f.waived.reason }] }
          };
        })
      }
    ]
  };
}

// src/report/text-report.ts
init_excerpt();
init_errors();
var COLORS = { error: "\x1B[31m", warning: "\x1B[33m", notice: "\x1B[36m", bold: "\x1B[1m", dim: "\x1B[2m", green: "\x1B[32m", reset: "\x1B[0m" };
function renderText(report, color) {
  const c = (name, s2) => color ? COLORS[name] + s2 + COLORS.reset : s2;
  const lines = [];
  const img = report.image;
  const id = headingId(img);
  lines.push(
    c("bold", `${img.reference}`) + c("dim", ` (${id ? `${id}, ` : ""}${count(report.layers.length, "layer")}, ${formatSize(img.size)} of ${formatSize(img.maxSize)})`)
  );
  if (report.base.given)
    lines.push(`base: ${report.base.reference} (${count(report.base.layers, "layer")}${report.base.matches ? "" : ", NOT a prefix of the image"})`);
  else lines.push(`base: not given; ${report.base.guessed ? `guessed as ${theFirst(report.base.layers, "layer")} from the history` : "could not be guessed"}`);
  lines.push(`judged by the ${profileLine(report)}`);
  if (report.rulesOff.length > 0) lines.push(`rules turned off: ${report.rulesOff.join(", ")}`);
  for (const rule of RULES) {
    const found = report.findings.filter((f) => f.rule === rule.id);
    if (found.length === 0) continue;
    lines.push("");
    lines.push(c("bold", `${rule.id}`) + c("dim", ` - ${rule.description} ${docsUrl(rule.id)}`));
    for (const f of found) {
      const tag = f.waived ? c("dim", "waived ") : c(f.severity, f.severity.padEnd(7) + " ");
      lines.push(`  ${tag} ${escapeControl(f.message)}`);
      const where = [f.layer ? `layer ${f.layer.number}` : "", f.instruction ? shortInstruction(f.instruction, 100) : ""].filter(Boolean).join(": ");
      if (where) lines.push(c("dim", `           ${escapeControl(where)}`));
      if (f.dockerfile) lines.push(c("dim", `           ${escapeControl(f.dockerfile.path)}:${f.dockerfile.line}`));
      if (f.waived) lines.push(c("dim", `           waived: ${f.waived.reason}${f.waived.expires ? ` (until ${f.waived.expires})` : ""}`));
    }
  }
  if (report.scan.truncatedFiles > 0) {
    lines.push("");
    lines.push(
      c(
        "dim",
        `${count(report.scan.truncatedFiles, "file")} ${was(report.scan.truncatedFiles)} scanned only in part (${formatSize(report.scan.unscannedBytes)} not scanned; large files are scanned up to --scan-limit).`
      )
    );
  }
  const s = report.summary;
  lines.push("");
  const counts = findingCounts(s);
  lines.push(
    s.passed ? c("green", `PASSED: ModelArts should accept this image (${counts}).`) : c("error", `FAILED: ModelArts would reject this image (${counts}).`)
  );
  return lines.join("\n") + "\n";
}

// src/dockerfile/dockerfile-lines.ts
var import_node_fs6 = require("node:fs");
var import_node_path4 = require("node:path");

// src/dockerfile/dockerfile-map.ts
var HEREDOC_KEYWORDS = /* @__PURE__ */ new Set(["RUN", "COPY", "ADD"]);
var HEREDOC = /^\d*<<(-?)(["']?)([^<"'\s]+)\2$/;
function parseDockerfile(text) {
  const lines = text.split(/\r?\n/);
  let escape = "\\";
  const directive = /^#\s*escape\s*=\s*([`\\])\s*$/i;
  for (const l of lines) {
    const m = directive.exec(l);
    if (m) escape = m[1];
    else if (!/^#\s*\w+\s*=/.test(l)) break;
  }
  const out = [];
  for (let i = 0; i < lines.length; i++) {
    const first = lines[i].trim();
    if (first === "" || first.startsWith("#")) continue;
    const start = i;
    let joined = lines[i];
    while (joined.trimEnd().endsWith(escape) && i + 1 < lines.length) {
      joined = joined.trimEnd().slice(0, -1);
      i++;
      while (i < lines.length && /^\s*(#|$)/.test(lines[i]) && i + 1 < lines.length) i++;
      joined += " " + lines[i].trim();
    }
    const m = /^\s*([A-Za-z]+)\s*(.*)$/s.exec(joined);
    if (!m) continue;
    const keyword = m[1].toUpperCase();
    const instruction = { keyword, args: m[2].trim(), line: start + 1, endLine: i + 1 };
    const opened = HEREDOC_KEYWORDS.has(keyword) ? heredocsOpened(instruction.args) : [];
    if (opened.length > 0) {
      instruction.heredocs = opened.map(([, dash, , name]) => {
        const chomp = dash === "-";
        let body = "";
        while (i + 1 < lines.length && (chomp ? lines[i + 1].replace(/^\t+/, "") : lines[i + 1]) !== name) body += lines[++i] + "\n";
        if (i + 1 < lines.length) i++;
        return { name, body, chomp };
      });
      instruction.endLine = i + 1;
    }
    out.push(instruction);
  }
  let lastFrom = -1;
  out.forEach((ins, k) => {
    if (ins.keyword === "FROM") lastFrom = k;
  });
  return out.slice(lastFrom + 1);
}
var squash = (s) => s.replace(/\s+/g, " ").trim();
function commandKey(args) {
  const t = args.trim();
  if (t.startsWith("[")) {
    try {
      const arr = JSON.parse(t);
      if (Array.isArray(arr)) return JSON.stringify(arr.map(String));
    } catch {
      const parts = [...t.matchAll(/"((?:[^"\\]|\\.)*)"/g)].map((m) => m[1].replace(/\\(.)/g, "$1"));
      if (parts.length) return JSON.stringify(parts);
    }
  }
  return JSON.stringify(["/bin/sh", "-c", t]);
}
function fromDockerfile(original) {
  const ins = { ...original, args: redactSecrets(original.args) };
  const k = ins.keyword;
  if (k === "RUN") {
    const body = ins.args.replace(/^(?:--\S+\s+)*/, "");
    if (original.heredocs) return { keyword: k, key: squash(redactSecrets(heredocCommand(body, original.heredocs))) };
    if (!body.trim().startsWith("[")) return { keyword: k, key: squash(body) };
    const key = commandKey(body);
    const [shell, flag, command, ...more] = JSON.parse(key);
    return { keyword: k, key: shell === "/bin/sh" && flag === "-c" && command !== void 0 && more.length === 0 ? squash(command) : key };
  }
  if (k === "CMD" || k === "ENTRYPOINT") return { keyword: k, key: commandKey(ins.args) };
  if (k === "COPY" || k === "ADD") return { keyword: k, key: copyKey(ins.args) };
  if (k === "ENV" || k === "LABEL") {
    const all = words(original.args);
    const keys = all.length > 0 && !all[0].value.includes("=") ? [all[0].value] : all.filter((w) => w.value.includes("=")).map((w) => w.value.split("=")[0]);
    return { keyword: k, key: keys.join(" ") };
  }
  return { keyword: k, key: squash(ins.args) };
}
function heredocCommand(command, heredocs) {
  const only = heredocs.length === 1 && HEREDOC.test(command.trim());
  if (only) {
    const [doc] = heredocs;
    const script = doc.chomp ? doc.body.replace(/^\t+/gm, "") : doc.body;
    return script.startsWith("#!") ? `/dev/pipes/${doc.name}` : script;
  }
  return command + heredocs.map((doc) => `
${doc.body}${doc.name}`).join("");
}
function copyKey(args) {
  const all = words(args);
  const flags = /* @__PURE__ */ new Map();
  while (all.length > 0 && all[0].raw.startsWith("--")) {
    const flag = all.shift().value;
    flags.set(flag.replace(/=.*$/, ""), flag);
  }
  let paths = all.map((w) => w.value);
  if (all.length === 1 && all[0].raw.startsWith("[")) {
    try {
      paths = JSON.parse(all[0].raw).map(String);
    } catch {
    }
  }
  const docs = heredocsOpened(args).map(([, , , name]) => `<<${name}`);
  const sources = paths.slice(0, -1).filter((p) => !HEREDOC.test(p));
  const kept = ["--parents", "--chown", "--chmod"].flatMap((f) => flags.get(f) ?? []);
  return squash([...kept, ...sources, ...docs, ...paths.slice(-1)].join(" "));
}
function heredocsOpened(args) {
  return words(args).flatMap((w) => {
    const m = HEREDOC.exec(w.raw);
    return m ? [m] : [];
  });
}
function words(text) {
  const out = [];
  let raw = "";
  let value = "";
  let quote2 = "";
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (!quote2 && /\s/.test(c)) {
      if (raw) out.push({ raw, value });
      raw = value = "";
      continue;
    }
    raw += c;
    if (c === quote2) quote2 = "";
    else if (!quote2 && (c === '"' || c === "'")) quote2 = c;
    else if (c === "\\" && quote2 !== "'" && i + 1 < text.length) {
      i++;
      raw += text[i];
      value += text[i];
    } else value += c;
  }
  if (raw) out.push({ raw, value });
  return out;
}
function fromHistory(createdBy) {
  let s = createdBy.trim().replace(/\s*# buildkit$/, "");
  const nop = /^\/bin\/sh -c #\(nop\)\s+(\w+)\s*(.*)$/s.exec(s);
  if (nop) {
    const keyword = nop[1].toUpperCase();
    const rest = nop[2];
    if (keyword === "CMD" || keyword === "ENTRYPOINT") return { keyword, key: commandKey(rest) };
    if (keyword === "ENV" || keyword === "LABEL") return { keyword, key: historyKeys(rest) };
    return { keyword, key: squash(rest) };
  }
  const kw = /^([A-Z]+)\s+(.*)$/s.exec(s);
  if (kw && kw[1] !== "RUN") {
    const keyword = kw[1];
    if (keyword === "CMD" || keyword === "ENTRYPOINT") return { keyword, key: commandKey(kw[2]) };
    if (keyword === "ENV" || keyword === "LABEL") return { keyword, key: historyKeys(kw[2]) };
    return { keyword, key: squash(kw[2]) };
  }
  if (kw) s = kw[2];
  if (/^\|\d+\s/.test(s)) {
    const shellAt = s.indexOf(" /bin/sh -c ");
    s = shellAt >= 0 ? s.slice(shellAt + 1) : s.replace(/^\|\d+\s+(?:\S+=(?:"[^"]*"|\S*)\s+)*/, "");
  }
  const shell = /^\/bin\/sh -c (.*)$/s.exec(s);
  if (shell) return { keyword: "RUN", key: squash(shell[1]) };
  return s ? { keyword: "RUN", key: commandKey(s.startsWith("[") ? s : JSON.stringify(s.split(/\s+/))) } : null;
}
function historyKeys(pairs) {
  return [...pairs.matchAll(/(?:^|\s)([^\s=]+)=/g)].map((m) => m[1]).join(" ");
}
function matches(h, d) {
  if (h.keyword !== d.keyword) return false;
  if (h.key === d.key) return true;
  if (h.keyword === "ENV" || h.keyword === "LABEL") {
    const recorded = h.key.split(" ");
    const written = d.key.split(" ");
    let at = 0;
    for (const key of written) {
      const found = recorded.indexOf(key, at);
      if (found === -1) return false;
      at = found + 1;
    }
    return written[0] === recorded[0];
  }
  if (h.keyword === "COPY" || h.keyword === "ADD") {
    const classic = /^(?:--chown=\S*?)?(?:file|dir|multi):[0-9a-f]+ in (.*)$/.exec(h.key);
    if (classic) return lastWord(d.key) === classic[1].trim() || lastWord(d.key).replace(/\/$/, "") === classic[1].trim().replace(/\/$/, "");
  }
  return false;
}
function lastWord(s) {
  const words2 = s.split(" ");
  return words2[words2.length - 1];
}
function mapHistoryToDockerfile(instructions, createdBy) {
  const normalized = instructions.map(fromDockerfile);
  const out = /* @__PURE__ */ new Map();
  let j = instructions.length - 1;
  for (let i = createdBy.length - 1; i >= 0 && j >= 0; i--) {
    const by = createdBy[i];
    if (!by) continue;
    const h = fromHistory(by);
    if (!h) continue;
    for (let k = j; k >= 0; k--) {
      if (matches(h, normalized[k])) {
        if (!out.has(by)) out.set(by, instructions[k]);
        j = k - 1;
        break;
      }
    }
  }
  return out;
}

// src/dockerfile/dockerfile-lines.ts
function dockerfileLines(path, root, history) {
  const file = (0, import_node_path4.resolve)(root, path ?? "Dockerfile");
  if (!(0, import_node_fs6.existsSync)(file)) return { lines: /* @__PURE__ */ new Map(), missing: path !== void 0 };
  const rel = (0, import_node_path4.relative)(root, file);
  const dockerfile = (0, import_node_path4.isAbsolute)(rel) || rel.startsWith("..") ? file : rel.split("\\").join("/");
  const createdBy = (history ?? []).map((h) => h?.created_by);
  return { dockerfile, lines: mapHistoryToDockerfile(parseDockerfile((0, import_node_fs6.readFileSync)(file, "utf8")), createdBy), missing: false };
}

// src/registry/registry-access.ts
init_registry_auth();

// src/registry/registry-client.ts
var import_node_crypto7 = require("node:crypto");
var http = __toESM(require("node:http"));
var https = __toESM(require("node:https"));
init_errors();
var import_node_net3 = require("node:net");
init_http_get_stream();

// src/registry/registry-reference.ts
init_errors();
var TRANSPORT = "docker://";
var COMPONENT = "[a-z0-9]+(?:(?:[._]|__|-+)[a-z0-9]+)*";
var REPOSITORY = new RegExp(`^${COMPONENT}(?:/${COMPONENT})*$`);
var HOST = /^(?:[a-zA-Z0-9](?:[a-zA-Z0-9-]*[a-zA-Z0-9])?(?:\.[a-zA-Z0-9](?:[a-zA-Z0-9-]*[a-zA-Z0-9])?)*|\[[0-9a-fA-F:]+\])(?::\d{1,5})?$/;
var TAG2 = /^[\w][\w.-]{0,127}$/;
function isRegistryReference(text) {
  return text.startsWith(TRANSPORT);
}
function parseRegistryReference(text) {
  if (!isRegistryReference(text)) throw new UsageError(`"${text}" is not a docker:// reference`);
  const rest = text.slice(TRANSPORT.length);
  const bad = (why) => new UsageError(`"${text}" is not an image reference (${why}): write docker://HOST[:PORT]/NAME[:TAG][@sha256:DIGEST]`);
  const at = rest.indexOf("@");
  const digest = at === -1 ? void 0 : rest.slice(at + 1);
  let name = at === -1 ? rest : rest.slice(0, at);
  if (digest !== void 0 && !SHA256_DIGEST.test(digest)) throw bad("the digest is not sha256:<64 hex digits>");
  let tag;
  const colon = name.lastIndexOf(":");
  if (colon > name.lastIndexOf("/")) {
    tag = name.slice(colon + 1);
    name = name.slice(0, colon);
    if (!TAG2.test(tag)) throw bad(`the tag "${tag}" is not valid`);
  }
  const slash = name.indexOf("/");
  const first = slash === -1 ? "" : name.slice(0, slash);
  const hasHost = first.includes(".") || first.includes(":") || first === "localhost" || first.startsWith("[");
  let registry = hasHost ? first : "docker.io";
  let repository = hasHost ? name.slice(slash + 1) : name;
  if (hasHost && !HOST.test(registry)) throw bad(`"${registry}" is not a host`);
  if (registry === "index.docker.io" || registry === "registry-1.docker.io") registry = "docker.io";
  if (registry === "docker.io" && !repository.includes("/")) repository = `library/${repository}`;
  if (!REPOSITORY.test(repository)) throw bad(`"${repository}" is not a repository name (lowercase letters, digits, and . _ - / between them)`);
  return {
    registry,
    host: registry === "docker.io" ? "registry-1.docker.io" : registry,
    repository,
    ...digest ? { digest } : { tag: tag ?? "latest" },
    ...digest && tag ? { tag } : {}
  };
}
function formatRegistryReference(ref) {
  return `${TRANSPORT}${ref.registry}/${ref.repository}${ref.tag ? `:${ref.tag}` : ""}${ref.digest ? `@${ref.digest}` : ""}`;
}
function isLoopbackRegistry(host) {
  const name = host.replace(/:\d+$/, "").replace(/^\[|\]$/g, "");
  return name === "localhost" || /^127\.\d+\.\d+\.\d+$/.test(name) || name === "::1";
}

// src/registry/registry-client.ts
var MANIFEST_TYPES = [
  "application/vnd.oci.image.manifest.v1+json",
  "application/vnd.oci.image.index.v1+json",
  "application/vnd.docker.distribution.manifest.v2+json",
  "application/vnd.docker.distribution.manifest.list.v2+json"
];
var MAX_MANIFEST = 4 * 1024 * 1024;
var MAX_REDIRECTS = 5;
var MAX_RESUMES = 5;
var RegistryClient = class {
  constructor(host, options = {}) {
    this.host = host;
    this.options = options;
    this.attempts = options.attempts ?? 4;
    this.backoffMs = options.backoffMs ?? 1e3;
    this.maxWaitMs = options.maxWaitMs ?? 6e4;
    this.timeoutMs = options.timeoutMs ?? 6e4;
  }
  host;
  options;
  /** Requests sent, tries and token requests included (the bench counts them). */
  requests = 0;
  scheme = "https";
  schemeSettled = false;
  challenge;
  tokens = /* @__PURE__ */ new Map();
  /** The identity token as the token server last rotated it. */
  refreshToken;
  agents = { http: new http.Agent({ keepAlive: true }), https: new https.Agent({ keepAlive: true }) };
  attempts;
  backoffMs;
  maxWaitMs;
  timeoutMs;
  /** Whether TLS may go unverified and HTTP be used for `host`. */
  insecure(host) {
    return isLoopbackRegistry(host) || (this.options.insecureHosts ?? []).some((h) => h.toLowerCase() === host.toLowerCase());
  }
  close() {
    this.agents.http.destroy();
    this.agents.https.destroy();
  }
  /** A manifest or index, read whole (they are small), checked against a digest it is asked by or its registry names. */
  async manifest(repository, reference, what) {
    const res = await this.request({
      method: "GET",
      path: `/v2/${repository}/manifests/${reference}`,
      scopes: [`repository:${repository}:pull`],
      headers: { Accept: MANIFEST_TYPES.join(", ") },
      what
    });
    if (res.status !== 200) throw await statusError(res, what);
    const bytes = await readBody(res.body, MAX_MANIFEST, what);
    const digest = `sha256:${(0, import_node_crypto7.createHash)("sha256").update(bytes).digest("hex")}`;
    if (reference.startsWith("sha256:") && digest !== reference) {
      throw new ImageError(`${what}: the registry answered with a manifest whose digest is ${digest}, not ${reference}`);
    }
    const named = res.headers["docker-content-digest"];
    if (typeof named === "string" && named.startsWith("sha256:") && named !== digest) {
      throw new ImageError(`${what}: the manifest does not match the digest its registry gives (${named}; its content is ${digest})`);
    }
    let mediaType = String(res.headers["content-type"] ?? "").split(";")[0].trim();
    try {
      mediaType = JSON.parse(bytes.toString("utf8")).mediaType ?? mediaType;
    } catch {
      throw new ImageError(`${what}: the manifest is not JSON`);
    }
    return { bytes, mediaType, digest };
  }
  /** A small blob (an image config), read whole and checked against its digest. */
  async smallBlob(repository, digest, maxBytes, what) {
    const chunks = [];
    let size = 0;
    for await (const chunk of this.blob(repository, digest, void 0, what)) {
      size += chunk.length;
      if (size > maxBytes) throw new ImageError(`${what} is larger than ${maxBytes} bytes`);
      chunks.push(Buffer.from(chunk));
    }
    const bytes = Buffer.concat(chunks);
    const actual = `sha256:${(0, import_node_crypto7.createHash)("sha256").update(bytes).digest("hex")}`;
    if (actual !== digest)
      throw new ImageError(`${what} does not match its digest (content is ${actual}): the registry's copy is damaged or was tampered with`);
    return bytes;
  }
  /**
   * A blob's bytes as they arrive. A connection that breaks mid-stream is resumed where it
   * stopped (Range), or the blob is fetched again and the bytes already handed on skipped.
   * The bytes are not checked here: the archive reader hashes every blob against its name.
   */
  async *blob(repository, digest, size, what) {
    let received = 0;
    if (this.schemeSettled) {
      try {
        for await (const chunk of this.rawBlob(repository, digest)) {
          received += chunk.length;
          yield chunk;
        }
        if (size === void 0 || received >= size) return;
      } catch (err) {
        if (err instanceof HttpStatusError && (err.status === 429 || err.status >= 500)) await this.wait(1, void 0, what, `HTTP ${err.status}`);
        else if (received > 0) this.options.log?.warning(`${what}: the connection broke after ${received} bytes (${describe2(err)}); resuming`);
      }
    }
    for (let resumes = 0; ; resumes++) {
      const res = await this.request({
        method: "GET",
        path: `/v2/${repository}/blobs/${digest}`,
        scopes: [`repository:${repository}:pull`],
        headers: received > 0 ? { Range: `bytes=${received}-` } : {},
        what
      });
      let skip = 0;
      if (res.status === 206 && received > 0) {
        const from = /^bytes (\d+)-/.exec(String(res.headers["content-range"] ?? ""));
        if (!from || Number(from[1]) !== received) {
          res.body.resume();
          throw new ImageError(`${what}: the registry resumed the blob at another place than asked (${res.headers["content-range"] ?? "no Content-Range"})`);
        }
      } else if (res.status === 200) skip = received;
      else throw await statusError(res, what);
      try {
        for await (const chunk of res.body) {
          if (skip >= chunk.length) {
            skip -= chunk.length;
            continue;
          }
          const part = skip > 0 ? chunk.subarray(skip) : chunk;
          skip = 0;
          received += part.length;
          yield part;
        }
        if (skip > 0 || size !== void 0 && received < size) throw Object.assign(new Error("the connection closed early"), { code: "ECONNRESET" });
        return;
      } catch (err) {
        if (resumes >= MAX_RESUMES || !isTransient(err)) throw new ImageError(`${what}: ${describe2(err)} after ${received} bytes`);
        this.options.log?.warning(`${what}: the connection broke after ${received} bytes (${describe2(err)}); resuming`);
      }
    }
  }
  /** A blob's body as net/http-get-stream.ts reads it (reused buffers); any status but 200 is an HttpStatusError. */
  async *rawBlob(repository, digest) {
    const scopes = [`repository:${repository}:pull`];
    const auth = await this.authorization(scopes, `the blob ${digest}`);
    const url = new URL(`/v2/${repository}/blobs/${digest}`, `${this.scheme}://${this.host}`);
    const host = url.hostname.replace(/^\[|\]$/g, "");
    const tls = url.protocol === "https:" ? { ...(0, import_node_net3.isIP)(host) ? {} : { servername: host }, rejectUnauthorized: !this.insecure(this.host) } : void 0;
    this.requests++;
    yield* httpGetChunks({
      connect: { host, port: Number(url.port) || (tls ? 443 : 80), ...tls && { tls } },
      path: url.pathname,
      host: url.host,
      headers: auth ? { Authorization: auth } : {},
      stallMs: this.timeoutMs,
      peer: "the registry"
    });
  }
  /** Whether the repository has the blob (HEAD). */
  async hasBlob(repository, digest, scopes, what) {
    const res = await this.request({ method: "HEAD", path: `/v2/${repository}/blobs/${digest}`, scopes, what });
    res.body.resume();
    if (res.status === 200) return true;
    if (res.status === 404) return false;
    throw await statusError(res, what);
  }
  /**
   * Sends a request and answers what comes back, after authentication, redirects and retries
   * of transient failures; the caller reads (or drains) the body.
   */
  async request(spec) {
    let url = new URL(spec.path, `${this.scheme}://${this.host}`);
    let authorized = url.host === this.host;
    let authRenewed = false;
    let redirects = 0;
    for (let attempt = 1; ; attempt++) {
      const headers = { "User-Agent": "modelarts-image-check", ...spec.headers };
      if (authorized) {
        const auth = await this.authorization(spec.scopes, spec.what);
        if (auth) headers.Authorization = auth;
      }
      let res;
      try {
        res = await this.send(url, spec.method, headers, spec.body?.());
      } catch (err) {
        if (!this.schemeSettled && url.host === this.host && url.protocol === "https:" && this.insecure(this.host) && isTlsMismatch(err)) {
          this.scheme = "http";
          this.schemeSettled = true;
          url = new URL(url.pathname + url.search, `http://${this.host}`);
          attempt--;
          continue;
        }
        if (attempt < this.attempts && isTransient(err)) {
          await this.wait(attempt, void 0, spec.what, describe2(err));
          continue;
        }
        if (isUntrustedCertificate(err)) throw untrustedCertificate(spec.what, url.host, err);
        throw new ImageError(`${spec.what}: ${describe2(err)}${attempt > 1 ? ` (after ${attempt} tries)` : ""}`);
      }
      if (url.host === this.host) this.schemeSettled = true;
      const status = res.statusCode ?? 0;
      if (status === 401 && authorized && !authRenewed) {
        authRenewed = true;
        const challenge = res.headers["www-authenticate"];
        res.resume();
        this.learnChallenge(typeof challenge === "string" ? challenge : void 0, spec.what);
        this.tokens.delete(scopeKey(spec.scopes));
        attempt--;
        continue;
      }
      if ([301, 302, 303, 307, 308].includes(status) && res.headers.location && redirects < MAX_REDIRECTS) {
        res.resume();
        redirects++;
        const next = new URL(res.headers.location, url);
        if (next.host !== url.host) authorized = false;
        url = next;
        attempt--;
        continue;
      }
      if ((status === 429 || status >= 500) && attempt < this.attempts) {
        const retryAfter = res.headers["retry-after"];
        res.resume();
        await this.wait(attempt, typeof retryAfter === "string" ? retryAfter : void 0, spec.what, `HTTP ${status}`);
        continue;
      }
      return { status, headers: res.headers, body: res };
    }
  }
  async wait(attempt, retryAfter, what, why) {
    let ms = this.backoffMs * 2 ** (attempt - 1);
    if (retryAfter !== void 0) {
      const seconds = Number(retryAfter);
      const at = Date.parse(retryAfter);
      if (Number.isFinite(seconds)) ms = seconds * 1e3;
      else if (Number.isFinite(at)) ms = at - Date.now();
    }
    ms = Math.max(0, Math.min(ms, this.maxWaitMs));
    this.options.log?.warning(`${what}: ${why}; trying again in ${(ms / 1e3).toFixed(1)} s`);
    await new Promise((resolve3) => setTimeout(resolve3, ms));
  }
  send(url, method, headers, body) {
    this.requests++;
    const secure = url.protocol === "https:";
    const lib = secure ? https : http;
    return new Promise((resolve3, reject) => {
      const req = lib.request(url, {
        method,
        headers: body ? { ...headers, "Content-Length": String(body.length) } : headers,
        agent: secure ? this.agents.https : this.agents.http,
        ...secure && this.insecure(url.host) && { rejectUnauthorized: false },
        timeout: this.timeoutMs
      });
      req.on("timeout", () => req.destroy(Object.assign(new Error(`no answer within ${Math.round(this.timeoutMs / 1e3)} s`), { code: "ETIMEDOUT" })));
      req.on("error", reject);
      req.on("response", resolve3);
      if (!body) req.end();
      else if (Buffer.isBuffer(body.chunks)) req.end(body.chunks);
      else void pipeInto(body.chunks, req).catch((err) => req.destroy(err));
    });
  }
  /** The Authorization header for these scopes, once the registry has said how it authenticates. */
  async authorization(scopes, what) {
    const { credentials } = this.options;
    if (!this.challenge) return void 0;
    if (this.challenge.type === "basic") return credentials && basic(credentials);
    const key = scopeKey(scopes);
    let token = this.tokens.get(key);
    if (!token) {
      token = await this.fetchToken(this.challenge.realm, this.challenge.service, scopes, what);
      this.tokens.set(key, token);
    }
    return `Bearer ${token}`;
  }
  learnChallenge(header, what) {
    const scheme = /^\s*(\w+)/.exec(header ?? "")?.[1]?.toLowerCase();
    if (scheme === "basic") {
      const { credentials } = this.options;
      if (!credentials) throw new ImageError(`${what}: the registry needs a login (HTTP 401), and none is known for ${this.host}`);
      if (!credentials.password && credentials.identityToken) {
        throw new ImageError(`${what}: the registry asks for a password (Basic), and docker login stored only an identity token for ${this.host}`);
      }
      this.challenge = { type: "basic" };
      return;
    }
    if (scheme === "bearer") {
      const params = Object.fromEntries([...(header ?? "").matchAll(/(\w+)="([^"]*)"/g)].map((m) => [m[1].toLowerCase(), m[2]]));
      if (!params.realm) throw new ImageError(`${what}: the registry asks for a Bearer token but names no realm to get one from`);
      this.challenge = { type: "bearer", realm: params.realm, service: params.service };
      return;
    }
    throw new ImageError(`${what}: HTTP 401, and the registry's challenge (${scheme ?? "none"}) is not Basic or Bearer`);
  }
  /** A Bearer token from the realm for the scopes: the credentials go there as Basic, when there are any. */
  async fetchToken(realm, service, scopes, what) {
    let url;
    try {
      url = new URL(realm);
    } catch {
      throw new ImageError(`${what}: the registry's token realm "${realm}" is not a URL`);
    }
    if (url.protocol !== "https:" && !(url.protocol === "http:" && this.insecure(url.host))) {
      throw new ImageError(
        `${what}: the registry's token realm ${url.origin} is not HTTPS; credentials are sent only over HTTPS, or to a loopback or insecure host`
      );
    }
    const { credentials } = this.options;
    const refreshToken = this.refreshToken ?? credentials?.identityToken;
    let form;
    if (refreshToken) {
      const fields = new URLSearchParams({ grant_type: "refresh_token", refresh_token: refreshToken, client_id: "modelarts-image-check" });
      if (service) fields.set("service", service);
      if (scopes.length > 0) fields.set("scope", scopes.join(" "));
      form = Buffer.from(fields.toString());
    } else {
      if (service) url.searchParams.set("service", service);
      for (const scope of scopes) url.searchParams.append("scope", scope);
    }
    const headers = form ? { "User-Agent": "modelarts-image-check", "Content-Type": "application/x-www-form-urlencoded" } : { "User-Agent": "modelarts-image-check", ...credentials && { Authorization: basic(credentials) } };
    for (let attempt = 1; ; attempt++) {
      let res;
      try {
        res = await this.send(url, form ? "POST" : "GET", headers, form && { length: form.length, chunks: form });
      } catch (err) {
        if (attempt < this.attempts && isTransient(err)) {
          await this.wait(attempt, void 0, `${what} (token)`, describe2(err));
          continue;
        }
        if (isUntrustedCertificate(err)) throw untrustedCertificate(`${what} (token)`, url.host, err);
        throw new ImageError(`${what}: the token server ${url.origin} did not answer (${describe2(err)})`);
      }
      const status = res.statusCode ?? 0;
      if ((status === 429 || status >= 500) && attempt < this.attempts) {
        res.resume();
        await this.wait(attempt, void 0, `${what} (token)`, `HTTP ${status}`);
        continue;
      }
      if (status !== 200) {
        res.resume();
        const why = form ? `refused the identity token docker login stored (HTTP ${status}${status === 400 || status === 401 ? ": wrong or expired; run docker login again" : ""})` : `refused ${credentials ? "the login" : "an anonymous token"} (HTTP ${status}${status === 401 ? ": wrong or missing credentials" : ""})`;
        throw new ImageError(`${what}: the token server ${url.origin} ${why}`);
      }
      const body = await readBody(res, 1024 * 1024, `${what} (token)`);
      let answer;
      try {
        answer = JSON.parse(body.toString("utf8"));
      } catch {
        throw new ImageError(`${what}: the token server's answer is not JSON`);
      }
      const token = typeof answer.token === "string" && answer.token ? answer.token : answer.access_token;
      if (typeof token !== "string" || !token) throw new ImageError(`${what}: the token server's answer holds no token`);
      if (form && typeof answer.refresh_token === "string" && answer.refresh_token) this.refreshToken = answer.refresh_token;
      return token;
    }
  }
};
function basic(c) {
  return `Basic ${Buffer.from(`${c.username}:${c.password}`).toString("base64")}`;
}
function scopeKey(scopes) {
  return [...scopes].sort().join(" ");
}
async function pipeInto(chunks, req) {
  for await (const chunk of chunks) {
    await new Promise((resolve3, reject) => req.write(chunk, (err) => err ? reject(err) : resolve3()));
  }
  req.end();
}
async function readBody(body, max, what) {
  const chunks = [];
  let size = 0;
  try {
    for await (const chunk of body) {
      size += chunk.length;
      if (size > max) {
        body.destroy();
        throw new ImageError(`${what}: the answer is larger than ${max} bytes`);
      }
      chunks.push(chunk);
    }
  } catch (err) {
    if (err instanceof ImageError) throw err;
    throw new ImageError(`${what}: ${describe2(err)}`);
  }
  return Buffer.concat(chunks);
}
async function statusError(res, what) {
  let detail = "";
  try {
    const body = await readBody(res.body, 64 * 1024, what);
    const errors = JSON.parse(body.toString("utf8")).errors;
    if (errors?.[0]) detail = `: ${[errors[0].code, errors[0].message].filter(Boolean).join(" ")}`.replace(/[\r\n]+/g, " ").slice(0, 200);
  } catch {
  }
  const meaning = { 401: "unauthorized", 403: "forbidden", 404: "not found", 429: "too many requests" };
  return new ImageError(`${what}: HTTP ${res.status}${meaning[res.status] ? ` ${meaning[res.status]}` : ""}${detail}`);
}
function isTransient(err) {
  const code = err?.code ?? "";
  return ["ECONNRESET", "ECONNREFUSED", "EPIPE", "ETIMEDOUT", "ECONNABORTED", "EAI_AGAIN", "ENETUNREACH", "EHOSTUNREACH", "ERR_STREAM_PREMATURE_CLOSE"].includes(
    code
  ) || err?.message === "aborted";
}
function isUntrustedCertificate(err) {
  const code = err?.code ?? "";
  return /CERT|SELF_SIGNED|UNABLE_TO_(GET_ISSUER|VERIFY)/.test(code);
}
function untrustedCertificate(what, host, err) {
  return new ImageError(
    `${what}: the TLS certificate of ${host} is not trusted (${describe2(err)}); give its CA in NODE_EXTRA_CA_CERTS, or name the host as an insecure registry (--insecure-registry, the action's insecure-registries)`
  );
}
function isTlsMismatch(err) {
  const code = err?.code ?? "";
  return code === "EPROTO" || code.startsWith("ERR_SSL") || code === "ECONNRESET";
}
function describe2(err) {
  return String(err?.message ?? err).replace(/[\r\n]+/g, " ").slice(0, 200);
}

// src/registry/registry-access.ts
init_time_limits();
async function registryClientFor(ref, access = {}) {
  return new RegistryClient(ref.host, clientOptions(await credentialsFor(ref.registry, access.sources ?? {}), access));
}
function clientOptions(auth, access) {
  return {
    ...auth && { credentials: { username: auth.username, password: auth.password, ...auth.identitytoken && { identityToken: auth.identitytoken } } },
    insecureHosts: access.insecureHosts,
    log: access.log,
    // How long a request may go unanswered, or a blob without a byte (the client's default: 60 s).
    timeoutMs: envMs("MODELARTS_IMAGE_CHECK_REGISTRY_STALL_SECONDS")
  };
}

// src/registry/registry-source.ts
init_errors();
init_excerpt();

// src/registry/oci-layout-stream.ts
init_errors();
var BLOCK2 = 512;
var CHUNK = 1024 * 1024;
async function* ociLayoutTar(files) {
  const buffer = Buffer.allocUnsafe(CHUNK);
  for (const file of files) {
    yield tarHeader(file.name, file.size);
    if (Buffer.isBuffer(file.data)) yield file.data;
    else {
      let written = 0;
      let filled = 0;
      for await (const piece of file.data()) {
        written += piece.length;
        if (written > file.size) {
          throw new ImageError(`the blob ${file.name} has more bytes than its descriptor's ${file.size}: the registry's copy was modified`);
        }
        if (filled === 0 && piece.length >= CHUNK / 2) {
          yield piece;
          continue;
        }
        for (let at = 0; at < piece.length; ) {
          const n = Math.min(piece.length - at, CHUNK - filled);
          piece.copy(buffer, filled, at, at + n);
          filled += n;
          at += n;
          if (filled === CHUNK) {
            yield buffer;
            filled = 0;
          }
        }
      }
      if (filled > 0) yield buffer.subarray(0, filled);
      if (written < file.size) throw new ImageError(`the blob ${file.name} has ${written} bytes, fewer than its descriptor's ${file.size}`);
    }
    const pad = (BLOCK2 - file.size % BLOCK2) % BLOCK2;
    if (pad > 0) yield Buffer.alloc(pad);
  }
  yield Buffer.alloc(2 * BLOCK2);
}
function tarHeader(name, size) {
  const h = Buffer.alloc(BLOCK2);
  h.write(name, 0, 100, "utf8");
  h.write("0000644\0", 100);
  h.write("0000000\0", 108);
  h.write("0000000\0", 116);
  if (size < 8 ** 11) h.write(size.toString(8).padStart(11, "0") + "\0", 124);
  else {
    h[124] = 128;
    let v = BigInt(size);
    for (let i = 135; i > 124; i--, v >>= 8n) h[i] = Number(v & 0xffn);
  }
  h.write("00000000000\0", 136);
  h.write("0", 156);
  h.write("ustar\x0000", 257, "latin1");
  h.fill(32, 148, 156);
  let sum = 0;
  for (const b of h) sum += b;
  h.write(sum.toString(8).padStart(6, "0") + "\0 ", 148, "latin1");
  return h;
}

// src/registry/registry-source.ts
var INDEX_TYPES2 = /* @__PURE__ */ new Set(["application/vnd.oci.image.index.v1+json", "application/vnd.docker.distribution.manifest.list.v2+json"]);
var SCHEMA1_TYPES = /* @__PURE__ */ new Set(["application/vnd.docker.distribution.manifest.v1+json", "application/vnd.docker.distribution.manifest.v1+prettyjws"]);
var MAX_CONFIG = 16 * 1024 * 1024;
async function resolveRegistryImage(client, ref, platform) {
  const name = formatRegistryReference(ref);
  const manifests = [];
  let reference = ref.digest ?? ref.tag ?? "latest";
  for (let depth = 0; ; depth++) {
    if (depth >= 8) throw new ImageError(`${name}: its indexes nest too deeply`);
    const what = depth === 0 ? `the manifest of ${name}` : `the manifest ${reference} of ${name}`;
    const m = await client.manifest(ref.repository, reference, what);
    manifests.push(m);
    if (SCHEMA1_TYPES.has(m.mediaType)) {
      throw new ImageError(`${name} has a Docker schema 1 manifest, which nothing current writes: push the image again with a current Docker or buildx`);
    }
    const json = parse2(m.bytes, what);
    if (INDEX_TYPES2.has(m.mediaType) || Array.isArray(json.manifests) && !json.layers) {
      if (!Array.isArray(json.manifests) || json.manifests.length === 0) throw new ImageError(`${what} lists no manifests`);
      reference = checkedDigest(chooseManifest(json.manifests, platform, what, name).digest, what);
      continue;
    }
    if (!json.config || typeof json.config.digest !== "string" || !Array.isArray(json.layers)) {
      throw new ImageError(`${what} is malformed: it needs "config" and "layers"`);
    }
    const layers = json.layers.map((d) => {
      if (!d || typeof d.digest !== "string" || typeof d.size !== "number" || !Number.isSafeInteger(d.size) || d.size < 0) {
        throw new ImageError(`${what} has a layer without a digest and size`);
      }
      return { digest: checkedDigest(d.digest, what), size: d.size };
    });
    checkedDigest(json.config.digest, what);
    const configBytes = await client.smallBlob(ref.repository, json.config.digest, MAX_CONFIG, `the config of ${name}`);
    const config = parse2(configBytes, `the config of ${name}`);
    const diffIds = config.rootfs?.diff_ids;
    if (!Array.isArray(diffIds) || !diffIds.every((d) => typeof d === "string")) throw new ImageError(`the config of ${name} has no rootfs.diff_ids list`);
    return { ref, manifests, config: { bytes: configBytes, digest: json.config.digest }, layers, diffIds };
  }
}
function registrySource(client, image) {
  const name = formatRegistryReference(image.ref);
  const manifest = image.manifests[image.manifests.length - 1];
  const index = Buffer.from(
    JSON.stringify({
      schemaVersion: 2,
      mediaType: "application/vnd.oci.image.index.v1+json",
      manifests: [{ mediaType: manifest.mediaType, digest: manifest.digest, size: manifest.bytes.length }]
    })
  );
  const blob = (digest) => `blobs/sha256/${digest.replace(/^sha256:/, "")}`;
  const files = [
    { name: "oci-layout", size: 30, data: Buffer.from('{"imageLayoutVersion":"1.0.0"}') },
    { name: "index.json", size: index.length, data: index },
    { name: blob(manifest.digest), size: manifest.bytes.length, data: manifest.bytes },
    { name: blob(image.config.digest), size: image.config.bytes.length, data: image.config.bytes },
    ...image.layers.map((l, i) => ({
      name: blob(l.digest),
      size: l.size,
      data: () => client.blob(image.ref.repository, l.digest, l.size, `layer ${i + 1} (${l.digest.slice(0, 19)}) of ${name}`)
    }))
  ];
  return {
    name: `image ${name}`,
    layout: "oci-archive",
    transport: "registry",
    size: files.reduce((sum, f) => sum + f.size, 0),
    open: () => ociLayoutTar(files)
  };
}
function registryBase(image) {
  return {
    name: `image ${formatRegistryReference(image.ref)}`,
    id: image.config.digest,
    diffIds: image.diffIds,
    layerDigests: image.layers.map((l) => l.digest)
  };
}
function checkedDigest(digest, what) {
  if (!SHA256_DIGEST.test(digest))
    throw new ImageError(`${what} names a blob or manifest by ${JSON.stringify(excerpt(digest, 80))}, which is not a sha256 digest`);
  return digest;
}
function parse2(bytes, what) {
  try {
    return JSON.parse(bytes.toString("utf8"));
  } catch {
    throw new ImageError(`${what} is not JSON`);
  }
}

// src/cli/main.ts
function program2() {
  return new Command("modelarts-image-check").description("Check a Docker image against the Huawei Cloud ModelArts custom training image specification.").argument(
    "<IMAGE>",
    "docker://HOST/NAME[:TAG][@DIGEST] (an image in a registry), docker-archive:PATH, oci-archive:PATH, a path to an archive (plain, gzip or zstd), - for an archive on standard input, or (with a Docker daemon) docker-daemon:REF / an image reference"
  ).option("-b, --base <IMAGE>", "the ModelArts base image the image was built on (same forms as IMAGE); without it the base is guessed from the history").addOption(
    new Option(
      "--profile <name>",
      "which ModelArts specification: auto (from the base image's users), legacy (old-version training: work, UID 1101, 9.5 GB) or current (new-version training: ma-user, UID 1000, 30 GB)"
    ).choices(["auto", "legacy", "current"]).default(void 0, "auto, or the config file")
  ).option("--max-size <size>", "largest allowed uncompressed size: 9.5GB, 9.5GiB or whole bytes (default from the profile: 9.5GB legacy, 30GB current)").option("--expected-uid <uid>", "UID the default user must have (default from the profile: 1101 legacy, 1000 current)").addOption(
    new Option("--arch <arch>", "the CPU architecture the image must be built for: amd64 (CPU and GPU pools) or arm64 (Ascend pools)").choices([
      "amd64",
      "arm64",
      "x86_64",
      "aarch64"
    ])
  ).option("-c, --config <file>", "configuration file (default: .modelarts-image-check.yml or .yaml in the working directory, if present)").option("--ignore <rule>", "turn a rule off (repeatable); the report lists it as off", (id, all) => [...all, id], []).addOption(new Option("-f, --format <format>", "report format").choices(["text", "json", "sarif"]).default("text")).option("-o, --output <file>", "write the report to this file instead of stdout").addOption(
    new Option("--fail-on <severity>", "exit 1 when a finding is at or above this severity").choices(["error", "warning", "notice", "never"]).default("error")
  ).option("--dockerfile <file>", "the Dockerfile the image was built from, to point findings at its lines (default: ./Dockerfile, if present)").option("--platform <os/arch>", "the platform to check: picked from an archive of several (default: its only one, or linux/amd64)").option("--scan-limit <size>", "bytes of each file the content scan reads at most (default: 64MiB)").option("--max-uncompressed <size>", "stop reading after this much uncompressed data; guards against decompression bombs (default: 4 x max-size)").option(
    "--clamd <address>",
    "also stream every file to a ClamAV daemon: tcp://HOST:PORT or unix:PATH (detections in custom layers are malicious-code findings)"
  ).option(
    "--insecure-registry <host>",
    "reach this registry over plain HTTP or unverified TLS, as Docker's insecure-registries (repeatable; loopback hosts always are)",
    (host, all) => [...all, host],
    []
  ).option("--no-progress", "no progress bar or progress lines").option("-q, --quiet", "nothing on stderr but errors (implies --no-progress)").version(VERSION, "-V, --version").showHelpAfterError(false).exitOverride();
}
async function runCli(argv, io) {
  const cmd = program2();
  cmd.configureOutput({ writeOut: (s) => io.stdout.write(s), writeErr: () => void 0 });
  try {
    cmd.parse(argv, { from: "user" });
  } catch (err) {
    if (err instanceof CommanderError) {
      if (err.code === "commander.helpDisplayed" || err.code === "commander.version" || err.exitCode === 0) return 0;
      io.stderr.write(`modelarts-image-check: ${err.message.replace(/^error: /, "")} (see --help)
`);
      return 2;
    }
    throw err;
  }
  const opts = cmd.opts();
  let registries;
  const option = (name) => typeof opts[name] === "string" ? opts[name] : void 0;
  try {
    const clamd = option("clamd");
    if (clamd) parseClamdAddress(clamd);
    const failOn = parseFailOn(String(opts.failOn));
    const { settings } = resolveSettings({
      profile: option("profile"),
      maxSize: option("maxSize"),
      expectedUid: option("expectedUid"),
      arch: option("arch"),
      config: option("config"),
      ignore: opts.ignore,
      platform: option("platform"),
      scanLimit: option("scanLimit"),
      maxUncompressed: option("maxUncompressed"),
      cwd: io.cwd
    });
    const output = option("output");
    if (output) checkOutputPath((0, import_node_path5.resolve)(io.cwd, output));
    const dockerfilePath = option("dockerfile");
    if (dockerfilePath && !(0, import_node_fs7.existsSync)((0, import_node_path5.resolve)(io.cwd, dockerfilePath))) throw new UsageError(`no such Dockerfile: ${dockerfilePath}`);
    registries = { insecureHosts: opts.insecureRegistry, log: opts.quiet ? void 0 : stderrLog(io), clients: [] };
    const image = await openImage(cmd.args[0], io, registries, settings.platform);
    const base = opts.base ? await openBase(String(opts.base), io, registries, settings.platform) : void 0;
    const progress = opts.quiet || opts.progress === false ? void 0 : new Progress(io.stderr, image.size);
    let result;
    try {
      result = await checkImage({ image, base, settings, clamd, onProgress: progress && ((b) => progress.update(b)) });
    } finally {
      progress?.stop();
    }
    const found = dockerfileLines(dockerfilePath, io.cwd, result.facts.config.history);
    const report = buildJsonReport(result, failOn, found.dockerfile ? { path: found.dockerfile, lines: found.lines } : void 0);
    let text;
    if (opts.format === "json") text = JSON.stringify(report, null, 2) + "\n";
    else if (opts.format === "sarif") {
      text = JSON.stringify(
        buildSarif(report, { dockerfile: found.dockerfile ?? "Dockerfile", lines: found.lines, category: sarifCategoryOf(cmd.args[0]) }),
        null,
        2
      ) + "\n";
    } else text = renderText(report, !output && !!io.stdout.isTTY && !process.env.NO_COLOR);
    if (output) writeOutput((0, import_node_path5.resolve)(io.cwd, output), text);
    else io.stdout.write(text);
    return report.summary.passed ? 0 : 1;
  } catch (err) {
    io.stderr.write(`modelarts-image-check: ${describeError(err)}
`);
    if (!(err instanceof ImageError || err instanceof UsageError) && process.env.MODELARTS_IMAGE_CHECK_DEBUG)
      io.stderr.write(String(err.stack) + "\n");
    return 2;
  } finally {
    for (const client of registries?.clients ?? []) client.close();
  }
}
function checkOutputPath(path) {
  const dir = (0, import_node_path5.dirname)(path);
  if (!(0, import_node_fs7.existsSync)(dir)) throw new UsageError(`cannot write the report to ${path}: the directory ${dir} does not exist`);
  if (!(0, import_node_fs7.statSync)(dir).isDirectory()) throw new UsageError(`cannot write the report to ${path}: ${dir} is not a directory`);
  if ((0, import_node_fs7.existsSync)(path) && (0, import_node_fs7.statSync)(path).isDirectory()) throw new UsageError(`cannot write the report to ${path}: it is a directory (name a file)`);
}
function writeOutput(path, text) {
  try {
    (0, import_node_fs7.writeFileSync)(path, text);
  } catch (err) {
    throw new UsageError(`cannot write the report to ${path}: ${err.code ?? err.message}`);
  }
}
var inDaemon = (ref, io) => ref.startsWith("docker-daemon:") || !/^(docker|oci)-archive:/.test(ref) && ref !== "-" && !(0, import_node_fs7.existsSync)(ref) && !looksLikeFile(ref) && io.openReference !== void 0;
function looksLikeFile(ref) {
  return /^(\.{0,2}\/|~)/.test(ref) || /\.(tar|tgz|tar\.gz|tar\.zst|tzst|gz|zst|oci)$/i.test(ref);
}
async function openBase(ref, io, registries, platform) {
  if (isRegistryReference(ref)) return registryBase(await fromRegistry(ref, registries, platform).then((r) => r.image));
  if (io.inspectReference && inDaemon(ref, io)) return io.inspectReference(ref.replace(/^docker-daemon:/, ""));
  return openImage(ref, io, registries, platform);
}
async function fromRegistry(text, registries, platform) {
  const ref = parseRegistryReference(text);
  let client = registries.clients.find((c) => c.host === ref.host);
  if (!client) {
    client = await registryClientFor(ref, registries);
    registries.clients.push(client);
  }
  return { client, image: await resolveRegistryImage(client, ref, platform) };
}
function stderrLog(io) {
  return { info: (line) => void io.stderr.write(`${line}
`), warning: (line) => void io.stderr.write(`warning: ${escapeControl(line)}
`) };
}
async function openImage(ref, io, registries, platform) {
  if (isRegistryReference(ref)) {
    const { client, image } = await fromRegistry(ref, registries, platform);
    return registrySource(client, image);
  }
  const daemon2 = inDaemon(ref, io);
  if (daemon2 && io.openReference) return io.openReference(ref.replace(/^docker-daemon:/, ""));
  if (daemon2) throw new UsageError("docker-daemon: references need a Docker daemon; save the image first (docker save -o image.tar IMAGE)");
  if (ref === "-") return stdinSource();
  return archiveSource(ref);
}

// src/cli/start.ts
var terminal = terminalFacts();
var stdout = Object.assign(process.stdout, { isTTY: terminal.stdoutIsTTY });
var stderr = terminal.stderrIsTTY ? terminalStream(2, terminal.columns) : Object.assign(process.stderr, { isTTY: false });
runCli(process.argv.slice(2), { stdout, stderr, cwd: process.cwd(), openReference, inspectReference }).then(
  (code) => {
    process.exitCode = code;
  },
  (err) => {
    process.stderr.write(`modelarts-image-check: internal error: ${err?.message ?? String(err)}
`);
    process.exitCode = 2;
  }
);
function terminalStream(fd, columns) {
  const stream = {
    isTTY: true,
    columns,
    write(chunk, encodingOrDone, done) {
      if (typeof chunk === "string") (0, import_node_fs8.writeSync)(fd, chunk);
      else (0, import_node_fs8.writeSync)(fd, chunk);
      const callback = typeof encodingOrDone === "function" ? encodingOrDone : done;
      if (typeof callback === "function") callback();
      return true;
    }
  };
  return stream;
}
