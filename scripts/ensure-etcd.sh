#!/usr/bin/env bash
# Installs what the example and the tests need and the build does not fetch itself:
# Debian's etcd-server (etcd) and etcd-client (etcdctl), and openssl, which the TLS tests use to
# write SEC1 EC keys. Maven comes through ./mvnw.
set -euo pipefail

if ! command -v java >/dev/null 2>&1; then
  echo "Java 17 or newer is required: install a JDK (e.g. apt-get install -y openjdk-17-jdk-headless)" >&2
  exit 1
fi

missing=()
command -v etcd >/dev/null 2>&1 || missing+=(etcd-server)
command -v etcdctl >/dev/null 2>&1 || missing+=(etcd-client)
command -v openssl >/dev/null 2>&1 || missing+=(openssl)
[ ${#missing[@]} -eq 0 ] && exit 0

echo "Installing ${missing[*]} with apt-get" >&2
if [ "$(id -u)" -eq 0 ]; then
  as_root=()
elif command -v sudo >/dev/null 2>&1; then
  as_root=(sudo)
else
  echo "etcd is missing and this user cannot install packages. Run as root:" >&2
  echo "  apt-get update && apt-get install -y ${missing[*]}" >&2
  echo "or set ETCD_BINARY to an etcd 3.4 executable." >&2
  exit 1
fi
if ! command -v apt-get >/dev/null 2>&1; then
  echo "No apt-get here: install etcd 3.4 (with etcdctl) yourself, or set ETCD_BINARY." >&2
  exit 1
fi
"${as_root[@]}" apt-get update -qq
DEBIAN_FRONTEND=noninteractive "${as_root[@]}" apt-get install -y -qq "${missing[@]}" >/dev/null
command -v etcd >/dev/null 2>&1 || { echo "apt-get did not install etcd" >&2; exit 1; }
