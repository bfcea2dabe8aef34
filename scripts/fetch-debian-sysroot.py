#!/usr/bin/env python3
"""Fetches Debian riscv64 packages and everything they depend on into a sysroot for dynamic programs.

usage: scripts/fetch-debian-sysroot.py DEST PACKAGE...

Reads the suite's Release file and checks the SHA256 of its binary-riscv64 Packages.xz against it, resolves
the packages' Depends and Pre-Depends (the first alternative that exists, real or provided), downloads each
.deb, checks its SHA256 against the Packages entry, and unpacks it with dpkg-deb into DEST. Debian's merged
/usr layout is completed with the links /bin, /sbin, /lib -> usr/..., so that the PT_INTERP path
/lib/ld-linux-riscv64-lp64d.so.1 resolves inside DEST.

Does nothing when DEST/.packages already names the same packages. Environment: DEBIAN_MIRROR (default
http://deb.debian.org/debian), SYSROOT_SUITE (default trixie). Prints one line per unpacked package.
On failure prints one line `fetch-debian-sysroot: <reason>` on stderr and exits 1; 2 on a usage error.
"""
import hashlib
import lzma
import os
import re
import shutil
import subprocess
import sys
import tempfile
import urllib.request

MIRROR = os.environ.get("DEBIAN_MIRROR", "http://deb.debian.org/debian").rstrip("/")
SUITE = os.environ.get("SYSROOT_SUITE", "trixie")
# Packages a sysroot never needs as a dependency: maintainer-script machinery and documentation
# (named on the command line, they are fetched).
SKIPPED = {"debconf", "dpkg", "install-info", "perl-base", "debianutils"}


def die(reason):
    print(f"fetch-debian-sysroot: {reason}", file=sys.stderr)
    sys.exit(1)


def download(url):
    """The bytes at url; dies naming the url on failure."""
    try:
        with urllib.request.urlopen(url, timeout=120) as response:
            return response.read()
    except OSError as error:
        die(f"cannot download {url} ({error})")


def packages_index():
    """Package name -> stanza fields, and virtual name -> providing packages, of binary-riscv64."""
    release = download(f"{MIRROR}/dists/{SUITE}/Release").decode()
    path = "main/binary-riscv64/Packages.xz"
    in_sha256 = False
    expected = None
    for line in release.splitlines():
        if not line.startswith(" "):
            in_sha256 = line.startswith("SHA256:")
        elif in_sha256 and line.split()[-1] == path:
            expected = line.split()[0]
    if expected is None:
        die(f"no SHA256 for {path} in the {SUITE} Release file")
    compressed = download(f"{MIRROR}/dists/{SUITE}/{path}")
    if hashlib.sha256(compressed).hexdigest() != expected:
        die(f"SHA256 of {path} does not match the Release file")
    packages, providers = {}, {}
    for stanza in lzma.decompress(compressed).decode().split("\n\n"):
        fields = dict(re.findall(r"^([\w-]+): (.*)$", stanza, re.MULTILINE))
        if "Package" not in fields:
            continue
        packages[fields["Package"]] = fields
        for provided in fields.get("Provides", "").split(","):
            if provided.strip():
                providers.setdefault(provided.split()[0], []).append(fields["Package"])
    return packages, providers


def closure(wanted, packages, providers):
    """The packages named and everything they depend on, in a stable order."""
    chosen, pending = [], list(wanted)
    while pending:
        name = pending.pop(0)
        if name in chosen or (name in SKIPPED and name not in wanted):
            continue
        if name not in packages:
            die(f"no package {name} in {SUITE}/riscv64")
        chosen.append(name)
        fields = packages[name]
        relations = ",".join(filter(None, [fields.get("Pre-Depends"), fields.get("Depends")]))
        for relation in filter(None, (part.strip() for part in relations.split(","))):
            for alternative in relation.split("|"):
                candidate = alternative.split()[0].split(":")[0]
                real = candidate if candidate in packages else next(iter(providers.get(candidate, [])), None)
                if real:
                    pending.append(real)
                    break
    return chosen


def unpack(name, fields, destination, work):
    """Downloads one package, checks its SHA256 and unpacks it into destination."""
    url = f"{MIRROR}/{fields['Filename']}"
    data = download(url)
    if hashlib.sha256(data).hexdigest() != fields["SHA256"]:
        die(f"SHA256 of {url} does not match its Packages entry")
    deb = os.path.join(work, f"{name}.deb")
    with open(deb, "wb") as file:
        file.write(data)
    if subprocess.run(["dpkg-deb", "-x", deb, destination]).returncode != 0:
        die(f"dpkg-deb cannot unpack {url}")
    print(f"fetch-debian-sysroot: {name} {fields['Version']}")


def main():
    if len(sys.argv) < 3:
        print(f"usage: {sys.argv[0]} DEST PACKAGE...", file=sys.stderr)
        sys.exit(2)
    destination, wanted = sys.argv[1], sys.argv[2:]
    marker = os.path.join(destination, ".packages")
    request = " ".join(sorted(wanted)) + f" ({SUITE})\n"
    if os.path.exists(marker) and open(marker).read() == request:
        return
    if shutil.which("dpkg-deb") is None:
        die("dpkg-deb not found (this script needs Debian's dpkg)")
    packages, providers = packages_index()
    partial = destination + ".partial"
    shutil.rmtree(partial, ignore_errors=True)
    os.makedirs(partial)
    with tempfile.TemporaryDirectory(prefix="fetch-debian-sysroot.") as work:
        for name in closure(wanted, packages, providers):
            unpack(name, packages[name], partial, work)
    for directory in ("bin", "sbin", "lib", "lib64"):
        link = os.path.join(partial, directory)
        if not os.path.lexists(link) and os.path.isdir(os.path.join(partial, "usr", directory)):
            os.symlink(f"usr/{directory}", link)
    with open(os.path.join(partial, ".packages"), "w") as file:
        file.write(request)
    shutil.rmtree(destination, ignore_errors=True)
    os.rename(partial, destination)


if __name__ == "__main__":
    main()
