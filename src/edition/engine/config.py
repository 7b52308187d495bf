"""The generator's configuration: build/mkdocs.yml, which inherits the project's and adds
what the sources decide (navigation, address, the versions menu), for the online site or
its file:// copy."""

from __future__ import annotations

from pathlib import Path

from ..model import Edition
from ..read.sources import Paths
from ..read.yamlfile import config_value, dump_yaml
from ..render.docs import SCRIPTS, STYLES, nav

THEME = Path(__file__).with_name("theme")  # the theme's documented hooks, for every edition
OFFLINE = {
    # Material's offline plugin: search from file://, with the iframe-worker shim
    # shipped in the theme hooks instead of fetched from a CDN.
    "plugins": ["search", "offline"],
    "extra": {"polyfills": ["assets/javascripts/iframe-worker/shim.js"]},
}


def write_config(edition: Edition, paths: Paths, variant: str = "") -> Path:
    """build/mkdocs[-variant].yml: it inherits the project's and adds what the sources
    decide; the "offline" variant is the one for file://."""
    suffix = f"-{variant}" if variant else ""
    config = {
        "INHERIT": str(paths.mkdocs_yml.resolve()),
        "docs_dir": f"docs{suffix}",
        "site_dir": f"site{suffix}",
        "site_url": edition.metadata["site_url"],
        "theme": {"custom_dir": str(THEME)},
        # the reading pages' own styles and scripts first, then any the project adds
        "extra_css": [*STYLES, *(config_value(paths.mkdocs_yml, "extra_css") or [])],
        "extra_javascript": [*SCRIPTS, *(config_value(paths.mkdocs_yml, "extra_javascript") or [])],
        "nav": nav(edition),
        **(OFFLINE if variant == "offline" else {}),
    }
    config["extra"] = {**config.get("extra", {}), "edition": versions_menu(edition, variant)}
    path = paths.build / f"mkdocs{suffix}.yml"
    path.write_text(dump_yaml(config), "utf-8")
    return path


def versions_menu(edition: Edition, variant: str = "") -> dict:
    """What the theme's banner shows: this version, whether it is the latest, and every
    version with its address relative to this version's root (none offline, where
    only this version is at hand)."""
    meta = edition.metadata
    release, latest = meta.get("release"), meta.get("latest_version") or str(meta["version"])
    up = "../../" if release else ""
    versions = [{"version": latest, "href": up, "latest": True}]
    versions += [
        {"version": r["version"], "href": f"{up}v/{r['version']}/", "latest": False}
        for r in reversed(meta.get("releases") or [])
    ]
    return {
        "version": str(meta["version"]),
        "release": release,
        "old": bool(release) and release != latest,
        "latest": latest,
        "latest_href": up,
        "versions": [] if variant else versions,
    }
