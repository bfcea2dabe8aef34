#!/usr/bin/env python3
"""Fetches Debian riscv64 packages and every library they depend on into a root file system (a sysroot).

usage: scripts/fetch-debian-root.py DEST PACKAGE...

Reads the suite's binary-riscv64 Packages.xz index, resolves Depends and Pre-Depends recursively (the first
alternative that exists, virtual packages through Provides), downloads each .deb from the mirror, checks it
against the SHA256 of its index entry, and extracts it into DEST with dpkg-deb. Then it adds the merged-/usr
links that base-files would (bin, sbin, lib -> usr/...), so /lib/ld-linux-riscv64-lp64d.so.1 resolves.
Packages that only serve package management and system configuration (SKIPPED) are left out.

Does nothing (but touch it) when DEST/.fetched already names the same suite and packages. Environment: DEBIAN_MIRROR
(default http://deb.debian.org/debian), DEBIAN_SUITE (default trixie). Needs dpkg-deb. On failure prints one
line `fetch-debian-root: <reason>` on stderr and exits 1; 2 on a usage error.
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

SKIPPED = {"debconf", "debconf-2.0", "perl-base", "dpkg", "install-info", "tzdata", "init-system-helpers",
           "sensible-utils", "media-types", "mime-support", "netbase", "libc-bin", "readline-common",
           "python3.13-doc"}


def die(message):
    print(f"fetch-debian-root: {message}", file=sys.stderr)
    sys.exit(1)


def download(url):
    """The bytes at url; dies naming the url on failure."""
    for attempt in range(3):
        try:
            with urllib.request.urlopen(url, timeout=60) as response:
                return response.read()
        except OSError as error:
            if attempt == 2:
                die(f"cannot download {url} ({error})")
    return b""


def parse_index(text):
    """Package name -> its stanza's fields, and virtual name -> the packages providing it."""
    packages, providers = {}, {}
    for stanza in text.split("\n\n"):
        fields, key = {}, None
        for line in stanza.splitlines():
            if line.startswith((" ", "\t")) and key:
                fields[key] += "\n" + line
            elif ":" in line:
                key, value = line.split(":", 1)
                fields[key] = value.strip()
        name = fields.get("Package")
        if not name:
            continue
        packages[name] = fields
        for provided in fields.get("Provides", "").split(","):
            provided = re.sub(r"\(.*\)", "", provided).strip()
            if provided:
                providers.setdefault(provided, []).append(name)
    return packages, providers


def dependencies(fields):
    """The alternatives of each Depends and Pre-Depends entry, as lists of bare package names."""
    entries = []
    for key in ("Pre-Depends", "Depends"):
        for entry in fields.get(key, "").split(","):
            names = [re.sub(r"\(.*?\)|\[.*?\]|:any|:native", "", alternative).strip()
                     for alternative in entry.split("|")]
            names = [name for name in names if name]
            if names:
                entries.append(names)
    return entries


def resolve(wanted, packages, providers):
    """Every package needed by `wanted`, in a stable order; dies for a package the index lacks."""
    chosen, queue = [], list(wanted)
    while queue:
        name = queue.pop(0)
        if name in chosen or name in SKIPPED:
            continue
        if name not in packages:
            die(f"no package {name} in the index")
        chosen.append(name)
        for alternatives in dependencies(packages[name]):
            if any(a in chosen or a in SKIPPED for a in alternatives):
                continue
            real = [a for a in alternatives if a in packages]
            virtual = [p for a in alternatives for p in providers.get(a, [])]
            if real or virtual:
                queue.append((real or virtual)[0])
            else:
                die(f"{name} depends on {' | '.join(alternatives)}, which the index does not hold")
    return chosen


def main():
    if len(sys.argv) < 3:
        print(f"usage: {sys.argv[0]} DEST PACKAGE...", file=sys.stderr)
        sys.exit(2)
    dest, wanted = sys.argv[1].rstrip("/"), sys.argv[2:]
    mirror = os.environ.get("DEBIAN_MIRROR", "http://deb.debian.org/debian")
    suite = os.environ.get("DEBIAN_SUITE", "trixie")
    stamp_text = f"{suite} {' '.join(sorted(wanted))}\n"
    stamp = os.path.join(dest, ".fetched")
    if os.path.exists(stamp) and open(stamp).read() == stamp_text:
        os.utime(stamp)
        return
    if shutil.which("dpkg-deb") is None:
        die("dpkg-deb not found (this script needs Debian's dpkg)")

    index_url = f"{mirror}/dists/{suite}/main/binary-riscv64/Packages.xz"
    packages, providers = parse_index(lzma.decompress(download(index_url)).decode("utf-8", "replace"))
    chosen = resolve(wanted, packages, providers)

    if os.path.exists(dest):
        shutil.rmtree(dest)
    os.makedirs(dest)
    with tempfile.TemporaryDirectory(prefix="fetch-debian-root.") as work:
        for name in chosen:
            fields = packages[name]
            url = f"{mirror}/{fields['Filename']}"
            data = download(url)
            if hashlib.sha256(data).hexdigest() != fields.get("SHA256"):
                die(f"SHA256 of {url} does not match the Packages entry ({fields.get('SHA256')})")
            deb = os.path.join(work, f"{name}.deb")
            with open(deb, "wb") as file:
                file.write(data)
            if subprocess.run(["dpkg-deb", "-x", deb, dest]).returncode != 0:
                die(f"dpkg-deb cannot extract {url}")
    for link in ("bin", "sbin", "lib"):
        if not os.path.lexists(os.path.join(dest, link)):
            os.symlink(f"usr/{link}", os.path.join(dest, link))
    with open(stamp, "w") as file:
        file.write(stamp_text)
    print(f"fetch-debian-root: {dest} from {suite}: {' '.join(chosen)}")


if __name__ == "__main__":
    main()
