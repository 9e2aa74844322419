#!/usr/bin/env python3
"""Checks that Cargo.toml's rust-version is at least every dependency's declared rust-version.

Only the one toolchain of the machine can build here, so the declared minimum is checked
against what the dependencies declare (`cargo metadata`), not by building with an old compiler.
"""
import json
import subprocess
import sys

meta = json.loads(subprocess.run(
    ["cargo", "metadata", "--format-version", "1", "--locked"],
    check=True, capture_output=True, text=True).stdout)


def version(v):
    return tuple(int(x) for x in v.split("."))


ours = next(p for p in meta["packages"] if p["id"] in meta["workspace_members"])
declared = version(ours["rust_version"])
need = max(((version(p["rust_version"]), p["name"]) for p in meta["packages"]
            if p.get("rust_version") and p["id"] not in meta["workspace_members"]), default=((0,), ""))
if need[0] > declared:
    sys.exit(f"rust-version {ours['rust_version']} is below {'.'.join(map(str, need[0]))}, "
             f"which {need[1]} declares")
print(f"rust-version {ours['rust_version']}: every dependency declares at most "
      f"{'.'.join(map(str, need[0]))} ({need[1]})")
