#!/usr/bin/env bash
# A real Docker daemon and a real registry (TLS + password, a stand-in for SWR) on loopback,
# from Debian's packages, for the end-to-end tests. Usage:
#   scripts/test-env.sh install   # apt-get install what is missing (needs root), and unpack
#                                 # Debian 13's Go (the reference of the tar differential test)
#                                 # and Docker 26 with buildx
#   scripts/test-env.sh start     # start the daemons and registries; prints the environment to
#                                 # use (also in $DIR/env); $DIR/engine-NAME.env selects an engine
#   scripts/test-env.sh stop      # stop what start started (by pid, never by name)
#
# The engines: "20.10" (Debian 12's Engine 20.10, classic builder; the default), "26-classic"
# (Docker 26 with BuildKit and the classic image store) and "26-containerd" (Docker 26 with
# BuildKit and the containerd image store, the default of fresh Docker 29 installs).
set -euo pipefail
DIR=${MIC_TEST_DIR:-/tmp/mic-test-env}
# Packages from Debian 13 (trixie), unpacked beside the system rather than installed.
TOOLS=${MIC_TOOLS_DIR:-/tmp/mic-tools}
GO="$TOOLS/go/usr/lib/go-1.24/bin/go"
DOCKER26="$TOOLS/docker26"
DEBIAN_ROOTFS="$TOOLS/debian-bookworm-minbase.tar"
REGISTRY_ADDR=127.0.0.1:5443
OTHER_REGISTRY_ADDR=127.0.0.1:5001
# A registry with Bearer token auth, as SWR and Docker Hub use: tokens come from a token server
# the tests run on TOKEN_REALM_ADDR (__fixtures__/token-server.ts), signed with the key made here.
TOKEN_REGISTRY_ADDR=127.0.0.1:5002
TOKEN_REALM_ADDR=127.0.0.1:5003

install() {
  local missing=()
  command -v dockerd >/dev/null || missing+=(docker.io)
  command -v docker-registry >/dev/null || missing+=(docker-registry)
  command -v htpasswd >/dev/null || missing+=(apache2-utils)
  command -v openssl >/dev/null || missing+=(openssl)
  command -v zstd >/dev/null || missing+=(zstd)
  [ -x /bin/busybox ] || missing+=(busybox-static)
  command -v clamd >/dev/null || missing+=(clamav-daemon)
  command -v curl >/dev/null || missing+=(curl)
  command -v mmdebstrap >/dev/null || missing+=(mmdebstrap)
  command -v tmux >/dev/null || missing+=(tmux)
  if [ ${#missing[@]} -gt 0 ]; then
    apt-get update -qq
    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${missing[@]}" >/dev/null
  fi
  # Go 1.24, the version Docker 26 is built with, and its source (archive/tar's test archives).
  [ -x "$GO" ] || unpack_from_trixie "$TOOLS/go" golang-1.24-go golang-1.24-src
  # A Debian root filesystem, the base of a test image that installs real packages with apt-get.
  [ -f "$DEBIAN_ROOTFS" ] || mmdebstrap --quiet --variant=minbase --mode=root bookworm "$DEBIAN_ROOTFS" "$(debian_mirror)"
  # Docker 26 and buildx. Debian 13's runc needs a newer glibc: bookworm's (from docker.io) runs.
  if [ ! -x "$DOCKER26/usr/sbin/dockerd" ]; then
    unpack_from_trixie "$DOCKER26" docker.io docker-cli docker-buildx containerd tini
    rm -f "$DOCKER26/usr/sbin/runc" "$DOCKER26/usr/bin/runc"
  fi
}

# The Debian mirror apt is configured with.
debian_mirror() {
  local mirror
  mirror=$(awk '/^URIs:/ {print $2; exit}' /etc/apt/sources.list.d/debian.sources 2>/dev/null || true)
  [ -n "$mirror" ] || mirror=$(awk '/^deb / {print $2; exit}' /etc/apt/sources.list 2>/dev/null || true)
  echo "${mirror:-http://deb.debian.org/debian}"
}

# Downloads packages from Debian 13 through the configured mirror and unpacks them into $1.
unpack_from_trixie() {
  local dest=$1
  shift
  mkdir -p "$TOOLS/apt/lists/partial" "$TOOLS/debs" "$dest"
  echo "deb $(debian_mirror) trixie main" > "$TOOLS/apt/sources.list"
  local apt=(-o "Dir::Etc::sourcelist=$TOOLS/apt/sources.list" -o Dir::Etc::sourceparts=/nonexistent
    -o "Dir::State::Lists=$TOOLS/apt/lists" -o "Dir::Cache=$TOOLS/apt/cache" -o Debug::NoLocking=1 -o APT::Sandbox::User=root)
  apt-get "${apt[@]}" update -qq
  (cd "$TOOLS/debs" && apt-get "${apt[@]}" download "$@" >/dev/null)
  for package in "$@"; do
    dpkg -x "$(ls "$TOOLS/debs/${package}"_*.deb | head -n 1)" "$dest"
  done
}

# Starts a dockerd ($1: its directory under $DIR; $2: the dockerd binary; then its own options)
# unless one already answers there.
start_dockerd() {
  local dir="$DIR/$1" dockerd=$2
  shift 2
  mkdir -p "$dir"
  DOCKER_HOST="unix://$dir/docker.sock" docker version >/dev/null 2>&1 && return 0
  setsid "$dockerd" --data-root "$dir/root" --exec-root "$dir/exec" --pidfile "$dir/dockerd.pid" \
    -H "unix://$dir/docker.sock" --iptables=false --ip-forward=false --bridge=none "$@" \
    >"$dir/dockerd.log" 2>&1 </dev/null &
  for _ in $(seq 1 60); do
    DOCKER_HOST="unix://$dir/docker.sock" docker version >/dev/null 2>&1 && return 0
    sleep 0.5
  done
  tail -20 "$dir/dockerd.log" >&2
  exit 1
}

start() {
  mkdir -p "$DIR/registry"
  start_dockerd docker /usr/sbin/dockerd --storage-driver=vfs
  if [ -x "$DOCKER26/usr/sbin/dockerd" ]; then
    # Docker 26 finds its containerd, shim and docker-init on the PATH; runc is bookworm's.
    mkdir -p "$DIR/docker26-cli/cli-plugins"
    ln -sf "$DOCKER26/usr/libexec/docker/cli-plugins/docker-buildx" "$DIR/docker26-cli/cli-plugins/"
    echo '{"features": {"containerd-snapshotter": true}}' > "$DIR/containerd-store.json"
    (
      export PATH="$DOCKER26/usr/bin:$DOCKER26/usr/sbin:$PATH"
      start_dockerd docker26-classic "$DOCKER26/usr/sbin/dockerd" --storage-driver=vfs
      start_dockerd docker26-containerd "$DOCKER26/usr/sbin/dockerd" --config-file "$DIR/containerd-store.json" --storage-driver=native
    )
  fi
  if ! curl -sk -o /dev/null "https://$REGISTRY_ADDR/v2/"; then
    cd "$DIR/registry"
    openssl req -x509 -newkey rsa:2048 -nodes -keyout key.pem -out cert.pem -days 2 \
      -subj "/CN=127.0.0.1" -addext "subjectAltName=IP:127.0.0.1" 2>/dev/null
    htpasswd -Bbn ci-user 'ci-password' > htpasswd
    cat > config.yml <<YML
version: 0.1
storage: { filesystem: { rootdirectory: $DIR/registry/data } }
http: { addr: $REGISTRY_ADDR, tls: { certificate: $DIR/registry/cert.pem, key: $DIR/registry/key.pem } }
auth: { htpasswd: { realm: swr-test, path: $DIR/registry/htpasswd } }
YML
    setsid docker-registry serve config.yml > registry.log 2>&1 < /dev/null &
    echo $! > registry.pid
    for _ in $(seq 1 40); do curl -sk -o /dev/null "https://$REGISTRY_ADDR/v2/" && break; sleep 0.25; done
  fi
  # A second registry, plain HTTP with its own password: a registry a base image comes from, which
  # must never receive the credentials meant for the first one.
  if ! curl -s -o /dev/null "http://$OTHER_REGISTRY_ADDR/v2/"; then
    mkdir -p "$DIR/other-registry"
    cd "$DIR/other-registry"
    htpasswd -Bbn other-user 'other-password' > htpasswd
    cat > config.yml <<YML
version: 0.1
storage: { filesystem: { rootdirectory: $DIR/other-registry/data } }
http: { addr: $OTHER_REGISTRY_ADDR }
auth: { htpasswd: { realm: other, path: $DIR/other-registry/htpasswd } }
YML
    setsid docker-registry serve config.yml > registry.log 2>&1 < /dev/null &
    echo $! > registry.pid
    for _ in $(seq 1 40); do curl -s -o /dev/null "http://$OTHER_REGISTRY_ADDR/v2/" && break; sleep 0.25; done
  fi
  # The tests sign tokens with this directory's key: a registry on the port that trusts another key is of no use.
  if curl -s -o /dev/null "http://$TOKEN_REGISTRY_ADDR/v2/" && [ ! -f "$DIR/token-registry/token-key.pem" ]; then
    echo "$TOKEN_REGISTRY_ADDR answers, but not for $DIR (another test environment's?): stop it first (scripts/test-env.sh stop with its MIC_TEST_DIR)" >&2
    exit 1
  fi
  if ! curl -s -o /dev/null "http://$TOKEN_REGISTRY_ADDR/v2/"; then
    mkdir -p "$DIR/token-registry"
    cd "$DIR/token-registry"
    [ -f token-key.pem ] || openssl req -x509 -newkey rsa:2048 -nodes -keyout token-key.pem -out token-cert.pem -days 2 \
      -subj "/CN=mic-test-token-server" 2>/dev/null
    cat > config.yml <<YML
version: 0.1
storage: { filesystem: { rootdirectory: $DIR/token-registry/data } }
http: { addr: $TOKEN_REGISTRY_ADDR }
auth:
  token: { realm: "http://$TOKEN_REALM_ADDR/token", service: mic-test-registry, issuer: mic-test-token-server, rootcertbundle: $DIR/token-registry/token-cert.pem }
YML
    setsid docker-registry serve config.yml > registry.log 2>&1 < /dev/null &
    echo $! > registry.pid
    for _ in $(seq 1 40); do curl -s -o /dev/null "http://$TOKEN_REGISTRY_ADDR/v2/" && break; sleep 0.25; done
  fi
  # ClamAV with a small signature database of our own (no download: freshclam needs the internet).
  # A socket left by a clamd that has since stopped (another session, a reboot) does not count.
  if [ ! -S "$DIR/clamd/clamd.sock" ] || ! kill -0 "$(cat "$DIR/clamd/clamd.pid" 2>/dev/null)" 2>/dev/null; then
    rm -f "$DIR/clamd/clamd.sock"
    mkdir -p "$DIR/clamd/db"
    # "mic-test-malware" and the EICAR test string, as hex body signatures.
    printf 'MicTestSignature:0:*:6d69632d746573742d6d616c77617265\n' > "$DIR/clamd/db/mic.ndb"
    printf 'MicEicar:0:*:45494341522d5354414e444152442d414e544956495255532d544553542d46494c4521\n' >> "$DIR/clamd/db/mic.ndb"
    cat > "$DIR/clamd/clamd.conf" <<CONF
DatabaseDirectory $DIR/clamd/db
LocalSocket $DIR/clamd/clamd.sock
PidFile $DIR/clamd/clamd.pid
Foreground yes
LogFile $DIR/clamd/clamd.log
CONF
    setsid clamd -c "$DIR/clamd/clamd.conf" > "$DIR/clamd/out.log" 2>&1 < /dev/null &
    for _ in $(seq 1 60); do [ -S "$DIR/clamd/clamd.sock" ] && break; sleep 0.5; done
    [ -S "$DIR/clamd/clamd.sock" ] || { tail -20 "$DIR/clamd/out.log" >&2; exit 1; }
  fi
  cat > "$DIR/env" <<ENV
export DOCKER_HOST=unix://$DIR/docker/docker.sock
export MIC_TEST_REGISTRY=$REGISTRY_ADDR
export MIC_TEST_REGISTRY_USER=ci-user
export MIC_TEST_REGISTRY_PASSWORD=ci-password
export MIC_TEST_OTHER_REGISTRY=$OTHER_REGISTRY_ADDR
export MIC_TEST_OTHER_REGISTRY_USER=other-user
export MIC_TEST_OTHER_REGISTRY_PASSWORD=other-password
export MIC_TEST_CLAMD=unix:$DIR/clamd/clamd.sock
export MIC_TEST_TOKEN_REGISTRY=$TOKEN_REGISTRY_ADDR
export MIC_TEST_TOKEN_REALM=$TOKEN_REALM_ADDR
export MIC_TEST_TOKEN_KEY=$DIR/token-registry/token-key.pem
export MIC_TEST_TOKEN_CERT=$DIR/token-registry/token-cert.pem
export MIC_TEST_REGISTRY_CA=$DIR/registry/cert.pem
ENV
  if [ -x "$GO" ]; then echo "export MIC_GO=$GO" >> "$DIR/env"; fi
  if [ -f "$DEBIAN_ROOTFS" ]; then echo "export MIC_TEST_DEBIAN_ROOTFS=$DEBIAN_ROOTFS" >> "$DIR/env"; fi
  # One file per engine, sourced after env: its socket, its CLI, its name for the tests.
  echo "export DOCKER_HOST=unix://$DIR/docker/docker.sock MIC_TEST_ENGINE=20.10" > "$DIR/engine-20.10.env"
  if [ -x "$DOCKER26/usr/sbin/dockerd" ]; then
    for store in classic containerd; do
      cat > "$DIR/engine-26-$store.env" <<ENV
export DOCKER_HOST=unix://$DIR/docker26-$store/docker.sock MIC_TEST_ENGINE=26-$store
export PATH=$DOCKER26/usr/bin:\$PATH DOCKER_CONFIG=$DIR/docker26-cli
ENV
    done
  fi
  cat "$DIR/env"
}

stop() {
  for pidfile in "$DIR/registry/registry.pid" "$DIR/other-registry/registry.pid" "$DIR/token-registry/registry.pid" "$DIR/clamd/clamd.pid" \
    "$DIR/docker/dockerd.pid" "$DIR/docker26-classic/dockerd.pid" "$DIR/docker26-containerd/dockerd.pid"; do
    [ -f "$pidfile" ] && kill "$(cat "$pidfile")" 2>/dev/null || true
  done
}

"${1:?usage: test-env.sh install|start|stop}"
